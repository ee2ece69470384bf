//! Byte-level helpers of the parser: splitting into lines with their offsets
//! (each marked when it may hold a control character), and measuring
//! indentation.

use super::ends;
pub use crate::notes::count_ends;
use crate::notes::{Span, TAB_WIDTH};

/// One line of the text, by byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawLine {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset of the terminator (or the end of the text).
    pub content_end: usize,
    /// Offset just past the terminator: the next line's start.
    pub end: usize,
    /// 1-based line number.
    pub number: usize,
    /// The line may hold a control character (see [`ends::Block::control`]).
    pub control: bool,
}

impl RawLine {
    /// The whole line, its terminator included, as the model holds it.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end, self.number)
    }
}

/// The lines of `text`; `\n`, `\r\n` and a lone `\r` each end a line.
pub fn raw_lines(text: &str) -> impl Iterator<Item = RawLine> + '_ {
    raw_lines_from(text, 0, 1)
}

/// The lines of `text` from byte `from` (a line start), the first of them
/// numbered `number`.
pub fn raw_lines_from(
    text: &str,
    from: usize,
    number: usize,
) -> impl Iterator<Item = RawLine> + '_ {
    let bytes = text.as_bytes();
    let mut at = from;
    let mut number = number - 1;
    // The block being read: its offset and the line ends not yet used.
    let mut base = from;
    // The processor is asked once per text which instructions it has.
    let masks = ends::Masks::fastest();
    let mut bits = masks.block(bytes, from);
    std::iter::from_fn(move || {
        if at >= bytes.len() {
            return None;
        }
        number += 1;
        let start = at;
        let mut control = false;
        loop {
            // Control bytes of this line in this block, from its start on.
            let from = !ends::below(start.saturating_sub(base));
            if bits.ends == 0 {
                control |= bits.control & from != 0;
                base += 64;
                if base >= bytes.len() {
                    at = bytes.len();
                    return Some(RawLine {
                        start,
                        content_end: at,
                        end: at,
                        number,
                        control,
                    });
                }
                bits = masks.block(bytes, base);
                continue;
            }
            let bit = bits.ends.trailing_zeros();
            bits.ends &= bits.ends - 1;
            let i = base + bit as usize;
            if i < at {
                // The `\n` of a `\r\n` that ended the line before.
                continue;
            }
            control |= bits.control & from & ends::below(bit as usize) != 0;
            let crlf = (bits.cr >> bit) & 1 == 1 && bytes.get(i + 1) == Some(&b'\n');
            at = if crlf { i + 2 } else { i + 1 };
            return Some(RawLine {
                start,
                content_end: i,
                end: at,
                number,
                control,
            });
        }
    })
}

/// `s` without trailing ASCII whitespace (a fast byte-level trim; the
/// notes' trailing spaces and tabs are ASCII).
#[inline]
pub fn trim_end_ascii(s: &str) -> &str {
    let keep = s
        .as_bytes()
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(0, |i| i + 1);
    &s[..keep]
}

/// The indentation of a line: its width in columns (a tab is
/// [`TAB_WIDTH`]), its length in bytes, and whether it has both tabs and
/// spaces (see [`mixes`] for whether that is a mix worth a finding).
#[inline]
pub fn indentation(line: &str) -> (usize, usize, bool) {
    let bytes = line.as_bytes();
    // Runs of spaces, the usual indentation, eight bytes at a time.
    let mut len = 0;
    while let Some(word) = bytes.get(len..len + 8) {
        let word = u64::from_le_bytes(word.try_into().unwrap_or_default());
        let other = word ^ u64::from_le_bytes([b' '; 8]);
        if other != 0 {
            len += (other.trailing_zeros() / 8) as usize;
            break;
        }
        len += 8;
    }
    let mut width = len;
    let mut tabs = false;
    let mut spaces = len > 0;
    for &b in &bytes[len..] {
        match b {
            b' ' => {
                width += 1;
                spaces = true;
            }
            b'\t' => {
                width += TAB_WIDTH;
                tabs = true;
            }
            _ => break,
        }
        len += 1;
    }
    (width, len, tabs && spaces)
}

