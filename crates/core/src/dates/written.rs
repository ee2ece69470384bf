//! Dates as people write them at the start of a heading, read as a prefix:
//! the date, how many bytes it took, and its form (which decides what may
//! follow it, see [`crate::parse`]).
//!
//! ```text
//! 8.22  8/22  2025.8.22  2025-08-22  2025/8/22  2025_08_22     numeric
//! 8月22日  2025年8月22日  2025년 8월 22일                        CJK
//! February 22, 2017  Feb 22 2017  22 Feb 2017  Jan 2nd          named
//! 2017 Feb 22  2017-Feb-22                                      named, year first
//! Tuesday, January 2, 2024                                      named, weekday first
//! February 10-11, 2025  March 25 & 26, 2025                     named ranges: the
//! February 28 - March 1 2025  March 31 April 2, 2025            first date
//! <2024-01-02 Tue>  [2024-01-02 Tue 09:00]                      org timestamps
//! 【2024-02-06】  【2月6日 周二】                                  in 【】
//! [[2024-01-02]]  [[2024-01-02|Tuesday]]                        a link
//! 22.08.2025  22/08/2025  08/22/2025  22-08-2025                year last
//! ```
//!
//! With the year last, the order of day and month is told by the numbers
//! when one is over 12 (`22.08.2025`, `08/22/2025`); when both could be
//! either (`07.02.2024`), it is guessed from the separator (dots and dashes
//! day first, as in Europe; slashes month first, as in the US), and the
//! parser settles it for a whole file from the dates whose numbers tell
//! ([`Order`]).
//!
//! A year written only at the end of a range (`February 28 - March 1 2025`)
//! is the year of its first date too (one less when the range crosses a new
//! year). Numbers are returned as written; [`super::is_valid`] checks them.

mod cursor;
mod enclosed;
mod foreign;
mod named;
mod weekday;

pub use foreign::any_month;
pub use named::{is_weekday_name, month_name};
pub use weekday::weekday_at;

use super::HeadingDate;
use cursor::Cursor;
use enclosed::{bracketed, org, wiki_link};
use named::named;

/// How a date is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Digits and separators: `8.22`, `2025-08-22`.
    Numeric,
    /// With 年 月 日 (or 년 월 일): `8月22日`.
    Cjk,
    /// With an English month name: `Feb 22, 2017`.
    Named,
    /// An org-mode timestamp: `<2024-01-02 Tue>`.
    Org,
}

/// Which of day and month comes first in a date with its year last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayOrder {
    /// `22.08.2025`.
    DayFirst,
    /// `08/22/2025`.
    MonthFirst,
}

impl DayOrder {
    /// The other order.
    pub fn other(self) -> DayOrder {
        match self {
            DayOrder::DayFirst => DayOrder::MonthFirst,
            DayOrder::MonthFirst => DayOrder::DayFirst,
        }
    }
}

/// How the order of a year-last date was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// The numbers tell: one of them is over 12.
    Told(DayOrder),
    /// Both could be either way round: read in this order, the
    /// separator's custom; the other reading is as valid.
    Guessed(DayOrder),
}

/// True when `s` starts with a weekday: `星期二`, `周二`, `礼拜二`,
/// `Tuesday`, `Tue`, also in brackets (`(Wed)`, `（周三）`).
pub fn starts_with_weekday(s: &str) -> bool {
    let s = s.trim_start_matches(['(', '（', '[', '【']);
    for zh in ["星期", "周", "礼拜", "禮拜", "週"] {
        if let Some(rest) = s.strip_prefix(zh) {
            return rest.starts_with(['一', '二', '三', '四', '五', '六', '日', '天']);
        }
    }
    let word: &str = &s[..s.bytes().take_while(u8::is_ascii_alphabetic).count()];
    is_weekday_name(word)
}

/// A date found at the start of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// The date (its first day, for a range).
    pub date: HeadingDate,
    /// Bytes of the text the date takes, a range's second part included.
    pub len: usize,
    /// How it is written.
    pub form: Form,
    /// True for a range of days (`February 10-11, 2025`).
    pub range: bool,
    /// For a date with its year last (`07.02.2024`): how the order of day
    /// and month was found.
    pub order: Option<Order>,
}

/// The date at the start of `s`, if `s` starts with one and the date ends
/// at a boundary (not inside a longer number or word: `8.22.1`, `2.3.1`,
/// `Mayday` are not dates).
pub fn leading_date(s: &str) -> Option<Written> {
    let first = *s.as_bytes().first()?;
    match first {
        b'0'..=b'9' => numeric(s).or_else(|| named(s)),
        b'[' if s.starts_with("[[") => wiki_link(s),
        b'<' | b'[' => org(s),
        b if b.is_ascii_alphabetic() => named(s),
        _ if s.starts_with('【') => bracketed(s),
        _ => None,
    }
}

