//! Candidate day lines: lines that start with a date after a short
//! decoration the heading rules do not know, or that are a date with a
//! short tail. One alone is text; a file that writes its days so line after
//! line teaches the parser its shape ([`Shape`]), and every line of a shape
//! that repeats, in date order one way or the other, is a day line (see
//! [`crate::parse::rules`]).
//!
//! ```text
//! # Journal – 14.03.2022        a label before the date
//! Montag 15.05.2023             a weekday before it, in any language
//! mardi 2 janvier 2024          a month name in another language
//! ## 🗓️ April 25, 2025          an emoji or a symbol
//! #07.04.2016                   `#` without a space
//! [2021/03/02~2021/03/04]       a range in brackets
//! ### R1D1 - 15MAY2020          a numbered label, a date run together
//! ## 20250216进展                eight digits
//! 2024/08/03（31℃晴）<br>        a weather note, a line break
//! ```
//!
//! A date inside a sentence never is one: the label is a word or three,
//! not ending in a preposition (`Termin am 12.03.2024`), the text after
//! the date is short, and a date without a year needs a weekday beside it
//! (`Version 2.3` is a number).

use unicode_width::UnicodeWidthStr;

use super::around::{After, separator};
use super::{DayHeading, Deco, PROSE_COLUMNS, join, peel, without_breaks};
use crate::dates::{self, DayOrder, Form, Order, Written, weekday_at};
use crate::parse::trim::{trim, trim_start};

/// What a candidate line looks like, with its date and words taken out:
/// decoration, symbols, label or weekday, the way the date is written,
/// indentation. Lines of one shape are the lines of one habit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Shape(u64);

/// A candidate day line read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Its date, title (the label and the text after the date) and
    /// decoration, with [`DayHeading::shape`] set.
    pub heading: DayHeading,
    /// Its `#` ran into the date (`#07.04.2016`): a markdown heading with
    /// its space missing.
    pub glued: bool,
}

/// The most bytes looked at for the first digit of a date.
const LOOK: usize = 64;

/// The most words before the date, and their most columns.
const LABEL_WORDS: usize = 3;
const LABEL_COLUMNS: usize = 24;

/// Words that end a sentence's lead-in to a date, not a label: `on`,
/// `am`, `le`, `до` … (`Termin am 12.03.2024` is a sentence).
const LEAD_INS: [&str; 40] = [
    "on", "at", "by", "in", "of", "from", "since", "until", "till", "due", "before", "after",
    "the", "a", "an", "to", "am", "um", "im", "bis", "vom", "seit", "ab", "zum", "le", "la", "les",
    "du", "de", "des", "au", "en", "el", "del", "в", "на", "до", "с", "от", "по",
];

/// Reads `trimmed` (a line without its indentation, at `indent` columns)
/// as a candidate day line.
pub fn candidate(trimmed: &str, indent: usize) -> Option<Candidate> {
    let head = &trimmed.as_bytes()[..trimmed.len().min(LOOK)];
    // A table row is a row, whatever it holds.
    if !head.iter().any(u8::is_ascii_digit) || head[0] == b'|' {
        return None;
    }
    let mut key = Key::new();
    let (deco, glued, rest) = markup(trimmed);
    key.add(&deco_key(deco, glued));
    let (bold, rest, after_bold) = match bold(rest) {
        Some((inner, after)) => (true, inner, after),
        None => (false, rest, ""),
    };
    key.add(&[u8::from(bold)]);
    let deco = if bold && deco == Deco::Plain {
        Deco::Bold
    } else {
        deco
    };
    let (ornament, rest) = ornaments(rest);
    key.add(&ornament.to_le_bytes());
    let found = find_date(rest)?;
    let label = trim(&rest[..found.label_end]);
    let prefix = label_kind(label)?;
    key.add(&prefix.key());
    key.add(&layout(&rest[found.at..], &found.written));
    key.add(&[u8::from(found.range)]);
    key.add(&u32::try_from(indent.min(64)).unwrap_or(64).to_le_bytes());
    let after = &rest[found.end..];
    let closed = close(after, found.opener)?;
    key.add(&[
        found.opener.map_or(0, |c| c as u32 as u8),
        u8::from(closed.link),
    ]);
    let own = match separator(closed.tail)? {
        After::End => "",
        After::Colon(t) | After::Dash(t) | After::Other(t) => t,
    };
    let own = without_breaks(own);
    // `[2026/1/20(火)](…) - text`: what the link's text holds after the date.
    let inside = trim(closed.inside);
    let own_title = join([inside, own]);
    let own = own_title.as_deref().unwrap_or("");
    let mut written = found.written;
    let year = written.date.year.is_some();
    if written.form == Form::Numeric && !year {
        day_first_when_it_must(&mut written);
    }
    let weekday = match prefix {
        Prefix::Weekday(d) => Some(d),
        _ => tail_weekday(own),
    };
    // A number without a year, or with two digits of one, is a date only
    // beside a weekday.
    let weak = (!year && !found.range) || found.short_year;
    if written.form == Form::Numeric && weak && weekday.is_none() {
        return None;
    }
    let extra = trim(after_bold);
    if bold
        && !extra.is_empty()
        && !matches!(separator(extra), Some(After::Colon(_) | After::Dash(_)))
    {
        return None;
    }
    let shown = if found.range {
        trim(&rest[found.at..found.end])
    } else {
        own
    };
    let label = label.trim_end_matches(SEPARATORS);
    let title = join([
        label,
        shown,
        trim_start(extra.trim_start_matches([':', '-', '–'])),
    ]);
    if title.as_deref().map_or(0, UnicodeWidthStr::width) > PROSE_COLUMNS {
        return None;
    }
    Some(Candidate {
        heading: DayHeading {
            date: written.date,
            title,
            deco,
            strict: false,
            bare: false,
            order: written.order,
            weekday,
            shape: Some(key.finish()),
            range: found.range,
        }
        .told_by_weekday(),
        glued,
    })
}

