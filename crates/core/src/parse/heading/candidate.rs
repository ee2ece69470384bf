//! Candidate day lines: lines that start with a date after a short
//! decoration the heading rules do not know, or that are a date with a
//! short tail. One alone is text; a file that writes its days so line after
//! line teaches the parser its shape ([`Shape`]), and every line of a shape
//! that repeats, in date order one way or the other, is a day line (see
//! [`crate::parse::rules`]).
//!
//! ```text
//! # Journal – 14.03.2022        a label before the date
//! Montag 15.05.2023             a weekday before it, in any language
//! mardi 2 janvier 2024          a month name in another language
//! ## 🗓️ April 25, 2025          an emoji or a symbol
//! #07.04.2016                   `#` without a space
//! [2021/03/02~2021/03/04]       a range in brackets
//! ### R1D1 - 15MAY2020          a numbered label, a date run together
//! ## 20250216进展                eight digits
//! 2024/08/03（31℃晴）<br>        a weather note, a line break
//! ```
//!
//! A date inside a sentence never is one: the label is a word or three,
//! not ending in a preposition (`Termin am 12.03.2024`), the text after
//! the date is short, and a date without a year needs a weekday beside it
//! (`Version 2.3` is a number).

use unicode_width::UnicodeWidthStr;

mod found;
mod label;

use super::around::{After, separator};
use super::{DayHeading, Deco, PROSE_COLUMNS, join, peel, without_breaks};
use crate::dates::{DayOrder, Form, Order, Written, weekday_at};
use crate::parse::trim::{trim, trim_start};
use found::{close, find_date};
use label::{Prefix, SEPARATORS, label_kind};

/// What a candidate line looks like, with its date and words taken out:
/// decoration, symbols, label or weekday, the way the date is written,
/// indentation. Lines of one shape are the lines of one habit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Shape(u64);

/// A candidate day line read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Its date, title (the label and the text after the date) and
    /// decoration, with [`DayHeading::shape`] set.
    pub heading: DayHeading,
    /// Its `#` ran into the date (`#07.04.2016`): a markdown heading with
    /// its space missing.
    pub glued: bool,
}

/// The most bytes looked at for the first digit of a date.
const LOOK: usize = 64;

/// Reads `trimmed` (a line without its indentation, at `indent` columns)
/// as a candidate day line.
pub fn candidate(trimmed: &str, indent: usize) -> Option<Candidate> {
    let head = &trimmed.as_bytes()[..trimmed.len().min(LOOK)];
    // A table row is a row, whatever it holds.
    if !has_digit(head) || head[0] == b'|' {
        return None;
    }
    let mut key = Key::new();
    let (deco, glued, rest) = markup(trimmed);
    key.add(&deco_key(deco, glued));
    let (bold, rest, after_bold) = match bold(rest) {
        Some((inner, after)) => (true, inner, after),
        None => (false, rest, ""),
    };
    key.add(&[u8::from(bold)]);
    let deco = if bold && deco == Deco::Plain {
        Deco::Bold
    } else {
        deco
    };
    let (ornament, rest) = ornaments(rest);
    key.add(&ornament.to_le_bytes());
    let found = find_date(rest)?;
    let label = trim(&rest[..found.label_end]);
    let prefix = label_kind(label)?;
    key.add(&prefix.key());
    key.add(&layout(&rest[found.at..], &found.written));
    key.add(&[u8::from(found.range)]);
    key.add(&u32::try_from(indent.min(64)).unwrap_or(64).to_le_bytes());
    let after = &rest[found.end..];
    let closed = close(after, found.opener)?;
    key.add(&[
        found.opener.map_or(0, |c| c as u32 as u8),
        u8::from(closed.link),
    ]);
    // `Mo 18.03.`: the dot that ends a date written day first.
    let tail = match closed.tail.strip_prefix('.') {
        Some(rest) if found.written.form == Form::Numeric && !rest.starts_with('.') => rest,
        _ => closed.tail,
    };
    let own = match separator(tail)? {
        After::End => "",
        After::Colon(t) | After::Dash(t) | After::Other(t) => t,
    };
    let own = without_breaks(own);
    // `[2026/1/20(火)](…) - text`: what the link's text holds after the date.
    let inside = trim(closed.inside);
    let own_title = join([inside, own]);
    let own = own_title.as_deref().unwrap_or("");
    let mut written = found.written;
    let year = written.date.year.is_some();
    if written.form == Form::Numeric && !year {
        day_first_when_it_must(&mut written);
    }
    let weekday = match prefix {
        Prefix::Weekday(d) => Some(d),
        _ => tail_weekday(own),
    };
    // A number without a year, or with two digits of one, is a date only
    // beside a weekday.
    let weak = (!year && !found.range) || found.short_year;
    if written.form == Form::Numeric && weak && weekday.is_none() {
        return None;
    }
    let extra = trim(after_bold);
    if bold
        && !extra.is_empty()
        && !matches!(separator(extra), Some(After::Colon(_) | After::Dash(_)))
    {
        return None;
    }
    let shown = if found.range {
        trim(&rest[found.at..found.end])
    } else {
        own
    };
    let label = label.trim_end_matches(SEPARATORS);
    let title = join([
        label,
        shown,
        trim_start(extra.trim_start_matches([':', '-', '–'])),
    ]);
    if title.as_deref().map_or(0, UnicodeWidthStr::width) > PROSE_COLUMNS {
        return None;
    }
    Some(Candidate {
        heading: DayHeading {
            date: written.date,
            title,
            deco,
            strict: false,
            bare: false,
            order: written.order,
            weekday,
            shape: Some(key.finish()),
            range: found.range,
        }
        .told_by_weekday(),
        glued,
    })
}

