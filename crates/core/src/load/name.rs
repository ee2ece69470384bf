//! Dates in file names: daily notes are named by their day, as Obsidian,
//! Logseq and Dendron name them.
//!
//! ```text
//! 2024-01-02.md  2024_01_02.md  2024.01.02.txt  20240102.md     the day
//! 2024-01-02 Tuesday.md  2024-01-02-review.md                  the day, titled
//! daily.2024.01.02.md  daily.journal.2024.01.02.md             Dendron
//! ```

use crate::dates::{self, Form, HeadingDate};

/// The day a file is named by, with what the name says after the date;
/// `None` for other names. `stem` is the name without its extension.
pub fn name_date(stem: &str) -> Option<(HeadingDate, Option<&str>)> {
    if let Some(found) = leading(stem) {
        return Some(found);
    }
    // Dendron: dotted segments ending `YYYY.MM.DD`.
    let dot = stem.find('.')?;
    let (found, rest) = leading(&stem[dot + 1..]).or_else(|| name_date(&stem[dot + 1..]))?;
    Some((found, rest))
}

/// A name that is written as a date but names none (`2024-02-30.md`,
/// `2024-13-01.md`): the date as written and why it is impossible.
pub fn impossible_name_date(stem: &str) -> Option<String> {
    let at = |s: &str| {
        let (date, len) = written(s)?;
        let why = dates::why_impossible(date.year, date.month, date.day)?;
        Some(format!("{}: {why}", &s[..len]))
    };
    at(stem).or_else(|| {
        let dot = stem.find('.')?;
        impossible_name_date(&stem[dot + 1..])
    })
}

/// A full date written at the start of `s`, whether or not it is one:
/// its numbers and its length.
fn written(s: &str) -> Option<(HeadingDate, usize)> {
    match compact(s) {
        Some(d) => Some((d, 8)),
        None => {
            let w = dates::leading_date(s)?;
            (w.form == Form::Numeric && w.date.year.is_some()).then_some((w.date, w.len))
        }
    }
}

/// A full date at the start of `s`, followed by nothing or by a separator
/// and a title.
fn leading(s: &str) -> Option<(HeadingDate, Option<&str>)> {
    let (date, len) = written(s)?;
    if !dates::is_valid(date.year, date.month, date.day) {
        return None;
    }
    let rest = &s[len..];
    if rest.is_empty() {
        return Some((date, None));
    }
    let title = rest.strip_prefix([' ', '-', '_', '.'])?;
    let title = title.trim_matches([' ', '-', '_']);
    Some((date, Some(title).filter(|t| !t.is_empty())))
}

/// `20240102`: eight digits, not followed by another.
fn compact(s: &str) -> Option<HeadingDate> {
    let b = s.as_bytes();
    if b.len() < 8
        || !b[..8].iter().all(u8::is_ascii_digit)
        || b.get(8).is_some_and(u8::is_ascii_digit)
    {
        return None;
    }
    let n = |r: std::ops::Range<usize>| s[r].parse::<u32>().ok();
    Some(HeadingDate {
        year: Some(n(0..4)? as i32),
        month: n(4..6)?,
        day: n(6..8)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(stem: &str) -> Option<String> {
        name_date(stem).map(|(d, t)| {
            format!(
                "{}-{}-{} {}",
                d.year.unwrap_or(0),
                d.month,
                d.day,
                t.unwrap_or("-")
            )
        })
    }

    #[test]
    fn daily_names() {
        for (stem, want) in [
            ("2024-01-02", "2024-1-2 -"),
            ("2024_01_02", "2024-1-2 -"),
            ("2024.01.02", "2024-1-2 -"),
            ("20240102", "2024-1-2 -"),
            ("2024-01-02 Tuesday", "2024-1-2 Tuesday"),
            ("2024-01-02-review", "2024-1-2 review"),
            ("daily.2024.01.02", "2024-1-2 -"),
            ("daily.journal.2024.01.02", "2024-1-2 -"),
        ] {
            assert_eq!(read(stem).as_deref(), Some(want), "{stem}");
        }
    }

    #[test]
    fn names_that_are_no_date_say_why() {
        for (stem, want) in [
            ("2024-02-30", "2024-02-30: February 2024 has 29 days"),
            ("2024-13-01", "2024-13-01: there is no month 13"),
            ("0000-00-00", "0000-00-00: years run from 1 to 9999"),
            ("20230229", "20230229: February 2023 has 28 days"),
            ("daily.2024.04.31", "2024.04.31: April has 30 days"),
        ] {
            assert_eq!(impossible_name_date(stem).as_deref(), Some(want), "{stem}");
        }
        for stem in ["2024-02-29", "README", "8.22", "notes"] {
            assert_eq!(impossible_name_date(stem), None, "{stem}");
        }
    }

    #[test]
    fn other_names() {
        for stem in [
            "README",
            "notes",
            "8.22",
            "2024-13-02",
            "2024-02-30",
            "2024",
            "v2024.01.02x",
            "202401021",
            "study-notes",
            "2024-01",
        ] {
            assert_eq!(read(stem), None, "{stem}");
        }
    }
}