/// What may stand between a label and its date.
const SEPARATORS: [char; 11] = [':', '：', '-', '–', '—', '|', ',', '，', '/', '、', ' '];

/// `16.05` under `Montag 15.05.2023` is the 16th of May: a date without a
/// year whose first number cannot be a month is read day first (its order
/// told); one that could be either is read month first, as `8.22` is, until
/// the file's dates with the year last tell otherwise.
fn day_first_when_it_must(w: &mut Written) {
    let d = &mut w.date;
    if d.month > 12 && d.day <= 12 {
        std::mem::swap(&mut d.month, &mut d.day);
        w.order = Some(Order::Told(DayOrder::DayFirst));
    } else if d.month <= 12 && d.day <= 12 && d.month != d.day {
        w.order = Some(Order::Guessed(DayOrder::MonthFirst));
    }
}

/// A date found after the decoration: where its label ends, where the
/// date (after an opening bracket) starts and ends, the bracket.
struct Found {
    /// The date's year has two digits (`04/03/24`).
    short_year: bool,
    label_end: usize,
    opener: Option<char>,
    at: usize,
    /// Where the date, its range included, ends.
    end: usize,
    written: Written,
    range: bool,
}

/// The first date after at most [`LABEL_WORDS`] words.
fn find_date(s: &str) -> Option<Found> {
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
        if let Some(d) = dated(here) {
            return Some(found(None, at, d));
        }
        if let Some(c @ ('[' | '(' | '（' | '【')) = here.chars().next()
            && !here.starts_with("[[")
        {
            let start = at + c.len_utf8();
            if let Some(d) = dated(&s[start..]) {
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

/// Takes off what marks the line up: a markdown heading (its `#` with or
/// without a space after them), an org heading, a list marker. Also says
/// whether the `#` ran into the text (`#07.04.2016`).
fn markup(s: &str) -> (Deco, bool, &str) {
    let hashes = s.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && !s[hashes..].starts_with([' ', '\t']) {
        return (Deco::Atx(hashes as u8), true, &s[hashes..]);
    }
    let (deco, rest) = peel(s);
    (deco, false, rest)
}

fn deco_key(deco: Deco, glued: bool) -> [u8; 3] {
    let (kind, level) = match deco {
        Deco::Plain => (0, 0),
        Deco::Bold => (1, 0),
        Deco::List => (2, 0),
        Deco::Atx(l) => (3, l),
        Deco::Star(l) => (4, l),
    };
    [kind, level, u8::from(glued)]
}

/// `**x** rest`: the bold text and what follows it.
fn bold(s: &str) -> Option<(&str, &str)> {
    let marker = ["**", "__"].into_iter().find(|m| s.starts_with(m))?;
    let close = s[2..].find(marker)? + 2;
    Some((trim(&s[2..close]), &s[close + 2..]))
}

/// Symbols and emoji before the label or date (`🗓️ `, `■ `, `> `): the
/// first one, as a number, and what follows them.
fn ornaments(s: &str) -> (u32, &str) {
    let mut first = 0;
    let mut rest = s;
    for _ in 0..4 {
        let Some(c) = rest.chars().next() else { break };
        let symbol = !(c.is_alphanumeric()
            || c.is_whitespace()
            || matches!(c, '[' | '(' | '（' | '【' | '<' | '*' | '_' | '#'))
            || c == '\u{FE0F}';
        if !symbol {
            break;
        }
        if first == 0 {
            first = c as u32;
        }
        rest = trim_start(&rest[c.len_utf8()..]);
    }
    (first, rest)
}

/// The bytes of one word of a label: letters, digits and the marks inside
/// words, up to a space, a separator or an opening bracket.
fn word_len(s: &str) -> Option<usize> {
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
fn separators(s: &str) -> usize {
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
enum Prefix {
    None,
    /// A weekday (`Montag`, `Mo.`, `星期二`).
    Weekday(u8),
    /// A label: its words, their digits as `#`, hashed.
    Label(u64),
}

impl Prefix {
    fn key(self) -> [u8; 9] {
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
fn label_kind(label: &str) -> Option<Prefix> {
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
    let mut digits = false;
    for c in label.chars().flat_map(char::to_lowercase) {
        // `Day 3`, `R1D12`: the numbers count up, the label stays.
        let digit = c.is_ascii_digit();
        if !(digit && digits) {
            let c = if digit { '#' } else { c };
            key.add(c.encode_utf8(&mut [0; 4]).as_bytes());
        }
        digits = digit;
    }
    Some(Prefix::Label(key.finish().0))
}

/// How a date is laid out, for its shape: the form, and for numbers the
/// separator and whether the year comes first (a date without a year is
/// laid out as one with it last: `Dienstag 16.05` under `Montag
/// 15.05.2023`).
fn layout(s: &str, w: &Written) -> [u8; 3] {
    let form = match w.form {
        Form::Numeric => 0,
        Form::Cjk => 1,
        Form::Named => 2,
        Form::Org => 3,
    };
    let sep = s
        .bytes()
        .find(|b| !b.is_ascii_digit())
        .filter(|b| matches!(b, b'.' | b'/' | b'-' | b'_'))
        .unwrap_or(0);
    let year_first = s.bytes().take_while(u8::is_ascii_digit).count() == 4;
    [
        form,
        if w.form == Form::Numeric { sep } else { 0 },
        u8::from(year_first),
    ]
}

/// What closes a date's bracket.
struct Closed<'a> {
    /// The text after it (after the link's address, for a link).
    tail: &'a str,
    /// Short text inside the bracket after the date (`(火)` in
    /// `[2026/1/20(火)](…)`).
    inside: &'a str,
    /// The bracket was a link's text: `[2024-01-02](2024-01-02.md)`.
    link: bool,
}

/// After the date: the closing bracket of `opener`, if any, and the text
/// after it. A `[` may hold a weekday after the date and be a link's text.
fn close(after: &str, opener: Option<char>) -> Option<Closed<'_>> {
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
        let (day, n) = weekday_at(trim(inside))?;
        let _ = day;
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

/// A weekday the text after a date starts with (`Montag`, `（火）`,
/// `星期二 晴`).
fn tail_weekday(tail: &str) -> Option<u8> {
    let (day, n) = weekday_at(tail)?;
    let next = tail[n..].chars().next();
    next.is_none_or(|c| !c.is_alphanumeric() || super::is_cjk(c))
        .then_some(day)
}

/// FNV-1a, for shapes: the same on every machine and run.
struct Key {
    hash: u64,
}

impl Key {
    fn new() -> Self {
        Key {
            hash: 0xcbf2_9ce4_8422_2325,
        }
    }

    fn add(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.hash ^= u64::from(b);
            self.hash = self.hash.wrapping_mul(0x0100_0000_01b3);
        }
        // A field ends.
        self.hash = self.hash.rotate_left(5) ^ 0x9e;
    }

    fn finish(&self) -> Shape {
        Shape(self.hash)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::NoteDate;

    /// `date | title | deco` of a candidate, or `-`.
    fn read(s: &str) -> String {
        match candidate(s, 0) {
            Some(c) => {
                let h = c.heading;
                let date = NoteDate {
                    year: h.date.year,
                    month: h.date.month as u8,
                    day: h.date.day as u8,
                };
                format!(
                    "{date} | {} | {:?}",
                    h.title.as_deref().unwrap_or("-"),
                    h.deco
                )
            }
            None => "-".into(),
        }
    }

    fn shape(s: &str) -> Shape {
        shape_at(s, 0)
    }

    fn shape_at(s: &str, indent: usize) -> Shape {
        candidate(s, indent).and_then(|c| c.heading.shape).expect(s)
    }

    #[test]
    fn dates_after_a_short_decoration() {
        assert_eq!(
            read("# Journal – 14.03.2022"),
            "2022-03-14 | Journal | Atx(1)"
        );
        assert_eq!(
            read("## Lernjournal 21.06.2021"),
            "2021-06-21 | Lernjournal | Atx(2)"
        );
        assert_eq!(read("Montag 15.05.2023"), "2023-05-15 | Montag | Plain");
        assert_eq!(read("Dienstag 16.05"), "5.16 | Dienstag | Plain");
        assert_eq!(read("Fr, 19.05.2023"), "2023-05-19 | Fr | Plain");
        assert_eq!(read("mardi 2 janvier 2024"), "2024-01-02 | mardi | Plain");
        assert_eq!(read("### lundi 04/03/24"), "2024-03-04 | lundi | Atx(3)");
        assert_eq!(read("#07.04.2016"), "2016-04-07 | - | Atx(1)");
        assert_eq!(read("## 📅 March 4, 2025"), "2025-03-04 | - | Atx(2)");
        assert_eq!(read("### R1D1 - 03JAN2021"), "2021-01-03 | R1D1 | Atx(3)");
        assert_eq!(read("## 20250216进展"), "2025-02-16 | 进展 | Atx(2)");
        assert_eq!(
            read("[2021/03/01~2021/03/07]"),
            "2021-03-01 | 2021/03/01~2021/03/07 | Plain"
        );
        assert_eq!(
            read("### Week 1 (2023.7.9-2023.7.16)"),
            "2023-07-09 | Week 1: 2023.7.9-2023.7.16 | Atx(3)"
        );
        assert_eq!(read("*** Mo, 01.01.2018"), "2018-01-01 | Mo | Star(3)");
        assert_eq!(
            read("** KW01 (01.-07.01.2018)"),
            "2018-01-01 | KW01: 01.-07.01.2018 | Star(2)"
        );
        assert_eq!(
            read("- [2026/1/20(火)](d/20260120.md) - cooked"),
            "2026-01-20 | (火): cooked | List"
        );
        assert_eq!(read("**Montag 15.05.2023**"), "2023-05-15 | Montag | Bold");
    }

    #[test]
    fn sentences_numbers_and_tables_are_not_candidates() {
        for s in [
            "We met on 2024-03-01 and again",
            "Termin am 12.03.2024 beim Amt",
            "Version 2.3 adds caching",
            "Chapter 3.1 Results",
            "| 1 | 2020/03/30 | fine |",
            "Release 1.2.10",
            "lundi 04/03/24 était un long jour où nous avons tout revu ensemble pour la troisième fois",
            "Montag",
            "2024",
            "Meeting notes from last week, 2024-03-01",
            "see 04/03/24",
        ] {
            assert_eq!(read(s), "-", "{s:?}");
        }
    }

    #[test]
    fn lines_of_one_habit_share_a_shape() {
        assert_eq!(shape("Montag 15.05.2023"), shape("Dienstag 16.05"));
        assert_eq!(
            shape("# Journal – 14.03.2022"),
            shape("# Journal – 15.03.2022 (sick)")
        );
        assert_eq!(
            shape("### R1D1 - 03JAN2021"),
            shape("### R1D12 - 14JAN2021")
        );
        assert_ne!(
            shape("# Journal – 14.03.2022"),
            shape("## Journal – 14.03.2022")
        );
        assert_ne!(shape("# Journal – 14.03.2022"), shape("# Log – 14.03.2022"));
        assert_ne!(shape("Montag 15.05.2023"), shape_at("Montag 15.05.2023", 2));
        assert_ne!(shape("Montag 15.05.2023"), shape("Montag 2023-05-15"));
    }

    #[test]
    fn a_weekday_settles_day_and_month() {
        let h = candidate("lundi 04/03/24", 0).unwrap().heading;
        assert_eq!((h.date.month, h.date.day, h.weekday), (3, 4, Some(0)));
        assert_eq!(h.order, Some(Order::Told(DayOrder::DayFirst)));
    }

    proptest::proptest! {
        #[test]
        fn any_line_reads_without_panic(s in "\\PC{0,40}|[#*\\- 0-9./~年月日()（）\\[\\]a-zA-Z]{0,30}") {
            if let Some(c) = candidate(&s, 0) {
                proptest::prop_assert!(c.heading.shape.is_some());
            }
        }
    }
}
