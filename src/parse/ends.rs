//! Where lines end, and where control characters are, found 64 bytes at a
//! time.
//!
//! A notes file has a line end every 40 bytes or so, so a search that stops
//! at each one (memchr) spends more time starting than searching. Instead
//! each 64-byte block is compared once, giving one bit per byte:
//!
//! ```text
//! bytes  a b \n c \r \n d ...
//! ends   0 0  1 0  1  1 0 ...   `\n` or `\r`
//! cr     0 0  0 0  1  0 0 ...   `\r` only
//! ```
//!
//! and the line ends are read off the bits, lowest first. A third mask marks
//! the bytes that may start a control character, so that only the lines
//! holding one are looked at closely.

/// One 64-byte block's bits: bit `i` stands for byte `i` of the block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    /// Bytes that are `\n` or `\r`.
    pub ends: u64,
    /// Bytes that are `\r`.
    pub cr: u64,
    /// Bytes that are, or may begin, a control character: C0 other than
    /// tab and line ends, DEL, and 0xC2, which leads the UTF-8 of C1
    /// controls (and of other characters, so lines are checked again).
    pub control: u64,
}

/// The bits of `bytes[at..at + 64]`; past the end of `bytes`, no bit is set.
pub fn block(bytes: &[u8], at: usize) -> Block {
    let rest = bytes.get(at..).unwrap_or_default();
    match rest.first_chunk::<64>() {
        Some(full) => full_block(full),
        None => {
            let mut padded = [0u8; 64];
            padded[..rest.len()].copy_from_slice(rest);
            let mut bits = full_block(&padded);
            // The padding's zeros are not the text's.
            bits.control &= below(rest.len());
            bits
        }
    }
}

/// AVX2 where the processor has it (two 32-byte compares per mask), else
/// SSE2, which every x86-64 processor has (four 16-byte ones).
#[cfg(target_arch = "x86_64")]
fn full_block(block: &[u8; 64]) -> Block {
    // The macro keeps its answer after the first time.
    if std::is_x86_feature_detected!("avx2") {
        // SAFETY: the processor has AVX2, as just checked.
        unsafe { avx2_block(block) }
    } else {
        sse2_block(block)
    }
}

/// The masks of one block with one instruction set, `$width` bytes per
/// vector: the same steps for SSE2 and AVX2, so the two cannot drift apart.
/// Expands to code that must run inside `unsafe`.
#[cfg(target_arch = "x86_64")]
macro_rules! vector_block {
    ($block:expr, $width:literal, $vector:ty, $mask:ty,
     $load:ident, $splat:ident, $eq:ident, $or:ident, $andnot:ident, $min:ident,
     $movemask:ident) => {{
        let (mut ends, mut cr, mut control) = (0u64, 0u64, 0u64);
        let splat = |b: u8| $splat(b as i8);
        let (newline, return_, tab) = (splat(b'\n'), splat(b'\r'), splat(b'\t'));
        let (below_space, del, c1_lead) = (splat(0x1f), splat(0x7f), splat(0xc2));
        let bits = |v: $vector| u64::from($movemask(v) as $mask);
        for (k, lane) in $block.chunks_exact($width).enumerate() {
            let v = $load(lane.as_ptr().cast::<$vector>());
            let is_cr = $eq(v, return_);
            let is_end = $or($eq(v, newline), is_cr);
            let is_c0 = $eq($min(v, below_space), v);
            let allowed = $or(is_end, $eq(v, tab));
            let is_control = $or($andnot(allowed, is_c0), $or($eq(v, del), $eq(v, c1_lead)));
            let shift = $width * k;
            ends |= bits(is_end) << shift;
            cr |= bits(is_cr) << shift;
            control |= bits(is_control) << shift;
        }
        Block { ends, cr, control }
    }};
}

/// # Safety
/// The processor must have AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn avx2_block(block: &[u8; 64]) -> Block {
    use std::arch::x86_64::{
        __m256i, _mm256_andnot_si256, _mm256_cmpeq_epi8, _mm256_loadu_si256, _mm256_min_epu8,
        _mm256_movemask_epi8, _mm256_or_si256, _mm256_set1_epi8,
    };
    // SAFETY: the caller guarantees AVX2; each load reads the 32 bytes of
    // one lane of `block`, and `_mm256_loadu_si256` needs no alignment.
    unsafe {
        vector_block!(
            block,
            32,
            __m256i,
            u32,
            _mm256_loadu_si256,
            _mm256_set1_epi8,
            _mm256_cmpeq_epi8,
            _mm256_or_si256,
            _mm256_andnot_si256,
            _mm256_min_epu8,
            _mm256_movemask_epi8
        )
    }
}

