//! What the text after a day heading's date says besides its title: a
//! second date (a range), a week, a weekday; and what is taken off it.

use super::is_cjk;
use crate::dates;
use crate::parse::trim::trim;

/// True when the text after a date is the end of a range: `2024-01-05`,
/// `bis 10.03.2019`, `to 2024-01-05`, `~2021/03/04`.
pub(super) fn is_range_end(own: &str) -> bool {
    if own.is_empty() {
        return false;
    }
    let t = ["bis ", "to ", "au ", "until ", "~", "至", "到"]
        .into_iter()
        .find_map(|j| own.strip_prefix(j))
        .unwrap_or(own);
    let t = trim(t);
    // Most titles answer here: a second date starts with a digit.
    t.as_bytes().first().is_some_and(u8::is_ascii_digit) && dates::whole_date(t).is_some()
}

/// True when a title names a week: `(week 27)`, `Week 10`, `KW10`,
/// `W10`, `Woche 3`, `semaine 12`, `第3周`.
pub(super) fn names_week(title: &str) -> bool {
    let numbered_zhou = title
        .char_indices()
        .any(|(i, c)| c == '周' && title[..i].ends_with(|p: char| p.is_ascii_digit()));
    numbered_zhou
        || title.split(|c: char| !c.is_alphanumeric()).any(|word| {
            let numbered = |p: &str| {
                word.len() > p.len()
                    && word.is_char_boundary(p.len())
                    && word[..p.len()].eq_ignore_ascii_case(p)
                    && word[p.len()..].bytes().all(|b| b.is_ascii_digit())
            };
            ["week", "woche", "semaine", "semana", "settimana"]
                .iter()
                .any(|w| word.eq_ignore_ascii_case(w))
                || numbered("kw")
                || numbered("w")
        })
}

/// The weekday a day's title names where its own words start (`星期二
/// 晴`, `Day 3: Tuesday`): a part of it after `: ` at most.
pub fn title_weekday(title: &str) -> Option<u8> {
    title.split(": ").take(2).find_map(named_weekday)
}

/// A range's whole text, without the line breaks and spaces around it.
pub(super) fn range_text(dated: &str) -> &str {
    trim(dated)
}

/// The weekday `s` starts with, when it is a whole word (`Tuesday,`,
/// `星期二 晴`, `(Wed)`).
pub(super) fn named_weekday(s: &str) -> Option<u8> {
    let (day, n) = dates::weekday_at(s)?;
    let next = s[n..].chars().next();
    next.is_none_or(|c| !c.is_alphanumeric() || is_cjk(c))
        .then_some(day)
}

/// A title without the HTML line breaks that end it (`<br>`, `<br/>`),
/// as notes written for a web page have: `2024/08/03（31℃晴）<br>`.
pub(super) fn without_breaks(s: &str) -> &str {
    let mut t = trim(s);
    while let Some(b) = ["<br>", "<br/>", "<br />"].into_iter().find(|b| {
        t.len() >= b.len()
            && t.is_char_boundary(t.len() - b.len())
            && t[t.len() - b.len()..].eq_ignore_ascii_case(b)
    }) {
        t = trim(&t[..t.len() - b.len()]);
    }
    t
}