/// The date at the start of `s` in any form a file may teach the parser
/// by writing it line after line: the forms of [`leading_date`], and day,
/// month name and year in other languages (`2 janvier 2024`, `15. Mai
/// 2023`, `15MAY2020`) and eight digits (`20240201`). See
/// [`crate::parse::heading`]'s candidates.
pub fn candidate_date(s: &str) -> Option<Written> {
    let first = *s.as_bytes().first()?;
    leading_date(s).or_else(|| {
        if !first.is_ascii_digit() {
            return None;
        }
        foreign::compact(s).or_else(|| foreign::day_month_year(s))
    })
}

/// A date that is all of `s` (the go-to-date prompt, file names).
pub fn whole_date(s: &str) -> Option<Written> {
    leading_date(s).filter(|w| w.len == s.len())
}

fn date(year: Option<i32>, month: u32, day: u32) -> HeadingDate {
    HeadingDate { year, month, day }
}

fn written(date: HeadingDate, len: usize, form: Form) -> Option<Written> {
    Some(Written {
        date,
        len,
        form,
        range: false,
        order: None,
    })
}

/// `8.22`, `8/22`, `2025.8.22`, `2025-08-22`, `2025/8/22`, `2025_08_22`,
/// `8月22日`, `2025年8月22日`, `2025년 8월 22일`.
fn numeric(s: &str) -> Option<Written> {
    let mut c = Cursor::new(s);
    let (first, n) = c.digits(4)?;
    if n == 4 {
        let year = first as i32;
        if let Some(w) = cjk_rest(c, Some(year)) {
            return Some(w);
        }
        let sep = c.peek().filter(|p| matches!(p, '.' | '-' | '/' | '_'))?;
        c.eat(sep);
        let (month, _) = c.digits(2)?;
        if !c.eat(sep) {
            return None;
        }
        let (day, _) = c.digits(2)?;
        return c
            .at_boundary()
            .then(|| written(date(Some(year), month, day), c.at, Form::Numeric))?;
    }
    if n > 2 {
        return None;
    }
    if let Some((w, _)) = cjk_month_day(c, None, first) {
        return Some(w);
    }
    let sep = c.peek().filter(|p| matches!(p, '.' | '/' | '-'))?;
    c.eat(sep);
    let (second, _) = c.digits(2)?;
    if let Some(w) = year_last(c, sep, first, second) {
        return Some(w);
    }
    // `8-22` is no date: a dash joins numbers too often (`1-2 hours`).
    (sep != '-' && c.at_boundary())
        .then(|| written(date(None, first, second), c.at, Form::Numeric))?
}

/// After `a.b` (or `a/b`, `a-b`): `.YYYY` with the same separator makes
/// `a.b.YYYY`, its order told by the numbers or guessed by `sep`.
fn year_last(mut c: Cursor<'_>, sep: char, a: u32, b: u32) -> Option<Written> {
    if !c.eat(sep) {
        return None;
    }
    let (year, 4) = c.digits(4)? else {
        return None;
    };
    if !c.at_boundary() {
        return None;
    }
    let guess = if sep == '/' {
        DayOrder::MonthFirst
    } else {
        DayOrder::DayFirst
    };
    let order = match (a > 12, b > 12) {
        (true, false) => Some(Order::Told(DayOrder::DayFirst)),
        (false, true) => Some(Order::Told(DayOrder::MonthFirst)),
        // `05.05.2024` reads the same both ways.
        _ if a == b => None,
        _ => Some(Order::Guessed(guess)),
    };
    let day_first = match order {
        Some(Order::Told(o) | Order::Guessed(o)) => o == DayOrder::DayFirst,
        None => guess == DayOrder::DayFirst,
    };
    let (month, day) = if day_first { (b, a) } else { (a, b) };
    Some(Written {
        order,
        ..written(date(Some(year as i32), month, day), c.at, Form::Numeric)?
    })
}

/// After a four-digit year: `年8月22日` or `년 8월 22일`.
fn cjk_rest(mut c: Cursor<'_>, year: Option<i32>) -> Option<Written> {
    let korean = if c.eat('年') {
        false
    } else if c.eat('년') {
        true
    } else {
        return None;
    };
    c.spaces();
    let (month, _) = c.digits(2)?;
    // Korean and Chinese marks are not mixed in one date.
    cjk_month_day(c, year, month)
        .filter(|&(_, k)| k == korean)
        .map(|(w, _)| w)
}

