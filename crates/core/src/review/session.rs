//! One sitting of review: today's queue, the card on screen, its answer
//! shown or not, and every rating of the sitting so that `u` can take them
//! back one by one.
//!
//! ```text
//! queue  [a b c d]      at 1 (b on screen)
//! rate b again  ─►  [a b c d b]  at 2      (b comes back at the end)
//! undo          ─►  [a b c d]    at 1      (b's memory as before)
//! ```
//!
//! Cards are held by name, so the notes can be read again in the middle of
//! a sitting (after `e`) without losing its place.

use super::{Change, Day, Deck, LogEntry, Memory, Rating};

/// A card of the queue: its file and name.
pub type Slot = (usize, String);

/// One review sitting.
#[derive(Debug, Clone, Default)]
pub struct Session {
    /// The cards in the order they come; a card rated `again` comes back
    /// at the end.
    pub queue: Vec<Slot>,
    /// The position of the card on screen; `queue.len()` when done.
    pub at: usize,
    /// The answer is shown.
    pub revealed: bool,
    /// The first row of the answer shown.
    pub scroll: usize,
    steps: Vec<Step>,
}

/// A rating of this sitting, with what undoing it needs.
#[derive(Debug, Clone)]
struct Step {
    at: usize,
    source: usize,
    before: Option<Memory>,
    entry: LogEntry,
    requeued: bool,
}

impl Session {
    /// Today's queue of `deck`.
    pub fn start(deck: &Deck, today: Day) -> Session {
        let queue = deck
            .queue(today)
            .into_iter()
            .map(|i| (deck.cards[i].source, deck.cards[i].key.clone()))
            .collect();
        Session {
            queue,
            ..Session::default()
        }
    }

    /// The card on screen, as an index into the deck's cards.
    pub fn current(&self, deck: &Deck) -> Option<usize> {
        let (source, key) = self.queue.get(self.at)?;
        deck.find(*source, key)
    }

    /// Drops the cards still to come that are no longer in the notes
    /// (after they were read again).
    pub fn settle(&mut self, deck: &Deck) {
        let at = self.at;
        let mut i = 0;
        self.queue.retain(|(source, key)| {
            let keep = i < at || deck.find(*source, key).is_some();
            i += 1;
            keep
        });
    }

    /// `n/total` and how many come after the card on screen.
    pub fn position(&self) -> (usize, usize, usize) {
        let total = self.queue.len();
        let n = (self.at + 1).min(total);
        (n, total, total.saturating_sub(self.at + 1))
    }

    /// True when every card of the queue has been rated.
    pub fn done(&self) -> bool {
        self.at >= self.queue.len()
    }

    /// Shows the answer.
    pub fn reveal(&mut self) {
        self.revealed = true;
        self.scroll = 0;
    }

    /// Rates the card on screen and moves to the next; false when there is
    /// none.
    pub fn rate(&mut self, deck: &mut Deck, rating: Rating, today: Day) -> bool {
        let Some(i) = self.current(deck) else {
            return false;
        };
        let before = deck.memory(i).cloned();
        let source = deck.cards[i].source;
        let Some(Change::Rated { entry, .. }) = deck.rate(i, rating, today) else {
            return false;
        };
        let requeued = rating == Rating::Again;
        if requeued {
            self.queue.push(self.queue[self.at].clone());
        }
        self.steps.push(Step {
            at: self.at,
            source,
            before,
            entry,
            requeued,
        });
        self.at += 1;
        self.revealed = false;
        self.scroll = 0;
        true
    }

    /// Takes back the last rating of the sitting: that card is on screen
    /// again, answer hidden; false when there is nothing to undo.
    pub fn undo(&mut self, deck: &mut Deck) -> bool {
        let Some(step) = self.steps.pop() else {
            return false;
        };
        if step.requeued {
            self.queue.pop();
        }
        deck.undo(step.source, step.before, step.entry);
        self.at = step.at;
        self.revealed = false;
        self.scroll = 0;
        true
    }

    /// How many ratings can be taken back.
    pub fn undoable(&self) -> usize {
        self.steps.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::from_text;
    use crate::review::{ReviewSettings, StateFile};

    #[test]
    fn rate_again_comes_back_and_undo_takes_it_away() {
        let nb = from_text("seed", crate::SAMPLE.into());
        let days: Vec<i64> = (0..nb.days.len() as i64).collect();
        let settings = ReviewSettings {
            new_per_day: 3,
            ..ReviewSettings::default()
        };
        let mut deck = Deck::new(&nb, settings, vec![StateFile::default()], &days);
        let day = Day::of((2025, 9, 1));
        let mut s = Session::start(&deck, day);
        assert_eq!(s.position(), (1, 3, 2));
        assert_eq!(s.current(&deck), Some(0));
        s.reveal();
        assert!(s.rate(&mut deck, Rating::Good, day));
        assert!(!s.revealed);
        assert!(s.rate(&mut deck, Rating::Again, day));
        // The card rated again is at the end: 3/4.
        assert_eq!(s.position(), (3, 4, 1));
        assert_eq!(s.queue[3].1, "8.22 › tcp握手 › 为什么需要三次握手？");
        assert!(s.undo(&mut deck));
        assert_eq!(s.position(), (2, 3, 1));
        assert_eq!(s.current(&deck), Some(1));
        assert!(deck.memory(1).is_none(), "new again");
        assert!(deck.memory(0).is_some(), "the first rating stays");
        assert_eq!(s.undoable(), 1);
        // Rated to the end: done.
        s.rate(&mut deck, Rating::Good, day);
        s.rate(&mut deck, Rating::Easy, day);
        assert!(s.done());
        assert_eq!(s.position(), (3, 3, 0));
    }
}
