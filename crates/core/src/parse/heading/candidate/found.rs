//! Where the date of a candidate line is: after at most a few words of a
//! label, perhaps in a bracket or as a link's text, perhaps the first of a
//! range (`[2021/03/02~2021/03/04]`, `2023.7.9-2023.7.16`, `01.-07.01.2018`,
//! ` bis 10.03.2019`), perhaps with two digits of a year (`04/03/24`).

use super::label::{LABEL_COLUMNS, LABEL_WORDS, separators, word_len};
use crate::dates::{self, Written, weekday_at};
use crate::parse::trim::{trim, trim_start};

/// A date found after the decoration: where its label ends, where the
/// date (after an opening bracket) starts and ends, the bracket.
pub(super) struct Found {
    /// The date's year has two digits (`04/03/24`).
    pub(super) short_year: bool,
    pub(super) label_end: usize,
    pub(super) opener: Option<char>,
    pub(super) at: usize,
    /// Where the date, its range included, ends.
    pub(super) end: usize,
    pub(super) written: Written,
    pub(super) range: bool,
}

/// The first date after at most [`LABEL_WORDS`] words.
pub(super) fn find_date(s: &str) -> Option<Found> {
    let mut at = 0;
    for _ in 0..=LABEL_WORDS {
        let here = &s[at..];
        let found = |opener, start: usize, (written, len, range): (Written, usize, bool)| Found {
            short_year: false,
            label_end: at,
            opener,
            at: start,
            end: start + len,
            written,
            range,
        };
        // `[2024-01-02 Tue]`, `<…>`, `【…】`: the date readers take the
        // brackets.
        if may_start_date(here)
            && let Some(d) = dated(here)
        {
            return Some(found(None, at, d));
        }
        if let Some(c @ ('[' | '(' | '（' | '【')) = here.chars().next()
            && !here.starts_with("[[")
        {
            let start = at + c.len_utf8();
            if may_start_date(&s[start..])
                && let Some(d) = dated(&s[start..])
            {
                return Some(found(Some(c), start, d));
            }
        }
        if let Some(w) = short_year(here) {
            return Some(Found {
                short_year: true,
                ..found(None, at, (w, w.len, false))
            });
        }
        at += word_len(here)?;
        at += separators(&s[at..]);
        if at > LABEL_COLUMNS * 4 {
            return None;
        }
    }
    None
}

/// A first look at whether a date can start `s`: a digit, a bracket the
/// date readers take, or a word that names a month or a weekday in a
/// language they read (`March 4`, `Tuesday, January 2`). Most words of a
/// label answer here.
fn may_start_date(s: &str) -> bool {
    match s.as_bytes().first() {
        Some(b'0'..=b'9' | b'[' | b'<') => true,
        Some(b) if b.is_ascii_alphabetic() => {
            let n = s.bytes().take_while(u8::is_ascii_alphabetic).count();
            let word = &s[..n];
            (3..=9).contains(&n)
                && (dates::written::month_name(word).is_some()
                    || dates::written::is_weekday_name(word))
        }
        _ => s.starts_with('【'),
    }
}

/// `04/03/24`, `04.03.24`: day, month and two digits of the year, read as
/// the other dates with the year last (this century's).
fn short_year(s: &str) -> Option<Written> {
    let b = s.as_bytes();
    let digits = |at: usize| b[at..].iter().take_while(|c| c.is_ascii_digit()).count();
    let a = digits(0);
    let sep = *b.get(a)?;
    if !(1..=2).contains(&a) || !matches!(sep, b'.' | b'/' | b'-') {
        return None;
    }
    let m = digits(a + 1);
    if !(1..=2).contains(&m) || b.get(a + 1 + m) != Some(&sep) || digits(a + m + 2) != 2 {
        return None;
    }
    let len = a + m + 4;
    if b.get(len)
        .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'/' | b'-'))
    {
        return None;
    }
    let full = format!("{}20{}", &s[..a + m + 2], &s[a + m + 2..len]);
    let w = dates::whole_date(&full)?;
    Some(Written { len, ..w })
}

/// The date at the start of `s` and the range that may follow it: the
/// date, the bytes both take, and whether there was a second date.
fn dated(s: &str) -> Option<(Written, usize, bool)> {
    if let Some(r) = day_only_range(s) {
        return Some(r);
    }
    let Some(w) = dates::candidate_date(s) else {
        return joined_range(s);
    };
    if w.range {
        return Some((w, w.len, true));
    }
    match range_end(&s[w.len..]) {
        Some(more) => Some((w, w.len + more, true)),
        None => Some((w, w.len, false)),
    }
}