/// `16.05` under `Montag 15.05.2023` is the 16th of May: a date without a
/// year whose first number cannot be a month is read day first (its order
/// told); one that could be either is read month first, as `8.22` is, until
/// the file's dates with the year last tell otherwise.
fn day_first_when_it_must(w: &mut Written) {
    let d = &mut w.date;
    if d.month > 12 && d.day <= 12 {
        std::mem::swap(&mut d.month, &mut d.day);
        w.order = Some(Order::Told(DayOrder::DayFirst));
    } else if d.month <= 12 && d.day <= 12 && d.month != d.day {
        w.order = Some(Order::Guessed(DayOrder::MonthFirst));
    }
}

/// Takes off what marks the line up: a markdown heading (its `#` with or
/// without a space after them), an org heading, a list marker. Also says
/// whether the `#` ran into the text (`#07.04.2016`).
fn markup(s: &str) -> (Deco, bool, &str) {
    let hashes = s.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && !s[hashes..].starts_with([' ', '\t']) {
        return (Deco::Atx(hashes as u8), true, &s[hashes..]);
    }
    let (deco, rest) = peel(s);
    (deco, false, rest)
}

fn deco_key(deco: Deco, glued: bool) -> [u8; 3] {
    let (kind, level) = match deco {
        Deco::Plain => (0, 0),
        Deco::Bold => (1, 0),
        Deco::List => (2, 0),
        Deco::Atx(l) => (3, l),
        Deco::Star(l) => (4, l),
    };
    [kind, level, u8::from(glued)]
}

/// `**x** rest`: the bold text and what follows it.
fn bold(s: &str) -> Option<(&str, &str)> {
    let marker = ["**", "__"].into_iter().find(|m| s.starts_with(m))?;
    let close = s[2..].find(marker)? + 2;
    Some((trim(&s[2..close]), &s[close + 2..]))
}

/// Symbols and emoji before the label or date (`🗓️ `, `■ `, `> `): the
/// first one, as a number, and what follows them.
fn ornaments(s: &str) -> (u32, &str) {
    let mut first = 0;
    let mut rest = s;
    for _ in 0..4 {
        let Some(c) = rest.chars().next() else { break };
        let symbol = !(c.is_alphanumeric()
            || c.is_whitespace()
            || matches!(c, '[' | '(' | '（' | '【' | '<' | '*' | '_' | '#'))
            || c == '\u{FE0F}';
        if !symbol {
            break;
        }
        if first == 0 {
            first = c as u32;
        }
        rest = trim_start(&rest[c.len_utf8()..]);
    }
    (first, rest)
}

/// How a date is laid out, for its shape: the form, and for numbers the
/// separator and whether the year comes first (a date without a year is
/// laid out as one with it last: `Dienstag 16.05` under `Montag
/// 15.05.2023`).
fn layout(s: &str, w: &Written) -> [u8; 3] {
    let form = match w.form {
        Form::Numeric => 0,
        Form::Cjk => 1,
        Form::Named => 2,
        Form::Org => 3,
    };
    let sep = s
        .bytes()
        .find(|b| !b.is_ascii_digit())
        .filter(|b| matches!(b, b'.' | b'/' | b'-' | b'_'))
        .unwrap_or(0);
    let year_first = s.bytes().take_while(u8::is_ascii_digit).count() == 4;
    [
        form,
        if w.form == Form::Numeric { sep } else { 0 },
        u8::from(year_first),
    ]
}

/// True when `b` holds an ASCII digit: eight bytes at a time (every line
/// at the margin of a file without days comes here).
fn has_digit(b: &[u8]) -> bool {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    const ZEROS: u64 = u64::from_le_bytes([b'0'; 8]);
    let mut words = b.chunks_exact(8);
    for w in &mut words {
        // A digit's byte, its high nibble 3 taken off, is under 10; no
        // other byte is. Then "some byte under 10", a byte at a time.
        let x = u64::from_le_bytes(w.try_into().unwrap_or_default()) ^ ZEROS;
        if x.wrapping_sub(ONES * 10) & !x & HIGH != 0 {
            return true;
        }
    }
    words.remainder().iter().any(u8::is_ascii_digit)
}

/// A weekday the text after a date starts with (`Montag`, `（火）`,
/// `星期二 晴`).
fn tail_weekday(tail: &str) -> Option<u8> {
    let (day, n) = weekday_at(tail)?;
    let next = tail[n..].chars().next();
    next.is_none_or(|c| !c.is_alphanumeric() || super::is_cjk(c))
        .then_some(day)
}

/// FNV-1a, for shapes: the same on every machine and run.
struct Key {
    hash: u64,
}

impl Key {
    fn new() -> Self {
        Key {
            hash: 0xcbf2_9ce4_8422_2325,
        }
    }

    fn add(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.hash ^= u64::from(b);
            self.hash = self.hash.wrapping_mul(0x0100_0000_01b3);
        }
        // A field ends.
        self.hash = self.hash.rotate_left(5) ^ 0x9e;
    }

    fn finish(&self) -> Shape {
        Shape(self.hash)
    }
}

#[cfg(test)]
mod tests;
