//! The pass over a text's lines: what is open (text before the first day,
//! a divider, a day), fences, the year carried from day to day. Which
//! lines start days and dividers is in [`headings`]; the findings made at
//! the end in [`findings`].

mod daily;
mod findings;
mod headings;
pub(super) mod split;

use super::Parsed;
use super::classify::Fence;
use super::day::{DayLine, DayReader};
use super::heading::{self, DayHeading, Deco};
use super::lines::{self, RawLine, raw_lines_from, trim_end_ascii};
use super::rules::{self, Rules, Seen, Topics};
use super::{deep, ends};
use crate::dates;
use crate::notes::{Day, Divider, NoteDate, SourceText, Span, Warning};

/// What the lines being read belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Open {
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

pub(super) struct Pass<'t> {
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
    /// The month a heading named with its year (`# April 2023`), and that
    /// heading's decoration: deeper headings under it may be its days,
    /// written by their day alone (`## 3rd`).
    month: Option<(Deco, u32)>,
    /// The first lines that look like day headings but are read as text,
    /// and why; and how many there are in all.
    near_misses: Vec<(usize, &'t str, &'static str)>,
    near_miss_count: usize,
    /// The first candidate day lines whose shape was not taken, with it.
    candidate_misses: Vec<(usize, &'t str, Option<heading::Shape>)>,
    /// Candidate lines (not days) since the last day heading, with their
    /// dates: the next day tells whether they fall between the two.
    between: Vec<(heading::Shape, NoteDate)>,
    /// The decoration of the file's first day, once there is one.
    first: Option<Deco>,
    /// The first day is a markdown or org heading: text before it is the
    /// file's title and introduction, as such files have.
    headed: bool,
    /// The date of the open day when it is a day of journal entries.
    entries: Option<dates::HeadingDate>,
    /// Lines that start before this byte are the file's front matter: read
    /// as code (nothing in them is a heading).
    front_matter_end: usize,
    /// The start of the title line of a daily file: read as code.
    title_line: Option<usize>,
    /// Findings past [`MAX_WARNINGS`], counted, not kept.
    unlisted: usize,
    /// The byte and the number of the next line to read.
    next: (usize, usize),
    /// A pass that starts inside the text, told the file's first day
    /// ([`split`]): its own first day is not the file's.
    continued: bool,
}

/// The most findings kept for one text: a file of a million odd lines
/// (a million copies of one date) would otherwise hold a million messages.
/// The rest are counted in one last finding.
pub const MAX_WARNINGS: usize = 10_000;

/// What a pass makes its topics in: the shared text their titles are kept
/// as places in (`text`; without, each topic keeps copies), and, for a
/// search, the starts of the lines it found (`holding`, increasing): only
/// the topics that hold one are made, the others counted. A line is placed
/// by the last node that starts at or before it, so a topic without one
/// changes no line's place.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Home<'t> {
    pub text: Option<&'t SourceText>,
    pub holding: Option<&'t [u32]>,
}

impl<'t> Home<'t> {
    /// Titles kept in `text`, every topic made.
    pub fn of(text: Option<&'t SourceText>) -> Self {
        Home {
            text,
            holding: None,
        }
    }
}

impl<'t> Pass<'t> {
    pub(super) fn new(text: &'t str, rules: Rules) -> Self {
        Pass::new_in(text, Home::default(), rules)
    }

