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
/// `has_cr` says whether the text holds any `\r`: without one, a single
/// vectorised scan for `\n` serves every line.
pub fn raw_lines(text: &str, has_cr: bool) -> impl Iterator<Item = RawLine> + '_ {
    let bytes = text.as_bytes();
    let mut newlines = memchr::memchr_iter(b'\n', bytes);
    let mut at = 0;
    let mut number = 0;
    std::iter::from_fn(move || {
        if at >= bytes.len() {
            return None;
        }
        number += 1;
        let start = at;
        let found = if has_cr {
            memchr::memchr2(b'\n', b'\r', &bytes[at..]).map(|i| at + i)
        } else {
            newlines.next()
        };
        let (content_end, end) = match found {
            Some(i) if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') => (i, i + 2),
            Some(i) => (i, i + 1),
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

/// What one scan of the whole text tells the parser up front.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scan {
    /// A control character may be present (C0 other than tab and line ends,
    /// DEL, or a C1 control, which UTF-8 encodes after 0xC2): confirmed line
    /// by line.
    pub controls: bool,
    /// A `\r` is present, so lines may end in `\r\n` or a lone `\r`.
    pub cr: bool,
}

/// Scans `bytes` once, branch-free per 64-byte chunk so the compiler
/// vectorises it.
pub fn scan(bytes: &[u8]) -> Scan {
    let mut controls = false;
    let mut cr = false;
    for chunk in bytes.chunks(64) {
        let (c, r) = chunk.iter().fold((false, false), |(c, r), &b| {
            (
                c | ((b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r'))
                    | (b == 0x7f)
                    | (b == 0xC2),
                r | (b == b'\r'),
            )
        });
        controls |= c;
        cr |= r;
    }
    Scan { controls, cr }
}

/// `s` without trailing ASCII whitespace (a fast byte-level trim; the
/// notes' trailing spaces and tabs are ASCII).
pub fn trim_end_ascii(s: &str) -> &str {
    let keep = s
        .as_bytes()
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(0, |i| i + 1);
    &s[..keep]
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_keep_their_offsets() {
        let text = "a\r\nbb\rc\n\nd";
        let got: Vec<_> = raw_lines(text, true)
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
        assert_eq!(
            scan("tcp握手\t\r\n".as_bytes()),
            Scan {
                controls: false,
                cr: true
            }
        );
        assert!(scan(b"a\x1bb").controls);
        assert!(scan("x\u{9b}".as_bytes()).controls);
        assert_eq!(
            scan(b"plain\n"),
            Scan {
                controls: false,
                cr: false
            }
        );
    }
}
