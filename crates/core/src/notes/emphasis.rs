//! Whether a run of `*` or `_` can open or close emphasis, by CommonMark's
//! flanking rules: what the parser asks of a line that may be a bold title
//! (`**第一次握手（SYN）**：`) and the viewer of a bold-only line, so that
//! both read `** not bold**` and `__ foo bar__` as the spec does, as text.
//!
//! ```text
//! **bold**     opens: followed by a letter       closes: preceded by a letter
//! ** x**       cannot open: followed by a space
//! a**"b"**c    cannot open: followed by punctuation and preceded by a letter
//! snake__case  `_` cannot open or close inside a word
//! ```
//!
//! The start and the end of the line count as whitespace; punctuation is
//! Unicode's punctuation and symbols (so `（`, `：` and `、` are).

use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};

/// A character CommonMark counts as punctuation.
fn punctuation(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation();
    }
    // What stands beside most bold titles of Chinese and Korean notes —
    // ideographs and Hangul syllables (letters), fullwidth and CJK
    // punctuation — known without a look through Unicode's tables.
    match c {
        '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7A3}' => {
            return false;
        }
        '\u{3001}'..='\u{3003}'
        | '\u{3008}'..='\u{3011}'
        | '\u{3014}'..='\u{301F}'
        | '\u{FF01}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF20}'
        | '\u{FF3B}'..='\u{FF40}'
        | '\u{FF5B}'..='\u{FF65}' => return true,
        _ => {}
    }
    matches!(
        c.general_category_group(),
        GeneralCategoryGroup::Punctuation | GeneralCategoryGroup::Symbol
    )
}

/// What stands beside a delimiter run: the start or end of the line is
/// whitespace.
fn space(c: Option<char>) -> bool {
    c.is_none_or(char::is_whitespace)
}

fn punct(c: Option<char>) -> bool {
    c.is_some_and(punctuation)
}

/// Left-flanking: not followed by whitespace, and not followed by
/// punctuation unless preceded by whitespace or punctuation.
fn left_flanking(before: Option<char>, after: Option<char>) -> bool {
    !space(after) && (!punct(after) || space(before) || punct(before))
}

/// Right-flanking: the mirror of [`left_flanking`].
fn right_flanking(before: Option<char>, after: Option<char>) -> bool {
    !space(before) && (!punct(before) || space(after) || punct(after))
}

/// True when a run of `marker` (`*` or `_`) between `before` and `after`
/// (`None`: the edge of the line) can open emphasis.
pub fn can_open(marker: u8, before: Option<char>, after: Option<char>) -> bool {
    let left = left_flanking(before, after);
    match marker {
        b'_' => left && (!right_flanking(before, after) || punct(before)),
        _ => left,
    }
}

/// True when a run of `marker` between `before` and `after` can close
/// emphasis.
pub fn can_close(marker: u8, before: Option<char>, after: Option<char>) -> bool {
    let right = right_flanking(before, after);
    match marker {
        b'_' => right && (!left_flanking(before, after) || punct(after)),
        _ => right,
    }
}

/// True when `inner`, put between an opening run of `marker` at the start
/// of a line and a closing run followed by `after` (`None`: the end of the
/// line), is emphasis by the flanking rules: `** x**` and `__x __` are not.
pub fn encloses(marker: u8, inner: &str, after: Option<char>) -> bool {
    let first = inner.chars().next();
    let last = inner.chars().next_back();
    can_open(marker, None, first) && can_close(marker, last, after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_inside_the_markers_are_not_emphasis() {
        assert!(encloses(b'*', "foo bar", None));
        assert!(encloses(b'_', "foo bar", None));
        assert!(!encloses(b'*', " foo bar", None));
        assert!(!encloses(b'_', " foo bar", None));
        assert!(!encloses(b'*', "foo bar ", None));
        assert!(!encloses(b'_', "foo bar ", None));
    }

    #[test]
    fn chinese_punctuation_on_either_side() {
        // `**第一次握手（SYN）**：` and `**（1）准备**`.
        assert!(encloses(b'*', "第一次握手（SYN）", Some('：')));
        assert!(encloses(b'*', "（1）准备", None));
        assert!(encloses(b'_', "（1）准备", Some(':')));
        assert!(punctuation('（') && punctuation('、') && punctuation('：'));
        assert!(!punctuation('握') && !punctuation('a') && !punctuation('1'));
    }

    #[test]
    fn underscores_inside_words_neither_open_nor_close() {
        // snake__case: letters on both sides.
        assert!(!can_open(b'_', Some('e'), Some('c')));
        assert!(!can_close(b'_', Some('e'), Some('c')));
        // Stars may.
        assert!(can_open(b'*', Some('e'), Some('c')));
        assert!(can_close(b'*', Some('e'), Some('c')));
        // a**"b"**: punctuation after, a letter before: no.
        assert!(!can_open(b'*', Some('a'), Some('"')));
    }

    #[test]
    fn the_cjk_shortcut_agrees_with_unicode_s_tables() {
        let ranges = [
            0x3000..0x3040,
            0x3400..0x4DC0,
            0x4E00..0xA000,
            0xAC00..0xD7A4,
            0xFF00..0xFF70,
        ];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            let by_tables = matches!(
                c.general_category_group(),
                GeneralCategoryGroup::Punctuation | GeneralCategoryGroup::Symbol
            );
            assert_eq!(punctuation(c), by_tables, "{c} U+{:04X}", c as u32);
        }
    }
}
