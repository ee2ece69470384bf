//! Passing over body lines that can change nothing, 64 bytes at a time.
//!
//! When only days and topics are wanted (`list --depth 1`), a line indented
//! deeper than the day's topics, with no fence marker, tab, lone carriage
//! return or control character in it, is read for nothing: it is no heading, no
//! topic, no code fence, and nothing in it is reported. Notes in the seed's
//! shape are mostly such lines:
//!
//! ```text
//! 8.22:                         day       read
//!     1.tcp握手                  topic     read
//!         **第一次握手**：         deeper    passed over
//!         - 客户端发送SYN          deeper    passed over
//!         ```yaml               a fence   read (and what follows it)
//! ```
//!
//! [`pass_deep`] finds where the next line that may matter starts, and how
//! many lines it passed; the pass goes on from there. Each 64-byte block
//! is compared once, as for line ends ([`super::ends`]), into three masks:
//!
//! ```text
//! bytes     ␠ ␠ ␠ ␠ ␠ a ` b \n ␠ …
//! newline   0 0 0 0 0 0 0 0 1  0     `\n`
//! stop      0 0 0 0 0 0 1 0 0  0     what a passed line may not hold
//! space     1 1 1 1 1 0 0 0 0  1
//! ```
//!
//! and each block is then judged whole, whatever number of lines start in
//! it: where its lines start (after each `newline` bit), which of those
//! starts have the indentation (a run of `space` bits), and which line
//! holds the first `stop` bit, each a few operations on the bits
//! ([`pass_with`]). On lines of 38 bytes it passes 5.0 GB/s, where taking
//! the lines one at a time from the same masks passed 3.9 GB/s. A block is
//! first compared for four masks only (line ends, spaces, carriage returns
//! and whatever may stop a run): the bytes after a `0xC2`, which decide
//! whether it leads a C1 control, are compared in the few blocks that
//! hold one, or another stop (5.2 GB/s).
//!
//! Where section headings are wanted too (`search`, the viewer), runs are a
//! few lines long between bold lines, and comparing blocks for each costs
//! more than it saves. There [`passes_line`] tells each line from its
//! first and last bytes instead: a deep line that heads no section (no
//! `*`, `_` or `#` after its indentation, no colon at its end) is counted
//! and not read.
#![allow(
    unsafe_code,
    reason = "SIMD: unaligned vector loads, and calling the AVX2 function once the processor is known to have it"
)]

use super::classify::{ends_with_colon, may_mark_fence};
use super::ends::{Masks, Path, below, swar};
use super::lines::RawLine;

/// One 64-byte block's bits: bit `i` stands for byte `i` of the block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeepBlock {
    /// `\n`.
    pub newline: u64,
    /// What a passed line may not hold: C0 but `\n` and the `\r` of a
    /// `\r\n` (a tab and a lone `\r` among them), `` ` ``, `~`, DEL, and a
    /// `0xC2` that leads a C1 control (`0xC2 0x80` to `0xC2 0x9F`). For the
    /// block's last byte the byte after the block tells
    /// ([`with_last_byte`]). Past the end of the bytes every bit is a stop.
    pub stop: u64,
    /// ` `.
    pub space: u64,
}

/// The deepest indentation passed over: deeper day structures are read
/// line by line.
const MAX_DEPTH: usize = 32;

