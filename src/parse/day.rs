//! One day's lines → its preamble and topics, once the whole day is read.
//!
//! A day's topics are its shallowest items, of the first kind it has in
//! this order:
//!
//! ```text
//! ## 2024-01-02          under a markdown (or org) day heading:
//! ### SQL                1. the shallowest headings below it
//! 8.22:                  otherwise, at the day's outermost item indentation:
//!     1.tcp握手           2. numbered lines (unless a bold line or a time
//!                           comes first there: they are its sub-headings)
//! **Today's Progress**:  3. bold-only lines
//! 09:00 standup          4. times of day
//! - [[Kubernetes]] pods  5. list items
//! ```
//!
//! Numbered lines nested under a bullet are deeper than the bullet, so they
//! are not at the outermost indentation. A numbered list that starts again
//! at 1 inside a topic that already has text is a list of that topic's
//! body, and so are the numbers that count on from it.
//!
//! Inside a topic, section headings are found as before: deeper headings,
//! bold-only lines, and colon lines with deeper text under them
//! ([`super::sections`]).

use super::classify::{
    atx_heading, bold_inner, clean_title, ends_with_colon, is_list_or_table, numbered,
};
use super::heading::{Deco, is_time_entry, peel};
use super::lines::RawLine;
use super::sections::{HeadingKind, SectionTree};
use crate::notes::{Span, Topic};

/// One line of a day, measured once.
#[derive(Debug, Clone, Copy)]
pub struct DayLine<'t> {
    pub raw: RawLine,
    /// Indentation in columns.
    pub indent: usize,
    /// The line without its indentation and trailing whitespace; empty for
    /// a blank line.
    pub trimmed: &'t str,
    /// A fence marker, or a line inside a fenced code block.
    pub code: bool,
}

/// What a day's topics are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Headings of this level.
    Headings(u8),
    /// Numbered lines at this indentation.
    Numbered(usize),
    /// Bold-only lines at this indentation.
    Bold(usize),
    /// Times of day at this indentation.
    Time(usize),
    /// List items at this indentation.
    List(usize),
    /// The day has no topics: all of it is preamble.
    None,
}

/// A colon line waiting for its next non-blank line to decide whether it
/// heads a section.
struct PendingColon<'t> {
    indent: usize,
    title: &'t str,
    heading: Span,
}

/// Builds days, keeping its buffers from one day to the next.
#[derive(Default)]
pub struct Builder<'t> {
    sections: SectionTree<'t>,
    pending: Option<PendingColon<'t>>,
}

/// The open topic: its number, title and heading line.
type Head<'t> = (Option<u32>, &'t str, Span);

/// A day's preamble and topics.
pub struct Built {
    pub preamble: Span,
    pub topics: Vec<Topic>,
}

impl<'t> Builder<'t> {
    /// The preamble and topics of a day whose heading has `deco` and whose
    /// text runs from `start` (on line `line`) to `end`, made of `lines`.
    pub fn build(
        &mut self,
        lines: &[DayLine<'t>],
        deco: Deco,
        (start, line): (usize, usize),
        end: usize,
    ) -> Built {
        let kind = kind(lines, deco);
        let mut topics = Vec::new();
        let mut preamble = Span::new(start, end, line);
        let mut open: Option<Head<'t>> = None;
        let mut numbers = Numbering::default();
        for l in lines {
            if l.trimmed.is_empty() {
                continue;
            }
            if l.code {
                self.pending = None;
                numbers.body_text = open.is_some();
                continue;
            }
            if let Some((number, title)) = topic_start(l, kind, deco, &mut numbers, open.is_some())
            {
                match open.take() {
                    Some(head) => topics.push(self.topic(head, l.raw.start)),
                    None => preamble = Span::new(start, l.raw.start, line),
                }
                open = Some((number, title, l.raw.span()));
                continue;
            }
            if open.is_some() {
                numbers.body_text = true;
                self.body_line(l, deco);
            }
        }
        if let Some(head) = open {
            topics.push(self.topic(head, end));
        }
        Built { preamble, topics }
    }

    /// Closes the open topic at byte `end`.
    fn topic(&mut self, (number, title, heading): Head<'t>, end: usize) -> Topic {
        self.pending = None;
        let body = Span::new(heading.end(), end, heading.line() + 1);
        let topic = Topic::new(number, title, heading, body, self.sections.headings());
        self.sections.clear();
        topic
    }

    /// Section detection inside a topic body.
    fn body_line(&mut self, l: &DayLine<'t>, deco: Deco) {
        let trimmed = l.trimmed;
        if let Some(p) = self.pending.take()
            && l.indent > p.indent
        {
            self.sections.push(HeadingKind::Colon, p.title, p.heading);
        }
        let heading = l.raw.span();
        let first = trimmed.as_bytes()[0];
        if let Deco::Star(_) = deco
            && let Some((level, text)) = star_heading(trimmed)
        {
            self.sections
                .push(HeadingKind::Atx(level.min(6)), clean_title(text), heading);
            return;
        }
        if first == b'*' || first == b'_' {
            if let Some(inner) = bold_inner(trimmed) {
                let kind = if numbered(inner).is_some() {
                    HeadingKind::NumberedBold
                } else {
                    HeadingKind::Bold
                };
                self.sections.push(kind, clean_title(inner), heading);
                return;
            }
        } else if first == b'#'
            && let Some((level, title)) = atx_heading(trimmed)
        {
            self.sections
                .push(HeadingKind::Atx(level), clean_title(title), heading);
            return;
        }
        if ends_with_colon(trimmed) && !is_list_or_table(trimmed) {
            self.pending = Some(PendingColon {
                indent: l.indent,
                title: clean_title(trimmed),
                heading,
            });
        }
    }
}

/// Where a numbered list inside a topic has got to.
#[derive(Default)]
struct Numbering {
    /// The open topic has a line of text.
    body_text: bool,
    /// The number a list restarted inside the topic expects next.
    list_next: Option<u32>,
}

/// The topic `l` starts, if it starts one: its number and title.
fn topic_start<'t>(
    l: &DayLine<'t>,
    kind: Kind,
    deco: Deco,
    numbers: &mut Numbering,
    in_topic: bool,
) -> Option<(Option<u32>, &'t str)> {
    let t = l.trimmed;
    let started = match kind {
        Kind::Headings(level) => {
            let (l, text) = sub_heading(t, deco)?;
            (l == level).then(|| (None, clean_title(text)))
        }
        Kind::Numbered(at) if l.indent == at => {
            let (n, rest) = numbered(t)?;
            if let Some(next) = numbers.list_next {
                if n == next {
                    numbers.list_next = Some(n + 1);
                    return None;
                }
                numbers.list_next = None;
            }
            if n == 1 && in_topic && numbers.body_text {
                numbers.list_next = Some(2);
                return None;
            }
            Some((Some(n), clean_title(rest)))
        }
        Kind::Bold(at) if l.indent == at => bold_inner(t).map(|i| (None, clean_title(i))),
        Kind::Time(at) if l.indent == at && is_time_entry(t) => {
            Some((None, clean_title(peel(t).1)))
        }
        Kind::List(at) if l.indent == at => bullet(t).map(|rest| (None, clean_title(rest))),
        _ => None,
    };
    if started.is_some() {
        numbers.body_text = false;
        numbers.list_next = None;
    }
    started
}

