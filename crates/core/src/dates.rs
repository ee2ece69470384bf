//! Dates as the notes write them: the heading forms (`8.22`, `2025-08-22`,
//! `8月22日` …), year lines, and calendar arithmetic (days in a month, the
//! weekday of a full date), the go-to-date language ([`expr`]) and the days of
//! a notebook on a calendar line ([`axis`]). Plain Rust, no UI crates.

pub mod axis;
pub mod expr;
pub mod on_this_day;
pub mod written;

pub use axis::{AssumedYear, Axis, Civil, Landing, assume_year, heat_levels};
pub use expr::{DateExpr, parse_expr};
pub use on_this_day::{Recalled, date_of, on_this_day};
pub use written::{
    DayOrder, Form, Order, Written, candidate_date, leading_date, starts_with_weekday, weekday_at,
    whole_date,
};

/// A date read from a heading: the year only when the text names one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeadingDate {
    /// The year, when written.
    pub year: Option<i32>,
    /// Month 1-12 (not yet validated).
    pub month: u32,
    /// Day 1-31 (not yet validated).
    pub day: u32,
}

/// Parses a date that is the whole of `s` (no surrounding spaces), in any
/// of the forms [`written`] reads: `8.22`, `2025-08-22`, `8月22日`,
/// `Feb 22, 2017` … Returns the numbers as written; use [`is_valid`] to
/// check them.
pub fn parse_heading_date(s: &str) -> Option<HeadingDate> {
    whole_date(s).map(|w| w.date)
}

/// True for leap years of the Gregorian calendar.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` of `year`; February has 29 when the year is unknown.
pub fn days_in_month(year: Option<i32>, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if !is_leap(y) => 28,
            _ => 29,
        },
        _ => 0,
    }
}

/// The last year daynotes writes and reads (four digits).
pub const MAX_YEAR: i32 = 9999;

/// True when the month and day exist (in that year, when it is known).
pub fn is_valid(year: Option<i32>, month: u32, day: u32) -> bool {
    (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)
}

/// The months' names in English, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Why a date written with these numbers is not one (`February 2023 has
/// 28 days`, `there is no month 13`); `None` when it is one daynotes reads.
pub fn why_impossible(year: Option<i32>, month: u32, day: u32) -> Option<String> {
    if let Some(y) = year
        && !(1..=MAX_YEAR).contains(&y)
    {
        return Some(format!("years run from 1 to {MAX_YEAR}"));
    }
    if !(1..=12).contains(&month) {
        return Some(format!("there is no month {month}"));
    }
    if day == 0 {
        return Some("there is no day 0".into());
    }
    let most = days_in_month(year, month);
    let name = MONTH_NAMES[month as usize - 1];
    (day > most).then(|| match year {
        Some(y) if month == 2 => format!("{name} {y} has {most} days"),
        _ => format!("{name} has {most} days"),
    })
}

#[cfg(test)]
mod impossible_tests {
    use super::why_impossible;

    #[test]
    fn impossible_dates_say_why() {
        assert_eq!(why_impossible(Some(2024), 2, 29), None);
        assert_eq!(
            why_impossible(Some(2023), 2, 29).as_deref(),
            Some("February 2023 has 28 days")
        );
        assert_eq!(
            why_impossible(Some(2024), 2, 30).as_deref(),
            Some("February 2024 has 29 days")
        );
        assert_eq!(
            why_impossible(None, 4, 31).as_deref(),
            Some("April has 30 days")
        );
        assert_eq!(
            why_impossible(Some(2024), 13, 1).as_deref(),
            Some("there is no month 13")
        );
        assert_eq!(
            why_impossible(Some(0), 0, 0).as_deref(),
            Some("years run from 1 to 9999")
        );
        assert_eq!(
            why_impossible(Some(1), 1, 0).as_deref(),
            Some("there is no day 0")
        );
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
pub fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `days` days after 1970-01-01, as (year, month, day).
pub fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

/// Weekday of a date, 0 = Monday … 6 = Sunday.
pub fn weekday(year: i32, month: u32, day: u32) -> u32 {
    // 1970-01-01 was a Thursday (3 when Monday is 0).
    (days_from_civil(year, month, day) + 3).rem_euclid(7) as u32
}

/// Short English weekday names, Monday first.
pub const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// English weekday names in full, Monday first.
pub const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// `n` days after `date`.
pub fn add_days(date: Civil, n: i64) -> Civil {
    civil_from_days(days_from_civil(date.0, date.1, date.2) + n)
}

/// The same day of the month `n` months later, kept inside that month.
pub fn add_months(date: Civil, n: i32) -> Civil {
    let index = date.0 * 12 + date.1 as i32 - 1 + n;
    let (year, month) = (index.div_euclid(12), index.rem_euclid(12) as u32 + 1);
    let day = date.2.min(days_in_month(Some(year), month));
    (year, month, day)
}

/// Today's date on the local clock.
pub fn today() -> Civil {
    use chrono::Datelike;
    let d = chrono::Local::now().date_naive();
    (d.year(), d.month(), d.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hd(year: Option<i32>, month: u32, day: u32) -> Option<HeadingDate> {
        Some(HeadingDate { year, month, day })
    }

    #[test]
    fn every_heading_form() {
        assert_eq!(parse_heading_date("8.22"), hd(None, 8, 22));
        assert_eq!(parse_heading_date("2025.8.22"), hd(Some(2025), 8, 22));
        assert_eq!(parse_heading_date("2025-08-22"), hd(Some(2025), 8, 22));
        assert_eq!(parse_heading_date("2025/8/2"), hd(Some(2025), 8, 2));
        assert_eq!(parse_heading_date("8/22"), hd(None, 8, 22));
        assert_eq!(parse_heading_date("8月22日"), hd(None, 8, 22));
        assert_eq!(parse_heading_date("2025年8月22日"), hd(Some(2025), 8, 22));
    }

    #[test]
    fn not_dates() {
        for s in [
            "", "8", "8.", ".8", "8-22", "1.5.3", "123.4", "8.22.", "a.b", "25.8.22", "8月",
            "8月22",
        ] {
            assert_eq!(parse_heading_date(s), None, "{s:?}");
        }
    }

    #[test]
    fn validity_and_leap_days() {
        assert!(is_valid(None, 2, 29));
        assert!(is_valid(Some(2024), 2, 29));
        assert!(!is_valid(Some(2025), 2, 29));
        assert!(!is_valid(None, 2, 30));
        assert!(!is_valid(None, 13, 45));
        assert!(!is_valid(None, 4, 31));
    }

    #[test]
    fn weekdays_and_day_numbers() {
        assert_eq!(weekday(2025, 8, 22), 4); // a Friday
        assert_eq!(weekday(2024, 2, 29), 3); // a Thursday
        let n = days_from_civil(2025, 3, 1);
        assert_eq!(civil_from_days(n), (2025, 3, 1));
        assert_eq!(
            days_from_civil(2025, 3, 1) - days_from_civil(2025, 2, 28),
            1
        );
    }

    #[test]
    fn months_keep_the_day_inside_the_month() {
        assert_eq!(add_months((2025, 1, 31), 1), (2025, 2, 28));
        assert_eq!(add_months((2024, 1, 31), 1), (2024, 2, 29));
        assert_eq!(add_months((2025, 12, 15), 1), (2026, 1, 15));
        assert_eq!(add_months((2025, 1, 15), -1), (2024, 12, 15));
        assert_eq!(add_days((2025, 8, 31), 1), (2025, 9, 1));
        assert_eq!(add_days((2025, 3, 1), -1), (2025, 2, 28));
    }
}
