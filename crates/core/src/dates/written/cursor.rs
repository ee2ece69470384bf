//! A reading position in a heading's text, for the date readers.

/// A reading position in a text.
#[derive(Clone, Copy)]
pub(super) struct Cursor<'a> {
    pub(super) s: &'a str,
    pub(super) at: usize,
}

impl<'a> Cursor<'a> {
    pub(super) fn new(s: &'a str) -> Self {
        Cursor { s, at: 0 }
    }

    pub(super) fn rest(&self) -> &'a str {
        &self.s[self.at..]
    }

    pub(super) fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    /// 1 to `max` ASCII digits: their value and count.
    pub(super) fn digits(&mut self, max: usize) -> Option<(u32, usize)> {
        let n = self
            .rest()
            .bytes()
            .take_while(u8::is_ascii_digit)
            .take(max + 1)
            .count();
        if n == 0 || n > max {
            return None;
        }
        let value = self.rest()[..n].parse().ok()?;
        self.at += n;
        Some((value, n))
    }

    /// Eats `c` when it comes next.
    pub(super) fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.at += c.len_utf8();
            true
        } else {
            false
        }
    }

    /// Eats spaces (ASCII and the ideographic one); how many bytes.
    pub(super) fn spaces(&mut self) -> usize {
        let n = self.rest().len() - self.rest().trim_start_matches([' ', '\u{3000}']).len();
        self.at += n;
        n
    }

    /// Eats a run of ASCII letters (and a `.` after an abbreviation).
    pub(super) fn word(&mut self) -> &'a str {
        let n = self
            .rest()
            .bytes()
            .take_while(u8::is_ascii_alphabetic)
            .count();
        let w = &self.rest()[..n];
        self.at += n;
        w
    }

    /// True when what follows cannot continue a date: the end, or a
    /// character that is neither a letter nor a digit, nor a separator
    /// followed by a digit (`8.22.1`).
    pub(super) fn at_boundary(&self) -> bool {
        let rest = self.rest().as_bytes();
        match rest {
            [] => true,
            [b, ..] if b.is_ascii_alphanumeric() => false,
            [b'.' | b'-' | b'/' | b'_', d, ..] if d.is_ascii_digit() => false,
            _ => true,
        }
    }
}
