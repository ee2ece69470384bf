//! One day's lines → its preamble and topics, once the whole day is read.
//!
//! A day's topics are its shallowest items, of the first kind it has in
//! this order:
//!
//! ```text
//! ## 2024-01-02          under a markdown (or org) day heading:
//! ### SQL                1. the shallowest headings below it
//! 8.22:                  otherwise, at the day's outermost item indentation:
//!     1.tcp握手           2. numbered lines (unless a bold line or a time
//!                           comes first there: they are its sub-headings)
//! **Today's Progress**:  3. bold-only lines
//! 09:00 standup          4. times of day
//! - [[Kubernetes]] pods  5. list items
//! ■ 作業  --看论文  ①      6. lines that start with a mark ([`marks`]): the
//!                           first mark of the day (`■` over the `・` under it)
//! [Rust](https://…)      7. lines that are only a link
//! ```
//!
//! Before 2 to 7 come lines of text standing further out than every item
//! (or in a day without items), two or more, each over deeper lines and
//! none without: `Borrow checker` over its indented bullets. They are
//! known only from the line under them, so they are never the first
//! guess below: such a day is read again.
//!
//! Numbered lines nested under a bullet are deeper than the bullet, so they
//! are not at the outermost indentation; a numbered list that follows a
//! line of text after the day's first bullet is that bullet's list. A numbered list that starts again
//! at 1 inside a topic whose text stands as far out as the topics (not
//! indented under it) is a list of that topic's body, and so are the
//! numbers that count on from it; under an indented body, a second `1.` is
//! a topic whose number was not changed.
//!
//! Inside a topic, section headings are found as before: deeper headings,
//! bold-only lines, and colon lines with deeper text under them
//! ([`super::sections`]).
//!
//! The kind can only be known at the day's end, but it is almost always
//! the kind of the first item: the lines are read as they come with that
//! guess, and in the rare day where the end proves it wrong (a shallower
//! item later, say), the day's lines are read again from the text. No line
//! is kept on the way.

mod kind;
mod marks;
mod tracker;

use std::borrow::Cow;

use super::classify::Fence;
use super::classify::{
    atx_heading, bold_inner, clean_title, ends_with_colon, is_list_or_table, numbered,
};
use super::heading::Deco;
use super::lines::{RawLine, indentation, raw_lines, trim_end_ascii};
use super::sections::{HeadingKind, SectionTree};
use crate::notes::{SourceText, Span, Topic};
use kind::{Kind, Numbering, Tracker, star_heading, topic_start};

/// One line of a day, measured once. Kept small (spans are 32-bit, as in
/// the model): a day's lines are copied once more than the rest of a parse.
#[derive(Debug, Clone, Copy)]
pub struct DayLine<'t> {
    /// The line without its indentation and trailing whitespace; empty for
    /// a blank line.
    pub trimmed: &'t str,
    /// The whole line, its terminator included.
    pub span: Span,
    /// Indentation in columns.
    pub indent: u32,
    /// A fence marker, or a line inside a fenced code block.
    pub code: bool,
}

impl<'t> DayLine<'t> {
    #[inline]
    pub fn new(raw: &RawLine, indent: usize, trimmed: &'t str, code: bool) -> Self {
        DayLine {
            trimmed,
            span: raw.span(),
            // Within a file under 4 GiB only a line of tabs could pass this.
            indent: indent.min(u32::MAX as usize) as u32,
            code,
        }
    }
}

/// A colon line waiting for its next non-blank line to decide whether it
/// heads a section.
struct PendingColon<'t> {
    indent: u32,
    title: &'t str,
    heading: Span,
}

