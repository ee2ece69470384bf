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
//!
//! The masks are computed by one of four [`Path`]s, all giving the same
//! bits: byte by byte (the reference), eight bytes in a `u64` (SWAR, any
//! processor), SSE2 (every x86-64) or AVX2 (x86-64 processors that have
//! it). [`Masks::fastest`] asks the processor once which it has; the
//! vector code then lives in small `#[target_feature]` functions in which
//! only the loads, and the call into the AVX2 one, are `unsafe`.
#![allow(
    unsafe_code,
    reason = "SIMD: unaligned vector loads, and calling the AVX2 function once the processor is known to have it"
)]

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

/// A way of computing a block's masks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Path {
    /// One byte at a time: the reference the others are held to.
    Bytes,
    /// Eight bytes at a time in a `u64`: any processor.
    Swar,
    /// 16 bytes at a time: every x86-64 processor.
    Sse2,
    /// 32 bytes at a time: x86-64 processors that have AVX2, and the bit
    /// counts (POPCNT, BMI1, LZCNT) every one of them has beside it.
    Avx2,
}

impl Path {
    /// Every path, slowest first.
    pub const ALL: [Path; 4] = [Path::Bytes, Path::Swar, Path::Sse2, Path::Avx2];
}

/// A [`Path`] this processor can run: holding one is the proof, since the
/// only ways to make one ask the processor first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Masks {
    path: Path,
}

impl Masks {
    /// The fastest path this processor has: AVX2, else SSE2 on x86-64, and
    /// SWAR everywhere else.
    pub fn fastest() -> Masks {
        let path = [Path::Avx2, Path::Sse2]
            .into_iter()
            .find(|&path| runs(path))
            .unwrap_or(Path::Swar);
        Masks { path }
    }

    /// `path`, when this processor can run it.
    pub fn new(path: Path) -> Option<Masks> {
        runs(path).then_some(Masks { path })
    }

    /// The path these masks are computed by.
    pub fn path(self) -> Path {
        self.path
    }

    /// The bits of `bytes[at..at + 64]`; past the end of `bytes`, no bit is
    /// set.
    pub fn block(self, bytes: &[u8], at: usize) -> Block {
        let rest = bytes.get(at..).unwrap_or_default();
        match rest.first_chunk::<64>() {
            Some(full) => self.full_block(full),
            None => {
                let mut padded = [0u8; 64];
                padded[..rest.len()].copy_from_slice(rest);
                let mut bits = self.full_block(&padded);
                // The padding's zeros are not the text's.
                bits.control &= below(rest.len());
                bits
            }
        }
    }

    /// The bits of one whole block.
    #[inline]
    pub fn full_block(self, block: &[u8; 64]) -> Block {
        match self.path {
            Path::Bytes => bytes_block(block),
            Path::Swar => swar_block(block),
            // SAFETY: SSE2 is part of x86-64 itself, so every processor
            // this arm is built for has it.
            #[cfg(target_arch = "x86_64")]
            Path::Sse2 => unsafe { sse2_block(block) },
            // SAFETY: a `Masks` holds `Avx2` only when the processor has
            // AVX2 (`runs`, the only way in, asks it).
            #[cfg(target_arch = "x86_64")]
            Path::Avx2 => unsafe { avx2_block(block) },
            // Never held here (`runs` says no), but the fallback is sound.
            #[cfg(not(target_arch = "x86_64"))]
            Path::Sse2 | Path::Avx2 => swar_block(block),
        }
    }
}

/// Whether this processor can run `path`. `is_x86_feature_detected!`
/// keeps its answer after the first time.
fn runs(path: Path) -> bool {
    match path {
        Path::Bytes | Path::Swar => true,
        Path::Sse2 => cfg!(target_arch = "x86_64"),
        #[cfg(target_arch = "x86_64")]
        Path::Avx2 => {
            std::is_x86_feature_detected!("avx2")
                && std::is_x86_feature_detected!("popcnt")
                && std::is_x86_feature_detected!("bmi1")
                && std::is_x86_feature_detected!("lzcnt")
        }
        #[cfg(not(target_arch = "x86_64"))]
        Path::Avx2 => false,
    }
}

