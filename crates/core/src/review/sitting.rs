//! One sitting: today's queue (or a cram's, [`Sitting::cram`]), the card on
//! screen, its answer shown or not, and every step of the sitting —
//! ratings, burials, suspensions, skips — so that `u` can take them back
//! one by one.
//!
//! ```text
//! queue  [a b c d]      at 1 (b on screen)
//! rate b again  ─►  [a b c d b]  at 2      (b comes back at the end)
//! undo          ─►  [a b c d]    at 1      (b's memory as before)
//! skip b        ─►  [a c d b]    at 1      (b after the others)
//! bury c        ─►  [a b d]      at 2      (c tomorrow)
//! ```
//!
//! Cards are held by name, so the notes can be read again in the middle of
//! a sitting (an edit, a change on disk) without losing its place or what
//! `u` takes back.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use super::{Change, DayNumber, Deck, LogEntry, Memory, Rating};

/// What a sitting is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Purpose {
    /// Today's cards, each rating kept in the schedule.
    #[default]
    Schedule,
    /// Cramming: every card chosen, in a random order, until each is known
    /// once; the schedule is left as it is.
    Cram,
}

/// One sitting.
#[derive(Debug, Clone, Default)]
pub struct Sitting {
    /// Today's cards or a cram.
    pub purpose: Purpose,
    /// The cards' names in the order they come; a card rated `again`
    /// comes back at the end.
    pub queue: Vec<String>,
    /// The position of the card on screen; `queue.len()` when done.
    pub at: usize,
    /// The answer is shown.
    pub revealed: bool,
    /// The first row of the answer shown.
    pub scroll: usize,
    /// Cards known the first time they came (a cram).
    pub known_first: usize,
    /// Cards rated `again` at least once.
    missed: HashSet<String>,
    steps: Vec<Step>,
    started: Option<Instant>,
    took: Option<Duration>,
}

/// A step of the sitting, with what undoing it needs.
#[derive(Debug, Clone)]
enum Step {
    /// A rating kept in the schedule.
    Rated {
        at: usize,
        before: Option<Memory>,
        entry: LogEntry,
        requeued: bool,
    },
    /// A cram's answer: known or not.
    Crammed {
        at: usize,
        requeued: bool,
        first: bool,
        missed: bool,
    },
    /// The queue changed around the card (skipped, buried, suspended),
    /// with the change to the state to take back.
    Moved {
        at: usize,
        queue: Vec<String>,
        undo: Option<Change>,
    },
}

/// How a card is put away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Away {
    /// Until tomorrow.
    Bury,
    /// Until taken back.
    Suspend,
}

impl Sitting {
    /// Today's queue of `deck`.
    pub fn start(deck: &Deck, today: DayNumber) -> Sitting {
        let queue = deck
            .queue(today)
            .into_iter()
            .map(|i| deck.cards[i].key.clone())
            .collect();
        Sitting {
            queue,
            started: Some(Instant::now()),
            ..Sitting::default()
        }
    }

    /// A cram of the cards named `keys`, shuffled with `rng`.
    pub fn cram(mut keys: Vec<String>, rng: &mut fastrand::Rng) -> Sitting {
        rng.shuffle(&mut keys);
        Sitting {
            purpose: Purpose::Cram,
            queue: keys,
            started: Some(Instant::now()),
            ..Sitting::default()
        }
    }

    /// The card on screen, as an index into the deck's cards.
    pub fn current(&self, deck: &Deck) -> Option<usize> {
        deck.find(self.queue.get(self.at)?)
    }

    /// The name of the card on screen.
    pub fn current_key(&self) -> Option<&str> {
        self.queue.get(self.at).map(String::as_str)
    }

    /// Drops the cards still to come that are no longer in the notes
    /// (after they were read again).
    pub fn settle(&mut self, deck: &Deck) {
        let at = self.at;
        let mut i = 0;
        self.queue.retain(|key| {
            let keep = i < at || deck.find(key).is_some();
            i += 1;
            keep
        });
        self.finish_if_done();
    }

    /// `n/total` and how many come after the card on screen.
    pub fn position(&self) -> (usize, usize, usize) {
        let total = self.queue.len();
        let n = (self.at + 1).min(total);
        (n, total, total.saturating_sub(self.at + 1))
    }

    /// True when every card of the queue has been seen to.
    pub fn done(&self) -> bool {
        self.at >= self.queue.len()
    }

    /// Shows the answer.
    pub fn reveal(&mut self) {
        self.revealed = true;
        self.scroll = 0;
    }

