//! Day headings and dividers: what a line outside a topic body can start.
//!
//! A day heading is a line that, once its decoration is taken off, starts
//! with a date ([`crate::dates::written`]) followed by a short title:
//!
//! ```text
//! ## 2023.7.12                      markdown heading (any level), org `** `
//! **2024-01-02**: review            bold
//! - 2024-01-02                      list item (the outermost indentation)
//! ### Day 22: February 22, 2017     a `Day N:` / `第N天` prefix
//! 2022/02/14 [OFFLINE]              after the date: `:`, ` - `, `|`, a
//! 2024年1月2日 星期二 晴              [tag], a weekday, a title after a space,
//! 8.1笔记                            or a CJK title straight after the date
//! ```
//!
//! Not day headings: `1.5 hours` and `2.3 Results` (a date without a year
//! before a Latin word reads as a number), `May 5 we met` (an undecorated
//! English date without a year before words), a title of more than
//! [`PROSE_COLUMNS`] columns on an undecorated line (prose that starts with a
//! date). Which decorations count in a file is decided by the parser from all
//! its headings (see [`super::rules`]).
//!
//! A divider is a line outside every day that ends the day before it: a
//! year line (`2025`, `2025年`, `# 2022年2月`, `## February 2017`) or a
//! markdown heading above the days' level.

use unicode_width::UnicodeWidthStr;

use super::classify::atx_heading;
use super::trim::{trim, trim_start};
use crate::dates::{self, Form, HeadingDate};

/// The longest title, in display columns, an undecorated line may have
/// after its date and still be a day heading.
pub const PROSE_COLUMNS: usize = 60;

/// How a heading line is marked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Deco {
    /// Nothing: `8.22:`.
    Plain,
    /// Wholly bold: `**2024-01-02**`.
    Bold,
    /// A list item: `- 2024-01-02`, `* 2024-01-02`.
    List,
    /// A markdown heading of this level: `## 2024-01-02`.
    Atx(u8),
    /// An org heading of this many stars (two or more): `** <2024-01-02>`.
    Star(u8),
}

impl Deco {
    /// The heading level for markdown and org headings.
    pub fn level(self) -> Option<u8> {
        match self {
            Deco::Atx(l) | Deco::Star(l) => Some(l),
            _ => None,
        }
    }
}

/// A day heading read from a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayHeading {
    /// The date as written (the first day of a range).
    pub date: HeadingDate,
    /// The title: the text after the date, with a `Day N` prefix before it;
    /// a range's whole text.
    pub title: Option<String>,
    /// The decoration taken off.
    pub deco: Deco,
    /// The date alone or followed by a colon: the form of the first notes
    /// daynotes read, which also ends an open code fence.
    pub strict: bool,
    /// A number date without a year on an undecorated line (`8.22`, `3.14`):
    /// a day only in files whose days are written so.
    pub bare: bool,
}

/// What a line is as a heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// A day heading.
    Day(DayHeading),
    /// It starts with a date but reads as a sentence: why, for `check`.
    Prose(&'static str),
    /// Neither.
    No,
}

/// Reads `trimmed` (a non-empty line without surrounding whitespace) as a
/// day heading.
pub fn day_heading(trimmed: &str) -> Verdict {
    let (deco, rest) = peel(trimmed);
    day_heading_in(deco, rest)
}

/// A quick look at a line's text once its marker is off: can it start
/// with a date (or a `Day N` prefix)? Most lines are answered here, from
/// their first bytes.
pub fn may_be_dated(rest: &str) -> bool {
    let b = rest.as_bytes();
    match b.first() {
        Some(b'0'..=b'9' | b'[' | b'<') => true,
        // Bold: what the bold text starts with.
        Some(&m @ (b'*' | b'_')) => {
            b.get(1) == Some(&m) && b.get(2) != Some(&m) && may_be_dated(trim_start(&rest[2..]))
        }
        Some(c) if c.is_ascii_alphabetic() => starts_like_a_date_word(rest),
        _ => rest.starts_with('第'),
    }
}

