//! Case folding that keeps byte offsets: the folded text has exactly the
//! bytes of the original at the same places, except that a character is
//! replaced by its lowercase form **when that form is one character of the
//! same UTF-8 length** (`A`→`a`, `É`→`é`, `Ж`→`ж`, `Ａ`→`ａ`).
//!
//! So a match found in the folded copy is a match at the same byte range of
//! the original, and the folded copy is valid UTF-8 with the same character
//! boundaries. Characters whose lowercase is longer, shorter or several
//! characters (`İ`, the Kelvin sign `K`, `ẞ`) stay as they are: a
//! case-insensitive search treats them as caseless. Chinese has no case and
//! is copied through untouched.
//!
//! Speed: ASCII is lowercased eight bytes at a time; a non-ASCII character is
//! only decoded when its first bytes say it may have a case (the CJK blocks,
//! Hangul and private use are skipped by their lead byte).

/// The folded form of `s` (see the module header).
pub fn fold(s: &str) -> String {
    let mut out = Vec::new();
    fold_into(s, &mut out);
    // Folding replaces whole characters by characters of the same length.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Writes the folded form of `s` into `out` (cleared first); `out` ends up
/// exactly `s.len()` bytes long.
pub fn fold_into(s: &str, out: &mut Vec<u8>) {
    out.clear();
    out.extend_from_slice(s.as_bytes());
    lower_ascii(out);
    fold_non_ascii(s, out);
}

/// Writes `s` into `out` (cleared first) with only ASCII letters folded:
/// enough for an ASCII needle, as no other character folds to ASCII.
pub fn fold_ascii_into(s: &str, out: &mut Vec<u8>) {
    // Copied and lowered in one pass, written so that the compiler makes
    // it vector compares (16 or 32 bytes at a time), into the buffer's
    // room as it is (not zeroed first).
    out.clear();
    out.extend(
        s.as_bytes()
            .iter()
            .map(|&b| b | (u8::from(b.wrapping_sub(b'A') < 26) << 5)),
    );
}

/// One character folded, or itself when its lowercase form is not a single
/// character of the same length.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
        _ => c,
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// ASCII `A`-`Z` → `a`-`z` in place, a word at a time; other bytes unchanged.
fn lower_ascii(bytes: &mut [u8]) {
    let mut words = bytes.chunks_exact_mut(8);
    for chunk in &mut words {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        let x = u64::from_le_bytes(w);
        // Per byte, on its low seven bits (no carry crosses a byte): the high
        // bit of `ge_a` is set from 0x41 up, that of `ge_z1` from 0x5B up.
        let low = x & !HIGH;
        let ge_a = low + ONES * (0x80 - 0x41);
        let ge_z1 = low + ONES * (0x80 - 0x5B);
        let upper = ge_a & !ge_z1 & !x & HIGH;
        chunk.copy_from_slice(&(x | (upper >> 2)).to_le_bytes());
    }
    for b in words.into_remainder() {
        b.make_ascii_lowercase();
    }
}

/// Folds the non-ASCII characters that may have a case; `out` already holds
/// `s` with ASCII lowered.
fn fold_non_ascii(s: &str, out: &mut [u8]) {
    let src = s.as_bytes();
    let len = src.len();
    let mut i = 0;
    while i < len {
        // Skip ASCII a word at a time.
        if i + 8 <= len {
            let mut w = [0u8; 8];
            w.copy_from_slice(&src[i..i + 8]);
            if u64::from_le_bytes(w) & HIGH == 0 {
                i += 8;
                continue;
            }
        }
        let b = src[i];
        match b {
            0x00..=0x7F => i += 1,
            // U+3000..U+9FFF (CJK, kana) and U+B000..U+EFFF (Hangul, private
            // use): no character there has a case.
            0xE3..=0xE9 | 0xEB..=0xEE => i += 3,
            // U+F000..U+FFFF: only the fullwidth capitals U+FF21..U+FF3A
            // (EF BC A1..BA) have one, U+FF41..U+FF5A (EF BD 81..9A).
            // Fullwidth punctuation (，：（）) shares their EF BC.
            0xEF => {
                if let (Some(0xBC), Some(&b3 @ 0xA1..=0xBA)) = (src.get(i + 1), src.get(i + 2)) {
                    out[i + 1] = 0xBD;
                    out[i + 2] = b3 - 0x20;
                }
                i += 3;
            }
            _ => {
                let Some(c) = s[i..].chars().next() else {
                    break;
                };
                let n = c.len_utf8();
                let f = fold_char(c);
                if f != c {
                    f.encode_utf8(&mut out[i..i + n]);
                }
                i += n;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_ascii_and_same_length_letters_only() {
        assert_eq!(
            fold("SSE（Server-Sent Events）"),
            "sse（server-sent events）"
        );
        assert_eq!(fold("ÉCOLE Жук ＡＢＣ"), "école жук ａｂｃ");
        // İ lowercases to two characters, the Kelvin sign to one byte:
        // both are left alone so that offsets stay put.
        assert_eq!(fold("İ\u{212A}"), "İ\u{212A}");
        assert_eq!(fold("握手 TCP"), "握手 tcp");
    }

    #[test]
    fn fast_paths_agree_with_folding_each_character() {
        // Every character, so a wrong lead-byte shortcut shows up here.
        let all: String = (0..=0x10FFFF_u32).filter_map(char::from_u32).collect();
        let expected: String = all.chars().map(fold_char).collect();
        let got = fold(&all);
        assert_eq!(got.len(), all.len());
        assert!(got == expected, "the fast fold differs from fold_char");
    }

    #[test]
    fn ascii_words_fold_at_every_alignment() {
        let s = "@AZ[`az{\u{7f}ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        for start in 0..8 {
            let part = &s[start..];
            assert_eq!(fold(part), part.to_ascii_lowercase());
        }
    }
}
