//! Where a link goes in a notebook: a day, topic or section, a file of the
//! folder that is not notes, a URL, or nowhere (with why).
//!
//! A [`Resolver`] looks up only what its links name: it is made from the
//! targets first, then one walk over the days, topics and sections picks
//! out the titles and dates asked for. So resolving the links of a large
//! notebook costs one walk, not one per link.
//!
//! ```text
//! [[8.23]]             the day of that date (of several years: the nearest
//!                      to the link's own day)
//! [[TCP handshake]]    a file named so, else a day, topic or section of
//!                      that title (case aside)
//! [[x#Heading]]        then the topic or section of that title under it
//! [y](other.md)        the file of that path beside the link's file; not
//!                      a notes file but on disk: the file itself
//! ```

use std::collections::{HashMap, HashSet};
use std::path::{Component, Path, PathBuf};

use super::target::{Target, date_of};
use crate::notes::{NoteDate, Notebook};
use crate::outline::NodeId;

/// Where a link goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// A day, topic or section of the notes.
    Node(NodeId),
    /// A file of the folder that is not one of the notes (an image, a PDF).
    File(PathBuf),
    /// An address outside.
    Url(String),
    /// Nowhere: why, in words.
    Broken(String),
}

impl Resolved {
    /// True unless [`Resolved::Broken`].
    pub fn resolves(&self) -> bool {
        !matches!(self, Resolved::Broken(_))
    }
}

/// Looks links up in one notebook.
#[derive(Debug)]
pub struct Resolver<'a> {
    nb: &'a Notebook,
    /// Wanted names (lower case) → the nodes of that title, in order.
    titles: HashMap<String, Vec<NodeId>>,
    /// Wanted (month, day) → the days of that date.
    dates: HashMap<(u8, u8), Vec<usize>>,
    /// Every source's path, made plain (`a/./b/../c.md` → `a/c.md`).
    paths: HashMap<PathBuf, usize>,
    /// Every source's file name without extension, lower case.
    stems: HashMap<String, usize>,
}

