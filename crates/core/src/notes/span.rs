//! Where a node's lines are in its source text: byte offsets and the first
//! line's number, 32 bits each.

/// A byte range of one source's text, with the 1-based number of its first
/// line. `end` is exclusive and includes the last line's terminator.
///
/// Stored in 32 bits each (a large notebook holds millions of spans), so a
/// source may be up to 4 GiB; loading refuses a larger file
/// ([`MAX_SOURCE_BYTES`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    start: u32,
    end: u32,
    line: u32,
}

/// The largest source text a [`Span`] can address.
pub const MAX_SOURCE_BYTES: usize = u32::MAX as usize;

/// `n` in the 32 bits the model stores offsets and indexes in, held at
/// [`MAX_SOURCE_BYTES`] past it (loading never lets such a file through).
pub(crate) fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Span {
    /// The bytes `start..end`, whose first line is number `line`. Values
    /// past [`MAX_SOURCE_BYTES`] are held at it (loading never lets one
    /// through).
    pub fn new(start: usize, end: usize, line: usize) -> Self {
        Span {
            start: narrow(start),
            end: narrow(end),
            line: narrow(line),
        }
    }

    /// An empty span at `start`, whose (absent) first line would be `line`.
    pub fn empty(start: usize, line: usize) -> Self {
        Span::new(start, start, line)
    }

    /// Byte offset of the first byte.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Byte offset one past the last byte.
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// 1-based line number of the first line.
    pub fn line(&self) -> usize {
        self.line as usize
    }

    /// True when the span holds no bytes.
    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// The span's text within `text` (empty when `text` is not the text it
    /// was made for and does not hold it).
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start()..self.end()).unwrap_or_default()
    }
}