/// From `at` (a line start) up to `to` (a line start, or the end of
/// `bytes`): the start of the first line that does not begin with more
/// than `depth` spaces, or that holds a `` ` ``, a `~`, a tab, a `\r`
/// other than that of a `\r\n`, or a control character (C0, DEL, C1), or
/// that does not end with `\n` before `to`; and how many lines came before
/// it.
pub fn pass_deep(masks: Masks, bytes: &[u8], at: usize, to: usize, depth: usize) -> (usize, usize) {
    let to = to.min(bytes.len());
    let need = depth + 1;
    // Most lines that end a run are not indented that deep: told from
    // their first bytes, before any block is compared.
    let deep = bytes
        .get(at..at + need)
        .is_some_and(|h| h.iter().all(|&b| b == b' '));
    if need > MAX_DEPTH || !deep {
        return (at, 0);
    }
    match masks.path() {
        // SAFETY: a `Masks` holds `Avx2` only when the processor has AVX2
        // (`Masks::fastest` and `Masks::new` ask it).
        #[cfg(target_arch = "x86_64")]
        Path::Avx2 => unsafe { pass_avx2(bytes, at, to, need) },
        // SAFETY: SSE2 is part of x86-64 itself.
        #[cfg(target_arch = "x86_64")]
        Path::Sse2 => unsafe { pass_sse2(bytes, at, to, need) },
        #[cfg(not(target_arch = "x86_64"))]
        Path::Sse2 | Path::Avx2 => pass_with(bytes, at, to, need, swar_deep),
        Path::Swar => pass_with(bytes, at, to, need, swar_deep),
        Path::Bytes => pass_with(bytes, at, to, need, bytes_deep),
    }
}

/// Whether `line`, read where lines deeper than `depth` change nothing
/// but the count of lines (as for [`pass_deep`]) and section headings are
/// looked for, changes nothing either: it is deeper, holds no control
/// character, is no fence, and heads no section, its first byte after the
/// indentation being no `*`, `_` or `#` and its last no colon.
#[inline]
pub fn passes_line(text: &str, line: &RawLine, depth: usize) -> bool {
    let bytes = &text.as_bytes()[line.start..line.content_end];
    let Some((indent, rest)) = bytes.split_at_checked(depth + 1) else {
        return false;
    };
    if line.control || indent.iter().any(|&b| b != b' ') {
        return false;
    }
    let Some(at) = rest.iter().position(|&b| b != b' ') else {
        return false;
    };
    let rest = &rest[at..];
    if may_mark_fence(rest) || matches!(rest[0], b'*' | b'_' | b'#' | b'\t') {
        return false;
    }
    // `text` is a `str` and `line` cut at line ends: the slice is on char
    // boundaries.
    !ends_with_colon(&text[line.start..line.content_end])
}

/// [`pass_with`] its blocks compared with AVX2, all of it compiled for
/// AVX2 so that the compares are made in the loop, not called, and for
/// the bit counts that come with it (POPCNT, BMI1's `tzcnt`, LZCNT): the
/// bits are counted by one instruction each, not by a dozen (5% faster).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,popcnt,bmi1,lzcnt")]
fn pass_avx2(bytes: &[u8], at: usize, to: usize, need: usize) -> (usize, usize) {
    pass_with(bytes, at, to, need, |b| avx2_deep(b))
}

/// [`pass_with`] with SSE2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn pass_sse2(bytes: &[u8], at: usize, to: usize, need: usize) -> (usize, usize) {
    pass_with(bytes, at, to, need, |b| sse2_deep(b))
}

