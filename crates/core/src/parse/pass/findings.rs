//! What a pass reports once its lines are read: text before the first day,
//! duplicate dates, lines that look like day headings but were read as
//! text; and the order of days in a row.

use std::fmt::Write as _;

use super::Pass;
use crate::dates::Order;
use crate::notes::{Day, NoteDate, Span, Warning};
use crate::parse::NO_DAYS;
use crate::parse::rules::Stats;

/// Days from which the duplicate dates are found beside the rest of the
/// findings, on a thread of their own.
const MANY_DAYS: usize = 16_384;

/// The dates of `days` ([`date_key`]) with their lines, sorted: the days
/// whose date an earlier day already has follow it. Found on the dates
/// sorted, rather than with a map updated on every day: by counting when
/// the dates span a century or less ([`counted`]), else as numbers. Only
/// a key and a line are kept a day, not the pairs of duplicates: a file of
/// a million copies of one date has a million.
fn sorted_dates(days: &[Day]) -> Vec<(u64, u32)> {
    let dates = || {
        days.iter()
            .map(|d| (date_key(d.date), d.heading.line() as u32))
    };
    counted(dates, days.len()).unwrap_or_else(|| {
        let mut all: Vec<(u64, u32)> = dates().collect();
        all.sort_unstable();
        all
    })
}

/// The widest range of keys [`counted`] sorts: a bit over a century of
/// dates, the counts a quarter of a megabyte.
const COUNTED: u64 = 1 << 16;

/// The pairs of `dates` (`n` of them, their lines increasing) sorted by
/// counting each key, when the keys lie within [`COUNTED`] of each other:
/// the keys are placed in one walk, no comparison made, and the lines of
/// one key stay in the order they came. Notes span a few years (a
/// year-less file, a few hundred keys), where a comparison sort of
/// 130,000 dates takes milliseconds. `None` for a wider range.
fn counted<I>(dates: impl Fn() -> I, n: usize) -> Option<Vec<(u64, u32)>>
where
    I: Iterator<Item = (u64, u32)>,
{
    let (lo, hi) = dates().fold((u64::MAX, 0), |(lo, hi), (k, _)| (lo.min(k), hi.max(k)));
    if n == 0 || hi - lo >= COUNTED || u32::try_from(n).is_err() {
        return None;
    }
    // Where each key's pairs start: counted, then summed.
    let mut at = vec![0u32; (hi - lo) as usize + 2];
    for (k, _) in dates() {
        at[(k - lo) as usize + 1] += 1;
    }
    for i in 1..at.len() {
        at[i] += at[i - 1];
    }
    let mut out = vec![(0u64, 0u32); n];
    for (k, line) in dates() {
        let slot = &mut at[(k - lo) as usize];
        out[*slot as usize] = (k, line);
        *slot += 1;
    }
    Some(out)
}

