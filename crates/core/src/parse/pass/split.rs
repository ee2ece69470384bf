//! One pass read in pieces on several threads, with exactly the result of
//! the pass read whole.
//!
//! A pass carries state from line to line (what is open, a code fence, the
//! year, the file's first day…), so a piece cannot simply be read on its
//! own. Each piece but the first starts at a day heading at the margin,
//! one that names its year where there is one (`2023-01-10`): after such a
//! line little of the state comes from before it. The piece reads that
//! line with a guess of the rest (no fence open, the file's first day
//! written like this one), and says what state the line left. When the
//! piece before has read up to and through the same line, its state there
//! is compared with the piece's. Equal, the rest of the piece is read as
//! the whole pass would read it, and its result is taken; different (a
//! guess was wrong, the line was inside a fence, a year was carried into
//! it…), the piece is stopped and the pass before reads on by itself. So
//! the result is the whole pass's in every case; only the time differs.
//!
//! ```text
//! piece 0  ──────────────┤B1├
//! piece 1               ├B1├─────────────┤B2├
//! piece 2                               ├B2├──────── end
//!                        at each B: the state after line B, from both sides
//! ```
//!
//! What a pass gathers on the way is joined: the day started at B is the
//! later piece's (which completed it), findings are kept to the cap as one
//! pass keeps them, and the headings counted for the rules are added up
//! ([`Seen::merge`]).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{SyncSender, sync_channel};

use super::super::classify::Fence;
use super::super::heading::{self, DayHeading, Deco, Verdict};
use super::super::lines::{RawLine, count_ends, raw_lines_from, trim_end_ascii};
use super::super::rules::{Days, Rules, Seen};
use super::super::{NEAR_MISSES_SHOWN, Parsed};
use super::{Home, MAX_WARNINGS, Open, Pass, headings};
use crate::dates::HeadingDate;
use crate::notes::{Day, Divider, NoteDate};
use crate::parse::heading::Shape;

/// The least a piece holds: a text is cut only when each piece gets this
/// much. Starting a thread costs far less; but joining the pieces holds
/// two copies of the later pieces' list of days for a moment, which on a
/// small file of nothing but day lines (a million days in 8 MB) is most of
/// its memory.
pub const PIECE: usize = 8 << 20;

/// How far past a piece's planned start a day heading is looked for.
const LOOK: usize = 1 << 20;

/// A piece reads this much at a time between looks at whether it was
/// stopped.
const STEP: usize = 1 << 20;

/// The most pieces.
const MOST: usize = 8;

/// Where a piece starts: a day heading's line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cut {
    /// The line's first byte.
    at: usize,
    /// The next line's first byte.
    after: usize,
    /// The heading's decoration: the guess of how the file's first day is
    /// written.
    first: Deco,
}

/// The state after a line that decides how the rest is read: two passes
/// that agree on it read the rest alike.
#[derive(Debug, PartialEq)]
struct Carried {
    open: Open,
    region: (usize, usize),
    outer: Option<usize>,
    fence: Fence,
    year: Option<i32>,
    last_month: Option<u32>,
    month: Option<(Deco, u32)>,
    first: Option<Deco>,
    headed: bool,
    entries: Option<HeadingDate>,
    front_matter_end: usize,
    title_line: Option<usize>,
    next: (usize, usize),
    /// The last day (the one the next is ordered after, and which a
    /// close completes).
    last_day: Option<Day>,
    /// The open divider, which a close extends.
    last_divider: Option<Divider>,
    /// Candidate lines since the last day, which the next is held to.
    between: Vec<(Shape, NoteDate)>,
}

/// How many pieces to read a text of `len` bytes in, with `threads` at hand.
pub fn pieces(len: usize, threads: usize) -> usize {
    (len / PIECE).min(threads).clamp(1, MOST)
}

/// Reads `text` with `rules` in up to `pieces` pieces: the result of
/// `Pass::new(text, rules).run()`.
pub(in crate::parse) fn run(
    text: &str,
    home: Home<'_>,
    rules: Rules,
    pieces: usize,
) -> (Parsed, Seen) {
    let cuts = cuts_for(text, pieces, rules);
    run_cut(text, home, rules, &cuts).0
}

