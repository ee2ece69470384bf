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
//!   "buried": { "8.23 › http长轮询": "2025-08-22" },
//!   "suspended": [ "8.30 › 接口失效" ],
//!   "merged": [ "review-2024-01-05-9c1e….json" ],
//!   "log": [ { "card": "8.22 › tcp握手", "day": "2025-08-22", "rating": 3, "before": null } ] }
//! ```
//!
//! One state holds the cards of one notes file, or of a whole folder of
//! notes (a vault of daily notes): the states earlier versions kept per
//! file of a folder are folded into it ([`Change::Merged`]) with every
//! rating.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::day::DayNumber;
use super::schedule::{Memory, Phase};

/// The format written; files of a later one are not read. Format 2 has a
/// journal beside the file, which daynotes of format 1 would not read;
/// format 3 buries, suspends and merges, changes format 2 would not know.
pub const VERSION: u32 = 3;

/// How long a card whose topic is gone is kept, in case it comes back.
pub const KEEP_GONE_DAYS: i64 = 90;

/// The state of one notes file or folder.
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
    pub seen: BTreeMap<String, DayNumber>,
    /// Cards no longer in the notes, with the day they were first missed.
    #[serde(default)]
    pub gone: BTreeMap<String, DayNumber>,
    /// Cards buried, with the day they were buried: hidden that day.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub buried: BTreeMap<String, DayNumber>,
    /// Cards suspended: hidden until taken back.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub suspended: BTreeSet<String>,
    /// The states of single files folded into this one, by file name.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub merged: BTreeSet<String>,
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
    pub day: DayNumber,
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
        day: DayNumber,
    },
    /// A card was first missed from the notes on a day.
    Gone {
        /// The card's name.
        card: String,
        /// The day.
        day: DayNumber,
    },
    /// A card missed from the notes is in them again.
    Back {
        /// The card's name.
        card: String,
    },
    /// A card gone for [`KEEP_GONE_DAYS`] is forgotten: its memory, the day
    /// it was opened and its marks.
    Forgotten {
        /// The card's name.
        card: String,
    },
    /// A card is put off until the day after `day`.
    Buried {
        /// The card's name.
        card: String,
        /// The day it was buried.
        day: DayNumber,
    },
    /// A burial is taken back, or is over.
    Unburied {
        /// The card's name.
        card: String,
    },
    /// A card is put away until taken back.
    Suspended {
        /// The card's name.
        card: String,
    },
    /// A suspended card comes back.
    Unsuspended {
        /// The card's name.
        card: String,
    },
    /// The state of one file, kept apart by an earlier daynotes, folded
    /// into this one (once: its name is remembered).
    Merged {
        /// The file name of the state folded in.
        from: String,
        /// Its state.
        state: Box<State>,
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
                self.buried.remove(card);
                self.suspended.remove(card);
            }
            Change::Buried { card, day } => {
                self.buried.insert(card.clone(), *day);
            }
            Change::Unburied { card } => {
                self.buried.remove(card);
            }
            Change::Suspended { card } => {
                self.suspended.insert(card.clone());
            }
            Change::Unsuspended { card } => {
                self.suspended.remove(card);
            }
            Change::Merged { from, state } => {
                if self.merged.insert(from.clone()) {
                    self.merge(state);
                }
            }
        }
    }

    /// Takes in what `other` knows: each card's memory (the one rated last
    /// when both know it), the last day each topic was opened, marks, and
    /// every rating, in the order of their days.
    fn merge(&mut self, other: &State) {
        for (card, memory) in &other.cards {
            match self.cards.get(card) {
                Some(mine) if mine.last_review >= memory.last_review => {}
                _ => {
                    self.cards.insert(card.clone(), memory.clone());
                }
            }
        }
        for (card, day) in &other.seen {
            let last = self.seen.entry(card.clone()).or_insert(*day);
            *last = (*last).max(*day);
        }
        for (card, day) in &other.gone {
            self.gone.entry(card.clone()).or_insert(*day);
        }
        self.buried.extend(other.buried.clone());
        self.suspended.extend(other.suspended.iter().cloned());
        self.log.extend(other.log.iter().cloned());
        // Stable: ratings of one day keep their order within each state.
        self.log.sort_by_key(|e| e.day);
    }

    /// The changes that mark the cards not in `present` as gone (from
    /// `today`), those in it as back, and forget what has been gone for
    /// [`KEEP_GONE_DAYS`], and end the burials of earlier days; none when
    /// there is nothing to change.
    pub fn sweep(&self, present: &BTreeSet<String>, today: DayNumber) -> Vec<Change> {
        let mut changes = Vec::new();
        let known = || {
            self.cards
                .keys()
                .chain(self.seen.keys())
                .chain(&self.suspended)
        };
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
        // Burials of earlier days are over.
        for (key, day) in &self.buried {
            if *day < today {
                changes.push(Change::Unburied { card: key.clone() });
            }
        }
        changes
    }
}

#[cfg(test)]
pub(super) mod tests;
