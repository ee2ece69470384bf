//! Dividers: lines outside every day that end the day before them. A year
//! line (`2025`, `2025年`, `2025年2月`, `# 2022년 2월`, `## February 2017`)
//! sets the year of the days after it; a markdown heading above the days'
//! level (`## Week 8` over `### Day 36` days) only groups them.

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
}

/// A line whose decoration [`peel`](super::heading::peel) has taken off, as
/// a year line (`2025`, `2025:`, `2025年`, `2025年2月`, `2022년 2월`,
/// `February 2017`, `2022-02`) or a markdown/org heading; `None` for other
/// lines.
pub fn divider_in(deco: Deco, text: &str) -> Option<DividerLine> {
    if deco == Deco::Plain && !text.as_bytes()[0].is_ascii_alphanumeric() {
        return None;
    }
    let year = year_text(strip_colon(text));
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
        assert_eq!(year("20250"), None);
        assert_eq!(
            divider("## Week 8").map(|d| (d.deco, d.year)),
            Some((Deco::Atx(2), None))
        );
        assert_eq!(divider("plain words"), None);
        assert_eq!(divider("- 2025"), None);
    }
}
