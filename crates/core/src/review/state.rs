//! The review state of one notes file, as kept on disk: each rated card's
//! memory, the day each topic was last opened, the cards gone from the
//! notes, and every rating; and the changes made to it ([`Change`]), which
//! are applied in memory at once and appended to the state's journal when
//! it is saved ([`super::store`]).
//!
//! ```json
//! { "version": 2, "generation": 8841…, "notes": "/home/me/notes/study-notes.txt",
//!   "cards": { "8.22 › tcp握手": { "phase": "review", "stability": 2.3, … } },
//!   "seen": { "8.22 › tcp握手": "2025-08-22" },
//!   "gone": { "8.21 › 旧的": "2025-08-20" },
//!   "log": [ { "card": "8.22 › tcp握手", "day": "2025-08-22", "rating": 3, "before": null } ] }
//! ```

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::day::Day;
use super::schedule::{Memory, Phase};

/// The format written; files of a later one are not read. Format 2 has a
/// journal beside the file, which daynotes of format 1 would not read.
pub const VERSION: u32 = 2;

/// How long a card whose topic is gone is kept, in case it comes back.
pub const KEEP_GONE_DAYS: i64 = 90;

/// The state of one notes file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct State {
    /// The format.
    pub version: u32,
    /// Which journal goes with this file: the one whose first line names
    /// the same generation ([`super::store`]); 0 in files of format 1.
    #[serde(default)]
    pub generation: u64,
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

/// One change to a state, applied in memory at once and appended to the
/// journal when it is saved: a line of JSON each,
/// `{"change":"rated","memory":{…},"entry":{…}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "lowercase")]
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
    /// A card was first missed from the notes on a day.
    Gone {
        /// The card's name.
        card: String,
        /// The day.
        day: Day,
    },
    /// A card missed from the notes is in them again.
    Back {
        /// The card's name.
        card: String,
    },
    /// A card gone for [`KEEP_GONE_DAYS`] is forgotten: its memory, the day
    /// it was opened and its mark as gone.
    Forgotten {
        /// The card's name.
        card: String,
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
            Change::Gone { card, day } => {
                self.gone.entry(card.clone()).or_insert(*day);
            }
            Change::Back { card } => {
                self.gone.remove(card);
            }
            Change::Forgotten { card } => {
                self.cards.remove(card);
                self.seen.remove(card);
                self.gone.remove(card);
            }
        }
    }

    /// The changes that mark the cards not in `present` as gone (from
    /// `today`), those in it as back, and forget what has been gone for
    /// [`KEEP_GONE_DAYS`]; none when there is nothing to change.
    pub fn sweep(&self, present: &BTreeSet<String>, today: Day) -> Vec<Change> {
        let mut changes = Vec::new();
        let known = || self.cards.keys().chain(self.seen.keys());
        let mut seen_keys = BTreeSet::new();
        for key in known() {
            if !seen_keys.insert(key) {
                continue;
            }
            let since = self.gone.get(key);
            match (present.contains(key), since) {
                (true, Some(_)) => changes.push(Change::Back { card: key.clone() }),
                (false, Some(since)) if today.since(*since) > KEEP_GONE_DAYS => {
                    changes.push(Change::Forgotten { card: key.clone() });
                }
                (false, None) => changes.push(Change::Gone {
                    card: key.clone(),
                    day: today,
                }),
                _ => {}
            }
        }
        // Marks of cards known no more.
        for key in self.gone.keys() {
            if !seen_keys.contains(key) {
                changes.push(Change::Forgotten { card: key.clone() });
            }
        }
        changes
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

    /// Applies what [`State::sweep`] finds.
    fn sweep(state: &mut State, present: &BTreeSet<String>, today: Day) {
        for c in state.sweep(present, today) {
            state.apply(&c);
        }
    }

    #[test]
    fn changes_are_lines_of_json_read_back_as_written() {
        let day = Day::of((2025, 8, 22));
        for change in [
            rated("8.22 › a", day),
            Change::Seen {
                card: "8.22 › a".into(),
                day,
            },
            Change::Gone {
                card: "x".into(),
                day,
            },
            Change::Back { card: "x".into() },
            Change::Forgotten { card: "x".into() },
        ] {
            let line = serde_json::to_string(&change).unwrap();
            assert!(!line.contains('\n'), "{line}");
            assert_eq!(serde_json::from_str::<Change>(&line).unwrap(), change);
        }
        let seen = serde_json::to_string(&Change::Seen {
            card: "t".into(),
            day,
        })
        .unwrap();
        assert_eq!(seen, r#"{"change":"seen","card":"t","day":"2025-08-22"}"#);
    }

    #[test]
    fn gone_cards_are_kept_ninety_days() {
        let day = Day::of((2025, 8, 22));
        let mut state = State::default();
        state.apply(&rated("old", day));
        let state = &mut state;
        sweep(state, &present(&[]), day);
        assert_eq!(state.gone.get("old"), Some(&day));
        // Back within the time: kept, no longer gone.
        sweep(state, &present(&["old"]), day.plus(30));
        assert!(state.gone.is_empty() && state.cards.contains_key("old"));
        sweep(state, &present(&[]), day.plus(40));
        sweep(state, &present(&[]), day.plus(40 + KEEP_GONE_DAYS));
        assert!(state.cards.contains_key("old"));
        sweep(state, &present(&[]), day.plus(41 + KEEP_GONE_DAYS));
        assert!(state.cards.is_empty() && state.gone.is_empty());
        // Nothing to change: no change.
        assert_eq!(state.sweep(&present(&[]), day), []);
    }
}
