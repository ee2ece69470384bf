//! Text → days › topics › sections, in one linear pass over the lines.
//!
//! Pure and infallible: every input gives a tree, and anything odd is kept in
//! the text and reported as a [`Warning`] with its line. Every line lands in
//! exactly one node ([`Notebook::node_spans`](crate::notes::Notebook::node_spans)
//! proves it), so nothing the user wrote is ever out of reach.
//!
//! ```text
//! 8.22:                      day heading (outermost indentation, a date)
//!     1.tcp握手               topic (the day's first numbered indentation)
//!         **第一次握手**：      section (bold-only line) inside the body
//!         - 客户端发送SYN包     body
//! 2025                       year line: sets the year of the days after it
//! ```
//!
//! The markdown inside bodies is not parsed here: it is rendered per topic
//! when shown.

mod classify;
mod ends;
mod lines;
mod sections;
mod trim;

use crate::dates;
use crate::notes::{Day, NoteDate, Span, Topic, Warning, YearLine};
use classify::{
    DayLine, atx_heading, day_line, ends_with_colon, fence, is_list_or_table, year_line,
};
pub use classify::{bold_inner, clean_title, numbered};
use lines::{RawLine, raw_lines, trim_end_ascii};
use sections::{HeadingKind, SectionTree};

/// The result of parsing one text. Days and warnings carry `source: 0`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parsed {
    /// Text before the first day heading or year line.
    pub leading: Span,
    /// Year lines, each with the lines after it that belong to no day.
    pub year_lines: Vec<YearLine>,
    /// Days in file order.
    pub days: Vec<Day>,
    /// Findings, in line order.
    pub warnings: Vec<Warning>,
}

/// Parses a whole notes text.
pub fn parse(text: &str) -> Parsed {
    debug_assert!(
        text.len() <= crate::notes::MAX_SOURCE_BYTES,
        "spans address at most 4 GiB; loading refuses more"
    );
    let mut p = Parser::new(text);
    for line in raw_lines(text) {
        p.line(&line);
    }
    p.finish(text.len())
}

/// Where the lines being read belong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Region {
    Leading,
    Year,
    Preamble,
    Body,
}

/// A colon line waiting for its next non-blank line to decide whether it
/// heads a section.
struct PendingColon<'t> {
    indent: usize,
    title: &'t str,
    heading: Span,
}

