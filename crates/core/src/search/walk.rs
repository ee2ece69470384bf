//! One search, as the command line makes it: the lines that match are found
//! first, in the text alone, then placed by one walk down the notebook's
//! tree beside them.
//!
//! ```text
//! hits (by offset)    ·  ·     ·      ·   ·
//! nodes (by offset)  D T  S T    D  T    S
//!                    └─ each hit takes the last node that starts at or
//!                       before it, as the index's binary search does
//! ```
//!
//! The viewer's [`Index`](super::Index) sorts every node's start once to
//! search again at each keystroke; one search needs no such table, and a
//! notebook of a million sections would spend more on it than on the
//! search. Both give the same places in the same order (a test holds it).

use super::Matcher;
use super::index::{Cursor, Hit, slice_end, sort};
use crate::notes::Notebook;
use crate::outline::NodeId;
use crate::parse::count_ends;

/// Every hit of `m` in `nb`, placed, in outline order.
pub fn hits(nb: &Notebook, m: &Matcher) -> Vec<Hit> {
    let found = nb
        .sources
        .iter()
        .enumerate()
        .map(|(source, s)| found_in(&s.text, m, source))
        .collect();
    placed(nb, found)
}

/// The lines of `text`, the text of source `source`, that hold a match,
/// in text order, not yet placed nor numbered (`line` is 0 until
/// [`placed`] counts it from the node before): what [`placed`] takes. It
/// needs nothing of the tree, so it may run while the text is parsed.
pub fn found_in(text: &str, m: &Matcher, source: usize) -> Vec<Hit> {
    found_lines(text, m)
        .into_iter()
        .map(|line| line.hit(source))
        .collect()
}

/// The lines of `text` that hold a match, in text order, as
/// [`found_in`] finds them, each kept in a quarter of a [`Hit`]'s room
/// until it is placed ([`Runs::placed`]).
pub fn found_lines(text: &str, m: &Matcher) -> Vec<FoundLine> {
    let mut out = Vec::new();
    scan(text, m, &mut out);
    out
}

/// A line found to hold a match, not yet placed nor numbered: where it
/// starts and ends in its text, and where its first match is in it, in 16
/// bytes where a [`Hit`] takes 64. A common word's lines in a large file
/// are kept so from the moment they are found, as the file is checked,
/// until a block of them is placed and written: 180,000 lines of 100 MB
/// hold 3 MB, not 12. (A text's offsets fit in 32 bits:
/// [`crate::notes::MAX_SOURCE_BYTES`].)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundLine {
    start: u32,
    end: u32,
    first: [u32; 2],
}

impl FoundLine {
    /// The line from byte `line_start` to `line_end` (before its
    /// terminator), its first match at `first` (bytes of the line).
    pub fn new(line_start: usize, line_end: usize, first: std::ops::Range<usize>) -> FoundLine {
        use crate::notes::narrow;
        FoundLine {
            start: narrow(line_start),
            end: narrow(line_end),
            first: [narrow(first.start), narrow(first.end)],
        }
    }

    /// Byte offset of the line's first byte in its text.
    pub fn line_start(self) -> usize {
        self.start as usize
    }

    /// The starts of the lines found in `parts` (end to end in text
    /// order), as a parse that makes only the topics holding one takes
    /// them ([`crate::parse::parse_holding`]).
    pub fn starts(parts: &[Vec<FoundLine>]) -> Vec<u32> {
        parts.iter().flatten().map(|line| line.start).collect()
    }

    /// The same line in a text that has `by` bytes more before it (a
    /// part's line in the whole text).
    pub fn shifted(self, by: usize) -> FoundLine {
        FoundLine::new(
            self.start as usize + by,
            self.end as usize + by,
            self.first[0] as usize..self.first[1] as usize,
        )
    }

    /// The line as a hit of source `source`, not yet placed nor numbered.
    pub fn hit(self, source: usize) -> Hit {
        Hit {
            source,
            node: None,
            line: 0,
            line_start: self.start as usize,
            line_end: self.end as usize,
            first: self.first[0] as usize..self.first[1] as usize,
        }
    }
}

