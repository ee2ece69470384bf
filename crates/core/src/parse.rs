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
//!
//! Besides the heading forms it knows, a file teaches the parser its own
//! day lines: lines that start with a date after a short decoration, whose
//! shape the file repeats in date order ([`rules`]).

mod classify;
mod day;
mod deep;
mod divider;
pub mod ends;
mod entry;
pub mod heading;
mod lines;
mod pass;
pub mod rules;
mod sections;
mod trim;

use crate::notes::Day;
use crate::notes::{Divider, SourceText, Span, Warning};
pub use classify::{bold_inner, clean_title, numbered};
pub use lines::count_ends;
pub use pass::MAX_WARNINGS;
use pass::{Home, Pass, split};
use rules::Rules;

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
    /// Dates with the year last that could be day or month first, nothing
    /// in the file telling which: how many were read day first, how many
    /// month first (see [`crate::dates::Order`]).
    pub unsure_dates: [usize; 2],
    /// Of a [`Sketch`]: the heading decoration of each day whose topics
    /// are still to read (`None` for a day read whole: journal entries).
    /// Empty otherwise.
    deferred: Vec<Option<heading::Deco>>,
}

/// How many lines `check` names that look like day headings but are read
/// as text; the rest are counted in one more warning.
pub const NEAR_MISSES_SHOWN: usize = 20;

/// The finding of a text that has lines but no day: what starts a day.
pub const NO_DAYS: &str = "no day heading found: a day starts with a line such as 8.22:, \
2025-08-22, ## 2024-01-02, ### Day 3: March 5, 2024, 2024年1月2日 星期二 or - 2024-01-02";

/// Parses the text of a daily note, a file named by its date
/// (`2024-01-02.md`, whose `date` has its year): the whole file is that
/// day; `name_title` is what the name says after the date (`review` in
/// `2024-01-05 review.md`). See [`pass::daily`](pass) for its title and
/// front matter. Dates written in it as markdown headings still start days
/// of their own. It makes what `wanted` says.
pub fn parse_daily(
    text: &SourceText,
    date: crate::dates::HeadingDate,
    name_title: Option<&str>,
    wanted: Wanted,
) -> Parsed {
    let rules = Rules {
        days: rules::Days::Like(heading::Deco::Atx(6)),
        ..wanted.first_rules()
    };
    let mut pass = Pass::new_in(text, Home::of(Some(text)), rules);
    pass.begin_file_day(date, name_title);
    pass.run().0
}

/// Parses a whole notes text: a large one in pieces on the threads the
/// machine has, with the same result as [`parse_in_one`] (see
/// [`pass::split`](pass)).
pub fn parse(text: &str) -> Parsed {
    parse_deep(text, true)
}

/// [`parse`] without looking for section headings in topic bodies when
/// `sections` is false: every topic's sections are empty, all else is the
/// same. For callers that show days and topics alone.
pub fn parse_deep(text: &str, sections: bool) -> Parsed {
    parse_in(text, Home::default(), Wanted::sections(sections))
}

/// What a parse makes beside the days and their topics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wanted {
    /// The section headings in topic bodies.
    pub sections: bool,
    /// The findings ([`crate::notes::Warning`]), for a caller that shows
    /// them; without, only a text without days is noted.
    pub findings: bool,
    /// The topics themselves; without, each day's topics are only counted
    /// ([`Day::counted`]), for a caller that shows their number alone.
    /// (A sketch reads its topics later, and ignores this.)
    pub topics: bool,
}

impl Wanted {
    /// Sections as `sections` says, the findings and the topics.
    pub fn sections(sections: bool) -> Wanted {
        Wanted {
            sections,
            findings: true,
            topics: true,
        }
    }

    /// The rules of a first pass that makes what this says, reading the
    /// topics as it goes.
    fn first_rules(self) -> Rules {
        Rules {
            // Topics only counted have no sections to find.
            sections: self.sections && self.topics,
            findings: self.findings,
            topics: if self.topics {
                rules::Topics::Made
            } else {
                rules::Topics::Counted
            },
            ..Rules::default()
        }
    }
}

