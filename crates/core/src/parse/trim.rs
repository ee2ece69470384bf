//! Trimming titles quickly: the standard library's Unicode-aware trims,
//! skipped when the first or last byte shows the character there cannot be
//! whitespace, as it almost never is.

/// `s` without trailing whitespace, as [`str::trim_end`], but answered from
/// the last bytes when the last character cannot be whitespace: most titles
/// end in a letter, a CJK character or `：`.
pub fn trim_end(s: &str) -> &str {
    if may_be_space(s.as_bytes(), s.len().wrapping_sub(1)) {
        s.trim_end()
    } else {
        s
    }
}

/// `s` without surrounding whitespace, as [`str::trim`], quick in the same
/// way as [`trim_end`].
pub fn trim(s: &str) -> &str {
    trim_start(trim_end(s))
}

/// `s` without leading whitespace, as [`str::trim_start`], answered from
/// the first byte when it cannot be whitespace.
pub fn trim_start(s: &str) -> &str {
    if may_be_space(s.as_bytes(), 0) {
        s.trim_start()
    } else {
        s
    }
}

/// Whether the character that starts or ends at byte `at` may be Unicode
/// whitespace. Beyond ASCII, only U+0085 and U+00A0 (lead byte C2), U+1680,
/// U+2000–U+205F and U+3000 (lead bytes E1–E3) are; a character with any
/// other lead byte is not.
fn may_be_space(b: &[u8], at: usize) -> bool {
    match b.get(at) {
        None => false,
        Some(&byte) if byte.is_ascii() => byte.is_ascii_whitespace() || byte == 0x0b,
        // The first byte of the text.
        Some(&lead @ 0xC0..) => matches!(lead, 0xC2 | 0xE1..=0xE3),
        // The last byte of a character that ends the text: its lead is one
        // byte back for two-byte characters, two for three-byte ones (in
        // valid UTF-8 neither of those bytes can be such a lead otherwise).
        Some(_) => {
            at.checked_sub(1).is_some_and(|i| b[i] == 0xC2)
                || at
                    .checked_sub(2)
                    .is_some_and(|i| matches!(b[i], 0xE1..=0xE3))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quick_trims_agree_with_the_standard_ones() {
        let samples = [
            "",
            " ",
            "a",
            " a ",
            "\u{3000}",
            "中\u{3000}",
            "\u{3000}中",
            "：",
            "𝄞",
            " 𝄞 ",
            "\u{a0}x\u{a0}",
            "x\u{85}",
            "\u{2028}",
            "é ",
            "\u{205f}y",
            "\u{b}z\u{b}",
            "\u{c}",
            "\u{1680}",
            "\u{200b}",
            "ÿ",
            "\u{feff}",
        ];
        for s in samples {
            assert_eq!(trim_end(s), s.trim_end(), "{s:?}");
            assert_eq!(trim(s), s.trim(), "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn quick_trims_agree_on_any_text(s in "[ \u{3000}\u{1680}]{0,2}\\PC{0,6}[ \t\u{3000}\u{a0}\u{85}\u{2009}]{0,2}") {
            proptest::prop_assert_eq!(trim_end(&s), s.trim_end());
            proptest::prop_assert_eq!(trim(&s), s.trim());
        }
    }
}
