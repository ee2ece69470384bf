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
///
/// Headings are kept flat, each counting the headings directly under it,
/// while the body is read; the nested lists are built once at the end, each
/// allocated at its final size (a 100 MB notebook holds hundreds of
/// thousands of them).
#[derive(Debug, Default)]
pub struct SectionTree {
    flat: Vec<Flat>,
    /// How many headings are at the top level.
    roots: usize,
    /// The open path, root first: each heading's rank, whether it is an
    /// unnumbered bold (a group that numbered bolds join), and its index in
    /// `flat`.
    path: Vec<(u8, bool, usize)>,
}

/// One heading, with how many headings sit directly under it.
#[derive(Debug)]
struct Flat {
    title: Box<str>,
    heading: Span,
    children: usize,
}

impl SectionTree {
    /// Adds the next heading of the body.
    pub fn push(&mut self, kind: HeadingKind, title: &str, heading: Span) {
        let rank = match kind {
            HeadingKind::Atx(level) => level,
            HeadingKind::Bold | HeadingKind::Colon => GROUP_RANK,
            HeadingKind::NumberedBold => {
                while self.path.last().is_some_and(|(r, ..)| *r > GROUP_RANK) {
                    self.path.pop();
                }
                if self
                    .path
                    .last()
                    .is_some_and(|&(r, group, _)| r == GROUP_RANK && group)
                {
                    GROUP_RANK + 1
                } else {
                    GROUP_RANK
                }
            }
        };
        while self.path.last().is_some_and(|(r, ..)| *r >= rank) {
            self.path.pop();
        }
        match self.path.last() {
            Some(&(.., parent)) => self.flat[parent].children += 1,
            None => self.roots += 1,
        }
        self.path
            .push((rank, kind == HeadingKind::Bold, self.flat.len()));
        self.flat.push(Flat {
            title: title.into(),
            heading,
            children: 0,
        });
    }

    /// The finished tree of the headings pushed since the last call; the
    /// tree is then empty again, ready for the next body.
    pub fn finish(&mut self) -> Vec<Section> {
        self.path.clear();
        let roots = std::mem::take(&mut self.roots);
        nest(&mut self.flat.drain(..), roots)
    }
}

/// Takes the next `count` siblings (with everything under each) from the
/// flat list, in order.
fn nest(items: &mut impl Iterator<Item = Flat>, count: usize) -> Vec<Section> {
    let mut level = Vec::with_capacity(count);
    for _ in 0..count {
        let Some(flat) = items.next() else {
            break;
        };
        level.push(Section {
            title: flat.title,
            heading: flat.heading,
            sections: nest(items, flat.children),
        });
    }
    level
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
        t.push(HeadingKind::Bold, "A", sp);
        t.push(HeadingKind::NumberedBold, "1", sp);
        t.push(HeadingKind::NumberedBold, "2", sp);
        t.push(HeadingKind::Bold, "B", sp);
        t.push(HeadingKind::NumberedBold, "1", sp);
        assert_eq!(titles(&t.finish()), "A[1 2] B[1]");
        // The tree is empty again for the next body.
        t.push(HeadingKind::NumberedBold, "9", sp);
        assert_eq!(titles(&t.finish()), "9");
    }

    #[test]
    fn numbered_bold_alone_is_top_level() {
        let mut t = SectionTree::default();
        let sp = Span::default();
        t.push(HeadingKind::NumberedBold, "1", sp);
        t.push(HeadingKind::NumberedBold, "2", sp);
        assert_eq!(titles(&t.finish()), "1 2");
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
        assert_eq!(titles(&t.finish()), "A[B[C] D] E");
    }
}
