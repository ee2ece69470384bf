//! A byte scan shared by the writers that must find rare bytes in mostly
//! plain text fast (what the terminal may not be sent, what YAML may not
//! hold as it is): each byte looked at with the one after it, so that a
//! lead byte shared with common text (Chinese punctuation's `E3 80`) is
//! told apart from a rare one by its second byte, sixteen bytes at a time
//! in compares the compiler makes vector ones.

/// True when `found(from, to)` says so for a part of `b`: each 16-byte
/// part in which `pair` holds for some byte and the one after it, in
/// order, then the rest, shorter than a part, whatever it holds (a
/// string under 17 bytes is all rest). `pair` may hold where `found`
/// finds nothing; a 16-byte part where it holds nowhere is not asked
/// about.
#[inline(always)]
pub(crate) fn any_part(
    b: &[u8],
    pair: impl Fn(u8, u8) -> bool,
    mut found: impl FnMut(usize, usize) -> bool,
) -> bool {
    let mut from = 0;
    while from + 17 <= b.len() {
        let any = b[from..from + 16]
            .iter()
            .zip(&b[from + 1..from + 17])
            .fold(false, |any, (&x, &next)| any | pair(x, next));
        if any && found(from, from + 16) {
            return true;
        }
        from += 16;
    }
    found(from, b.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each part is asked about once, in order, and only where the pair
    /// holds; a part that holds it but is turned down by `found` lets the
    /// scan go on.
    #[test]
    fn parts_holding_a_pair_are_asked_in_order() {
        let mut b = vec![b'a'; 40];
        b[3] = b'x';
        b[20] = b'x';
        b[39] = b'x';
        let pair = |x: u8, _: u8| x == b'x';
        let mut asked = Vec::new();
        let said = any_part(&b, pair, |from, to| {
            asked.push((from, to));
            false
        });
        assert!(!said);
        assert_eq!(asked, [(0, 16), (16, 32), (32, 40)]);
        assert!(any_part(&b, pair, |from, _| from == 16));
        // Parts without the pair are passed over; the rest is asked about.
        let mut asked = Vec::new();
        any_part(&[b'a'; 40], pair, |from, to| {
            asked.push((from, to));
            false
        });
        assert_eq!(asked, [(32, 40)]);
        assert!(!any_part(&[], pair, |_, to| to > 0));
    }
}
