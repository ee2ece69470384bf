//! Dates with an English month name: `February 22, 2017`, `22 Feb 2017`,
//! `2017 Feb 22`, `Jan 2nd`, a weekday first (`Tuesday, January 2, 2024`),
//! joined by one mark (`03-Apr-2023`, `3/Apr/23`, `Apr.03.2023`), and
//! ranges of days, read as their first day (`February 10-11, 2025`).

use super::cursor::Cursor;
use super::{Form, Written, date};

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month an English name stands for: full, three letters, or `Sept`,
/// any case.
pub fn month_name(word: &str) -> Option<u32> {
    if word.len() < 3 {
        return None;
    }
    if word.eq_ignore_ascii_case("sept") {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| named_as(m, word, 3))
        .map(|i| i as u32 + 1)
}

/// True for an English weekday: full, or `Mon`, `Tue`, `Tues`, `Wed`,
/// `Thu`, `Thur`, `Thurs`, `Fri`, `Sat`, `Sun`, any case.
pub fn is_weekday_name(word: &str) -> bool {
    word.len() >= 3
        && super::weekday::ENGLISH_DAYS
            .iter()
            .any(|d| named_as(d, word, 5))
}

/// True when `word` is `name` in full, or its first letters (at least
/// three, at most `short`), in any case.
fn named_as(name: &str, word: &str, short: usize) -> bool {
    let n = word.len();
    (n == name.len() || n <= short.min(name.len()))
        && name
            .as_bytes()
            .get(..n)
            .is_some_and(|p| p.eq_ignore_ascii_case(word.as_bytes()))
}

/// A month name at the cursor, with an optional `.` after it.
fn month_at(c: &mut Cursor<'_>) -> Option<u32> {
    let mut probe = *c;
    let month = month_name(probe.word())?;
    probe.eat('.');
    *c = probe;
    Some(month)
}

/// A day of the month with an optional `st`/`nd`/`rd`/`th`.
fn day_at(c: &mut Cursor<'_>) -> Option<u32> {
    let mut probe = *c;
    let (day, _) = probe.digits(2)?;
    let rest = probe.rest();
    for suffix in ["st", "nd", "rd", "th"] {
        if rest
            .as_bytes()
            .get(..2)
            .is_some_and(|b| b.eq_ignore_ascii_case(suffix.as_bytes()))
        {
            probe.at += 2;
            break;
        }
    }
    // `10-11` goes on as a range; `10th` and `2024` do not.
    if probe
        .rest()
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_alphanumeric)
    {
        return None;
    }
    *c = probe;
    Some(day)
}

/// `Feb 22, 2017`, `22 Feb 2017`, `Tuesday, January 2, 2024`, `Jan 2nd`,
/// and the ranges of the module's table.
pub(super) fn named(s: &str) -> Option<Written> {
    if s.as_bytes()[0].is_ascii_digit()
        && let Some(w) = year_first(s)
    {
        return Some(w);
    }
    if let Some(w) = joined(s) {
        return Some(w);
    }
    let mut c = Cursor::new(s);
    // A weekday first: `Tuesday, January 2`, `Tue 2 Jan`.
    let mut probe = c;
    if is_weekday_name(probe.word()) {
        probe.eat('.');
        probe.eat(',');
        if probe.spaces() > 0 {
            c = probe;
        }
    }
    let (month, day, month_first) = if let Some(month) = month_at(&mut c) {
        let dotted = c.s[..c.at].ends_with('.');
        if c.spaces() == 0 && !dotted {
            return None;
        }
        (month, day_at(&mut c)?, true)
    } else {
        let day = day_at(&mut c)?;
        if c.spaces() == 0 {
            return None;
        }
        (month_at(&mut c)?, day, false)
    };
    let mut end = c.at;
    let second = if month_first {
        range_end(&mut c, month)
    } else {
        None
    };
    if second.is_some() {
        end = c.at;
    }
    // The year: after a comma any four digits, after a space only a
    // likely one (`May 5 1500 words` names no year).
    let mut year = None;
    let mut probe = c;
    let comma = probe.eat(',');
    let spaced = probe.spaces() > 0;
    if (comma || spaced)
        && let Some((y, 4)) = probe.digits(4)
        && probe.at_boundary()
        && (comma || (1900..2100).contains(&y))
    {
        year = Some(y as i32);
        end = probe.at;
    }
    // A range that crosses a new year: the year belongs to its last day.
    let year = match (year, second) {
        (Some(y), Some(last_month)) if last_month < month => Some(y - 1),
        _ => year,
    };
    Some(Written {
        date: date(year, month, day),
        len: end,
        form: Form::Named,
        range: second.is_some(),
        order: None,
    })
}

