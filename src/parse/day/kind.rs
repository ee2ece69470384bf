//! What a day's topics are, and which lines start them: the kinds of the
//! table in [`super`], found as the lines come ([`Tracker`]), and the rules
//! for numbered lists that start again inside a topic ([`Numbering`]).

use super::DayLine;
use super::marks::{link_line, mark};
use crate::parse::classify::{atx_heading, bold_inner, clean_title, hanzi_numbered, numbered};
use crate::parse::heading::{Deco, peel};

/// What a day's topics are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Headings of this level.
    Headings(u8),
    /// Lines numbered in Chinese numerals (`一、`) at this indentation.
    Hanzi(u32),
    /// Numbered lines at this indentation.
    Numbered(u32),
    /// Bold-only lines at this indentation.
    Bold(u32),
    /// Times of day at this indentation.
    Time(u32),
    /// List items at this indentation.
    List(u32),
    /// Lines that start with this mark ([`marks`]) at this indentation.
    Mark(u32, u32),
    /// Lines that are only a link, at this indentation.
    Link(u32),
    /// The day has no topics: all of it is preamble.
    None,
}

/// Where a numbered list inside a topic has got to.
#[derive(Default)]
pub(super) struct Numbering {
    /// The open topic has a line of text as far out as the topics: its
    /// body is not indented under it, so a `1.` there may be its own list.
    flat_body: bool,
    /// The number a list restarted inside the topic expects next.
    list_next: Option<u32>,
}

impl Numbering {
    /// A line of the open topic's body.
    #[inline]
    pub(super) fn note_body(&mut self, l: &DayLine<'_>, kind: Kind) {
        if let Kind::Numbered(at) = kind {
            self.flat_body |= l.indent <= at;
        }
    }
}

/// The topic `l` starts, if it starts one: its number and title.
#[inline]
pub(super) fn topic_start<'t>(
    l: &DayLine<'t>,
    kind: Kind,
    deco: Deco,
    numbers: &mut Numbering,
    in_topic: bool,
) -> Option<(Option<u32>, &'t str)> {
    let t = l.trimmed;
    match kind {
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
            if n == 1 && in_topic && numbers.flat_body {
                numbers.list_next = Some(2);
                return None;
            }
            Some((Some(n), clean_title(rest)))
        }
        Kind::Hanzi(at) if l.indent == at => {
            hanzi_numbered(t).map(|(n, rest)| (Some(n), clean_title(rest)))
        }
        Kind::Bold(at) if l.indent == at => bold_inner(t).map(|i| (None, clean_title(i))),
        Kind::Time(at) if l.indent == at && is_time_entry(t) => {
            Some((None, clean_title(peel(t).1)))
        }
        Kind::List(at) if l.indent == at => bullet(t).map(|rest| (None, clean_title(rest))),
        Kind::Mark(symbol, at) if l.indent == at => mark(t)
            .filter(|(m, _)| m.symbol == symbol)
            .map(|(m, rest)| (m.number, clean_title(rest))),
        Kind::Link(at) if l.indent == at => link_line(t).map(|text| (None, clean_title(text))),
        _ => None,
    }
}

/// Finds the kind of topics a day has (see the module's table) as its
/// lines come, without keeping them: the shallowest heading below the day,
/// the outermost indentation of any item, and the first line of each kind
/// of item there.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tracker {
    heading: Option<u8>,
    base: u32,
    first: [u32; ITEMS],
    /// The symbol of the first mark at the outermost indentation.
    mark: u32,
    /// The line before the first numbered line there was text, not an
    /// item: the numbers are a list inside a paragraph.
    numbered_in_text: bool,
    /// The last line seen at the outermost indentation was text.
    after_text: bool,
    /// Lines seen.
    seen: u32,
}

/// Kinds of [`Item`].
const ITEMS: usize = 7;

impl Default for Tracker {
    fn default() -> Self {
        Tracker {
            heading: None,
            base: u32::MAX,
            first: [u32::MAX; ITEMS],
            mark: 0,
            numbered_in_text: false,
            after_text: false,
            seen: 0,
        }
    }
}

impl Tracker {
    /// A non-blank line outside code.
    #[inline]
    pub(super) fn see(&mut self, l: &DayLine<'_>, deco: Deco) {
        self.seen += 1;
        if matches!(deco, Deco::Atx(_) | Deco::Star(_) | Deco::List)
            && let Some((level, _)) = sub_heading(l.trimmed, deco)
        {
            self.heading = Some(self.heading.map_or(level, |h| h.min(level)));
            return;
        }
        // Only lines at or outside the outermost item so far can change
        // the answer: the deeper body lines are not looked at.
        if l.indent > self.base {
            return;
        }
        let Some(item) = item(l.trimmed) else {
            self.after_text = l.indent == self.base;
            return;
        };
        let after_text = std::mem::take(&mut self.after_text);
        if l.indent < self.base {
            self.base = l.indent;
            self.first = [u32::MAX; ITEMS];
        }
        let first = &mut self.first[item as usize];
        if *first == u32::MAX {
            *first = self.seen;
            match item {
                Item::Mark => self.mark = mark(l.trimmed).map_or(0, |(m, _)| m.symbol),
                Item::Numbered => self.numbered_in_text = after_text,
                _ => {}
            }
        }
    }

