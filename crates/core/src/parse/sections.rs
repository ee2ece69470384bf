//! Finds how the section headings of one topic body nest.
//!
//! Each heading gets a rank; a heading becomes the child of the nearest open
//! heading of a smaller rank:
//!
//! ```text
//! # A                rank 1
//! **预防**：          rank 7 (unnumbered bold, colon line) → child of A
//! **1. 高可用架构**：  rank 8 when it follows an unnumbered bold → child of 预防
//! **2. 容错机制**：    rank 8 → sibling of 1.
//! **服务中断后**：     rank 7 → closes 预防, sibling of it
//! ```

use crate::notes::Span;

/// What kind of heading a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadingKind {
    /// `#` heading of this level (1-6).
    Atx(u8),
    /// A bold-only line without a number.
    Bold,
    /// A bold-only line starting with a number (`**1. x**`).
    NumberedBold,
    /// A plain line ending in a colon with deeper lines under it.
    Colon,
}

const GROUP_RANK: u8 = 7;

/// Collects the headings of one body in order, each with its depth, as
/// [`Topic::new`](crate::notes::Topic::new) takes them.
#[derive(Debug, Default)]
pub struct SectionTree<'t> {
    /// `(depth, title, heading)` of each heading so far.
    flat: Vec<(usize, &'t str, Span)>,
    /// The open path, root first: each heading's rank and whether it is an
    /// unnumbered bold (a group that numbered bolds join).
    path: Vec<(u8, bool)>,
}

impl<'t> SectionTree<'t> {
    /// Adds the next heading of the body.
    pub fn push(&mut self, kind: HeadingKind, title: &'t str, heading: Span) {
        let rank = match kind {
            HeadingKind::Atx(level) => level,
            HeadingKind::Bold | HeadingKind::Colon => GROUP_RANK,
            HeadingKind::NumberedBold => {
                while self.path.last().is_some_and(|(r, _)| *r > GROUP_RANK) {
                    self.path.pop();
                }
                if self
                    .path
                    .last()
                    .is_some_and(|&(r, group)| r == GROUP_RANK && group)
                {
                    GROUP_RANK + 1
                } else {
                    GROUP_RANK
                }
            }
        };
        while self.path.last().is_some_and(|(r, _)| *r >= rank) {
            self.path.pop();
        }
        self.flat.push((self.path.len(), title, heading));
        self.path.push((rank, kind == HeadingKind::Bold));
    }

    /// The headings pushed since the last [`SectionTree::clear`].
    pub fn headings(&self) -> &[(usize, &'t str, Span)] {
        &self.flat
    }

    /// Empties the tree for the next body.
    pub fn clear(&mut self) {
        self.flat.clear();
        self.path.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::Topic;

    /// The headings as the outline nests them: `A[1 2] B[1]`.
    fn titles(t: &SectionTree<'_>) -> String {
        let sp = Span::default();
        let topic = Topic::new(None, "", sp, 0, t.headings());
        nested(&topic, None)
    }

    fn nested(topic: &Topic, parent: Option<usize>) -> String {
        topic
            .children(parent)
            .map(|(k, s)| {
                let title = topic.section_title(s);
                match nested(topic, Some(k)) {
                    inner if inner.is_empty() => title.to_string(),
                    inner => format!("{title}[{inner}]"),
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn numbered_bold_joins_the_group_before_it() {
        let mut t = SectionTree::default();
        let sp = Span::default();
        t.push(HeadingKind::Bold, "A", sp);
        t.push(HeadingKind::NumberedBold, "1", sp);
        t.push(HeadingKind::NumberedBold, "2", sp);
        t.push(HeadingKind::Bold, "B", sp);
        t.push(HeadingKind::NumberedBold, "1", sp);
        assert_eq!(titles(&t), "A[1 2] B[1]");
        // The tree is empty again for the next body.
        t.clear();
        t.push(HeadingKind::NumberedBold, "9", sp);
        assert_eq!(titles(&t), "9");
    }

    #[test]
    fn numbered_bold_alone_is_top_level() {
        let mut t = SectionTree::default();
        let sp = Span::default();
        t.push(HeadingKind::NumberedBold, "1", sp);
        t.push(HeadingKind::NumberedBold, "2", sp);
        assert_eq!(titles(&t), "1 2");
    }

    #[test]
    fn atx_levels_nest() {
        let mut t = SectionTree::default();
        let sp = Span::default();
        t.push(HeadingKind::Atx(1), "A", sp);
        t.push(HeadingKind::Atx(2), "B", sp);
        t.push(HeadingKind::Bold, "C", sp);
        t.push(HeadingKind::Atx(2), "D", sp);
        t.push(HeadingKind::Atx(1), "E", sp);
        assert_eq!(titles(&t), "A[B[C] D] E");
    }
}
