//! What a day's topics are, and which lines start them: the kinds of the
//! table in [`super`], found as the lines come ([`Tracker`]), and the rules
//! for numbered lists that start again inside a topic ([`Numbering`]).

use super::DayLine;
use super::marks::{link_line, mark};
pub(super) use super::tracker::Tracker;
use crate::parse::classify::{atx_heading, bold_inner, hanzi_numbered, is_rule, numbered};
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
    /// Lines that start with this mark ([`super::marks`]) at this indentation.
    Mark(u8, u32),
    /// Lines that are only a link, at this indentation.
    Link(u32),
    /// Lines of text at this indentation, further out than every item,
    /// each with deeper lines under it.
    Text(u32),
    /// The day has no topics: all of it is preamble.
    None,
}

impl Kind {
    /// The indentation this kind's topics stand at; `None` for headings
    /// (found at any indentation) and for a day without topics.
    pub(super) fn column(self) -> Option<u32> {
        match self {
            Kind::Hanzi(at)
            | Kind::Numbered(at)
            | Kind::Bold(at)
            | Kind::Time(at)
            | Kind::List(at)
            | Kind::Mark(_, at)
            | Kind::Link(at)
            | Kind::Text(at) => Some(at),
            Kind::Headings(_) | Kind::None => None,
        }
    }
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

/// The topic `l` starts, if it starts one: its number and the text after
/// its marker, whose
/// [`clean_title`](crate::parse::classify::clean_title) is its title
/// (left to the caller: a topic only counted needs none).
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
            (l == level).then_some((None, text))
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
            Some((Some(n), rest))
        }
        Kind::Hanzi(at) if l.indent == at => hanzi_numbered(t).map(|(n, rest)| (Some(n), rest)),
        Kind::Bold(at) if l.indent == at => bold_inner(t).map(|i| (None, i)),
        Kind::Time(at) if l.indent == at && is_time_entry(t) => Some((None, peel(t).1)),
        // `* x :tag:` is an org heading of the first level (a daily org
        // file's topics): its tags stay in the line, out of the title.
        Kind::List(at) if l.indent == at => bullet(t).map(|rest| {
            let rest = if t.starts_with('*') {
                without_tags(rest)
            } else {
                rest
            };
            (None, rest)
        }),
        Kind::Mark(symbol, at) if l.indent == at => mark(t)
            .filter(|(m, _)| m.symbol == symbol)
            .map(|(m, rest)| (m.number, rest)),
        Kind::Link(at) if l.indent == at => link_line(t).map(|text| (None, text)),
        // No item stands there: every line there is text, but a rule.
        Kind::Text(at) if l.indent == at && !is_rule(t) => Some((None, t)),
        _ => None,
    }
}

/// A heading below a markdown or org day heading (or an org heading below
/// a `* ` day): its level and text.
pub(super) fn sub_heading(t: &str, deco: Deco) -> Option<(u8, &str)> {
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
