//! Day headings: what starts a day.
//!
//! A day heading is a line that, once its decoration is taken off, starts
//! with a date ([`crate::dates::written`]) followed by a short title:
//!
//! ```text
//! ## 2023.7.12                      markdown heading (any level), org `** `
//! **2024-01-02**: review            bold
//! - 2024-01-02                      list item (the outermost indentation)
//! ### Day 22: February 22, 2017     a `Day N:` / `第N天` prefix
//! 2022/02/14 [OFFLINE]              after the date: `:`, ` - `, `|`, a
//! 2024年1月2日 星期二 晴              [tag], a weekday, a title after a space,
//! 8.1笔记                            or a CJK title straight after the date
//! ```
//!
//! Not day headings: `1.5 hours` and `2.3 Results` (a date without a year
//! before a Latin word reads as a number), `May 5 we met` (an undecorated
//! English date without a year before words), a title of more than
//! [`PROSE_COLUMNS`] columns on an undecorated line (prose that starts with a
//! date). Which decorations count in a file is decided by the parser from all
//! its headings (see [`super::rules`]).

use unicode_width::UnicodeWidthStr;

mod around;
mod candidate;
mod title;

use super::classify::atx_heading;
use super::trim::{trim, trim_start};
use crate::dates::{self, DayOrder, Form, HeadingDate, Order};
use around::{After, day_prefix, separator};
pub use around::{is_cjk, may_be_dated};
pub use candidate::{Candidate, Shape, candidate};
pub use title::title_weekday;
use title::{is_range_end, named_weekday, names_week, range_text, without_breaks};

/// The longest title, in display columns, an undecorated line may have
/// after its date and still be a day heading.
pub const PROSE_COLUMNS: usize = 60;

/// How a heading line is marked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Deco {
    /// Nothing: `8.22:`.
    Plain,
    /// Wholly bold: `**2024-01-02**`.
    Bold,
    /// A list item: `- 2024-01-02`, `* 2024-01-02`.
    List,
    /// A markdown heading of this level: `## 2024-01-02`.
    Atx(u8),
    /// An org heading of this many stars (two or more): `** <2024-01-02>`.
    Star(u8),
}

impl Deco {
    /// The heading level for markdown and org headings.
    pub fn level(self) -> Option<u8> {
        match self {
            Deco::Atx(l) | Deco::Star(l) => Some(l),
            _ => None,
        }
    }
}

/// A day heading read from a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayHeading {
    /// The date as written (the first day of a range).
    pub date: HeadingDate,
    /// The title: the text after the date, with a `Day N` prefix before it;
    /// a range's whole text.
    pub title: Option<String>,
    /// The decoration taken off.
    pub deco: Deco,
    /// The date alone or followed by a colon: the form of the first notes
    /// daynotes read, which also ends an open code fence.
    pub strict: bool,
    /// A number date without a year on an undecorated line (`8.22`, `3.14`):
    /// a day only in files whose days are written so.
    pub bare: bool,
    /// For a date with its year last (`07.02.2024`): how the order of its
    /// day and month was found.
    pub order: Option<Order>,
    /// The weekday the line names before its date (0 = Monday), in any
    /// language: `Montag 15.05.2023`, `Tuesday, January 2, 2024`; also
    /// after it for a candidate, and for a date whose order of day and
    /// month it settles. A weekday in a day's title (`2022.9.6 星期二`) is
    /// read when the line is taken ([`title_weekday`]).
    pub weekday: Option<u8>,
    /// For a candidate day line (a shape the rules do not know by
    /// themselves): its shape, a day only where the file repeats it.
    pub shape: Option<Shape>,
    /// The date is the first of a range (`[2021/03/02~2021/03/04]`) or of
    /// a week (`2016-07-04 (week 27)`): above days, a group of them.
    pub range: bool,
}

impl DayHeading {
    /// Reads the date in `order` when its order was only guessed (day and
    /// month swap when `order` is not the guess).
    pub fn read_as(&mut self, order: DayOrder) {
        if self.order == Some(Order::Guessed(order.other())) {
            std::mem::swap(&mut self.date.month, &mut self.date.day);
            self.order = Some(Order::Guessed(order));
        }
    }

    /// A weekday beside a date with the year last whose order was guessed
    /// tells the order: `lundi 04/03/24` is the 4th of March, a Monday,
    /// not the 3rd of April, a Wednesday.
    fn told_by_weekday(mut self) -> Self {
        let (Some(Order::Guessed(o)), Some(w), Some(y)) =
            (self.order, self.weekday, self.date.year)
        else {
            return self;
        };
        let on = |m: u32, d: u32| {
            dates::is_valid(Some(y), m, d) && dates::weekday(y, m, d) == u32::from(w)
        };
        let HeadingDate { month, day, .. } = self.date;
        if on(month, day) && !on(day, month) {
            self.order = Some(Order::Told(o));
        } else if on(day, month) && !on(month, day) {
            std::mem::swap(&mut self.date.month, &mut self.date.day);
            self.order = Some(Order::Told(o.other()));
        }
        self
    }
}

/// What a line is as a heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// A day heading.
    Day(DayHeading),
    /// It starts with a date but reads as a sentence: why, for `check`.
    Prose(&'static str),
    /// Neither.
    No,
}