/// Reads the open day's lines as they come; keeps its buffers from one day
/// to the next.
#[derive(Default)]
pub struct DayReader<'t> {
    sections: SectionTree<'t>,
    pending: Option<PendingColon<'t>>,
    deco: Option<Deco>,
    /// Where the day's text starts, and its first line.
    start: (usize, usize),
    tracker: Tracker,
    /// The kind the lines so far were read as; `None` before the first item.
    guess: Option<Kind>,
    /// A day of journal entries: its topics come from the parser.
    entries: bool,
    /// Where the first topic starts, once there is one.
    preamble_end: Option<usize>,
    open: Option<Head<'t>>,
    numbers: Numbering,
    topics: Vec<Topic>,
    /// The text the day is read from, where its topics keep their titles;
    /// without, each topic keeps copies.
    home: Option<SourceText>,
    /// Section headings are not looked for ([`Rules::sections`](super::rules::Rules)).
    without_sections: bool,
    /// Topics are counted in `counted`, not made ([`Topics::Counted`](super::rules::Topics)).
    counting: bool,
    counted: u32,
    /// The starts of the lines a search found, increasing: only the topics
    /// holding one are made, the others counted ([`DayReader::holding`]).
    holding: Option<&'t [u32]>,
    /// Where in `holding` the topics closed so far end: they close in
    /// text order, but for a day read again.
    held: usize,
}

/// The open topic: its number, title and heading line.
struct Head<'t> {
    number: Option<u32>,
    /// As written, when `raw` (its markers taken off only if the topic is
    /// made, [`clean_title`]), or as it is kept.
    title: Cow<'t, str>,
    raw: bool,
    heading: Span,
    starred: bool,
}

/// A day's preamble and topics, or their number when they were counted
/// and not made ([`crate::notes::Day::counted`]).
pub struct Built {
    pub preamble: Span,
    pub topics: Box<[Topic]>,
    pub counted: u32,
}

impl<'t> DayReader<'t> {
    /// A reader that finds section headings in topic bodies when
    /// `sections`.
    pub fn new(sections: bool) -> Self {
        DayReader {
            without_sections: !sections,
            ..DayReader::default()
        }
    }

    /// The reader, counting the topics and making none when `counting`
    /// (nor looking for their sections).
    pub fn counting(self, counting: bool) -> Self {
        DayReader {
            counting,
            without_sections: self.without_sections || counting,
            ..self
        }
    }

    /// The reader, making only the topics that hold one of the lines
    /// starting at `holding` (byte offsets, increasing) when it is given,
    /// and counting the others: a search's. A line is placed by the last
    /// node that starts at or before it, so a topic without one changes no
    /// line's place.
    pub fn holding(self, holding: Option<&'t [u32]>) -> Self {
        DayReader {
            holding,
            held: 0,
            ..self
        }
    }

    /// The reader, its topics' titles kept as places in `home` (the text
    /// the days are read from) when there is one.
    pub fn home(self, home: Option<&SourceText>) -> Self {
        DayReader {
            home: home.map(SourceText::fork),
            ..self
        }
    }

    /// Starts a day whose heading has `deco` and whose text starts at byte
    /// `start`, on line `line`.
    pub fn begin(&mut self, deco: Deco, start: usize, line: usize) {
        self.deco = Some(deco);
        self.start = (start, line);
        self.tracker = Tracker::default();
        self.guess = None;
        self.entries = false;
        self.restart();
    }

    /// Starts a day of journal entries at byte `start`, on line `line`: its
    /// topics are the entries the parser gives ([`DayReader::entry`]).
    pub fn begin_entries(&mut self, start: usize, line: usize) {
        self.begin(Deco::Plain, start, line);
        self.entries = true;
    }

    /// An entry of a day of entries: line `l`, titled `title`.
    pub fn entry(&mut self, l: &DayLine<'t>, title: Cow<'t, str>, starred: bool) {
        self.start_topic(
            l,
            Head {
                number: None,
                title,
                raw: false,
                heading: l.span,
                starred,
            },
        );
    }

    /// Forgets the topics read so far.
    fn restart(&mut self) {
        self.preamble_end = None;
        self.open = None;
        self.numbers = Numbering::default();
        self.topics.clear();
        self.counted = 0;
        self.sections.clear();
        self.pending = None;
    }

