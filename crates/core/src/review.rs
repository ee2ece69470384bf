//! Studying the notes: which parts are cards ([`cards`](mod@cards), and the
//! cards written in the notes, [`written`]), when each comes back
//! ([`schedule`], FSRS), the state kept on disk ([`store`]), today's queue
//! and a review sitting with undo ([`sitting`]), going through cards
//! before an exam without touching the schedule ([`cram`]), and a topic to
//! revisit chosen at random ([`revisit`]). Plain Rust: the viewer's side is
//! `app::review` and `ui::review`.
//!
//! ```text
//! Notebook ─► cards ─► Deck ◄─ StateFile (one per notes file or folder)
//!                       │  today's queue: due cards, then new ones in date order
//!                       ▼
//!                    Sitting ── rate, bury, suspend ─► Change ─► StateFile::save
//!                    Cram ───── again / known ───────► (nothing saved)
//! ```

pub mod cards;
mod changes;
mod counts;
pub mod cram;
pub mod day;
pub mod revisit;
pub mod schedule;
pub mod sitting;
pub mod state;
pub mod store;
pub mod written;

pub use cards::{Card, CardRule, Kind, cards, topic_key};
pub use counts::Stats;
pub use cram::Selection;
pub use day::DayNumber;
pub use schedule::{Memory, Phase, Rating, Scheduler};
pub use sitting::Sitting;
pub use state::{Change, LogEntry, State};
pub use store::StateFile;

use std::collections::HashMap;

use crate::notes::Notebook;
use crate::outline::NodeId;

/// New cards a day when the config says nothing.
pub const NEW_PER_DAY: usize = 20;

/// How cards are made and introduced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewSettings {
    /// Which parts are cards.
    pub rule: CardRule,
    /// At most this many new cards a day.
    pub new_per_day: usize,
}

impl Default for ReviewSettings {
    fn default() -> Self {
        ReviewSettings {
            rule: CardRule::default(),
            new_per_day: NEW_PER_DAY,
        }
    }
}

/// A topic by its name in the state (for the days it was opened), whether
/// or not it is a card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicName {
    /// The topic.
    pub node: NodeId,
    /// Its name, as its topic card would be named.
    pub key: String,
    /// Its day's number.
    pub day: i64,
}

/// The cards of a notebook with their state.
#[derive(Debug, Default)]
pub struct Deck {
    /// Every card, in notebook order.
    pub cards: Vec<Card>,
    /// Every topic by name, in notebook order.
    pub topics: Vec<TopicName>,
    /// The state of these notes (one file, or a folder).
    pub file: StateFile,
    /// Changes made since the state was last saved.
    pub pending: Vec<Change>,
    /// How cards are made and introduced.
    pub settings: ReviewSettings,
    /// The cards are those of part of the notes (`--tag`): cards not among
    /// them are not marked gone when the state is saved.
    pub partial: bool,
    /// The day number of each card's day, for the order of new cards.
    days: Vec<i64>,
    /// The cards are those of the notes shown (see [`Deck::stale`]).
    built: bool,
    by_key: HashMap<String, usize>,
    scheduler: Scheduler,
}

/// A card of today's queue as `review --list` shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Listed<'a> {
    /// The card.
    pub card: &'a Card,
    /// Its memory; `None` for a new card.
    pub memory: Option<&'a Memory>,
}

impl Deck {
    /// The cards of `nb` with `file`'s state; `day_numbers[d]` places day
    /// `d` in time.
    pub fn new(nb: &Notebook, settings: ReviewSettings, file: StateFile, days: &[i64]) -> Deck {
        let mut deck = Deck::unbuilt(settings, file);
        deck.refresh(nb, days);
        deck
    }

    /// `file`'s state, the cards not made yet: making them waits until
    /// they are needed ([`Deck::refresh`]), so that opening the viewer on
    /// large notes does not wait for it.
    pub fn unbuilt(settings: ReviewSettings, file: StateFile) -> Deck {
        Deck {
            settings,
            file,
            ..Deck::default()
        }
    }

    /// Forgets the cards (the notes changed); the state stays.
    /// [`Deck::refresh`] makes them again.
    pub fn stale(&mut self) {
        self.cards.clear();
        self.topics.clear();
        self.days.clear();
        self.by_key.clear();
        self.built = false;
    }

