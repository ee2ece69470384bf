//! Which lines count as day headings in one file, settled from the file as a
//! whole, as a reader would: the way most of its day headings are written
//! wins.
//!
//! ```text
//! ## 2024-01-02        most day headings are `##` headings, so:
//! - 2024-01-05 due      a dated list item is a line of the day, not a day
//! 2024-01-05 12:00 ok   so is an undecorated line (a log line, say)
//! 3.14                  and a bare number date
//! ### 2024-01-02 eve    a deeper dated heading is a topic of the day
//! ```
//!
//! The first pass guesses from the first day heading (a file that starts
//! with markdown days goes on with them), counting every heading it could
//! have read. When the counts show the guess was wrong for some line, a
//! second pass reads the file again with the settled rules; most files
//! need one pass.
//!
//! Days that run backwards (`3.2`, `3.1`, `2.28`) mark a file written
//! newest first: years are then carried backwards (`12.30` after `1.2` is
//! in the year before) and only days that go forwards are out of order.

use super::heading::{DayHeading, Deco};
use crate::dates::{DayOrder, Order};
use crate::notes::NoteDate;

/// The rules of one pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules {
    /// Which headings may be days.
    pub days: Days,
    /// The days run newest first.
    pub newest_first: bool,
    /// Section headings are found in topic bodies (not by a caller that
    /// needs days and topics alone, such as `list --depth 1`).
    pub sections: bool,
    /// The order of day and month in the file's dates with the year last,
    /// as the dates whose numbers tell it say; `None` reads each as its
    /// separator's custom (see [`crate::dates::Order`]).
    pub year_last: Option<DayOrder>,
}

/// Which decorations may start a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Days {
    /// The first pass: like the file's first day heading.
    LikeTheFirst,
    /// Settled: days written like the file's most common day heading.
    Like(Deco),
}

/// A heading's kind for counting: its decoration (levels kept), and for an
/// undecorated one whether it is a bare number date (`3.14`).
type Class = (Deco, bool);

fn class(h: &DayHeading) -> Class {
    (h.deco, h.bare)
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            days: Days::LikeTheFirst,
            newest_first: false,
            sections: true,
            year_last: None,
        }
    }
}

impl Rules {
    /// True when heading `h` may start a day, `first` being the class of
    /// the file's first day, if there is one yet.
    pub fn allows(&self, h: &DayHeading, first: Option<Deco>) -> bool {
        match self.days {
            Days::LikeTheFirst => first.is_none_or(|f| like(f, class(h))),
            Days::Like(d) => like(d, class(h)),
        }
    }
}

/// True when a day heading of class `c` is read as a day in a file whose
/// days are written like `days`:
///
/// - markdown (or org) days: headings of their level or above, and bold
///   dates; not list items nor undecorated lines;
/// - bold days: the same;
/// - list-item days: list items and undecorated dates with a year or a
///   name, any heading;
/// - undecorated days: all but list items.
fn like(days: Deco, (deco, bare): Class) -> bool {
    match (days, deco) {
        (Deco::Atx(l), Deco::Atx(m)) | (Deco::Star(l), Deco::Star(m)) => m <= l,
        (Deco::Atx(_) | Deco::Star(_) | Deco::Bold, Deco::List | Deco::Plain) => false,
        (Deco::List, Deco::Plain) => !bare,
        (Deco::Plain, Deco::List) => false,
        _ => true,
    }
}

/// What a pass saw of the file's day headings.
#[derive(Debug, Default)]
pub struct Seen {
    /// Day headings of each class, in the order first seen: how many were
    /// read as days, how many were not.
    classes: Vec<(Class, usize, usize)>,
    /// Pairs of days in a row whose second is earlier / later.
    backwards: usize,
    forwards: usize,
    /// The first and the last day counted, as written.
    first: Option<NoteDate>,
    last: Option<NoteDate>,
    /// Year-last dates whose numbers tell their order: day first, month
    /// first.
    told: [usize; 2],
    /// Year-last dates read in a guessed order: day first, month first.
    guessed: [usize; 2],
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
        let counts = &mut self.classes[i];
        if taken {
            counts.1 += 1;
        } else {
            counts.2 += 1;
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
        for (class, taken, not) in later.classes {
            match self.classes.iter_mut().find(|(c, ..)| *c == class) {
                Some(counts) => {
                    counts.1 += taken;
                    counts.2 += not;
                }
                None => self.classes.push((class, taken, not)),
            }
        }
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
        self
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

    /// The rules the file's headings call for, when they read some line
    /// differently from how this pass, under `rules`, read it.
    pub fn settle(&self, rules: Rules) -> Option<Rules> {
        // The most common decoration (a level counts on its own), the
        // first seen on a tie.
        let mut totals: Vec<(Deco, usize)> = Vec::new();
        for &((deco, _), taken, not) in &self.classes {
            match totals.iter_mut().find(|(d, _)| *d == deco) {
                Some((_, n)) => *n += taken + not,
                None => totals.push((deco, taken + not)),
            }
        }
        let dominant = totals
            .iter()
            .fold(None::<(Deco, usize)>, |best, &(d, n)| match best {
                Some((_, m)) if m >= n => best,
                _ => Some((d, n)),
            })
            .map(|(d, _)| d)?;
        // Year-last dates: the order most of those whose numbers tell it
        // have, for the guessed ones too.
        let [day_first, month_first] = self.told;
        let year_last = match day_first.cmp(&month_first) {
            std::cmp::Ordering::Greater => Some(DayOrder::DayFirst),
            std::cmp::Ordering::Less => Some(DayOrder::MonthFirst),
            std::cmp::Ordering::Equal => rules.year_last,
        };
        let misread = year_last.is_some_and(|o| self.guessed[o.other() as usize] > 0);
        let next = Rules {
            days: Days::Like(dominant),
            newest_first: self.backwards > self.forwards,
            sections: rules.sections,
            year_last,
        };
        let differs = self.classes.iter().any(|&(c, taken, not)| {
            let allowed = like(dominant, c);
            (taken > 0 && !allowed) || (not > 0 && allowed)
        });
        (differs || misread || next.newest_first != rules.newest_first).then_some(next)
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
