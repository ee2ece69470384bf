//! Naming nodes of the tree: [`NodeId`], the pre-order walk of a topic's
//! sections, and facts about a node that need no folds.

use crate::notes::{NoteDate, Notebook, Section, Topic};

/// A stable name for a day, a topic or a section, independent of folds.
///
/// Sections are numbered in pre-order within their topic (a parent before
/// its children). Ids compare in document order: a day, then its first
/// topic, that topic's sections, the next topic, …, the next day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NodeId {
    day: u32,
    /// 0 for none, `t + 1` for topic `t` (so that "none" sorts first).
    topic: u32,
    /// 0 for none, `k + 1` for section `k`.
    section: u32,
}

/// Indices beyond `u32` are not supported: a notebook that large does not fit
/// in memory anyway. The conversion saturates rather than wraps.
fn small(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX - 1)
}

impl NodeId {
    /// Day `day` (0-based index into [`Notebook::days`]).
    pub fn day(day: usize) -> Self {
        NodeId {
            day: small(day),
            topic: 0,
            section: 0,
        }
    }

    /// Topic `topic` of day `day`.
    pub fn topic(day: usize, topic: usize) -> Self {
        NodeId {
            day: small(day),
            topic: small(topic) + 1,
            section: 0,
        }
    }

    /// Section `section` (pre-order index) of a topic.
    pub fn section(day: usize, topic: usize, section: usize) -> Self {
        NodeId {
            day: small(day),
            topic: small(topic) + 1,
            section: small(section) + 1,
        }
    }

    /// The day index.
    pub fn day_index(self) -> usize {
        self.day as usize
    }

    /// The topic index, for topics and sections.
    pub fn topic_index(self) -> Option<usize> {
        (self.topic > 0).then(|| self.topic as usize - 1)
    }

    /// The section's pre-order index, for sections.
    pub fn section_index(self) -> Option<usize> {
        (self.section > 0).then(|| self.section as usize - 1)
    }

    /// The day this node belongs to (itself for a day).
    pub fn day_id(self) -> Self {
        NodeId::day(self.day_index())
    }

    /// The topic this node belongs to (itself for a topic; `None` for a day).
    pub fn topic_id(self) -> Option<Self> {
        self.topic_index()
            .map(|t| NodeId::topic(self.day_index(), t))
    }
}

/// The chain of sections from the topic down to section `k` (pre-order
/// index), outermost first; empty when `k` does not exist.
pub fn section_path(topic: &Topic, k: usize) -> Vec<&Section> {
    let mut path = Vec::new();
    let mut at = Some(k);
    while let Some(s) = at.and_then(|i| topic.sections().get(i)) {
        path.push(s);
        at = s.parent();
    }
    path.reverse();
    path
}

/// True when `id` names a node of `nb`.
pub fn exists(nb: &Notebook, id: NodeId) -> bool {
    let Some(day) = nb.days.get(id.day_index()) else {
        return false;
    };
    match (id.topic_index(), id.section_index()) {
        (None, _) => true,
        (Some(t), None) => t < day.topics.len(),
        (Some(t), Some(k)) => day
            .topics
            .get(t)
            .is_some_and(|topic| k < topic.sections().len()),
    }
}

/// The English short weekday of a date whose year is known
/// (`Fri` for 2025-08-22).
pub fn weekday(date: NoteDate) -> Option<&'static str> {
    let (month, day) = (u32::from(date.month), u32::from(date.day));
    let year = date.year?;
    crate::dates::is_valid(Some(year), month, day)
        .then(|| crate::dates::WEEKDAYS[crate::dates::weekday(year, month, day) as usize])
}
