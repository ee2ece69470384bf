//! When a card comes back: FSRS-6 (the scheduler Anki uses, written out in
//! [`fsrs6`]) gives each card a memory state — stability and difficulty —
//! and the interval at which it would be recalled with 90 % probability;
//! this module keeps that state per card and counts in whole days.
//!
//! ```text
//!            Again ─► learning / relearning, due today (seen again this sitting)
//!   new ──┬─ Hard ──► review, due in max(1, round(hard)) days
//!         ├─ Good ──► review, due in the good interval (≥ hard + 1)
//!         └─ Easy ──► review, due in the easy interval (≥ good + 1)
//! ```

use serde::{Deserialize, Serialize};

use super::day::DayNumber;

pub mod fsrs6;

/// The recall probability the intervals aim at.
pub const DESIRED_RETENTION: f32 = 0.9;

/// How well a card was remembered, as Anki's four buttons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rating {
    /// Forgotten: shown again this sitting.
    Again,
    /// Remembered with difficulty.
    Hard,
    /// Remembered.
    Good,
    /// Remembered at once.
    Easy,
}

impl Rating {
    /// Every rating, in key order.
    pub const ALL: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

    /// 1 to 4, as typed and as kept in the log.
    pub fn number(self) -> u8 {
        match self {
            Rating::Again => 1,
            Rating::Hard => 2,
            Rating::Good => 3,
            Rating::Easy => 4,
        }
    }

    /// The rating typed as `n`.
    pub fn from_number(n: u8) -> Option<Rating> {
        Rating::ALL.get(usize::from(n).checked_sub(1)?).copied()
    }

    /// `again`, `hard`, `good`, `easy`.
    pub fn name(self) -> &'static str {
        match self {
            Rating::Again => "again",
            Rating::Hard => "hard",
            Rating::Good => "good",
            Rating::Easy => "easy",
        }
    }
}

/// Where a card is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Rated `again` before it was ever remembered.
    Learning,
    /// Remembered at least once; due after its interval.
    Review,
    /// Forgotten after it had been remembered.
    Relearning,
}

/// What the schedule knows of one card that has been rated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Memory {
    /// Learning, review or relearning.
    pub phase: Phase,
    /// FSRS stability: days until recall drops to 90 %.
    pub stability: f32,
    /// FSRS difficulty, 1 to 10.
    pub difficulty: f32,
    /// The day it is shown again.
    pub due: DayNumber,
    /// The day it was last rated.
    pub last_review: DayNumber,
    /// Times rated.
    pub reps: u32,
    /// Times forgotten after being remembered.
    pub lapses: u32,
    /// The day it was first rated (counts against that day's new cards).
    pub introduced: DayNumber,
}

impl Memory {
    /// Days until it is due again, from its last rating.
    pub fn interval(&self) -> i64 {
        self.due.since(self.last_review)
    }
}

/// FSRS-6 with its default parameters.
#[derive(Debug, Default)]
pub struct Scheduler;

impl Scheduler {
    /// The card's memory after `rating` on `today`, from `before` (`None`
    /// for a new card).
    pub fn rate(&self, before: Option<&Memory>, rating: Rating, today: DayNumber) -> Memory {
        let (states, intervals) = self.next(before, today);
        let i = usize::from(rating.number() - 1);
        let state = states[i];
        let (phase, due) = match (rating, before.map(|m| m.phase)) {
            (Rating::Again, None | Some(Phase::Learning)) => (Phase::Learning, today),
            (Rating::Again, Some(_)) => (Phase::Relearning, today),
            _ => (Phase::Review, today.plus(intervals[i])),
        };
        let lapsed = rating == Rating::Again && before.is_some_and(|m| m.phase == Phase::Review);
        Memory {
            phase,
            stability: state.stability,
            difficulty: state.difficulty,
            due,
            last_review: today,
            reps: before.map_or(0, |m| m.reps) + 1,
            lapses: before.map_or(0, |m| m.lapses) + u32::from(lapsed),
            introduced: before.map_or(today, |m| m.introduced),
        }
    }

    /// The days until due after each rating (0 for `again`: today).
    pub fn intervals(&self, before: Option<&Memory>, today: DayNumber) -> [i64; 4] {
        let mut days = self.next(before, today).1;
        days[0] = 0;
        days
    }

    /// The memory state after each rating, and the whole-day intervals,
    /// each later button at least a day longer than the one before.
    fn next(&self, before: Option<&Memory>, today: DayNumber) -> ([fsrs6::State; 4], [i64; 4]) {
        let memory = before.map(|m| fsrs6::State {
            stability: m.stability,
            difficulty: m.difficulty,
        });
        let elapsed = before.map_or(0, |m| today.since(m.last_review).clamp(0, 36_500)) as f32;
        let finite = |s: &fsrs6::State| s.stability.is_finite() && s.difficulty.is_finite();
        let mut states = [1, 2, 3, 4].map(|g| fsrs6::after(memory, g, elapsed));
        if !states.iter().all(finite) {
            // A state read from a damaged file: start it again as new.
            states = [1, 2, 3, 4].map(|g| fsrs6::after(None, g, 0.0));
        }
        let mut days = states.map(|s| {
            (fsrs6::interval(s.stability, DESIRED_RETENTION).round() as i64).clamp(1, 36_500)
        });
        for i in 2..4 {
            days[i] = days[i].max(days[i - 1] + 1);
        }
        (states, days)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_card_through_its_first_days() {
        let s = Scheduler;
        let day = DayNumber::of((2025, 8, 22));
        let [again, hard, good, easy] = s.intervals(None, day);
        assert_eq!(again, 0);
        assert!(
            1 <= hard && hard < good && good < easy,
            "{hard} {good} {easy}"
        );

        let first = s.rate(None, Rating::Good, day);
        assert_eq!(first.phase, Phase::Review);
        assert_eq!(first.due, day.plus(good));
        assert_eq!((first.reps, first.lapses, first.introduced), (1, 0, day));

        // Remembered again when due: the interval grows.
        let second = s.rate(Some(&first), Rating::Good, first.due);
        assert!(second.interval() > first.interval(), "{second:?}");
        assert!(second.stability > first.stability);

        // Forgotten: due today, a lapse, and a shorter stability.
        let lapse = s.rate(Some(&second), Rating::Again, second.due);
        assert_eq!(lapse.phase, Phase::Relearning);
        assert_eq!(lapse.due, second.due);
        assert_eq!(lapse.lapses, 1);
        assert!(lapse.stability < second.stability);
        assert_eq!(lapse.introduced, day);
    }

    #[test]
    fn again_on_a_new_card_is_learning_today() {
        let s = Scheduler;
        let day = DayNumber::of((2025, 8, 22));
        let m = s.rate(None, Rating::Again, day);
        assert_eq!((m.phase, m.due, m.lapses), (Phase::Learning, day, 0));
        let passed = s.rate(Some(&m), Rating::Good, day);
        assert_eq!(passed.phase, Phase::Review);
        assert!(passed.due > day);
    }

    #[test]
    fn ratings_by_number() {
        assert_eq!(Rating::from_number(3), Some(Rating::Good));
        assert_eq!(Rating::from_number(0), None);
        assert_eq!(Rating::from_number(5), None);
        assert!(
            Rating::ALL
                .iter()
                .all(|r| Rating::from_number(r.number()) == Some(*r))
        );
    }
}