/// `2024 Feb 10`, `2024-Feb-11`, `2024 February 10th`: a likely year, a
/// month name and the day, with one separator throughout.
fn year_first(s: &str) -> Option<Written> {
    let mut c = Cursor::new(s);
    let (year, 4) = c.digits(4)? else {
        return None;
    };
    if !(1900..2100).contains(&year) {
        return None;
    }
    let sep = c.peek().filter(|p| matches!(p, ' ' | '-'))?;
    c.eat(sep);
    let month = month_at(&mut c)?;
    if !c.eat(sep) {
        return None;
    }
    let day = day_at(&mut c)?;
    dated_to(&c, year, month, day)
}

/// The date `year`-`month`-`day`, written up to the cursor, when nothing
/// after it continues it ([`Cursor::at_boundary`]).
fn dated_to(c: &Cursor<'_>, year: u32, month: u32, day: u32) -> Option<Written> {
    c.at_boundary().then_some(Written {
        date: date(Some(year as i32), month, day),
        len: c.at,
        form: Form::Named,
        range: false,
        order: None,
    })
}

/// `03-Apr-2023`, `3/Apr/2023`, `03.Apr.2023`, `Apr-03-2023`, `3-Apr-23`:
/// the day and a month name (either first) and the year, joined by one
/// `-`, `/` or `.` throughout, as spreadsheets and logs write them. Two
/// digits of a year are this century's.
fn joined(s: &str) -> Option<Written> {
    let mut c = Cursor::new(s);
    let joint = |c: &Cursor<'_>| c.peek().filter(|p| matches!(p, '-' | '/' | '.'));
    let (month, day, sep) = if s.as_bytes()[0].is_ascii_digit() {
        let (day, _) = c.digits(2)?;
        let sep = joint(&c)?;
        c.eat(sep);
        (month_name(c.word())?, day, sep)
    } else {
        let month = month_name(c.word())?;
        let sep = joint(&c)?;
        c.eat(sep);
        let (day, _) = c.digits(2)?;
        (month, day, sep)
    };
    if !c.eat(sep) {
        return None;
    }
    let year = match c.digits(4)? {
        (y, 4) => y,
        (y, 2) => 2000 + y,
        _ => return None,
    };
    dated_to(&c, year, month, day)
}

