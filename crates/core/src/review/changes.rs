//! Changing the state of a deck: rating a card and taking it back,
//! burying and suspending, noting the topics opened, and saving what
//! changed. Every change is a [`Change`], applied at once and kept in
//! [`Deck::pending`] until [`Deck::save`] appends it to the state's journal.

use std::collections::BTreeSet;

use super::{Change, DayNumber, Deck, LogEntry, Memory, Rating};

impl Deck {
    /// Rates card `i`: its new memory, kept and to be saved. Returns the
    /// change, for undo.
    pub fn rate(&mut self, i: usize, rating: Rating, today: DayNumber) -> Option<Change> {
        let card = self.cards.get(i)?;
        let before = self.memory(i);
        let memory = self.scheduler.rate(before, rating, today);
        let entry = LogEntry {
            card: card.key.clone(),
            day: today,
            rating: rating.number(),
            before: before.map(|m| m.phase),
        };
        let change = Change::Rated { memory, entry };
        self.record(change.clone());
        Some(change)
    }

    /// Takes back a rating made with [`Deck::rate`]: the card's memory is
    /// what it was (`before`).
    pub fn undo(&mut self, before: Option<Memory>, entry: LogEntry) {
        self.record(Change::Undone { before, entry });
    }

    /// Puts the card named `key` off until tomorrow.
    pub fn bury(&mut self, key: &str, today: DayNumber) {
        self.record(Change::Buried {
            card: key.to_string(),
            day: today,
        });
    }

    /// Puts the card named `key` away, or back (`false`); false when it
    /// already was.
    pub fn suspend(&mut self, key: &str, suspended: bool) -> bool {
        if self.file.state.suspended.contains(key) == suspended {
            return false;
        }
        let card = key.to_string();
        self.record(if suspended {
            Change::Suspended { card }
        } else {
            Change::Unsuspended { card }
        });
        true
    }

    /// Takes a burial back.
    pub fn unbury(&mut self, key: &str) {
        self.record(Change::Unburied {
            card: key.to_string(),
        });
    }

    /// Notes that the topic named `key` was opened today.
    pub fn saw_key(&mut self, key: &str, today: DayNumber) {
        if self.file.state.seen.get(key) != Some(&today) {
            self.record(Change::Seen {
                card: key.to_string(),
                day: today,
            });
        }
    }

    /// Applies `change` and keeps it to be saved.
    pub fn record(&mut self, change: Change) {
        self.file.state.apply(&change);
        self.pending.push(change);
    }

    /// The names of the cards and topics in the notes, for sweeping gone
    /// ones.
    pub fn present(&self) -> BTreeSet<String> {
        let cards = self.cards.iter().map(|c| c.key.clone());
        cards
            .chain(self.topics.iter().map(|t| t.key.clone()))
            .collect()
    }

    /// Saves the changes; a warning (the file had become unreadable) or an
    /// error saying why nothing was written. Unsaved changes are kept for
    /// the next try.
    pub fn save(&mut self, today: DayNumber) -> Result<Option<String>, String> {
        if self.pending.is_empty() {
            return Ok(None);
        }
        let present = (!self.partial).then(|| self.present());
        let saved = self.file.save(&self.pending, present.as_ref(), today)?;
        self.pending.clear();
        Ok(saved)
    }

    /// True when changes wait to be saved.
    pub fn unsaved(&self) -> bool {
        !self.pending.is_empty()
    }
}
