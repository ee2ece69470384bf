//! Dividers: lines outside every day that end the day before them. A year
//! line (`2025`, `2025年`, `2025年2月`, `# 2022년 2월`, `## February 2017`)
//! sets the year of the days after it; a markdown heading above the days'
//! level (`## Week 8` over `### Day 36` days) only groups them.
//!
//! A heading that names a month of a year heads a monthly file, whose days
//! are the deeper headings written by their day alone ([`day_alone`]):
//!
//! ```text
//! # April 2023         the month
//! ## 3rd               2023-04-03
//! ## Tue 4             2023-04-04 Tue
//! ## 5 (Wed)           2023-04-05 (Wed)
//! ```

use super::classify::strip_colon;
use super::heading::Deco;
use crate::dates;

/// A divider line: a year (or year and month) that the days after it
/// belong to, or a heading between days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DividerLine {
    /// Its decoration.
    pub deco: Deco,
    /// The year it names, when the whole heading is a year or a month of
    /// one.
    pub year: Option<i32>,
    /// The month it names with the year (`April 2023`, `2023年4月`,
    /// `2023-04`): a heading of a monthly file, whose days under it may
    /// be written by their day alone (`## 3rd`).
    pub month: Option<u32>,
}

/// A line whose decoration [`peel`](super::heading::peel) has taken off, as
/// a year line (`2025`, `2025:`, `2025年`, `2025年2月`, `2022년 2월`,
/// `February 2017`, `2022-02`) or a markdown/org heading; `None` for other
/// lines.
pub fn divider_in(deco: Deco, text: &str) -> Option<DividerLine> {
    if deco == Deco::Plain && !text.as_bytes()[0].is_ascii_alphanumeric() {
        return None;
    }
    let named = year_text(strip_colon(text));
    let (year, month) = match named {
        Some((year, month)) => (Some(year), month),
        // A month alone, of the year a heading above named (`## April`
        // under `# 2023`).
        None => (None, month_alone(strip_colon(text))),
    };
    match deco {
        Deco::Plain => year.map(|year| DividerLine {
            deco,
            year: Some(year),
            month,
        }),
        Deco::Atx(_) | Deco::Star(_) => Some(DividerLine { deco, year, month }),
        Deco::Bold | Deco::List => None,
    }
}

/// A year alone, or a year and a month: `2025`, `2025年`, `2025年2月`,
/// `2022년`, `2022년 2월`, `February 2017`, `Feb 2017`, `2022-02`; the
/// month too when one is named (1 to 12).
fn year_text(s: &str) -> Option<(i32, Option<u32>)> {
    if s.len() > 24 {
        return None;
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        // `February 2017`.
        let (month, year) = s.split_once(' ')?;
        let month = dates::written::month_name(month.trim_end_matches([',', '.']))?;
        return Some((four_digits(year.trim())?, Some(month)));
    }
    let year = four_digits(&s[..digits])?;
    let rest = &s[digits..];
    // `Some(None)`: no month written; `Some(Some(m))`: month `m`.
    let month_of = |m: &str, mark: &str| -> Option<Option<u32>> {
        if m.is_empty() {
            return Some(None);
        }
        let d = m.strip_suffix(mark).map(str::trim)?;
        number(d).map(Some)
    };
    let month = if rest.is_empty() {
        Some(None)
    } else if let Some(m) = rest.strip_prefix('年') {
        month_of(m, "月")
    } else if let Some(m) = rest.strip_prefix('년') {
        month_of(m.trim(), "월")
    } else if let Some(m) = rest.strip_prefix(['-', '/', '.']) {
        number(m).map(Some)
    } else {
        None
    };
    Some((year, month?))
}