/// After `Month D`: `-11`, ` & 26`, ` and 26`, ` - March 1`, ` April 2`.
/// Returns the range's last month and leaves the cursor after it.
fn range_end(c: &mut Cursor<'_>, month: u32) -> Option<u32> {
    let mut probe = *c;
    probe.spaces();
    let joined =
        if probe.eat('-') || probe.eat('–') || probe.eat('—') || probe.eat('~') || probe.eat('&')
        {
            true
        } else {
            let before = probe;
            if probe.word().eq_ignore_ascii_case("and") {
                true
            } else {
                probe = before;
                false
            }
        };
    probe.spaces();
    // `- March 1` or `April 2`: a second month name.
    let mut named = probe;
    if let Some(last) = month_at(&mut named) {
        named.spaces();
        if day_at(&mut named).is_some() {
            *c = named;
            return Some(last);
        }
    }
    if joined && day_at(&mut probe).is_some() {
        *c = probe;
        return Some(month);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::leading_date;

    /// `(year, month, day, bytes, range)` of the date at the start of `s`.
    fn read(s: &str) -> Option<(Option<i32>, u32, u32, usize, bool)> {
        leading_date(s).map(|w| (w.date.year, w.date.month, w.date.day, w.len, w.range))
    }

    #[test]
    fn named_forms() {
        assert_eq!(
            read("February 22, 2017"),
            Some((Some(2017), 2, 22, 17, false))
        );
        assert_eq!(read("Feb 22 2017"), Some((Some(2017), 2, 22, 11, false)));
        assert_eq!(read("22 Feb 2017"), Some((Some(2017), 2, 22, 11, false)));
        assert_eq!(read("feb. 22"), Some((None, 2, 22, 7, false)));
        assert_eq!(read("Jan 2nd"), Some((None, 1, 2, 7, false)));
        assert_eq!(read("SEPT 3rd, 2024"), Some((Some(2024), 9, 3, 14, false)));
        assert_eq!(
            read("Tuesday, January 2, 2024"),
            Some((Some(2024), 1, 2, 24, false))
        );
        assert_eq!(read("May 5 we met"), Some((None, 5, 5, 5, false)));
        // A number after the date that is not a year.
        assert_eq!(read("May 5 1500 words"), Some((None, 5, 5, 5, false)));
        // The year first.
        assert_eq!(read("2024 Feb 10"), Some((Some(2024), 2, 10, 11, false)));
        assert_eq!(read("2024-Feb-11 x"), Some((Some(2024), 2, 11, 11, false)));
        assert_eq!(
            read("2024 February 10th: review"),
            Some((Some(2024), 2, 10, 18, false))
        );
        // Joined by one mark.
        assert_eq!(read("03-Apr-2023"), Some((Some(2023), 4, 3, 11, false)));
        assert_eq!(read("3/Apr/2023 x"), Some((Some(2023), 4, 3, 10, false)));
        assert_eq!(read("03.Apr.2023"), Some((Some(2023), 4, 3, 11, false)));
        assert_eq!(read("Apr-03-2023"), Some((Some(2023), 4, 3, 11, false)));
        assert_eq!(read("30-Apr-23"), Some((Some(2023), 4, 30, 9, false)));
        for s in [
            "03-Apr/2023",
            "03-Apr-202",
            "03-Apr-2023-5",
            "3-April",
            "Apr-3",
            "x-Apr-2023",
            "03-Aprx-2023",
        ] {
            assert_eq!(read(s), None, "{s:?}");
        }
        for s in [
            "2024 Feb",
            "2024-Feb 10",
            "1500 May 5",
            "2024 Feb 10.5",
            "2024 mayday 5",
        ] {
            assert_eq!(read(s), None, "{s:?}");
        }
    }

    #[test]
    fn named_ranges_are_their_first_day() {
        let all = |s: &str| Some(s.len());
        let r = read("February 28 - March 1 2025").unwrap();
        assert_eq!(
            (r.0, r.1, r.2, Some(r.3), r.4),
            (Some(2025), 2, 28, all("February 28 - March 1 2025"), true)
        );
        let r = read("February 10-11, 2025").unwrap();
        assert_eq!((r.0, r.1, r.2, r.4), (Some(2025), 2, 10, true));
        let r = read("March 25 & 26, 2025").unwrap();
        assert_eq!((r.0, r.1, r.2, r.4), (Some(2025), 3, 25, true));
        let r = read("March 31 April 2, 2025").unwrap();
        assert_eq!((r.0, r.1, r.2, r.4), (Some(2025), 3, 31, true));
        let r = read("December 30 - January 2, 2025").unwrap();
        assert_eq!((r.0, r.1, r.2), (Some(2024), 12, 30));
    }

    #[test]
    fn words_that_are_not_dates() {
        for s in [
            "Mayday",
            "March on",
            "Day 3",
            "Monday",
            "Tue",
            "decimal 3",
            "Jan2",
        ] {
            assert_eq!(read(s), None, "{s:?}");
        }
    }
}
