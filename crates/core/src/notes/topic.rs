//! A topic and its sections, stored flat.
//!
//! A topic keeps its sections in one list, in the order their headings
//! appear (pre-order, the order the outline and [`NodeId`] count them in),
//! each knowing its depth and the section it sits under. Its titles are
//! places in the text it was parsed from, which it shares
//! ([`Topic::in_text`]); a title that is not a piece of that text (one made
//! by hand) is kept with the others in one string of the topic's own. A
//! topic so costs one allocation for its sections, none for its titles:
//! their copies were about a tenth of the time and the memory of a search
//! through 100 MB.
//!
//! ```text
//! text   …  1. **tcp握手**\n   **第一次握手（SYN）**：\n …
//!                 └title┘          └─ section 0 ─┘
//! topic  the title 5 bytes from its heading's start, 9 long;
//!        section 0's name at its bytes in the text
//! ```
//!
//! ```text
//! k  depth  parent   (topic 3 of 8.22 in the sample)
//! 0  0      -        预防服务中断的策略
//! 1  1      0          1. 高可用架构
//! 2  1      0          2. 容错机制
//! 3  0      -        服务中断后的处理
//! 4  1      3          1. 立即响应
//! ```
//!
//! [`NodeId`]: crate::outline::NodeId

use super::span::narrow;
use super::{SourceText, Span};

/// How deep sections may nest; deeper ones are kept at this depth. The
/// parser's headings nest at most 8 deep (`#` to `######`, a bold group, a
/// numbered bold under it).
const MAX_DEPTH: usize = 16;

/// [`Section::parent`] of a section directly under its topic. A topic has
/// fewer sections than its body has bytes, fewer than 4 GiB.
const NO_PARENT: u32 = u32::MAX;

/// A topic of a day: a numbered line, a heading, a bold line, a time or a
/// list item, whichever the day's topics are (see [`crate::parse`]).
#[derive(Clone)]
pub struct Topic {
    /// The number as written (`1` for `1.tcp握手`, `（1）`, `1、`); `None`
    /// for topics that are not numbered lines.
    pub number: Option<u32>,
    /// The topic line.
    pub heading: Span,
    /// Where its body ([`Topic::body`]) ends: the body starts after the
    /// heading, so its start and line are the heading's end and next line.
    body_end: u32,
    /// Section headings found inside the body, in pre-order; private so
    /// that each parent stays before its children ([`Topic::sections`]).
    sections: Box<[Section]>,
    /// Where the titles are: `names` holds the title at `title_at` (from
    /// the heading's start in the text, from 0 in a string of its own),
    /// `title_len` long, and each section's name where the section says.
    names: Names,
    title_at: u16,
    title_len: u32,
    /// A journal entry marked as starred (`*`).
    pub starred: bool,
}

/// A section heading inside a topic body; its title is
/// [`Topic::section_title`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The heading line (part of the topic body's text).
    pub heading: Span,
    /// 0 for a section directly under the topic.
    depth: u32,
    /// Index in [`Topic::sections`] of the section this one sits under;
    /// [`NO_PARENT`] directly under the topic (an `Option` would make the
    /// section a sixth larger, and a large file has a million of them).
    parent: u32,
    /// Where the title is in the topic's names: bytes of the text it was
    /// parsed from, or of the topic's own string.
    name: (u32, u32),
}

impl Section {
    /// 1-based line of the heading.
    pub fn line(&self) -> usize {
        self.heading.line()
    }

    /// 0 for a section directly under the topic, 1 under one of those, …
    pub fn depth(&self) -> usize {
        self.depth as usize
    }

    /// Index in [`Topic::sections`] of the section this one sits under;
    /// `None` directly under the topic.
    pub fn parent(&self) -> Option<usize> {
        (self.parent != NO_PARENT).then_some(self.parent as usize)
    }
}

