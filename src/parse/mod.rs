//! Text → days › topics › sections, in a linear pass over the lines (two
//! when the file's days are written in more than one way, see [`rules`]).
//!
//! Pure and infallible: every input gives a tree, and anything odd is kept in
//! the text and reported as a [`Warning`] with its line. Every line lands in
//! exactly one node ([`Notebook::node_spans`](crate::notes::Notebook::node_spans)
//! proves it), so nothing the user wrote is ever out of reach.
//!
//! ```text
//! 8.22:                      day heading (outermost indentation, a date)
//!     1.tcp握手               topic (the day's outermost numbered lines)
//!         **第一次握手**：      section (bold-only line) inside the body
//!         - 客户端发送SYN包     body
//! 2025                       year line: sets the year of the days after it
//!
//! # 2022년 2월               divider: a heading above the days' level
//! ## 2022/02/14 [OFFLINE]    day heading (decorated, see [`heading`])
//! ### SQL                    topic (the shallowest headings of the day)
//! ```
//!
//! Each day is read whole before its topics are chosen ([`day`]). The
//! markdown inside bodies is not parsed here: it is rendered per topic when
//! shown.

mod classify;
mod day;
pub mod ends;
pub mod heading;
mod lines;
pub mod rules;
mod sections;
mod trim;

use crate::dates;
use crate::notes::{Day, Divider, NoteDate, Span, Warning};
use classify::Fence;
pub use classify::{bold_inner, clean_title, numbered};
use day::{DayLine, DayReader};
use heading::{DayHeading, Deco, Verdict};
use lines::{RawLine, raw_lines, trim_end_ascii};
use rules::{Rules, Seen};

/// The result of parsing one text. Days and warnings carry `source: 0`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parsed {
    /// Text before the first day heading or divider.
    pub leading: Span,
    /// Year lines and group headings, each with the lines after it that
    /// belong to no day.
    pub dividers: Vec<Divider>,
    /// Days in file order.
    pub days: Vec<Day>,
    /// Findings, in line order.
    pub warnings: Vec<Warning>,
    /// Most days follow a later one: the file runs newest first.
    pub newest_first: bool,
}

/// How many lines `check` names that look like day headings but are read
/// as text; the rest are counted in one more warning.
pub const NEAR_MISSES_SHOWN: usize = 20;

/// The finding of a text that has lines but no day: what starts a day.
pub const NO_DAYS: &str = "no day heading found: a day starts with a line such as 8.22:, \
2025-08-22, ## 2024-01-02, ### Day 3: March 5, 2024, 2024年1月2日 星期二 or - 2024-01-02";

/// Parses a whole notes text.
pub fn parse(text: &str) -> Parsed {
    debug_assert!(
        text.len() <= crate::notes::MAX_SOURCE_BYTES,
        "spans address at most 4 GiB; loading refuses more"
    );
    let first = Rules::default();
    let (parsed, seen) = Pass::new(text, first).run();
    match seen.settle(first) {
        Some(settled) => Pass::new(text, settled).run().0,
        None => parsed,
    }
}

/// What the lines being read belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    /// Text before the first day or divider.
    Leading,
    /// A divider; `plain` for a year line (text after it is odd).
    Divider { plain: bool },
    /// A day, with its heading's decoration.
    Day(Deco),
}

/// A line's place in a fenced code block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Code {
    No,
    /// A fence marker, or a line inside the fence.
    Yes,
}

struct Pass<'t> {
    text: &'t str,
    rules: Rules,
    out: Parsed,
    seen: Seen,
    open: Open,
    /// Start and first line of the open region's text (for a day: after its
    /// heading).
    region: (usize, usize),
    /// The indentation day headings and year lines stand at: that of the
    /// first one, lowered by any later one standing further out. Date lines
    /// deeper than this are body text.
    outer: Option<usize>,
    fence: Fence,
    /// The open day's topics, found as its lines are read.
    day: DayReader<'t>,
    year: Option<i32>,
    last_month: Option<u32>,
    /// The first lines that look like day headings but are read as text,
    /// and why; and how many there are in all.
    near_misses: Vec<(usize, &'t str, &'static str)>,
    near_miss_count: usize,
    /// The decoration of the file's first day, once there is one.
    first: Option<Deco>,
    /// The first day is a markdown or org heading: text before it is the
    /// file's title and introduction, as such files have.
    headed: bool,
}

impl<'t> Pass<'t> {
    fn new(text: &'t str, rules: Rules) -> Self {
        Pass {
            text,
            rules,
            out: Parsed {
                newest_first: rules.newest_first,
                ..Parsed::default()
            },
            seen: Seen::default(),
            open: Open::Leading,
            region: (0, 1),
            outer: None,
            fence: Fence::default(),
            day: DayReader::default(),
            year: None,
            last_month: None,
            near_misses: Vec::new(),
            near_miss_count: 0,
            first: None,
            headed: false,
        }
    }

