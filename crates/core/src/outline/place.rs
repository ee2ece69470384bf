//! Where the user is, in terms that survive the notes being edited: the
//! day's date and file, the topic's title and number, the section's title
//! path. After a reload the same node is found again by those, not by its
//! index, which an edit above it may have shifted.
//!
//! ```text
//! before: 8.23 › 2. 服务器发送事件SSE › 特点     (day 1, topic 1, section 0)
//! a topic is inserted at the top of 8.23
//! after:  8.23 › 3. 服务器发送事件SSE › 特点     (day 1, topic 2, section 0)
//! ```
//!
//! Tested in `tests/place_reload.rs` on edits of the bundled notes.

use super::node::{NodeId, section_path};
use crate::dates::{Axis, Civil};
use crate::notes::{NoteDate, Notebook};

/// A node named by what it says rather than where it sits (and kept so,
/// as JSON, for the next time the viewer opens the same notes).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Place {
    date: NoteDate,
    source: Option<String>,
    topic: Option<TopicKey>,
    sections: Vec<Box<str>>,
    /// The day's date on the calendar, its year assumed when the notes
    /// write none: where to look for the nearest day if it is gone.
    when: Option<Civil>,
}

/// A topic by its title, with its number (or, for a topic without one, its
/// place in the day) to fall back on when the title changed.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct TopicKey {
    title: Box<str>,
    number: Option<u32>,
    index: usize,
}

/// The same topic by name: where it sits may have moved.
impl PartialEq for TopicKey {
    fn eq(&self, other: &TopicKey) -> bool {
        (&self.title, self.number) == (&other.title, other.number)
    }
}

/// Two places are the same node when they name the same things; where the
/// calendar put a yearless day may shift with edits elsewhere.
impl PartialEq for Place {
    fn eq(&self, other: &Place) -> bool {
        (&self.date, &self.source, &self.topic, &self.sections)
            == (&other.date, &other.source, &other.topic, &other.sections)
    }
}

impl Eq for Place {}

impl Place {
    /// The place of node `id` of `nb`, whose days are on `axis`.
    pub fn of(nb: &Notebook, id: NodeId, axis: &Axis) -> Option<Place> {
        let day = nb.days.get(id.day_index())?;
        let topic = id.topic_index().and_then(|t| day.topics.get(t));
        let sections = match (topic, id.section_index()) {
            (Some(t), Some(k)) => section_path(t, k)
                .iter()
                .map(|s| Box::from(t.section_title(s)))
                .collect(),
            _ => Vec::new(),
        };
        Some(Place {
            date: day.date,
            source: nb.sources.get(day.source).map(|s| s.path.clone()),
            topic: topic.map(|t| TopicKey {
                title: Box::from(t.title()),
                number: t.number,
                index: id.topic_index().unwrap_or(0),
            }),
            sections,
            when: axis.date(id.day_index()),
        })
    }

    /// The same node in `nb`: the day of that date (in the same file when
    /// there are several), the topic of that title (else of that number),
    /// the section of that title path, each falling back to its parent;
    /// with the day gone, the day nearest in date on `nb`'s `axis` (across
    /// a new year too when the notes write no years).
    pub fn find(&self, nb: &Notebook, axis: &Axis) -> Option<NodeId> {
        let same_date = |i: &usize| nb.days[*i].date == self.date;
        let candidates: Vec<usize> = (0..nb.days.len()).filter(same_date).collect();
        let in_source = candidates.iter().copied().find(|&i| {
            let path = nb.sources.get(nb.days[i].source).map(|s| &s.path);
            path == self.source.as_ref()
        });
        let day_index = match in_source.or(candidates.first().copied()) {
            Some(i) => i,
            None => axis.nearest(self.when?)?,
        };
        let day = &nb.days[day_index];
        let Some(key) = &self.topic else {
            return Some(NodeId::day(day_index));
        };
        let by_title = day.topics.iter().position(|t| t.title() == &*key.title);
        // A renamed topic: the one of its number, or without numbers the
        // one in its place.
        let by_number = || match key.number {
            Some(n) => day.topics.iter().position(|t| t.number == Some(n)),
            None => (key.index < day.topics.len()).then_some(key.index),
        };
        let Some(t) = by_title.or_else(by_number) else {
            return Some(NodeId::day(day_index));
        };
        if self.sections.is_empty() {
            return Some(NodeId::topic(day_index, t));
        }
        let topic = &day.topics[t];
        // Each section's title path, walking up its parents.
        let matches = |k: usize| {
            let mut at = topic.sections().get(k);
            let mut wanted = self.sections.iter().rev();
            while let Some(s) = at {
                if wanted.next().map(|w| &**w) != Some(topic.section_title(s)) {
                    return false;
                }
                at = s.parent().and_then(|p| topic.sections().get(p));
            }
            wanted.next().is_none()
        };
        let found = (0..topic.sections().len()).find(|&k| matches(k));
        Some(match found {
            Some(k) => NodeId::section(day_index, t, k),
            None => NodeId::topic(day_index, t),
        })
    }
}