/// Reads `trimmed` (a non-empty line without surrounding whitespace) as a
/// day heading.
pub fn day_heading(trimmed: &str) -> Verdict {
    let (deco, rest) = peel(trimmed);
    day_heading_in(deco, rest)
}

/// [`day_heading`] of a line whose decoration [`peel`] has taken off.
pub fn day_heading_in(deco: Deco, rest: &str) -> Verdict {
    let (bold, inner, after_bold) = match bold_run(rest) {
        Some((inner, after)) => (true, inner, after),
        None => (false, rest, ""),
    };
    let deco = if bold && deco == Deco::Plain {
        Deco::Bold
    } else {
        deco
    };
    let (prefix, dated) = match day_prefix(inner) {
        Some((label, rest)) => (Some(label), rest),
        None => (None, inner),
    };
    let Some(written) = dates::leading_date(dated) else {
        return Verdict::No;
    };
    let after = &dated[written.len..];
    let Some(sep) = separator(after) else {
        return Verdict::No;
    };
    let decorated = prefix.is_some() || !matches!(deco, Deco::Plain | Deco::List);
    if !sep.allowed(written.form, written.date.year.is_some(), decorated) {
        return Verdict::No;
    }
    let own = match sep {
        After::End => "",
        After::Colon(t) | After::Dash(t) | After::Other(t) => without_breaks(t),
    };
    let tail = title_after_bold(after_bold);
    if bold && tail.is_none() && !after_bold.trim().is_empty() {
        // `**2024-01-02** and more` is a sentence with a bold date.
        return Verdict::No;
    }
    let two_dates = written.range || is_range_end(own);
    let shown = if two_dates { range_text(dated) } else { own };
    // A week names a group above days: only a heading can head them.
    let range = two_dates || (deco.level().is_some() && names_week(own));
    let title = join([prefix.unwrap_or(""), shown, tail.unwrap_or("")]);
    // The weekday of a weekday-first date (`Tuesday, January 2, 2024`);
    // one in the title is read when the line is taken as a day
    // ([`title_weekday`]), or here when it must tell day from month.
    let guessed = matches!(written.order, Some(Order::Guessed(_)));
    let weekday = if dated.as_bytes()[0].is_ascii_alphabetic() {
        named_weekday(dated)
    } else {
        None
    }
    .or_else(|| guessed.then(|| named_weekday(own)).flatten());
    if !decorated && title.as_deref().map_or(0, UnicodeWidthStr::width) > PROSE_COLUMNS {
        return Verdict::Prose("the text after the date is too long for a title");
    }
    let strict = deco == Deco::Plain
        && prefix.is_none()
        && matches!(sep, After::End | After::Colon(_))
        && matches!(written.form, Form::Numeric | Form::Cjk);
    Verdict::Day(
        DayHeading {
            date: written.date,
            title,
            deco,
            strict,
            bare: deco == Deco::Plain
                && prefix.is_none()
                && written.form == Form::Numeric
                && written.date.year.is_none(),
            order: written.order,
            weekday,
            shape: None,
            range,
        }
        .told_by_weekday(),
    )
}

/// The parts of a title that are there, joined: `Day 22: review`.
fn join<const N: usize>(parts: [&str; N]) -> Option<String> {
    let mut out: Option<String> = None;
    for part in parts.into_iter().map(trim).filter(|p| !p.is_empty()) {
        match &mut out {
            None => out = Some(part.to_string()),
            Some(s) => {
                s.push_str(": ");
                s.push_str(part);
            }
        }
    }
    out
}

/// Takes off a markdown or org heading marker or a list marker.
pub fn peel(s: &str) -> (Deco, &str) {
    match s.as_bytes()[0] {
        b'#' => match atx_heading(s) {
            Some((level, text)) => (Deco::Atx(level), text),
            None => (Deco::Plain, s),
        },
        b'*' => {
            let stars = s.bytes().take_while(|&b| b == b'*').count();
            match s.as_bytes().get(stars) {
                Some(b' ' | b'\t') if stars == 1 => (Deco::List, trim_start(&s[1..])),
                Some(b' ' | b'\t') if stars <= 9 => {
                    (Deco::Star(stars as u8), trim_start(&s[stars..]))
                }
                _ => (Deco::Plain, s),
            }
        }
        b'-' | b'+' if matches!(s.as_bytes().get(1), Some(b' ' | b'\t')) => {
            (Deco::List, trim_start(&s[1..]))
        }
        _ => (Deco::Plain, s),
    }
}

/// `**x** rest` or `__x__ rest`: the bold text and what follows it; `None`
/// when CommonMark would not read the markers as bold (`** x**`).
fn bold_run(s: &str) -> Option<(&str, &str)> {
    let marker = if s.starts_with("**") {
        "**"
    } else if s.starts_with("__") {
        "__"
    } else {
        return None;
    };
    let close = s[2..].find(marker)? + 2;
    let (inner, rest) = (&s[2..close], &s[close + 2..]);
    let after = rest.chars().next();
    crate::notes::emphasis::encloses(marker.as_bytes()[0], inner, after)
        .then(|| (trim(inner), rest))
}

/// The title after a bold date: `: title`, ` - title`, nothing. `None`
/// when the text goes on as a sentence.
fn title_after_bold(s: &str) -> Option<&str> {
    match separator(s)? {
        After::End => Some(""),
        After::Colon(t) | After::Dash(t) => Some(t),
        After::Other(_) => None,
    }
}

#[cfg(test)]
mod tests;