/// The kind of topics a day has (see the module's table). One pass over
/// the lines, without allocating: it runs for every day of every file.
fn kind(lines: &[DayLine<'_>], deco: Deco) -> Kind {
    let text = || lines.iter().filter(|l| !l.code && !l.trimmed.is_empty());
    if deco.level().is_some()
        && let Some(level) = text()
            .filter_map(|l| sub_heading(l.trimmed, deco))
            .map(|(l, _)| l)
            .min()
    {
        return Kind::Headings(level);
    }
    // The outermost indentation of any item, and the first line of each
    // kind of item there.
    let mut base = usize::MAX;
    let mut first = [usize::MAX; 4];
    for (i, l) in text().enumerate() {
        let Some(item) = item(l.trimmed) else {
            continue;
        };
        if l.indent < base {
            base = l.indent;
            first = [usize::MAX; 4];
        }
        if l.indent == base {
            first[item as usize] = first[item as usize].min(i);
        }
    }
    let [numbered, bold, time, bullet] = first.map(|i| i != usize::MAX);
    if numbered
        && first[Item::Numbered as usize]
            < first[Item::Bold as usize].min(first[Item::Time as usize])
    {
        Kind::Numbered(base)
    } else if bold {
        Kind::Bold(base)
    } else if time {
        Kind::Time(base)
    } else if bullet {
        Kind::List(base)
    } else {
        Kind::None
    }
}

/// What a line of a day can be as a topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    Numbered = 0,
    Bold = 1,
    Time = 2,
    Bullet = 3,
}

/// The kind of item `t` is, told from its first bytes where possible.
fn item(t: &str) -> Option<Item> {
    let b = t.as_bytes();
    match b[0] {
        b'0'..=b'9' => {
            if numbered(t).is_some() {
                Some(Item::Numbered)
            } else {
                is_time_entry(t).then_some(Item::Time)
            }
        }
        b'(' | 0xEF => numbered(t).map(|_| Item::Numbered),
        b'-' | b'+' | b'*' if matches!(b.get(1), Some(b' ' | b'\t')) => {
            let timed = b.get(2).is_some_and(u8::is_ascii_digit) && is_time_entry(t);
            Some(if timed { Item::Time } else { Item::Bullet })
        }
        b'*' | b'_' => bold_inner(t).map(|_| Item::Bold),
        b'[' => is_time_entry(t).then_some(Item::Time),
        _ => None,
    }
}

/// A heading below a markdown or org day heading: its level and text.
fn sub_heading(t: &str, deco: Deco) -> Option<(u8, &str)> {
    match deco {
        Deco::Atx(day) => atx_heading(t).filter(|(l, _)| *l > day),
        Deco::Star(day) => star_heading(t).filter(|(l, _)| *l > day),
        _ => None,
    }
}

/// An org heading of two or more stars: `** x`.
fn star_heading(t: &str) -> Option<(u8, &str)> {
    match peel(t) {
        (Deco::Star(n), text) => Some((n, text)),
        _ => None,
    }
}

/// The text of a list item: `- x`, `* x`, `+ x`.
fn bullet(t: &str) -> Option<&str> {
    match peel(t) {
        (Deco::List, rest) => Some(rest),
        _ => None,
    }
}
