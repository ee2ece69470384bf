//! Chinese text found by pinyin typed in ASCII letters: `woshou`, `ws` and
//! `tcpws` all find `tcp握手`. The readings come from the `pinyin` crate
//! (pinyin-data), every reading of a polyphonic character (`为` is `wei`
//! both ways, `什` is `shen` and `shi`), tones dropped, `ü` typed as `v`
//! or `u`.
//!
//! Two ways to match:
//!
//! - [`fuzzy`], for the title picker: the letters typed are found in order
//!   among the readings of the characters, as fzf finds characters in a
//!   title. Initials and letters in a row score more, characters skipped
//!   cost; `wsmxysch` finds 为什么需要三次握手 (w-ei s-hen m-e x-u y-ao s-an
//!   c-i s-h-ou).
//! - [`find`], for `/` search: a run of adjacent characters, each a prefix
//!   of one of its readings (its initial, more, or all of it): `woshou`,
//!   `wsh`, `ws` find 握手 but `ws` does not find 握…手 apart.
//!
//! Latin letters and digits in the text stand for themselves (case
//! ignored); a match always takes in at least one Chinese character.

use std::ops::Range;

use pinyin::ToPinyinMulti;

/// The readings of `c` without tones, lowercase; empty for a character
/// without any.
pub fn readings(c: char) -> Vec<String> {
    let Some(multi) = c.to_pinyin_multi() else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::new();
    for p in multi {
        let plain = p.plain();
        let spelled = if plain.contains('ü') {
            vec![plain.replace('ü', "v"), plain.replace('ü', "u")]
        } else {
            vec![plain.to_string()]
        };
        for s in spelled {
            if !s.is_empty() && !out.contains(&s) {
                out.push(s);
            }
        }
    }
    out
}

/// True for a query pinyin can match: ASCII letters and digits, at least
/// one letter.
pub fn is_pinyin_query(q: &str) -> bool {
    !q.is_empty()
        && q.bytes().all(|b| b.is_ascii_alphanumeric())
        && q.bytes().any(|b| b.is_ascii_alphabetic())
}

/// A text as pinyin matching sees it, worked out once and matched against
/// every query typed: its characters (Latin letters and digits lowercased,
/// anything without a reading as [`NOTHING`]) and every letter any of them
/// can give. Compact (four bytes a character): the picker keeps one for
/// each of a hundred thousand titles, and the readings themselves are
/// looked up in a table shared by all ([`readings_of`]).
#[derive(Debug, Clone, Default)]
pub struct Spelled {
    units: Box<[char]>,
    han: bool,
    /// Every letter any character can give, in order: a query that is not
    /// a subsequence of these cannot match, which rules most titles out
    /// before the full search.
    letters: Box<[u8]>,
}

/// A character of a text that pinyin cannot match.
const NOTHING: char = '\0';

impl Spelled {
    /// The readings of each character of `label`.
    pub fn of(label: &str) -> Spelled {
        let mut han = false;
        let mut letters = Vec::new();
        let units: Box<[char]> = label
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    let c = c.to_ascii_lowercase();
                    letters.push(c as u8);
                    return c;
                }
                let readings = readings_of(c);
                if readings.is_empty() {
                    return NOTHING;
                }
                han = true;
                for r in readings.iter() {
                    letters.extend_from_slice(r);
                }
                c
            })
            .collect();
        Spelled {
            units,
            han,
            letters: letters.into_boxed_slice(),
        }
    }

    /// True when a character of the text has a reading.
    pub fn has_readings(&self) -> bool {
        self.han
    }

    /// True when `q`'s letters appear in order among all the letters.
    fn may_match(&self, q: &[u8]) -> bool {
        let mut rest = self.letters.iter();
        q.iter().all(|b| rest.any(|l| l == b))
    }
}

