//! Terminal safety: no character of a notes file reaches the terminal as a
//! control.
//!
//! Every piece of file text shown by daynotes (TUI cells, CLI output, JSON is
//! the exception as its encoder escapes) passes through here first. C0
//! controls, DEL and C1 controls become visible placeholders (`␛` for ESC);
//! bidi overrides and every other character that draws nothing (Unicode's
//! Default_Ignorable_Code_Point: zero-width characters, tag characters that
//! can spell out hidden text, fillers, variation selectors), which can make
//! text read differently from what it is (Trojan Source), become
//! `<U+202E>`-style markers. Two uses of them are kept, as they draw an
//! emoji: a zero-width joiner between two emoji (`👨‍👩‍👧`) and a variation
//! selector right after one (`❤️`). Tabs are left for the caller to expand;
//! newlines never occur inside a line.

use std::borrow::Cow;

use unicode_properties::UnicodeEmoji;

/// A run of text to show: either the file's own characters, or a placeholder
/// standing for one character that must not be shown as itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Characters that are safe to print as they are.
    Text(&'a str),
    /// The visible stand-in for one unsafe character.
    Placeholder(String),
}

/// The visible stand-in for `c`, or `None` when `c` is safe to print.
/// Tab is considered safe (callers expand it). This is the character
/// alone: [`pieces`] and [`visible`] also keep the joiners and selectors
/// of emoji.
pub fn placeholder(c: char) -> Option<String> {
    let code = c as u32;
    match c {
        '\t' => None,
        // C0 controls map onto the Control Pictures block: ESC → ␛, NUL → ␀.
        '\0'..='\x1f' => char::from_u32(0x2400 + code).map(String::from),
        '\x7f' => Some("␡".to_string()),
        '\u{80}'..='\u{9f}' => Some(format!("<U+{code:04X}>")),
        _ if is_invisible(c) => Some(format!("<U+{code:04X}>")),
        _ => None,
    }
}

/// Characters that draw nothing or reorder text: Unicode's
/// Default_Ignorable_Code_Point (DerivedCoreProperties.txt, reserved code
/// points included), and the line and paragraph separators and
/// interlinear annotation controls.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'                  // soft hyphen
        | '\u{034F}'                // combining grapheme joiner
        | '\u{061C}'                // Arabic letter mark
        | '\u{115F}'..='\u{1160}'   // Hangul choseong and jungseong fillers
        | '\u{17B4}'..='\u{17B5}'   // Khmer inherent vowels
        | '\u{180B}'..='\u{180F}'   // Mongolian variation selectors, vowel separator
        | '\u{200B}'..='\u{200F}'   // zero-width space and joiners, LRM, RLM
        | '\u{2028}'..='\u{202E}'   // line/paragraph separators, embeddings, overrides
        | '\u{2060}'..='\u{206F}'   // word joiner, invisible operators, isolates
        | '\u{3164}'                // Hangul filler
        | '\u{FE00}'..='\u{FE0F}'   // variation selectors
        | '\u{FEFF}'                // zero-width no-break space (BOM)
        | '\u{FFA0}'                // halfwidth Hangul filler
        | '\u{FFF0}'..='\u{FFFB}'   // reserved, interlinear annotation controls
        | '\u{1BCA0}'..='\u{1BCA3}' // shorthand format controls
        | '\u{1D173}'..='\u{1D17A}' // musical beams, ties, slurs, phrases
        | '\u{E0000}'..='\u{E0FFF}' // tag characters, variation selectors 17-256
    )
}

/// True when the invisible `c` at byte `i` of `s` is part of an emoji and
/// drawn as one: a variation selector right after an emoji character
/// (`❤️`, `1️⃣`), or a zero-width joiner between two pictographs, the first
/// perhaps with its selector (`👨‍👩‍👧`, `🏳️‍🌈`, `👩🏽‍💻`).
fn part_of_emoji(s: &str, i: usize, c: char) -> bool {
    let mut before = s[..i].chars().rev();
    match c {
        '\u{FE0E}' | '\u{FE0F}' => before.next().is_some_and(|b| b.is_emoji_char()),
        '\u{200D}' => {
            let prev = match before.next() {
                Some('\u{FE0F}') => before.next(),
                other => other,
            };
            let next = s[i + c.len_utf8()..].chars().next();
            prev.is_some_and(pictograph) && next.is_some_and(pictograph)
        }
        _ => false,
    }
}

/// An emoji that is a picture (not a digit, `#` or `*`).
fn pictograph(c: char) -> bool {
    !c.is_ascii() && c.is_emoji_char()
}

/// The placeholder for the character `c` at byte `i` of `s`, if it needs
/// one there.
fn placeholder_at(s: &str, i: usize, c: char) -> Option<String> {
    placeholder(c).filter(|_| !part_of_emoji(s, i, c))
}