impl Topic {
    /// A topic titled `title` with `sections` given in pre-order as
    /// `(depth, title, heading)`, its body ending at byte `body_end`; each section sits under the nearest one
    /// before it that is less deep. A depth more than one below the section
    /// before is taken as one below it.
    pub fn new(
        number: Option<u32>,
        title: &str,
        heading: Span,
        body_end: usize,
        sections: &[(usize, &str, Span)],
    ) -> Topic {
        let total = title.len() + sections.iter().map(|(_, t, _)| t.len()).sum::<usize>();
        let mut names = String::with_capacity(total);
        names.push_str(title);
        let list = nest(sections, |name| {
            let start = narrow(names.len());
            names.push_str(name);
            (start, narrow(names.len()))
        });
        let names = Names::Own(names.into_boxed_str());
        Topic::made(number, heading, body_end, list, (names, 0, title.len()))
    }

    /// [`Topic::new`] for titles that are pieces of `text` (the text the
    /// heading's span is in): kept as places in it, not copied. Any title
    /// from elsewhere makes it [`Topic::new`].
    pub fn in_text(
        text: &SourceText,
        number: Option<u32>,
        title: &str,
        heading: Span,
        body_end: usize,
        sections: &[(usize, &str, Span)],
    ) -> Topic {
        // The text's place, looked up once (a mapped text's is behind a
        // shared pointer).
        let whole = text.as_str();
        let offset_of = |part: &str| {
            let start = (part.as_ptr() as usize).checked_sub(whole.as_ptr() as usize)?;
            (start + part.len() <= whole.len()).then_some(start)
        };
        let title_at = offset_of(title)
            .and_then(|at| at.checked_sub(heading.start()))
            .and_then(|at| u16::try_from(at).ok());
        let named = sections
            .iter()
            .all(|(_, name, _)| offset_of(name).is_some());
        let Some(title_at) = title_at.filter(|_| named) else {
            return Topic::new(number, title, heading, body_end, sections);
        };
        let list = nest(sections, |name| {
            let start = offset_of(name).unwrap_or_default();
            (narrow(start), narrow(start + name.len()))
        });
        let names = Names::Text(text.clone());
        Topic::made(
            number,
            heading,
            body_end,
            list,
            (names, title_at, title.len()),
        )
    }

    /// A topic of `sections` already nested, its titles in `names` (the
    /// title at the second, as long as the third).
    fn made(
        number: Option<u32>,
        heading: Span,
        body_end: usize,
        sections: Box<[Section]>,
        (names, title_at, title_len): (Names, u16, usize),
    ) -> Topic {
        Topic {
            number,
            heading,
            body_end: narrow(body_end.max(heading.end())),
            sections,
            names,
            title_at,
            title_len: narrow(title_len),
            starred: false,
        }
    }

    /// Every line after the heading up to the next topic, day or year line.
    pub fn body(&self) -> Span {
        Span::new(
            self.heading.end(),
            self.body_end as usize,
            self.heading.line() + 1,
        )
    }

    /// Section headings found inside the body, in pre-order (the order of
    /// their lines): a section's parent always comes before it.
    pub fn sections(&self) -> &[Section] {
        &self.sections
    }

    /// True when the titles are read from the text the topic was parsed
    /// from ([`Topic::in_text`]), false when it keeps copies of its own.
    pub fn titles_in_text(&self) -> bool {
        matches!(self.names, Names::Text(_))
    }

    /// The title, without the number, bold markers or trailing colon.
    pub fn title(&self) -> &str {
        let at = usize::from(self.title_at)
            + match self.names {
                Names::Own(_) => 0,
                Names::Text(_) => self.heading.start(),
            };
        self.names
            .as_str()
            .get(at..at + self.title_len as usize)
            .unwrap_or_default()
    }

    /// The title of one of this topic's sections, without bold markers,
    /// `#`s or a trailing colon; it keeps its own numbering
    /// (`1. 高可用架构`).
    pub fn section_title(&self, section: &Section) -> &str {
        let (start, end) = section.name;
        self.names
            .as_str()
            .get(start as usize..end as usize)
            .unwrap_or_default()
    }

    /// The sections directly under section `parent`, or directly under the
    /// topic when `parent` is `None`, with their indexes; none when there
    /// is no section `parent`.
    pub fn children(&self, parent: Option<usize>) -> impl Iterator<Item = (usize, &Section)> {
        let (from, depth) = match parent {
            Some(p) => match self.sections.get(p) {
                Some(s) => (p + 1, s.depth + 1),
                None => (self.sections.len(), 0),
            },
            None => (0, 0),
        };
        self.sections
            .iter()
            .enumerate()
            .skip(from)
            .take_while(move |(_, s)| s.depth >= depth)
            .filter(move |(_, s)| s.depth == depth)
    }