/// The cuts that split `text` into about `pieces` pieces of like size, at
/// day headings written as `rules` have the days written.
pub(in crate::parse) fn cuts_for(text: &str, pieces: usize, rules: Rules) -> Vec<Cut> {
    if pieces < 2 {
        return Vec::new();
    }
    // A piece is taken only when its first line is a day of the whole
    // pass: a dated line of another kind (`- 2024-01-03 deadline` under
    // `## 2024-01-02` days) would be read again by the piece before.
    let days = match rules.days {
        Days::Like(deco) => Some(deco),
        Days::LikeTheFirst => margin_days(text, 0).next().map(|(_, h)| h.deco),
    };
    let mut out: Vec<Cut> = Vec::new();
    for j in 1..pieces {
        let target = text.len() / pieces * j;
        let from = out.last().map_or(target, |c| c.after.max(target));
        let start = text
            .as_bytes()
            .get(from..)
            .and_then(|rest| memchr::memchr(b'\n', rest))
            .map(|i| from + i + 1);
        if let Some(cut) = start.and_then(|start| day_heading_from(text, start, days)) {
            out.push(cut);
        }
    }
    out
}

/// The first day heading at the margin from line start `start` on (within
/// [`LOOK`]) whose decoration is `deco`, the first that names its year
/// else the first; where there is none of that decoration (a file whose
/// first dated line is no day of it), or no `deco` is given, any day
/// heading, chosen the same way. One walk finds both.
fn day_heading_from(text: &str, start: usize, deco: Option<Deco>) -> Option<Cut> {
    // The first of `deco` without a year (one with a year is taken at
    // once), and of any decoration the first with a year and without.
    let mut own_yearless = None;
    let mut any: [Option<Cut>; 2] = [None, None];
    for (line, h) in margin_days(text, start) {
        let cut = Cut {
            at: line.start,
            after: line.end,
            first: h.deco,
        };
        let slot = usize::from(h.date.year.is_none());
        if deco.is_none_or(|d| d == h.deco) {
            if slot == 0 {
                return Some(cut);
            }
            own_yearless.get_or_insert(cut);
        }
        any[slot].get_or_insert(cut);
    }
    let [any_year, any_yearless] = any;
    own_yearless.or(any_year).or(any_yearless)
}

/// The lines from line start `start` on (within [`LOOK`]) that read as day
/// headings at the margin on their own, with their headings.
fn margin_days(text: &str, start: usize) -> impl Iterator<Item = (RawLine, DayHeading)> + '_ {
    raw_lines_from(text, start, 1)
        .take_while(move |line| line.start < start + LOOK)
        .filter_map(|line| {
            let raw = &text[line.start..line.content_end];
            let trimmed = trim_end_ascii(raw);
            if raw.starts_with([' ', '\t', '[']) || trimmed.is_empty() {
                return None;
            }
            let (deco, rest) = heading::peel(trimmed);
            if !heading::may_be_dated(rest) {
                return None;
            }
            match heading::day_heading_in(deco, rest) {
                Verdict::Day(h) => Some((line, h)),
                _ => None,
            }
        })
}

/// Cuts at the lines starting at each of `starts` (increasing line
/// starts), whatever those lines are: for tests, which hold every cut to
/// the whole pass's result.
pub(in crate::parse) fn cuts_at(text: &str, starts: &[usize]) -> Vec<Cut> {
    let mut out: Vec<Cut> = Vec::new();
    for &at in starts {
        let Some(line) = raw_lines_from(text, at, 1).next() else {
            continue;
        };
        if out.last().is_some_and(|c| c.after > at) {
            continue;
        }
        let trimmed = trim_end_ascii(text[line.start..line.content_end].trim_start());
        let first = match trimmed.is_empty() {
            true => Deco::Plain,
            false => heading::peel(trimmed).0,
        };
        out.push(Cut {
            at,
            after: line.end,
            first,
        });
    }
    out
}

/// How many days and dividers a pass had before a line.
type Mark = (usize, usize);

/// A piece read on its thread: the pass, and its [`Mark`] before its last
/// line (the next piece's first), unless it is the last piece.
type Read<'t> = (Pass<'t>, Option<Mark>);

/// A piece being read on its thread.
struct Running<'s, 't> {
    /// The state it had after its first line.
    started: std::sync::mpsc::Receiver<Carried>,
    handle: std::thread::ScopedJoinHandle<'s, Read<'t>>,
    stop: &'s AtomicBool,
}

