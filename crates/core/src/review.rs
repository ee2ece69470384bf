//! Studying the notes: which parts are cards ([`cards`](mod@cards)), when each comes
//! back ([`schedule`], FSRS), the state kept on disk ([`store`]), today's
//! queue and a review session with undo ([`session`]), and a topic to
//! revisit chosen at random ([`revisit`]). Plain Rust: the viewer's side is
//! `app::review` and `ui::review`.
//!
//! ```text
//! Notebook ─► cards ─► Deck ◄─ StateFile (one per notes file)
//!                       │  today's queue: due cards, then new ones in date order
//!                       ▼
//!                    Session ── rate ─► Change ─► StateFile::save (read, apply, rename)
//! ```

pub mod cards;
mod counts;
pub mod day;
pub mod revisit;
pub mod schedule;
pub mod session;
pub mod state;
pub mod store;

pub use cards::{Card, CardRule, cards, topic_key};
pub use counts::Stats;
pub use day::Day;
pub use schedule::{Memory, Phase, Rating, Scheduler};
pub use session::Session;
pub use state::{Change, LogEntry, State};
pub use store::StateFile;

use std::collections::{BTreeSet, HashMap};

use crate::notes::Notebook;

/// New cards a day when the config says nothing.
pub const NEW_PER_DAY: usize = 20;

/// How cards are made and introduced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

/// The cards of a notebook with their state.
#[derive(Debug, Default)]
pub struct Deck {
    /// Every card, in notebook order.
    pub cards: Vec<Card>,
    /// The state of each notes file, by source index.
    pub files: Vec<StateFile>,
    /// Changes made since each file was last saved, by source index.
    pub pending: Vec<Vec<Change>>,
    /// How cards are made and introduced.
    pub settings: ReviewSettings,
    /// The day number of each card's day, for the order of new cards.
    days: Vec<i64>,
    /// The cards are those of the notes shown (see [`Deck::stale`]).
    built: bool,
    by_key: HashMap<(usize, String), usize>,
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
    /// The cards of `nb` with the state of each of its files (`files[i]`
    /// for source `i`); `day_numbers[d]` places day `d` in time.
    pub fn new(
        nb: &Notebook,
        settings: ReviewSettings,
        files: Vec<StateFile>,
        day_numbers: &[i64],
    ) -> Deck {
        let mut deck = Deck {
            settings,
            pending: vec![Vec::new(); files.len()],
            files,
            ..Deck::default()
        };
        deck.refresh(nb, day_numbers);
        deck
    }

    /// The state of each file of notes with `files.len()` sources, the
    /// cards not made yet: making them waits until they are needed
    /// ([`Deck::refresh`]), so that opening the viewer on large notes does
    /// not wait for it.
    pub fn unbuilt(settings: ReviewSettings, files: Vec<StateFile>) -> Deck {
        Deck {
            settings,
            pending: vec![Vec::new(); files.len()],
            files,
            ..Deck::default()
        }
    }

    /// Keeps each file's state with its file when the notes are read again
    /// and their files come in another order, or files come and go (a
    /// folder): `old` and `new` are the paths of the sources before and
    /// after. A file new to the deck gets a state kept for this run only.
    pub fn follow_sources(&mut self, old: &[&str], new: &[&str]) {
        if old == new {
            return;
        }
        let mut by_path: HashMap<&str, (StateFile, Vec<Change>)> = HashMap::new();
        let files = std::mem::take(&mut self.files);
        let pending = std::mem::take(&mut self.pending);
        for ((path, file), changes) in old.iter().zip(files).zip(pending) {
            by_path.insert(path, (file, changes));
        }
        for path in new {
            let (file, changes) = by_path.remove(path).unwrap_or_default();
            self.files.push(file);
            self.pending.push(changes);
        }
        self.by_key.clear();
        self.built = false;
    }

    /// Forgets the cards (the notes changed); the state stays.
    /// [`Deck::refresh`] makes them again.
    pub fn stale(&mut self, sources: usize) {
        self.cards.clear();
        self.days.clear();
        self.by_key.clear();
        self.built = false;
        self.files.resize_with(sources, StateFile::default);
        self.pending.resize_with(sources, Vec::new);
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
        self.cards = cards(nb, self.settings.rule);
        self.days = self
            .cards
            .iter()
            .map(|c| day_numbers.get(c.node.day_index()).copied().unwrap_or(0))
            .collect();
        self.by_key = self
            .cards
            .iter()
            .enumerate()
            .map(|(i, c)| ((c.source, c.key.clone()), i))
            .collect();
        self.files.resize_with(nb.sources.len(), StateFile::default);
        self.pending.resize_with(nb.sources.len(), Vec::new);
    }

