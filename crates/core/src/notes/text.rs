//! Plain-text helpers shared by the model's readers: lines with any line
//! end and how many, indentation width, and removing the indentation a
//! body shares.

/// How many lines end in `bytes`: each `\n`, each `\r\n` once, each lone
/// `\r`. `bytes` must not end between the two bytes of a `\r\n` (a run
/// of whole lines never does). Counted 32 bytes at a time, each beside the
/// byte after it (for `\r\n`), in byte-wide counters the compiler turns
/// into vector compares, each emptied before it could overflow: several
/// times faster than stopping at each line end, and one pass for every
/// kind (a notes file written on Windows has a `\r` on every line).
pub fn count_ends(bytes: &[u8]) -> usize {
    if bytes.len() < SHORT
        && !with_avx2(bytes)
        && let Some(n) = count_short(bytes)
    {
        return n;
    }
    tally::<false>(bytes).0
}

/// Appends `n` in decimal, without the formatting machinery: the command
/// line writes numbers by the hundred thousand (lines, topic numbers).
pub fn push_number(out: &mut String, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.push_str(std::str::from_utf8(&digits[at..]).unwrap_or_default());
}

/// Below this many bytes a run (a few lines: a found line's distance from
/// the line before it whose number is known) is counted eight bytes at a
/// time, without the vector pass's sums of its counters, unless the
/// processor has AVX2 ([`with_avx2`]).
const SHORT: usize = 512;

/// From this many bytes a run is counted with AVX2 where the processor has
/// it: faster than the words of [`count_short`] from here on, and than
/// x86-64's own SSE2 at every length. (The runs between the lines a common
/// word is found on, 186,000 of them in 100 MB: 13.3 ms counted with SSE2
/// and words, 7.7 ms with AVX2.)
const AVX2_FROM: usize = 64;

/// Whether `bytes` are counted with AVX2.
#[inline]
fn with_avx2(bytes: &[u8]) -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        bytes.len() >= AVX2_FROM && std::is_x86_feature_detected!("avx2")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        let _ = bytes;
        false
    }
}

/// The line ends of `bytes` when it holds no `\r` (`None` otherwise),
/// counted in 64-bit words: a word's bytes equal to `\n` are its zero
/// bytes once XORed with `\n` in every byte.
fn count_short(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const LOW: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    // The top bit of each byte of `x` that is zero, and no other bit.
    let zeros = |x: u64| !(((x & LOW) + LOW) | x) & !LOW;
    let (words, rest) = bytes.as_chunks::<8>();
    let (mut lf, mut cr) = (0, 0);
    for w in words {
        let x = u64::from_le_bytes(*w);
        lf += zeros(x ^ (ONES * u64::from(b'\n'))).count_ones() as usize;
        cr |= zeros(x ^ (ONES * u64::from(b'\r')));
    }
    for &b in rest {
        lf += usize::from(b == b'\n');
        cr |= u64::from(b == b'\r');
    }
    (cr == 0).then_some(lf)
}

/// [`count_ends`], and whether a byte is NUL, in the same pass: what
/// checking a notes file's bytes needs, while they are in the cache.
pub fn count_ends_and_nul(bytes: &[u8]) -> (usize, bool) {
    tally::<true>(bytes)
}

/// [`tally_with`], compiled for AVX2 where the processor has it.
#[allow(
    unsafe_code,
    reason = "calling the AVX2 build once the processor is known to have it"
)]
fn tally<const NUL: bool>(bytes: &[u8]) -> (usize, bool) {
    #[cfg(target_arch = "x86_64")]
    if with_avx2(bytes) {
        // SAFETY: the processor has AVX2 (`with_avx2` asked it).
        return unsafe { tally_avx2::<NUL>(bytes) };
    }
    tally_with::<NUL>(bytes)
}

/// [`tally_with`] with the compiler free to use AVX2: 32 counters a
/// compare, where x86-64's own SSE2 takes two. Callers must know the
/// processor has it.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn tally_avx2<const NUL: bool>(bytes: &[u8]) -> (usize, bool) {
    tally_with::<NUL>(bytes)
}

