//! Terminal safety: no character of a notes file reaches the terminal as a
//! control.
//!
//! Every piece of file text shown by daynotes (TUI cells, CLI output, JSON is
//! the exception as its encoder escapes) passes through here first. C0
//! controls, DEL and C1 controls become visible placeholders (`␛` for ESC);
//! bidi overrides and invisible zero-width characters, which can make text
//! read differently from what it is (Trojan Source), become `<U+202E>`-style
//! markers. Tabs are left for the caller to expand; newlines never occur
//! inside a line.

use std::borrow::Cow;

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
/// Tab is considered safe (callers expand it).
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

/// Bidirectional controls and zero-width or otherwise invisible format
/// characters.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'              // soft hyphen
        | '\u{061C}'            // Arabic letter mark
        | '\u{180E}'            // Mongolian vowel separator
        | '\u{200B}'..='\u{200F}' // zero-width space/joiners, LRM, RLM
        | '\u{2028}'..='\u{202E}' // line/paragraph separators, embeddings, overrides
        | '\u{2060}'..='\u{206F}' // word joiner, invisible operators, isolates
        | '\u{FEFF}'            // zero-width no-break space (BOM)
        | '\u{FFF9}'..='\u{FFFB}' // interlinear annotation controls
    )
}

/// Fast test: can `s` contain any character that [`placeholder`] replaces?
/// Looks only at bytes, so it may say yes for safe text (then the slow path
/// finds nothing), never no for unsafe text.
fn may_need_escaping(s: &str) -> bool {
    s.bytes().any(|b| {
        (b < 0x20 && b != b'\t')
            || b == 0x7f
            || b == 0xC2
            || b == 0xD8
            || b == 0xE1
            || b == 0xE2
            || b == 0xEF
    })
}

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
        if let Some(p) = placeholder(c) {
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
    for c in s.chars() {
        match placeholder(c) {
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

/// True when `s` holds no character that [`placeholder`] would replace.
pub fn is_safe(s: &str) -> bool {
    !may_need_escaping(s) || s.chars().all(|c| placeholder(c).is_none())
}

#[cfg(test)]
mod tests {
    use super::*;

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
