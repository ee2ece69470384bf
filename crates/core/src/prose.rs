//! The prose of a piece of notes: its lines outside fenced code, with inline
//! code blanked out. What links, tags and tasks are read from, so that
//! `#include` in a fence or `` `[[x]]` `` in a code span is never taken for
//! one.
//!
//! ~~~text
//! see [[TCP handshake]] #net      prose
//! ```sh                           fence: skipped, up to its close
//! # not a tag
//! ```
//! run `make #all` now             prose: "run `         ` now"
//! ~~~

use std::borrow::Cow;

/// A line of prose: its 0-based index in the text, its byte offset, and its
/// text with inline code spans replaced by spaces (same length).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProseLine<'a> {
    /// 0-based line index in the text walked.
    pub index: usize,
    /// Byte offset of the line's first byte.
    pub offset: usize,
    /// The line, code spans blanked (byte for byte the same length).
    pub text: Cow<'a, str>,
}

/// The lines of `text` outside fenced code (```` ``` ```` or `~~~`, at any
/// indentation, closed by a fence of the same character at least as long).
pub fn lines(text: &str) -> impl Iterator<Item = ProseLine<'_>> {
    let mut fence: Option<(u8, usize)> = None;
    let mut offset = 0;
    text.split_inclusive('\n')
        .enumerate()
        .filter_map(move |(index, raw)| {
            let at = offset;
            offset += raw.len();
            let line = raw.trim_end_matches(['\n', '\r']);
            let trimmed = line.trim_start_matches([' ', '\t']);
            if let Some((c, n)) = fence_marker(trimmed) {
                match fence {
                    None => {
                        fence = Some((c, n));
                        return None;
                    }
                    Some((open, len)) if open == c && n >= len => {
                        let rest = trimmed.trim_start_matches(c as char).trim();
                        if rest.is_empty() {
                            fence = None;
                            return None;
                        }
                    }
                    Some(_) => {}
                }
            }
            if fence.is_some() {
                return None;
            }
            Some(ProseLine {
                index,
                offset: at,
                text: blank_code(line),
            })
        })
}

/// The fence character and run length a line starts with (three or more).
fn fence_marker(trimmed: &str) -> Option<(u8, usize)> {
    let c = *trimmed.as_bytes().first()?;
    if c != b'`' && c != b'~' {
        return None;
    }
    let n = trimmed.bytes().take_while(|&b| b == c).count();
    (n >= 3).then_some((c, n))
}

/// `line` with each inline code span (a run of backticks to the next run of
/// the same length) replaced by spaces; an unclosed run stays as it is.
pub fn blank_code(line: &str) -> Cow<'_, str> {
    if !line.contains('`') {
        return Cow::Borrowed(line);
    }
    let bytes = line.as_bytes();
    let mut out = bytes.to_vec();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'`' {
            i += 1;
            continue;
        }
        let run = bytes[i..].iter().take_while(|&&b| b == b'`').count();
        let body = i + run;
        let close = (body..bytes.len()).find(|&j| {
            bytes[j] == b'`'
                && bytes[j..].iter().take_while(|&&b| b == b'`').count() == run
                && (j == 0 || bytes[j - 1] != b'`')
        });
        match close {
            Some(j) => {
                out[i..j + run].fill(b' ');
                i = j + run;
            }
            None => i = body,
        }
    }
    // Only ASCII backticks and whole spans were replaced, each by ASCII
    // spaces: what a span held is gone whole, so the rest is still UTF-8.
    Cow::Owned(String::from_utf8(out).unwrap_or_else(|_| line.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fences_are_skipped_and_code_spans_blanked() {
        let text = "a #x\n```sh\n# no\n```\nrun `#y` now\n    ~~~\n    [[z]]\n    ~~~\nend";
        let got: Vec<(usize, String)> = lines(text).map(|l| (l.index, l.text.into())).collect();
        assert_eq!(
            got,
            [
                (0, "a #x".to_string()),
                (4, "run      now".to_string()),
                (8, "end".to_string()),
            ]
        );
    }

    #[test]
    fn an_unclosed_fence_runs_to_the_end_and_an_unclosed_tick_stays() {
        assert_eq!(lines("```\n#a\n").count(), 0);
        assert_eq!(blank_code("a ` b"), "a ` b");
        assert_eq!(blank_code("``a`b`` c"), "        c");
    }
}
