//! A topic and its sections, stored flat.
//!
//! A topic keeps its sections in one list, in the order their headings
//! appear (pre-order, the order the outline and [`NodeId`] count them in),
//! each knowing its depth and the section it sits under. All its titles live
//! in one string. A topic so costs two allocations however many headings its
//! body has, which is most of what parsing a large file costs.
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

use super::Span;
use super::span::narrow;

/// How deep sections may nest; deeper ones are kept at this depth. The
/// parser's headings nest at most 8 deep (`#` to `######`, a bold group, a
/// numbered bold under it).
const MAX_DEPTH: usize = 16;

/// [`Section::parent`] of a section directly under its topic. A topic has
/// fewer sections than its body has bytes, fewer than 4 GiB.
const NO_PARENT: u32 = u32::MAX;

/// A topic of a day: a numbered line, a heading, a bold line, a time or a
/// list item, whichever the day's topics are (see [`crate::parse`]).
#[derive(Debug, Clone, PartialEq, Eq)]
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
    /// The topic's title, then each section's, end to end.
    names: Box<str>,
    /// The length of the topic's own title at the start of `names`.
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
    /// Where the title is in the topic's names.
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
            let start = narrow(names.len());
            names.push_str(name);
            list.push(Section {
                heading,
                depth: depth as u32,
                parent: depth.checked_sub(1).map_or(NO_PARENT, |up| path[up]),
                name: (start, narrow(names.len())),
            });
        }
        Topic {
            number,
            heading,
            body_end: narrow(body_end.max(heading.end())),
            sections: list.into_boxed_slice(),
            names: names.into_boxed_str(),
            title_len: narrow(title.len()),
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

    /// The title, without the number, bold markers or trailing colon.
    pub fn title(&self) -> &str {
        self.names
            .get(..self.title_len as usize)
            .unwrap_or_default()
    }

    /// The title of one of this topic's sections, without bold markers,
    /// `#`s or a trailing colon; it keeps its own numbering
    /// (`1. 高可用架构`).
    pub fn section_title(&self, section: &Section) -> &str {
        let (start, end) = section.name;
        self.names
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
        let star = if self.starred { "★ " } else { "" };
        match self.number {
            Some(n) => format!("{star}{n}. {}", self.title()),
            None => format!("{star}{}", self.title()),
        }
    }
}

/// How deep the next section may be: one below the last one.
fn list_depth_limit(list: &[Section]) -> usize {
    list.last().map_or(0, |s| s.depth as usize + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each section as `title(depth, parent)`.
    fn shape(t: &Topic) -> Vec<String> {
        t.sections
            .iter()
            .map(|s| format!("{}({},{:?})", t.section_title(s), s.depth, s.parent()))
            .collect()
    }

    #[test]
    fn sections_know_their_depth_and_parent() {
        let sp = Span::default();
        //  预防        0
        //    1. 高可用  1  under 0
        //    2. 容错    1  under 0
        //  处理        0
        //    1. 响应    1  under 3
        let t = Topic::new(
            Some(3),
            "如何保证服务器的服务不中断",
            sp,
            0,
            &[
                (0, "预防", sp),
                (1, "1. 高可用", sp),
                (1, "2. 容错", sp),
                (0, "处理", sp),
                (1, "1. 响应", sp),
            ],
        );
        assert_eq!(t.title(), "如何保证服务器的服务不中断");
        assert_eq!(
            shape(&t),
            [
                "预防(0,None)",
                "1. 高可用(1,Some(0))",
                "2. 容错(1,Some(0))",
                "处理(0,None)",
                "1. 响应(1,Some(3))"
            ]
        );
        let top: Vec<usize> = t.children(None).map(|(k, _)| k).collect();
        assert_eq!(top, [0, 3]);
        let under: Vec<usize> = t.children(Some(0)).map(|(k, _)| k).collect();
        assert_eq!(under, [1, 2]);
        assert_eq!(t.children(Some(4)).count(), 0);
        assert_eq!(t.children(Some(99)).count(), 0, "no such section");
    }

    #[test]
    fn a_depth_that_skips_a_level_is_one_below() {
        let sp = Span::default();
        let t = Topic::new(
            Some(1),
            "",
            sp,
            0,
            &[(2, "a", sp), (0, "b", sp), (5, "c", sp)],
        );
        assert_eq!(shape(&t), ["a(0,None)", "b(0,None)", "c(1,Some(1))"]);
    }

    #[test]
    fn no_sections_no_titles() {
        let t = Topic::new(None, "", Span::default(), 0, &[]);
        assert_eq!((t.title(), t.sections.len()), ("", 0));
    }
}
