//! Tags: the words notes file their days and topics under (`#net`, front
//! matter `tags: [net]`, jrnl `@net`, org `:net:`), gathered once per
//! notebook into [`Tags`], and a [`Filter`] that keeps what carries them.
//!
//! A tag belongs to the day or topic whose text holds it: a day's heading
//! and preamble (front matter included) tag the day, a topic's heading and
//! body (its sections included) tag the topic. A topic also *holds* its
//! day's tags: a daily note tagged `net` in its front matter holds `net` in
//! every topic.
//!
//! ```text
//! 2024-01-05  tags: [net]        day: net
//! ├─ Congestion control #exam     topic: exam      holds net, exam
//! └─ Lunch                        topic: —         holds net
//! ```
//!
//! Tags are matched without regard to case, and a tag holds the tags nested
//! under it: `--tag net` keeps `#net/tcp` too. The API is small on purpose:
//! [`Tags::of_notebook`], [`Tags::own`], [`Tags::counts`], and
//! [`Filter::new`] / [`Filter::holds`] / [`Filter::kept_nodes`] /
//! [`Filter::retain`], which the commands, the viewer and review share.

mod scan;

use std::collections::HashMap;

use crate::notes::{Notebook, Span};
use crate::outline::NodeId;

pub use scan::tags_in;

/// The tags of every day and topic of one notebook.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tags {
    /// Every tag, as first written, indexed by [`TagId`].
    names: Vec<Box<str>>,
    /// The nodes carrying tags (days and topics), sorted, each with its own.
    nodes: Vec<(NodeId, Box<[TagId]>)>,
}

/// A tag's index in [`Tags`].
type TagId = u32;

impl Tags {
    /// Reads the tags of every day and topic of `nb`.
    pub fn of_notebook(nb: &Notebook) -> Tags {
        let mut tags = Tags::default();
        let mut ids: HashMap<String, TagId> = HashMap::new();
        let mut found = Vec::new();
        for (d, day) in nb.days.iter().enumerate() {
            let src = &nb.sources[day.source].text;
            let jrnl = is_jrnl_entry(day.heading.slice(src));
            found.clear();
            tags_in(day.heading.slice(src), jrnl, &mut found);
            tags_in(day.preamble.slice(src), jrnl, &mut found);
            tags.add(NodeId::day(d), &found, &mut ids);
            for (t, topic) in day.topics.iter().enumerate() {
                let heading = topic.heading.slice(src);
                let jrnl = jrnl || is_jrnl_entry(heading);
                found.clear();
                tags_in(heading, jrnl, &mut found);
                tags_in(topic.body().slice(src), jrnl, &mut found);
                tags.add(NodeId::topic(d, t), &found, &mut ids);
            }
        }
        tags
    }

    fn add(&mut self, node: NodeId, found: &[String], ids: &mut HashMap<String, TagId>) {
        if found.is_empty() {
            return;
        }
        let mut own: Vec<TagId> = found
            .iter()
            .map(|name| {
                let key = name.to_lowercase();
                *ids.entry(key).or_insert_with(|| {
                    self.names.push(name.as_str().into());
                    TagId::try_from(self.names.len() - 1).unwrap_or(TagId::MAX)
                })
            })
            .collect();
        own.sort_unstable();
        own.dedup();
        self.nodes.push((node, own.into_boxed_slice()));
    }

    /// True when no day or topic carries a tag.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// The tags written on `node` itself (a section: none of its own; see
    /// [`Filter::holds`] for what it holds).
    pub fn own(&self, node: NodeId) -> impl Iterator<Item = &str> {
        let found = self.nodes.binary_search_by(|(n, _)| n.cmp(&node)).ok();
        found
            .map(|i| &self.nodes[i].1[..])
            .unwrap_or_default()
            .iter()
            .map(|&id| &*self.names[id as usize])
    }

    /// Each tag with how many days and topics carry it, most first (then
    /// by name).
    pub fn counts(&self) -> Vec<(&str, usize)> {
        let mut count = vec![0usize; self.names.len()];
        for (_, own) in &self.nodes {
            for &id in own.iter() {
                count[id as usize] += 1;
            }
        }
        let mut out: Vec<(&str, usize)> = self
            .names
            .iter()
            .zip(count)
            .map(|(n, c)| (&**n, c))
            .collect();
        out.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then_with(|| a.0.to_lowercase().cmp(&b.0.to_lowercase()))
        });
        out
    }

    /// True when `node`'s own tags hold `wanted` (lower case, no `#`).
    fn own_holds(&self, node: NodeId, wanted: &str) -> bool {
        self.own(node).any(|t| nests_in(t, wanted))
    }
}