#[inline(always)]
fn tally_with<const NUL: bool>(bytes: &[u8]) -> (usize, bool) {
    let Some(last) = bytes.len().checked_sub(1) else {
        return (0, false);
    };
    // Each byte beside the one after it: a `\r` ends a line unless a `\n`
    // follows, which ends it then. The last byte is counted alone below.
    let (here, after) = (&bytes[..last], &bytes[1..]);
    let (mut lf, mut cr, mut pairs, mut nul) = (0usize, 0usize, 0usize, false);
    for (run, next) in here.chunks(255 * 32).zip(after.chunks(255 * 32)) {
        let (blocks, rest) = run.as_chunks::<32>();
        let (nexts, next_rest) = next.as_chunks::<32>();
        let (mut l, mut c, mut p, mut z) = ([0u8; 32], [0u8; 32], [0u8; 32], [0u8; 32]);
        for (block, next) in blocks.iter().zip(nexts) {
            for i in 0..32 {
                let is_cr = u8::from(block[i] == b'\r');
                l[i] += u8::from(block[i] == b'\n');
                c[i] += is_cr;
                p[i] += is_cr & u8::from(next[i] == b'\n');
                if NUL {
                    z[i] |= u8::from(block[i] == 0);
                }
            }
        }
        let sum = |counts: [u8; 32]| counts.iter().map(|&n| usize::from(n)).sum::<usize>();
        (lf, cr, pairs) = (lf + sum(l), cr + sum(c), pairs + sum(p));
        nul |= NUL && z.iter().any(|&n| n != 0);
        for (&b, &n) in rest.iter().zip(next_rest) {
            lf += usize::from(b == b'\n');
            cr += usize::from(b == b'\r');
            pairs += usize::from(b == b'\r' && n == b'\n');
            nul |= NUL && b == 0;
        }
    }
    let b = bytes[last];
    lf += usize::from(b == b'\n');
    cr += usize::from(b == b'\r');
    nul |= NUL && b == 0;
    (lf + cr - pairs, nul)
}

/// Splits text into lines without their terminators (`\n`, `\r\n` or a lone
/// `\r`). A final line without a terminator is included; an empty text has no
/// lines.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        match memchr::memchr2(b'\n', b'\r', rest.as_bytes()) {
            Some(i) => {
                let line = &rest[..i];
                let skip =
                    if rest.as_bytes()[i] == b'\r' && rest.as_bytes().get(i + 1) == Some(&b'\n') {
                        2
                    } else {
                        1
                    };
                rest = &rest[i + skip..];
                Some(line)
            }
            None => {
                let line = rest;
                rest = "";
                Some(line)
            }
        }
    })
}

/// Width in columns of a line's leading whitespace, a tab counting as
/// [`TAB_WIDTH`] columns (tab stops are not used: the notes are typed with a
/// tab meaning "one level").
pub fn indent_width(line: &str) -> usize {
    line.bytes()
        .take_while(|b| *b == b' ' || *b == b'\t')
        .map(|b| if b == b'\t' { TAB_WIDTH } else { 1 })
        .sum()
}

/// Columns one tab stands for in indentation.
pub const TAB_WIDTH: usize = 4;

/// Removes the common indentation of the non-blank lines of `text` (tabs
/// counting as [`TAB_WIDTH`] columns), keeping relative indentation as spaces.
/// Lines are joined with `\n`; whitespace-only lines become empty; trailing
/// blank lines are dropped.
pub fn dedent(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    dedent_into(text, &mut out);
    out
}

/// [`dedent`] into `out` (emptied first), for a caller that dedents many
/// texts with one buffer.
pub fn dedent_into(text: &str, out: &mut String) {
    out.clear();
    let common = lines(text)
        .filter(|l| !is_blank(l))
        .map(indent_width)
        .min()
        .unwrap_or(0);
    for line in lines(text) {
        if is_blank(line) {
            out.push('\n');
            continue;
        }
        let (pad, rest) = dedent_line(line, common);
        out.extend(std::iter::repeat_n(' ', pad));
        out.push_str(rest);
        out.push('\n');
    }
    let trimmed = out.trim_end_matches('\n').len();
    out.truncate(trimmed);
}

/// A line of text with `common` columns of indentation taken off: the
/// spaces left before it (tabs counted to their stop) and the text after
/// its indentation, trailing spaces and tabs cut.
pub fn dedent_line(line: &str, common: usize) -> (usize, &str) {
    let (width, ws_len) = indentation(line);
    // Spaces and tabs are ASCII: trimmed byte by byte.
    let rest = &line.as_bytes()[ws_len..];
    let keep = rest
        .iter()
        .rposition(|&b| b != b' ' && b != b'\t')
        .map_or(0, |i| i + 1);
    (width.saturating_sub(common), &line[ws_len..ws_len + keep])
}

/// True when `line` is only white space (as `str::trim` sees it): decided
/// on the first byte after spaces and tabs when it is ASCII.
pub fn is_blank(line: &str) -> bool {
    match line.bytes().find(|&b| b != b' ' && b != b'\t') {
        None => true,
        Some(b) if b.is_ascii() && !matches!(b, b'\n' | 0x0B | 0x0C | b'\r') => false,
        Some(_) => line.trim().is_empty(),
    }
}

