//! Searching a notebook's text and placing each hit: which source line it is
//! on and which day, topic or section holds that line.
//!
//! The index is built once per notebook and is small: per source, the byte
//! offset where each node's lines start (day heading, topic heading, each
//! section heading), sorted, so that a hit is placed by a binary search. The
//! text is searched as it is, one whole source at a time or in slices cut at
//! line ends (so a worker can stop between slices), never line by line.
//!
//! A case-insensitive literal searches a folded copy of the text
//! ([`super::fold`]) with the same byte offsets. [`Index::new`] keeps that
//! copy once built (the viewer searches again at every keystroke);
//! [`Index::streaming`] folds slice by slice into a small buffer instead
//! (one search, as the command line does).
//!
//! A hit is a line: the first match on it is recorded, and the line's other
//! matches are found again when it is shown ([`super::Matcher::find_all`]).

use std::ops::Range;
use std::sync::OnceLock;

use super::Matcher;
use super::fold;
use crate::notes::Notebook;
use crate::outline::NodeId;

/// Bytes searched per slice by [`Index::search`] callers that want to stop
/// between slices.
pub const SLICE: usize = 4 << 20;

/// A line that matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index into [`Notebook::sources`].
    pub source: usize,
    /// The day, topic or section holding the line; `None` for text outside
    /// every day (before the first one, year lines).
    pub node: Option<NodeId>,
    /// 1-based line number in its source.
    pub line: usize,
    /// Byte offset of the line's first byte in its source's text.
    pub line_start: usize,
    /// Byte offset of the line's end (its terminator excluded).
    pub line_end: usize,
    /// The first match, as a byte range within the line.
    pub first: Range<usize>,
}

impl Hit {
    /// The line's text (without its terminator).
    pub fn text<'a>(&self, nb: &'a Notebook) -> &'a str {
        &nb.sources[self.source].text[self.line_start..self.line_end]
    }

    /// The node the viewer shows the line in: its own node, or for text
    /// outside every day the day it is shown with
    /// ([`Notebook::day_showing`]).
    pub fn shown_in(&self, nb: &Notebook) -> Option<NodeId> {
        self.node.or_else(|| {
            nb.day_showing(self.source, self.line_start)
                .map(NodeId::day)
        })
    }

    /// Sorts hits as the outline shows their places: by day (text outside
    /// days first), then by source and position.
    pub fn order_key(&self) -> (usize, usize, usize) {
        let day = self.node.map_or(0, |n| n.day_index() + 1);
        (day, self.source, self.line_start)
    }
}

/// Where a scan of one source has got to: a line start and its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    /// Byte offset of a line start.
    pub pos: usize,
    /// Its 1-based line number.
    pub line: usize,
}

impl Default for Cursor {
    fn default() -> Self {
        Cursor { pos: 0, line: 1 }
    }
}

/// The places of one notebook, and its folded text when kept.
#[derive(Debug)]
pub struct Index {
    sources: Vec<SourceIndex>,
    keep_folded: bool,
}

#[derive(Debug)]
struct SourceIndex {
    /// Where each node's lines start, sorted by offset.
    starts: Vec<usize>,
    /// The node of the lines from the same position in `starts` on.
    nodes: Vec<Option<NodeId>>,
    /// The text holds a `\r` (then a lone `\r` may end a line).
    has_cr: bool,
    folded: OnceLock<Vec<u8>>,
}

impl Index {
    /// An index that keeps the folded copy of each source once a
    /// case-insensitive search needed it.
    pub fn new(nb: &Notebook) -> Index {
        // The days of each source, found in one walk: a folder of daily
        // notes has as many sources as days.
        let mut days_of: Vec<Vec<usize>> = vec![Vec::new(); nb.sources.len()];
        for (d, day) in nb.days.iter().enumerate() {
            if let Some(list) = days_of.get_mut(day.source) {
                list.push(d);
            }
        }
        Index {
            sources: days_of
                .iter()
                .enumerate()
                .map(|(s, days)| SourceIndex::new(nb, s, days))
                .collect(),
            keep_folded: true,
        }
    }

    /// An index for one search: the text is folded a slice at a time and
    /// nothing is kept.
    pub fn streaming(nb: &Notebook) -> Index {
        Index {
            keep_folded: false,
            ..Index::new(nb)
        }
    }

    /// Builds the folded copy of `source` now (a worker does this ahead of
    /// the first keystroke). Does nothing for a streaming index.
    pub fn prepare(&self, nb: &Notebook, source: usize) {
        if self.keep_folded {
            self.folded(nb, source);
        }
    }

    fn folded(&self, nb: &Notebook, source: usize) -> &[u8] {
        self.sources[source].folded.get_or_init(|| {
            let mut out = Vec::new();
            fold::fold_into(&nb.sources[source].text, &mut out);
            out
        })
    }

