//! FSRS-6, the memory model Anki schedules with, written out: a card's
//! memory is a stability `s` (days until recall falls to 90 %) and a
//! difficulty `d` (1 to 10); each rating moves both, and the next interval
//! is the day recall is expected to fall to the retention aimed at.
//!
//! ```text
//!   recall after t days     R(t) = (1 + F·t/s)^-c,  F = 0.9^(-1/c) - 1
//!   first rating g          s = w[g-1],  d = w4 - e^(w5·(g-1)) + 1
//!   rated again the same day        s · e^(w17·(g-3+w18)) · s^-w19
//!   remembered after t days         s · (1 + e^w8 · (11-d) · s^-w9 · (e^(w10·(1-R)) - 1) · hard · easy)
//!   forgotten after t days          min(w11 · d^-w12 · ((s+1)^w13 - 1) · e^(w14·(1-R)), s / e^(w17·w18))
//!   difficulty                      d + (10-d) · -w6·(g-3) / 9, pulled by w7 toward the first "easy"
//! ```
//!
//! The weights are FSRS-6's published defaults, the ones the `fsrs` crate
//! of the open-spaced-repetition project ships; a test holds this module to
//! a table of that crate's results.

/// FSRS-6's default weights `w0`…`w20` (`w20` is the forgetting curve's
/// decay `c`).
const W: [f32; 21] = [
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835,
    0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
];

/// The bounds every state is held to.
const STABILITY: (f32, f32) = (0.001, 36_500.0);
const DIFFICULTY: (f32, f32) = (1.0, 10.0);

/// A card's memory.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct State {
    /// Days until recall falls to 90 %.
    pub stability: f32,
    /// 1 (easy) to 10 (hard).
    pub difficulty: f32,
}

/// `F` of the forgetting curve: recall is 90 % after `s` days.
fn curve_factor() -> f32 {
    // e^(ln 0.9 / -c) rather than 0.9^(-1/c): the same number, rounded as
    // the reference rounds it, so that whole-day intervals agree.
    (0.9f32.ln() / -W[20]).exp() - 1.0
}

/// Recall expected `days` after the last rating of a card of stability `s`.
pub fn recall(days: f32, s: f32) -> f32 {
    (days / s * curve_factor() + 1.0).powf(-W[20])
}

/// Days until recall falls to `retention` (at 0.9: the stability itself).
pub fn interval(s: f32, retention: f32) -> f32 {
    s / curve_factor() * (retention.powf(1.0 / -W[20]) - 1.0)
}

/// The difficulty a first rating `grade` (1–4) gives, unbounded.
fn first_difficulty(grade: u8) -> f32 {
    W[4] - (W[5] * f32::from(grade - 1)).exp() + 1.0
}

/// The memory after rating `grade` (1 again … 4 easy), `days` after the
/// last rating of `before` (`None`: a card never rated).
pub fn after(before: Option<State>, grade: u8, days: f32) -> State {
    let grade = grade.clamp(1, 4);
    let Some(before) = before else {
        return State {
            stability: W[usize::from(grade - 1)].clamp(STABILITY.0, STABILITY.1),
            difficulty: first_difficulty(grade).clamp(DIFFICULTY.0, DIFFICULTY.1),
        };
    };
    let s = before.stability.clamp(STABILITY.0, STABILITY.1);
    let d = before.difficulty.clamp(DIFFICULTY.0, DIFFICULTY.1);
    let g = f32::from(grade);
    let stability = if days == 0.0 {
        same_day(s, g)
    } else if grade == 1 {
        forgotten(s, d, recall(days, s))
    } else {
        remembered(s, d, recall(days, s), grade)
    };
    // Harder ratings raise the difficulty, less so the nearer it is to 10;
    // a little of the first "easy" difficulty pulls it back every time.
    let moved = d + (10.0 - d) * (-W[6] * (g - 3.0)) / 9.0;
    let difficulty = W[7] * (first_difficulty(4) - moved) + moved;
    State {
        stability: stability.clamp(STABILITY.0, STABILITY.1),
        difficulty: difficulty.clamp(DIFFICULTY.0, DIFFICULTY.1),
    }
}

/// Rated again on the day of the last rating: a short-term step, never
/// down for a pass.
fn same_day(s: f32, g: f32) -> f32 {
    let growth = (W[17] * (g - 3.0 + W[18])).exp() * s.powf(-W[19]);
    s * if g >= 2.0 { growth.max(1.0) } else { growth }
}

/// Remembered: the lower the recall was, the more the stability grows.
fn remembered(s: f32, d: f32, r: f32, grade: u8) -> f32 {
    let hard = if grade == 2 { W[15] } else { 1.0 };
    let easy = if grade == 4 { W[16] } else { 1.0 };
    let growth = W[8].exp() * (11.0 - d) * s.powf(-W[9]) * ((W[10] * (1.0 - r)).exp() - 1.0);
    s * (growth * hard * easy + 1.0)
}