/// [`pass_deep`] (`need` is the depth and one), each block's bits made by
/// `block`. The blocks follow one another from `at`, 64 bytes apart, each
/// compared once, and each is judged whole, whatever number of lines
/// start in it:
///
/// ```text
/// bytes    ␠ ␠ ␠ a \n ␠ ␠ b ` \n ␠ …      (need 2)
/// starts   1 0 0 0  0 1 0 0 0  0 1        after a `\n` (or at `at`)
/// deep     1 1 0 0  0 1 0 0 0  0 …        `need` spaces from here
/// stop     0 0 0 0  0 0 0 0 1  0 0
/// ```
///
/// The first line not passed is the first start that is not deep, or the
/// line of the first stop (the last start at or before it), whichever
/// comes first; the lines passed are the line ends before it.
#[inline(always)]
fn pass_with(
    bytes: &[u8],
    at: usize,
    to: usize,
    need: usize,
    block: impl Fn(&[u8; 64]) -> DeepBlock,
) -> (usize, usize) {
    // The bits of the block at `base`. From `to` on every byte is a stop
    // and none a line end: the line that reaches `to` is not passed.
    let bits_of = |base: usize| {
        let mut bits = match bytes.get(base..).unwrap_or_default().first_chunk::<64>() {
            Some(full) => with_last_byte(block(full), full, bytes.get(base + 64).copied()),
            None => deep_block_padded(bytes, base, &block),
        };
        if base + 64 > to {
            let kept = below(to.saturating_sub(base));
            bits.newline &= kept;
            bits.stop |= !kept;
        }
        bits
    };
    let (mut base, mut bits) = (at, bits_of(at));
    // The start of the line open where the block in hand begins, and
    // whether a line starts at its first byte.
    let (mut open, mut starts_here) = (at, 1u64);
    let mut passed = 0;
    loop {
        // The indentation of a line near the block's end runs into the
        // next block: its spaces are needed too.
        let after = if base + 64 < to {
            bits_of(base + 64)
        } else {
            DeepBlock {
                newline: 0,
                stop: !0,
                space: 0,
            }
        };
        let starts = (bits.newline << 1) | starts_here;
        let deep = spaces_from(u128::from(bits.space) | u128::from(after.space) << 64, need);
        let shallow = starts & !deep;
        // The first line not passed, from the block's start.
        let mut end = (shallow != 0).then(|| shallow.trailing_zeros() as usize);
        if bits.stop != 0 {
            let stop = bits.stop.trailing_zeros() as usize;
            let before = starts & below(stop + 1);
            if before == 0 {
                // The line open since an earlier block holds it.
                return (open, passed);
            }
            let line = 63 - before.leading_zeros() as usize;
            end = Some(end.map_or(line, |e| e.min(line)));
        }
        if let Some(end) = end {
            passed += (bits.newline & below(end)).count_ones() as usize;
            return (base + end, passed);
        }
        passed += bits.newline.count_ones() as usize;
        if starts != 0 {
            open = base + 63 - starts.leading_zeros() as usize;
        }
        starts_here = bits.newline >> 63;
        base += 64;
        bits = after;
    }
}

/// Bit `i` set when bits `i` to `i + n - 1` of `space` are all set (`n`
/// at most 64), for the bits of the first 64.
#[inline(always)]
fn spaces_from(space: u128, n: usize) -> u64 {
    let (mut run, mut len) = (space, 1);
    while len < n {
        let step = len.min(n - len);
        run &= run >> step;
        len += step;
    }
    run as u64
}

/// The bits of the last bytes, fewer than 64: the rest are zeros, which
/// are C0, so that every run stops at the end of the bytes.
#[cold]
fn deep_block_padded(bytes: &[u8], at: usize, block: impl Fn(&[u8; 64]) -> DeepBlock) -> DeepBlock {
    let rest = bytes.get(at..).unwrap_or_default();
    let mut padded = [0u8; 64];
    padded[..rest.len()].copy_from_slice(rest);
    block(&padded)
}

/// One block's bits by the path of `masks`: what the tests hold the paths
/// to.
#[cfg(test)]
fn full_deep_block(masks: Masks, block: &[u8; 64]) -> DeepBlock {
    match masks.path() {
        Path::Bytes => bytes_deep(block),
        Path::Swar => swar_deep(block),
        // SAFETY: SSE2 is part of x86-64 itself.
        #[cfg(target_arch = "x86_64")]
        Path::Sse2 => unsafe { sse2_deep(block) },
        // SAFETY: a `Masks` holds `Avx2` only when the processor has AVX2
        // (`Masks::fastest` and `Masks::new` ask it).
        #[cfg(target_arch = "x86_64")]
        Path::Avx2 => unsafe { avx2_deep(block) },
        #[cfg(not(target_arch = "x86_64"))]
        Path::Sse2 | Path::Avx2 => swar_deep(block),
    }
}