struct Parser<'t> {
    text: &'t str,
    out: Parsed,
    region: Region,
    /// Start of the open region's text.
    region_start: usize,
    region_line: usize,
    /// The indentation day headings and year lines stand at: that of the
    /// first one, lowered by any later one standing further out. Date lines
    /// deeper than this are body text.
    outer: Option<usize>,
    /// Topic indentation of the current day, once its first topic is seen.
    topic_indent: Option<usize>,
    /// The open fence: its marker and line.
    fence: Option<(&'static str, usize)>,
    pending: Option<PendingColon<'t>>,
    sections: SectionTree<'t>,
    /// The open topic's number, title and heading, made a [`Topic`] when
    /// its body ends.
    topic_head: Option<(u32, &'t str, Span)>,
    year: Option<i32>,
    last_month: Option<u32>,
    /// The open day's topics, moved into the day at its end (one
    /// allocation of the final size per day).
    topics: Vec<Topic>,
}

impl<'t> Parser<'t> {
    fn new(text: &'t str) -> Self {
        Parser {
            text,
            out: Parsed::default(),
            region: Region::Leading,
            region_start: 0,
            region_line: 1,
            outer: None,
            topic_indent: None,
            fence: None,
            pending: None,
            sections: SectionTree::default(),
            topic_head: None,
            year: None,
            last_month: None,
            topics: Vec::new(),
        }
    }

    fn warn(&mut self, line: usize, message: String) {
        self.out.warnings.push(Warning {
            source: 0,
            line,
            message,
        });
    }

    fn line(&mut self, line: &RawLine) {
        let text = self.text;
        let raw = &text[line.start..line.content_end];
        let (indent, ws, mixed) = lines::indentation(raw);
        let trimmed = trim_end_ascii(&raw[ws..]);
        if mixed {
            self.warn(line.number, "indentation mixes tabs and spaces".into());
        }
        // Control characters (C0 but tab, DEL, C1). Invisible and bidi
        // characters are also shown as placeholders, but not reported: in
        // Chinese text their first bytes are everywhere, and telling them
        // apart on every line would cost a tenth of the parse.
        if line.control
            && let Some(c) = raw.chars().find(|c| c.is_control() && *c != '\t')
        {
            let shown = crate::sanitize::placeholder(c).unwrap_or_default();
            self.warn(
                line.number,
                format!("control character U+{:04X} ({shown})", c as u32),
            );
        }
        if trimmed.is_empty() {
            return;
        }
        if self.outer.is_none_or(|o| indent <= o) && trimmed.as_bytes()[0].is_ascii_digit() {
            if let Some(day) = day_line(trimmed) {
                if self.start_day(line, &day) {
                    self.outer = Some(indent);
                    return;
                }
            } else if let Some(year) = year_line(trimmed) {
                self.start_year(line, year);
                self.outer = Some(indent);
                return;
            }
        }
        match self.region {
            Region::Preamble | Region::Body if self.fence.is_none() => {
                if let Some((number, rest)) = numbered(trimmed) {
                    let topic_indent = *self.topic_indent.get_or_insert(indent);
                    if indent == topic_indent {
                        self.start_topic(line, number, rest);
                        return;
                    }
                }
            }
            _ => {}
        }
        if self.region == Region::Body {
            self.body_line(line, indent, trimmed);
        } else if self.region == Region::Preamble {
            self.track_fence(line, trimmed);
        }
    }

    /// Section detection inside a topic body.
    fn body_line(&mut self, line: &RawLine, indent: usize, trimmed: &'t str) {
        if self.track_fence(line, trimmed) || self.fence.is_some() {
            self.pending = None;
            return;
        }
        if let Some(p) = self.pending.take()
            && indent > p.indent
        {
            self.sections.push(HeadingKind::Colon, p.title, p.heading);
        }
        let heading = line.span();
        let first = trimmed.as_bytes()[0];
        if first == b'*' || first == b'_' {
            if let Some(inner) = bold_inner(trimmed) {
                let kind = if numbered(inner).is_some() {
                    HeadingKind::NumberedBold
                } else {
                    HeadingKind::Bold
                };
                self.sections.push(kind, clean_title(inner), heading);
                return;
            }
        } else if first == b'#'
            && let Some((level, title)) = atx_heading(trimmed)
        {
            self.sections
                .push(HeadingKind::Atx(level), clean_title(title), heading);
            return;
        }
        if ends_with_colon(trimmed) && !is_list_or_table(trimmed) {
            self.pending = Some(PendingColon {
                indent,
                title: clean_title(trimmed),
                heading,
            });
        }
    }

    /// Opens or closes a fence; true when this line was a fence marker.
    fn track_fence(&mut self, line: &RawLine, trimmed: &str) -> bool {
        let Some(marker) = fence(trimmed) else {
            return false;
        };
        match self.fence {
            None => self.fence = Some((marker, line.number)),
            Some((open, _))
                if open == marker
                    && trimmed
                        .trim_start_matches(marker.as_bytes()[0] as char)
                        .is_empty() =>
            {
                self.fence = None;
            }
            Some(_) => return false,
        }
        true
    }

    /// Closes whatever region is open at byte `end`.
    fn close_region(&mut self, end: usize) {
        let span = Span::new(self.region_start, end, self.region_line);
        match self.region {
            Region::Leading => {
                self.out.leading = span;
                if !span.slice(self.text).trim().is_empty() {
                    let line = first_text_line(self.text, span);
                    self.warn(line, "text before the first day heading".into());
                }
            }
            Region::Year => {
                if let Some(y) = self.out.year_lines.last_mut() {
                    y.span = Span::new(y.span.start(), end, y.span.line());
                }
                let rest = span.slice(self.text);
                let after = rest.find('\n').map_or("", |i| &rest[i + 1..]);
                if !after.trim().is_empty() {
                    self.warn(
                        span.line() + 1,
                        "text after a year line belongs to no day".into(),
                    );
                }
            }
            Region::Preamble => {
                if let Some(day) = self.out.days.last_mut() {
                    day.preamble = span;
                }
            }
            Region::Body => {
                self.pending = None;
                if let Some((number, title, heading)) = self.topic_head.take() {
                    let headings = self.sections.headings();
                    self.topics
                        .push(Topic::new(number, title, heading, span, headings));
                }
                self.sections.clear();
            }
        }
    }

    /// Ends the current day: gives it its topics, reports a fence left open.
    fn end_day(&mut self) {
        // A year line after the day ends it a second time, with no topics
        // left to give.
        if let Some(day) = self.out.days.last_mut()
            && !self.topics.is_empty()
        {
            day.topics = self.topics.drain(..).collect();
        }
        if let Some((_, line)) = self.fence.take() {
            self.warn(line, "code fence is never closed".into());
        }
    }

    fn open(&mut self, region: Region, line: &RawLine) {
        self.region = region;
        self.region_start = line.end;
        self.region_line = line.number + 1;
    }

    /// Starts a day; false when the date is impossible (the line stays text).
    fn start_day(&mut self, line: &RawLine, day: &DayLine<'_>) -> bool {
        let d = day.date;
        let year = d.year.or_else(|| {
            self.year.map(|y| {
                if self.last_month.is_some_and(|m| d.month < m) {
                    y + 1
                } else {
                    y
                }
            })
        });
        if !dates::is_valid(year, d.month, d.day) {
            let shown = match year {
                Some(y) => format!("{y}-{}-{}", d.month, d.day),
                None => format!("{}.{}", d.month, d.day),
            };
            self.warn(
                line.number,
                format!("impossible date {shown}: kept as text"),
            );
            return false;
        }
        self.close_region(line.start);
        self.end_day();
        if year.is_some() {
            self.year = year;
            self.last_month = Some(d.month);
        }
        let date = NoteDate {
            year,
            month: d.month as u8,
            day: d.day as u8,
        };
        if let Some(prev) = self.out.days.last().map(|p| p.date)
            && out_of_order(prev, date)
        {
            self.warn(
                line.number,
                format!("date {date} comes after {prev}: out of order"),
            );
        }
        let heading = line.span();
        self.out.days.push(Day {
            source: 0,
            date,
            title: day.title.map(Box::from),
            heading,
            preamble: Span::empty(line.end, line.number + 1),
            topics: Vec::new(),
        });
        self.topic_indent = None;
        self.open(Region::Preamble, line);
        true
    }

    fn start_year(&mut self, line: &RawLine, year: i32) {
        self.close_region(line.start);
        self.end_day();
        self.year = Some(year);
        self.last_month = None;
        self.out.year_lines.push(YearLine {
            year,
            span: line.span(),
        });
        self.region = Region::Year;
        self.region_start = line.start;
        self.region_line = line.number;
    }

    fn start_topic(&mut self, line: &RawLine, number: u32, rest: &'t str) {
        self.close_region(line.start);
        let heading = line.span();
        if !self.out.days.is_empty() {
            self.topic_head = Some((number, clean_title(rest), heading));
        }
        self.open(Region::Body, line);
    }

    /// Warns about each day whose date an earlier day already has, naming
    /// the line of the one before it. Done once at the end, on the dates
    /// sorted, rather than with a map updated on every day.
    fn warn_duplicates(&mut self) {
        let mut dates: Vec<(NoteDate, usize)> = self
            .out
            .days
            .iter()
            .map(|d| (d.date, d.heading.line()))
            .collect();
        dates.sort_unstable();
        for pair in dates.windows(2) {
            let [(before, first), (date, line)] = pair else {
                continue;
            };
            if before == date {
                self.warn(
                    *line,
                    format!("duplicate date {date} (also on line {first})"),
                );
            }
        }
    }

    fn finish(mut self, len: usize) -> Parsed {
        self.close_region(len);
        self.end_day();
        self.warn_duplicates();
        self.out.warnings.sort_by_key(|w| w.line);
        self.out
    }
}

/// True when `next` certainly comes before `prev` in time. Without years a
/// smaller month may be the next year, so only days of one month compare.
fn out_of_order(prev: NoteDate, next: NoteDate) -> bool {
    match (prev.year, next.year) {
        (Some(_), Some(_)) => next < prev,
        (None, None) => next.month == prev.month && next.day < prev.day,
        _ => false,
    }
}

/// The number of the first non-blank line of `span`.
fn first_text_line(text: &str, span: Span) -> usize {
    crate::notes::lines(span.slice(text))
        .position(|l| !l.trim().is_empty())
        .map_or(span.line(), |i| span.line() + i)
}
