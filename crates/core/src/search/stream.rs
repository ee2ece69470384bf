//! Counting matching lines straight from a reader, a chunk at a time, for
//! `daynotes search --count` on a file: no notebook is built (a count needs
//! no days or topics), no copy of the whole file is made, and the folding a
//! case-insensitive needle needs is done chunk by chunk in a small buffer.
//!
//! Only plain UTF-8 is handled here (a UTF-8 BOM is skipped). Anything else,
//! such as UTF-16, GB18030, invalid UTF-8 or a NUL byte, makes
//! [`count_reader`] answer `None`, and the caller loads the file the
//! ordinary way, which decodes it or refuses it with the usual message.

use std::io::{self, Read};

use super::{Matcher, count_lines};

/// Bytes read at a time.
const CHUNK: usize = 1 << 20;

/// The number of lines of the text read from `r` that hold a match of `m`,
/// or `None` when the bytes are not plain UTF-8 text.
pub fn count_reader(m: &Matcher, mut r: impl Read) -> io::Result<Option<usize>> {
    let mut buf: Vec<u8> = Vec::with_capacity(CHUNK);
    let mut count = 0;
    let mut first = true;
    loop {
        let eof = fill(&mut r, &mut buf, CHUNK)?;
        if first {
            first = false;
            if buf.starts_with(&[0xFF, 0xFE]) || buf.starts_with(&[0xFE, 0xFF]) {
                return Ok(None);
            }
            if buf.starts_with(&[0xEF, 0xBB, 0xBF]) {
                buf.drain(..3);
            }
        }
        // Whole lines only, so that no match and no character is cut.
        let cut = if eof {
            buf.len()
        } else {
            match memchr::memrchr2(b'\n', b'\r', &buf) {
                Some(i) => i + 1,
                // One line longer than a chunk: read on.
                None => continue,
            }
        };
        let part = &buf[..cut];
        if memchr::memchr(0, part).is_some() {
            return Ok(None);
        }
        let Ok(text) = simdutf8::basic::from_utf8(part) else {
            return Ok(None);
        };
        count += count_lines(m, text);
        buf.drain(..cut);
        if eof {
            return Ok(Some(count));
        }
    }
}

/// Reads until `buf` holds `want` more bytes than it did or the end comes;
/// true at the end.
fn fill(r: &mut impl Read, buf: &mut Vec<u8>, want: usize) -> io::Result<bool> {
    // `read_to_end` grows the buffer as bytes come (no megabyte zeroed for
    // each short read) and reads again when interrupted.
    let got = r.by_ref().take(want as u64).read_to_end(buf)?;
    Ok(got < want)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Query;

    fn count(q: &str, bytes: &[u8]) -> Option<usize> {
        let m = Matcher::new(&Query::literal(q)).unwrap();
        count_reader(&m, bytes).unwrap()
    }

    /// A reader that hands out a few bytes at a time, so that chunks and
    /// lines fall across reads.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            let n = out.len().min(self.0.len()).min(7);
            out[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn counts_lines_as_the_notebook_search_does() {
        let text = crate::SAMPLE;
        for q in ["sse", "SSE", "握手", "tcp握手", "http"] {
            let m = Matcher::new(&Query::literal(q)).unwrap();
            let expected = count_lines(&m, text);
            assert_eq!(count(q, text.as_bytes()), Some(expected), "{q}");
            let trickled = count_reader(&m, Trickle(text.as_bytes())).unwrap();
            assert_eq!(trickled, Some(expected), "{q}");
        }
    }

    #[test]
    fn a_long_text_crosses_chunks() {
        let text: String = (0..200_000).map(|i| format!("第{i}行 sse\n")).collect();
        assert!(text.len() > 2 * CHUNK);
        assert_eq!(count("SSE", text.as_bytes()), Some(0));
        assert_eq!(count("sse", text.as_bytes()), Some(200_000));
    }

    #[test]
    fn only_plain_utf8_is_counted_here() {
        assert_eq!(count("a", b"\xEF\xBB\xBFa\na"), Some(2));
        assert_eq!(count("a", b"\xFF\xFEa\x00"), None);
        assert_eq!(count("a", b"a\n\xFFa"), None);
        assert_eq!(count("a", b"a\x00a"), None);
        assert_eq!(count("a", b""), Some(0));
    }
}