/// Fast test: can `s` contain any character that [`placeholder`] replaces?
/// Looks only at bytes, so it may say yes for safe text (then the slow path
/// finds nothing), never no for unsafe text. For a lead byte shared with
/// common text (CJK and fullwidth punctuation, emoji) the next byte narrows
/// it to the 64 code points holding invisible ones, so Chinese text mostly
/// takes the fast path.
fn may_need_escaping(s: &str) -> bool {
    // Each byte looked at with the one after it, so that the lead bytes
    // of Chinese punctuation (`。` E3 80 82, `，` EF BC 8C) are passed over
    // here too.
    let b = s.as_bytes();
    crate::pairs::any_part(b, pair, |from, to| needs_escaping_from(b, from, to))
}

/// [`lead`], narrowed by the byte after it for the lead bytes that
/// [`needs_escaping_from`] decides by their second byte alone: still
/// true wherever that finds a character to replace.
#[inline(always)]
fn pair(x: u8, next: u8) -> bool {
    lead(x)
        & ((x != 0xE3) | (next == 0x85))
        & ((x != 0xEF) | (next == 0xB8) | (next == 0xBB) | (next >= 0xBE))
        & ((x != 0xF0) | (next == 0x9B) | (next == 0x9D))
}

/// What [`LEADS`] says of `x`, as compares.
#[inline(always)]
fn lead(x: u8) -> bool {
    (x < 0x20 && x != b'\t')
        | (x == 0x7F)
        | (x == 0xC2)
        | (x == 0xCD)
        | (x == 0xD8)
        | (x.wrapping_sub(0xE1) < 3)
        | (x == 0xEF)
        | (x == 0xF0)
        | (x == 0xF3)
}

/// [`may_need_escaping`] of the bytes `from..to` of `b` (looking past `to`
/// for the rest of a character).
fn needs_escaping_from(b: &[u8], from: usize, to: usize) -> bool {
    b[from..to].iter().enumerate().any(|(k, &x)| {
        let i = from + k;
        // Most bytes are of ASCII text or lead no invisible character.
        if LEADS[usize::from(x)] == 0 {
            return false;
        }
        let next = b.get(i + 1).copied().unwrap_or(0);
        match x {
            0x00..=0x08 | 0x0A..=0x1F | 0x7F | 0xC2 | 0xCD | 0xD8 | 0xF3 => true,
            // U+1140–, U+1780–, U+1800–
            0xE1 => matches!(next, 0x85 | 0x9E | 0xA0),
            // U+200B–U+200F and U+2028–U+202E (E2 80 …), U+2060–U+206F
            // (E2 81 …): not the dashes, quotes and ellipsis of U+2000–.
            0xE2 => {
                let third = b.get(i + 2).copied().unwrap_or(0);
                matches!(
                    (next, third),
                    (0x80, 0x8B..=0x8F | 0xA8..=0xAE) | (0x81, 0xA0..=0xAF)
                )
            }
            // U+3140–
            0xE3 => next == 0x85,
            // U+FE00–, U+FEC0–, U+FF80–, U+FFC0–
            0xEF => matches!(next, 0xB8 | 0xBB | 0xBE | 0xBF),
            // U+1B000–U+1BFFF and U+1D000–U+1DFFF; emoji are F0 9F.
            0xF0 => matches!(next, 0x9B | 0x9D),
            _ => false,
        }
    })
}

/// The bytes [`may_need_escaping`] looks at further: controls and the
/// lead bytes of blocks that hold invisible characters.
const LEADS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = (b != 0x09) as u8;
        b += 1;
    }
    let leads = [0x7F, 0xC2, 0xCD, 0xD8, 0xE1, 0xE2, 0xE3, 0xEF, 0xF0, 0xF3];
    let mut i = 0;
    while i < leads.len() {
        t[leads[i] as usize] = 1;
        i += 1;
    }
    t
};

/// Splits `s` into safe text and placeholders.
pub fn pieces(s: &str) -> Vec<Piece<'_>> {
    if !may_need_escaping(s) {
        return if s.is_empty() {
            Vec::new()
        } else {
            vec![Piece::Text(s)]
        };
    }
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if let Some(p) = placeholder_at(s, i, c) {
            if start < i {
                out.push(Piece::Text(&s[start..i]));
            }
            out.push(Piece::Placeholder(p));
            start = i + c.len_utf8();
        }
    }
    if start < s.len() {
        out.push(Piece::Text(&s[start..]));
    }
    out
}