/// The readings of a Chinese character as the picker matches them
/// (lowercase ASCII, `ü` as both `v` and `u`); empty for other characters.
/// The common ones (U+3400 to U+9FFF) come from a table made once.
fn readings_of(c: char) -> std::borrow::Cow<'static, [Box<[u8]>]> {
    /// A character's readings.
    type Readings = Box<[Box<[u8]>]>;
    static TABLE: std::sync::OnceLock<Box<[Readings]>> = std::sync::OnceLock::new();
    let spelled = |c: char| -> Readings {
        readings(c)
            .into_iter()
            .map(|r| r.into_bytes().into_boxed_slice())
            .collect()
    };
    let code = u32::from(c);
    if c.is_ascii() {
        return std::borrow::Cow::Borrowed(&[]);
    }
    if !TABLED.contains(&code) {
        return std::borrow::Cow::Owned(spelled(c).into_vec());
    }
    let table = TABLE.get_or_init(|| {
        TABLED
            .map(|code| char::from_u32(code).map_or_else(Box::default, spelled))
            .collect()
    });
    std::borrow::Cow::Borrowed(&table[(code - TABLED.start()) as usize])
}

/// Score for each letter matched.
const LETTER: i32 = 16;
/// More when the letter is a reading's first (the initial) or a Latin word's.
const INITIAL: i32 = 10;
/// More for each letter right after the one before in the same reading.
const IN_A_ROW: i32 = 8;
/// Less for each character skipped inside the match.
const SKIPPED: i32 = 3;

/// The best way the query's letters `q` (lowercase) are found in order in
/// `label`: a score (higher is better) and the positions of the characters
/// that took letters. `None` when they are not all found, or found without
/// a Chinese character.
pub fn fuzzy(label: &str, q: &str) -> Option<(i32, Vec<usize>)> {
    fuzzy_spelled(&Spelled::of(label), q)
}

/// [`fuzzy`] on a label spelled out once.
pub fn fuzzy_spelled(spelled: &Spelled, q: &str) -> Option<(i32, Vec<usize>)> {
    let mut best = Vec::new();
    let score = fill(spelled, q, &mut best)?;
    // Walk back to the characters that took letters.
    let (n, width) = (spelled.units.len(), q.len() + 1);
    let mut at = Vec::new();
    let mut j = q.len();
    for i in (1..=n).rev() {
        let k = best[i * width + j].1;
        if k > 0 {
            at.push(i - 1);
            j -= k;
        }
    }
    at.reverse();
    Some((score, at))
}

/// [`fuzzy_spelled`]'s score alone, its table kept in `scratch` from one
/// title to the next (for ranking many).
pub fn fuzzy_score(spelled: &Spelled, q: &str, scratch: &mut Vec<Cell>) -> Option<i32> {
    fill(spelled, q, scratch)
}

/// One cell of the search's table: the best score so far, the letters the
/// last character took, whether a Chinese character took any.
pub type Cell = (i32, usize, bool);

/// Fills `best` (`best[i * (m + 1) + j]`: the best score with `j` letters
/// of `q` taken by the first `i` characters) and returns the score of the
/// whole query.
fn fill(spelled: &Spelled, q: &str, best: &mut Vec<Cell>) -> Option<i32> {
    if !spelled.han || !is_pinyin_query(q) {
        return None;
    }
    let q = q.to_ascii_lowercase();
    let q = q.as_bytes();
    if !spelled.may_match(q) {
        return None;
    }
    let units = &spelled.units;
    let (n, m) = (units.len(), q.len());
    const NONE: i32 = i32::MIN / 2;
    let width = m + 1;
    best.clear();
    best.resize((n + 1) * width, (NONE, 0, false));
    best[0] = (0, 0, false);
    let latin = |c: char| c.is_ascii_alphanumeric();
    for i in 0..n {
        let word_start = i == 0 || !latin(units[i - 1]);
        let readings = if latin(units[i]) || units[i] == NOTHING {
            std::borrow::Cow::Borrowed(&[][..])
        } else {
            readings_of(units[i])
        };
        for j in 0..=m {
            let (score, _, han) = best[i * width + j];
            if score == NONE {
                continue;
            }
            // Skip character i: a cost once the match has begun.
            let cost = if j > 0 && j < m { SKIPPED } else { 0 };
            relax(&mut best[(i + 1) * width + j], (score - cost, 0, han));
            if j == m {
                continue;
            }
            if latin(units[i]) {
                if units[i] as u8 == q[j] {
                    let bonus = if word_start { INITIAL } else { 0 };
                    relax(
                        &mut best[(i + 1) * width + j + 1],
                        (score + LETTER + bonus, 1, han),
                    );
                }
                continue;
            }
            for r in readings.iter() {
                takes(r, &q[j..], |k, gained| {
                    relax(
                        &mut best[(i + 1) * width + j + k],
                        (score + gained, k, true),
                    );
                });
            }
        }
    }
    let (score, _, han) = best[n * width + m];
    (score != NONE && han).then_some(score)
}

