//! The notes model: `Notebook › Day › Topic › Section`, each node tied to the
//! source lines it came from.
//!
//! The model holds the decoded text of every source file once; nodes refer to
//! it by byte [`Span`]s, so a 100 MB notebook costs about 100 MB plus a small
//! tree. Nothing here knows about terminals: the TUI, the CLI and the tests all
//! read the same plain structs.
//!
//! ```text
//! Notebook
//! ├─ Source "study-notes.txt"   text, leading block, dividers (year lines)
//! └─ Day 8.22 (line 1)          heading span, preamble span
//!    └─ Topic 1 tcp握手 (2)      heading span, body span
//!       ├─ Section 第一次握手（SYN） (5)
//!       └─ Section …            kept flat, each with its depth (bold group ›
//!                               numbered bold); see [`Topic`]
//! ```

use std::fmt;

pub mod emphasis;
mod source_text;
mod span;
mod text;
mod topic;
pub use source_text::{Shared, SourceText};
pub(crate) use span::narrow;
pub use span::{MAX_SOURCE_BYTES, Span};
pub use text::{
    TAB_WIDTH, count_ends, count_ends_and_nul, dedent, dedent_into, dedent_line,
    front_matter_as_fence, indent_width, indentation, is_blank, lines, push_number,
};
pub use topic::{Section, Topic};

/// A calendar date as written in a day heading. The year is `None` when the
/// file never names one: it is never invented.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct NoteDate {
    /// The year, when the heading or an earlier year line gives it.
    pub year: Option<i32>,
    /// Month, 1-12.
    pub month: u8,
    /// Day of the month, 1-31 (validated against the month when the year is
    /// known, and against 29 for February when it is not).
    pub day: u8,
}

impl fmt::Display for NoteDate {
    /// `8.22` without a year, `2025-08-22` with one. Written digit by
    /// digit (a list of a hundred thousand days names each): the
    /// formatting machinery cost five times as much.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.short() {
            Some(short) => f.write_str(short.as_str()),
            None => self.fmt_slowly(f),
        }
    }
}

/// A date as [`NoteDate`]'s `Display` writes it, in a buffer of its own.
struct Short {
    buf: [u8; 10],
    len: usize,
}

impl Short {
    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or_default()
    }
}

impl NoteDate {
    /// Appends the date as `Display` writes it, without the formatting
    /// machinery where its digits are few (every date of a real file).
    pub fn push_to(&self, out: &mut String) {
        match self.short() {
            Some(short) => out.push_str(short.as_str()),
            None => {
                use std::fmt::Write as _;
                let _ = write!(out, "{self}");
            }
        }
    }

    /// The date written digit by digit: `None` for a month or day past 99
    /// or a year outside 0 to 9999, which the formatting machinery writes.
    fn short(&self) -> Option<Short> {
        let (month, day) = (self.month, self.day);
        if month > 99 || day > 99 {
            return None;
        }
        let two = |v: u8| [b'0' + v / 10, b'0' + v % 10];
        let [m1, m2] = two(month);
        let [d1, d2] = two(day);
        let mut buf = [0u8; 10];
        let len = match self.year {
            None => {
                // No leading zeros: `8.2`, not `08.02`.
                let (m, d) = (usize::from(month >= 10), usize::from(day >= 10));
                buf[..1 + m].copy_from_slice(&[m1, m2][1 - m..]);
                buf[1 + m] = b'.';
                buf[2 + m..3 + m + d].copy_from_slice(&[d1, d2][1 - d..]);
                3 + m + d
            }
            Some(y) if (0..=9999).contains(&y) => {
                let [y1, y2] = two((y / 100) as u8);
                let [y3, y4] = two((y % 100) as u8);
                buf = [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2];
                10
            }
            Some(_) => return None,
        };
        Some(Short { buf, len })
    }

    fn fmt_slowly(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.year {
            Some(y) => write!(f, "{y:04}-{:02}-{:02}", self.month, self.day),
            None => write!(f, "{}.{}", self.month, self.day),
        }
    }
}

/// A parser finding, kept with its line so that nothing odd is silent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// Index into [`Notebook::sources`].
    pub source: usize,
    /// 1-based line number (0 for file-wide findings such as the encoding).
    pub line: usize,
    /// What was found, in plain words.
    pub message: String,
}

