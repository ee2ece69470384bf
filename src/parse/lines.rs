//! Byte-level helpers of the parser: splitting into lines with their offsets,
//! measuring indentation, and a quick scan for control characters.

use crate::notes::TAB_WIDTH;

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
}

/// The lines of `text`; `\n`, `\r\n` and a lone `\r` each end a line.
pub fn raw_lines(text: &str) -> impl Iterator<Item = RawLine> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    let mut number = 0;
    std::iter::from_fn(move || {
        if at >= bytes.len() {
            return None;
        }
        number += 1;
        let start = at;
        let (content_end, end) = match memchr::memchr2(b'\n', b'\r', &bytes[at..]) {
            Some(i) => {
                let i = at + i;
                if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                    (i, i + 2)
                } else {
                    (i, i + 1)
                }
            }
            None => (bytes.len(), bytes.len()),
        };
        at = end;
        Some(RawLine {
            start,
            content_end,
            end,
            number,
        })
    })
}

/// The indentation of a line: its width in columns (a tab is
/// [`TAB_WIDTH`]), its length in bytes, and whether it mixes tabs and spaces.
pub fn indentation(line: &str) -> (usize, usize, bool) {
    let mut width = 0;
    let mut tabs = false;
    let mut spaces = false;
    let mut len = 0;
    for b in line.bytes() {
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

/// Could `bytes` hold a control character (C0 other than tab and line ends,
/// DEL, or a C1 control, which UTF-8 encodes after 0xC2)? A branch-free scan
/// the compiler vectorises; a yes is confirmed line by line.
pub fn has_controls(bytes: &[u8]) -> bool {
    bytes.chunks(64).any(|chunk| {
        chunk.iter().fold(false, |acc, &b| {
            acc | ((b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r'))
                | (b == 0x7f)
                | (b == 0xC2)
        })
    })
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
    fn indentation_counts_tabs_as_four() {
        assert_eq!(indentation("\t  x"), (6, 3, true));
        assert_eq!(indentation("    x"), (4, 4, false));
        assert_eq!(indentation("x"), (0, 0, false));
    }

    #[test]
    fn control_scan() {
        assert!(!has_controls("tcp握手\t\r\n".as_bytes()));
        assert!(has_controls(b"a\x1bb"));
        assert!(has_controls("x\u{9b}".as_bytes()));
    }
}
