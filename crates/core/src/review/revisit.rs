//! A topic to revisit, drawn at random: each topic's chance grows with the
//! days since it was last opened or reviewed (since its own date when it
//! never was), so what has not been looked at for long comes up most.
//!
//! ```text
//! topic        last seen     weight (days + 1)
//! tcp握手      today         1
//! cookie是什么  30 days ago   31     ← 31 times as likely as tcp握手
//! ```

use super::{DayNumber, Deck};

/// The most a weight grows: ten years.
const MAX_DAYS: i64 = 3650;

/// Each topic's index in [`Deck::topics`] and its weight.
pub fn weights(deck: &Deck, today: DayNumber) -> Vec<(usize, u64)> {
    deck.topics
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let last = last_look(deck, i).unwrap_or(DayNumber(t.day));
            let days = today.since(last).clamp(0, MAX_DAYS);
            (i, days as u64 + 1)
        })
        .collect()
}

/// The last day topic `i` was opened or reviewed as a card; `None` when
/// it never was.
pub fn last_look(deck: &Deck, i: usize) -> Option<DayNumber> {
    let key = &deck.topics.get(i)?.key;
    let state = &deck.file.state;
    let seen = state.seen.get(key).copied();
    let reviewed = state.cards.get(key).map(|m| m.last_review);
    seen.max(reviewed)
}

/// How long ago topic `i` was last looked at, in words: `opened today`,
/// `not opened for 43 days`, `never opened`; the real count, whatever the
/// weight's cap.
pub fn age(deck: &Deck, i: usize, today: DayNumber) -> String {
    match last_look(deck, i).map(|d| today.since(d).max(0)) {
        None => "never opened".into(),
        Some(0) => "opened today".into(),
        Some(1) => "not opened since yesterday".into(),
        Some(n) => format!("not opened for {n} days"),
    }
}

/// The entry `roll` falls on, `roll` taken modulo the sum of the weights.
pub fn pick(weights: &[(usize, u64)], roll: u64) -> Option<usize> {
    let total: u64 = weights.iter().map(|(_, w)| w).sum();
    if total == 0 {
        return None;
    }
    let mut left = roll % total;
    for &(i, w) in weights {
        if left < w {
            return Some(i);
        }
        left -= w;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::from_text;
    use crate::review::{ReviewSettings, StateFile};

    #[test]
    fn topics_not_seen_for_long_weigh_more() {
        // Topics whether or not they are cards (these are empty).
        let nb = from_text("t", "8.1\n    1.a\n8.31\n    1.b\n".into());
        let days = [
            DayNumber::of((2025, 8, 1)).0,
            DayNumber::of((2025, 8, 31)).0,
        ];
        let settings = ReviewSettings::default();
        let mut deck = Deck::new(&nb, settings, StateFile::default(), &days);
        assert!(deck.cards.is_empty());
        let today = DayNumber::of((2025, 9, 10));
        // Never opened: the days since each topic's date.
        assert_eq!(weights(&deck, today), [(0, 41), (1, 11)]);
        deck.saw_key("8.1 › a", today);
        assert_eq!(weights(&deck, today), [(0, 1), (1, 11)]);
        let w = weights(&deck, today);
        assert_eq!(pick(&w, 0), Some(0));
        assert_eq!(pick(&w, 1), Some(1));
        assert_eq!(pick(&w, 11), Some(1));
        assert_eq!(pick(&w, 12), Some(0), "modulo the total");
        assert_eq!(pick(&[], 5), None);
    }

    #[test]
    fn the_age_said_is_the_real_one() {
        let nb = from_text("t", "1980.1.1\n    1.old\n".into());
        let days = [DayNumber::of((1980, 1, 1)).0];
        let mut deck = Deck::new(&nb, ReviewSettings::default(), StateFile::default(), &days);
        let today = DayNumber::of((2025, 9, 10));
        // The weight stops at ten years; the words do not.
        assert_eq!(weights(&deck, today), [(0, MAX_DAYS as u64 + 1)]);
        assert_eq!(age(&deck, 0, today), "never opened");
        deck.saw_key("1980-01-01 › old", DayNumber::of((2000, 1, 1)));
        assert_eq!(age(&deck, 0, today), "not opened for 9384 days");
        deck.saw_key("1980-01-01 › old", today);
        assert_eq!(age(&deck, 0, today), "opened today");
    }
}