/// True when the first word could be a month, a weekday or `Day`: told
/// from its first three letters for most words.
fn starts_like_a_date_word(s: &str) -> bool {
    let b = s.as_bytes();
    let Some(&[x, y, z]) = b.get(..3).and_then(|p| <&[u8; 3]>::try_from(p).ok()) else {
        return false;
    };
    let key = [x | 0x20, y | 0x20, z | 0x20];
    if !matches!(
        &key,
        b"jan"
            | b"feb"
            | b"mar"
            | b"apr"
            | b"may"
            | b"jun"
            | b"jul"
            | b"aug"
            | b"sep"
            | b"oct"
            | b"nov"
            | b"dec"
            | b"mon"
            | b"tue"
            | b"wed"
            | b"thu"
            | b"fri"
            | b"sat"
            | b"sun"
            | b"day"
    ) {
        return false;
    }
    let n = s.bytes().take_while(u8::is_ascii_alphabetic).count();
    let word = &s[..n];
    word.eq_ignore_ascii_case("day")
        || dates::written::month_name(word).is_some()
        || dates::written::is_weekday_name(word)
}

/// [`day_heading`] of a line whose decoration [`peel`] has taken off.
pub fn day_heading_in(deco: Deco, rest: &str) -> Verdict {
    let (bold, inner, after_bold) = match bold_run(rest) {
        Some((inner, after)) => (true, inner, after),
        None => (false, rest, ""),
    };
    let deco = if bold && deco == Deco::Plain {
        Deco::Bold
    } else {
        deco
    };
    let (prefix, dated) = match day_prefix(inner) {
        Some((label, rest)) => (Some(label), rest),
        None => (None, inner),
    };
    let Some(written) = dates::leading_date(dated) else {
        return Verdict::No;
    };
    let after = &dated[written.len..];
    let Some(sep) = separator(after) else {
        return Verdict::No;
    };
    let decorated = prefix.is_some() || !matches!(deco, Deco::Plain | Deco::List);
    if !sep.allowed(written.form, written.date.year.is_some(), decorated) {
        return Verdict::No;
    }
    let own = match sep {
        After::End => "",
        After::Colon(t) | After::Dash(t) | After::Other(t) => t,
    };
    let tail = title_after_bold(after_bold);
    if bold && tail.is_none() && !after_bold.trim().is_empty() {
        // `**2024-01-02** and more` is a sentence with a bold date.
        return Verdict::No;
    }
    let shown = if written.range { trim(dated) } else { own };
    let title = join([prefix.unwrap_or(""), shown, tail.unwrap_or("")]);
    if !decorated && title.as_deref().map_or(0, UnicodeWidthStr::width) > PROSE_COLUMNS {
        return Verdict::Prose("the text after the date is too long for a title");
    }
    let strict = deco == Deco::Plain
        && prefix.is_none()
        && matches!(sep, After::End | After::Colon(_))
        && matches!(written.form, Form::Numeric | Form::Cjk);
    Verdict::Day(DayHeading {
        date: written.date,
        title,
        deco,
        strict,
        bare: deco == Deco::Plain
            && prefix.is_none()
            && written.form == Form::Numeric
            && written.date.year.is_none(),
    })
}

/// The parts of a title that are there, joined: `Day 22: review`.
fn join<const N: usize>(parts: [&str; N]) -> Option<String> {
    let mut out: Option<String> = None;
    for part in parts.into_iter().map(trim).filter(|p| !p.is_empty()) {
        match &mut out {
            None => out = Some(part.to_string()),
            Some(s) => {
                s.push_str(": ");
                s.push_str(part);
            }
        }
    }
    out
}