/// One dated day and its topics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Day {
    /// Index into [`Notebook::sources`] of the file this day was read from.
    pub source: usize,
    /// The date of the heading, with the year inferred where possible.
    pub date: NoteDate,
    /// Text after the colon on the heading line, if any.
    pub title: Option<Box<str>>,
    /// The heading line.
    pub heading: Span,
    /// Lines between the heading and the first topic.
    pub preamble: Span,
    /// The day's topics in file order (a boxed slice: a day is kept by
    /// the million in some files, and its size counts).
    pub topics: Box<[Topic]>,
    /// How many topics the day has when they were counted and not made
    /// ([`crate::parse::Wanted::topics`]), `topics` then empty; 0 when
    /// they were made. (It fills what was padding: a day is no larger.)
    pub counted: u32,
}

impl Day {
    /// 1-based line of the day heading.
    pub fn line(&self) -> usize {
        self.heading.line()
    }

    /// How many topics the day has, made or only counted.
    pub fn topic_count(&self) -> usize {
        self.topics.len() + self.counted as usize
    }

    /// The heading's own title after its date, trimmed; `None` when it has
    /// none or only spaces.
    pub fn own_title(&self) -> Option<&str> {
        self.title
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
    }

    /// How the command line names the day: `8.22`, or `8.22 复习` with its
    /// heading's title (as written: not yet made safe to print). The
    /// viewer's fuller name, with the weekday, is built on the same parts.
    pub fn name(&self) -> DayName<'_> {
        DayName(self)
    }
}

/// A day's date and its heading's title, written without allocating (see
/// [`Day::name`]).
#[derive(Debug, Clone, Copy)]
pub struct DayName<'a>(&'a Day);

impl DayName<'_> {
    /// Appends the name as `Display` writes it, without the formatting
    /// machinery: `list` names a hundred thousand days.
    pub fn push_to(&self, out: &mut String) {
        self.0.date.push_to(out);
        if let Some(t) = self.0.own_title() {
            out.push(' ');
            out.push_str(t);
        }
    }
}

impl std::fmt::Display for DayName<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0.own_title() {
            Some(t) => write!(f, "{} {t}", self.0.date),
            None => write!(f, "{}", self.0.date),
        }
    }
}

/// A line outside every day that ends the day before it: a year line
/// (`2025`, `2025年`, `# 2022年2月`) or a heading above the days' level
/// (`## Week 8` over `### Day 36: …` days). Its span runs from the line to
/// the next day or divider, so the text after it is its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Divider {
    /// The year it sets for the days after it, when it names one.
    pub year: Option<i32>,
    /// The line and the text after it that belongs to no day.
    pub span: Span,
}

/// One decoded notes file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The path as the user gave it (or a label such as `<sample>`).
    pub path: String,
    /// The decoded text (a leading BOM removed): owned, or read in place
    /// from the mapped file.
    pub text: SourceText,
    /// Text before the first day heading (empty when there is none).
    pub leading: Span,
    /// Year lines and group headings, in file order.
    pub dividers: Vec<Divider>,
    /// True when most of the file's days follow a later day: a log written
    /// newest first.
    pub newest_first: bool,
    /// Dates with the year last read day first and month first with
    /// nothing in the file to tell (`07.02.2024`, `02/07/2024`).
    pub unsure_dates: [usize; 2],
}

/// A file of a notes directory that gave no days and was left out, and why
/// (`not a notes file`, `no day in it`, `binary file`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The file or folder.
    pub path: String,
    /// A folder that could not be read, not a file.
    pub folder: bool,
    /// A finding `check` warns of (a file named by an impossible date),
    /// not a note.
    pub warning: bool,
    /// Why, in words.
    pub why: String,
}

/// The whole tree: every source's text, the days of all sources in date
/// order, and the warnings.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Notebook {
    /// The files the days came from.
    pub sources: Vec<Source>,
    /// Days, in file order for one file; merged by date for several.
    pub days: Vec<Day>,
    /// Every warning of every source, by source then line.
    pub warnings: Vec<Warning>,
    /// Files of a notes directory that were left out.
    pub skipped: Vec<Skipped>,
}

/// What a [`NodeSpan`] is, for walking a source line by line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// Text before the first day.
    Leading,
    /// A year line or group heading, with the text after it.
    Divider,
    /// A day heading line.
    DayHeading,
    /// A day's preamble.
    Preamble,
    /// A topic line.
    TopicHeading,
    /// Body text of a topic that is not a section heading.
    Body,
    /// A section heading line inside a body.
    SectionHeading,
}

/// A run of a source's lines that belongs to one node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NodeSpan {
    /// What kind of node owns these lines.
    pub kind: NodeKind,
    /// The lines.
    pub span: Span,
}