/// The width in columns of a line's leading spaces and tabs, and their
/// length in bytes.
pub fn indentation(line: &str) -> (usize, usize) {
    let mut width = 0;
    let mut len = 0;
    for &b in line.as_bytes() {
        match b {
            b' ' => width += 1,
            b'\t' => width += TAB_WIDTH,
            _ => break,
        }
        len += 1;
    }
    (width, len)
}

/// A text that starts with YAML front matter (`---` … `---`, as daily notes
/// write their properties) with its two markers turned into a ```` ```yaml ````
/// fence, so that it shows as the block of data it is rather than as two
/// rules around lines of text. Line for line the same; other texts as they
/// are.
pub fn front_matter_as_fence(text: &str) -> std::borrow::Cow<'_, str> {
    let mut rows = text.split_inclusive('\n');
    if rows.next().map(str::trim_end) != Some("---") {
        return text.into();
    }
    let mut at = text.find('\n').map_or(text.len(), |i| i + 1);
    for row in rows {
        if matches!(row.trim_end(), "---" | "...") {
            let close = &text[at..at + row.len()];
            let ending = &close[close.trim_end().len()..];
            return format!(
                "```yaml\n{}```{ending}{}",
                &text[4..at],
                &text[at + row.len()..]
            )
            .into();
        }
        at += row.len();
    }
    text.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends_are_counted_as_a_byte_loop_counts_them() {
        // Line ends of every kind at every place of the 32-byte blocks,
        // across the 255-block runs too, a `\r\n` split between two
        // blocks among them, and in texts shorter than one block.
        let reference = |b: &[u8]| {
            (0..b.len())
                .filter(|&i| b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n')))
                .count()
        };
        let mut seed = 11u64;
        for len in [
            0, 1, 2, 7, 8, 9, 31, 32, 33, 63, 64, 65, 100, 511, 512, 4095, 4096, 8160, 8161, 9000,
            20_000,
        ] {
            for round in 0..40 {
                let bytes: Vec<u8> = (0..len)
                    .map(|_| {
                        seed ^= seed << 13;
                        seed ^= seed >> 7;
                        seed ^= seed << 17;
                        match seed % 16 {
                            // Half the texts without a `\r`, counted
                            // eight bytes at a time when short.
                            0 if round % 2 == 0 => b'\r',
                            0 => 0x8A,
                            1 => b'\n',
                            2 => 0,
                            _ => b'a',
                        }
                    })
                    .collect();
                let want = reference(&bytes);
                assert_eq!(count_ends(&bytes), want, "{len}");
                assert_eq!(
                    count_ends_and_nul(&bytes),
                    (want, bytes.contains(&0)),
                    "{len}"
                );
                // The build for any x86-64 too, where the processor has
                // AVX2 and the runs above were counted with it.
                assert_eq!(tally_with::<true>(&bytes), (want, bytes.contains(&0)));
            }
        }
    }

    #[test]
    fn lines_splits_on_every_terminator() {
        let got: Vec<_> = lines("a\nb\r\nc\rd").collect();
        assert_eq!(got, ["a", "b", "c", "d"]);
        assert_eq!(lines("a\n").count(), 1);
        assert_eq!(lines("").count(), 0);
        assert_eq!(lines("\n\n").collect::<Vec<_>>(), ["", ""]);
    }

    #[test]
    fn front_matter_becomes_a_yaml_fence() {
        assert_eq!(
            front_matter_as_fence("---\ntitle: x\n---\n# T"),
            "```yaml\ntitle: x\n```\n# T"
        );
        assert_eq!(front_matter_as_fence("---\nno end"), "---\nno end");
        assert_eq!(front_matter_as_fence("text\n---\n"), "text\n---\n");
    }

    #[test]
    fn blank_lines_are_what_trim_empties() {
        for line in [
            "",
            "  ",
            "\t \t",
            "\u{3000}",
            "  \u{3000}x",
            " x ",
            "\x0b",
            "  \r",
            "a",
        ] {
            assert_eq!(is_blank(line), line.trim().is_empty(), "{line:?}");
        }
    }

    #[test]
    fn dedent_keeps_relative_indentation() {
        let body = "        a\n            b\n  \n\tc\n\n";
        // common indent is 4 (the tab); a and b keep their extra columns
        assert_eq!(dedent(body), "    a\n        b\n\nc");
    }
}
