//! Hits grouped as the outline is: day › topic › section, each group with
//! its number of hits, then the hits themselves.
//!
//! ```text
//! 8.23                       3   Group::Day      (every hit of the day)
//!   2. 服务器发送事件SSE      3   Group::Topic
//!     115  2.服务器发送事件SSE    a hit on the topic line
//!     116  SSE（Server-Sent…      a hit in the body before any section
//!     特点                    1   Group::Section  (the innermost section)
//!       …
//! ```
//! Hits outside every day (before the first day, year lines) come first
//! under a group of their source. The rows are a flat list, so that a pane
//! can show a window of them and move over the hit rows.

use super::Hit;
use crate::outline::NodeId;

/// What a group header stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// Text of a source outside every day.
    Outside(usize),
    /// A day.
    Day(usize),
    /// A topic of a day.
    Topic(usize, usize),
    /// A section of a topic (pre-order index).
    Section(usize, usize, usize),
}

impl Group {
    /// Nesting depth: days and outside text 0, topics 1, sections 2.
    pub fn depth(self) -> usize {
        match self {
            Group::Outside(_) | Group::Day(_) => 0,
            Group::Topic(..) => 1,
            Group::Section(..) => 2,
        }
    }

    /// The outline node it stands for.
    pub fn node(self) -> Option<NodeId> {
        match self {
            Group::Outside(_) => None,
            Group::Day(d) => Some(NodeId::day(d)),
            Group::Topic(d, t) => Some(NodeId::topic(d, t)),
            Group::Section(d, t, k) => Some(NodeId::section(d, t, k)),
        }
    }
}

/// One row of grouped results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A group, with the number of hits in it (its subgroups included).
    Header {
        /// What the group is.
        group: Group,
        /// Hits in it.
        hits: usize,
    },
    /// A hit: its index in the slice given to [`rows`].
    Hit(usize),
}

/// The grouped rows of `hits`, which must be in outline order
/// ([`super::index::sort`]).
pub fn rows(hits: &[Hit]) -> Vec<Row> {
    let mut out = Vec::with_capacity(hits.len() * 3 / 2 + 4);
    // The open header row at each depth.
    let mut open: [Option<usize>; 3] = [None; 3];
    let mut current: [Option<Group>; 3] = [None; 3];
    for (i, hit) in hits.iter().enumerate() {
        for group in groups_of(hit).into_iter().flatten() {
            let depth = group.depth();
            if current[depth] == Some(group) {
                continue;
            }
            current[depth] = Some(group);
            open[depth] = Some(out.len());
            for deeper in depth + 1..3 {
                current[deeper] = None;
                open[deeper] = None;
            }
            out.push(Row::Header { group, hits: 0 });
        }
        // A hit in a topic after one of its sections cannot happen (sections
        // run to the next heading), but a hit directly in a day closes the
        // deeper groups so its count is not given to them.
        let depth = groups_of(hit).iter().flatten().count();
        for deeper in depth..3 {
            current[deeper] = None;
            open[deeper] = None;
        }
        for header in open.iter().flatten() {
            if let Row::Header { hits, .. } = &mut out[*header] {
                *hits += 1;
            }
        }
        out.push(Row::Hit(i));
    }
    out
}

/// The groups a hit belongs to, outermost first.
fn groups_of(hit: &Hit) -> [Option<Group>; 3] {
    let Some(node) = hit.node else {
        return [Some(Group::Outside(hit.source)), None, None];
    };
    let d = node.day_index();
    let topic = node.topic_index().map(|t| Group::Topic(d, t));
    let section = match (node.topic_index(), node.section_index()) {
        (Some(t), Some(k)) => Some(Group::Section(d, t, k)),
        _ => None,
    };
    [Some(Group::Day(d)), topic, section]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(node: Option<NodeId>, line: usize) -> Hit {
        Hit {
            source: 0,
            node,
            line,
            line_start: line * 10,
            line_end: line * 10 + 5,
            first: 0..1,
        }
    }

    #[test]
    fn groups_nest_and_count_their_hits() {
        // 8.22 › topic 0 › section 1 has two hits; the day heading one; the
        // next day's topic one.
        let hits = [
            hit(None, 1),
            hit(Some(NodeId::day(0)), 2),
            hit(Some(NodeId::topic(0, 0)), 3),
            hit(Some(NodeId::section(0, 0, 1)), 5),
            hit(Some(NodeId::section(0, 0, 1)), 6),
            hit(Some(NodeId::topic(1, 0)), 9),
        ];
        let header = |group, hits| Row::Header { group, hits };
        assert_eq!(
            rows(&hits),
            [
                header(Group::Outside(0), 1),
                Row::Hit(0),
                header(Group::Day(0), 4),
                Row::Hit(1),
                header(Group::Topic(0, 0), 3),
                Row::Hit(2),
                header(Group::Section(0, 0, 1), 2),
                Row::Hit(3),
                Row::Hit(4),
                header(Group::Day(1), 1),
                header(Group::Topic(1, 0), 1),
                Row::Hit(5),
            ]
        );
    }

    #[test]
    fn no_hits_no_rows() {
        assert!(rows(&[]).is_empty());
    }
}
