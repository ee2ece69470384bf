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

    /// 1 to `max` ASCII digits (`max` at most 9): their value and count.
    /// Every day heading comes here: the value is made as the digits are
    /// read, not parsed from them again.
    pub(super) fn digits(&mut self, max: usize) -> Option<(u32, usize)> {
        debug_assert!(max <= 9, "a u32 holds nine digits");
        let (mut value, mut n) = (0u32, 0);
        for &b in self.rest().as_bytes().iter().take(max + 1) {
            if !b.is_ascii_digit() {
                break;
            }
            value = value.wrapping_mul(10).wrapping_add(u32::from(b - b'0'));
            n += 1;
        }
        if n == 0 || n > max {
            return None;
        }
        self.at += n;
        Some((value, n))
    }

    /// Eats `c` when it comes next.
    pub(super) fn eat(&mut self, c: char) -> bool {
        if c.is_ascii() {
            // A byte compared, not a character decoded.
            let next = self.s.as_bytes().get(self.at);
            if next == Some(&(c as u8)) {
                self.at += 1;
                return true;
            }
            return false;
        }
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

#[cfg(test)]
mod tests {
    use super::Cursor;

    /// Digits read as `str::parse` reads them, up to `max` of them.
    #[test]
    fn digits_are_their_value() {
        for (s, max, want) in [
            ("8.22", 2, Some((8, 1))),
            ("08.22", 2, Some((8, 2))),
            ("2025-08", 4, Some((2025, 4))),
            ("20250", 4, None),
            ("123", 2, None),
            (".22", 2, None),
            ("999999999x", 9, Some((999_999_999, 9))),
            ("", 4, None),
        ] {
            let mut c = Cursor::new(s);
            assert_eq!(c.digits(max), want, "{s}");
            assert_eq!(c.at, want.map_or(0, |w| w.1), "{s}");
        }
        let mut c = Cursor::new("8.22年");
        assert!(!c.eat('-') && !c.eat('年'));
        assert!(c.digits(2).is_some() && c.eat('.') && c.digits(2) == Some((22, 2)));
        assert!(c.eat('年') && c.rest().is_empty());
    }
}