/// A title as links match it: trimmed, lower case, without a trailing
/// colon, runs of white space as one space.
pub fn title_key(s: &str) -> String {
    let s = s.trim().trim_end_matches([':', '：']).trim();
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A heading as an anchor writes it (`#congestion-control`).
fn slug(s: &str) -> String {
    title_key(s)
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// `path` with `.` and `..` taken out as written (no disk lookup).
fn plain(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

impl<'a> Resolver<'a> {
    /// A resolver for `targets` in `nb`.
    pub fn new<'t>(nb: &'a Notebook, targets: impl IntoIterator<Item = &'t Target>) -> Self {
        let mut wanted_titles = HashSet::new();
        let mut wanted_dates = HashSet::new();
        for t in targets {
            match t {
                Target::Name { name, heading } => {
                    wanted_titles.insert(title_key(name));
                    if let Some(h) = heading {
                        wanted_titles.insert(title_key(h));
                    }
                }
                Target::Date { date, .. } => {
                    wanted_dates.insert((date.month, date.day));
                }
                Target::File { path, .. } => {
                    if let Some(d) = date_of(path) {
                        wanted_dates.insert((d.month, d.day));
                    }
                }
                Target::Here { .. } | Target::Url(_) => {}
            }
        }
        let mut titles: HashMap<String, Vec<NodeId>> = HashMap::new();
        let mut dates: HashMap<(u8, u8), Vec<usize>> = HashMap::new();
        let mut add = |title: &str, id: NodeId| {
            let key = title_key(title);
            if wanted_titles.contains(&key) {
                titles.entry(key).or_default().push(id);
            }
        };
        for (d, day) in nb.days.iter().enumerate() {
            if wanted_dates.contains(&(day.date.month, day.date.day)) {
                dates
                    .entry((day.date.month, day.date.day))
                    .or_default()
                    .push(d);
            }
            // Without a link by name, no title is read (a large notebook's
            // are mostly not in the cache).
            if wanted_titles.is_empty() {
                continue;
            }
            if let Some(t) = &day.title {
                add(t, NodeId::day(d));
            }
            for (t, topic) in day.topics.iter().enumerate() {
                add(topic.title(), NodeId::topic(d, t));
                for (k, s) in topic.sections().iter().enumerate() {
                    add(topic.section_title(s), NodeId::section(d, t, k));
                }
            }
        }
        let mut paths = HashMap::new();
        let mut stems = HashMap::new();
        for (i, src) in nb.sources.iter().enumerate() {
            let p = Path::new(&src.path);
            paths.insert(plain(p), i);
            if let Some(stem) = p.file_stem().and_then(|s| s.to_str()) {
                stems.entry(stem.to_lowercase()).or_insert(i);
            }
        }
        Resolver {
            nb,
            titles,
            dates,
            paths,
            stems,
        }
    }

    /// Where `target`, written in `source` on day `from` (if in a day),
    /// goes.
    pub fn resolve(&self, target: &Target, source: usize, from: Option<usize>) -> Resolved {
        match target {
            Target::Url(u) => Resolved::Url(u.clone()),
            Target::Date { date, heading } => self.date(*date, from, heading.as_deref()),
            Target::Name { name, heading } => {
                if name.is_empty() {
                    return Resolved::Broken("an empty link".into());
                }
                if let Some(&s) = self.stems.get(&name.to_lowercase()) {
                    return self.in_source(s, heading.as_deref(), name);
                }
                match self.titles.get(&title_key(name)).and_then(|n| n.first()) {
                    Some(&id) => self.under(id, heading.as_deref(), name),
                    None => Resolved::Broken(format!("no day, title or file named {name:?}")),
                }
            }
            Target::File { path, heading } => self.file(path, heading.as_deref(), source, from),
            Target::Here { heading } => match from {
                Some(d) => self.under(NodeId::day(d), Some(heading), "this day"),
                None => Resolved::Broken(format!("no heading {heading:?} here")),
            },
        }
    }

    fn date(&self, date: NoteDate, from: Option<usize>, heading: Option<&str>) -> Resolved {
        let days = self
            .dates
            .get(&(date.month, date.day))
            .map_or(&[][..], Vec::as_slice);
        let same_year = |d: &&usize| {
            let y = self.nb.days[**d].date.year;
            y.is_none() || date.year.is_none() || y == date.year
        };
        let near = from.unwrap_or(0);
        let Some(&d) = days
            .iter()
            .filter(same_year)
            .min_by_key(|&&d| d.abs_diff(near))
        else {
            return Resolved::Broken(format!("no notes on {date}"));
        };
        self.under(NodeId::day(d), heading, &date.to_string())
    }

    fn file(
        &self,
        path: &str,
        heading: Option<&str>,
        source: usize,
        from: Option<usize>,
    ) -> Resolved {
        let base = self
            .nb
            .sources
            .get(source)
            .and_then(|s| Path::new(&s.path).parent())
            .unwrap_or(Path::new(""));
        let joined = plain(&base.join(path));
        if let Some(&s) = self.paths.get(&joined) {
            return self.in_source(s, heading, path);
        }
        if joined.exists() {
            return Resolved::File(joined);
        }
        match date_of(path) {
            Some(date) => self.date(date, from, heading),
            None => Resolved::Broken(format!("no file {path}")),
        }
    }

    /// The first day of source `s`, or the heading `heading` among its days.
    fn in_source(&self, s: usize, heading: Option<&str>, name: &str) -> Resolved {
        let days: Vec<usize> = (0..self.nb.days.len())
            .filter(|&d| self.nb.days[d].source == s)
            .collect();
        let Some(&first) = days.first() else {
            return Resolved::Broken(format!("{name} holds no day"));
        };
        match heading {
            None => Resolved::Node(NodeId::day(first)),
            Some(h) => days
                .iter()
                .find_map(|&d| self.heading_in(NodeId::day(d), h))
                .map_or_else(
                    || Resolved::Broken(format!("{name} has no heading {h:?}")),
                    Resolved::Node,
                ),
        }
    }

    /// `id`, or the topic or section titled `heading` under it.
    fn under(&self, id: NodeId, heading: Option<&str>, name: &str) -> Resolved {
        match heading {
            None => Resolved::Node(id),
            Some(h) => self.heading_in(id, h).map_or_else(
                || Resolved::Broken(format!("{name} has no heading {h:?}")),
                Resolved::Node,
            ),
        }
    }

    /// The topic or section titled `heading` (or of that anchor) under `id`.
    fn heading_in(&self, id: NodeId, heading: &str) -> Option<NodeId> {
        let (key, anchor) = (title_key(heading), slug(heading));
        let same = |t: &str| title_key(t) == key || slug(t) == anchor;
        let d = id.day_index();
        let day = self.nb.days.get(d)?;
        for (t, topic) in day.topics.iter().enumerate() {
            if id.topic_index().is_some_and(|want| want != t) {
                continue;
            }
            if id.topic_index().is_none() && same(topic.title()) {
                return Some(NodeId::topic(d, t));
            }
            for (k, s) in topic.sections().iter().enumerate() {
                if same(topic.section_title(s)) {
                    return Some(NodeId::section(d, t, k));
                }
            }
        }
        None
    }
}
