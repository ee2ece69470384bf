//! Links between the notes, both ways: every link of a notebook with the
//! day, topic or section it is written in and where it goes, and from that
//! the backlinks of each node ("Linked from") and its unlinked mentions.
//!
//! ```text
//! notes ─ prose lines ─ scan (pulldown-cmark, wiki links) ─ Target ─┐
//! notebook ─ Resolver (titles and dates asked for, one walk) ───────┴─ Link
//! Links: every Link, and the links sorted by the node they reach
//! ```
//!
//! Nothing here knows about terminals; the viewer builds [`Links`] on a
//! thread with the search index, the commands (`links`, `show`, `check`)
//! build it when they need it.

mod mentions;
mod resolve;
mod scan;
mod target;

pub use mentions::mentions_of;
pub use resolve::{Resolved, Resolver, title_key};
pub use scan::{Written, links as in_line};
pub use target::{Target, date_of, is_url};

use crate::notes::{Notebook, Span};
use crate::outline::NodeId;
use crate::prose;

/// One link of the notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// Index into [`Notebook::sources`].
    pub source: usize,
    /// 1-based line it is on.
    pub line: usize,
    /// The day, topic or section whose text holds it.
    pub node: NodeId,
    /// As written.
    pub written: Written,
    /// What it names.
    pub target: Target,
    /// Where it goes.
    pub to: Resolved,
}

/// Every link of one notebook, and which reach each node.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Links {
    links: Vec<Link>,
    /// (node reached, index into `links`), sorted.
    into: Vec<(NodeId, u32)>,
}

/// The links of `text` (`first_line` its first line's number), each with
/// its line number, outside code.
pub fn in_text(text: &str, first_line: usize) -> Vec<(usize, Written)> {
    let mut out = Vec::new();
    if !scan::may_link(text) {
        return out;
    }
    for line in prose::lines(text) {
        for w in in_line(&line.text) {
            out.push((first_line + line.index, w));
        }
    }
    out
}

impl Links {
    /// Reads and resolves every link of `nb`.
    pub fn of_notebook(nb: &Notebook) -> Links {
        let mut found: Vec<(usize, usize, NodeId, Written)> = Vec::new();
        for (d, day) in nb.days.iter().enumerate() {
            let src = &nb.sources[day.source].text;
            let mut add = |span: Span, at: &dyn Fn(usize) -> NodeId| {
                for (line, w) in in_text(span.slice(src), span.line()) {
                    found.push((day.source, line, at(line), w));
                }
            };
            add(day.heading, &|_| NodeId::day(d));
            add(day.preamble, &|_| NodeId::day(d));
            for (t, topic) in day.topics.iter().enumerate() {
                add(topic.heading, &|_| NodeId::topic(d, t));
                let sections = topic.sections();
                add(
                    topic.body(),
                    &|line| match sections.partition_point(|s| s.line() <= line) {
                        0 => NodeId::topic(d, t),
                        k => NodeId::section(d, t, k - 1),
                    },
                );
            }
        }
        let targets: Vec<Target> = found
            .iter()
            .map(|(_, _, _, w)| Target::of(&w.dest, w.wiki))
            .collect();
        let resolver = Resolver::new(nb, &targets);
        let links: Vec<Link> = found
            .into_iter()
            .zip(targets)
            .map(|((source, line, node, written), target)| {
                let to = resolver.resolve(&target, source, Some(node.day_index()));
                Link {
                    source,
                    line,
                    node,
                    written,
                    target,
                    to,
                }
            })
            .collect();
        let mut into: Vec<(NodeId, u32)> = links
            .iter()
            .enumerate()
            .filter_map(|(i, l)| match l.to {
                Resolved::Node(n) => Some((n, u32::try_from(i).unwrap_or(u32::MAX))),
                _ => None,
            })
            .collect();
        into.sort_unstable();
        Links { links, into }
    }

    /// Every link, by day, then topic, then line.
    pub fn all(&self) -> &[Link] {
        &self.links
    }

    /// The links that reach `node`: a day's own, a topic's and those of
    /// its sections, a section's own; one per place that links (the first).
    pub fn to(&self, node: NodeId) -> Vec<&Link> {
        let from = self.into.partition_point(|(n, _)| *n < node);
        let within = |n: &NodeId| match (node.topic_index(), node.section_index()) {
            (None, _) => *n == node,
            (Some(_), None) => n.topic_id() == Some(node),
            (Some(_), Some(_)) => *n == node,
        };
        let mut out: Vec<&Link> = Vec::new();
        for (_, i) in self.into[from..].iter().take_while(|(n, _)| within(n)) {
            let link = &self.links[*i as usize];
            if !out.iter().any(|l| l.node == link.node) {
                out.push(link);
            }
        }
        out.sort_by_key(|l| l.node);
        out
    }

    /// The links that go nowhere.
    pub fn broken(&self) -> impl Iterator<Item = &Link> {
        self.links.iter().filter(|l| !l.to.resolves())
    }

    /// The links that do not resolve and should: not a wiki link to a bare
    /// name, which Obsidian and Logseq take for a page not written yet
    /// (`[[SQL]]`), but a date, a heading, a file or an address that is not
    /// there. What `check` warns of.
    pub fn broken_for_check(&self) -> impl Iterator<Item = &Link> {
        self.broken()
            .filter(|l| !(l.written.wiki && matches!(l.target, Target::Name { heading: None, .. })))
    }
}

/// A place that names a node's title without linking to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// The day, topic or section that holds the line.
    pub node: NodeId,
    /// Its source.
    pub source: usize,
    /// The 1-based line.
    pub line: usize,
}

/// The most unlinked mentions listed for one node.
pub const MAX_MENTIONS: usize = 50;

/// The places outside `node` whose text holds its title (a day's title, a
/// topic's, a section's; case aside) and that do not link to it, one per
/// place; none for a title under three characters.
pub fn mentions(nb: &Notebook, node: NodeId, links: &Links) -> Vec<Mention> {
    mentions_in(nb, &crate::search::Index::streaming(nb), node, links)
}

/// [`mentions()`], searched with `index`, the notebook's search index (the
/// viewer keeps one: making it again is a third of a search's time).
pub fn mentions_in(
    nb: &Notebook,
    index: &crate::search::Index,
    node: NodeId,
    links: &Links,
) -> Vec<Mention> {
    let Some(title) = mention_title(nb, node) else {
        return Vec::new();
    };
    let query = crate::search::Query {
        text: title,
        case: crate::search::Case::Insensitive,
        ..crate::search::Query::default()
    };
    let Ok(m) = crate::search::Matcher::new(&query) else {
        return Vec::new();
    };
    mentions::keep(node, &index.search(nb, &m), links)
}

/// The title a node's mentions are looked for by: none under three
/// characters (a day without a title has none).
pub fn mention_title(nb: &Notebook, node: NodeId) -> Option<String> {
    let day = nb.days.get(node.day_index())?;
    let title = match (node.topic_index(), node.section_index()) {
        (None, _) => day.title.as_deref()?.to_string(),
        (Some(t), None) => day.topics.get(t)?.title().to_string(),
        (Some(t), Some(k)) => {
            let topic = day.topics.get(t)?;
            topic.section_title(topic.sections().get(k)?).to_string()
        }
    };
    let title = title.trim().trim_end_matches([':', '：']).trim();
    (title.chars().count() >= 3).then(|| title.to_string())
}

#[cfg(test)]
mod tests;
