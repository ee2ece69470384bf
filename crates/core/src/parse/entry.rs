//! jrnl's journal entries: a line that starts with the entry's date and
//! time in brackets, its title after it, its body on the lines below.
//!
//! ```text
//! [2024-01-02 09:00] Standup notes. Talked about the release.   an entry
//! [2024-01-02 02:30 PM] * Read the paper @reading               starred, 12-hour time
//! [2024-01-02 18:00] Wrote tests. *                              starred (jrnl 2 writes it last)
//! ```
//!
//! The entries of one date make one day, each entry a topic titled by its
//! time and title line; `@tags` stay in the text, where search finds them.

use super::trim::trim;
use crate::dates::{self, Form, HeadingDate};

/// An entry line, read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry<'a> {
    /// The entry's date.
    pub date: HeadingDate,
    /// Its time as written: `09:00`, `02:30 PM`.
    pub time: &'a str,
    /// The rest of the line, without a star.
    pub text: &'a str,
    /// Marked with `*`.
    pub starred: bool,
}

impl Entry<'_> {
    /// The topic's title: the time and the title line.
    pub fn title(&self) -> String {
        if self.text.is_empty() {
            self.time.to_string()
        } else {
            format!("{} {}", self.time, self.text)
        }
    }
}

/// `trimmed` (a line without surrounding whitespace) as a jrnl entry.
pub fn jrnl_entry(trimmed: &str) -> Option<Entry<'_>> {
    let inner = trimmed.strip_prefix('[')?;
    let close = inner.bytes().take(33).position(|b| b == b']')?;
    let stamp = &inner[..close];
    let date = dates::leading_date(stamp)?;
    if date.form != Form::Numeric || date.date.year.is_none() {
        return None;
    }
    let time = stamp[date.len..].strip_prefix(' ')?;
    if !is_clock_time(time) {
        return None;
    }
    let rest = trim(&inner[close + 1..]);
    let (starred, text) = match rest.strip_prefix('*') {
        Some(after) if after.is_empty() || after.starts_with(' ') => (true, trim(after)),
        _ => match rest.strip_suffix(" *") {
            Some(before) => (true, trim(before)),
            None => (false, rest),
        },
    };
    Some(Entry {
        date: date.date,
        time,
        text,
        starred,
    })
}

/// `09:00`, `9:00`, `09:00:15`, `02:30 PM`, `2:30 am`.
fn is_clock_time(s: &str) -> bool {
    let (clock, half) = match s.rsplit_once(' ') {
        Some((c, h)) => (c, Some(h)),
        None => (s, None),
    };
    if half.is_some_and(|h| !(h.eq_ignore_ascii_case("am") || h.eq_ignore_ascii_case("pm"))) {
        return false;
    }
    let mut parts = clock.split(':');
    let numbers: Vec<Option<u32>> = parts
        .by_ref()
        .map(|p| {
            (!p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        })
        .collect();
    match numbers.as_slice() {
        [Some(h), Some(m)] | [Some(h), Some(m), Some(_)] => {
            *m < 60
                && if half.is_some() {
                    (1..=12).contains(h)
                } else {
                    *h < 24
                }
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `date time | text | starred`.
    fn read(s: &str) -> String {
        match jrnl_entry(s) {
            Some(e) => format!(
                "{}-{}-{} {} | {} | {}",
                e.date.year.unwrap_or(0),
                e.date.month,
                e.date.day,
                e.time,
                e.text,
                e.starred
            ),
            None => "-".into(),
        }
    }

    #[test]
    fn entries() {
        assert_eq!(
            read("[2024-01-02 09:00] Standup notes. Talked."),
            "2024-1-2 09:00 | Standup notes. Talked. | false"
        );
        assert_eq!(
            read("[2024-01-02 02:30 PM] * Read the paper @reading"),
            "2024-1-2 02:30 PM | Read the paper @reading | true"
        );
        assert_eq!(
            read("[2024-01-02 18:00] Wrote tests. *"),
            "2024-1-2 18:00 | Wrote tests. | true"
        );
        assert_eq!(
            read("[2024-01-02 09:00:15]"),
            "2024-1-2 09:00:15 |  | false"
        );
    }

    #[test]
    fn not_entries() {
        for s in [
            "[2024-01-02] no time",
            "[2024-01-02 Tue 09:00] an org timestamp",
            "[8.22 09:00] no year",
            "[2024-01-02 25:00] x",
            "[2024-01-02 13:00 PM] x",
            "[link](2024-01-02 09:00)",
            "2024-01-02 09:00 no brackets",
        ] {
            assert_eq!(read(s), "-", "{s:?}");
        }
    }
}
