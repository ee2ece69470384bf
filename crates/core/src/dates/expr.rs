//! The go-to-date language: what the user types in the viewer's date
//! prompt, after `--date` and in `daynotes show`.
//!
//! ```text
//! 8.23  8/23  8月23日  2025-08-23  2025.8.23   a date, as headings write it
//! 0823  20250823                               digits only: MMDD, YYYYMMDD
//! 23                                           that day of the selected day's month
//! today  yesterday  tomorrow  今天  昨天  明天   days around today
//! today-3  today+1  t-3                        days from today
//! -3  +1                                       days from the selected day
//! ```

use super::{days_in_month, is_valid, parse_heading_date};

/// A date expression, read but not yet resolved against the notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateExpr {
    /// A calendar date; the year when the text names one.
    Date {
        /// The year, when written.
        year: Option<i32>,
        /// 1-12.
        month: u32,
        /// 1-31, valid for the month.
        day: u32,
    },
    /// A day of the selected day's month (`23`).
    DayOfMonth(u32),
    /// Days from today (`today` is 0, `yesterday` -1, `today-3` -3).
    FromToday(i64),
    /// Days from the selected day (`+1`, `-3`).
    FromSelected(i64),
}

/// The forms to suggest when an entry cannot be read.
pub const FORMS: &str = "8.23, 2025-08-23, 8月23日, 0823, 23, today, -3";

/// The most days a relative entry may move (about 270 years).
const MAX_OFFSET: i64 = 100_000;

/// Reads a date expression. The error is one line saying what is wrong.
pub fn parse_expr(input: &str) -> Result<DateExpr, String> {
    let s = input.trim();
    let s = s
        .strip_suffix(':')
        .or_else(|| s.strip_suffix('：'))
        .unwrap_or(s)
        .trim();
    if s.is_empty() {
        return Err(format!("type a date: {FORMS}"));
    }
    let lower = s.to_ascii_lowercase();
    if let Some(days) = named_day(&lower) {
        return Ok(DateExpr::FromToday(days));
    }
    for name in ["today", "t", "今天"] {
        if let Some(rest) = lower.strip_prefix(name)
            && let Some(n) = signed(rest)
        {
            return Ok(DateExpr::FromToday(n?));
        }
    }
    if let Some(n) = signed(s) {
        return Ok(DateExpr::FromSelected(n?));
    }
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        return digits(s);
    }
    let Some(d) = parse_heading_date(s) else {
        return Err(format!("cannot read {s:?} as a date; try {FORMS}"));
    };
    date(d.year, d.month, d.day, s)
}

/// `today`, `yesterday`, `tomorrow` and their Chinese names, as days from
/// today.
fn named_day(s: &str) -> Option<i64> {
    match s {
        "today" | "t" | "今天" => Some(0),
        "yesterday" | "昨天" => Some(-1),
        "tomorrow" | "明天" => Some(1),
        _ => None,
    }
}