/// True for `tag` equal to `wanted` or nested under it (`net/tcp` in `net`),
/// case aside.
fn nests_in(tag: &str, wanted: &str) -> bool {
    let tag = tag.to_lowercase();
    tag == wanted
        || tag
            .strip_prefix(wanted)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// A jrnl entry line: `[2024-01-05 09:00]` or `2024-01-05 09:00` first.
fn is_jrnl_entry(line: &str) -> bool {
    let s = line.trim_start().trim_start_matches('[').as_bytes();
    let digits =
        |r: std::ops::Range<usize>| r.clone().all(|i| s.get(i).is_some_and(u8::is_ascii_digit));
    s.len() >= 16
        && digits(0..4)
        && s[4] == b'-'
        && digits(5..7)
        && s[7] == b'-'
        && digits(8..10)
        && s[10] == b' '
        && digits(11..13)
        && s[13] == b':'
        && digits(14..16)
}

/// What becomes of the preamble of a day kept for its topics alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preambles {
    /// Kept, as the day's context (`list`, `export --format json`).
    Kept,
    /// Left out: only what carries the tags is kept (cards).
    OfTagged,
}

/// The tags that must all hold (`--tag a --tag b`; `#a` in the viewer).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    wanted: Vec<String>,
}

impl Filter {
    /// A filter for `tags` as typed (`net`, `#net`, `Net`); empty ones are
    /// left out.
    pub fn new<S: AsRef<str>>(tags: &[S]) -> Filter {
        let mut wanted: Vec<String> = tags
            .iter()
            .map(|t| {
                t.as_ref()
                    .trim()
                    .trim_start_matches(['#', '@'])
                    .to_lowercase()
            })
            .filter(|t| !t.is_empty())
            .collect();
        wanted.dedup();
        Filter { wanted }
    }

    /// The tags, lower case, each with its `#`: `#net #exam`.
    pub fn label(&self) -> String {
        let tags: Vec<String> = self.wanted.iter().map(|t| format!("#{t}")).collect();
        tags.join(" ")
    }

    /// True when no tag is asked for (everything holds).
    pub fn is_empty(&self) -> bool {
        self.wanted.is_empty()
    }

    /// The tags asked for that no day or topic carries.
    pub fn unknown(&self, tags: &Tags) -> Vec<&str> {
        self.wanted
            .iter()
            .filter(|w| !tags.names.iter().any(|n| nests_in(n, w)))
            .map(String::as_str)
            .collect()
    }

    /// True when `node` holds every tag: a topic (or a section, through its
    /// topic) by its own tags and its day's; a day by its own, or when one
    /// of its topics holds them all.
    pub fn holds(&self, tags: &Tags, nb: &Notebook, node: NodeId) -> bool {
        let day = node.day_id();
        match node.topic_id() {
            Some(topic) => self
                .wanted
                .iter()
                .all(|w| tags.own_holds(topic, w) || tags.own_holds(day, w)),
            None => {
                let topics = nb.days.get(day.day_index()).map_or(0, |d| d.topics.len());
                self.wanted.iter().all(|w| tags.own_holds(day, w))
                    || (0..topics).any(|t| self.holds(tags, nb, NodeId::topic(day.day_index(), t)))
            }
        }
    }

    /// True when what is written at `node` itself holds every tag: a topic
    /// (or a section) as [`Filter::holds`], a day by its own tags alone
    /// (its preamble's cards are not its topics').
    pub fn holds_here(&self, tags: &Tags, nb: &Notebook, node: NodeId) -> bool {
        match node.topic_id() {
            Some(_) => self.holds(tags, nb, node),
            None => self.wanted.iter().all(|w| tags.own_holds(node.day_id(), w)),
        }
    }

    /// What a filtered outline keeps: each day that holds, and of it the
    /// topics that hold, with their sections; sorted.
    pub fn kept_nodes(&self, tags: &Tags, nb: &Notebook) -> Vec<NodeId> {
        let mut out = Vec::new();
        for (d, day) in nb.days.iter().enumerate() {
            let mut topics = Vec::new();
            for (t, topic) in day.topics.iter().enumerate() {
                if self.holds(tags, nb, NodeId::topic(d, t)) {
                    topics.push(NodeId::topic(d, t));
                    topics.extend((0..topic.sections().len()).map(|k| NodeId::section(d, t, k)));
                }
            }
            let whole = self
                .wanted
                .iter()
                .all(|w| tags.own_holds(NodeId::day(d), w));
            if whole || !topics.is_empty() {
                out.push(NodeId::day(d));
                out.extend(topics);
            }
        }
        out
    }

