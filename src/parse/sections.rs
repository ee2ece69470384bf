//! Builds the nested section tree of one topic body from its heading lines.
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

use crate::notes::{Section, Span};

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

/// Collects headings in order and nests them.
#[derive(Debug, Default)]
pub struct SectionTree {
    roots: Vec<Section>,
    /// Ranks of the open path, root first; `path_bold[i]` says whether that
    /// open heading is an unnumbered bold (a group that numbered bolds join).
    path: Vec<(u8, bool)>,
}

impl SectionTree {
    /// Adds the next heading of the body.
    pub fn push(&mut self, kind: HeadingKind, title: String, heading: Span) {
        let rank = match kind {
            HeadingKind::Atx(level) => level,
            HeadingKind::Bold | HeadingKind::Colon => GROUP_RANK,
            HeadingKind::NumberedBold => {
                while self.path.last().is_some_and(|(r, _)| *r > GROUP_RANK) {
                    self.path.pop();
                }
                if self.path.last() == Some(&(GROUP_RANK, true)) {
                    GROUP_RANK + 1
                } else {
                    GROUP_RANK
                }
            }
        };
        while self.path.last().is_some_and(|(r, _)| *r >= rank) {
            self.path.pop();
        }
        let section = Section {
            title: title.into(),
            heading,
            sections: Vec::new(),
        };
        let mut level = &mut self.roots;
        for _ in 0..self.path.len() {
            level = &mut level.last_mut().expect("open path").sections;
        }
        level.push(section);
        self.path.push((rank, kind == HeadingKind::Bold));
    }

    /// The finished tree.
    pub fn finish(self) -> Vec<Section> {
        let mut roots = self.roots;
        shrink(&mut roots);
        roots
    }
}

/// Drops the spare capacity of every level: a 100 MB notebook holds
/// hundreds of thousands of small section lists.
fn shrink(sections: &mut Vec<Section>) {
    sections.shrink_to_fit();
    for s in sections {
        shrink(&mut s.sections);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(s: &[Section]) -> String {
        s.iter()
            .map(|s| {
                if s.sections.is_empty() {
                    s.title.to_string()
                } else {
                    format!("{}[{}]", s.title, titles(&s.sections))
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn numbered_bold_joins_the_group_before_it() {
        let mut t = SectionTree::default();
        let sp = Span::default();
        t.push(HeadingKind::Bold, "A".into(), sp);
        t.push(HeadingKind::NumberedBold, "1".into(), sp);
        t.push(HeadingKind::NumberedBold, "2".into(), sp);
        t.push(HeadingKind::Bold, "B".into(), sp);
        t.push(HeadingKind::NumberedBold, "1".into(), sp);
        assert_eq!(titles(&t.finish()), "A[1 2] B[1]");
    }

    #[test]
    fn numbered_bold_alone_is_top_level() {
        let mut t = SectionTree::default();
        let sp = Span::default();
        t.push(HeadingKind::NumberedBold, "1".into(), sp);
        t.push(HeadingKind::NumberedBold, "2".into(), sp);
        assert_eq!(titles(&t.finish()), "1 2");
    }

    #[test]
    fn atx_levels_nest() {
        let mut t = SectionTree::default();
        let sp = Span::default();
        t.push(HeadingKind::Atx(1), "A".into(), sp);
        t.push(HeadingKind::Atx(2), "B".into(), sp);
        t.push(HeadingKind::Bold, "C".into(), sp);
        t.push(HeadingKind::Atx(2), "D".into(), sp);
        t.push(HeadingKind::Atx(1), "E".into(), sp);
        assert_eq!(titles(&t.finish()), "A[B[C] D] E");
    }
}