impl Notebook {
    /// The text of `span` in the source of `day`.
    pub fn text(&self, source: usize, span: Span) -> &str {
        span.slice(&self.sources[source].text)
    }

    /// The text outside every day that comes right before day `d` in its
    /// file: what precedes the first day, and dividers with any text after
    /// them. `None` when the day follows another day directly.
    ///
    /// ```text
    /// intro line        ┐ leading         ┐
    /// 2025              ┐ year line       │ loose before 2025-08-22
    /// a loose note      ┘                 ┘
    /// 8.22:             day d
    /// ```
    pub fn loose_before(&self, d: usize) -> Option<Span> {
        let day = self.days.get(d)?;
        let src = self.sources.get(day.source)?;
        let mut start = day.heading.start();
        let mut line = day.heading.line();
        // Dividers are in file order, each span running up to the next
        // divider or day: walk back through those that end where the text
        // after them begins.
        let mut i = src.dividers.partition_point(|y| y.span.end() <= start);
        while i > 0 && src.dividers[i - 1].span.end() == start {
            i -= 1;
            (start, line) = (src.dividers[i].span.start(), src.dividers[i].span.line());
        }
        if !src.leading.is_empty() && src.leading.end() == start {
            (start, line) = (src.leading.start(), src.leading.line());
        }
        (start < day.heading.start()).then_some(Span::new(start, day.heading.start(), line))
    }

    /// The text outside every day after the last day of a file: dividers
    /// (with any text after them) that no day follows. `None` for every
    /// other day.
    pub fn loose_after(&self, d: usize) -> Option<Span> {
        let day = self.days.get(d)?;
        let src = self.sources.get(day.source)?;
        // The dividers after the day, when they begin where the day ends
        // and run on to the end of the file with no day between them (each
        // span ends where the next divider or day begins).
        let day_end = day
            .topics
            .last()
            .map_or(day.preamble.end(), |t| t.body().end());
        let i = src.dividers.partition_point(|y| y.span.start() < day_end);
        let after = src.dividers.get(i..)?;
        let first = after.first()?;
        let unbroken = after
            .windows(2)
            .all(|w| w[0].span.end() == w[1].span.start());
        let last = after.last()?;
        (first.span.start() == day_end && unbroken && last.span.end() == src.text.len()).then_some(
            Span::new(first.span.start(), src.text.len(), first.span.line()),
        )
    }

    /// The day that shows byte `offset` of `source` when it lies outside
    /// every day: the first day of that file after it (see
    /// [`Notebook::loose_before`]), else the file's last day (see
    /// [`Notebook::loose_after`]).
    pub fn day_showing(&self, source: usize, offset: usize) -> Option<usize> {
        self.day_after(source, offset).or_else(|| {
            self.days_of(source)
                .max_by_key(|(_, d)| d.heading.start())
                .map(|(i, _)| i)
        })
    }

    /// The first day of `source` whose heading starts after `offset`.
    fn day_after(&self, source: usize, offset: usize) -> Option<usize> {
        self.days_of(source)
            .filter(|(_, d)| d.heading.start() > offset)
            .min_by_key(|(_, d)| d.heading.start())
            .map(|(i, _)| i)
    }

    fn days_of(&self, source: usize) -> impl Iterator<Item = (usize, &Day)> {
        self.days
            .iter()
            .enumerate()
            .filter(move |(_, d)| d.source == source)
    }