    /// [`Pass::new`] over the text of `home` (`text` is it), whose topics
    /// keep their titles as places in it ([`crate::notes::Topic::in_text`]).
    pub(super) fn new_in(text: &'t str, home: Home<'t>, rules: Rules) -> Self {
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
            day: DayReader::new(rules.sections)
                .counting(rules.topics == Topics::Counted)
                .home(home.text)
                .holding(home.holding),
            year: None,
            last_month: None,
            month: None,
            near_misses: Vec::new(),
            near_miss_count: 0,
            candidate_misses: Vec::new(),
            between: Vec::new(),
            first: None,
            headed: false,
            entries: None,
            front_matter_end: 0,
            title_line: None,
            unlisted: 0,
            next: (0, 1),
            continued: false,
        }
    }

    pub(super) fn run(mut self) -> (Parsed, Seen) {
        self.read_to(self.text.len());
        self.end()
    }

    /// Reads the lines from the next one up to byte `to` (a line start or
    /// the end of the text). Where the lines to come may be deep body
    /// lines that change nothing, they are passed over ([`deep`]): without
    /// sections, whole runs of them at once, and the reading starts again
    /// after them; with sections (where runs are a few lines long, between
    /// bold lines), one line at a time, each told from its first and last
    /// bytes.
    fn read_to(&mut self, to: usize) {
        let masks = ends::Masks::fastest();
        'read: loop {
            let (from, number) = self.next;
            let mut deep = None;
            for line in raw_lines_from(self.text, from, number) {
                if line.start >= to {
                    break 'read;
                }
                if let Some(depth) = deep
                    && deep::passes_line(self.text, &line, depth)
                {
                    self.day.passed(1);
                    self.next = (line.end, line.number + 1);
                    continue;
                }
                self.line(&line);
                self.next = (line.end, line.number + 1);
                deep = self.deep_from(line.end);
                if let Some(depth) = deep
                    && !self.rules.sections
                {
                    let bytes = self.text.as_bytes();
                    let (at, passed) = deep::pass_deep(masks, bytes, line.end, to, depth);
                    if passed > 0 {
                        self.day.passed(passed);
                        self.next = (at, line.number + 1 + passed);
                        continue 'read;
                    }
                }
            }
            break;
        }
    }

    /// The indentation beyond which the lines from byte `at` on change
    /// nothing but the count of lines the open day has seen, when the
    /// reading is at such a place: in a day whose topics' indentation is
    /// known ([`DayReader::deep_from`]), deeper than the day headings,
    /// outside code, front matter and a daily note's title line.
    #[inline]
    fn deep_from(&self, at: usize) -> Option<usize> {
        let Open::Day(_) = self.open else {
            return None;
        };
        if self.fence.is_open()
            || at < self.front_matter_end
            || self.title_line.is_some_and(|t| t >= at)
        {
            return None;
        }
        Some(self.day.deep_from()?.max(self.outer?))
    }

    /// Closes what is open at the end of the text and makes the findings.
    fn end(mut self) -> (Parsed, Seen) {
        let len = self.text.len();
        self.close(len);
        self.finish();
        (self.out, self.seen)
    }

    fn warn(&mut self, line: usize, message: String) {
        self.warn_with(line, || message);
    }

    /// [`Pass::warn`] with the message made only when it is kept: past
    /// the cap a finding is counted, and a file of a hundred thousand
    /// repeated dates would otherwise format a hundred thousand messages
    /// for nothing.
    fn warn_with(&mut self, line: usize, message: impl FnOnce() -> String) {
        if !self.rules.findings {
            return;
        }
        if self.out.warnings.len() >= MAX_WARNINGS {
            self.unlisted += 1;
            return;
        }
        self.out.warnings.push(Warning {
            source: 0,
            line,
            message: message(),
        });
    }

    fn line(&mut self, line: &RawLine) {
        let text = self.text;
        let raw = &text[line.start..line.content_end];
        let (indent, ws, mixed) = lines::indentation(raw);
        let trimmed = trim_end_ascii(&raw[ws..]);
        if mixed && !trimmed.is_empty() && lines::mixes(&raw[..ws]) {
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
        // A daily note's front matter and title line are read as code, as
        // is what a fence holds.
        let hidden = line.start < self.front_matter_end || self.title_line == Some(line.start);
        let code = if hidden || (!trimmed.is_empty() && self.fence.track(line.number, trimmed)) {
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
        // nothing to learn from them. A day of journal entries is read
        // whole even in a sketch (its topics come from this pass).
        if let Open::Day(_) = self.open
            && !trimmed.is_empty()
            && (self.rules.topics != Topics::Later || self.entries.is_some())
        {
            self.day
                .line(&DayLine::new(line, indent, trimmed, code == Code::Yes));
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
                    day.counted = built.counted;
                }
            }
        }
        if let Some(line) = self.fence.close() {
            self.warn(line, "code fence is never closed".into());
        }
    }

    /// Starts a day at its heading line; false when the date is impossible
    /// (the line stays text).
    fn start_day(&mut self, line: &RawLine, h: DayHeading) -> bool {
        self.start_day_at(line, h, false)
    }

    /// Starts a day; with `entries`, a day of journal entries whose first
    /// entry is `line` (the day has no heading line of its own).
    fn start_day_at(&mut self, line: &RawLine, h: DayHeading, entries: bool) -> bool {
        let d = h.date;
        let year = d.year.or_else(|| self.year.map(|y| self.carry(y, d.month)));
        // Carried past four digits a date could not be written back (`show
        // 10000-01-02`): it stays at the last (or first) year. A year
        // written so is no date at all (below).
        let year = match year {
            Some(y) if d.year.is_none() && !(1..=dates::MAX_YEAR).contains(&y) => {
                let kept = y.clamp(1, dates::MAX_YEAR);
                self.warn(
                    line.number,
                    format!("the year would roll past {kept}: kept at it"),
                );
                Some(kept)
            }
            y => y,
        };
        if let Some(why) = dates::why_impossible(year, d.month, d.day) {
            let raw = &self.text[line.start..line.content_end];
            let shown = written_date(raw, d).map_or_else(
                || match year {
                    Some(y) => format!("{y}-{}-{}", d.month, d.day),
                    None => format!("{}.{}", d.month, d.day),
                },
                str::to_string,
            );
            self.warn(
                line.number,
                format!("impossible date {shown} ({why}): kept as text"),
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
        let weekday = h
            .weekday
            .or_else(|| h.title.as_deref().and_then(heading::title_weekday));
        if let (Some(w), Some(y)) = (weekday, year) {
            let actual = dates::weekday(y, d.month, d.day);
            if actual != u32::from(w) {
                self.warn_with(line.number, || {
                    format!(
                        "{date} is a {}, but the line says {}",
                        dates::WEEKDAY_NAMES[actual as usize],
                        dates::WEEKDAY_NAMES[usize::from(w)]
                    )
                });
            }
        }
        if h.shape.is_none() {
            self.place_between(date);
        }
        self.seen.day(&h);
        if self.out.days.is_empty() && !self.continued {
            self.headed = h.deco.level().is_some();
            self.first = Some(h.deco);
        }
        let (heading, start) = if entries {
            (
                Span::empty(line.start, line.number),
                (line.start, line.number),
            )
        } else {
            (line.span(), (line.end, line.number + 1))
        };
        if self.rules.topics == Topics::Later {
            self.out.deferred.push((!entries).then_some(h.deco));
        }
        self.out.days.push(Day {
            source: 0,
            date,
            title: h.title.map(String::into_boxed_str),
            heading,
            preamble: Span::empty(start.0, start.1),
            topics: Box::default(),
            counted: 0,
        });
        self.open = Open::Day(h.deco);
        self.region = start;
        if entries {
            self.entries = Some(h.date);
            self.day.begin_entries(start.0, start.1);
        } else {
            self.entries = None;
            self.day.begin(h.deco, start.0, start.1);
        }
        true
    }

    /// Counts the candidate lines read since the last day that do not fall
    /// between it and the day at `date`.
    fn place_between(&mut self, date: NoteDate) {
        let prev = self.out.days.last().map(|d| d.date);
        for (shape, c) in std::mem::take(&mut self.between) {
            if let Some(prev) = prev
                && !rules::falls_between(prev, c, date)
            {
                self.seen.shapes.conflict(shape);
            }
        }
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

    /// Starts a divider (a year line, a heading above the days, a group),
    /// naming `year` and, in a heading of a month, `month` (its
    /// decoration and number).
    fn start_divider(
        &mut self,
        line: &RawLine,
        (year, month): (Option<i32>, Option<(Deco, u32)>),
        plain: bool,
    ) {
        self.close(line.start);
        self.entries = None;
        self.month = month;
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
}

/// with markdown, org with org.
fn same_family(day: Deco, deco: Deco) -> bool {
    matches!(
        (day, deco),
        (Deco::Atx(_), Deco::Atx(_)) | (Deco::Star(_), Deco::Star(_))
    )
}

/// The date `d` as `line` writes it (`0000-00-00`, `2024.13.01`): the
/// first place in the line a date of those numbers is read from.
fn written_date(line: &str, d: dates::HeadingDate) -> Option<&str> {
    line.char_indices()
        .filter(|&(_, c)| c.is_ascii_digit() || c.is_alphabetic() || c == '<' || c == '[')
        .find_map(|(i, _)| {
            let w = dates::leading_date(&line[i..])?;
            (w.date == d).then(|| &line[i..i + w.len])
        })
}