fn relax(cell: &mut Cell, new: Cell) {
    if new.0 > cell.0 || (new.0 == cell.0 && new.2 && !cell.2) {
        *cell = new;
    }
}

/// Calls `each` for each number of leading letters of `q` that reading `r`
/// can take in order, with what they score.
fn takes(r: &[u8], q: &[u8], mut each: impl FnMut(usize, i32)) {
    let (mut pos, mut score, mut last) = (0, 0, None::<usize>);
    for (k, &letter) in q.iter().enumerate() {
        let Some(found) = r[pos..].iter().position(|&b| b == letter) else {
            break;
        };
        let p = pos + found;
        score += LETTER;
        if p == 0 {
            score += INITIAL;
        }
        if last.is_some_and(|l| l + 1 == p) {
            score += IN_A_ROW;
        }
        last = Some(p);
        pos = p + 1;
        each(k + 1, score);
    }
}

/// The first run of adjacent characters of `text` at or after byte `from`
/// that spells `q` (ASCII, any case) in pinyin, as a byte range.
pub fn find(text: &str, from: usize, q: &str) -> Option<Range<usize>> {
    find_before(text, from, text.len(), q)
}

/// [`find`] for a run that starts before byte `until`.
pub fn find_before(text: &str, from: usize, until: usize, q: &str) -> Option<Range<usize>> {
    let q = q.to_ascii_lowercase();
    if !is_pinyin_query(&q) {
        return None;
    }
    let first = q.as_bytes()[0];
    let bit = letter_bit(first);
    let tail = text.get(from..until.max(from))?;
    for (offset, c) in tail.char_indices() {
        let can_start = match c {
            c if c.is_ascii() => c.to_ascii_lowercase() as u8 == first,
            c => initials(c) & bit != 0,
        };
        if !can_start {
            continue;
        }
        let at = from + offset;
        if let Some(end) = spell(&text[at..], q.as_bytes(), false) {
            return Some(at..at + end);
        }
    }
    None
}

/// The common Chinese characters, U+3400 to U+9FFF, whose first letters
/// [`initials`] keeps in a table.
const TABLED: std::ops::RangeInclusive<u32> = 0x3400..=0x9FFF;

/// The first letters of `c`'s readings, one bit per letter (`a` is bit 0,
/// and `v` and `u` both for `ü`); 0 for a character without readings. The
/// common characters are looked up in a table made on first use, so a
/// search does not look every character up in the reading data.
fn initials(c: char) -> u32 {
    static TABLE: std::sync::OnceLock<Box<[u32]>> = std::sync::OnceLock::new();
    let code = u32::from(c);
    if !TABLED.contains(&code) {
        return initials_of(c);
    }
    let table = TABLE.get_or_init(|| {
        TABLED
            .map(|code| char::from_u32(code).map_or(0, initials_of))
            .collect()
    });
    table[(code - TABLED.start()) as usize]
}

fn initials_of(c: char) -> u32 {
    let Some(multi) = c.to_pinyin_multi() else {
        return 0;
    };
    let mut bits = 0;
    for p in multi {
        match p.plain().as_bytes() {
            [0xC3, 0xBC, ..] => bits |= letter_bit(b'v') | letter_bit(b'u'),
            [b, ..] => bits |= letter_bit(*b),
            [] => {}
        }
    }
    bits
}

/// The bit of an ASCII letter (digits and others: none).
fn letter_bit(b: u8) -> u32 {
    if b.is_ascii_lowercase() {
        1 << (b - b'a')
    } else {
        0
    }
}