    /// The kind of the lines seen so far.
    #[inline]
    pub(super) fn kind(&self) -> Kind {
        if let Some(level) = self.heading {
            return Kind::Headings(level);
        }
        let at = |item: Item| self.first[item as usize];
        let has = |item: Item| at(item) != u32::MAX;
        // Chinese numerals head the numbers under them (`一、` then `1.`).
        let before_others = |item: Item| {
            let others = [Item::Hanzi, Item::Numbered, Item::Bold, Item::Time];
            others
                .into_iter()
                .filter(|&o| o != item)
                .all(|o| at(item) < at(o))
        };
        if has(Item::Hanzi) && before_others(Item::Hanzi) {
            Kind::Hanzi(self.base)
        } else if has(Item::Numbered)
            && at(Item::Numbered) < at(Item::Bold).min(at(Item::Time))
            && !(self.numbered_in_text && at(Item::Bullet) < at(Item::Numbered))
        {
            // A numbered list in a paragraph after the day's bullets is
            // one bullet's list.
            Kind::Numbered(self.base)
        } else if has(Item::Bold) {
            Kind::Bold(self.base)
        } else if has(Item::Time) {
            Kind::Time(self.base)
        } else if has(Item::Bullet) {
            Kind::List(self.base)
        } else if has(Item::Mark) {
            Kind::Mark(self.mark, self.base)
        } else if has(Item::Link) {
            Kind::Link(self.base)
        } else {
            Kind::None
        }
    }
}

/// What a line of a day can be as a topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    Numbered = 0,
    Bold = 1,
    Time = 2,
    Bullet = 3,
    Hanzi = 4,
    Mark = 5,
    Link = 6,
}

/// The kind of item `t` is, told from its first bytes where possible.
#[inline]
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
        0xE4 | 0xE5 => hanzi_numbered(t).map(|_| Item::Hanzi),
        b'-' | b'+' | b'*' if matches!(b.get(1), Some(b' ' | b'\t')) => {
            let timed = b.get(2).is_some_and(u8::is_ascii_digit) && is_time_entry(t);
            Some(if timed { Item::Time } else { Item::Bullet })
        }
        b'*' | b'_' => bold_inner(t).map(|_| Item::Bold),
        b'[' => {
            if is_time_entry(t) {
                Some(Item::Time)
            } else {
                link_line(t).map(|_| Item::Link)
            }
        }
        b'-' | 0xE2 | 0xE3 => mark(t).map(|_| Item::Mark),
        _ => None,
    }
}

/// A heading below a markdown or org day heading (or an org heading below
/// a `* ` day): its level and text.
fn sub_heading(t: &str, deco: Deco) -> Option<(u8, &str)> {
    if !matches!(t.as_bytes()[0], b'#' | b'*') {
        return None;
    }
    match deco {
        Deco::Atx(day) => atx_heading(t).filter(|(l, _)| *l > day),
        Deco::Star(day) => star_heading(t).filter(|(l, _)| *l > day),
        // `* 2024-01-02` reads as a list item, but it is also org's first
        // heading level: the `** x` below it are its headings.
        Deco::List => star_heading(t),
        _ => None,
    }
}

/// An org heading of two or more stars: `** x`, without the tags that may
/// end it (`** TCP   :network:study:` is `TCP`; the line keeps them, so
/// search still finds them).
pub(super) fn star_heading(t: &str) -> Option<(u8, &str)> {
    match peel(t) {
        (Deco::Star(n), text) => Some((n, without_tags(text))),
        _ => None,
    }
}

/// `title   :a:b:` → `title`: org's tags, a word of `:`-separated names
/// after the title.
fn without_tags(text: &str) -> &str {
    let t = text.trim_end();
    let Some(space) = t.rfind([' ', '\t']) else {
        return t;
    };
    let tags = &t[space + 1..];
    let is_tags = tags.len() >= 3
        && tags.starts_with(':')
        && tags.ends_with(':')
        && tags[1..tags.len() - 1].split(':').all(|tag| {
            !tag.is_empty()
                && tag
                    .chars()
                    .all(|c| c.is_alphanumeric() || "_@#%".contains(c))
        });
    if is_tags { t[..space].trim_end() } else { t }
}

/// The text of a list item: `- x`, `* x`, `+ x`.
fn bullet(t: &str) -> Option<&str> {
    match peel(t) {
        (Deco::List, rest) => Some(rest),
        _ => None,
    }
}

/// A time-of-day entry: `09:00`, `9:30 AM standup`, `##### 11:15 PM`,
/// `[14:05]`, `- 08:00 – run`.
pub(super) fn is_time_entry(trimmed: &str) -> bool {
    let (_, rest) = peel(trimmed);
    let rest = rest.strip_prefix("**").unwrap_or(rest);
    let rest = rest.strip_prefix('[').unwrap_or(rest);
    let b = rest.as_bytes();
    let hours = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&hours) || b.get(hours) != Some(&b':') {
        return false;
    }
    let minutes = &b[hours + 1..];
    if minutes.len() < 2 || !minutes[..2].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let h: u32 = rest[..hours].parse().unwrap_or(99);
    let m: u32 = rest[hours + 1..hours + 3].parse().unwrap_or(99);
    let after = &minutes[2..];
    h <= 24
        && m < 60
        && after
            .first()
            .is_none_or(|c| !c.is_ascii_digit() && *c != b'.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_entries() {
        for s in [
            "09:00",
            "9:30 AM standup",
            "##### 11:15 PM",
            "[14:05] x",
            "- 08:00 – run",
        ] {
            assert!(is_time_entry(s), "{s:?}");
        }
        for s in ["1:5", "123:00", "9.30", "10:300", "x 09:00", "25:99"] {
            assert!(!is_time_entry(s), "{s:?}");
        }
    }
}