impl Pass<'_> {
    /// Warns about each day whose date an earlier day already has
    /// (`dates` from [`sorted_dates`]), naming the line of the one before.
    fn warn_duplicates(&mut self, dates: &[(u64, u32)]) {
        for (i, pair) in dates.windows(2).enumerate() {
            if self.out.warnings.len() >= super::MAX_WARNINGS {
                // Past the cap a finding is only counted: the rest are
                // counted at once.
                let rest = dates[i..].windows(2).filter(|p| p[0].0 == p[1].0);
                self.unlisted += rest.count();
                return;
            }
            let [(before, first), (key, line)] = *pair else {
                continue;
            };
            if before == key {
                // Ten thousand of these in a year-less file of many years:
                // put together, not formatted.
                self.warn_with(line as usize, || {
                    let mut message = String::with_capacity(48);
                    message.push_str("duplicate date ");
                    key_date(key).push_to(&mut message);
                    message.push_str(" (also on line ");
                    let _ = write!(message, "{first})");
                    message
                });
            }
        }
    }

    /// Warns about days out of order, on the line that breaks the order:
    /// the day that goes back (`8.22`, `8.20`: the 8.20), or the one that
    /// jumped ahead of the days on both sides of it (`9.1`, `9.30`, `9.4`,
    /// `9.5`: the 9.30, a slip for 9.3).
    fn warn_order(&mut self, days: &[Day]) {
        let newest_first = self.rules.newest_first;
        let (word, back, rule) = if newest_first {
            ("before", "after", "the days run newest first")
        } else {
            ("after", "before", "out of order")
        };
        let ooo = |a: NoteDate, b: NoteDate| out_of_order(a, b, newest_first);
        for i in 1..days.len() {
            let (prev, prev_line) = (days[i - 1].date, days[i - 1].heading.line());
            let (date, line) = (days[i].date, days[i].heading.line());
            if !ooo(prev, date) {
                continue;
            }
            let fits_before = i < 2 || !ooo(days[i - 2].date, date);
            let jumped = days
                .get(i + 1)
                .is_some_and(|next| ooo(prev, next.date) && !ooo(date, next.date));
            if fits_before && jumped {
                self.warn_with(prev_line, || {
                    format!("date {prev} comes {back} {date}: {rule}")
                });
            } else {
                self.warn_with(line, || format!("date {date} comes {word} {prev}: {rule}"));
            }
        }
    }

    pub(super) fn finish(&mut self) {
        let leading = self.out.leading;
        if self.out.days.is_empty() && !self.text.trim().is_empty() {
            let note = self.no_days_note();
            if self.rules.findings {
                self.warn(0, note);
            } else {
                // Said by every command (the output is empty), so made
                // even where findings are not.
                self.out.warnings.push(Warning {
                    source: 0,
                    line: 0,
                    message: note,
                });
            }
        }
        if !self.rules.findings {
            return;
        }
        if !self.out.days.is_empty()
            && !self.headed
            && let Some(line) = first_text_line(self.text, leading)
        {
            self.warn(line, "text before the first day heading".into());
        }
        // The order is looked at while the duplicates are sorted out.
        let days = std::mem::take(&mut self.out.days);
        let dates = if days.len() >= MANY_DAYS {
            std::thread::scope(|s| {
                let finding = s.spawn(|| sorted_dates(&days));
                self.warn_order(&days);
                finding
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e))
            })
        } else {
            self.warn_order(&days);
            sorted_dates(&days)
        };
        self.out.days = days;
        self.warn_duplicates(&dates);
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
        if self.unlisted > 0 {
            self.out.warnings.insert(
                0,
                Warning {
                    source: 0,
                    line: 0,
                    message: format!(
                        "{} more findings not listed (the first {} are)",
                        self.unlisted,
                        super::MAX_WARNINGS
                    ),
                },
            );
        }
    }
}

/// How many lines that nearly were days the note of a file without days
/// names, and how much of each.
const NEAREST: usize = 3;
const NEAREST_CHARS: usize = 40;

impl Pass<'_> {
    /// What starts a day, with an example in the order the file writes its
    /// dates, and the file's own lines that nearly were days, and why not.
    fn no_days_note(&self) -> String {
        let mut orders = [0usize; 2];
        let mut nearest: Vec<(usize, &str, &str)> = Vec::new();
        for &(line, text, shape) in &self.candidate_misses {
            let why = shape
                .and_then(|s| self.seen.shapes.get(s))
                .map_or("a date written this way only once", Stats::why_not);
            nearest.push((line, text, why));
            if let Some(c) = crate::parse::heading::candidate(text, 0)
                && let Some(Order::Told(o) | Order::Guessed(o)) = c.heading.order
            {
                orders[o as usize] += 1;
            }
        }
        for &(line, text, why) in &self.near_misses {
            if nearest.len() < NEAREST && nearest.iter().all(|n| n.0 != line) {
                nearest.push((line, text, why));
            }
        }
        nearest.sort_by_key(|n| n.0);
        let [day_first, month_first] = self.seen.orders();
        let (day_first, month_first) = (day_first + orders[0], month_first + orders[1]);
        let mut note = if day_first > month_first {
            format!("{NO_DAYS_START} 22.08.2025, ## 22.08.2025, Montag 22.08.2025 {LEARNT}")
        } else if month_first > day_first {
            format!("{NO_DAYS_START} 08/22/2025, ## 08/22/2025, Friday 08/22/2025 {LEARNT}")
        } else {
            NO_DAYS.to_string()
        };
        for (i, (line, text, why)) in nearest.iter().take(NEAREST).enumerate() {
            let shown: String = text.chars().take(NEAREST_CHARS).collect();
            let more = if text.chars().count() > NEAREST_CHARS {
                "…"
            } else {
                ""
            };
            let lead = if i == 0 { "; nearly days: " } else { ", " };
            note.push_str(&format!("{lead}line {line} {shown:?}{more} ({why})"));
        }
        note
    }
}

