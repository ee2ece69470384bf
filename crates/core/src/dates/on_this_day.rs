//! "On this day": the days of the same date in earlier years, and what was
//! written about a week, a month and three months before, each the nearest
//! earlier day with notes within a window (a day or two off is still "a
//! week ago"; three weeks off is not).
//!
//! ```text
//!             3 months ago     1 month ago     1 week ago   date
//!   ──┬──────────[····●····]──────[··●··]────────[●]──────────┤
//!     2024-08-22 (1 year ago, same date)
//! ```

use super::{Axis, Civil, DateExpr, add_days, add_months, days_from_civil, days_in_month};

/// How far the day shown may be from the one asked for, per period.
const PERIODS: [(&str, i64, i32, i64); 3] = [
    ("1 week ago", -7, 0, 3),
    ("1 month ago", 0, -1, 10),
    ("3 months ago", 0, -3, 30),
];

/// One line of "on this day".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recalled {
    /// `1 year ago`, `1 week ago` …
    pub label: String,
    /// The date asked for.
    pub asked: Civil,
    /// The day shown: the nearest with notes, if one is near enough.
    pub day: Option<usize>,
}

/// What `date` recalls in the notes placed on `axis`.
pub fn on_this_day(axis: &Axis, date: Civil) -> Vec<Recalled> {
    let here = days_from_civil(date.0, date.1, date.2);
    let mut out = Vec::new();
    let mut years: Vec<(i32, usize)> = (0..axis.len())
        .filter_map(|i| axis.date(i).map(|d| (d, i)))
        .filter(|((y, m, d), _)| (*m, *d) == (date.1, date.2) && *y < date.0)
        .map(|((y, _, _), i)| (y, i))
        .collect();
    // The most recent year first; the first day of a date.
    years.sort_by_key(|&(y, i)| (std::cmp::Reverse(y), i));
    years.dedup_by_key(|(y, _)| *y);
    for (y, i) in years {
        let n = date.0 - y;
        let s = if n == 1 { "" } else { "s" };
        out.push(Recalled {
            label: format!("{n} year{s} ago"),
            asked: (y, date.1, date.2),
            day: Some(i),
        });
    }
    for (label, days, months, window) in PERIODS {
        let asked = add_months(add_days(date, days), months);
        let target = days_from_civil(asked.0, asked.1, asked.2);
        let day = (0..axis.len())
            .filter_map(|i| axis.date(i).map(|d| (days_from_civil(d.0, d.1, d.2), i)))
            .filter(|&(n, _)| n < here && (n - target).abs() <= window)
            .min_by_key(|&(n, i)| ((n - target).abs(), n < target, i))
            .map(|(_, i)| i);
        out.push(Recalled {
            label: label.to_string(),
            asked,
            day,
        });
    }
    out
}

/// The date a date expression names, counted from `today`: a month and
/// day without a year is in `year` (the notes' assumed year when they name
/// none, else this year).
pub fn date_of(expr: DateExpr, year: i32, today: Civil) -> Result<Civil, String> {
    let date = match expr {
        DateExpr::Date {
            year: Some(y),
            month,
            day,
        } => (y, month, day),
        DateExpr::Date {
            year: None,
            month,
            day,
        } => (year, month, day),
        DateExpr::DayOfMonth(day) => (today.0, today.1, day),
        DateExpr::FromToday(n) | DateExpr::FromSelected(n) => add_days(today, n),
    };
    if date.2 > days_in_month(Some(date.0), date.1) {
        return Err(format!("{}.{} is not a date in {}", date.1, date.2, date.0));
    }
    Ok(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::from_text;

    #[test]
    fn the_same_date_in_earlier_years_and_the_periods_before() {
        let text = "2023\n9.11\n    1.a\n2024\n9.11\n    1.b\n2025\n6.1\n    1.c\n8.12\n    1.d\n9.1\n    1.e\n9.11\n    1.f\n";
        let nb = from_text("t", text.into());
        let axis = Axis::new(&nb, 2000);
        let got: Vec<(String, Option<String>)> = on_this_day(&axis, (2025, 9, 11))
            .into_iter()
            .map(|r| (r.label, r.day.map(|d| nb.days[d].date.to_string())))
            .collect();
        let want = [
            ("1 year ago", Some("2024-09-11")),
            ("2 years ago", Some("2023-09-11")),
            // 9.4 asked: 9.1 is three days off.
            ("1 week ago", Some("2025-09-01")),
            // 8.11 asked: 8.12, a day later.
            ("1 month ago", Some("2025-08-12")),
            // 6.11 asked: 6.1 is ten days off, within thirty.
            ("3 months ago", Some("2025-06-01")),
        ];
        let want: Vec<(String, Option<String>)> = want
            .iter()
            .map(|(l, d)| (l.to_string(), d.map(String::from)))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn nothing_near_is_said_so() {
        let nb = from_text("seed", crate::SAMPLE.into());
        let axis = Axis::new(&nb, 2025);
        let got = on_this_day(&axis, (2026, 3, 1));
        assert_eq!(got.len(), 3);
        assert!(got.iter().all(|r| r.day.is_none()), "{got:?}");
        // 9.11: a week before is 9.4 → 9.1; a month before 8.11 → none
        // within ten days (8.22 is eleven days off).
        let got = on_this_day(&axis, (2025, 9, 11));
        assert_eq!(got[0].day, Some(4));
        assert_eq!(got[1].day, None);
    }
}
