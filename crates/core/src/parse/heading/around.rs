//! What may stand around a date on a heading line: before it a `Day N`
//! prefix, after it a separator and a title (and which titles a date of
//! each form allows); and the quick first look at whether a line could
//! hold a date at all.

use super::super::trim::{trim, trim_start};
use crate::dates::{self, Form};

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
        _ => rest.starts_with('第') || rest.starts_with('【'),
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

/// `Day 22: `, `Day 28-29: `, `Day 49, 50 - `, `Day 12 & 13: `, `第3天 `:
/// the label (`Day 22`) and the text after it.
pub(super) fn day_prefix(s: &str) -> Option<(&str, &str)> {
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
pub(super) enum After<'a> {
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
pub(super) fn separator(after: &str) -> Option<After<'_>> {
    let rest = trim_start(after);
    if rest.is_empty() || closing_run(rest) {
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

/// A run of one decoration closing a heading line, as a banner closes it
/// (`=== 2024-01-02 ===`, `*** 3.5 ***`): two or more of `=`, `*`, `#`,
/// `_` or `+`, nothing else but spaces after them. (Dashes and tildes
/// are separators, read above.)
fn closing_run(rest: &str) -> bool {
    let b = rest.trim_end().as_bytes();
    b.len() >= 2 && matches!(b[0], b'=' | b'*' | b'#' | b'_' | b'+') && b.iter().all(|&c| c == b[0])
}

impl After<'_> {
    /// True when a date of `form` may be followed by this.
    pub(super) fn allowed(self, form: Form, year: bool, decorated: bool) -> bool {
        let title = match self {
            After::End | After::Colon(_) | After::Dash(_) => return true,
            After::Other(t) => t,
        };
        let first = title.chars().next().unwrap_or(' ');
        if is_cjk(first)
            || matches!(first, '[' | '(' | '（' | '【')
            || dates::starts_with_weekday(title)
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