    /// Rates the card on screen and moves to the next; false when there is
    /// none. A cram rates nothing in the schedule: `again` brings the card
    /// back, the others count it known.
    pub fn rate(&mut self, deck: &mut Deck, rating: Rating, today: DayNumber) -> bool {
        let Some(i) = self.current(deck) else {
            return false;
        };
        let requeued = rating == Rating::Again;
        let key = self.queue[self.at].clone();
        let step = match self.purpose {
            Purpose::Schedule => {
                let before = deck.memory(i).cloned();
                let Some(Change::Rated { entry, .. }) = deck.rate(i, rating, today) else {
                    return false;
                };
                Step::Rated {
                    at: self.at,
                    before,
                    entry,
                    requeued,
                }
            }
            Purpose::Cram => {
                let first = !requeued && !self.missed.contains(&key);
                let missed = requeued && self.missed.insert(key.clone());
                self.known_first += usize::from(first);
                Step::Crammed {
                    at: self.at,
                    requeued,
                    first,
                    missed,
                }
            }
        };
        if requeued {
            self.queue.push(key);
        }
        self.steps.push(step);
        self.next();
        true
    }

    /// Puts the card on screen after the others; false when there is none
    /// or it is the last.
    pub fn skip(&mut self) -> bool {
        if self.at + 1 >= self.queue.len() {
            return false;
        }
        let queue = self.queue.clone();
        let key = self.queue.remove(self.at);
        self.queue.push(key);
        self.steps.push(Step::Moved {
            at: self.at,
            queue,
            undo: None,
        });
        self.revealed = false;
        self.scroll = 0;
        true
    }

    /// Puts the card on screen away, buried until tomorrow or suspended
    /// until taken back: it leaves the sitting; false when there is none.
    pub fn put_away(&mut self, deck: &mut Deck, how: Away, today: DayNumber) -> bool {
        let Some(key) = self.current_key().map(str::to_string) else {
            return false;
        };
        let undo = if how == Away::Suspend {
            if !deck.suspend(&key, true) {
                return false;
            }
            Change::Unsuspended { card: key.clone() }
        } else {
            deck.bury(&key, today);
            Change::Unburied { card: key.clone() }
        };
        let queue = self.queue.clone();
        let at = self.at;
        let mut i = 0;
        self.queue.retain(|k| {
            let keep = i < at || *k != key;
            i += 1;
            keep
        });
        self.steps.push(Step::Moved {
            at,
            queue,
            undo: Some(undo),
        });
        self.revealed = false;
        self.scroll = 0;
        self.finish_if_done();
        true
    }

    /// Takes back the last step of the sitting: that card is on screen
    /// again, answer hidden; false when there is nothing to undo.
    pub fn undo(&mut self, deck: &mut Deck) -> bool {
        let Some(step) = self.steps.pop() else {
            return false;
        };
        self.at = match step {
            Step::Rated {
                at,
                before,
                entry,
                requeued,
            } => {
                if requeued {
                    self.queue.pop();
                }
                deck.undo(before, entry);
                at
            }
            Step::Crammed {
                at,
                requeued,
                first,
                missed,
            } => {
                if requeued {
                    self.queue.pop();
                }
                self.known_first -= usize::from(first);
                if missed && let Some(key) = self.queue.get(at) {
                    self.missed.remove(key);
                }
                at
            }
            Step::Moved { at, queue, undo } => {
                self.queue = queue;
                if let Some(change) = undo {
                    deck.record(change);
                }
                at
            }
        };
        self.revealed = false;
        self.scroll = 0;
        self.took = None;
        true
    }

    /// How many steps can be taken back.
    pub fn undoable(&self) -> usize {
        self.steps.len()
    }

    /// Ratings made (in a cram, answers given).
    pub fn ratings(&self) -> usize {
        let rated = |s: &&Step| matches!(s, Step::Rated { .. } | Step::Crammed { .. });
        self.steps.iter().filter(rated).count()
    }

    /// The cards rated at least once.
    pub fn reviewed(&self) -> usize {
        let mut keys = HashSet::new();
        for s in &self.steps {
            if let Step::Rated { at, .. } | Step::Crammed { at, .. } = s
                && let Some(k) = self.queue.get(*at)
            {
                keys.insert(k);
            }
        }
        keys.len()
    }

    /// The cards of a cram, each once.
    pub fn distinct(&self) -> usize {
        self.queue.iter().collect::<HashSet<_>>().len()
    }

    /// How long the sitting took to be done (`None` while not done).
    pub fn took(&self) -> Option<Duration> {
        self.took
    }

    fn next(&mut self) {
        self.at += 1;
        self.revealed = false;
        self.scroll = 0;
        self.finish_if_done();
    }

    fn finish_if_done(&mut self) {
        if self.done() && self.took.is_none() {
            self.took = Some(self.started.map_or(Duration::ZERO, |s| s.elapsed()));
        }
    }
}

#[cfg(test)]
mod tests;