    /// The day number of card `i`'s day.
    pub fn day_number(&self, i: usize) -> i64 {
        self.days.get(i).copied().unwrap_or(0)
    }

    /// The card named `key` in source `source`.
    pub fn find(&self, source: usize, key: &str) -> Option<usize> {
        self.by_key.get(&(source, key.to_string())).copied()
    }

    /// The memory of card `i`; `None` while it is new.
    pub fn memory(&self, i: usize) -> Option<&Memory> {
        let card = self.cards.get(i)?;
        self.files.get(card.source)?.state.cards.get(&card.key)
    }

    /// Today's queue: cards due (the longest overdue first), then new cards
    /// in date order up to what is left of the day's allowance.
    pub fn queue(&self, today: Day) -> Vec<usize> {
        let mut due: Vec<(Day, usize)> = (0..self.cards.len())
            .filter_map(|i| self.memory(i).map(|m| (m.due, i)))
            .filter(|(d, _)| *d <= today)
            .collect();
        due.sort();
        let mut new: Vec<(i64, usize)> = (0..self.cards.len())
            .filter(|&i| self.memory(i).is_none())
            .map(|i| (self.days[i], i))
            .collect();
        new.sort();
        let mut out: Vec<usize> = due.into_iter().map(|(_, i)| i).collect();
        out.extend(new.into_iter().take(self.new_left(today)).map(|(_, i)| i));
        out
    }

    /// How many new cards may still come today.
    pub fn new_left(&self, today: Day) -> usize {
        let introduced = self
            .files
            .iter()
            .flat_map(|f| f.state.cards.values())
            .filter(|m| m.introduced == today && m.reps > 0)
            .count();
        self.settings.new_per_day.saturating_sub(introduced)
    }

    /// The queue as `review --list` prints it.
    pub fn listed(&self, today: Day) -> Vec<Listed<'_>> {
        self.queue(today)
            .into_iter()
            .map(|i| Listed {
                card: &self.cards[i],
                memory: self.memory(i),
            })
            .collect()
    }

    /// Days until card `i` is due after each rating.
    pub fn intervals(&self, i: usize, today: Day) -> [i64; 4] {
        self.scheduler.intervals(self.memory(i), today)
    }

    /// Rates card `i`: its new memory, kept and to be saved. Returns the
    /// change, for undo.
    pub fn rate(&mut self, i: usize, rating: Rating, today: Day) -> Option<Change> {
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
        self.record(card.source, change.clone());
        Some(change)
    }

    /// Takes back a rating made with [`Deck::rate`]: the card's memory is
    /// what it was (`before`).
    pub fn undo(&mut self, source: usize, before: Option<Memory>, entry: LogEntry) {
        self.record(source, Change::Undone { before, entry });
    }

    /// Notes that topic card `i` was opened today.
    pub fn saw(&mut self, i: usize, today: Day) {
        let Some(card) = self.cards.get(i) else {
            return;
        };
        let (source, key) = (card.source, card.key.clone());
        self.saw_key(source, &key, today);
    }

    /// Notes that the topic named `key` in `source` was opened today.
    pub fn saw_key(&mut self, source: usize, key: &str, today: Day) {
        let last = self.files.get(source).and_then(|f| f.state.seen.get(key));
        if last != Some(&today) {
            let change = Change::Seen {
                card: key.to_string(),
                day: today,
            };
            self.record(source, change);
        }
    }

    fn record(&mut self, source: usize, change: Change) {
        if let Some(f) = self.files.get_mut(source) {
            f.state.apply(&change);
        }
        if let Some(p) = self.pending.get_mut(source) {
            p.push(change);
        }
    }

    /// The names of the cards of `source`, for sweeping gone ones.
    pub fn present(&self, source: usize) -> BTreeSet<String> {
        self.cards
            .iter()
            .filter(|c| c.source == source)
            .map(|c| c.key.clone())
            .collect()
    }

    /// Saves the changes of `source`; a warning (the file had become
    /// unreadable) or an error saying why nothing was written. Unsaved
    /// changes are kept for the next try.
    pub fn save(&mut self, source: usize, today: Day) -> Result<Option<String>, String> {
        let present = self.present(source);
        let Some(changes) = self.pending.get(source).filter(|p| !p.is_empty()) else {
            return Ok(None);
        };
        let changes = changes.clone();
        let file = &mut self.files[source];
        let saved = file.save(&changes, &present, today)?;
        self.pending[source].clear();
        Ok(saved)
    }

    /// The sources with changes not yet saved.
    pub fn unsaved(&self) -> Vec<usize> {
        (0..self.pending.len())
            .filter(|&s| !self.pending[s].is_empty())
            .collect()
    }
}

#[cfg(test)]
mod tests;