/// The hits [`found_in`] each source of `nb` (`found[source]`), placed,
/// numbered and in outline order: [`hits`].
pub fn placed(nb: &Notebook, found: Vec<Vec<Hit>>) -> Vec<Hit> {
    let mut days_of: Vec<Vec<usize>> = vec![Vec::new(); nb.sources.len()];
    for (d, day) in nb.days.iter().enumerate() {
        if let Some(list) = days_of.get_mut(day.source) {
            list.push(d);
        }
    }
    let mut hits: Vec<Hit> = Vec::new();
    for (source, part) in found.into_iter().enumerate() {
        let Some(days) = days_of.get_mut(source) else {
            continue;
        };
        // In file order (days of several files are merged by date).
        days.sort_by_key(|&d| nb.days[d].heading.start());
        let from = hits.len();
        // The first (most often the only) file's hits moved, not copied.
        append_moved(&mut hits, part);
        place(nb, source, days, &mut hits[from..]);
    }
    sort(&mut hits);
    hits
}

/// The days of a notebook of one file whose days are in the order they
/// are written: hits [`found_in`] it can then be placed a run at a time,
/// each run where it is used ([`Runs::place`]), and a writer that places
/// a block of lines and writes it at once finds their places' titles still
/// in the cache. In outline order, the hits outside every day come first,
/// then the others in text order; where no text outside days follows the
/// first day, that is text order ([`Runs::in_text_order`]).
#[derive(Debug)]
pub struct Runs<'a> {
    nb: &'a Notebook,
    days: Vec<usize>,
    in_text_order: bool,
}