/// [`parse_deep`] of a source's text, its topics keeping their titles as
/// places in it rather than copies ([`crate::notes::Topic::in_text`]):
/// what loading a file does.
pub fn parse_source(text: &SourceText, sections: bool) -> Parsed {
    parse_wanted(text, Wanted::sections(sections))
}

/// [`parse_source`] making what `wanted` says.
pub fn parse_wanted(text: &SourceText, wanted: Wanted) -> Parsed {
    parse_in(text, Home::of(Some(text)), wanted)
}

/// [`parse_wanted`] for a search that found the lines starting at
/// `holding` (byte offsets, increasing): the topics that hold none of them
/// are counted, not made. Each line is placed where the whole parse
/// places it; the days keep every topic that holds a line, with its
/// sections.
pub fn parse_holding(text: &SourceText, wanted: Wanted, holding: &[u32]) -> Parsed {
    let home = Home {
        text: Some(text),
        holding: Some(holding),
    };
    parse_in(text, home, wanted)
}

fn parse_in(text: &str, home: Home<'_>, wanted: Wanted) -> Parsed {
    let pieces = pieces_for(text);
    parse_from(text, wanted.first_rules(), |t, rules| {
        split::run(t, home, rules, pieces)
    })
}

/// The days of a text, found by the whole pass, their topics not yet read
/// (journal entries excepted, which the pass itself makes topics of): the
/// lines inside a day are most of a parse's cost, and a search that only
/// needs the topics of the days it found lines in reads those alone
/// ([`Sketch::complete`]).
///
/// ```text
/// sketch:    8.22 ─ 8.23 ─ 8.24 ─ 8.30 …   every day, dated and placed
/// complete:         8.23 › 1. SSE › …      the topics of the days asked for
/// ```
#[derive(Debug)]
pub struct Sketch {
    parsed: Parsed,
    sections: bool,
}

/// Sketches `text`: every day, divider and finding [`parse_deep`] gives,
/// the days' topics read later, for the days asked for.
pub fn sketch(text: &str, sections: bool) -> Sketch {
    sketch_wanted(text, Wanted::sections(sections))
}

/// [`sketch`] making what `wanted` says.
pub fn sketch_wanted(text: &str, wanted: Wanted) -> Sketch {
    let pieces = pieces_for(text);
    let first = Rules {
        topics: rules::Topics::Later,
        ..wanted.first_rules()
    };
    let parsed = parse_from(text, first, |t, rules| {
        split::run(t, Home::default(), rules, pieces)
    });
    Sketch {
        parsed,
        sections: wanted.sections,
    }
}

impl Sketch {
    /// The days found, in file order (their topics not yet read).
    pub fn days(&self) -> &[Day] {
        &self.parsed.days
    }

    /// The parse, with the topics of each day that holds one of the byte
    /// offsets `at` (increasing) read as [`parse_deep`] reads them, on
    /// every thread; other days keep no topics, their text wholly their
    /// preamble.
    pub fn complete(self, text: &str, at: &[usize]) -> Parsed {
        self.complete_in(text, None, at)
    }

    /// [`Sketch::complete`] for the sketch of a source's text, the topics
    /// keeping their titles as places in it ([`parse_source`]).
    pub fn complete_source(self, text: &SourceText, at: &[usize]) -> Parsed {
        self.complete_in(text, Some(text), at)
    }