/// Takes off a markdown or org heading marker or a list marker.
pub fn peel(s: &str) -> (Deco, &str) {
    match s.as_bytes()[0] {
        b'#' => match atx_heading(s) {
            Some((level, text)) => (Deco::Atx(level), text),
            None => (Deco::Plain, s),
        },
        b'*' => {
            let stars = s.bytes().take_while(|&b| b == b'*').count();
            match s.as_bytes().get(stars) {
                Some(b' ' | b'\t') if stars == 1 => (Deco::List, trim_start(&s[1..])),
                Some(b' ' | b'\t') if stars <= 9 => {
                    (Deco::Star(stars as u8), trim_start(&s[stars..]))
                }
                _ => (Deco::Plain, s),
            }
        }
        b'-' | b'+' if matches!(s.as_bytes().get(1), Some(b' ' | b'\t')) => {
            (Deco::List, trim_start(&s[1..]))
        }
        _ => (Deco::Plain, s),
    }
}

/// `**x** rest` or `__x__ rest`: the bold text and what follows it.
fn bold_run(s: &str) -> Option<(&str, &str)> {
    let marker = if s.starts_with("**") {
        "**"
    } else if s.starts_with("__") {
        "__"
    } else {
        return None;
    };
    let close = s[2..].find(marker)? + 2;
    Some((trim(&s[2..close]), &s[close + 2..]))
}

/// The title after a bold date: `: title`, ` - title`, nothing. `None`
/// when the text goes on as a sentence.
fn title_after_bold(s: &str) -> Option<&str> {
    match separator(s)? {
        After::End => Some(""),
        After::Colon(t) | After::Dash(t) => Some(t),
        After::Other(_) => None,
    }
}

/// `Day 22: `, `Day 28-29: `, `Day 49, 50 - `, `Day 12 & 13: `, `第3天 `:
/// the label (`Day 22`) and the text after it.
fn day_prefix(s: &str) -> Option<(&str, &str)> {
    let label_end = if let Some(rest) = s.strip_prefix('第') {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let after = &rest[digits..];
        if digits == 0 || !after.starts_with('天') {
            return None;
        }
        s.len() - after.len() + '天'.len_utf8()
    } else {
        let word = s.get(..3)?;
        if !word.eq_ignore_ascii_case("day") {
            return None;
        }
        day_numbers_end(s, 3)?
    };
    let label = &s[..label_end];
    let rest = trim_start(&s[label_end..]);
    let rest = rest
        .strip_prefix([':', '：', '-', '–', '—', ',', '，', '|'])
        .unwrap_or(rest);
    let rest = trim_start(rest);
    (!rest.is_empty()).then_some((label, rest))
}

/// The end of the day numbers after `Day` at byte `at`: `22`, `28-29`,
/// `49, 50`, `12 & 13`, `1 and 2`. Numbers have at most three digits, so a
/// date after them (`Day 3 - 2024-01-03`) is not taken for one.
fn day_numbers_end(s: &str, mut at: usize) -> Option<usize> {
    let b = s.as_bytes();
    let spaces = |from: usize| from + b[from..].iter().take_while(|c| **c == b' ').count();
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let first = spaces(at);
    let n = digits(first);
    if first == at || !(1..=3).contains(&n) {
        return None;
    }
    at = first + n;
    loop {
        let rest = &s[spaces(at)..];
        let Some(joiner) = ["-", "–", ",", "&", "and"]
            .into_iter()
            .find(|j| rest.starts_with(j))
        else {
            return Some(at);
        };
        let next = spaces(s.len() - rest.len() + joiner.len());
        let n = digits(next);
        // `Day 3 - 8.22`: the number after the dash starts a date.
        let dated =
            matches!(&b[next + n..], [b'.' | b'/' | b'-' | b'_', d, ..] if d.is_ascii_digit());
        if !(1..=3).contains(&n) || dated {
            return Some(at);
        }
        at = next + n;
    }
}