    /// Leaves in `nb` only the days that hold and, of each, the topics that
    /// hold (a day that holds by its own tags keeps its topics whole): what
    /// `list`, `export` and `review` show with `--tag`. A day kept for its
    /// topics keeps its preamble when `preambles` is [`Preambles::Kept`].
    pub fn retain(&self, tags: &Tags, nb: &mut Notebook, preambles: Preambles) {
        if self.is_empty() {
            return;
        }
        let days = std::mem::take(&mut nb.days);
        let mut kept = Vec::with_capacity(days.len());
        for (d, mut day) in days.into_iter().enumerate() {
            let topics = std::mem::take(&mut day.topics).into_vec();
            let keep: Vec<_> = topics
                .into_iter()
                .enumerate()
                .filter(|(t, _)| {
                    let holds = |w: &String| {
                        tags.own_holds(NodeId::topic(d, *t), w) || tags.own_holds(NodeId::day(d), w)
                    };
                    self.wanted.iter().all(holds)
                })
                .map(|(_, topic)| topic)
                .collect();
            let whole = self
                .wanted
                .iter()
                .all(|w| tags.own_holds(NodeId::day(d), w));
            if whole || !keep.is_empty() {
                if keep.is_empty() || (!whole && preambles == Preambles::OfTagged) {
                    day.preamble = Span::empty(day.preamble.start(), day.preamble.line());
                }
                day.topics = keep.into_boxed_slice();
                kept.push(day);
            }
        }
        nb.days = kept;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// ```text
    /// 2024-01-05 (front matter: net)
    /// ├─ Congestion control #exam
    /// └─ Lunch
    /// 2024-01-06
    /// └─ Ports #net/tcp
    /// 2024-01-07
    /// └─ Cooking #Food
    /// ```
    fn notebook() -> Notebook {
        crate::load::from_text(
            "n.md",
            "## 2024-01-05\n---\ntags: [net]\n---\n### Congestion control\nslow start #exam\n### Lunch\nsoup\n\
             ## 2024-01-06\n### Ports #net/tcp\n80\n## 2024-01-07\n### Cooking\n#Food\n"
                .into(),
        )
    }

    #[test]
    fn tags_of_days_and_topics_with_counts() {
        let nb = notebook();
        let tags = Tags::of_notebook(&nb);
        assert_eq!(tags.own(NodeId::day(0)).collect::<Vec<_>>(), ["net"]);
        assert_eq!(tags.own(NodeId::topic(0, 0)).collect::<Vec<_>>(), ["exam"]);
        assert_eq!(tags.own(NodeId::topic(0, 1)).count(), 0);
        assert_eq!(
            tags.counts(),
            [("exam", 1), ("Food", 1), ("net", 1), ("net/tcp", 1)]
        );
    }

    #[test]
    fn a_filter_keeps_what_holds_every_tag() {
        let nb = notebook();
        let tags = Tags::of_notebook(&nb);
        let names = |f: &Filter| -> Vec<String> {
            f.kept_nodes(&tags, &nb)
                .iter()
                .map(|&n| crate::search::place_names(&nb, n).join(" › "))
                .collect()
        };
        // net: the whole first day (its front matter), and the nested tag.
        assert_eq!(
            names(&Filter::new(&["#NET"])),
            [
                "2024-01-05",
                "2024-01-05 › Congestion control",
                "2024-01-05 › Lunch",
                "2024-01-06",
                "2024-01-06 › Ports #net/tcp",
            ]
        );
        // Both must hold: exam and net only on the topic with both.
        let both = Filter::new(&["net", "exam"]);
        assert_eq!(
            names(&both),
            ["2024-01-05", "2024-01-05 › Congestion control"]
        );
        assert!(both.holds(&tags, &nb, NodeId::day(0)));
        assert!(!both.holds(&tags, &nb, NodeId::day(1)));
        assert_eq!(Filter::new(&["food", "x"]).unknown(&tags), ["x"]);
        let mut kept = nb.clone();
        both.retain(&tags, &mut kept, Preambles::Kept);
        assert_eq!(kept.days.len(), 1);
        assert_eq!(kept.days[0].topics.len(), 1);
    }
}