/// The bits below bit `n` (all of them from 64 on).
pub fn below(n: usize) -> u64 {
    1u64.checked_shl(n as u32).map_or(u64::MAX, |b| b - 1)
}

/// The masks byte by byte: what the other paths must agree with.
fn bytes_block(block: &[u8; 64]) -> Block {
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

/// The masks eight bytes at a time, each word's answers in the high bit of
/// each of its bytes, then gathered into eight bits.
fn swar_block(block: &[u8; 64]) -> Block {
    let mut bits = Block {
        ends: 0,
        cr: 0,
        control: 0,
    };
    let (words, _) = block.as_chunks::<8>();
    for (k, word) in words.iter().enumerate() {
        // Little-endian: byte 0 is the lowest, on any processor.
        let word = u64::from_le_bytes(*word);
        let cr = swar::equal(word, b'\r');
        let end = swar::equal(word, b'\n') | cr;
        let c0 = swar::less_than(word, 0x20) & !(end | swar::equal(word, b'\t'));
        let control = c0 | swar::equal(word, 0x7f) | swar::equal(word, 0xc2);
        let shift = 8 * k;
        bits.ends |= swar::gather(end) << shift;
        bits.cr |= swar::gather(cr) << shift;
        bits.control |= swar::gather(control) << shift;
    }
    bits
}

/// Byte-wise tests on a `u64`. Each answer is the high bit of each byte
/// (`0x80` for yes), exact: no carry or borrow crosses from one byte into
/// the next, so a byte's answer never depends on its neighbours.
pub(in crate::parse) mod swar {
    /// `0x01` in every byte.
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    /// `0x7f` in every byte.
    const LOW7: u64 = u64::from_ne_bytes([0x7f; 8]);
    /// `0x80` in every byte.
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);

    /// The bytes of `word` that are below `limit` (at most 0x80). Adding
    /// `0x80 - limit` to a byte's low seven bits reaches the high bit
    /// exactly when they are at least `limit`, and never carries out of
    /// the byte (at most 0x7f + 0x80); a byte whose own high bit is set
    /// is not below.
    #[inline]
    pub(in crate::parse) fn less_than(word: u64, limit: u8) -> u64 {
        debug_assert!(limit <= 0x80);
        let reaches = (word & LOW7) + ONES * u64::from(0x80 - limit);
        !(reaches | word) & HIGH
    }

    /// The bytes of `word` equal to `b`: those that are zero after `^ b`.
    #[inline]
    pub(in crate::parse) fn equal(word: u64, b: u8) -> u64 {
        less_than(word ^ (ONES * u64::from(b)), 1)
    }

    /// The high bit of each byte, byte `i`'s at bit `i`: one multiply
    /// moves each byte's bit to its place in the top byte, at distinct
    /// positions, so nothing carries.
    #[inline]
    pub(in crate::parse) fn gather(high: u64) -> u64 {
        ((high >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56
    }
}

/// The masks of one block with one instruction set, `$width` bytes per
/// vector: the same steps for SSE2 and AVX2, so the two cannot drift apart.
/// Only the load is `unsafe`; the compares are safe where the function
/// enables the instruction set.
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
        let (lanes, _) = $block.as_chunks::<$width>();
        for (k, lane) in lanes.iter().enumerate() {
            // SAFETY: the pointer is to the `$width` bytes of `lane`, all
            // readable, and this load needs no alignment.
            let v = unsafe { $load(lane.as_ptr().cast::<$vector>()) };
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

/// The masks with AVX2: two 32-byte compares per mask. Callers must know
/// the processor has AVX2 (a [`Masks`] of [`Path::Avx2`] does).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn avx2_block(block: &[u8; 64]) -> Block {
    use std::arch::x86_64::{
        __m256i, _mm256_andnot_si256, _mm256_cmpeq_epi8, _mm256_loadu_si256, _mm256_min_epu8,
        _mm256_movemask_epi8, _mm256_or_si256, _mm256_set1_epi8,
    };
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

/// The masks with SSE2, part of x86-64 itself: four 16-byte compares per
/// mask. Calling it is still `unsafe` (Rust asks every caller of a
/// `#[target_feature]` function to vouch for the feature).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn sse2_block(block: &[u8; 64]) -> Block {
    use std::arch::x86_64::{
        __m128i, _mm_andnot_si128, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_min_epu8,
        _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every path this processor runs. Bytes and SWAR run everywhere, and
    /// SSE2 on every x86-64, so no target tests less than two against
    /// the reference.
    fn every_path() -> Vec<Masks> {
        let paths: Vec<Masks> = Path::ALL.into_iter().filter_map(Masks::new).collect();
        assert!(paths.len() >= if cfg!(target_arch = "x86_64") { 3 } else { 2 });
        paths
    }

    #[test]
    fn bits_stand_for_bytes() {
        let mut text = vec![b'x'; 70];
        text[2] = b'\n';
        text[4] = b'\r';
        text[5] = b'\n';
        text[63] = b'\r';
        text[64] = b'\n';
        for masks in every_path() {
            let b = masks.block(&text, 0);
            assert_eq!(b.ends, 1 << 2 | 1 << 4 | 1 << 5 | 1 << 63);
            assert_eq!(b.cr, 1 << 4 | 1 << 63);
            // The last, partial block: nothing past the end.
            let b = masks.block(&text, 64);
            assert_eq!((b.ends, b.cr), (1, 0));
            assert_eq!(masks.block(&text, 70).ends, 0);
        }
    }

    #[test]
    fn control_bytes_are_marked() {
        let text = "a\tb\x1b[31m\r\n\u{7f}\u{9b}中\u{0}".as_bytes();
        for masks in every_path() {
            let control = masks.block(text, 0).control;
            let got: Vec<usize> = (0..64).filter(|i| control >> i & 1 == 1).collect();
            // ESC, DEL, the C2 of U+009B and NUL; not the tab, the line end
            // or 中.
            assert_eq!(got, [3, 10, 11, text.len() - 1], "{:?}", masks.path());
        }
    }

    #[test]
    fn every_lane_is_read() {
        for masks in every_path() {
            for at in 0..64 {
                let mut text = [b'a'; 64];
                text[at] = b'\n';
                assert_eq!(masks.block(&text, 0).ends, 1 << at, "byte {at}");
            }
        }
    }

    #[test]
    fn the_fastest_path_is_one_this_processor_runs() {
        let fastest = Masks::fastest();
        assert_eq!(Masks::new(fastest.path()), Some(fastest));
        let expected = if cfg!(target_arch = "x86_64") {
            Path::Sse2
        } else {
            Path::Swar
        };
        assert!(fastest.path() == expected || fastest.path() == Path::Avx2);
    }

    /// Every byte value at every offset, among neighbours that would make
    /// a carry or borrow between bytes show (zeros, 0xff, 0x80, 0x7f, line
    /// ends, text).
    #[test]
    fn every_byte_at_every_offset_agrees_with_bytes() {
        for background in [0u8, 0xff, 0x80, 0x7f, b'\n', b'a', 0xc2, 0x1f] {
            for at in 0..64 {
                for b in 0..=255u8 {
                    let mut block = [background; 64];
                    block[at] = b;
                    let expected = bytes_block(&block);
                    for masks in every_path() {
                        assert_eq!(
                            masks.full_block(&block),
                            expected,
                            "{:?}: byte {b:#04x} at {at} among {background:#04x}",
                            masks.path()
                        );
                    }
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn every_path_agrees_with_bytes(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(vec![
                        b'a', b' ', b'\t', b'\n', b'\r', 0, 0x1b, 0x1f, 0x20, 0x7f, 0x80,
                        0x9b, 0xc2, 0xe4, 0xef, 0xff,
                    ]),
                    proptest::num::u8::ANY,
                ],
                0..200,
            )
        ) {
            for at in (0..bytes.len() + 64).step_by(64) {
                let expected = Masks::new(Path::Bytes).map(|m| m.block(&bytes, at));
                for masks in every_path() {
                    proptest::prop_assert_eq!(
                        Some(masks.block(&bytes, at)),
                        expected,
                        "{:?} at {}",
                        masks.path(),
                        at
                    );
                }
            }
        }
    }
}