/// Whether byte `b` stops a run of passed lines, `next` coming after it
/// (`None` when it is not known, and then only `b` tells): C0 but `\n`
/// and the `\r` of a `\r\n`, `` ` ``, `~`, DEL, and the lead byte of a
/// C1 control.
fn stops(b: u8, next: Option<u8>) -> bool {
    match b {
        b'\n' => false,
        b'\r' => next.is_some_and(|n| n != b'\n'),
        0xc2 => next.is_some_and(|n| (0x80..=0x9f).contains(&n)),
        _ => b < 0x20 || matches!(b, b'`' | b'~' | 0x7f),
    }
}

/// The masks byte by byte: what the other paths must agree with.
fn bytes_deep(block: &[u8; 64]) -> DeepBlock {
    let mut bits = DeepBlock {
        newline: 0,
        stop: 0,
        space: 0,
    };
    for (i, &b) in block.iter().enumerate() {
        bits.newline |= u64::from(b == b'\n') << i;
        bits.stop |= u64::from(stops(b, block.get(i + 1).copied())) << i;
        bits.space |= u64::from(b == b' ') << i;
    }
    bits
}

/// The stops told by the byte after them: a `0xC2` (`lead`) before a byte
/// from `0x80` to `0x9F` (`cont`), and a `\r` not before a `\n`. The last
/// byte's follower is in the next block ([`with_last_byte`]).
#[inline]
fn pair_stops(lead: u64, cont: u64, cr: u64, newline: u64) -> u64 {
    (lead & (cont >> 1)) | (cr & !(newline >> 1) & !(1 << 63))
}

/// `bits` of `block`, with its last byte a stop when, `next` (the byte
/// after the block) coming after it, it is one.
#[inline]
fn with_last_byte(mut bits: DeepBlock, block: &[u8; 64], next: Option<u8>) -> DeepBlock {
    if stops(block[63], next) {
        bits.stop |= 1 << 63;
    }
    bits
}

/// The masks eight bytes at a time in a `u64`.
fn swar_deep(block: &[u8; 64]) -> DeepBlock {
    let mut bits = DeepBlock {
        newline: 0,
        stop: 0,
        space: 0,
    };
    let (mut lead, mut cont, mut cr) = (0, 0, 0);
    let (words, _) = block.as_chunks::<8>();
    for (k, word) in words.iter().enumerate() {
        let word = u64::from_le_bytes(*word);
        let newline = swar::equal(word, b'\n');
        let is_cr = swar::equal(word, b'\r');
        let stop = (swar::less_than(word, 0x20) & !(newline | is_cr))
            | swar::equal(word, b'`')
            | swar::equal(word, b'~')
            | swar::equal(word, 0x7f);
        let shift = 8 * k;
        bits.newline |= swar::gather(newline) << shift;
        bits.stop |= swar::gather(stop) << shift;
        bits.space |= swar::gather(swar::equal(word, b' ')) << shift;
        cr |= swar::gather(is_cr) << shift;
        lead |= swar::gather(swar::equal(word, 0xc2)) << shift;
        // 0x80 to 0x9F: 0x80 once the low five bits are cleared.
        let top = word & u64::from_ne_bytes([0xe0; 8]);
        cont |= swar::gather(swar::equal(top, 0x80)) << shift;
    }
    bits.stop |= pair_stops(lead, cont, cr, bits.newline);
    bits
}