    /// Every hit of `m` in the notebook, in outline order.
    pub fn search(&self, nb: &Notebook, m: &Matcher) -> Vec<Hit> {
        let mut hits = Vec::new();
        for source in 0..nb.sources.len() {
            let len = nb.sources[source].text.len();
            let mut cursor = Cursor::default();
            let mut at = 0;
            while at < len {
                let end = slice_end(&nb.sources[source].text, at, SLICE);
                self.search_range(nb, m, source, at..end, &mut cursor, &mut hits);
                at = end;
            }
        }
        sort(&mut hits);
        hits
    }

    /// Appends the hits of `m` in `range` of `source`'s text, in text order.
    /// `range` starts at a line start at or after `cursor.pos` and ends at a
    /// line start or the end ([`slice_end`] cuts such ranges); `cursor` is
    /// moved on, so consecutive ranges number their lines without counting
    /// from the top again.
    pub fn search_range(
        &self,
        nb: &Notebook,
        m: &Matcher,
        source: usize,
        range: Range<usize>,
        cursor: &mut Cursor,
        out: &mut Vec<Hit>,
    ) {
        let whole = nb.sources[source].text.as_str();
        let text = &whole[range.clone()];
        let mut buf = Vec::new();
        let folded: Option<&[u8]> = match (m.wants_folded(), self.keep_folded) {
            (false, _) => None,
            (true, true) => Some(&self.folded(nb, source)[range.clone()]),
            (true, false) => m.fold_text(text, &mut buf),
        };
        let si = &self.sources[source];
        let bytes = whole.as_bytes();
        let mut from = 0;
        while let Some(found) = m.find_at(text, folded, from) {
            let at = range.start + found.start;
            let line_start = memchr::memrchr2(b'\n', b'\r', &bytes[..at]).map_or(0, |i| i + 1);
            let line_end =
                memchr::memchr2(b'\n', b'\r', &bytes[at..range.end]).map_or(range.end, |i| at + i);
            if line_start > cursor.pos {
                cursor.line += count_terminators(&bytes[cursor.pos..line_start], si.has_cr);
                cursor.pos = line_start;
            }
            out.push(Hit {
                source,
                node: si.node_at(line_start),
                line: cursor.line,
                line_start,
                line_end,
                first: at - line_start..range.start + found.end - line_start,
            });
            // One hit per line: go on after its end (a match is never
            // empty, so this moves on even if it were to end the line).
            from = (line_end - range.start).max(found.end);
            if from >= text.len() {
                break;
            }
        }
    }

    /// The node holding the line that starts at `offset` of `source`.
    pub fn node_at(&self, source: usize, offset: usize) -> Option<NodeId> {
        self.sources.get(source)?.node_at(offset)
    }
}

impl SourceIndex {
    /// The index of `source`, whose days are `days`.
    fn new(nb: &Notebook, source: usize, days: &[usize]) -> SourceIndex {
        let mut places: Vec<(usize, Option<NodeId>)> = vec![(0, None)];
        places.extend(
            nb.sources[source]
                .dividers
                .iter()
                .map(|y| (y.span.start(), None)),
        );
        for &d in days {
            let day = &nb.days[d];
            places.push((day.heading.start(), Some(NodeId::day(d))));
            for (t, topic) in day.topics.iter().enumerate() {
                places.push((topic.heading.start(), Some(NodeId::topic(d, t))));
                for (k, s) in topic.sections().iter().enumerate() {
                    places.push((s.heading.start(), Some(NodeId::section(d, t, k))));
                }
            }
        }
        // Stable: at one offset the later (inner) node wins below.
        places.sort_by_key(|p| p.0);
        let text = &nb.sources[source].text;
        SourceIndex {
            starts: places.iter().map(|p| p.0).collect(),
            nodes: places.iter().map(|p| p.1).collect(),
            has_cr: memchr::memchr(b'\r', text.as_bytes()).is_some(),
            folded: OnceLock::new(),
        }
    }

    fn node_at(&self, offset: usize) -> Option<NodeId> {
        let i = self.starts.partition_point(|&s| s <= offset);
        self.nodes.get(i.checked_sub(1)?).copied().flatten()
    }
}

/// Sorts hits into outline order (see [`Hit::order_key`]). Hits already in
/// order (one file's, most often) are only looked at: a stable sort would
/// take a buffer of half their size first (10 MB for the 180,000 hits of a
/// common word in 100 MB).
pub fn sort(hits: &mut [Hit]) {
    if !hits.is_sorted_by_key(Hit::order_key) {
        hits.sort_by_key(Hit::order_key);
    }
}