/// `s` with every unsafe character replaced by its placeholder.
pub fn visible(s: &str) -> Cow<'_, str> {
    if !may_need_escaping(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut changed = false;
    for (i, c) in s.char_indices() {
        match placeholder_at(s, i, c) {
            Some(p) => {
                out.push_str(&p);
                changed = true;
            }
            None => out.push(c),
        }
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(s)
    }
}

/// `text` (an error, a message) as one visible line: its lines trimmed and
/// joined by spaces, controls as placeholders.
pub fn one_line(text: &str) -> String {
    let joined = crate::notes::lines(text)
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    visible(&joined).into_owned()
}

/// True when `s` holds no character that [`visible`] could replace
/// anywhere in it or in any piece of it: decided on its bytes alone, so it
/// may say no for safe text, never yes for unsafe text.
pub fn is_plain(s: &str) -> bool {
    !may_need_escaping(s)
}

/// True when `s` holds no character that [`visible`] would replace.
pub fn is_safe(s: &str) -> bool {
    !may_need_escaping(s)
        || s.char_indices()
            .all(|(i, c)| placeholder_at(s, i, c).is_none())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pair_test_misses_nothing_the_slow_test_finds() {
        for x in 0..=255u8 {
            for next in 0..=255u8 {
                let found = (0..=255u8).any(|third| needs_escaping_from(&[x, next, third], 0, 1));
                assert!(!found || pair(x, next), "{x:#04x} {next:#04x}");
            }
        }
    }

    #[test]
    fn the_vector_lead_test_is_the_table() {
        for x in 0..=255u8 {
            assert_eq!(lead(x), LEADS[usize::from(x)] != 0, "{x:#04x}");
        }
    }

    #[test]
    fn controls_become_visible() {
        assert_eq!(visible("a\x1b[31mb"), "a␛[31mb");
        assert_eq!(visible("\x07\x7f"), "␇␡");
        assert_eq!(visible("x\u{9b}y"), "x<U+009B>y");
        assert_eq!(visible("ab\u{202E}cd"), "ab<U+202E>cd");
        assert_eq!(visible("zero\u{200B}width"), "zero<U+200B>width");
    }

    #[test]
    fn safe_text_is_borrowed() {
        assert!(matches!(visible("tcp握手：（1）、"), Cow::Borrowed(_)));
        assert!(matches!(visible("a\tb"), Cow::Borrowed(_)));
        assert!(is_safe("— “quotes” é"));
    }

    #[test]
    fn pieces_split_text_and_placeholders() {
        assert_eq!(
            pieces("a\x1bb"),
            vec![
                Piece::Text("a"),
                Piece::Placeholder("␛".into()),
                Piece::Text("b")
            ]
        );
        assert!(pieces("").is_empty());
    }

    #[test]
    fn every_default_ignorable_is_shown_but_emoji_keep_theirs() {
        for c in [
            '\u{034F}',
            '\u{3164}',
            '\u{1D173}',
            '\u{115F}',
            '\u{FFA0}',
            '\u{E0020}',
            '\u{E007F}',
            '\u{E0001}',
            '\u{E0100}',
            '\u{180B}',
            '\u{17B4}',
            '\u{FE0F}',
            '\u{200D}',
            '\u{2065}',
            '\u{1BCA3}',
        ] {
            let text = format!("a{c}b");
            assert_eq!(
                visible(&text),
                format!("a<U+{:04X}>b", c as u32),
                "{:04X}",
                c as u32
            );
            assert!(!is_safe(&text));
        }
        for emoji in ["❤️", "☺︎", "1️⃣", "👨‍👩‍👧", "🏳️‍🌈", "👩🏽‍💻"]
        {
            assert!(matches!(visible(emoji), Cow::Borrowed(_)), "{emoji}");
            assert_eq!(pieces(emoji), [Piece::Text(emoji)]);
        }
        // A joiner with an emoji on one side only, a selector after a
        // letter, tags after a flag: shown.
        assert_eq!(visible("👨\u{200D}a"), "👨<U+200D>a");
        assert_eq!(visible("x\u{FE0F}"), "x<U+FE0F>");
        assert_eq!(visible("🏴\u{E0067}"), "🏴<U+E0067>");
    }

    #[test]
    fn the_fast_test_never_misses() {
        // Every character `placeholder` replaces makes the byte test say
        // yes, alone and after Chinese.
        for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
            if placeholder(c).is_some() {
                assert!(may_need_escaping(&format!("中{c}")), "{:04X}", c as u32);
            }
        }
        assert!(!may_need_escaping("第一次握手（SYN）：、。「」"));
    }

    #[test]
    fn no_output_char_is_a_control() {
        let all: String = (0u32..0x3000).filter_map(char::from_u32).collect();
        let shown = visible(&all);
        assert!(
            shown
                .chars()
                .all(|c| c == '\t' || !(c.is_control() || is_invisible(c)))
        );
    }
}