    /// The next non-blank line of the day.
    #[inline]
    pub fn line(&mut self, l: &DayLine<'t>) {
        let deco = self.deco.unwrap_or(Deco::Plain);
        if !l.code && !self.entries {
            self.tracker.see(l, deco);
            if self.guess.is_none() {
                let kind = self.tracker.kind();
                // Lines of text are known to head lines only once the
                // line under one is read: never a guess, the first was
                // read before it (the day is read again at its end).
                if !matches!(kind, Kind::None | Kind::Text(_)) {
                    self.guess = Some(kind);
                }
            }
        }
        let kind = self.guess.unwrap_or(Kind::None);
        self.step(l, kind, deco);
    }

    /// The indentation beyond which a line outside code changes nothing
    /// but the count of lines seen, when there is one: the day's topics
    /// are not headings (which may stand at any indentation), and their
    /// kind is guessed. The tracker looks no deeper than the outermost
    /// item, no topic starts deeper than the topics, and a numbered
    /// topic's body is "flat" only at their indentation. Where section
    /// headings are looked for, no colon line waits for the line under it
    /// (which would make it a heading), and the lines that may head a
    /// section are not among those passed ([`super::deep`]).
    pub fn deep_from(&self) -> Option<usize> {
        if self.entries
            || self.pending.is_some()
            || matches!(
                self.deco,
                Some(Deco::Atx(_) | Deco::Star(_) | Deco::List) | None
            )
        {
            return None;
        }
        let at = self.guess?.column()?;
        let base = self.tracker.outermost()?;
        Some(at.max(base) as usize)
    }

    /// `n` non-code lines deeper than [`DayReader::deep_from`] passed over.
    pub fn passed(&mut self, n: usize) {
        self.tracker.passed(n);
    }

    /// The day's preamble and topics, its text ending at byte `end` of
    /// `text`.
    pub fn finish(&mut self, text: &'t str, end: usize) -> Built {
        let deco = self.deco.take().unwrap_or(Deco::Plain);
        let kind = self.tracker.kind();
        if !self.entries && self.guess.unwrap_or(Kind::None) != kind {
            self.restart();
            let (start, line) = self.start;
            for l in day_lines(text, start, end, line) {
                self.step(&l, kind, deco);
            }
        }
        if let Some(head) = self.open.take() {
            self.close_topic(head, end);
        }
        let (start, line) = self.start;
        Built {
            preamble: Span::new(start, self.preamble_end.unwrap_or(end), line),
            // One allocation of the final size; the buffer is kept for the
            // next day.
            topics: self.topics.drain(..).collect(),
            counted: std::mem::take(&mut self.counted),
        }
    }

    /// Reads one line as a line of a day whose topics are of `kind`.
    #[inline]
    fn step(&mut self, l: &DayLine<'t>, kind: Kind, deco: Deco) {
        if l.trimmed.is_empty() {
            return;
        }
        if l.code {
            self.pending = None;
            if self.open.is_some() {
                self.numbers.note_body(l, kind);
            }
            return;
        }
        let in_topic = self.open.is_some();
        if let Some((number, rest)) = topic_start(l, kind, deco, &mut self.numbers, in_topic) {
            let head = Head {
                number,
                // Cleaned when the topic is made, not before it is known
                // to be.
                title: Cow::Borrowed(rest),
                raw: true,
                heading: l.span,
                starred: false,
            };
            return self.start_topic(l, head);
        }
        if in_topic {
            self.numbers.note_body(l, kind);
            if !self.without_sections {
                self.body_line(l, deco);
            }
        }
    }

    /// Closes what is open (the preamble, or a topic) at line `l`, which
    /// starts topic `head`.
    fn start_topic(&mut self, l: &DayLine<'t>, head: Head<'t>) {
        match self.open.take() {
            Some(open) => self.close_topic(open, l.span.start()),
            None => self.preamble_end = Some(l.span.start()),
        }
        self.numbers = Numbering::default();
        self.open = Some(head);
    }