/// The masks with SSE2, part of x86-64 itself.
#[cfg(target_arch = "x86_64")]
fn sse2_block(block: &[u8; 64]) -> Block {
    use std::arch::x86_64::{
        __m128i, _mm_andnot_si128, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_min_epu8,
        _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    // SAFETY: SSE2 is part of x86-64 itself, so these instructions exist on
    // every processor this code is built for; each load reads the 16 bytes
    // of one lane of `block`, and `_mm_loadu_si128` needs no alignment.
    unsafe {
        vector_block!(
            block,
            16,
            __m128i,
            u16,
            _mm_loadu_si128,
            _mm_set1_epi8,
            _mm_cmpeq_epi8,
            _mm_or_si128,
            _mm_andnot_si128,
            _mm_min_epu8,
            _mm_movemask_epi8
        )
    }
}

/// Elsewhere, byte by byte.
#[cfg(not(target_arch = "x86_64"))]
fn full_block(block: &[u8; 64]) -> Block {
    portable_block(block)
}

/// The masks byte by byte: what the vector versions must agree with.
#[cfg(any(test, not(target_arch = "x86_64")))]
fn portable_block(block: &[u8; 64]) -> Block {
    let mut ends = 0u64;
    let mut cr = 0u64;
    let mut control = 0u64;
    for (i, &b) in block.iter().enumerate() {
        let end = b == b'\n' || b == b'\r';
        ends |= u64::from(end) << i;
        cr |= u64::from(b == b'\r') << i;
        control |= u64::from((b < 0x20 && b != b'\t' && !end) || b == 0x7f || b == 0xc2) << i;
    }
    Block { ends, cr, control }
}

/// The bits below bit `n` (all of them from 64 on).
pub fn below(n: usize) -> u64 {
    1u64.checked_shl(n as u32).map_or(u64::MAX, |b| b - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bits_stand_for_bytes() {
        let mut text = vec![b'x'; 70];
        text[2] = b'\n';
        text[4] = b'\r';
        text[5] = b'\n';
        text[63] = b'\r';
        text[64] = b'\n';
        let b = block(&text, 0);
        assert_eq!(b.ends, 1 << 2 | 1 << 4 | 1 << 5 | 1 << 63);
        assert_eq!(b.cr, 1 << 4 | 1 << 63);
        // The last, partial block: nothing past the end.
        let b = block(&text, 64);
        assert_eq!((b.ends, b.cr), (1, 0));
        assert_eq!(block(&text, 70).ends, 0);
    }

    #[test]
    fn control_bytes_are_marked() {
        let text = "a\tb\x1b[31m\r\n\u{7f}\u{9b}中\u{0}".as_bytes();
        let got: Vec<usize> = (0..64)
            .filter(|i| block(text, 0).control >> i & 1 == 1)
            .collect();
        // ESC, DEL, the C2 of U+009B and NUL; not the tab, the line end or 中.
        assert_eq!(got, [3, 10, 11, text.len() - 1]);
    }

    #[test]
    fn every_lane_is_read() {
        for at in 0..64 {
            let mut text = [b'a'; 64];
            text[at] = b'\n';
            assert_eq!(block(&text, 0).ends, 1 << at, "byte {at}");
        }
    }

    #[cfg(target_arch = "x86_64")]
    proptest::proptest! {
        #[test]
        fn vector_masks_agree_with_bytes(
            bytes in proptest::collection::vec(
                proptest::sample::select(vec![
                    b'a', b' ', b'\t', b'\n', b'\r', 0, 0x1b, 0x1f, 0x20, 0x7f, 0x80, 0x9b,
                    0xc2, 0xe4, 0xef, 0xff,
                ]),
                64,
            )
        ) {
            let block: [u8; 64] = bytes.try_into().unwrap();
            let expected = portable_block(&block);
            proptest::prop_assert_eq!(sse2_block(&block), expected);
            if std::is_x86_feature_detected!("avx2") {
                // SAFETY: checked just above.
                proptest::prop_assert_eq!(unsafe { avx2_block(&block) }, expected);
            }
        }
    }
}
