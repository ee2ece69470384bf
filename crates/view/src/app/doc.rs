//! The content pane's documents: a day or a topic laid out for one width by
//! [`crate::markdown::render`], and the small cache that keeps them.
//!
//! Documents are built in `App::update` (when the selection or the width
//! changes), never while drawing: a frame only copies the visible rows.
//! Code colours come from the cache's [`Painter`], which waits at most
//! [`COLOUR_WAIT`] for a new fence; when more colours are ready the
//! document is laid out again ([`DocCache::colours_changed`]). A
//! document remembers where each topic and section starts, so scrolling can
//! move the outline selection, and where each source line starts, so a
//! resize keeps the same text at the top.
//!
//! ```text
//! day doc                         topic doc
//! 8.22                  heading   1. tcp握手            heading
//! (preamble)                      TCP三次握手是…        body
//!                                 **第一次握手（SYN）**  section_rows[0]
//! 1. tcp握手   topic_rows[0]      - 客户端发送SYN包…
//! TCP三次握手是…                  …
//! 2. 在开发阶段… topic_rows[1]
//! ```

use std::ops::Range;
use std::time::Duration;

use ratatui::text::Line;

use super::doc_links::{self, Extras};
pub use super::jump::{DocLink, Jump};
use crate::label::{self, Weekdays};
use crate::markdown::{self, Painter};
use crate::theme::MdStyles;
use daynotes_core::notes::{Notebook, Span, dedent};
use daynotes_core::outline::NodeId;

mod cache;
mod preamble;
pub use cache::DocCache;
use preamble::unrepeated;

/// Narrowest width documents are laid out for; a narrower pane shows the
/// left part of each row.
const MIN_WIDTH: u16 = 8;

/// The width a document for a pane `width` cells wide is laid out for.
pub fn layout_width(width: u16) -> u16 {
    width.max(MIN_WIDTH)
}

/// How long laying a document out waits for the colours of a fence it
/// shows for the first time; the rest come on the painter's thread.
pub const COLOUR_WAIT: Duration = Duration::from_millis(10);

/// How many laid-out documents are kept (the current one and recently read
/// ones, at any width).
const CACHE_SIZE: usize = 16;

/// What the content pane shows: a whole day, or one topic (also for a
/// selected section, scrolled to its heading).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocId {
    /// Day `d`: its preamble and every topic under a heading.
    Day(usize),
    /// Topic `t` of day `d`, under its title.
    Topic(usize, usize),
    /// The notes as written, every file one after the other: what the pane
    /// shows when they hold no day.
    Text,
}

impl DocId {
    /// The document that shows `id`.
    pub fn of(id: NodeId) -> DocId {
        match id.topic_index() {
            None => DocId::Day(id.day_index()),
            Some(t) => DocId::Topic(id.day_index(), t),
        }
    }
}

/// A document laid out for one width.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    /// Which node it shows.
    pub id: DocId,
    /// The width its rows were wrapped to.
    pub width: u16,
    /// Display rows, styled and sanitised.
    pub lines: Vec<Line<'static>>,
    /// The first row of each source line (headings, then every line of a
    /// preamble or body), ascending.
    pub line_rows: Vec<usize>,
    /// Day documents: the first row of each topic's heading.
    pub topic_rows: Vec<usize>,
    /// Day documents: the index in `line_rows` of the day heading, after the
    /// text outside every day shown above it and a blank row (0 without).
    pub loose_lines: usize,
    /// Day documents of a file's last day: the index in `line_rows` of the
    /// first line of the text outside every day that follows it.
    pub trailing_from: Option<usize>,
    /// Topic documents: the rows of each section heading, in pre-order.
    pub section_rows: Vec<Range<usize>>,
    /// The links drawn, by row.
    pub links: Vec<DocLink>,
}

