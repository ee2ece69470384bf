//! The review state of one notes file, as kept on disk: each rated card's
//! memory, the day each topic was last opened, the cards gone from the
//! notes, and every rating; and the changes made to it ([`Change`]), which
//! are applied in memory at once and to the file when it is saved
//! ([`super::store`]).
//!
//! ```json
//! { "version": 1, "notes": "/home/me/notes/study-notes.txt",
//!   "cards": { "8.22 › tcp握手": { "phase": "review", "stability": 2.3, … } },
//!   "seen": { "8.22 › tcp握手": "2025-08-22" },
//!   "gone": { "8.21 › 旧的": "2025-08-20" },
//!   "log": [ { "card": "8.22 › tcp握手", "day": "2025-08-22", "rating": 3, "before": null } ] }
//! ```

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::day::Day;
use super::schedule::{Memory, Phase};

/// The format written; files of a later one are not read.
pub const VERSION: u32 = 1;

/// How long a card whose topic is gone is kept, in case it comes back.
pub const KEEP_GONE_DAYS: i64 = 90;

/// The state of one notes file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct State {
    /// The format.
    pub version: u32,
    /// The notes file, by absolute path.
    #[serde(default)]
    pub notes: String,
    /// Every card rated at least once, by name.
    #[serde(default)]
    pub cards: BTreeMap<String, Memory>,
    /// The last day each topic was opened in the viewer.
    #[serde(default)]
    pub seen: BTreeMap<String, Day>,
    /// Cards no longer in the notes, with the day they were first missed.
    #[serde(default)]
    pub gone: BTreeMap<String, Day>,
    /// Every rating, oldest first.
    #[serde(default)]
    pub log: Vec<LogEntry>,
}

/// One rating.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogEntry {
    /// The card's name.
    pub card: String,
    /// The day of the rating.
    pub day: Day,
    /// 1 again, 2 hard, 3 good, 4 easy.
    pub rating: u8,
    /// The phase before the rating; `None` for a new card.
    pub before: Option<Phase>,
}

/// One change to a state, applied in memory at once and to the file when
/// it is saved.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// A card was rated: its new memory, and the log line.
    Rated {
        /// The card's memory after the rating.
        memory: Memory,
        /// The rating.
        entry: LogEntry,
    },
    /// A rating was taken back: the memory before it (`None`: new again).
    Undone {
        /// The memory before the rating.
        before: Option<Memory>,
        /// The rating taken back.
        entry: LogEntry,
    },
    /// A topic was opened on a day.
    Seen {
        /// The topic's card name.
        card: String,
        /// The day.
        day: Day,
    },
}

impl State {
    /// Applies `change`.
    pub fn apply(&mut self, change: &Change) {
        match change {
            Change::Rated { memory, entry } => {
                self.cards.insert(entry.card.clone(), memory.clone());
                self.log.push(entry.clone());
            }
            Change::Undone { before, entry } => {
                match before {
                    Some(m) => self.cards.insert(entry.card.clone(), m.clone()),
                    None => self.cards.remove(&entry.card),
                };
                if let Some(i) = self.log.iter().rposition(|e| e == entry) {
                    self.log.remove(i);
                }
            }
            Change::Seen { card, day } => {
                let last = self.seen.entry(card.clone()).or_insert(*day);
                *last = (*last).max(*day);
            }
        }
    }

    /// Marks the cards not in `present` as gone (from `today`), those in it
    /// as back, and forgets what has been gone for [`KEEP_GONE_DAYS`].
    pub fn sweep(&mut self, present: &BTreeSet<String>, today: Day) {
        let known: BTreeSet<String> = self.cards.keys().chain(self.seen.keys()).cloned().collect();
        for key in &known {
            if present.contains(key) {
                self.gone.remove(key);
            } else {
                self.gone.entry(key.clone()).or_insert(today);
            }
        }
        let expired: Vec<String> = self
            .gone
            .iter()
            .filter(|(_, since)| today.since(**since) > KEEP_GONE_DAYS)
            .map(|(k, _)| k.clone())
            .collect();
        for key in expired {
            self.cards.remove(&key);
            self.seen.remove(&key);
            self.gone.remove(&key);
        }
        self.gone.retain(|k, _| known.contains(k));
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::review::schedule::{Rating, Scheduler};

    /// A rating of `card` as Good on `day`, as the session makes one.
    pub(in crate::review) fn rated(card: &str, day: Day) -> Change {
        let memory = Scheduler::default().rate(None, Rating::Good, day);
        Change::Rated {
            memory,
            entry: LogEntry {
                card: card.into(),
                day,
                rating: 3,
                before: None,
            },
        }
    }

    /// The cards whose topics the notes hold.
    pub(in crate::review) fn present(keys: &[&str]) -> BTreeSet<String> {
        keys.iter().map(|k| k.to_string()).collect()
    }

    #[test]
    fn gone_cards_are_kept_ninety_days() {
        let day = Day::of((2025, 8, 22));
        let mut state = State::default();
        state.apply(&rated("old", day));
        state.sweep(&present(&[]), day);
        assert_eq!(state.gone.get("old"), Some(&day));
        // Back within the time: kept, no longer gone.
        state.sweep(&present(&["old"]), day.plus(30));
        assert!(state.gone.is_empty() && state.cards.contains_key("old"));
        state.sweep(&present(&[]), day.plus(40));
        state.sweep(&present(&[]), day.plus(40 + KEEP_GONE_DAYS));
        assert!(state.cards.contains_key("old"));
        state.sweep(&present(&[]), day.plus(41 + KEEP_GONE_DAYS));
        assert!(state.cards.is_empty() && state.gone.is_empty());
    }
}
