//! The candidate day lines a pass saw, counted by shape
//! ([`crate::parse::heading::Shape`]): how many lines, whether their dates
//! run in order one way or the other. A shape that repeats in order is a
//! way the file writes its days.
//!
//! ```text
//! Montag 15.05.2023      one shape: a weekday, then a dotted date with
//! Dienstag 16.05         the year last (or none), at the margin: three
//! Mittwoch 17.05.2023    lines, forwards: the file's days
//! Termin 12.03.2024      a label seen once: text
//! ```
//!
//! Among days the file writes otherwise, the lines of a shape must also
//! fall between the days around them: `Deadline 2024-01-10` lines inside
//! days of January 2nd and 3rd speak of other days.

use super::order;
use crate::notes::NoteDate;
use crate::parse::heading::{DayHeading, Deco, Shape};

/// The most shapes told apart in one text. A text with more is not a log
/// of a few habits: none of its candidates is taken (the same answer
/// whatever pieces the text is read in).
const MOST: usize = 64;

/// What was seen of the lines of one shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    pub shape: Shape,
    /// The decoration of its lines.
    pub deco: Deco,
    /// Their indentation in columns.
    pub indent: usize,
    /// How many lines.
    pub lines: usize,
    /// Pairs of lines in a row whose second date is later, earlier.
    forwards: usize,
    backwards: usize,
    /// The first and last date, as written.
    first: Option<NoteDate>,
    last: Option<NoteDate>,
    /// Its dates are ranges (`[2021/03/02~2021/03/04]`).
    pub range: bool,
    /// Its `#` runs into the date (`#07.04.2016`).
    pub glued: bool,
    /// Its lines whose date does not fall between the days on either side
    /// of them (`Deadline 2024-01-10` between days 01-02 and 01-03): lines
    /// that speak of other days, not days of their own.
    conflicts: usize,
}

impl Stats {
    /// True when the shape's lines are day lines: two or more, in date
    /// order one way or the other (a line in four may break it).
    pub fn repeats(&self) -> bool {
        let (more, fewer) = (
            self.forwards.max(self.backwards),
            self.forwards.min(self.backwards),
        );
        self.lines >= 2 && more > 0 && fewer * 4 <= more && self.conflicts * 4 <= self.lines
    }

    /// Why the shape's lines are not day lines, for a note.
    pub fn why_not(&self) -> &'static str {
        if self.lines < 2 {
            "a date written this way only once"
        } else if self.conflicts * 4 > self.lines {
            "its dates do not fall between the days around them"
        } else {
            "dates written this way are not in order"
        }
    }

    /// Counts the next date of the shape. A date without a year is
    /// compared with the one before by month and day alone (`Dienstag
    /// 16.05` after `Montag 15.05.2023` goes forwards).
    fn pair(&mut self, next: NoteDate) {
        if let Some(last) = self.last {
            let (a, b) = match (last.year, next.year) {
                (Some(_), Some(_)) => (last, next),
                _ => (
                    NoteDate { year: None, ..last },
                    NoteDate { year: None, ..next },
                ),
            };
            match order(a, b) {
                Some(std::cmp::Ordering::Less) => self.forwards += 1,
                Some(std::cmp::Ordering::Greater) => self.backwards += 1,
                _ => {}
            }
        } else {
            self.first = Some(next);
        }
        self.last = Some(next);
    }
}

/// The shapes of a pass's candidate lines, in the order first seen.
#[derive(Debug, Default)]
pub struct Shapes {
    seen: Vec<Stats>,
    /// More than [`MOST`] shapes: none counts.
    overflow: bool,
}

impl Shapes {
    /// Counts a candidate line at `indent` columns.
    pub fn count(&mut self, h: &DayHeading, indent: usize, glued: bool) {
        let Some(shape) = h.shape else { return };
        let date = NoteDate {
            year: h.date.year,
            month: h.date.month as u8,
            day: h.date.day as u8,
        };
        let i = match self.seen.iter().position(|s| s.shape == shape) {
            Some(i) => i,
            None if self.seen.len() >= MOST => {
                self.overflow = true;
                return;
            }
            None => {
                self.seen.push(Stats {
                    shape,
                    deco: h.deco,
                    indent,
                    lines: 0,
                    forwards: 0,
                    backwards: 0,
                    first: None,
                    last: None,
                    range: h.range,
                    glued,
                    conflicts: 0,
                });
                self.seen.len() - 1
            }
        };
        let stats = &mut self.seen[i];
        stats.lines += 1;
        stats.pair(date);
    }

    /// The shapes that repeat in order.
    pub fn repeating(&self) -> impl Iterator<Item = &Stats> {
        self.all().filter(|s| s.repeats())
    }

    /// Every shape seen (none when there were too many to tell apart).
    pub fn all(&self) -> impl Iterator<Item = &Stats> {
        self.seen.iter().filter(move |_| !self.overflow)
    }

    /// Counts a line of `shape` whose date does not fall between the days
    /// around it.
    pub fn conflict(&mut self, shape: Shape) {
        if let Some(s) = self.seen.iter_mut().find(|s| s.shape == shape) {
            s.conflicts += 1;
        }
    }

    /// The stats of `shape`, if it was seen.
    pub fn get(&self, shape: Shape) -> Option<&Stats> {
        self.seen.iter().find(|s| s.shape == shape)
    }

    /// What was seen of a text followed by what `later` saw of the text
    /// right after it.
    pub fn merge(mut self, later: Shapes) -> Shapes {
        self.overflow |= later.overflow;
        for theirs in later.seen {
            if let Some(ours) = self.seen.iter_mut().find(|s| s.shape == theirs.shape) {
                ours.lines += theirs.lines;
                ours.conflicts += theirs.conflicts;
                ours.forwards += theirs.forwards;
                ours.backwards += theirs.backwards;
                if let Some(first) = theirs.first {
                    ours.pair(first);
                }
                ours.last = theirs.last.or(ours.last);
            } else if self.seen.len() >= MOST {
                self.overflow = true;
            } else {
                self.seen.push(theirs);
            }
        }
        self
    }
}