/// The masks of one block with one instruction set, `$width` bytes per
/// vector, as [`super::ends`] makes its own.
#[cfg(target_arch = "x86_64")]
macro_rules! deep_vector_block {
    ($block:expr, $width:literal, $vector:ty, $mask:ty,
     $load:ident, $splat:ident, $eq:ident, $or:ident, $and:ident, $andnot:ident, $min:ident,
     $movemask:ident) => {{
        let mut bits = DeepBlock {
            newline: 0,
            stop: 0,
            space: 0,
        };
        let (mut lead, mut cont) = (0u64, 0u64);
        let splat = |b: u8| $splat(b as i8);
        let (newline, return_) = (splat(b'\n'), splat(b'\r'));
        let (space, below_space) = (splat(b' '), splat(0x1f));
        let (tick, tilde, del) = (splat(b'`'), splat(b'~'), splat(0x7f));
        let (c1_lead, top3, c1_cont) = (splat(0xc2), splat(0xe0), splat(0x80));
        let mask = |v: $vector| u64::from($movemask(v) as $mask);
        let (lanes, _) = $block.as_chunks::<$width>();
        // SAFETY: the pointer is to the `$width` bytes of a lane, all
        // readable, and this load needs no alignment.
        let load = |lane: &[u8; $width]| unsafe { $load(lane.as_ptr().cast::<$vector>()) };
        // Most blocks hold no stop and no `0xC2`, and a `\r` only before a
        // `\n`: told from four masks, before the bytes after a `0xC2` are
        // looked at. (The `\r` of the block's last byte is told by the
        // byte after the block: [`with_last_byte`].)
        let (mut maybe, mut cr) = (0, 0u64);
        for (k, lane) in lanes.iter().enumerate() {
            let v = load(lane);
            let (is_newline, is_cr) = ($eq(v, newline), $eq(v, return_));
            let is_c0 = $eq($min(v, below_space), v);
            let marks = $or(
                $or($eq(v, tick), $eq(v, tilde)),
                $or($eq(v, del), $eq(v, c1_lead)),
            );
            let shift = $width * k;
            bits.newline |= mask(is_newline) << shift;
            bits.space |= mask($eq(v, space)) << shift;
            cr |= mask(is_cr) << shift;
            maybe |= mask($or($andnot($or(is_newline, is_cr), is_c0), marks)) << shift;
        }
        if maybe == 0 {
            bits.stop = pair_stops(0, 0, cr, bits.newline);
            return bits;
        }
        // The stops but the `0xC2`s are known; a `0xC2` is one only before
        // a byte from `0x80` to `0x9F`.
        for (k, lane) in lanes.iter().enumerate() {
            let v = load(lane);
            let shift = $width * k;
            lead |= mask($eq(v, c1_lead)) << shift;
            cont |= mask($eq($and(v, top3), c1_cont)) << shift;
        }
        bits.stop = (maybe & !lead) | pair_stops(lead, cont, cr, bits.newline);
        bits
    }};
}

/// The masks with AVX2. Callers must know the processor has it.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline]
fn avx2_deep(block: &[u8; 64]) -> DeepBlock {
    use std::arch::x86_64::{
        __m256i, _mm256_and_si256, _mm256_andnot_si256, _mm256_cmpeq_epi8, _mm256_loadu_si256,
        _mm256_min_epu8, _mm256_movemask_epi8, _mm256_or_si256, _mm256_set1_epi8,
    };
    deep_vector_block!(
        block,
        32,
        __m256i,
        u32,
        _mm256_loadu_si256,
        _mm256_set1_epi8,
        _mm256_cmpeq_epi8,
        _mm256_or_si256,
        _mm256_and_si256,
        _mm256_andnot_si256,
        _mm256_min_epu8,
        _mm256_movemask_epi8
    )
}

/// The masks with SSE2, part of x86-64 itself.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
#[inline]
fn sse2_deep(block: &[u8; 64]) -> DeepBlock {
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_andnot_si128, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_min_epu8,
        _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    deep_vector_block!(
        block,
        16,
        __m128i,
        u16,
        _mm_loadu_si128,
        _mm_set1_epi8,
        _mm_cmpeq_epi8,
        _mm_or_si128,
        _mm_and_si128,
        _mm_andnot_si128,
        _mm_min_epu8,
        _mm_movemask_epi8
    )
}

#[cfg(test)]
mod tests;