/// `+N` or `-N`: `None` when `s` is not of that shape, else the number or
/// why it is too far.
fn signed(s: &str) -> Option<Result<i64, String>> {
    let (sign, digits) = match s.as_bytes().first()? {
        b'+' => (1, &s[1..]),
        b'-' => (-1, &s[1..]),
        _ => return None,
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(match digits.parse::<i64>() {
        Ok(n) if n <= MAX_OFFSET => Ok(sign * n),
        _ => Err(format!("{s}: at most {MAX_OFFSET} days away")),
    })
}

/// All digits: `23` (a day of the month), `0823` (MMDD), `20250823`
/// (YYYYMMDD).
fn digits(s: &str) -> Result<DateExpr, String> {
    let n = |range: std::ops::Range<usize>| s[range].parse::<u32>().unwrap_or(0);
    match s.len() {
        1 | 2 => {
            let day = n(0..s.len());
            if (1..=31).contains(&day) {
                Ok(DateExpr::DayOfMonth(day))
            } else {
                Err(format!("{s}: a day of the month is 1 to 31"))
            }
        }
        4 => date(None, n(0..2), n(2..4), s),
        8 => {
            let year = i32::try_from(n(0..4)).unwrap_or(0);
            date(Some(year), n(4..6), n(6..8), s)
        }
        _ => Err(format!(
            "cannot read {s:?} as a date; digits are DD, MMDD or YYYYMMDD"
        )),
    }
}

/// A checked calendar date.
fn date(year: Option<i32>, month: u32, day: u32, text: &str) -> Result<DateExpr, String> {
    if is_valid(year, month, day) {
        return Ok(DateExpr::Date { year, month, day });
    }
    let why = if (1..=12).contains(&month) {
        let most = days_in_month(year, month);
        let whose = year.map_or(String::new(), |y| format!(" {y}"));
        format!("month {month}{whose} has {most} days")
    } else {
        "months run from 1 to 12".to_string()
    };
    Err(format!("{text} is not a date: {why}"))
}

#[cfg(test)]
mod tests {
    use super::DateExpr::*;
    use super::*;

    fn d(year: Option<i32>, month: u32, day: u32) -> DateExpr {
        Date { year, month, day }
    }

    #[test]
    fn every_form_reads() {
        let table = [
            ("8.23", d(None, 8, 23)),
            ("8/23", d(None, 8, 23)),
            ("8月23日", d(None, 8, 23)),
            ("2025-08-23", d(Some(2025), 8, 23)),
            ("2025.8.23", d(Some(2025), 8, 23)),
            ("2025/8/23", d(Some(2025), 8, 23)),
            ("2025年8月23日", d(Some(2025), 8, 23)),
            ("8.23：", d(None, 8, 23)),
            (" 8.23: ", d(None, 8, 23)),
            ("0823", d(None, 8, 23)),
            ("20250823", d(Some(2025), 8, 23)),
            ("23", DayOfMonth(23)),
            ("1", DayOfMonth(1)),
            ("today", FromToday(0)),
            ("Today", FromToday(0)),
            ("今天", FromToday(0)),
            ("yesterday", FromToday(-1)),
            ("昨天", FromToday(-1)),
            ("tomorrow", FromToday(1)),
            ("today-3", FromToday(-3)),
            ("t+10", FromToday(10)),
            ("-3", FromSelected(-3)),
            ("+1", FromSelected(1)),
            ("-1", FromSelected(-1)),
            ("2.29", d(None, 2, 29)),
            ("2024-02-29", d(Some(2024), 2, 29)),
        ];
        for (text, want) in table {
            assert_eq!(parse_expr(text), Ok(want), "{text:?}");
        }
    }

    #[test]
    fn impossible_and_unreadable_entries_say_why() {
        let table = [
            ("2.30", "2.30 is not a date: month 2 has 29 days"),
            (
                "2025-02-29",
                "2025-02-29 is not a date: month 2 2025 has 28 days",
            ),
            ("13.45", "13.45 is not a date: months run from 1 to 12"),
            ("4.31", "4.31 is not a date: month 4 has 30 days"),
            ("1345", "1345 is not a date: months run from 1 to 12"),
            ("32", "32: a day of the month is 1 to 31"),
            ("0", "0: a day of the month is 1 to 31"),
            (
                "123",
                "cannot read \"123\" as a date; digits are DD, MMDD or YYYYMMDD",
            ),
            ("-999999", "-999999: at most 100000 days away"),
            (
                "",
                "type a date: 8.23, 2025-08-23, 8月23日, 0823, 23, today, -3",
            ),
        ];
        for (text, want) in table {
            assert_eq!(parse_expr(text), Err(want.to_string()), "{text:?}");
        }
        for text in ["soon", "8.", "8-23", "+", "--3", "today-", "t-x", "8.23.1"] {
            let err = parse_expr(text).expect_err(text);
            assert!(err.starts_with("cannot read"), "{text:?}: {err}");
        }
    }
}
