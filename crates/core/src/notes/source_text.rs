//! The text of a source: a string of its own, or bytes held elsewhere (a
//! file mapped into memory) checked once as UTF-8 and read in place.
//!
//! The command line maps a large notes file rather than reading it into a
//! fresh buffer: the pages the kernel already holds are used as they are,
//! where a read copies every one. Every node's span then points into the
//! map. The check runs in pieces on every thread the machine has.
#![allow(
    unsafe_code,
    reason = "a str over bytes that were checked as UTF-8 when the text was made, not on every look"
)]

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// Bytes that a [`SourceText`] can be read from in place.
pub type Shared = Arc<dyn AsRef<[u8]> + Send + Sync>;

/// A source's text: owned, or checked bytes held elsewhere. Reads as a
/// `str` either way. A clone shares the text (one pointer, counted): the
/// topics parsed from it hold their titles as places in it
/// ([`crate::notes::Topic`]).
#[derive(Clone)]
pub struct SourceText(Arc<Repr>);

#[derive(Clone)]
enum Repr {
    Owned(Arc<String>),
    /// `bytes[start..]`, valid UTF-8 (checked by [`SourceText::shared`],
    /// the only way to make one), with the number of the line at each of
    /// a few places, counted as it was checked.
    Shared {
        bytes: Shared,
        start: usize,
        marks: Arc<[Mark]>,
    },
}

/// A line start in a text and that line's number, 1-based.
type Mark = (usize, usize);

/// Bytes are checked in pieces of at least this much, one per thread.
const PIECE: usize = 4 << 20;

/// Each piece is checked this much at a time.
const CHUNK: usize = 256 << 10;

impl SourceText {
    /// The text of `bytes[start..]`, when it is valid UTF-8 without a NUL
    /// byte (which no notes text holds: loading refuses it as binary);
    /// `None` otherwise. Large bytes are checked in pieces on every thread
    /// the machine has, a quarter megabyte at a time (cut after a line
    /// end), and the lines of each quarter counted while it is in the
    /// cache: a parse in pieces then numbers the line it starts a piece at
    /// from there ([`SourceText::line_at`]), not by counting again.
    pub fn shared(bytes: Shared, start: usize) -> Option<SourceText> {
        SourceText::shared_seeing(bytes, start, &|_, _| {})
    }

    /// [`SourceText::shared`], each quarter megabyte that passes the check
    /// also shown to `see` with where it starts in the text, while it is
    /// still in the cache (a search finds its lines there). The quarters
    /// start and end at line starts; they come on several threads, in no
    /// set order; when the text turns out not to be valid, some have been
    /// seen and the answer is `None`.
    pub fn shared_seeing(
        bytes: Shared,
        start: usize,
        see: &(dyn Fn(usize, &str) + Sync),
    ) -> Option<SourceText> {
        let all = (*bytes).as_ref().get(start..)?;
        // The end of each quarter in `piece` (at `from` in `all`), and how
        // many lines end in it (not yet marks: those are summed below).
        let check = |from: usize, piece: &[u8]| -> Option<Vec<(usize, usize)>> {
            let mut out = Vec::with_capacity(piece.len() / CHUNK + 1);
            let mut rest = piece;
            let mut at = from;
            while !rest.is_empty() {
                let cut = match rest.get(CHUNK..).and_then(|r| memchr::memchr(b'\n', r)) {
                    Some(i) => CHUNK + i + 1,
                    None => rest.len(),
                };
                let (chunk, after) = rest.split_at(cut);
                let checked = simdutf8::basic::from_utf8(chunk).ok()?;
                let (lines, nul) = super::count_ends_and_nul(chunk);
                if nul {
                    return None;
                }
                see(at, checked);
                at += chunk.len();
                out.push((at, lines));
                rest = after;
            }
            Some(out)
        };
        let counted = in_pieces(all, &check)?;
        let mut marks = vec![(0, 1)];
        let mut line = 1;
        for (end, lines) in counted.into_iter().flatten() {
            line += lines;
            if end < all.len() {
                marks.push((end, line));
            }
        }
        Some(SourceText(Arc::new(Repr::Shared {
            bytes,
            start,
            marks: marks.into(),
        })))
    }

    /// The number of the line that starts at byte `at`, from the lines
    /// counted when the text was checked; `None` for a text of its own
    /// (never counted) or an `at` that starts no line.
    pub fn line_at(&self, at: usize) -> Option<usize> {
        let Repr::Shared { marks, .. } = &*self.0 else {
            return None;
        };
        let bytes = self.as_str().as_bytes();
        if at > bytes.len() {
            return None;
        }
        let starts = match at.checked_sub(1).map(|i| bytes[i]) {
            None | Some(b'\n') => true,
            Some(b'\r') => bytes.get(at) != Some(&b'\n'),
            Some(_) => false,
        };
        if !starts {
            return None;
        }
        let k = marks.partition_point(|m| m.0 <= at).checked_sub(1)?;
        let (from, line) = marks[k];
        Some(line + super::count_ends(&bytes[from..at]))
    }

    /// The text as a `str`.
    pub fn as_str(&self) -> &str {
        match &*self.0 {
            Repr::Owned(s) => s.as_str(),
            Repr::Shared { bytes, start, .. } => {
                let bytes = &(**bytes).as_ref()[*start..];
                // SAFETY: `shared` checked these very bytes as UTF-8, and
                // they cannot change: they are behind a shared reference
                // for as long as this text lives, and a mapped file is
                // mapped only under a read lease, whose break ends the
                // program before another program may write (`load::map`).
                unsafe { std::str::from_utf8_unchecked(bytes) }
            }
        }
    }