/// What follows a date on a heading line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum After<'a> {
    /// Nothing.
    End,
    /// `: title`.
    Colon(&'a str),
    /// ` - title`, ` – `, ` — `, `|`, `, `.
    Dash(&'a str),
    /// Anything else: a tag, a weekday, words; the text.
    Other(&'a str),
}

/// Where the text after a date may be a title; `None` when the date runs
/// into other text (`8.22x`).
fn separator(after: &str) -> Option<After<'_>> {
    let rest = trim_start(after);
    if rest.is_empty() {
        return Some(After::End);
    }
    if let Some(t) = rest.strip_prefix([':', '：']) {
        return Some(After::Colon(trim(t)));
    }
    let dashes = rest
        .chars()
        .take_while(|c| matches!(c, '-' | '–' | '—' | '|' | '~' | ','))
        .map(char::len_utf8)
        .sum::<usize>();
    if dashes > 0 {
        let t = &rest[dashes..];
        let spaced = t.is_empty() || t.starts_with([' ', '\t']) || rest.starts_with('|');
        return spaced.then(|| After::Dash(trim(t)));
    }
    let spaced = rest.len() < after.len();
    let first = rest.chars().next()?;
    (spaced || is_cjk(first) || first == '(' || first == '（' || first == '[')
        .then_some(After::Other(trim(rest)))
}

impl After<'_> {
    /// True when a date of `form` may be followed by this.
    fn allowed(self, form: Form, year: bool, decorated: bool) -> bool {
        let title = match self {
            After::End | After::Colon(_) | After::Dash(_) => return true,
            After::Other(t) => t,
        };
        let first = title.chars().next().unwrap_or(' ');
        if is_cjk(first) || matches!(first, '[' | '(' | '（' | '【') || starts_with_weekday(title)
        {
            return true;
        }
        match form {
            // `2.3 Results`, `1.5 hours`.
            Form::Numeric => year,
            Form::Cjk | Form::Org => true,
            Form::Named => year || decorated,
        }
    }
}

/// A Han, kana or Hangul character, or CJK punctuation.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF
        | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// `星期二`, `周二`, `礼拜二`, `Tuesday`, `Tue` at the start of `s`.
fn starts_with_weekday(s: &str) -> bool {
    for zh in ["星期", "周", "礼拜", "禮拜", "週"] {
        if let Some(rest) = s.strip_prefix(zh) {
            return rest.starts_with(['一', '二', '三', '四', '五', '六', '日', '天']);
        }
    }
    let word: &str = &s[..s.bytes().take_while(u8::is_ascii_alphabetic).count()];
    dates::written::is_weekday_name(word)
}

/// A divider line: a year (or year and month) that the days after it
/// belong to, or a heading between days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DividerLine {
    /// Its decoration.
    pub deco: Deco,
    /// The year it names, when the whole heading is a year or a month of
    /// one.
    pub year: Option<i32>,
}

/// `trimmed` as a year line (`2025`, `2025:`, `2025年`, `2025年2月`,
/// `2022년 2월`, `February 2017`, `2022-02`) or a markdown/org heading;
/// `None` for other lines.
pub fn divider(trimmed: &str) -> Option<DividerLine> {
    let (deco, text) = peel(trimmed);
    divider_in(deco, text)
}

/// [`divider`] of a line whose decoration [`peel`] has taken off.
pub fn divider_in(deco: Deco, text: &str) -> Option<DividerLine> {
    if deco == Deco::Plain && !text.as_bytes()[0].is_ascii_alphanumeric() {
        return None;
    }
    let year = year_text(super::classify::strip_colon(text));
    match deco {
        Deco::Plain => year.map(|year| DividerLine {
            deco,
            year: Some(year),
        }),
        Deco::Atx(_) | Deco::Star(_) => Some(DividerLine { deco, year }),
        Deco::Bold | Deco::List => None,
    }
}

/// A year alone, or a year and a month: `2025`, `2025年`, `2025年2月`,
/// `2022년`, `2022년 2월`, `February 2017`, `Feb 2017`, `2022-02`.
fn year_text(s: &str) -> Option<i32> {
    if s.len() > 24 {
        return None;
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        // `February 2017`.
        let (month, year) = s.split_once(' ')?;
        dates::written::month_name(month.trim_end_matches([',', '.']))?;
        return four_digits(year.trim());
    }
    let year = four_digits(&s[..digits])?;
    let rest = &s[digits..];
    let month_ok = |m: &str, mark: &str| {
        m.is_empty()
            || m.strip_suffix(mark).map(str::trim).is_some_and(|d| {
                (1..=2).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit())
            })
    };
    let ok = if rest.is_empty() {
        true
    } else if let Some(m) = rest.strip_prefix('年') {
        month_ok(m, "月")
    } else if let Some(m) = rest.strip_prefix('년') {
        month_ok(m.trim(), "월")
    } else if let Some(m) = rest.strip_prefix(['-', '/', '.']) {
        (1..=2).contains(&m.len()) && m.bytes().all(|b| b.is_ascii_digit())
    } else {
        false
    };
    ok.then_some(year)
}