    /// True when the cards are those of the notes (made since the last
    /// [`Deck::stale`]).
    pub fn built(&self) -> bool {
        self.built
    }

    /// Makes the cards again from `nb` (the notes were read again). Their
    /// state is found by name.
    pub fn refresh(&mut self, nb: &Notebook, day_numbers: &[i64]) {
        self.built = true;
        self.cards = cards(nb, &self.settings.rule);
        let day = |node: NodeId| day_numbers.get(node.day_index()).copied().unwrap_or(0);
        self.days = self.cards.iter().map(|c| day(c.node)).collect();
        self.topics = cards::topic_names(nb, &self.settings.rule)
            .into_iter()
            .map(|(node, key)| TopicName {
                node,
                key,
                day: day(node),
            })
            .collect();
        self.by_key = self
            .cards
            .iter()
            .enumerate()
            .map(|(i, c)| (c.key.clone(), i))
            .collect();
    }

    /// The day number of card `i`'s day.
    pub fn day_number(&self, i: usize) -> i64 {
        self.days.get(i).copied().unwrap_or(0)
    }

    /// The card named `key`.
    pub fn find(&self, key: &str) -> Option<usize> {
        self.by_key.get(key).copied()
    }

    /// The memory of card `i`; `None` while it is new.
    pub fn memory(&self, i: usize) -> Option<&Memory> {
        self.file.state.cards.get(&self.cards.get(i)?.key)
    }

    /// Card `i` is put away today: suspended, or buried today.
    pub fn put_away(&self, i: usize, today: DayNumber) -> bool {
        let Some(card) = self.cards.get(i) else {
            return true;
        };
        let state = &self.file.state;
        state.suspended.contains(&card.key) || state.buried.get(&card.key) == Some(&today)
    }

    /// Today's queue: cards due (the longest overdue first; those rated
    /// again today among them), then new cards in date order up to what is
    /// left of the day's allowance; none suspended or buried.
    pub fn queue(&self, today: DayNumber) -> Vec<usize> {
        let here = |i: &usize| !self.put_away(*i, today);
        let mut due: Vec<(DayNumber, usize)> = (0..self.cards.len())
            .filter(here)
            .filter_map(|i| self.memory(i).map(|m| (m.due, i)))
            .filter(|(d, _)| *d <= today)
            .collect();
        due.sort();
        let mut new: Vec<(i64, usize)> = (0..self.cards.len())
            .filter(here)
            .filter(|&i| self.memory(i).is_none())
            .map(|i| (self.days[i], i))
            .collect();
        new.sort();
        let mut out: Vec<usize> = due.into_iter().map(|(_, i)| i).collect();
        out.extend(new.into_iter().take(self.new_left(today)).map(|(_, i)| i));
        out
    }

    /// How many new cards may still come today.
    pub fn new_left(&self, today: DayNumber) -> usize {
        let introduced = self
            .file
            .state
            .cards
            .values()
            .filter(|m| m.introduced == today && m.reps > 0)
            .count();
        self.settings.new_per_day.saturating_sub(introduced)
    }

    /// The queue as `review --list` prints it.
    pub fn listed(&self, today: DayNumber) -> Vec<Listed<'_>> {
        self.queue(today)
            .into_iter()
            .map(|i| self.listed_card(i))
            .collect()
    }

    /// Card `i` as `review --list` prints it.
    pub fn listed_card(&self, i: usize) -> Listed<'_> {
        Listed {
            card: &self.cards[i],
            memory: self.memory(i),
        }
    }

    /// The suspended cards in the notes, in notebook order.
    pub fn suspended(&self) -> Vec<usize> {
        let set = &self.file.state.suspended;
        (0..self.cards.len())
            .filter(|&i| set.contains(&self.cards[i].key))
            .collect()
    }

    /// The day the next card is due after today, if one is.
    pub fn next_due(&self, today: DayNumber) -> Option<DayNumber> {
        (0..self.cards.len())
            .filter(|&i| !self.file.state.suspended.contains(&self.cards[i].key))
            .filter_map(|i| self.memory(i).map(|m| m.due))
            .filter(|d| *d > today)
            .min()
    }

    /// Days until card `i` is due after each rating.
    pub fn intervals(&self, i: usize, today: DayNumber) -> [i64; 4] {
        self.scheduler.intervals(self.memory(i), today)
    }
}

#[cfg(test)]
mod tests;