    /// Closes topic `head` at byte `end`: made and kept, or counted.
    fn close_topic(&mut self, head: Head<'t>, end: usize) {
        if self.counting || !self.holds_a_line(head.heading.start(), end) {
            self.pending = None;
            self.sections.clear();
            self.counted = self.counted.saturating_add(1);
        } else {
            let topic = self.topic(head, end);
            self.topics.push(topic);
        }
    }

    /// Whether a line of `holding` starts in `start..end` (always, without
    /// `holding`).
    fn holds_a_line(&mut self, start: usize, end: usize) -> bool {
        let Some(lines) = self.holding else {
            return true;
        };
        let at = |k: usize| lines.get(k).map(|&l| l as usize);
        // A day read again goes back; a piece of the text starts far in.
        if self.held == 0 || at(self.held - 1).is_some_and(|l| l >= start) {
            self.held = lines.partition_point(|&l| (l as usize) < start);
        }
        while at(self.held).is_some_and(|l| l < start) {
            self.held += 1;
        }
        at(self.held).is_some_and(|l| l < end)
    }

    fn topic(&mut self, head: Head<'t>, end: usize) -> Topic {
        self.pending = None;
        let sections = self.sections.headings();
        let title = if head.raw {
            clean_title(&head.title)
        } else {
            &head.title
        };
        let mut topic = match &self.home {
            Some(home) => Topic::in_text(home, head.number, title, head.heading, end, sections),
            None => Topic::new(head.number, title, head.heading, end, sections),
        };
        topic.starred = head.starred;
        self.sections.clear();
        topic
    }

    /// Section detection inside a topic body.
    fn body_line(&mut self, l: &DayLine<'t>, deco: Deco) {
        let trimmed = l.trimmed;
        if let Some(p) = self.pending.take()
            && l.indent > p.indent
        {
            self.sections.push(HeadingKind::Colon, p.title, p.heading);
        }
        let heading = l.span;
        let first = trimmed.as_bytes()[0];
        if let Deco::Star(_) | Deco::List = deco
            && let Some((level, text)) = star_heading(trimmed)
        {
            self.sections
                .push(HeadingKind::Atx(level.min(6)), clean_title(text), heading);
            return;
        }
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
                indent: l.indent,
                title: clean_title(trimmed),
                heading,
            });
        }
    }
}

/// The preamble and topics of a day whose heading has `deco` and whose
/// text is `text[start..end]` from line `line` on, read by `reader` (kept
/// from day to day for its buffers) as the pass reads them (a sketched
/// day, see [`crate::parse::Sketch`]).
pub fn read_day<'t>(
    reader: &mut DayReader<'t>,
    text: &'t str,
    deco: Deco,
    (start, end, line): (usize, usize, usize),
) -> Built {
    reader.begin(deco, start, line);
    for l in day_lines(text, start, end, line) {
        // As the pass gives them: blank lines belong to what is before.
        if !l.trimmed.is_empty() {
            reader.line(&l);
        }
    }
    reader.finish(text, end)
}

/// The lines of a day's text again (`text[start..end]`, starting at line
/// `line`), measured as the parser measured them the first time.
fn day_lines(
    text: &str,
    start: usize,
    end: usize,
    line: usize,
) -> impl Iterator<Item = DayLine<'_>> {
    let mut fence = Fence::default();
    raw_lines(&text[start..end]).map(move |r| {
        let r = RawLine {
            start: start + r.start,
            content_end: start + r.content_end,
            end: start + r.end,
            number: line + r.number - 1,
            control: r.control,
        };
        let raw = &text[r.start..r.content_end];
        let (indent, ws, _) = indentation(raw);
        let trimmed = trim_end_ascii(&raw[ws..]);
        let code = !trimmed.is_empty() && fence.track(r.number, trimmed);
        DayLine::new(&r, indent, trimmed, code)
    })
}
