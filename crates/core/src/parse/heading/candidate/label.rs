//! What may stand before a candidate's date: a label of a word or three
//! (`Journal`, `Lernjournal`, `R1D1`, `第1周/Week 1`) or a weekday, and
//! when such words are the start of a sentence instead (`Termin am`).

use unicode_width::UnicodeWidthStr;

use super::Key;
use crate::dates::weekday_at;
use crate::parse::trim::trim;

/// The most words before the date, and their most columns.
pub(super) const LABEL_WORDS: usize = 3;
pub(super) const LABEL_COLUMNS: usize = 24;

/// Words that end a sentence's lead-in to a date, not a label: `on`,
/// `am`, `le`, `до` … (`Termin am 12.03.2024` is a sentence).
const LEAD_INS: [&str; 40] = [
    "on", "at", "by", "in", "of", "from", "since", "until", "till", "due", "before", "after",
    "the", "a", "an", "to", "am", "um", "im", "bis", "vom", "seit", "ab", "zum", "le", "la", "les",
    "du", "de", "des", "au", "en", "el", "del", "в", "на", "до", "с", "от", "по",
];

/// What may stand between a label and its date.
pub(super) const SEPARATORS: [char; 11] =
    [':', '：', '-', '–', '—', '|', ',', '，', '/', '、', ' '];

/// The bytes of one word of a label: letters, digits and the marks inside
/// words, up to a space, a separator or an opening bracket.
pub(super) fn word_len(s: &str) -> Option<usize> {
    let n = s
        .char_indices()
        .find(|&(_, c)| {
            c.is_whitespace()
                || matches!(c, '[' | '(' | '（' | '【' | '：' | '|' | ',' | '，' | '、')
                || (c == ':' || c == '–' || c == '—')
        })
        .map_or(s.len(), |(i, _)| i);
    (n > 0).then_some(n)
}

/// The spaces and separators between label words, or a label and its date.
pub(super) fn separators(s: &str) -> usize {
    s.len()
        - s.trim_start_matches(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    ':' | '：' | '-' | '–' | '—' | '|' | ',' | '，' | '/' | '、'
                )
        })
        .len()
}

/// What stands before the date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Prefix {
    None,
    /// A weekday (`Montag`, `Mo.`, `星期二`).
    Weekday(u8),
    /// A label: its words, their digits as `#`, hashed.
    Label(u64),
}

impl Prefix {
    pub(super) fn key(self) -> [u8; 9] {
        let mut out = [0; 9];
        match self {
            Prefix::None => {}
            Prefix::Weekday(_) => out[0] = 1,
            Prefix::Label(h) => {
                out[0] = 2;
                out[1..].copy_from_slice(&h.to_le_bytes());
            }
        }
        out
    }
}

/// The kind of a label; `None` when it reads as the start of a sentence.
pub(super) fn label_kind(label: &str) -> Option<Prefix> {
    let label = label.trim_end_matches(SEPARATORS);
    if label.is_empty() {
        return Some(Prefix::None);
    }
    if let Some((day, n)) = weekday_at(label)
        && trim(&label[n..]).trim_matches([',', '.']).is_empty()
    {
        return Some(Prefix::Weekday(day));
    }
    // A label has a letter (`2 | 2020/03/31` is a table's numbers) and
    // does not end a sentence.
    if label.width() > LABEL_COLUMNS
        || label.ends_with(['.', '!', '?', '。', '！', '？'])
        || !label.chars().any(char::is_alphabetic)
    {
        return None;
    }
    let words: Vec<&str> = label.split_whitespace().collect();
    let last = words.last()?.to_lowercase();
    if words.len() > LABEL_WORDS || LEAD_INS.contains(&last.as_str()) {
        return None;
    }
    let mut key = Key::new();
    let mut number = false;
    for c in label.chars().flat_map(char::to_lowercase) {
        // `Day 3`, `R1D12`, `Week 2-3`: the numbers count up, the label
        // stays; a run of numbers joined by `-`, `,` or `&` is one.
        let digit = c.is_ascii_digit();
        let joins = number && matches!(c, '-' | '–' | ',' | '&');
        if !(number && (digit || joins)) {
            let c = if digit { '#' } else { c };
            key.add(c.encode_utf8(&mut [0; 4]).as_bytes());
        }
        number = digit || joins;
    }
    Some(Prefix::Label(key.finish().0))
}