impl Doc {
    /// Lays out `id` for `width` columns, its code coloured by `painter`,
    /// a day's weekday written as `names` write it, with the backlinks and
    /// tags of `extras`.
    pub fn build(
        nb: &Notebook,
        id: DocId,
        width: u16,
        md: &MdStyles,
        painter: &Painter,
        names: Weekdays,
        extras: &Extras,
    ) -> Doc {
        let width = layout_width(width);
        let mut b = Builder {
            doc: Doc {
                id,
                width,
                lines: Vec::new(),
                line_rows: Vec::new(),
                topic_rows: Vec::new(),
                loose_lines: 0,
                trailing_from: None,
                section_rows: Vec::new(),
                links: Vec::new(),
            },
            md,
            painter,
            names,
            extras,
            source: 0,
            day: None,
        };
        match id {
            DocId::Day(d) => b.day(nb, d),
            DocId::Topic(d, t) => b.topic(nb, d, t),
            DocId::Text => b.text(nb),
        }
        b.doc
    }

    /// The index of the source line shown at `row`.
    pub fn line_at(&self, row: usize) -> usize {
        self.line_rows
            .partition_point(|&r| r <= row)
            .saturating_sub(1)
    }

    /// For [`DocId::Text`]: the index among its lines of line `line` (1-based)
    /// of source `source`.
    pub fn text_line(nb: &Notebook, source: usize, line: usize) -> Option<usize> {
        let before: usize = nb.sources[..source]
            .iter()
            .map(|s| daynotes_core::notes::lines(&s.text).count() + 1)
            .sum();
        Some(before + line.checked_sub(1)?)
    }

    /// The first row of source line `line` (the end when there is none).
    pub fn row_of_line(&self, line: usize) -> usize {
        self.line_rows
            .get(line)
            .copied()
            .unwrap_or(self.lines.len())
    }
}

struct Builder<'a> {
    doc: Doc,
    md: &'a MdStyles,
    painter: &'a Painter,
    names: Weekdays,
    extras: &'a Extras,
    /// The source and day of the text being laid out.
    source: usize,
    day: Option<usize>,
}