    fn complete_in(self, text: &str, home: Option<&SourceText>, at: &[usize]) -> Parsed {
        let Sketch {
            mut parsed,
            sections,
        } = self;
        let deferred = std::mem::take(&mut parsed.deferred);
        let days = &mut parsed.days;
        // The days asked for, with their decoration.
        let wanted: Vec<(usize, heading::Deco)> = days_holding(days, at)
            .filter_map(|d| Some((d, (*deferred.get(d)?)?)))
            .collect();
        let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
        let part = wanted.len().div_ceil(threads.max(1)).max(256);
        let days_ref: &[Day] = days;
        let read: Vec<Vec<day::Built>> = std::thread::scope(|s| {
            let handles: Vec<_> = wanted
                .chunks(part)
                .map(|chunk| {
                    s.spawn(move || {
                        let mut reader = day::DayReader::new(sections).home(home);
                        chunk
                            .iter()
                            .map(|&(d, deco)| {
                                let p = days_ref[d].preamble;
                                let span = (p.start(), p.end(), p.line());
                                day::read_day(&mut reader, text, deco, span)
                            })
                            .collect()
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        for (&(d, _), built) in wanted.iter().zip(read.into_iter().flatten()) {
            days[d].preamble = built.preamble;
            days[d].topics = built.topics;
        }
        parsed
    }
}

/// The index of each of `days` (in file order) that holds one of the byte
/// offsets `at` (increasing), once: the day whose heading starts last at or
/// before it. The offsets and the days are walked together (a search of
/// every offset among a hundred thousand days would miss the cache at each).
pub fn days_holding<'a>(days: &'a [Day], at: &'a [usize]) -> impl Iterator<Item = usize> + 'a {
    let mut next = 0;
    let mut last = None;
    at.iter().filter_map(move |&x| {
        while next < days.len() && days[next].heading.start() <= x {
            next += 1;
        }
        let d = next.checked_sub(1)?;
        (last != Some(d)).then(|| {
            last = Some(d);
            d
        })
    })
}

/// How many pieces a text is parsed in on this machine.
fn pieces_for(text: &str) -> usize {
    if text.len() >= 2 * split::PIECE {
        std::thread::available_parallelism().map_or(1, |n| split::pieces(text.len(), n.get()))
    } else {
        1
    }
}

/// Parses a whole notes text on this thread alone.
pub fn parse_in_one(text: &str) -> Parsed {
    parse_with(text, |t, rules| Pass::new(t, rules).run())
}

/// Parses `text` in pieces cut at the lines starting at `starts` (line
/// starts, increasing), whatever those lines are: the result is
/// [`parse_in_one`]'s whatever the cuts. Also says how many pieces, over
/// both passes when there are two, were taken as read on their own thread
/// (a piece whose start the pass before does not reach in the same state
/// is read again). For tests that hold both.
pub fn parse_cut_at(text: &str, starts: &[usize]) -> (Parsed, usize) {
    let cuts = split::cuts_at(text, starts);
    let taken = std::cell::Cell::new(0);
    let parsed = parse_with(text, |t, rules| {
        let (out, n) = split::run_cut(t, Home::default(), rules, &cuts);
        taken.set(taken.get() + n);
        out
    });
    (parsed, taken.get())
}

/// How many pieces [`parse`] reads a text in on this machine, and how many
/// of them were taken as read on their own thread: for the benchmarks and
/// tests.
pub fn pieces_of(text: &str) -> (usize, usize) {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    pieces_in(text, split::pieces(text.len(), threads))
}

/// [`pieces_of`] for a text cut into `pieces` where [`parse`] would cut
/// it, whatever its size and the machine's threads: for tests, which
/// hold the cuts to fall where every piece is taken.
pub fn pieces_in(text: &str, pieces: usize) -> (usize, usize) {
    let cuts = split::cuts_for(text, pieces, Rules::default());
    let taken = std::cell::Cell::new(0);
    parse_with(text, |t, rules| {
        let (out, n) = split::run_cut(t, Home::default(), rules, &cuts);
        taken.set(taken.get() + n);
        out
    });
    (cuts.len() + 1, taken.get())
}

/// The first pass, and a second when the first shows the file's rules
/// are other than it guessed.
fn parse_with(text: &str, pass: impl Fn(&str, Rules) -> (Parsed, rules::Seen)) -> Parsed {
    parse_from(text, Rules::default(), pass)
}

/// [`parse_with`], the first pass under `first`.
fn parse_from(
    text: &str,
    first: Rules,
    pass: impl Fn(&str, Rules) -> (Parsed, rules::Seen),
) -> Parsed {
    debug_assert!(
        text.len() <= crate::notes::MAX_SOURCE_BYTES,
        "spans address at most 4 GiB; loading refuses more"
    );
    let (parsed, seen) = pass(text, first);
    let (mut parsed, seen) = match seen.settle(first) {
        Some(settled) => pass(text, settled),
        None => (parsed, seen),
    };
    parsed.unsure_dates = seen.unsure();
    parsed
}