fn four_digits(s: &str) -> Option<i32> {
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// A time-of-day entry: `09:00`, `9:30 AM standup`, `##### 11:15 PM`,
/// `[14:05]`, `- 08:00 – run`.
pub fn is_time_entry(trimmed: &str) -> bool {
    let (_, rest) = peel(trimmed);
    let rest = rest.strip_prefix("**").unwrap_or(rest);
    let rest = rest.strip_prefix('[').unwrap_or(rest);
    let b = rest.as_bytes();
    let hours = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&hours) || b.get(hours) != Some(&b':') {
        return false;
    }
    let minutes = &b[hours + 1..];
    if minutes.len() < 2 || !minutes[..2].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let h: u32 = rest[..hours].parse().unwrap_or(99);
    let m: u32 = rest[hours + 1..hours + 3].parse().unwrap_or(99);
    let after = &minutes[2..];
    h <= 24
        && m < 60
        && after
            .first()
            .is_none_or(|c| !c.is_ascii_digit() && *c != b'.')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `date | title | deco` of a day heading, or `-` / `prose`.
    fn read(s: &str) -> String {
        match day_heading(s) {
            Verdict::Day(h) => format!(
                "{} | {} | {:?}",
                crate::notes::NoteDate {
                    year: h.date.year,
                    month: h.date.month as u8,
                    day: h.date.day as u8
                },
                h.title.as_deref().unwrap_or("-"),
                h.deco
            ),
            Verdict::Prose(_) => "prose".into(),
            Verdict::No => "-".into(),
        }
    }

    #[test]
    fn the_first_forms_stay_days() {
        assert_eq!(read("8.22:"), "8.22 | - | Plain");
        assert_eq!(read("8.23： "), "8.23 | - | Plain");
        assert_eq!(read("8.24"), "8.24 | - | Plain");
        assert_eq!(read("2025年8月7日：周四"), "2025-08-07 | 周四 | Plain");
        assert_eq!(read("8.8: title here"), "8.8 | title here | Plain");
    }

    #[test]
    fn decorated_headings() {
        assert_eq!(read("## 2023.7.12"), "2023-07-12 | - | Atx(2)");
        assert_eq!(read("##  2023.6.29"), "2023-06-29 | - | Atx(2)");
        assert_eq!(
            read("### Day 22: February 22, 2017"),
            "2017-02-22 | Day 22 | Atx(3)"
        );
        assert_eq!(read("**2024-01-02**"), "2024-01-02 | - | Bold");
        assert_eq!(read("**2024-01-02**: review"), "2024-01-02 | review | Bold");
        assert_eq!(read("- 2024-01-02"), "2024-01-02 | - | List");
        assert_eq!(read("* 2024-01-02"), "2024-01-02 | - | List");
        assert_eq!(read("** <2024-01-02 Tue>"), "2024-01-02 | - | Star(2)");
        assert_eq!(read("* [2024-01-02 Tue 09:00]"), "2024-01-02 | - | List");
        assert_eq!(read("## **2024-01-02**"), "2024-01-02 | - | Atx(2)");
    }

    #[test]
    fn day_prefixes() {
        assert_eq!(
            read("Day 28-29: Feb 28, 2017"),
            "2017-02-28 | Day 28-29 | Plain"
        );
        assert_eq!(
            read("Day 49, 50: Mar 5, 2017"),
            "2017-03-05 | Day 49, 50 | Plain"
        );
        assert_eq!(read("Day 12 & 13: Jan 2nd"), "1.2 | Day 12 & 13 | Plain");
        assert_eq!(read("Day 3 - 2024-01-03"), "2024-01-03 | Day 3 | Plain");
        assert_eq!(read("第3天 2024年1月3日"), "2024-01-03 | 第3天 | Plain");
        assert_eq!(read("### Day 36"), "-");
    }

    #[test]
    fn what_may_follow_a_date() {
        assert_eq!(
            read("2022/02/14 [OFFLINE]"),
            "2022-02-14 | [OFFLINE] | Plain"
        );
        assert_eq!(
            read("2024年1月2日 星期二 晴"),
            "2024-01-02 | 星期二 晴 | Plain"
        );
        assert_eq!(read("8.1笔记"), "8.1 | 笔记 | Plain");
        assert_eq!(read("8.22 周二"), "8.22 | 周二 | Plain");
        assert_eq!(read("8.22 (Wed)"), "8.22 | (Wed) | Plain");
        assert_eq!(read("8.22 Tuesday"), "8.22 | Tuesday | Plain");
        assert_eq!(read("2024-01-02 - review"), "2024-01-02 | review | Plain");
        assert_eq!(read("2024-01-02 – review"), "2024-01-02 | review | Plain");
        assert_eq!(read("2024-01-02 | review"), "2024-01-02 | review | Plain");
        assert_eq!(read("2024-01-02 Tuesday"), "2024-01-02 | Tuesday | Plain");
        assert_eq!(read("Tuesday, January 2, 2024"), "2024-01-02 | - | Plain");
        assert_eq!(read("22 Feb 2017"), "2017-02-22 | - | Plain");
        assert_eq!(read("## Jan 2nd"), "1.2 | - | Atx(2)");
    }

    #[test]
    fn ranges_keep_their_whole_text() {
        assert_eq!(
            read("## February 28 - March 1 2025"),
            "2025-02-28 | February 28 - March 1 2025 | Atx(2)"
        );
        assert_eq!(
            read("### Day 5: February 10-11, 2025"),
            "2025-02-10 | Day 5: February 10-11, 2025 | Atx(3)"
        );
    }

    #[test]
    fn near_misses_stay_text() {
        for s in [
            "on 8.22 we met",
            "1.5 hours",
            "v2.3.1",
            "2.3 Results",
            "## 2.3 Results",
            "1.tcp握手",
            "May 5 we went to the park",
            "**2024-01-02** was a good day",
            "8.22x",
            "2024-01-02T10:00",
            "2024-01-02.md",
        ] {
            assert_eq!(read(s), "-", "{s:?}");
        }
        let long = format!("2024-01-02 {}", "word ".repeat(14));
        assert_eq!(read(&long), "prose");
        assert_eq!(
            read(&format!("## {long}")).split(' ').next(),
            Some("2024-01-02")
        );
    }

    #[test]
    fn dividers() {
        let year = |s| divider(s).and_then(|d| d.year);
        assert_eq!(year("2025"), Some(2025));
        assert_eq!(year("2025:"), Some(2025));
        assert_eq!(year("2025年"), Some(2025));
        assert_eq!(year("# 2022年2月"), Some(2022));
        assert_eq!(year("# 2022년 2월"), Some(2022));
        assert_eq!(year("## February 2017"), Some(2017));
        assert_eq!(year("2022-02"), Some(2022));
        assert_eq!(year("2025: notes"), None);
        assert_eq!(year("20250"), None);
        assert_eq!(
            divider("## Week 8").map(|d| (d.deco, d.year)),
            Some((Deco::Atx(2), None))
        );
        assert_eq!(divider("plain words"), None);
        assert_eq!(divider("- 2025"), None);
    }

    #[test]
    fn time_entries() {
        for s in [
            "09:00",
            "9:30 AM standup",
            "##### 11:15 PM",
            "[14:05] x",
            "- 08:00 – run",
        ] {
            assert!(is_time_entry(s), "{s:?}");
        }
        for s in ["1:5", "123:00", "9.30", "10:300", "x 09:00", "25:99"] {
            assert!(!is_time_entry(s), "{s:?}");
        }
    }
}