/// Reads `text` cut at `cuts`; also says how many pieces were taken as
/// their threads read them (the others were read again by the piece
/// before).
pub(in crate::parse) fn run_cut<'t>(
    text: &'t str,
    home: Home<'t>,
    rules: Rules,
    cuts: &[Cut],
) -> ((Parsed, Seen), usize) {
    if cuts.is_empty() {
        return (Pass::new_in(text, home, rules).run(), 0);
    }
    let numbers = match home.text.filter(|h| std::ptr::eq(h.as_str(), text)) {
        // Counted when the bytes were checked, up to a quarter megabyte
        // before each cut.
        Some(home) => cuts.iter().map(|c| home.line_at(c.at)).collect(),
        None => None,
    };
    let numbers = numbers.unwrap_or_else(|| cut_numbers(text, cuts));
    let stops: Vec<AtomicBool> = cuts.iter().map(|_| AtomicBool::new(false)).collect();
    std::thread::scope(|s| {
        let mut running = Vec::with_capacity(cuts.len());
        for (j, &cut) in cuts.iter().enumerate() {
            let number = numbers[j];
            let next = cuts.get(j + 1).copied();
            let (tx, rx) = sync_channel(1);
            let stop = &stops[j];
            let handle = s.spawn(move || piece(text, home, rules, cut, number, next, &tx, stop));
            running.push(Running {
                started: rx,
                handle,
                stop,
            });
        }
        let mut pass = Pass::new_in(text, home, rules);
        let mut mark = pass.read_through(cuts[0]);
        let mut taken = 0;
        for (j, piece) in running.into_iter().enumerate() {
            // `pass` has read through the line of cut `j`; `mark` is what
            // it had before that line.
            let theirs = piece.started.recv().ok();
            if theirs.as_ref() == Some(&pass.carried()) {
                let (rest, rest_mark) = join(piece.handle);
                pass.absorb(rest, mark);
                taken += 1;
                if let Some(m) = rest_mark {
                    mark = (mark.0 + m.0, mark.1 + m.1);
                }
            } else {
                piece.stop.store(true, Ordering::Relaxed);
                if let Some(&next) = cuts.get(j + 1) {
                    mark = pass.read_through(next);
                }
            }
        }
        pass.read_to(text.len());
        (pass.end(), taken)
    })
}

/// The number of each cut's line: the line ends of the pieces before it,
/// each piece counted in two halves (split after a line end) on threads
/// of their own, the first half on this one: with two pieces, both cores
/// count.
fn cut_numbers(text: &str, cuts: &[Cut]) -> Vec<usize> {
    let starts: Vec<usize> = std::iter::once(0)
        .chain(cuts.iter().map(|c| c.at))
        .collect();
    let bytes = text.as_bytes();
    let mut halves: Vec<(usize, usize, usize)> = Vec::new();
    for (j, w) in starts.windows(2).enumerate() {
        let mid = w[0] + (w[1] - w[0]) / 2;
        let mid = memchr::memchr(b'\n', &bytes[mid..w[1]]).map_or(w[1], |i| mid + i + 1);
        halves.extend([(j, w[0], mid), (j, mid, w[1])]);
    }
    let counts: Vec<usize> = std::thread::scope(|s| {
        let counting: Vec<_> = halves[1..]
            .iter()
            .map(|&(j, from, to)| (j, s.spawn(move || count_ends(&bytes[from..to]))))
            .collect();
        let mut counts = vec![0; cuts.len()];
        let (j, from, to) = halves[0];
        counts[j] += count_ends(&bytes[from..to]);
        for (j, counted) in counting {
            counts[j] += join(counted);
        }
        counts
    });
    let mut number = 1;
    counts
        .iter()
        .map(|c| {
            number += c;
            number
        })
        .collect()
}

/// The result of a thread; its panic goes on here.
fn join<T>(handle: std::thread::ScopedJoinHandle<'_, T>) -> T {
    handle
        .join()
        .unwrap_or_else(|e| std::panic::resume_unwind(e))
}

