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

mod shapes;

use super::heading::{DayHeading, Deco, Shape};
use crate::dates::{DayOrder, Order};
use crate::notes::NoteDate;
pub use shapes::{Shapes, Stats};

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
    /// The shapes of candidate lines the file repeats: its other day lines,
    /// and its groups.
    pub accepted: Accepted,
    /// Dated headings of this level that name a range or a week, above
    /// the days: groups of days, not days (`** 2016-07-04 (week 27)` over
    /// `*** <2016-07-04 Mon>`).
    pub group: Option<Deco>,
}

/// What a candidate line of an accepted shape is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A day line.
    Day,
    /// A group of days (a week's range above its days): outside every day,
    /// like a year line.
    Group,
}

/// The most shapes taken from one file.
const MOST_ACCEPTED: usize = 8;

/// Candidate shapes taken as day lines or groups, a few at most (fixed
/// size, so that rules stay a small copied value).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Accepted {
    shapes: [Shape; MOST_ACCEPTED],
    /// Bit `i`: `shapes[i]` is a group.
    groups: u8,
    len: u8,
}

impl Accepted {
    fn push(&mut self, shape: Shape, role: Role) {
        let i = usize::from(self.len);
        if i < MOST_ACCEPTED {
            self.shapes[i] = shape;
            if role == Role::Group {
                self.groups |= 1 << i;
            }
            self.len += 1;
        }
    }

    /// What a line of `shape` is, when its shape is taken.
    pub fn role(&self, shape: Shape) -> Option<Role> {
        let i = self.shapes[..usize::from(self.len)]
            .iter()
            .position(|s| *s == shape)?;
        Some(if self.groups & (1 << i) != 0 {
            Role::Group
        } else {
            Role::Day
        })
    }

    /// True when no shape is taken.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
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
            accepted: Accepted::default(),
            group: None,
        }
    }
}

impl Rules {
    /// True when heading `h` may start a day, `first` being the class of
    /// the file's first day, if there is one yet. A candidate line starts
    /// one when its shape is taken as the file's day lines.
    pub fn allows(&self, h: &DayHeading, first: Option<Deco>) -> bool {
        if let Some(shape) = h.shape {
            return self.accepted.role(shape) == Some(Role::Day);
        }
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
    /// Candidate day lines, by shape.
    pub shapes: Shapes,
    /// Dated headings of each level: how many, how many of a range or a
    /// week.
    levels: Vec<(Deco, usize, usize)>,
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
        self.shapes = self.shapes.merge(later.shapes);
        for (deco, all, ranges) in later.levels {
            match self.levels.iter_mut().find(|(d, ..)| *d == deco) {
                Some(ours) => {
                    ours.1 += all;
                    ours.2 += ranges;
                }
                None => self.levels.push((deco, all, ranges)),
            }
        }
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

    /// The rules the file's headings call for, when they read some line
    /// differently from how this pass, under `rules`, read it.
    pub fn settle(&self, rules: Rules) -> Option<Rules> {
        // The most common decoration (a level counts on its own), the
        // first seen on a tie.
        // Candidate lines of a shape that repeats count with them.
        let mut totals: Vec<(Deco, usize)> = Vec::new();
        let mut add = |deco: Deco, n: usize| match totals.iter_mut().find(|(d, _)| *d == deco) {
            Some((_, m)) => *m += n,
            None => totals.push((deco, n)),
        };
        for &((deco, _), taken, not) in &self.classes {
            add(deco, taken + not);
        }
        for s in self.shapes.repeating() {
            add(s.deco, s.lines);
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
            accepted: self.accepted(dominant),
            group: self.group(dominant),
        };
        let differs = self.classes.iter().any(|&(c, taken, not)| {
            let allowed = like(dominant, c);
            (taken > 0 && !allowed) || (not > 0 && allowed)
        });
        (differs
            || misread
            || next.newest_first != rules.newest_first
            || next.accepted != rules.accepted
            || next.group != rules.group)
            .then_some(next)
    }

    /// The level of dated headings above the days' own that all name a
    /// range or a week: groups of days.
    fn group(&self, dominant: Deco) -> Option<Deco> {
        self.levels
            .iter()
            .find(|&&(deco, all, ranges)| all > 0 && ranges == all && above(deco, 0, dominant, 0))
            .map(|&(deco, ..)| deco)
    }

    /// The candidate shapes that are the file's day lines in a file whose
    /// days are written like `dominant`: those that repeat in order and
    /// stand where its days stand (not list items among heading days). A
    /// shape of ranges above days of another shape groups them.
    fn accepted(&self, dominant: Deco) -> Accepted {
        // A `#` run into the date is a day heading with its space missing
        // where the file has days of that heading: one is enough.
        let heading_days = |deco: Deco| {
            self.classes
                .iter()
                .any(|&((d, _), taken, not)| d == deco && taken + not > 0)
        };
        let mut taken: Vec<&Stats> = self
            .shapes
            .all()
            .filter(|s| s.repeats() || (s.glued && heading_days(s.deco)))
            .filter(|s| like(dominant, (s.deco, false)))
            .collect();
        // The most lines first when there are too many; else file order.
        if taken.len() > MOST_ACCEPTED {
            taken.sort_by_key(|s| std::cmp::Reverse(s.lines));
            taken.truncate(MOST_ACCEPTED);
        }
        let mut accepted = Accepted::default();
        for s in &taken {
            let days_under = taken
                .iter()
                .any(|o| !o.range && above(s.deco, s.indent, o.deco, o.indent))
                || (!self.classes.is_empty() && above(s.deco, 0, dominant, 0));
            let role = if s.range && days_under {
                Role::Group
            } else {
                Role::Day
            };
            accepted.push(s.shape, role);
        }
        accepted
    }
}

/// True when a line of `deco` at `indent` stands above one of `under` at
/// `under_indent`: a shallower heading of the same kind, any heading over
/// lines that are not, a line further out.
fn above(deco: Deco, indent: usize, under: Deco, under_indent: usize) -> bool {
    match (deco.level(), under.level()) {
        (Some(a), Some(b)) => {
            matches!(
                (deco, under),
                (Deco::Atx(_), Deco::Atx(_)) | (Deco::Star(_), Deco::Star(_))
            ) && a < b
        }
        (Some(_), None) => true,
        (None, Some(_)) => false,
        (None, None) => indent < under_indent,
    }
}

/// How two days in a row compare: with years in full; without them the
/// shorter way round the year (`12.30` then `1.2` is a new year, forwards;
/// `1.2` then `12.30` goes back into the old one).
pub(super) fn order(prev: NoteDate, next: NoteDate) -> Option<std::cmp::Ordering> {
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