    /// The same text under a count of its own: what the threads of a
    /// parse hand to the topics they make, so that they do not count on
    /// one shared counter (a clone each, from two cores, made the counter's
    /// cache line go back and forth).
    pub fn fork(&self) -> SourceText {
        SourceText(Arc::new(match &*self.0 {
            Repr::Owned(s) => Repr::Owned(Arc::clone(s)),
            Repr::Shared {
                bytes,
                start,
                marks,
            } => Repr::Shared {
                bytes: Arc::clone(bytes),
                start: *start,
                marks: Arc::clone(marks),
            },
        }))
    }

    /// True when the text is read in place from shared bytes.
    pub fn is_shared(&self) -> bool {
        matches!(*self.0, Repr::Shared { .. })
    }
}

/// What `check` makes of each piece of `bytes` (with where the piece
/// starts), in order, when it makes something of every one: cut after a
/// line end into one piece per thread for large bytes, checked on those
/// threads.
fn in_pieces<T: Send>(
    bytes: &[u8],
    check: &(impl Fn(usize, &[u8]) -> Option<T> + Sync),
) -> Option<Vec<T>> {
    let threads = if bytes.len() >= 2 * PIECE {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    } else {
        1
    };
    let count = (bytes.len() / PIECE).clamp(1, threads.min(8));
    if count == 1 {
        return Some(vec![check(0, bytes)?]);
    }
    let mut pieces = Vec::with_capacity(count);
    let mut at = 0;
    for j in 1..count {
        let target = bytes.len() / count * j;
        let Some(i) = memchr::memchr(b'\n', &bytes[target.max(at)..]) else {
            break;
        };
        let cut = target.max(at) + i + 1;
        pieces.push((at, &bytes[at..cut]));
        at = cut;
    }
    pieces.push((at, &bytes[at..]));
    std::thread::scope(|s| {
        let checks: Vec<_> = pieces
            .iter()
            .skip(1)
            .map(|&(from, p)| s.spawn(move || check(from, p)))
            .collect();
        let first = check(pieces[0].0, pieces[0].1);
        let rest: Vec<Option<T>> = checks
            .into_iter()
            .map(|c| c.join().ok().flatten())
            .collect();
        std::iter::once(first).chain(rest).collect()
    })
}

impl Deref for SourceText {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for SourceText {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Default for SourceText {
    fn default() -> Self {
        SourceText(Arc::new(Repr::Owned(Arc::default())))
    }
}

impl From<String> for SourceText {
    fn from(s: String) -> Self {
        SourceText(Arc::new(Repr::Owned(Arc::new(s))))
    }
}

impl From<&str> for SourceText {
    fn from(s: &str) -> Self {
        SourceText(Arc::new(Repr::Owned(Arc::new(s.to_string()))))
    }
}

impl PartialEq for SourceText {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for SourceText {}

impl PartialEq<str> for SourceText {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for SourceText {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl fmt::Debug for SourceText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for SourceText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shared(bytes: Vec<u8>, start: usize) -> Option<SourceText> {
        SourceText::shared(Arc::new(bytes), start)
    }

    #[test]
    fn shared_bytes_are_checked_once_and_read_in_place() {
        let text = shared("\u{feff}8.22：\n握手\n".as_bytes().to_vec(), 3).unwrap();
        assert_eq!(text, "8.22：\n握手\n");
        assert!(text.is_shared());
        assert!(shared(b"8.22\n\xff\n".to_vec(), 0).is_none());
        assert!(shared(b"8.22\n\0\n".to_vec(), 0).is_none());
        assert!(shared(b"ab".to_vec(), 3).is_none());
    }

    /// The lines counted as the bytes are checked number every line start
    /// as counting from the beginning does, across quarters and pieces,
    /// with `\n`, `\r\n` and lone `\r` line ends.
    #[test]
    fn lines_counted_while_checked_number_every_line() {
        let lines = ["握手tcp\n", "a\r\n", "\r", "\n", "SSE（事件）\r\n", "x"];
        let mut text = String::new();
        let mut i = 0;
        while text.len() < 3 * PIECE {
            text.push_str(lines[i % 5]);
            i += 7;
        }
        text.push_str(lines[5]);
        let shared = shared(text.clone().into_bytes(), 0).unwrap();
        let owned = SourceText::from(text.as_str());
        let bytes = text.as_bytes();
        let mut line = 1;
        let mut checked = 0;
        for at in 0..bytes.len() {
            let starts = at == 0
                || (bytes[at - 1] == b'\n' || (bytes[at - 1] == b'\r' && bytes[at] != b'\n'));
            if at > 0 && starts {
                line += 1;
            }
            // Every line start near the quarters' ends, a few others.
            if starts && (at % CHUNK < 64 || at % 9973 == 0) {
                assert_eq!(shared.line_at(at), Some(line), "byte {at}");
                checked += 1;
            }
        }
        assert!(checked > 100);
        assert_eq!(shared.line_at(1), None, "inside a line");
        assert_eq!(shared.line_at(text.len() + 5), None, "past the end");
        let crlf = text.find("\r\n").unwrap();
        assert_eq!(shared.line_at(crlf + 1), None, "between \\r and \\n");
        assert_eq!(owned.line_at(0), None, "a text of its own is not counted");
    }

    #[test]
    fn large_bytes_are_checked_in_pieces_cut_between_lines() {
        // Three-byte characters on lines of odd lengths, so a cut at a
        // planned place would fall inside one; a bad byte near the end.
        let line = "握手tcp\n".repeat(3);
        let mut bytes = line.repeat((3 * PIECE) / line.len()).into_bytes();
        assert!(shared(bytes.clone(), 0).is_some());
        let at = bytes.len() - 5;
        bytes[at] = 0xff;
        assert!(shared(bytes.clone(), 0).is_none());
        bytes[at] = 0;
        assert!(shared(bytes, 0).is_none());
    }
}
