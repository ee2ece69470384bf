//! Where a move goes: parent, next and previous day or topic, all pure
//! functions of the notebook and a [`NodeId`], and the viewport rule that
//! keeps a row in view.

use super::NodeId;
use crate::notes::Notebook;

/// The node one level up: a section's enclosing section or topic, a topic's
/// day; `None` for a day.
pub fn parent(nb: &Notebook, id: NodeId) -> Option<NodeId> {
    let d = id.day_index();
    match (id.topic_index(), id.section_index()) {
        (None, _) => None,
        (Some(_), None) => Some(NodeId::day(d)),
        (Some(t), Some(k)) => {
            let topic = nb.days.get(d)?.topics.get(t)?;
            let up = topic.sections().get(k).and_then(|s| s.parent());
            Some(match up {
                Some(p) => NodeId::section(d, t, p),
                None => NodeId::topic(d, t),
            })
        }
    }
}

/// The first topic after `from` in document order, crossing into later
/// days.
pub fn next_topic(nb: &Notebook, from: NodeId) -> Option<NodeId> {
    let d = from.day_index();
    let start = from.topic_index().map_or(0, |t| t + 1);
    if nb.days.get(d).is_some_and(|day| start < day.topics.len()) {
        return Some(NodeId::topic(d, start));
    }
    (d + 1..nb.days.len())
        .find(|&e| !nb.days[e].topics.is_empty())
        .map(|e| NodeId::topic(e, 0))
}

/// The topic before `from` in document order: from a section, its own
/// topic (as `{` in vim goes to the start of the paragraph); from a topic or
/// a day, the previous topic, crossing into earlier days.
pub fn prev_topic(nb: &Notebook, from: NodeId) -> Option<NodeId> {
    let d = from.day_index();
    if from.section_index().is_some() {
        return from.topic_id();
    }
    if let Some(t) = from.topic_index().and_then(|t| t.checked_sub(1)) {
        return Some(NodeId::topic(d, t));
    }
    (0..d.min(nb.days.len()))
        .rev()
        .find(|&e| !nb.days[e].topics.is_empty())
        .map(|e| NodeId::topic(e, nb.days[e].topics.len() - 1))
}

/// The first row to show so that row `index` is visible in a viewport of
/// `height` rows that showed `top` first, moving as little as possible.
pub fn keep_in_view(top: usize, height: usize, index: usize, len: usize) -> usize {
    if height == 0 || len == 0 {
        return 0;
    }
    let top = if index < top {
        index
    } else if index >= top + height {
        index + 1 - height
    } else {
        top
    };
    // No empty space below the last row when the list could fill the view.
    top.min(len.saturating_sub(height))
}
