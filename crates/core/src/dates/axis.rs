//! The notebook's days on a calendar line: each day's date as a day number,
//! resolving a [`DateExpr`] to a day, the nearest day with notes when there
//! is none on that date, and how much was written on each date.
//!
//! Days whose year the file never names are placed in an assumed year (from
//! `--year`, the config, the file's modification time, or this year), with
//! the parser's rollover: a month that goes backwards starts the next year.
//!
//! ```text
//!   8.22  8.23  8.24 ·····  8.30   9.1 ······ 9.11      days with notes
//!                      ▲ 8.25: no notes → 8.24, one day earlier
//! ```

use super::{DateExpr, civil_from_days, days_from_civil, days_in_month, is_valid};
use crate::notes::{NoteDate, Notebook};

/// A calendar date with its year.
pub type Civil = (i32, u32, u32);

/// The year used to place days whose year the notes never write, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AssumedYear {
    /// The year.
    pub year: i32,
    /// Where it comes from (`--year`, `config`, `file date`, `this year`).
    pub source: &'static str,
}

impl AssumedYear {
    /// The year for `nb`: `given` (from `--year` or the config, named by
    /// `given_source`), else the year its first file was last modified, else
    /// `this_year`.
    pub fn choose(
        given: Option<(i32, &'static str)>,
        nb: &Notebook,
        this_year: i32,
    ) -> AssumedYear {
        if let Some((year, source)) = given {
            return AssumedYear { year, source };
        }
        let modified = nb
            .sources
            .first()
            .and_then(|s| std::fs::metadata(&s.path).ok())
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map(|d| civil_from_days(i64::try_from(d.as_secs() / 86_400).unwrap_or(0)).0);
        match modified {
            Some(year) => AssumedYear {
                year,
                source: "file date",
            },
            None => AssumedYear {
                year: this_year,
                source: "this year",
            },
        }
    }
}

/// The days of a notebook as day numbers (days since 1970-01-01).
#[derive(Debug, Clone, Default)]
pub struct Axis {
    /// Each day's number, by day index.
    numbers: Vec<i64>,
    /// True when every day's year is written in the file (or was given).
    years_known: bool,
}

/// Where a date expression leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Landing {
    /// The index of the day to show.
    pub day: usize,
    /// When there are no notes on that date: what to say about the day
    /// shown instead (`no notes on 8.25 — showing 8.24, 1 day earlier`).
    pub note: Option<String>,
}

impl Axis {
    /// Places every day of `nb`; days without a year go in `assumed_year`
    /// (and the years after it, where the months roll over; before it, in
    /// notes that run newest first).
    pub fn new(nb: &Notebook, assumed_year: i32) -> Axis {
        let mut year = assumed_year;
        let mut last_month = 0;
        let mut years_known = true;
        let numbers = nb
            .days
            .iter()
            .map(|d| {
                let month = u32::from(d.date.month);
                let backwards = nb.sources.get(d.source).is_some_and(|s| s.newest_first);
                match d.date.year {
                    Some(y) => year = y,
                    None => {
                        years_known = false;
                        if backwards && last_month != 0 && month > last_month {
                            year -= 1;
                        } else if !backwards && month < last_month {
                            year += 1;
                        }
                    }
                }
                last_month = month;
                number(year, month, u32::from(d.date.day))
            })
            .collect();
        Axis {
            numbers,
            years_known,
        }
    }

    /// How many days are placed.
    pub fn len(&self) -> usize {
        self.numbers.len()
    }

    /// True when there are no days.
    pub fn is_empty(&self) -> bool {
        self.numbers.is_empty()
    }

    /// True when the notes give every day's year.
    pub fn years_known(&self) -> bool {
        self.years_known
    }

    /// The date of day `index` (its year assumed when the file has none).
    pub fn date(&self, index: usize) -> Option<Civil> {
        self.numbers.get(index).map(|&n| civil_from_days(n))
    }

    /// The day after day `index` in time, whatever the order of the file:
    /// the next one of the same date, else the first of the nearest later
    /// date.
    pub fn later(&self, index: usize) -> Option<usize> {
        let here = (*self.numbers.get(index)?, index);
        (0..self.numbers.len())
            .map(|i| (self.numbers[i], i))
            .filter(|key| *key > here)
            .min()
            .map(|(_, i)| i)
    }

    /// The day before day `index` in time (see [`Axis::later`]).
    pub fn earlier(&self, index: usize) -> Option<usize> {
        let here = (*self.numbers.get(index)?, index);
        (0..self.numbers.len())
            .map(|i| (self.numbers[i], i))
            .filter(|key| *key < here)
            .max()
            .map(|(_, i)| i)
    }

    /// The first day on `date`, if there are notes that day.
    pub fn day_on(&self, date: Civil) -> Option<usize> {
        let n = number(date.0, date.1, date.2);
        self.numbers.iter().position(|&m| m == n)
    }

    /// Resolves `expr` with the day at index `selected` selected and
    /// `today` as today's date. An error says why nothing moves.
    pub fn resolve(
        &self,
        expr: DateExpr,
        selected: usize,
        today: Civil,
    ) -> Result<Landing, String> {
        let Some(&here) = self.numbers.get(selected).or(self.numbers.first()) else {
            return Err("there are no days in these notes".into());
        };
        let target = match expr {
            DateExpr::Date {
                year: Some(y),
                month,
                day,
            } => number(y, month, day),
            DateExpr::Date {
                year: None,
                month,
                day,
            } => self.month_day(month, day, here),
            DateExpr::DayOfMonth(day) => {
                let (y, m, _) = civil_from_days(here);
                if day > days_in_month(Some(y), m) {
                    return Err(format!(
                        "{day}: month {m} has {} days",
                        days_in_month(Some(y), m)
                    ));
                }
                number(y, m, day)
            }
            DateExpr::FromToday(n) => number(today.0, today.1, today.2) + n,
            DateExpr::FromSelected(n) => here + n,
        };
        Ok(self.land(target))
    }

