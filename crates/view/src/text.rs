//! Plain text for the screen: fitting it into cells (cutting with `…` and
//! wrapping, by display width of grapheme clusters as a terminal draws them:
//! a CJK character takes two cells, and so does `❤️`) and editing what is
//! typed into a prompt. Callers pass text already sanitised.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Display width of `s` in cells: its grapheme clusters' widths summed.
pub fn width(s: &str) -> usize {
    if s.is_ascii() {
        return s.len();
    }
    s.graphemes(true).map(UnicodeWidthStr::width).sum()
}

/// `s` cut to at most `max` cells, ending in `…` when something was cut.
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = g.width();
        if used + w > max - 1 {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    Cow::Owned(out)
}

/// `s` broken into rows of at most `max` cells, as body text is (between
/// CJK characters, after spaces, never inside a word that fits a row).
/// Never empty.
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    crate::markdown::wrap::wrap_text(s, max.max(2))
}

/// The end of `s` in at most `max` cells, `…` first when cut.
pub fn tail(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let mut out: Vec<&str> = Vec::new();
    let mut used = 1;
    for g in s.graphemes(true).rev() {
        let w = g.width();
        if used + w > max {
            break;
        }
        used += w;
        out.push(g);
    }
    out.push("…");
    out.into_iter().rev().collect()
}

/// How much a backspace in typed text erases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Erase {
    /// The last character (Backspace).
    Char,
    /// The last word and the spaces after it (Ctrl-W).
    Word,
    /// Everything (Ctrl-U).
    All,
}

/// Backspace in typed text.
pub fn erase(t: &mut String, how: Erase) {
    match how {
        Erase::All => t.clear(),
        Erase::Word => {
            let kept = t.trim_end().len();
            let start = t[..kept]
                .char_indices()
                .rfind(|(_, c)| c.is_whitespace())
                .map_or(0, |(i, c)| i + c.len_utf8());
            t.truncate(start);
        }
        Erase::Char => {
            t.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn truncates_by_cells_with_an_ellipsis() {
        assert_eq!(truncate("tcp握手", 7), "tcp握手");
        assert_eq!(truncate("tcp握手", 6), "tcp握…");
        // a wide character never straddles the edge
        assert_eq!(truncate("tcp握手", 5), "tcp…");
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(truncate("abc", 1), "…");
        // an emoji and its selector are two cells, and never parted
        assert_eq!(width("❤️❤️"), 4);
        assert_eq!(truncate("❤️❤️", 3), "❤️…");
        assert_eq!(tail("❤️❤️", 3), "…❤️");
    }

    #[test]
    fn wraps_at_spaces_or_between_cjk_characters() {
        assert_eq!(wrap("3. 如何保证服务器", 10), ["3. 如何保", "证服务器"]);
        assert_eq!(wrap("SSE与 WebSocket", 9), ["SSE与", "WebSocket"]);
        assert_eq!(wrap("one two three", 8), ["one two", "three"]);
        assert_eq!(wrap("", 8), [""]);
        for row in wrap("容器化部署能够实现服务不中断 Rolling Updates", 9) {
            assert!(width(&row) <= 9, "{row}");
        }
    }

    proptest! {
        #[test]
        fn erasing_never_panics_and_keeps_a_prefix(s in "[a \u{3000}\u{a0}握\t]{0,12}", how in 0..3usize) {
            let mut t = s.clone();
            erase(&mut t, [Erase::Char, Erase::Word, Erase::All][how]);
            prop_assert!(s.starts_with(&t));
        }
    }

    #[test]
    fn ctrl_w_erases_the_last_word_after_any_space() {
        let erased = |s: &str| {
            let mut t = s.to_string();
            erase(&mut t, Erase::Word);
            t
        };
        assert_eq!(erased("tcp 握手"), "tcp ");
        // The ideographic space is three bytes long.
        assert_eq!(erased("a\u{3000}b"), "a\u{3000}");
        assert_eq!(erased("a\u{3000}b\u{3000}"), "a\u{3000}");
        assert_eq!(erased("握手"), "");
    }
}