    /// 1-based line of the topic heading.
    pub fn line(&self) -> usize {
        self.heading.line()
    }

    /// The title with its number, as a list shows it: `1. tcp握手`, or the
    /// title alone for a topic without a number; a star before a starred
    /// journal entry (`★ 09:00 Standup`).
    pub fn numbered_title(&self) -> String {
        let mut out = String::new();
        self.push_numbered_title(&mut out);
        out
    }

    /// Appends [`Topic::numbered_title`] to `out`, without the formatting
    /// machinery: `list` writes one for each of 300,000 topics.
    pub fn push_numbered_title(&self, out: &mut String) {
        if self.starred {
            out.push_str("★ ");
        }
        if let Some(n) = self.number {
            super::push_number(out, n as usize);
            out.push_str(". ");
        }
        out.push_str(self.title());
    }

    /// How many bytes the number takes at the start of
    /// [`Topic::numbered_title`] (`12. `: 4), none without one.
    pub fn number_width(&self) -> usize {
        self.number
            .map_or(0, |n| n.checked_ilog10().map_or(1, |l| l as usize + 1) + 2)
    }
}

/// Where a topic's titles are kept.
#[derive(Clone)]
enum Names {
    /// A string of its own: the title, then each section's.
    Own(Box<str>),
    /// The text it was parsed from, shared.
    Text(SourceText),
}

impl Names {
    fn as_str(&self) -> &str {
        match self {
            Names::Own(s) => s,
            Names::Text(t) => t.as_str(),
        }
    }
}

/// `sections`, given in pre-order as `(depth, title, heading)`, as a
/// topic keeps them: each under the nearest one before it that is less
/// deep, a depth more than one below the one before taken as one below
/// it, its title where `place` puts it.
fn nest(
    sections: &[(usize, &str, Span)],
    mut place: impl FnMut(&str) -> (u32, u32),
) -> Box<[Section]> {
    // The open path: the index of the section at each depth.
    let mut path = [0u32; MAX_DEPTH];
    let mut list = Vec::with_capacity(sections.len());
    debug_assert!(
        sections.is_sorted_by_key(|(_, _, h)| h.start()),
        "sections come in the order of their lines"
    );
    for (k, &(depth, name, heading)) in sections.iter().enumerate() {
        let depth = depth.min(list_depth_limit(&list)).min(MAX_DEPTH - 1);
        let k = narrow(k);
        path[depth] = k;
        list.push(Section {
            heading,
            depth: depth as u32,
            parent: depth.checked_sub(1).map_or(NO_PARENT, |up| path[up]),
            name: place(name),
        });
    }
    list.into_boxed_slice()
}

/// Topics are equal when they read the same: number, lines, mark, titles
/// and sections, wherever their titles are kept.
impl PartialEq for Topic {
    fn eq(&self, other: &Topic) -> bool {
        self.number == other.number
            && self.heading == other.heading
            && self.body_end == other.body_end
            && self.starred == other.starred
            && self.title() == other.title()
            && self.sections.len() == other.sections.len()
            && self
                .sections
                .iter()
                .zip(other.sections.iter())
                .all(|(a, b)| {
                    a.heading == b.heading
                        && a.depth == b.depth
                        && a.parent == b.parent
                        && self.section_title(a) == other.section_title(b)
                })
    }
}

impl Eq for Topic {}

impl std::fmt::Debug for Topic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sections: Vec<_> = self
            .sections
            .iter()
            .map(|s| (self.section_title(s), s.depth, s.parent(), s.heading))
            .collect();
        f.debug_struct("Topic")
            .field("number", &self.number)
            .field("title", &self.title())
            .field("heading", &self.heading)
            .field("body_end", &self.body_end)
            .field("starred", &self.starred)
            .field("sections", &sections)
            .finish()
    }
}

/// How deep the next section may be: one below the last one.
fn list_depth_limit(list: &[Section]) -> usize {
    list.last().map_or(0, |s| s.depth as usize + 1)
}

#[cfg(test)]
mod tests;