impl Builder<'_> {
    fn day(&mut self, nb: &Notebook, d: usize) {
        let Some(day) = nb.days.get(d) else { return };
        (self.source, self.day) = (day.source, Some(d));
        if let Some(loose) = nb.loose_before(d) {
            let text = nb.text(day.source, loose);
            if !text.trim().is_empty() {
                self.body(text);
                self.blank();
                self.doc.loose_lines = self.doc.line_rows.len();
            }
        }
        // `2024-01-02 Tue Kickoff`: the date leads, the rest hangs after it.
        let name = label::day(day, self.names);
        let date = day.date.to_string();
        let rest = name.strip_prefix(&date).unwrap_or(&name).trim_start();
        self.heading(&date, rest, self.md.heading);
        self.tags_after(NodeId::day(d), rest);
        let preamble = nb.text(day.source, day.preamble);
        if !preamble.trim().is_empty() {
            let fenced = daynotes_core::notes::front_matter_as_fence(preamble);
            self.preamble(&fenced, day.title.as_deref());
        }
        self.linked_from(nb, NodeId::day(d), true);
        for (t, topic) in day.topics.iter().enumerate() {
            self.blank();
            self.doc.topic_rows.push(self.doc.lines.len());
            self.topic_heading(topic);
            self.tags_after(NodeId::topic(d, t), topic.title());
            self.body(nb.text(day.source, topic.body()));
            self.linked_from(nb, NodeId::topic(d, t), false);
        }
        if let Some(loose) = nb.loose_after(d) {
            self.blank();
            self.doc.trailing_from = Some(self.doc.line_rows.len());
            self.body(nb.text(day.source, loose));
        }
    }

    fn topic(&mut self, nb: &Notebook, d: usize, t: usize) {
        let Some(day) = nb.days.get(d) else { return };
        let Some(topic) = day.topics.get(t) else {
            return;
        };
        (self.source, self.day) = (day.source, Some(d));
        self.topic_heading(topic);
        self.tags_after(NodeId::topic(d, t), topic.title());
        let (offset, source_rows) = self.body(nb.text(day.source, topic.body()));
        let end = self.doc.lines.len();
        for s in topic.sections() {
            let rows = section_rows(s.heading, topic.body(), &source_rows);
            self.doc.section_rows.push(match rows {
                Some((a, b)) => (offset + a).min(end)..(offset + b).min(end),
                None => end..end,
            });
        }
        self.linked_from(nb, NodeId::topic(d, t), true);
    }

    /// The "Linked from" rows of `node`, and their links.
    fn linked_from(&mut self, nb: &Notebook, node: NodeId, own: bool) {
        let start = self.doc.lines.len();
        let (rows, links) = doc_links::linked_from(nb, node, own, self.extras, self.md, start);
        self.doc.lines.extend(rows);
        self.doc.links.extend(links);
    }

    /// `node`'s tags, dimmed after the heading just laid out.
    fn tags_after(&mut self, node: NodeId, title: &str) {
        if let Some(span) = doc_links::tags_after(self.extras, node, title, self.md)
            && let Some(last) = self.doc.lines.last_mut()
        {
            last.spans.push(span);
        }
    }

    /// Every file's text, a blank row between files.
    fn text(&mut self, nb: &Notebook) {
        for (i, src) in nb.sources.iter().enumerate() {
            if i > 0 {
                self.blank();
            }
            self.source = i;
            let (_, rows) = self.body(&src.text);
            // Lines the layout dropped at the end (blank ones) still count,
            // so that the next file's lines are found where they are.
            let missing = daynotes_core::notes::lines(&src.text)
                .count()
                .saturating_sub(rows.len());
            let end = self.doc.lines.len();
            self.doc.line_rows.extend(std::iter::repeat_n(end, missing));
        }
    }

    /// Heading rows wrapped to the width, `lead` hanging; one source line.
    fn heading(&mut self, lead: &str, title: &str, style: ratatui::style::Style) {
        self.doc.line_rows.push(self.doc.lines.len());
        let rows = markdown::heading(lead, title, self.doc.width, style, self.md);
        self.doc.lines.extend(rows);
    }

    fn topic_heading(&mut self, topic: &daynotes_core::notes::Topic) {
        let title = topic.title().to_string();
        self.heading(&label::topic_lead(topic), &title, self.md.topic_heading);
    }

    fn blank(&mut self) {
        self.doc.line_rows.push(self.doc.lines.len());
        self.doc.lines.push(Line::default());
    }

    /// A day's preamble, without what only repeats the day's title that
    /// its heading shows: a `# Title` line, a front matter's `title:` (and
    /// the front matter, when that was all it held). The lines left out
    /// stand at the heading's row, so that each line still has its row.
    fn preamble(&mut self, text: &str, title: Option<&str>) {
        let heading_row = self.doc.lines.len().saturating_sub(1);
        let lines: Vec<&str> = daynotes_core::notes::lines(text).collect();
        let keep = unrepeated(&lines, title);
        let kept: Vec<&str> = lines
            .iter()
            .zip(&keep)
            .filter_map(|(l, k)| k.then_some(*l))
            .collect();
        let offset = self.doc.lines.len();
        let rendered = markdown::render_with(
            &dedent(&kept.join("\n")),
            self.doc.width,
            self.md,
            self.painter,
        );
        let mut rows = rendered.source_rows.iter();
        for k in keep {
            let row = match k {
                true => rows.next().map_or(offset, |r| offset + r),
                false => heading_row,
            };
            self.doc.line_rows.push(row);
        }
        self.doc.lines.extend(rendered.lines);
    }

    /// Renders a body; returns the row it starts at and the first row of
    /// each of its lines (relative to that start).
    fn body(&mut self, raw: &str) -> (usize, Vec<usize>) {
        let offset = self.doc.lines.len();
        let text = dedent(raw);
        let rendered = markdown::render_with(&text, self.doc.width, self.md, self.painter);
        self.doc
            .line_rows
            .extend(rendered.source_rows.iter().map(|r| offset + r));
        self.doc.lines.extend(rendered.lines);
        let links = doc_links::in_body(
            &text,
            offset,
            &rendered.source_rows,
            &self.doc.lines,
            self.source,
            self.day,
        );
        self.doc.links.extend(links);
        (offset, rendered.source_rows)
    }
}

/// The rows (relative to the body) of a section heading line.
fn section_rows(heading: Span, body: Span, source_rows: &[usize]) -> Option<(usize, usize)> {
    let i = heading.line().checked_sub(body.line())?;
    let start = *source_rows.get(i)?;
    let end = source_rows.get(i + 1).copied().unwrap_or(start + 1);
    Some((start, end.max(start + 1)))
}