    /// The non-empty node spans of one source, in file order. Together they
    /// cover the source's text exactly once: this is how losslessness is
    /// checked.
    pub fn node_spans(&self, source: usize) -> Vec<NodeSpan> {
        let src = &self.sources[source];
        let mut out = vec![NodeSpan {
            kind: NodeKind::Leading,
            span: src.leading,
        }];
        out.extend(src.dividers.iter().map(|y| NodeSpan {
            kind: NodeKind::Divider,
            span: y.span,
        }));
        for day in self.days.iter().filter(|d| d.source == source) {
            out.push(NodeSpan {
                kind: NodeKind::DayHeading,
                span: day.heading,
            });
            out.push(NodeSpan {
                kind: NodeKind::Preamble,
                span: day.preamble,
            });
            for topic in &day.topics {
                out.push(NodeSpan {
                    kind: NodeKind::TopicHeading,
                    span: topic.heading,
                });
                let mut at = topic.body().start();
                let mut line = topic.body().line();
                for h in topic.sections().iter().map(|s| s.heading) {
                    out.push(NodeSpan {
                        kind: NodeKind::Body,
                        span: Span::new(at, h.start(), line),
                    });
                    out.push(NodeSpan {
                        kind: NodeKind::SectionHeading,
                        span: h,
                    });
                    at = h.end();
                    line = h.line() + 1;
                }
                out.push(NodeSpan {
                    kind: NodeKind::Body,
                    span: Span::new(at, topic.body().end(), line),
                });
            }
        }
        out.retain(|n| !n.span.is_empty());
        out.sort_by_key(|n| n.span.start());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A day is kept by the million: its count of topics counted and not
    /// made sits in what was padding, and the day is no larger for it.
    #[cfg(target_pointer_width = "64")]
    #[test]
    fn a_day_stays_eighty_bytes() {
        assert_eq!(std::mem::size_of::<Day>(), 80);
    }

    /// The quick display of a date is the formatting machinery's, for
    /// every month and day a date can have and years of every width.
    #[test]
    fn dates_display_as_formatted() {
        for year in [
            None,
            Some(0),
            Some(7),
            Some(99),
            Some(2025),
            Some(9999),
            Some(10000),
            Some(-3),
        ] {
            for month in [0, 1, 9, 10, 12, 99, 100, 255] {
                for day in [0, 1, 9, 10, 22, 31, 99, 100, 255] {
                    let d = NoteDate { year, month, day };
                    let slow = match year {
                        Some(y) => format!("{y:04}-{month:02}-{day:02}"),
                        None => format!("{month}.{day}"),
                    };
                    assert_eq!(d.to_string(), slow, "{d:?}");
                    let mut pushed = String::from("on ");
                    d.push_to(&mut pushed);
                    assert_eq!(pushed, format!("on {slow}"), "{d:?}");
                }
            }
        }
    }

    /// A day's name appended is its name displayed, title or none.
    #[test]
    fn day_names_push_as_displayed() {
        let text = "8.22 复习\n1.a\n8.23\n1.b\n2024-01-05 review\n1.c\n";
        let nb = crate::load::from_text("t", text.into());
        let names: Vec<String> = nb.days.iter().map(|d| d.name().to_string()).collect();
        assert_eq!(names, ["8.22 复习", "8.23", "2024-01-05 review"]);
        for day in &nb.days {
            let mut pushed = String::new();
            day.name().push_to(&mut pushed);
            assert_eq!(pushed, day.name().to_string());
        }
    }

    #[test]
    fn loose_text_belongs_before_the_day_after_it() {
        let text = "intro\n2025\nloose\n8.22:\n    1.a\n8.23\n2026\n1.2\n";
        let nb = crate::load::from_text("t", text.into());
        let loose = |d| nb.loose_before(d).map(|s| nb.text(0, s).to_string());
        // intro, the year line and the note after it all come before 8.22.
        assert_eq!(loose(0).as_deref(), Some("intro\n2025\nloose\n"));
        assert_eq!(nb.loose_before(0).map(|s| s.line()), Some(1));
        // 8.23 follows a day directly.
        assert_eq!(loose(1), None);
        // The year line between 8.23 and 1.2 shows before 1.2.
        assert_eq!(loose(2).as_deref(), Some("2026\n"));
        assert_eq!(nb.day_showing(0, text.find("loose").unwrap()), Some(0));
        assert_eq!(nb.day_showing(0, text.find("2026").unwrap()), Some(2));
        assert_eq!(nb.loose_after(2), None);
    }

    #[test]
    fn loose_text_after_the_last_day_belongs_to_it() {
        let text = "8.22:\n    1.a\n8.23\n    1.b\n2026\nleft over\n";
        let nb = crate::load::from_text("t", text.into());
        let after = |d| nb.loose_after(d).map(|s| nb.text(0, s).to_string());
        assert_eq!(after(0), None);
        assert_eq!(after(1).as_deref(), Some("2026\nleft over\n"));
        assert_eq!(nb.loose_after(1).map(|s| s.line()), Some(5));
        assert_eq!(nb.day_showing(0, text.find("left").unwrap()), Some(1));
        // A last day without topics ends with its preamble.
        let nb = crate::load::from_text("t", "8.22:\n8.23\nnote\n2026\nx\n".into());
        assert_eq!(nb.loose_after(0), None);
        assert_eq!(nb.loose_after(1).map(|s| s.line()), Some(4));
    }

    #[test]
    fn date_display() {
        let d = NoteDate {
            year: None,
            month: 8,
            day: 22,
        };
        assert_eq!(d.to_string(), "8.22");
        let d = NoteDate {
            year: Some(2025),
            ..d
        };
        assert_eq!(d.to_string(), "2025-08-22");
    }
}