    fn run(mut self) -> (Parsed, Seen) {
        for line in raw_lines(self.text) {
            self.line(&line);
        }
        let len = self.text.len();
        self.close(len);
        self.finish();
        (self.out, self.seen)
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
        if mixed && !trimmed.is_empty() {
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
        let code = if !trimmed.is_empty() && self.fence.track(line.number, trimmed) {
            Code::Yes
        } else {
            Code::No
        };
        if !trimmed.is_empty()
            && self.outer.is_none_or(|o| indent <= o)
            && self.heading_line(line, indent, trimmed, code)
        {
            return;
        }
        // Blank lines belong to whatever comes before them: a day has
        // nothing to learn from them.
        if let Open::Day(_) = self.open
            && !trimmed.is_empty()
        {
            self.day
                .line(&DayLine::new(line, indent, trimmed, code == Code::Yes));
        }
    }

    /// Starts a day or a divider when the line is one; true when it was.
    fn heading_line(
        &mut self,
        line: &RawLine,
        indent: usize,
        trimmed: &'t str,
        code: Code,
    ) -> bool {
        if !may_start_heading(trimmed) {
            return false;
        }
        let (deco, rest) = heading::peel(trimmed);
        let verdict = if heading::may_be_dated(rest) {
            heading::day_heading_in(deco, rest)
        } else {
            Verdict::No
        };
        match verdict {
            Verdict::Day(h) => {
                let allowed = self.rules.allows(&h, self.first);
                let taken = allowed && (code == Code::No || self.ends_fence(&h));
                if taken || code == Code::No {
                    self.seen.heading(&h, taken);
                }
                if taken {
                    if self.start_day(line, h) {
                        self.outer = Some(indent);
                        return true;
                    }
                    return false;
                }
                if !allowed && code == Code::No && !h.bare {
                    let why = match h.deco {
                        Deco::List => "a list item in notes whose days are headings",
                        _ => "an undecorated line in notes whose days are headings",
                    };
                    if matches!(h.deco, Deco::List | Deco::Plain) {
                        self.near_miss(line, trimmed, why);
                    }
                }
            }
            Verdict::Prose(why) => {
                if code == Code::No {
                    self.near_miss(line, trimmed, why);
                }
            }
            Verdict::No => {}
        }
        if self.may_divide(deco)
            && let Some(d) = heading::divider_in(deco, rest)
            && self.takes_divider(d, indent, code)
        {
            self.start_divider(line, d.year, d.deco == Deco::Plain);
            if d.deco == Deco::Plain {
                self.outer = Some(indent);
            }
            return true;
        }
        false
    }

    fn near_miss(&mut self, line: &RawLine, trimmed: &'t str, why: &'static str) {
        self.near_miss_count += 1;
        if self.near_misses.len() < NEAR_MISSES_SHOWN {
            self.near_misses.push((line.number, trimmed, why));
        }
    }

    /// Whether a day heading inside a code block starts a day: only the
    /// plainest headings do, as they always have (an unclosed fence must not
    /// hide every day after it), and only in notes written so.
    fn ends_fence(&self, h: &DayHeading) -> bool {
        h.strict
            && matches!(
                self.open,
                Open::Leading | Open::Divider { .. } | Open::Day(Deco::Plain)
            )
    }

    /// A first look at whether a line of `deco` could be a divider here:
    /// a markdown heading only above the open day's level.
    fn may_divide(&self, deco: Deco) -> bool {
        match (deco, self.open) {
            (Deco::Atx(level) | Deco::Star(level), Open::Day(day)) => {
                same_family(day, deco) && day.level().is_some_and(|l| level <= l)
            }
            (Deco::Bold | Deco::List, _) => false,
            _ => true,
        }
    }

    /// Whether a divider ends the open day here: year lines in notes of
    /// plain days, headings above the level of markdown or org days.
    fn takes_divider(&self, d: heading::DividerLine, indent: usize, code: Code) -> bool {
        let deco = d.deco;
        let day = match self.open {
            Open::Day(deco) => Some(deco),
            _ => None,
        };
        match deco {
            Deco::Plain => {
                let plain_days = day.is_none_or(|d| d.level().is_none());
                let outermost = self.outer.map_or(indent == 0, |o| indent <= o);
                // Inside a fence too, as they always have.
                plain_days && outermost
            }
            Deco::Atx(level) | Deco::Star(level) => {
                code == Code::No
                    && indent == 0
                    && match day {
                        // Before the first day only a year heading is a
                        // divider (`# 2022` sets the year); other headings
                        // are the file's own title and text.
                        None => d.year.is_some(),
                        Some(day) => {
                            same_family(day, deco) && day.level().is_some_and(|l| level <= l)
                        }
                    }
            }
            Deco::Bold | Deco::List => false,
        }
    }

    /// Closes whatever is open at byte `end`.
    fn close(&mut self, end: usize) {
        let (start, line) = self.region;
        let span = Span::new(start, end, line);
        match self.open {
            Open::Leading => self.out.leading = span,
            Open::Divider { plain } => {
                if let Some(d) = self.out.dividers.last_mut() {
                    d.span = Span::new(d.span.start(), end, d.span.line());
                }
                let rest = span.slice(self.text);
                let after = rest.find('\n').map_or("", |i| &rest[i + 1..]);
                if plain && !after.trim().is_empty() {
                    self.warn(line + 1, "text after a year line belongs to no day".into());
                }
            }
            Open::Day(_) => {
                let built = self.day.finish(self.text, end);
                if let Some(day) = self.out.days.last_mut() {
                    day.preamble = built.preamble;
                    day.topics = built.topics;
                }
            }
        }
        if let Some(line) = self.fence.close() {
            self.warn(line, "code fence is never closed".into());
        }
    }

    fn open(&mut self, open: Open, line: &RawLine) {
        self.open = open;
        self.region = (line.end, line.number + 1);
    }

    /// Starts a day; false when the date is impossible (the line stays text).
    fn start_day(&mut self, line: &RawLine, h: DayHeading) -> bool {
        let d = h.date;
        let year = d.year.or_else(|| self.year.map(|y| self.carry(y, d.month)));
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
        self.close(line.start);
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
            && out_of_order(prev, date, self.rules.newest_first)
        {
            let (word, rule) = if self.rules.newest_first {
                ("before", "the days run newest first")
            } else {
                ("after", "out of order")
            };
            self.warn(
                line.number,
                format!("date {date} comes {word} {prev}: {rule}"),
            );
        }
        self.seen.day(&h);
        if self.out.days.is_empty() {
            self.headed = h.deco.level().is_some();
            self.first = Some(h.deco);
        }
        self.out.days.push(Day {
            source: 0,
            date,
            title: h.title.map(String::into_boxed_str),
            heading: line.span(),
            preamble: Span::empty(line.end, line.number + 1),
            topics: Vec::new(),
        });
        self.open(Open::Day(h.deco), line);
        self.day.begin(h.deco, line.end, line.number + 1);
        true
    }

    /// The year of a date without one, `month` coming after the last dated
    /// day in year `year`: a month that goes back (forward, in notes that
    /// run newest first) is a new year.
    fn carry(&self, year: i32, month: u32) -> i32 {
        match self.last_month {
            Some(last) if !self.rules.newest_first && month < last => year + 1,
            Some(last) if self.rules.newest_first && month > last => year - 1,
            _ => year,
        }
    }

    fn start_divider(&mut self, line: &RawLine, year: Option<i32>, plain: bool) {
        self.close(line.start);
        if let Some(year) = year {
            self.year = Some(year);
            self.last_month = None;
        }
        self.out.dividers.push(Divider {
            year,
            span: line.span(),
        });
        self.open = Open::Divider { plain };
        self.region = (line.start, line.number);
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

    fn finish(&mut self) {
        let leading = self.out.leading;
        if self.out.days.is_empty() {
            if !self.text.trim().is_empty() {
                self.warn(0, NO_DAYS.into());
            }
        } else if !leading.slice(self.text).trim().is_empty() && !self.headed {
            let line = first_text_line(self.text, leading);
            self.warn(line, "text before the first day heading".into());
        }
        self.warn_duplicates();
        let misses = std::mem::take(&mut self.near_misses);
        for &(line, shown, why) in &misses {
            self.warn(
                line,
                format!("{shown:?} looks like a day heading; read as text: {why}"),
            );
        }
        if self.near_miss_count > misses.len() {
            let more = self.near_miss_count - misses.len();
            let last = misses.last().map_or(0, |m| m.0);
            self.warn(
                last,
                format!("{more} more lines look like day headings and are read as text"),
            );
        }
        self.out.warnings.sort_by_key(|w| w.line);
    }
}

/// A quick look at the first byte: can this line start a day heading or a
/// divider at all? Most body lines are answered here.
fn may_start_heading(trimmed: &str) -> bool {
    let b = trimmed.as_bytes()[0];
    b.is_ascii_alphanumeric()
        || matches!(b, b'#' | b'*' | b'-' | b'+' | b'_' | b'[' | b'<')
        || trimmed.starts_with('第')
}

/// True when a heading of `deco` is of the same kind as the day's: markdown
/// with markdown, org with org.
fn same_family(day: Deco, deco: Deco) -> bool {
    matches!(
        (day, deco),
        (Deco::Atx(_), Deco::Atx(_)) | (Deco::Star(_), Deco::Star(_))
    )
}

/// True when `next` certainly comes before `prev` in time (after it, in
/// notes that run newest first). Without years a smaller month may be the
/// next year, so only days of one month compare.
fn out_of_order(prev: NoteDate, next: NoteDate, newest_first: bool) -> bool {
    let (a, b) = if newest_first {
        (next, prev)
    } else {
        (prev, next)
    };
    match (a.year, b.year) {
        (Some(_), Some(_)) => b < a,
        (None, None) => b.month == a.month && b.day < a.day,
        _ => false,
    }
}

/// The number of the first non-blank line of `span`.
fn first_text_line(text: &str, span: Span) -> usize {
    crate::notes::lines(span.slice(text))
        .position(|l| !l.trim().is_empty())
        .map_or(span.line(), |i| span.line() + i)
}