/// True when indentation of tabs and spaces (`indent`, as
/// [`indentation`] measured it) mixes them: not when it is tabs then two
/// spaces, as Logseq indents the lines of a block under its bullet
/// (`\t- item`, then `\t  more`).
#[cold]
pub fn mixes(indent: &str) -> bool {
    let tabs = indent.bytes().take_while(|&b| b == b'\t').count();
    !(tabs > 0 && &indent[tabs..] == "  ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_keep_their_offsets() {
        let text = "a\r\nbb\rc\n\nd";
        let got: Vec<_> = raw_lines(text)
            .map(|l| (&text[l.start..l.content_end], l.end, l.number))
            .collect();
        assert_eq!(
            got,
            [
                ("a", 3, 1),
                ("bb", 6, 2),
                ("c", 8, 3),
                ("", 9, 4),
                ("d", 10, 5)
            ]
        );
    }

    #[test]
    fn line_ends_are_counted_as_the_lines_are_split() {
        let long = "中".repeat(3000);
        for text in [
            "",
            "a",
            "a\n",
            "a\r\nb\rc\n\nd",
            "\r\r\n\n",
            &format!("{long}\n{long}\r\n\r{long}"),
        ] {
            let lines = raw_lines(text).filter(|l| l.end > l.content_end).count();
            assert_eq!(count_ends(text.as_bytes()), lines, "{text:?}");
        }
        // A run from a line start numbers its lines on.
        let text = "a\nb\r\nc\rd";
        let from: Vec<_> = raw_lines_from(text, 2, 2)
            .map(|l| (l.start, l.number))
            .collect();
        assert_eq!(from, [(2, 2), (5, 3), (7, 4)]);
    }

    #[test]
    fn indentation_counts_tabs_as_four() {
        assert_eq!(indentation("\t  x"), (6, 3, true));
        // Logseq's lines under a bullet: tabs, then two spaces, mix
        // nothing.
        assert!(!mixes("\t  "));
        assert!(!mixes("\t\t  "));
        assert!(mixes("\t "));
        assert!(mixes("  \t"));
        assert!(mixes("\t   "));
        assert_eq!(indentation("    x"), (4, 4, false));
        assert_eq!(indentation("x"), (0, 0, false));
        assert_eq!(indentation(""), (0, 0, false));
        assert_eq!(indentation("        \t x"), (13, 10, true));
        assert_eq!(indentation("            中"), (12, 12, false));
        assert_eq!(indentation("         "), (9, 9, false));
        assert_eq!(indentation("\t\t"), (8, 2, false));
    }

    #[test]
    fn lines_end_across_blocks() {
        // A `\r\n` split between two 64-byte blocks, a lone `\r` at a block's
        // end, a line longer than a block, and no final line end.
        let text = format!(
            "{}\r\n{}\r{}\nend",
            "a".repeat(63),
            "b".repeat(63),
            "c".repeat(200)
        );
        let got: Vec<_> = raw_lines(&text)
            .map(|l| {
                (
                    text[l.start..l.content_end].len(),
                    l.end - l.content_end,
                    l.number,
                )
            })
            .collect();
        assert_eq!(got, [(63, 2, 1), (63, 1, 2), (200, 1, 3), (3, 0, 4)]);
        assert_eq!(raw_lines("").count(), 0);
        assert_eq!(raw_lines("\n").count(), 1);
        assert_eq!(raw_lines("\r\r\n\n").count(), 3);
    }

    #[test]
    fn every_control_character_marks_its_line() {
        let controls = (0..=0x9f)
            .filter_map(char::from_u32)
            .filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'));
        for c in controls {
            // At every offset in a block, and across the block's end.
            for at in 0..70 {
                let text = format!("{}{c}y\nplain\n", "x".repeat(at));
                let marked: Vec<bool> = raw_lines(&text).map(|l| l.control).collect();
                assert_eq!(marked, [true, false], "U+{:04X} at {at}", c as u32);
            }
        }
        // Chinese punctuation is never marked.
        let text = "“你好”……——：（注）、，！？。《》→\n";
        let marked: Vec<bool> = raw_lines(text).map(|l| l.control).collect();
        assert_eq!(marked, [false]);
    }

    #[test]
    fn lines_with_controls_are_marked() {
        let long = "x".repeat(100);
        let text = format!("plain\nesc\x1b\n{long}\u{7f}\n{long}\nlast\u{9b}");
        let marked: Vec<bool> = raw_lines(&text).map(|l| l.control).collect();
        assert_eq!(marked, [false, true, true, false, true]);
    }
}