/// The end of a slice of about `size` bytes of `text` from `from`: just past
/// the end of the line where `from + size` falls, or the end of the text.
pub fn slice_end(text: &str, from: usize, size: usize) -> usize {
    let bytes = text.as_bytes();
    let target = from.saturating_add(size.max(1));
    if target >= bytes.len() {
        return bytes.len();
    }
    match memchr::memchr2(b'\n', b'\r', &bytes[target..]) {
        None => bytes.len(),
        Some(i) => {
            let at = target + i;
            if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                at + 2
            } else {
                at + 1
            }
        }
    }
}

/// Line ends in `bytes`: `\n`, `\r\n` (once) and a lone `\r`. `bytes` must
/// not end between the two bytes of a `\r\n`.
pub(super) fn count_terminators(bytes: &[u8], has_cr: bool) -> usize {
    let lf = memchr::memchr_iter(b'\n', bytes).count();
    if !has_cr {
        return lf;
    }
    let lone_cr = memchr::memchr_iter(b'\r', bytes)
        .filter(|&i| bytes.get(i + 1) != Some(&b'\n'))
        .count();
    lf + lone_cr
}

/// How many lines of `text` hold a match of `m`: what `grep -c` prints.
/// Folds a slice at a time when case is ignored; places nothing.
pub fn count_lines(m: &Matcher, text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut buf = Vec::new();
    let mut count = 0;
    let mut at = 0;
    while at < text.len() {
        let end = slice_end(text, at, 1 << 20);
        let part = &text[at..end];
        let folded = m.fold_text(part, &mut buf);
        let mut from = 0;
        while let Some(found) = m.find_at(part, folded, from) {
            count += 1;
            let hit = at + found.start;
            from = memchr::memchr2(b'\n', b'\r', &bytes[hit..end])
                .map_or(part.len(), |i| hit + i - at)
                .max(found.end);
            if from >= part.len() {
                break;
            }
        }
        at = end;
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::from_text;
    use crate::search::Query;

    fn hits(text: &str, q: &str) -> Vec<Hit> {
        let nb = from_text("t.txt", text.to_string());
        Index::new(&nb).search(&nb, &Matcher::new(&Query::literal(q)).unwrap())
    }

    #[test]
    fn hits_know_their_line_and_node() {
        //  1 before
        //  2 8.22:
        //  3     1.tcp握手
        //  4         握手 body
        //  5         **重点**：
        //  6         - 三次握手 握手
        //  7 8.23
        //  8     1.other
        let text = "before 握手\n8.22:\n    1.tcp握手\n        握手 body\n        **重点**：\n        - 三次握手 握手\n8.23\n    1.other\n";
        let got: Vec<(usize, Option<NodeId>)> = hits(text, "握手")
            .iter()
            .map(|h| (h.line, h.node))
            .collect();
        assert_eq!(
            got,
            [
                (1, None),
                (3, Some(NodeId::topic(0, 0))),
                (4, Some(NodeId::topic(0, 0))),
                (6, Some(NodeId::section(0, 0, 0))),
            ]
        );
        let h = &hits(text, "握手")[3];
        let nb = from_text("t.txt", text.to_string());
        assert_eq!(h.text(&nb), "        - 三次握手 握手");
        assert_eq!(&h.text(&nb)[h.first.clone()], "握手");
        assert_eq!(h.first.start, 16, "the first of the two matches");
    }

    #[test]
    fn every_line_ending_counts() {
        let text = "8.22:\r\n    1.a\r    x\n    x\r\n";
        let lines: Vec<usize> = hits(text, "x").iter().map(|h| h.line).collect();
        assert_eq!(lines, [3, 4]);
    }

    #[test]
    fn slices_cut_at_line_ends_number_lines_alike() {
        let text: String = (0..500).map(|i| format!("line {i} x\r\n")).collect();
        let nb = from_text("t.txt", text.clone());
        let index = Index::streaming(&nb);
        let m = Matcher::new(&Query::literal("X")).unwrap();
        let m_folded = Matcher::new(&Query::literal("x")).unwrap();
        for m in [&m, &m_folded] {
            let mut cursor = Cursor::default();
            let mut out = Vec::new();
            let mut at = 0;
            while at < text.len() {
                let end = slice_end(&text, at, 37);
                index.search_range(&nb, m, 0, at..end, &mut cursor, &mut out);
                at = end;
            }
            if m.wants_folded() {
                assert_eq!(out.len(), 500);
                assert!(out.iter().enumerate().all(|(i, h)| h.line == i + 1));
            } else {
                assert!(out.is_empty());
            }
        }
    }

    #[test]
    fn count_lines_counts_lines_not_matches() {
        let m = Matcher::new(&Query::literal("ab")).unwrap();
        assert_eq!(count_lines(&m, "ab ab\nx\nAB\n\nab"), 3);
        let m = Matcher::new(&Query::literal("AB")).unwrap();
        assert_eq!(count_lines(&m, "ab ab\nx\nAB\n\nab"), 1);
    }
}
