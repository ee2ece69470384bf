//! Dates as people write them at the start of a heading, read as a prefix:
//! the date, how many bytes it took, and its form (which decides what may
//! follow it, see [`crate::parse`]).
//!
//! ```text
//! 8.22  8/22  2025.8.22  2025-08-22  2025/8/22  2025_08_22     numeric
//! 8月22日  2025年8月22日  2025년 8월 22일                        CJK
//! February 22, 2017  Feb 22 2017  22 Feb 2017  Jan 2nd          named
//! Tuesday, January 2, 2024                                      named, weekday first
//! February 10-11, 2025  March 25 & 26, 2025                     named ranges: the
//! February 28 - March 1 2025  March 31 April 2, 2025            first date
//! <2024-01-02 Tue>  [2024-01-02 Tue 09:00]                      org timestamps
//! ```
//!
//! A year written only at the end of a range (`February 28 - March 1 2025`)
//! is the year of its first date too (one less when the range crosses a new
//! year). Numbers are returned as written; [`super::is_valid`] checks them.

use super::HeadingDate;

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
}

/// The date at the start of `s`, if `s` starts with one and the date ends
/// at a boundary (not inside a longer number or word: `8.22.1`, `2.3.1`,
/// `Mayday` are not dates).
pub fn leading_date(s: &str) -> Option<Written> {
    let first = *s.as_bytes().first()?;
    match first {
        b'0'..=b'9' => numeric(s).or_else(|| named(s)),
        b'<' | b'[' => org(s),
        b if b.is_ascii_alphabetic() => named(s),
        _ => None,
    }
}

/// A date that is all of `s` (the go-to-date prompt, file names).
pub fn whole_date(s: &str) -> Option<Written> {
    leading_date(s).filter(|w| w.len == s.len())
}

/// A reading position in a text.
#[derive(Clone, Copy)]
struct Cursor<'a> {
    s: &'a str,
    at: usize,
}

impl<'a> Cursor<'a> {
    fn new(s: &'a str) -> Self {
        Cursor { s, at: 0 }
    }

    fn rest(&self) -> &'a str {
        &self.s[self.at..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    /// 1 to `max` ASCII digits: their value and count.
    fn digits(&mut self, max: usize) -> Option<(u32, usize)> {
        let n = self
            .rest()
            .bytes()
            .take_while(u8::is_ascii_digit)
            .take(max + 1)
            .count();
        if n == 0 || n > max {
            return None;
        }
        let value = self.rest()[..n].parse().ok()?;
        self.at += n;
        Some((value, n))
    }

    /// Eats `c` when it comes next.
    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.at += c.len_utf8();
            true
        } else {
            false
        }
    }

    /// Eats spaces (ASCII and the ideographic one); how many bytes.
    fn spaces(&mut self) -> usize {
        let n = self.rest().len() - self.rest().trim_start_matches([' ', '\u{3000}']).len();
        self.at += n;
        n
    }

    /// Eats a run of ASCII letters (and a `.` after an abbreviation).
    fn word(&mut self) -> &'a str {
        let n = self
            .rest()
            .bytes()
            .take_while(u8::is_ascii_alphabetic)
            .count();
        let w = &self.rest()[..n];
        self.at += n;
        w
    }

    /// True when what follows cannot continue a date: the end, or a
    /// character that is neither a letter nor a digit, nor a separator
    /// followed by a digit (`8.22.1`).
    fn at_boundary(&self) -> bool {
        let rest = self.rest().as_bytes();
        match rest {
            [] => true,
            [b, ..] if b.is_ascii_alphanumeric() => false,
            [b'.' | b'-' | b'/' | b'_', d, ..] if d.is_ascii_digit() => false,
            _ => true,
        }
    }
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
    let sep = c.peek().filter(|p| matches!(p, '.' | '/'))?;
    c.eat(sep);
    let (day, _) = c.digits(2)?;
    c.at_boundary()
        .then(|| written(date(None, first, day), c.at, Form::Numeric))?
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

/// `<2024-01-02 Tue>`, `[2024-01-02 Tue 09:00]`: an ISO date in brackets,
/// with a weekday and times before the closing bracket.
fn org(s: &str) -> Option<Written> {
    let close = if s.starts_with('<') { '>' } else { ']' };
    let inner = &s[1..];
    let end = inner.find(close)?;
    let inside = &inner[..end];
    let iso = numeric(inside)?;
    if iso.date.year.is_none() || iso.form != Form::Numeric {
        return None;
    }
    let tail = &inside[iso.len..];
    let plain = |b: u8| b.is_ascii_alphanumeric() || b" :.-+".contains(&b);
    if tail.len() > 24 || !tail.bytes().all(plain) || !(tail.is_empty() || tail.starts_with(' ')) {
        return None;
    }
    written(iso.date, 1 + end + 1, Form::Org)
}

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

const WEEKDAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
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
    word.len() >= 3 && WEEKDAY_NAMES.iter().any(|d| named_as(d, word, 5))
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
fn named(s: &str) -> Option<Written> {
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
    })
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

    #[test]
    fn org_timestamps() {
        assert_eq!(
            read("<2024-01-02 Tue>"),
            Some((Some(2024), 1, 2, 16, false))
        );
        assert_eq!(
            read("[2024-01-02 Tue 09:00] x"),
            Some((Some(2024), 1, 2, 22, false))
        );
        assert_eq!(read("<2024-01-02>"), Some((Some(2024), 1, 2, 12, false)));
        assert_eq!(read("[8.22]"), None);
        assert_eq!(read("[2024-01-02 see [x]]"), None);
        assert_eq!(read("[link](2024-01-02)"), None);
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