    /// The day number for a month and day written without a year: the day
    /// with notes on that date nearest to `here`, else that date in the
    /// year (among those the notes span) nearest to `here`.
    fn month_day(&self, month: u32, day: u32, here: i64) -> i64 {
        let on_date = self.numbers.iter().copied().filter(|&n| {
            let (_, m, d) = civil_from_days(n);
            (m, d) == (month, day)
        });
        if let Some(n) = on_date.min_by_key(|&n| (n - here).abs()) {
            return n;
        }
        let years = |n: i64| civil_from_days(n).0;
        let (first, last) = (
            self.numbers.iter().copied().min().map_or(0, years),
            self.numbers.iter().copied().max().map_or(0, years),
        );
        (first..=last)
            .filter(|&y| is_valid(Some(y), month, day))
            .map(|y| number(y, month, day))
            .min_by_key(|&n| (n - here).abs())
            // 2.29 with no leap year among them: the day after 2.28.
            .unwrap_or_else(|| number(years(here), month, 28) + 1)
    }

    /// The day with notes nearest to `date` (a tie goes to the later day).
    pub fn nearest(&self, (y, m, d): Civil) -> Option<usize> {
        self.nearest_to(number(y, m, d))
    }

    fn nearest_to(&self, target: i64) -> Option<usize> {
        (0..self.numbers.len()).min_by_key(|&i| {
            let gap = self.numbers[i] - target;
            // Nearest first; at equal distance the later day; then file order.
            (gap.abs(), gap < 0, i)
        })
    }

    /// The day with notes on day number `target`, or the nearest one (a tie
    /// goes forward), with a note saying so.
    fn land(&self, target: i64) -> Landing {
        let asked = civil_from_days(target);
        let Some(day) = self.nearest_to(target) else {
            return Landing { day: 0, note: None };
        };
        let gap = self.numbers[day] - target;
        let note = (gap != 0).then(|| {
            let (first, last) = (self.numbers.iter().min(), self.numbers.iter().max());
            let shown = self.label(civil_from_days(self.numbers[day]));
            let end = if Some(&target) < first {
                ", the first day"
            } else if Some(&target) > last {
                ", the last day"
            } else {
                ""
            };
            let n = gap.abs();
            let s = if n == 1 { "" } else { "s" };
            let side = if gap < 0 { "earlier" } else { "later" };
            format!(
                "no notes on {} — showing {shown}{end}, {n} day{s} {side}",
                self.label(asked)
            )
        });
        Landing { day, note }
    }

    /// A date as the notes would write it: `8.25`, or `2025-08-25` when the
    /// notes name their years.
    pub fn label(&self, (y, m, d): Civil) -> String {
        let year = self.years_known.then_some(y);
        let (Ok(month), Ok(day)) = (u8::try_from(m), u8::try_from(d)) else {
            return format!("{m}.{d}");
        };
        NoteDate { year, month, day }.to_string()
    }
}

/// Gives the days of `nb` the years a file that names none would have
/// starting in `year` (rolling over where the months go backwards), as
/// `--year` asks. Returns false, changing nothing, when some day already
/// has a year: the notes' own years win.
pub fn assume_year(nb: &mut Notebook, year: i32) -> bool {
    if nb.days.iter().any(|d| d.date.year.is_some()) {
        return false;
    }
    let axis = Axis::new(nb, year);
    for (i, day) in nb.days.iter_mut().enumerate() {
        day.date.year = axis.date(i).map(|(y, _, _)| y);
    }
    true
}

/// Day number of a date, clamping an impossible day to its month's end (a
/// heading's date is checked by the parser; this never panics on one that
/// slipped through).
fn number(year: i32, month: u32, day: u32) -> i64 {
    let month = month.clamp(1, 12);
    let day = day.clamp(1, days_in_month(Some(year), month));
    days_from_civil(year, month, day)
}

/// How much was written on each date, as a heat level per day index: 0 for
/// nothing (a heading alone), then 1 to 4 by quartile of the amounts in the
/// notebook. Days of the same date add up.
pub fn heat_levels(nb: &Notebook, axis: &Axis) -> Vec<u8> {
    let mut per_date: std::collections::HashMap<i64, usize> = Default::default();
    for (i, d) in nb.days.iter().enumerate() {
        let end = d
            .topics
            .last()
            .map_or(d.preamble.end(), |t| t.body().end().max(t.heading.end()));
        let written = end.saturating_sub(d.heading.end());
        *per_date.entry(axis.numbers[i]).or_default() += written;
    }
    let mut amounts: Vec<usize> = per_date.values().copied().filter(|&a| a > 0).collect();
    amounts.sort_unstable();
    let quartile = |q: usize| amounts.get(amounts.len() * q / 4).copied().unwrap_or(0);
    let cuts = [quartile(1), quartile(2), quartile(3)];
    axis.numbers
        .iter()
        .map(|n| match per_date.get(n).copied().unwrap_or(0) {
            0 => 0,
            a => 1 + cuts.iter().filter(|&&c| a >= c && c > 0).count() as u8,
        })
        .collect()
}

#[cfg(test)]
mod tests;