/// `2023.7.9-2023.7.16`, `2024-01-02-2024-01-05`: a date run into a dash
/// and a second date, which the date readers take for one longer number.
fn joined_range(s: &str) -> Option<(Written, usize, bool)> {
    if !s.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    for (j, c) in s.char_indices().take_while(|&(j, _)| j < 24) {
        if !matches!(c, '-' | '~' | '～' | '–' | '—') || j == 0 {
            continue;
        }
        if let Some(w) = dates::whole_date(&s[..j])
            && let Some(more) = range_end(&s[j..])
        {
            return Some((w, j + more, true));
        }
    }
    None
}

/// `01.-07.01.2018`: a day, then a dash and a whole date whose month and
/// year the first day shares.
fn day_only_range(s: &str) -> Option<(Written, usize, bool)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) || !s[digits..].starts_with('.') {
        return None;
    }
    let day: u32 = s[..digits].parse().ok()?;
    let rest = trim_start(&s[digits + 1..]);
    let dash = rest.strip_prefix(['-', '–', '~'])?;
    let second = trim_start(dash);
    let w = dates::leading_date(second)?;
    w.date.year?;
    let len = s.len() - second.len() + w.len;
    let mut first = w;
    first.date.day = day;
    first.range = true;
    Some((first, len, true))
}

/// After a date: ` – 2024-01-05`, `~2021/03/04`, ` bis 10.03.2019`, `-7.16`:
/// the bytes the second date takes with what joins it.
fn range_end(s: &str) -> Option<usize> {
    let t = trim_start(s);
    let joined = [
        "~", "～", "–", "—", "-", "至", "到", "bis ", "to ", "au ", "until ",
    ]
    .into_iter()
    .find_map(|j| t.strip_prefix(j))?;
    let second = trim_start(joined);
    let len = match dates::candidate_date(second) {
        Some(w) => w.len,
        // `2023.7.9-7.16`: the end without its year.
        None => {
            let n = second
                .bytes()
                .take_while(|b| b.is_ascii_digit() || matches!(b, b'.' | b'/'))
                .count();
            let part = second[..n].trim_end_matches(['.', '/']);
            if part.is_empty() || !part.contains(['.', '/']) {
                return None;
            }
            part.len()
        }
    };
    Some(s.len() - second.len() + len)
}

/// What closes a date's bracket.
pub(super) struct Closed<'a> {
    /// The text after it (after the link's address, for a link).
    pub(super) tail: &'a str,
    /// Short text inside the bracket after the date (`(火)` in
    /// `[2026/1/20(火)](…)`).
    pub(super) inside: &'a str,
    /// The bracket was a link's text: `[2024-01-02](2024-01-02.md)`.
    pub(super) link: bool,
}

/// After the date: the closing bracket of `opener`, if any, and the text
/// after it. A `[` may hold a weekday after the date and be a link's text.
pub(super) fn close(after: &str, opener: Option<char>) -> Option<Closed<'_>> {
    let Some(open) = opener else {
        return Some(Closed {
            tail: after,
            inside: "",
            link: false,
        });
    };
    let closer = match open {
        '[' => ']',
        '(' => ')',
        '（' => '）',
        _ => '】',
    };
    let t = trim_start(after);
    if let Some(rest) = t.strip_prefix(closer).or_else(|| {
        // `（2023.7.9-2023.7.16）` may close with either bracket.
        matches!(open, '(' | '（')
            .then(|| t.strip_prefix([')', '）']))
            .flatten()
    }) {
        let (tail, link) = link_address(rest, open);
        return Some(Closed {
            tail,
            inside: "",
            link,
        });
    }
    // `[2026/1/20(火)](…)`: a weekday, then the link's text closes.
    if open == '[' {
        let end = t.find(']').filter(|&i| i <= 24)?;
        let inside = &t[..end];
        let (_, n) = weekday_at(trim(inside))?;
        if n != trim(inside).len() {
            return None;
        }
        let (tail, link) = link_address(&t[end + 1..], open);
        return Some(Closed { tail, inside, link });
    }
    None
}

/// After `[…]`: the link address `(…)` that may follow, skipped.
fn link_address(rest: &str, open: char) -> (&str, bool) {
    if open == '['
        && let Some(url) = rest.strip_prefix('(')
        && let Some(end) = url.find(')')
    {
        return (&url[end + 1..], true);
    }
    (rest, false)
}
