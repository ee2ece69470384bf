//! Which kind of topics a day has, found as its lines come ([`Tracker`]):
//! the first line of each kind of item at the day's outermost indentation.

use super::DayLine;
use super::kind::{Kind, is_time_entry, sub_heading};
use super::marks::{link_line, mark};
use crate::parse::classify::{bold_inner, hanzi_numbered, numbered};
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
