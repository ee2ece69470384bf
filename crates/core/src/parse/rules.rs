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
//!
//! A file also teaches its own day lines. A line that starts with a date
//! after a decoration the heading rules do not know (a label, a weekday in
//! another language, a symbol, a range…) is a candidate
//! ([`crate::parse::heading::candidate`]), counted by its shape. A shape
//! the file repeats, its dates in order one way or the other, is one of its
//! ways of writing days; the second pass takes its lines as days (or, for
//! ranges above other days, as groups of them), as it takes the headings it
//! settled on. One line of a shape stays text.
//!
//! ```text
//! Montag 15.05.2023     a shape seen three times, forwards: day lines
//! Dienstag 16.05
//! Mittwoch 17.05.2023
//! Termin am 19.05.2023  a sentence (a lead-in before the date): never one
//! ```

mod accepted;
mod seen;
mod shapes;

use super::heading::{DayHeading, Deco};
use crate::dates::DayOrder;
use crate::notes::NoteDate;
use accepted::MOST_ACCEPTED;
pub use accepted::{Accepted, Role};
pub use seen::Seen;
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
    /// Findings are made (not by a caller that shows none, such as `list`
    /// and `search`): without, only the note of a text without days is.
    pub findings: bool,
    /// What becomes of the topics as the days' lines are read.
    pub topics: Topics,
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

/// What a pass makes of each day's topics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topics {
    /// Read as the day's lines come, each made a [`crate::notes::Topic`].
    Made,
    /// Read as the lines come, and only counted ([`crate::notes::Day::counted`]):
    /// for a caller that shows how many a day has and nothing of them
    /// (`list --depth 1`). Making them is a quarter of such a parse.
    Counted,
    /// Not read: only the days are found, and the topics of the days
    /// asked for are read afterwards ([`crate::parse::Sketch`]).
    Later,
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
            findings: true,
            topics: Topics::Made,
            year_last: None,
            accepted: Accepted::default(),
            group: None,
        }
    }
}

impl Rules {
    /// True when lines are read as candidate day lines: in the first pass,
    /// which counts them to learn the file's shapes, and in a second that
    /// takes some of them; a second pass that takes none has no use for
    /// them (nor has a daily note, which is one day).
    pub fn reads_candidates(&self) -> bool {
        self.days == Days::LikeTheFirst || !self.accepted.is_empty()
    }

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

impl Seen {
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
            findings: rules.findings,
            topics: rules.topics,
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

/// True when `c` falls between days `a` and `b` (in either order), or
/// nothing tells: a date without a year is compared by month and day.
pub fn falls_between(a: NoteDate, c: NoteDate, b: NoteDate) -> bool {
    use std::cmp::Ordering::{Greater, Less};
    let strip = |d: NoteDate| NoteDate { year: None, ..d };
    let cmp = |x: NoteDate, y: NoteDate| match (x.year, y.year) {
        (Some(_), Some(_)) => order(x, y),
        _ => order(strip(x), strip(y)),
    };
    match (cmp(a, c), cmp(c, b)) {
        (Some(Less), Some(Greater)) | (Some(Greater), Some(Less)) => false,
        // `a` to `b` goes one way, `c` not between: both steps one way is
        // between; an equal date is between.
        _ => true,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn d(year: Option<i32>, month: u8, day: u8) -> NoteDate {
        NoteDate { year, month, day }
    }

    #[test]
    fn a_date_falls_between_the_days_around_it_either_way() {
        let (a, b) = (d(Some(2024), 1, 2), d(Some(2024), 1, 3));
        assert!(falls_between(a, d(Some(2024), 1, 2), b));
        assert!(!falls_between(a, d(Some(2024), 1, 10), b));
        assert!(!falls_between(a, d(Some(2023), 12, 1), b));
        // Newest first.
        assert!(falls_between(b, d(Some(2024), 1, 2), a));
        assert!(!falls_between(b, d(Some(2024), 1, 10), a));
        // Without a year, by month and day.
        assert!(falls_between(
            d(Some(2023), 5, 15),
            d(None, 5, 16),
            d(Some(2023), 5, 17)
        ));
    }
}