/// After the month's digits: `月22日` (also `号`) or `월 22일`; true for
/// the Korean marks.
fn cjk_month_day(mut c: Cursor<'_>, year: Option<i32>, month: u32) -> Option<(Written, bool)> {
    let (korean, marks) = if c.eat('月') {
        (false, ['日', '号'])
    } else if c.eat('월') {
        (true, ['일', '일'])
    } else {
        return None;
    };
    c.spaces();
    let (day, _) = c.digits(2)?;
    if !(c.eat(marks[0]) || c.eat(marks[1])) {
        return None;
    }
    Some((written(date(year, month, day), c.at, Form::Cjk)?, korean))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(year, month, day, bytes, range)` of the date at the start of `s`.
    fn read(s: &str) -> Option<(Option<i32>, u32, u32, usize, bool)> {
        leading_date(s).map(|w| (w.date.year, w.date.month, w.date.day, w.len, w.range))
    }

    #[test]
    fn numeric_forms() {
        assert_eq!(read("8.22"), Some((None, 8, 22, 4, false)));
        assert_eq!(read("8/22: x"), Some((None, 8, 22, 4, false)));
        assert_eq!(read("2025.08.22"), Some((Some(2025), 8, 22, 10, false)));
        assert_eq!(read("2025_08_22 x"), Some((Some(2025), 8, 22, 10, false)));
        assert_eq!(read("2025/8/2"), Some((Some(2025), 8, 2, 8, false)));
        assert_eq!(read("8.1笔记"), Some((None, 8, 1, 3, false)));
        assert_eq!(
            read("2024年1月2日 星期二"),
            Some((Some(2024), 1, 2, 15, false))
        );
        assert_eq!(read("8月22号"), Some((None, 8, 22, 9, false)));
        assert_eq!(
            read("2022년 2월 14일"),
            Some((Some(2022), 2, 14, "2022년 2월 14일".len(), false))
        );
    }

    #[test]
    fn numbers_that_are_not_dates() {
        for s in [
            "2.3.1",
            "v2.3.1",
            "1.5.3",
            "8.22.1",
            "123.4",
            "8-22",
            "2025-08",
            "2025.8",
            "8月",
            "8月22",
            "25.8.22",
            "2025年8月22일",
            "1.5x",
        ] {
            assert_eq!(read(s), None, "{s:?}");
        }
        // Still dates, the words after them are for the heading rules.
        assert_eq!(read("1.5 hours"), Some((None, 1, 5, 3, false)));
        assert_eq!(read("3.14"), Some((None, 3, 14, 4, false)));
    }

    #[test]
    fn the_year_last() {
        let order = |s: &str| leading_date(s).and_then(|w| w.order);
        // Told by a number over 12.
        assert_eq!(read("22.08.2025"), Some((Some(2025), 8, 22, 10, false)));
        assert_eq!(order("22.08.2025"), Some(Order::Told(DayOrder::DayFirst)));
        assert_eq!(read("08/22/2025 x"), Some((Some(2025), 8, 22, 10, false)));
        assert_eq!(order("08/22/2025"), Some(Order::Told(DayOrder::MonthFirst)));
        assert_eq!(read("22-8-2025"), Some((Some(2025), 8, 22, 9, false)));
        // Guessed by the separator: dots and dashes day first, slashes
        // month first.
        assert_eq!(read("07.02.2024"), Some((Some(2024), 2, 7, 10, false)));
        assert_eq!(
            order("07.02.2024"),
            Some(Order::Guessed(DayOrder::DayFirst))
        );
        assert_eq!(read("07-02-2024"), Some((Some(2024), 2, 7, 10, false)));
        assert_eq!(read("02/07/2024"), Some((Some(2024), 2, 7, 10, false)));
        assert_eq!(
            order("02/07/2024"),
            Some(Order::Guessed(DayOrder::MonthFirst))
        );
        // The same both ways: nothing to settle.
        assert_eq!(order("05.05.2024"), None);
        // Not dates: separators mixed, a two-digit year, more after.
        for s in ["07.02/2024", "07.02.24", "1.2.2024.5", "07.02.20245", "7-2"] {
            assert_eq!(read(s), None, "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_reads_without_panic(s in "[0-9a-zA-Z .,/_&<>\\[\\]:-]{0,24}|\\PC{0,12}") {
            if let Some(w) = leading_date(&s) {
                proptest::prop_assert!(s.is_char_boundary(w.len) && w.len > 0);
            }
        }
    }

    #[test]
    fn whole_dates() {
        assert!(whole_date("2024-01-02").is_some());
        assert!(whole_date("2024-01-02 x").is_none());
    }
}