/// Reads the piece from `cut` (whose line is number `number`) up to and
/// through the line of the `next` cut, or to the end, saying on `started`
/// the state its first line left; stops early when `stop` is set.
#[allow(
    clippy::too_many_arguments,
    reason = "one piece's whole setting, passed once"
)]
fn piece<'t>(
    text: &'t str,
    home: Home<'t>,
    rules: Rules,
    cut: Cut,
    number: usize,
    next: Option<Cut>,
    started: &SyncSender<Carried>,
    stop: &AtomicBool,
) -> Read<'t> {
    let mut pass = Pass::new_in(text, home, rules);
    pass.continued = true;
    pass.first = Some(cut.first);
    pass.headed = cut.first.level().is_some();
    pass.next = (cut.at, number);
    pass.read_to(cut.after);
    if started.send(pass.carried()).is_err() {
        return (pass, None);
    }
    pass.forget_gathered();
    let until = next.map_or(text.len(), |c| c.at);
    while pass.next.0 < until {
        if stop.load(Ordering::Relaxed) {
            return (pass, None);
        }
        pass.read_to(until.min(pass.next.0 + STEP));
    }
    let mark = next.map(|c| pass.read_through(c));
    (pass, mark)
}

impl<'t> Pass<'t> {
    /// Reads up to and through the line of `cut`; what there was before it.
    fn read_through(&mut self, cut: Cut) -> Mark {
        self.read_to(cut.at);
        let mark = (self.out.days.len(), self.out.dividers.len());
        self.read_to(cut.after);
        mark
    }

    fn carried(&self) -> Carried {
        Carried {
            open: self.open,
            region: self.region,
            outer: self.outer,
            fence: self.fence,
            year: self.year,
            last_month: self.last_month,
            month: self.month,
            first: self.first,
            headed: self.headed,
            entries: self.entries,
            front_matter_end: self.front_matter_end,
            title_line: self.title_line,
            next: self.next,
            last_day: self.out.days.last().cloned(),
            last_divider: match self.open {
                Open::Divider { .. } => self.out.dividers.last().copied(),
                _ => None,
            },
            between: self.between.clone(),
        }
    }

    /// Forgets what was gathered from the first line, which the piece
    /// before reads as well; keeps the day or divider it started.
    fn forget_gathered(&mut self) {
        self.out.warnings.clear();
        self.near_misses.clear();
        self.near_miss_count = 0;
        self.candidate_misses.clear();
        self.seen = Seen::default();
        self.unlisted = 0;
    }

    /// Takes on `later`, a piece that read on from the line this pass has
    /// just read, in the same state: its state, and what both gathered.
    /// `mark` is how many days and dividers there were before that line
    /// (the one the line started is the later piece's).
    fn absorb(&mut self, mut later: Pass<'t>, mark: (usize, usize)) {
        let mut days = std::mem::take(&mut self.out.days);
        days.truncate(mark.0);
        days.append(&mut later.out.days);
        let mut deferred = std::mem::take(&mut self.out.deferred);
        if !deferred.is_empty() || !later.out.deferred.is_empty() {
            deferred.truncate(mark.0);
            deferred.append(&mut later.out.deferred);
        }
        let mut dividers = std::mem::take(&mut self.out.dividers);
        dividers.truncate(mark.1);
        dividers.append(&mut later.out.dividers);
        let leading = match self.open {
            Open::Leading => later.out.leading,
            _ => self.out.leading,
        };
        // Kept to the cap as one pass keeps them: in order, the rest counted.
        let mut warnings = std::mem::take(&mut self.out.warnings);
        let room = MAX_WARNINGS.saturating_sub(warnings.len());
        let over = later.out.warnings.len().saturating_sub(room);
        later.out.warnings.truncate(room);
        warnings.append(&mut later.out.warnings);
        let mut near_misses = std::mem::take(&mut self.near_misses);
        let room = NEAR_MISSES_SHOWN.saturating_sub(near_misses.len());
        near_misses.extend(later.near_misses.drain(..).take(room));
        let mut candidate_misses = std::mem::take(&mut self.candidate_misses);
        let room = headings::CANDIDATE_MISSES.saturating_sub(candidate_misses.len());
        candidate_misses.extend(later.candidate_misses.drain(..).take(room));
        let seen = std::mem::take(&mut self.seen).merge(std::mem::take(&mut later.seen));
        *self = Pass {
            out: Parsed {
                leading,
                dividers,
                days,
                warnings,
                newest_first: self.out.newest_first,
                // Worked out from the whole file's counts, after the pass.
                unsure_dates: [0; 2],
                deferred,
            },
            seen,
            near_misses,
            near_miss_count: self.near_miss_count + later.near_miss_count,
            candidate_misses,
            unlisted: self.unlisted + later.unlisted + over,
            continued: self.continued,
            ..later
        };
    }
}