impl<'a> Runs<'a> {
    /// The runs of `nb`, when it is one file whose days are in file order.
    pub fn of(nb: &'a Notebook) -> Option<Runs<'a>> {
        let [source] = nb.sources.as_slice() else {
            return None;
        };
        let in_order = nb
            .days
            .is_sorted_by(|a, b| a.heading.start() < b.heading.start());
        let first = nb.days.first().map_or(usize::MAX, |d| d.heading.start());
        let outside = source.dividers.iter().any(|d| d.span.start() > first);
        in_order.then(|| Runs {
            nb,
            days: (0..nb.days.len()).collect(),
            in_text_order: !outside,
        })
    }

    /// True when the hits in text order are in outline order: no text
    /// outside every day after the first of them (a year line between
    /// days, whose lines the outline shows before every day).
    pub fn in_text_order(&self) -> bool {
        self.in_text_order
    }

    /// `lines`, consecutive lines [`found_lines`] in the notebook's file
    /// (in text order), as hits placed and numbered ([`Runs::place`]).
    pub fn placed(&self, lines: &[FoundLine]) -> Vec<Hit> {
        let mut hits: Vec<Hit> = lines.iter().map(|line| line.hit(0)).collect();
        self.place(&mut hits);
        hits
    }

    /// Places and numbers `hits`, consecutive hits [`found_in`] the
    /// notebook's file (in text order), as [`placed`] does.
    pub fn place(&self, hits: &mut [Hit]) {
        let Some(first) = hits.first().map(|h| h.line_start) else {
            return;
        };
        let (nb, days) = (self.nb, &self.days);
        match start_at(nb, 0, days, first) {
            Some((k, divider)) => place_from(nb, 0, &days[k..], divider, hits),
            None => place_from(nb, 0, days, 0, hits),
        }
    }
}

/// Gives each of `hits` (of `source`, in text order) the node holding its
/// line, as [`placed`] does, leaving them in text order.
pub(crate) fn place_in_text_order(nb: &Notebook, source: usize, hits: &mut [Hit]) {
    let mut days: Vec<usize> = (0..nb.days.len())
        .filter(|&d| nb.days[d].source == source)
        .collect();
    days.sort_by_key(|&d| nb.days[d].heading.start());
    place(nb, source, &days, hits);
}

/// The least text one thread scans.
const PIECE: usize = 8 << 20;

/// Text folded and searched at a time: small enough that the folded copy
/// is still in the processor's cache when it is searched.
const SLICE: usize = 256 << 10;

/// Appends the lines of `source` that hold a match, in text order, not
/// yet placed: a large text in pieces (cut at line ends), one per thread.
fn scan(text: &str, m: &Matcher, out: &mut Vec<FoundLine>) {
    let threads = if text.len() >= 2 * PIECE {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    } else {
        1
    };
    let count = (text.len() / PIECE).clamp(1, threads.min(8));
    if count == 1 {
        scan_range(text, m, 0..text.len(), out);
        return;
    }
    let mut bounds = vec![0];
    for j in 1..count {
        let from = *bounds.last().unwrap_or(&0);
        bounds.push(slice_end(text, from, text.len() / count * j - from));
    }
    bounds.push(text.len());
    bounds.dedup();
    let pieces: Vec<Vec<FoundLine>> = std::thread::scope(|s| {
        let scans: Vec<_> = bounds
            .windows(2)
            .map(|w| {
                s.spawn(move || {
                    let mut hits = Vec::new();
                    scan_range(text, m, w[0]..w[1], &mut hits);
                    hits
                })
            })
            .collect();
        scans
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    for hits in pieces {
        append_moved(out, hits);
    }
}

/// Appends `part` to `out`, moving it whole when `out` is empty: a dense
/// word's lines are otherwise held twice for a moment, and copied once
/// more into fresh memory.
pub fn append_moved<T>(out: &mut Vec<T>, mut part: Vec<T>) {
    if out.is_empty() {
        *out = part;
    } else {
        out.append(&mut part);
    }
}

/// The line holding the match at `found` (bytes of `text`), not yet
/// placed, its number counted on from `cursor`, which moves to its start:
/// the lines of a scan's matches come in text order.
pub(crate) fn hit_at(
    text: &[u8],
    source: usize,
    found: std::ops::Range<usize>,
    cursor: &mut Cursor,
) -> Hit {
    let (line_start, line_end) = line_around(text, 0, found.start);
    if line_start > cursor.pos {
        cursor.line += count_ends(&text[cursor.pos..line_start]);
        cursor.pos = line_start;
    }
    Hit {
        source,
        node: None,
        line: cursor.line,
        line_start,
        line_end,
        first: found.start - line_start..found.end - line_start,
    }
}

/// The line of `bytes` holding byte `at`, looked for no further back than
/// `from` (a line start): where it starts, and where it ends before its
/// terminator.
fn line_around(bytes: &[u8], from: usize, at: usize) -> (usize, usize) {
    let start = memchr::memrchr2(b'\n', b'\r', &bytes[from..at]).map_or(from, |i| from + i + 1);
    let end = memchr::memchr2(b'\n', b'\r', &bytes[at..]).map_or(bytes.len(), |i| at + i);
    (start, end)
}

/// Appends the lines in `range` of `text` (from a line start to a line
/// start or the end) that hold a match, not yet numbered: their numbers
/// are counted when they are placed, from the nodes before them.
fn scan_range(text: &str, m: &Matcher, range: std::ops::Range<usize>, out: &mut Vec<FoundLine>) {
    let bytes = text.as_bytes();
    let mut buf = Vec::new();
    let mut at = range.start;
    while at < range.end {
        let end = slice_end(text, at, SLICE).min(range.end);
        let part = &text[at..end];
        let folded = m.fold_text(part, &mut buf);
        let mut from = 0;
        while let Some(found) = m.find_at(part, folded, from) {
            let (start, stop) = (at + found.start, at + found.end);
            // The slice starts a line.
            let (line_start, line_end) = line_around(&bytes[..end], at, start);
            out.push(FoundLine::new(
                line_start,
                line_end,
                start - line_start..stop - line_start,
            ));
            // One hit per line: go on after its end.
            from = (line_end - at).max(found.end);
            if from >= part.len() {
                break;
            }
        }
        at = end;
    }
}

/// Gives each of `hits` (of `source`, by offset) the node holding its
/// line: the last to start at or before it among the source's dividers
/// (outside every day) and its days' headings, topics and sections (`days`,
/// in file order), the inner one where two start together.
///
/// Many hits are placed in two halves on two threads: the second half
/// starts at a day's heading, and no node or divider before that heading
/// decides the place of a line after it.
fn place(nb: &Notebook, source: usize, days: &[usize], hits: &mut [Hit]) {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    if threads < 2 || hits.len() < 2 * PLACE_PART {
        return place_from(nb, source, days, 0, hits);
    }
    let middle = hits[hits.len() / 2].line_start;
    // The day holding the middle hit (at or before it), when one ends
    // before it starts.
    let Some((k, divider)) = start_at(nb, source, days, middle) else {
        return place_from(nb, source, days, 0, hits);
    };
    let start = nb.days[days[k]].heading.start();
    let day_end = |d: usize| {
        let day = &nb.days[d];
        day.topics
            .last()
            .map_or(day.preamble.end(), |t| t.body().end())
    };
    if k == 0 || day_end(days[k - 1]) > start {
        return place_from(nb, source, days, 0, hits);
    }
    let split = hits.partition_point(|h| h.line_start < start);
    let (before, after) = hits.split_at_mut(split);
    std::thread::scope(|s| {
        s.spawn(|| place_from(nb, source, &days[..k], 0, before));
        place_from(nb, source, &days[k..], divider, after);
    });
}

/// Where placing may start for a hit at byte `at`: the index in `days`
/// (in file order) of the day whose heading is the last at or before it,
/// and the first of the source's dividers from that heading on (nothing
/// before the heading decides a place after it); `None` before every day.
fn start_at(nb: &Notebook, source: usize, days: &[usize], at: usize) -> Option<(usize, usize)> {
    let k = days
        .partition_point(|&d| nb.days[d].heading.start() <= at)
        .checked_sub(1)?;
    let start = nb.days[days[k]].heading.start();
    let divider = nb.sources[source]
        .dividers
        .partition_point(|d| d.span.start() < start);
    Some((k, divider))
}

/// Hits one thread places at least.
const PLACE_PART: usize = 1 << 14;

/// [`place`] on this thread, from divider `next_divider` of the source on;
/// each hit's line is numbered on from the line start before it whose
/// number is known, the last node's or the hit's before (a few lines back,
/// where the finding would count every line of the text).
fn place_from(
    nb: &Notebook,
    source: usize,
    days: &[usize],
    mut next_divider: usize,
    hits: &mut [Hit],
) {
    let bytes = nb.sources[source].text.as_bytes();
    let dividers = &nb.sources[source].dividers;
    // The nodes of one day at a time, in the order their lines start.
    let mut nodes: Vec<Node> = Vec::new();
    let (mut next_node, mut next_day) = (0, 0);
    let mut node = None;
    // A line start at or before the hit, and its number.
    let mut known = (0, 1);
    for i in 0..hits.len() {
        // The lines a few hits on, and their places above them, asked
        // for before they are wanted ([`crate::prefetch`]).
        if let Some(ahead) = hits.get(i + AHEAD) {
            crate::prefetch::text_before(bytes, ahead.line_start);
        }
        let h = &mut hits[i];
        let at = h.line_start;
        loop {
            if next_node == nodes.len() && next_day < days.len() {
                nodes.clear();
                day_nodes(nb, days[next_day], &mut nodes);
                next_day += 1;
                next_node = 0;
            }
            let tree = nodes.get(next_node).map(|n| n.start);
            let divider = dividers.get(next_divider).map(|d| d.span);
            match (divider, tree) {
                (Some(d), t) if d.start() <= at && t.is_none_or(|t| d.start() <= t) => {
                    node = None;
                    known = known.max((d.start(), d.line()));
                    next_divider += 1;
                }
                (_, Some(t)) if t <= at => {
                    let n = &nodes[next_node];
                    node = Some(n.id);
                    known = known.max((n.start, n.line));
                    next_node += 1;
                }
                _ => break,
            }
        }
        h.node = node;
        h.line = known.1 + count_ends(&bytes[known.0..at]);
        known = (at, h.line);
    }
}

/// How many hits ahead of the one placed its text is asked for: far
/// enough to arrive in time, near enough to stay in the cache (4, 8 and
/// 16 measured alike).
const AHEAD: usize = 8;

/// Where a node's line starts, its number, and the node.
struct Node {
    start: usize,
    line: usize,
    id: NodeId,
}

/// Day `d`'s nodes with the offsets where their lines start: its heading,
/// then each topic and its sections, in pre-order (the order of their
/// lines).
fn day_nodes(nb: &Notebook, d: usize, out: &mut Vec<Node>) {
    let day = &nb.days[d];
    let node = |span: crate::notes::Span, id| Node {
        start: span.start(),
        line: span.line(),
        id,
    };
    out.push(node(day.heading, NodeId::day(d)));
    for (t, topic) in day.topics.iter().enumerate() {
        out.push(node(topic.heading, NodeId::topic(d, t)));
        for (k, s) in topic.sections().iter().enumerate() {
            out.push(node(s.heading, NodeId::section(d, t, k)));
        }
    }
}