/// The length in bytes of the start of `text` that spells all of `q`;
/// `han` says whether a Chinese character took part already.
fn spell(text: &str, q: &[u8], han: bool) -> Option<usize> {
    if q.is_empty() {
        return han.then_some(0);
    }
    let c = text.chars().next()?;
    let len = c.len_utf8();
    if c.is_ascii() {
        let b = c.to_ascii_lowercase() as u8;
        return (b.is_ascii_alphanumeric() && b == q[0])
            .then(|| spell(&text[len..], &q[1..], han).map(|n| n + len))
            .flatten();
    }
    // How much of `q` each reading starts (without making the readings:
    // this runs on every character of the notes).
    let mut lengths = [0usize; 16];
    let mut count = 0;
    for p in c.to_pinyin_multi()? {
        let plain = p.plain().as_bytes();
        for v in [b'v', b'u'] {
            let k = prefix_with_u(plain, q, v);
            if k > 0 && count < lengths.len() && !lengths[..count].contains(&k) {
                lengths[count] = k;
                count += 1;
            }
            if !plain.contains(&0xC3) {
                break;
            }
        }
    }
    // The longest prefix first: `woshou` is wo + shou, not w + …
    let lengths = &mut lengths[..count];
    lengths.sort_unstable_by(|a, b| b.cmp(a));
    lengths
        .iter()
        .find_map(|&k| spell(&text[len..], &q[k..], true))
        .map(|n| n + len)
}

/// How many leading letters of `q` spell the start of `plain`, its `ü`
/// (bytes C3 BC) typed as `u_as`.
fn prefix_with_u(plain: &[u8], q: &[u8], u_as: u8) -> usize {
    let (mut i, mut k) = (0, 0);
    while i < plain.len() && k < q.len() {
        let (letter, step) = match plain[i] {
            0xC3 if plain.get(i + 1) == Some(&0xBC) => (u_as, 2),
            b => (b, 1),
        };
        if letter != q[k] {
            break;
        }
        i += step;
        k += 1;
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readings_of_polyphonic_characters() {
        assert_eq!(readings('握')[0], "wo");
        assert!(readings('什').contains(&"shen".to_string()));
        assert!(readings('什').contains(&"shi".to_string()));
        assert!(readings('绿').contains(&"lv".to_string()));
        assert!(readings('绿').contains(&"lu".to_string()));
        assert!(readings('a').is_empty());
    }

    #[test]
    fn the_picker_finds_by_initials_full_pinyin_and_mixes() {
        let at = |label: &str, q: &str| fuzzy(label, q).map(|(_, at)| at);
        assert_eq!(at("tcp握手", "ws"), Some(vec![3, 4]));
        assert_eq!(at("tcp握手", "woshou"), Some(vec![3, 4]));
        assert_eq!(at("tcp握手", "tcpws"), Some(vec![0, 1, 2, 3, 4]));
        let why = "为什么需要三次握手？";
        assert_eq!(at(why, "wsmxysch"), Some(vec![0, 1, 2, 3, 4, 5, 6, 8]));
        assert!(at(why, "wsmxyscws").is_some());
        // A polyphonic character matches by any of its readings.
        assert_eq!(at("什么", "shenme"), Some(vec![0, 1]));
        assert_eq!(at("什么", "shime"), Some(vec![0, 1]));
        assert_eq!(find("是什么", 0, "shime").map(|r| r.start), Some(3));
        // Latin letters alone are not a pinyin match; nor are letters
        // that are not there.
        assert_eq!(at("cookie", "cookie"), None);
        assert_eq!(at("tcp握手", "wx"), None);
        assert_eq!(at("tcp握手", "ws手"), None);
        // Initials score above letters found inside readings.
        let initials = fuzzy("握手", "ws").unwrap().0;
        let inside = fuzzy("握手", "oo").unwrap().0;
        assert!(initials > inside);
    }

    #[test]
    fn search_finds_adjacent_characters_only() {
        let text = "TCP三次握手是建立可靠连接的机制";
        let hit = |q: &str| find(text, 0, q).map(|r| &text[r]);
        assert_eq!(hit("woshou"), Some("握手"));
        assert_eq!(hit("ws"), Some("握手"));
        assert_eq!(hit("wshou"), Some("握手"));
        assert_eq!(hit("tcpsc"), Some("TCP三次"));
        assert_eq!(hit("sancws"), Some("三次握手"));
        assert_eq!(hit("wsj"), None, "手 and 建 are not adjacent");
        assert_eq!(hit("tcp"), None, "Latin alone is the literal search's");
        assert_eq!(find(text, text.find('手').unwrap(), "ws"), None);
        assert_eq!(find("握 手", 0, "ws"), None);
        assert_eq!(find("绿色", 0, "lvse"), Some(0..6));
        assert_eq!(find("绿色", 0, "luse"), Some(0..6));
        assert_eq!(find_before(text, 0, text.find('握').unwrap(), "ws"), None);
    }
}