/// Forgotten: a new, smaller stability, never above what a same-day
/// "again" would leave.
fn forgotten(s: f32, d: f32, r: f32) -> f32 {
    let fresh = W[11] * d.powf(-W[12]) * ((s + 1.0).powf(W[13]) - 1.0) * (W[14] * (1.0 - r)).exp();
    fresh.min(s / (W[17] * W[18]).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rating, days since the last one, stability, difficulty, interval.
    type Step = (u8, u32, f64, f64, i64);

    /// Paths of ratings as the `fsrs` crate (6.6.2, FSRS-6 defaults)
    /// scheduled them, step by step: (rating, days since the last one,
    /// stability, difficulty, whole-day interval at 90 %). Recorded from that
    /// crate over 20,000 random paths of eight ratings, all agreeing to the
    /// bit; the first ten are kept here.
    #[rustfmt::skip]
    const REFERENCE: &[&[Step]] = &[
    &[(2, 0, 1.2931, 5.1122, 1), (2, 3, 5.3526, 6.7405, 5), (2, 3, 8.9495, 7.8214, 9), (2, 18, 19.0616, 8.5390, 19), (1, 38, 2.0107, 9.5050, 2), (4, 0, 3.4712, 9.3248, 3), (4, 0, 5.7811, 9.0844, 6), (2, 6, 8.5315, 9.3774, 9)],
    &[(4, 0, 8.2956, 1.0000, 8), (4, 17, 102.3355, 1.0000, 102), (4, 0, 136.4138, 1.0000, 136), (4, 68, 491.7415, 1.0000, 492), (1, 246, 6.7172, 7.0270, 7), (1, 7, 1.1090, 9.0080, 1), (3, 0, 1.1574, 8.9942, 1), (4, 1, 3.2131, 8.6434, 3)],
    &[(4, 0, 8.2956, 1.0000, 8), (3, 4, 26.1948, 1.0000, 26), (2, 52, 103.4499, 4.0106, 103), (4, 103, 439.2460, 1.9945, 439), (4, 0, 531.9974, 1.0000, 532), (2, 0, 531.9974, 4.0106, 532), (2, 266, 780.5287, 6.0092, 781), (4, 0, 910.2520, 4.6609, 910)],
    &[(1, 0, 0.2120, 6.4133, 0), (4, 0, 0.4244, 5.2000, 0), (4, 1, 5.3888, 3.5813, 5), (3, 5, 20.8025, 3.5730, 21), (4, 10, 74.2368, 1.4106, 74), (4, 37, 279.4233, 1.0000, 279), (3, 140, 625.7224, 1.0000, 626), (3, 626, 1779.2849, 1.0000, 1779)],
    &[(3, 0, 2.3065, 2.1181, 2), (1, 1, 0.5713, 7.3945, 1), (3, 1, 2.3412, 7.3823, 2), (3, 2, 5.8725, 7.3702, 6), (4, 3, 15.4393, 6.4766, 15), (1, 15, 1.6909, 8.8271, 2), (1, 3, 0.4890, 9.5997, 0), (1, 0, 0.1820, 9.8537, 0)],
    &[(1, 0, 0.2120, 6.4133, 0), (1, 0, 0.0834, 8.8063, 0), (4, 0, 0.1774, 8.3927, 0), (2, 0, 0.1774, 8.9182, 0), (3, 0, 0.2089, 8.9045, 0), (2, 0, 0.2089, 9.2580, 0), (3, 1, 0.8414, 9.2440, 1), (3, 2, 2.2682, 9.2299, 2)],
    &[(3, 0, 2.3065, 2.1181, 2), (1, 5, 0.6826, 7.3945, 1), (4, 0, 1.2652, 6.5091, 1), (4, 1, 5.9042, 5.3278, 6), (3, 0, 5.9042, 5.3177, 6), (4, 6, 31.3788, 3.7384, 31), (4, 63, 235.8345, 1.6312, 236), (1, 0, 58.4477, 7.2345, 58)],
    &[(4, 0, 8.2956, 1.0000, 8), (2, 8, 26.7042, 4.0106, 27), (1, 27, 2.2431, 8.0166, 2), (2, 0, 2.2431, 8.6685, 2), (2, 2, 3.6062, 9.1013, 4), (2, 2, 4.7501, 9.3887, 5), (2, 5, 6.7341, 9.5794, 7), (1, 0, 2.1089, 9.8470, 2)],
    &[(1, 0, 0.2120, 6.4133, 0), (4, 0, 0.4244, 5.2000, 0), (4, 1, 5.3888, 3.5813, 5), (2, 0, 5.3888, 5.7242, 5), (2, 0, 5.3888, 7.1468, 5), (4, 11, 30.6231, 6.1786, 31), (2, 15, 46.2364, 7.4484, 46), (1, 46, 2.7128, 9.1465, 3)],
    &[(1, 0, 0.2120, 6.4133, 0), (4, 0, 0.4244, 5.2000, 0), (4, 0, 0.8116, 3.5813, 1), (1, 0, 0.2921, 7.8755, 0), (1, 1, 0.1273, 9.2869, 0), (1, 0, 0.0518, 9.7508, 0), (1, 0, 0.0223, 9.9033, 0), (3, 0, 0.0301, 9.8887, 0)],
    ];

    #[test]
    fn agrees_with_the_reference_scheduler() {
        for (n, path) in REFERENCE.iter().enumerate() {
            let mut state = None;
            for (step, &(grade, days, s, d, days_next)) in path.iter().enumerate() {
                let now = after(state, grade, days as f32);
                let at = format!("path {n}, step {step}: {now:?}");
                assert!(
                    (f64::from(now.stability) - s).abs() <= 5e-5 * s.max(1.0),
                    "{at}"
                );
                assert!((f64::from(now.difficulty) - d).abs() <= 5e-5 * d, "{at}");
                assert_eq!(
                    interval(now.stability, 0.9).round() as i64,
                    days_next,
                    "{at}"
                );
                state = Some(now);
            }
        }
    }

    #[test]
    fn recall_is_ninety_percent_after_the_stability() {
        for s in [0.5f32, 3.0, 40.0, 900.0] {
            assert!((recall(s, s) - 0.9).abs() < 1e-5);
            assert!((interval(s, 0.9) - s).abs() < 1e-3 * s);
            assert!(interval(s, 0.8) > s && interval(s, 0.95) < s);
        }
    }
}
