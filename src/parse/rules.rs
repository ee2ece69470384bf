//! Which lines count as day headings in one file, settled from the file as a
//! whole, as a reader would: the way most of its days are written wins.
//!
//! The first pass reads every day heading it can. When its days show that
//! the file is written one way and a few headings another, a second pass
//! reads it again with the rules below; most files need one pass.
//!
//! ```text
//! ## 2024-01-02        most days are `##` headings, so:
//! - 2024-01-05 due      a dated list item is a line of the day, not a day
//! 2024-01-05 12:00 ok   so is an undecorated line (a log line, say)
//! 3.14                  and a bare number date
//! ### 2024-01-02 eve    a deeper dated heading is a topic of the day
//! ```
//!
//! Days that run backwards (`3.2`, `3.1`, `2.28`) mark a file written
//! newest first: years are then carried backwards (`12.30` after `1.2` is
//! in the year before) and only days that go forwards are out of order.

use super::heading::{DayHeading, Deco};
use crate::notes::NoteDate;

/// The rules of one pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules {
    /// List items may be days (`- 2024-01-02`).
    pub list_days: bool,
    /// Undecorated lines may be days (`2024-01-02 review`).
    pub plain_days: bool,
    /// Undecorated number dates without a year may be days (`8.22`).
    pub bare_days: bool,
    /// The deepest markdown heading level that may be a day.
    pub atx_max: u8,
    /// The deepest org heading level that may be a day.
    pub star_max: u8,
    /// The days run newest first.
    pub newest_first: bool,
}

impl Default for Rules {
    /// The first pass: everything may be a day, oldest first.
    fn default() -> Self {
        Rules {
            list_days: true,
            plain_days: true,
            bare_days: true,
            atx_max: 6,
            star_max: u8::MAX,
            newest_first: false,
        }
    }
}

impl Rules {
    /// True when a heading of this kind may start a day.
    pub fn allows(&self, h: &DayHeading) -> bool {
        match h.deco {
            Deco::List => self.list_days,
            Deco::Plain => self.plain_days && (self.bare_days || !h.bare),
            Deco::Atx(l) => l <= self.atx_max,
            Deco::Star(n) => n <= self.star_max,
            _ => true,
        }
    }
}

/// What a pass saw of its days.
#[derive(Debug, Default)]
pub struct Seen {
    /// How many days each decoration started, in the order first seen.
    decos: Vec<(Deco, usize)>,
    /// Days that were bare number dates.
    bare: usize,
    /// Pairs of days in a row whose second is earlier / later.
    backwards: usize,
    forwards: usize,
    last: Option<NoteDate>,
}

impl Seen {
    /// Counts a day. Its order is judged on the date as written, before
    /// any year is carried to it.
    pub fn day(&mut self, h: &DayHeading) {
        let date = NoteDate {
            year: h.date.year,
            month: h.date.month as u8,
            day: h.date.day as u8,
        };
        match self.decos.iter_mut().find(|(d, _)| *d == h.deco) {
            Some((_, n)) => *n += 1,
            None => self.decos.push((h.deco, 1)),
        }
        self.bare += usize::from(h.bare);
        if let Some(last) = self.last {
            match order(last, date) {
                Some(std::cmp::Ordering::Less) => self.forwards += 1,
                Some(std::cmp::Ordering::Greater) => self.backwards += 1,
                _ => {}
            }
        }
        self.last = Some(date);
    }

    /// The rules the file's days call for, when they differ from `rules`
    /// in a way that reads some line differently.
    pub fn settle(&self, rules: Rules) -> Option<Rules> {
        let dominant = self
            .decos
            .iter()
            .fold(None::<(Deco, usize)>, |best, &(d, n)| match best {
                Some((_, m)) if m >= n => best,
                _ => Some((d, n)),
            })
            .map(|(d, _)| d)?;
        let count = |f: &dyn Fn(Deco) -> bool| {
            self.decos
                .iter()
                .filter(|(d, _)| f(*d))
                .map(|(_, n)| n)
                .sum::<usize>()
        };
        let mut next = rules;
        next.list_days = dominant == Deco::List;
        next.plain_days = matches!(dominant, Deco::Plain | Deco::List);
        next.bare_days = dominant == Deco::Plain;
        next.atx_max = match dominant {
            Deco::Atx(l) => l,
            _ => 6,
        };
        next.star_max = match dominant {
            Deco::Star(n) => n,
            _ => u8::MAX,
        };
        next.newest_first = self.backwards > self.forwards;
        let changes = (!next.list_days && count(&|d| d == Deco::List) > 0)
            || (!next.plain_days && count(&|d| d == Deco::Plain) > 0)
            || (!next.bare_days && self.bare > 0)
            || count(&|d| matches!(d, Deco::Atx(l) if l > next.atx_max)) > 0
            || count(&|d| matches!(d, Deco::Star(n) if n > next.star_max)) > 0
            || next.newest_first != rules.newest_first;
        changes.then_some(next)
    }
}

/// How two days in a row compare: with years in full; without them the
/// shorter way round the year (`12.30` then `1.2` is a new year, forwards;
/// `1.2` then `12.30` goes back into the old one).
fn order(prev: NoteDate, next: NoteDate) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    match (prev.year, next.year) {
        (Some(_), Some(_)) => Some(prev.cmp(&next)),
        (None, None) => {
            let day = |d: NoteDate| i32::from(d.month) * 31 + i32::from(d.day);
            let delta = day(next) - day(prev);
            let forwards = if delta.abs() > 6 * 31 {
                delta < 0
            } else {
                delta > 0
            };
            Some(match delta {
                0 => Ordering::Equal,
                _ if forwards => Ordering::Less,
                _ => Ordering::Greater,
            })
        }
        _ => None,
    }
}
