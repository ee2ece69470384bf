//! What a pass sees of a file's day headings, day after day, to settle its
//! rules from ([`Seen::settle`](super::Seen)): how each kind of heading was
//! read, the order of the days, which order of day and month the dates
//! with the year last tell, the candidate lines by shape.

use super::{Class, Shapes, class, order};
use crate::dates::Order;
use crate::notes::NoteDate;
use crate::parse::heading::{DayHeading, Deco};

/// What a pass saw of the file's day headings.
#[derive(Debug, Default)]
pub struct Seen {
    /// Day headings of each class, in the order first seen: how many were
    /// read as days, how many were not.
    pub(super) classes: Vec<(Class, usize, usize)>,
    /// Pairs of days in a row whose second is earlier / later.
    pub(super) backwards: usize,
    pub(super) forwards: usize,
    /// The first and the last day counted, as written.
    first: Option<NoteDate>,
    last: Option<NoteDate>,
    /// Year-last dates whose numbers tell their order: day first, month
    /// first.
    pub(super) told: [usize; 2],
    /// Year-last dates read in a guessed order: day first, month first.
    pub(super) guessed: [usize; 2],
    /// Candidate day lines, by shape.
    pub shapes: Shapes,
    /// Dated headings of each level: how many, how many of a range or a
    /// week.
    pub(super) levels: Vec<(Deco, usize, usize)>,
}

impl Seen {
    /// Counts a day heading, read as a day (`taken`) or not.
    pub fn heading(&mut self, h: &DayHeading, taken: bool) {
        let c = class(h);
        let i = match self.classes.iter().position(|(k, ..)| *k == c) {
            Some(i) => i,
            None => {
                self.classes.push((c, 0, 0));
                self.classes.len() - 1
            }
        };
        match h.order {
            Some(Order::Told(o)) => self.told[o as usize] += 1,
            Some(Order::Guessed(o)) => self.guessed[o as usize] += 1,
            None => {}
        }
        if h.deco.level().is_some() {
            let i = match self.levels.iter().position(|(d, ..)| *d == h.deco) {
                Some(i) => i,
                None => {
                    self.levels.push((h.deco, 0, 0));
                    self.levels.len() - 1
                }
            };
            self.levels[i].1 += 1;
            self.levels[i].2 += usize::from(h.range);
        }
        let counts = &mut self.classes[i];
        if taken {
            counts.1 += 1;
        } else {
            counts.2 += 1;
        }
    }

    /// Counts a candidate line at `indent` columns, read as a day
    /// (`taken`) or not. Its order of day and month counts as evidence
    /// when its numbers tell it; a guessed order only when it is a day.
    pub fn candidate(&mut self, h: &DayHeading, indent: usize, glued: bool, taken: bool) {
        self.shapes.count(h, indent, glued);
        if h.date.year.is_none() {
            return;
        }
        match h.order {
            Some(Order::Told(o)) => self.told[o as usize] += 1,
            Some(Order::Guessed(o)) if taken => self.guessed[o as usize] += 1,
            _ => {}
        }
    }

    /// Counts a day. Its order is judged on the date as written, before
    /// any year is carried to it.
    pub fn day(&mut self, h: &DayHeading) {
        let date = NoteDate {
            year: h.date.year,
            month: h.date.month as u8,
            day: h.date.day as u8,
        };
        match self.last {
            Some(last) => self.pair(last, date),
            None => self.first = Some(date),
        }
        self.last = Some(date);
    }

    /// Counts two days in a row.
    fn pair(&mut self, prev: NoteDate, next: NoteDate) {
        match order(prev, next) {
            Some(std::cmp::Ordering::Less) => self.forwards += 1,
            Some(std::cmp::Ordering::Greater) => self.backwards += 1,
            _ => {}
        }
    }

    /// What was seen of a text followed by what `later` saw of the text
    /// right after it: as if one pass had seen both.
    pub fn merge(mut self, later: Seen) -> Seen {
        add_counts(&mut self.classes, later.classes);
        self.backwards += later.backwards;
        self.forwards += later.forwards;
        for o in 0..2 {
            self.told[o] += later.told[o];
            self.guessed[o] += later.guessed[o];
        }
        if let (Some(prev), Some(next)) = (self.last, later.first) {
            self.pair(prev, next);
        }
        self.first = self.first.or(later.first);
        self.last = later.last.or(self.last);
        self.shapes = self.shapes.merge(later.shapes);
        add_counts(&mut self.levels, later.levels);
        self
    }

    /// Year-last dates by the order their numbers tell, else by the order
    /// they were read in: day first, month first.
    pub fn orders(&self) -> [usize; 2] {
        if self.told == [0; 2] {
            self.guessed
        } else {
            self.told
        }
    }

    /// Year-last dates read in an order nothing in the file told (day
    /// first, month first): none of its dates has a number over 12, or as
    /// many say one order as the other.
    pub fn unsure(&self) -> [usize; 2] {
        if self.told[0] == self.told[1] {
            self.guessed
        } else {
            [0; 2]
        }
    }
}

/// Adds `later`'s two counts of each key to `ours`, keys new to `ours` at
/// its end (in the order first seen, as one pass would have them).
fn add_counts<K: PartialEq>(ours: &mut Vec<(K, usize, usize)>, later: Vec<(K, usize, usize)>) {
    for (key, a, b) in later {
        match ours.iter_mut().find(|(k, ..)| *k == key) {
            Some(counts) => {
                counts.1 += a;
                counts.2 += b;
            }
            None => ours.push((key, a, b)),
        }
    }
}