/// A day of the month written alone at the start of a heading under a
/// month: `3`, `03`, `3rd`, `3日`, `3号`, `Mon 3`, `Monday, 3rd`, `3 (Mon)`,
/// `3: networking`, `3 – networking`. The day, and what the heading says
/// besides (its weekday, its title), as a day heading's title. `None` for
/// a number that starts words (`3 things I learned`, `1. Intro`).
pub fn day_alone(s: &str) -> Option<(u32, String)> {
    let s = s.trim();
    // A weekday first.
    let word = s.bytes().take_while(u8::is_ascii_alphabetic).count();
    let (weekday, rest) = if word > 0 && dates::written::is_weekday_name(&s[..word]) {
        let rest = s[word..].trim_start_matches(['.', ',']).trim_start();
        (Some(&s[..word]), rest)
    } else {
        (None, s)
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let day: u32 = rest[..digits].parse().ok()?;
    if !(1..=31).contains(&day) {
        return None;
    }
    let after = &rest[digits..];
    let after = [
        "st", "nd", "rd", "th", "ST", "ND", "RD", "TH", "日", "号", "號",
    ]
    .into_iter()
    .find_map(|x| after.strip_prefix(x))
    .unwrap_or(after);
    let spaced = after.trim_start();
    let title = if spaced.is_empty() {
        ""
    } else if let Some(t) = spaced.strip_prefix([':', '：', '-', '–', '—']) {
        // `3: title`, `3 – title`; not a time (`10:30`) nor a range (`3-4`).
        let colon = after.starts_with([':', '：']);
        if !(colon || after.starts_with(' ')) || !(t.is_empty() || t.starts_with(' ')) {
            return None;
        }
        t.trim()
    } else {
        // A note in brackets, or a weekday after the day.
        let word = spaced.bytes().take_while(u8::is_ascii_alphabetic).count();
        let weekday_after = after.starts_with(' ')
            && weekday.is_none()
            && dates::written::is_weekday_name(&spaced[..word]);
        if !(spaced.starts_with(['(', '（']) || weekday_after) {
            return None;
        }
        spaced
    };
    let title = match (weekday, title) {
        (Some(w), "") => w.to_string(),
        (Some(w), t) => format!("{w} {t}"),
        (None, t) => t.to_string(),
    };
    Some((day, title))
}

/// A month named alone: `April`, `Apr`, `4月`, `04月`.
fn month_alone(s: &str) -> Option<u32> {
    let s = s.trim();
    match s.strip_suffix('月') {
        Some(n) => number(n.trim()),
        None => dates::written::month_name(s.trim_end_matches('.')),
    }
}

/// One or two digits of a month, 1 to 12.
fn number(d: &str) -> Option<u32> {
    let ok = (1..=2).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| d.parse().ok())
        .flatten()
        .filter(|m| (1..=12).contains(m))
}

fn four_digits(s: &str) -> Option<i32> {
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::heading::peel;

    fn divider(trimmed: &str) -> Option<DividerLine> {
        let (deco, text) = peel(trimmed);
        divider_in(deco, text)
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
        let month = |s| divider(s).and_then(|d| d.month);
        assert_eq!(month("# 2022年2月"), Some(2));
        assert_eq!(month("## February 2017"), Some(2));
        assert_eq!(month("# Apr 2023"), Some(4));
        assert_eq!(month("2022-02"), Some(2));
        assert_eq!(month("# 2022년 2월"), Some(2));
        assert_eq!(month("2025"), None);
        assert_eq!(month("2025年"), None);
        assert_eq!(divider("2022-13"), None);
        assert_eq!(month("## April"), Some(4));
        assert_eq!(month("## 4月"), Some(4));
        assert_eq!(month("## Aprils"), None);
        assert_eq!(year("## April"), None);
        assert_eq!(year("20250"), None);
        assert_eq!(
            divider("## Week 8").map(|d| (d.deco, d.year)),
            Some((Deco::Atx(2), None))
        );
        assert_eq!(divider("plain words"), None);
        assert_eq!(divider("- 2025"), None);
    }

    #[test]
    fn days_written_alone() {
        let read = |s| day_alone(s).map(|(d, t)| format!("{d}|{t}"));
        for (s, want) in [
            ("3", "3|"),
            ("03", "3|"),
            ("3rd", "3|"),
            ("21st:", "21|"),
            ("3日", "3|"),
            ("3号（周一）", "3|（周一）"),
            ("Mon 3", "3|Mon"),
            ("Monday, 3rd", "3|Monday"),
            ("3 (Mon)", "3|(Mon)"),
            ("3 Monday", "3|Monday"),
            ("3: networking", "3|networking"),
            ("3 – networking", "3|networking"),
        ] {
            assert_eq!(read(s).as_deref(), Some(want), "{s:?}");
        }
        for s in [
            "3 things I learned",
            "1. Intro",
            "3rdparty",
            "32",
            "0",
            "123",
            "Mon",
            "Week 3",
            "3-4",
            "3.5",
            "10:30 standup",
            "3 -4",
            "",
        ] {
            assert_eq!(read(s), None, "{s:?}");
        }
    }
}
