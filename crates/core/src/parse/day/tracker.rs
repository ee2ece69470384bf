//! Which kind of topics a day has, found as its lines come ([`Tracker`]):
//! the first line of each kind of item at the day's outermost indentation.

use super::DayLine;
use super::kind::{Kind, is_time_entry, sub_heading};
use super::marks::{link_line, mark};
use crate::parse::classify::{bold_inner, hanzi_numbered, is_rule, numbered};
use crate::parse::heading::Deco;

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
    mark: u8,
    /// The line before the first numbered line there was text, not an
    /// item: the numbers are a list inside a paragraph.
    numbered_in_text: bool,
    /// The last line seen at the outermost indentation was text.
    after_text: bool,
    /// Lines seen.
    seen: u32,
    /// Lines of text that may head the lines under them ([`Heads`]).
    heads: Heads,
}

/// Lines of text standing further out than the day's items, or in a day
/// without items, that may be its topics: the outermost indentation of a
/// text line, how many lines of text there have deeper lines under them,
/// and whether one has none. Under them means the next line the tracker
/// looks at (none deeper than the outermost item) is deeper: the lines
/// deeper still may be passed over unread ([`Tracker::passed`]).
///
/// ```text
/// 2023-04-03
/// Rust ownership          text, deeper lines under it   a head
///   - moves and copies    an item, deeper than the text
/// Tokio basics            text, deeper lines under it   a head
///   - spawn
/// ```
#[derive(Debug, Clone, Copy)]
struct Heads {
    at: u32,
    headed: u32,
    /// A line of text there had no deeper line under it.
    bare: bool,
    /// The last line seen was text there: the next line tells.
    open: bool,
}

impl Default for Heads {
    fn default() -> Self {
        Heads {
            at: u32::MAX,
            headed: 0,
            bare: false,
            open: false,
        }
    }
}

impl Heads {
    /// The next line seen after a line of text at `at` is at `indent`.
    #[inline]
    fn next(&mut self, indent: u32) {
        if std::mem::take(&mut self.open) {
            if indent > self.at {
                self.headed += 1;
            } else {
                self.bare = true;
            }
        }
    }

    /// A line of text at `indent`.
    fn text(&mut self, indent: u32) {
        if indent < self.at {
            *self = Heads {
                at: indent,
                ..Heads::default()
            };
        }
        self.open = indent == self.at;
    }

    /// The indentation of the text lines that head the day, when two or
    /// more do and every other line of text there heads lines too.
    fn column(&self) -> Option<u32> {
        (self.headed >= 2 && !self.bare && !self.open).then_some(self.at)
    }
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
            heads: Heads::default(),
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
        // A rule (a heading's underline, a break) neither heads lines nor
        // stands under one.
        let rule = is_rule(l.trimmed);
        if !rule {
            self.heads.next(l.indent);
        }
        let Some(item) = item(l.trimmed) else {
            self.after_text = l.indent == self.base;
            if !rule {
                self.heads.text(l.indent);
            }
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

    /// The outermost indentation of an item so far, once there is one.
    pub(super) fn outermost(&self) -> Option<u32> {
        (self.base != u32::MAX).then_some(self.base)
    }

    /// Counts `n` lines passed over as deeper than [`Tracker::outermost`]
    /// (see [`super::DayReader::deep_from`]): lines seen, and nothing else.
    pub(super) fn passed(&mut self, n: usize) {
        self.seen = self
            .seen
            .saturating_add(u32::try_from(n).unwrap_or(u32::MAX));
    }

    /// The kind of the lines seen so far.
    #[inline]
    pub(super) fn kind(&self) -> Kind {
        if let Some(level) = self.heading {
            return Kind::Headings(level);
        }
        // Lines of text further out than every item, each over lines of
        // its own.
        if let Some(at) = self.heads.column()
            && at < self.base
        {
            return Kind::Text(at);
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
            } else if link_line(t).is_some() {
                Some(Item::Link)
            } else {
                mark(t).map(|_| Item::Mark)
            }
        }
        b'-' | 0xE2 | 0xE3 | 0xF0 => mark(t).map(|_| Item::Mark),
        _ => None,
    }
}