/// A date as one number that sorts as dates sort (no year first, then by
/// year, month and day).
fn date_key(d: NoteDate) -> u64 {
    let year = d.year.map_or(0, |y| i64::from(y) - i64::from(i32::MIN) + 1) as u64;
    year << 9 | u64::from(d.month) << 5 | u64::from(d.day)
}

/// The date of a [`date_key`].
fn key_date(key: u64) -> NoteDate {
    let year = key >> 9;
    NoteDate {
        year: (year != 0).then(|| (year as i64 - 1 + i64::from(i32::MIN)) as i32),
        month: (key >> 5 & 0xF) as u8,
        day: (key & 0x1F) as u8,
    }
}

/// How the note of a file without days starts.
const NO_DAYS_START: &str = "no day heading found: a day starts with a line such as";

/// What the note says of a file's own day lines.
const LEARNT: &str = "(a way of writing dates counts once the file repeats it)";

/// True when day `next` goes back from `prev` (forwards, in notes that
/// run newest first). Without years a smaller month may well be the
/// next year, so only days of one month compare.
pub(super) fn out_of_order(prev: NoteDate, next: NoteDate, newest_first: bool) -> bool {
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

/// The number of the first line of `span` that is text: not blank, nor
/// an org file's settings (`#+title: …`, `#+STARTUP: …`), which belong to
/// the file, not to a day.
fn first_text_line(text: &str, span: Span) -> Option<usize> {
    crate::notes::lines(span.slice(text))
        .position(|l| {
            let l = l.trim();
            !l.is_empty() && !l.starts_with("#+")
        })
        .map(|i| span.line() + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys sort as the dates do, and give each date back.
    #[test]
    fn date_keys_sort_as_dates() {
        let d = |year, month, day| NoteDate { year, month, day };
        let mut dates = vec![
            d(Some(2024), 1, 2),
            d(None, 12, 31),
            d(Some(i32::MIN), 1, 1),
            d(Some(-5), 6, 7),
            d(None, 1, 1),
            d(Some(i32::MAX), 12, 31),
            d(Some(2024), 1, 1),
            d(Some(0), 2, 29),
        ];
        let mut by_key = dates.clone();
        dates.sort();
        by_key.sort_by_key(|&x| date_key(x));
        assert_eq!(by_key, dates);
        for x in dates {
            assert_eq!(key_date(date_key(x)), x);
        }
    }

    /// Counting gives what a sort gives, for keys of a few years, of no
    /// year, of one key, and leaves a range too wide to count to the sort.
    #[test]
    fn dates_counted_are_sorted() {
        let mut seed = 7u64;
        let mut next = move |m: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % m
        };
        let d = |year: Option<i32>, n: u64| NoteDate {
            year,
            month: (n % 12 + 1) as u8,
            day: (n % 28 + 1) as u8,
        };
        let ranges: [&dyn Fn(u64) -> NoteDate; 3] = [
            &|n| d(None, n),
            &|n| d(Some(2020 + (n % 7) as i32), n / 7),
            &|_| d(Some(1999), 3),
        ];
        for (r, date) in ranges.iter().enumerate() {
            for n in [1, 2, 50, 5000] {
                let pairs: Vec<(u64, u32)> = (0..n)
                    .map(|i| (date_key(date(next(1000))), 3 * i + 1))
                    .collect();
                let mut sorted = pairs.clone();
                sorted.sort_unstable();
                let got = counted(|| pairs.iter().copied(), pairs.len());
                assert_eq!(got.as_ref(), Some(&sorted), "range {r}, {n} dates");
            }
        }
        // Years far apart, or dates with and without a year: sorted.
        for wide in [
            [
                (date_key(d(Some(1), 0)), 1),
                (date_key(d(Some(3000), 0)), 2),
            ],
            [(date_key(d(Some(2024), 0)), 1), (date_key(d(None, 5)), 2)],
        ] {
            assert_eq!(counted(|| wide.iter().copied(), 2), None);
        }
        assert_eq!(counted(std::iter::empty, 0), None);
    }
}
