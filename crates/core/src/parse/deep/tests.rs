//! The passing over deep lines held to a line-by-line reading, on every
//! path this processor runs.

use super::*;

fn every_path() -> Vec<Masks> {
    Path::ALL.into_iter().filter_map(Masks::new).collect()
}

/// The same passing, line by line: what the blocks must agree with.
fn by_lines(bytes: &[u8], mut at: usize, to: usize, depth: usize) -> (usize, usize) {
    let to = to.min(bytes.len());
    let mut passed = 0;
    while let Some(rest) = bytes.get(at..to) {
        let Some(end) = rest.iter().position(|&b| b == b'\n') else {
            break;
        };
        let line = &rest[..end];
        let deep = line.len() > depth && line[..=depth].iter().all(|&b| b == b' ');
        let stop = (0..line.len()).any(|i| stops(line[i], bytes.get(at + i + 1).copied()));
        if !deep || stop {
            break;
        }
        at += end + 1;
        passed += 1;
    }
    (at, passed)
}

fn pass(text: &str, depth: usize) -> Vec<(usize, usize)> {
    every_path()
        .into_iter()
        .map(|m| pass_deep(m, text.as_bytes(), 0, text.len(), depth))
        .collect()
}

#[test]
fn deep_lines_are_passed_and_counted() {
    let text = "        - 客户端发送SYN\n        second line here, long enough\n    2.next\n";
    let next = text.find("    2.").unwrap();
    assert!(pass(text, 4).iter().all(|&p| p == (next, 2)));
    // Not deeper than 8: nothing is passed.
    assert!(pass(text, 8).iter().all(|&p| p == (0, 0)));
}

#[test]
fn a_line_with_anything_that_matters_stops_the_run() {
    for stop in [
        "```yaml",
        "~~~",
        "a\tb",
        "a\rb",
        "a\u{1b}[31m",
        "a\u{85}b",
        "x~y",
        "x`y",
    ] {
        let text = format!("        plain\n        {stop}\n        after\n");
        let second = text.find(stop).unwrap() - 8;
        assert!(pass(&text, 4).iter().all(|&p| p == (second, 1)), "{stop:?}");
    }
}

#[test]
fn lines_ending_in_crlf_are_passed_and_a_lone_cr_stops() {
    // Each `\r\n` at every place, across the end of a block too.
    for pad in 0..70 {
        let a = "a".repeat(pad);
        let text = format!("     {a}\r\n     b\r\n  c\r\n");
        let want = (text.find("  c").unwrap(), 2);
        assert!(pass(&text, 4).iter().all(|&p| p == want), "after {pad}");
        let text = format!("     {a}\rx\n     b\n");
        assert!(
            pass(&text, 4).iter().all(|&p| p == (0, 0)),
            "lone after {pad}"
        );
    }
}

#[test]
fn a_line_must_end_before_the_limit() {
    let text = "        one\n        two";
    assert!(pass(text, 4).iter().all(|&p| p == (12, 1)), "no line end");
    let text = "        one\n        two\n";
    for m in every_path() {
        assert_eq!(
            pass_deep(m, text.as_bytes(), 0, 12, 4),
            (12, 1),
            "up to `to`"
        );
    }
    // A blank line of spaces is deep too; a shorter one is not.
    assert!(pass("          \n  \n", 4).iter().all(|&p| p == (11, 1)));
}

#[test]
fn with_sections_a_deep_line_that_may_head_one_is_read() {
    for (line, passes) in [
        ("        - 客户端发送SYN", true),
        ("          deeper still", true),
        ("        - item: with a colon inside", true),
        ("        冒号：在中间", true),
        ("        a `code` word", true),
        ("        **第一次握手**：", false),
        ("        __under__", false),
        ("        # hash heading", false),
        ("        * star item", false),
        ("        colon line:", false),
        ("        冒号行：", false),
        ("        colon then spaces:   ", false),
        ("        ```yaml", false),
        ("        ~~~", false),
        ("        - ```", false),
        ("        bell \u{7}", false),
        ("        next \u{85} control", false),
        ("     \t mixed", false),
        ("        ", false),
        ("    2.topic", false),
    ] {
        for end in ["\n", "\r\n", ""] {
            let text = format!("{line}{end}");
            let raw = super::super::lines::raw_lines(&text).next().unwrap();
            assert_eq!(passes_line(&text, &raw, 4), passes, "{line:?} {end:?}");
        }
    }
}

#[test]
fn every_path_agrees_with_bytes() {
    // Every byte value at places of a block that start and end its
    // words and vectors, alone and after a `0xC2`.
    for m in every_path() {
        for b in 0..=255u8 {
            for i in [0, 1, 7, 8, 15, 16, 31, 32, 63] {
                for before in [b'a', 0xc2, b'\r'] {
                    let mut block = [b'a'; 64];
                    block[i] = b;
                    if i > 0 {
                        block[i - 1] = before;
                    }
                    assert_eq!(
                        full_deep_block(m, &block),
                        bytes_deep(&block),
                        "{:?} byte {b:#x} at {i} after {before:#x}",
                        m.path()
                    );
                }
            }
        }
    }
}

#[test]
fn a_c1_control_stops_a_run_and_other_latin_does_not() {
    // U+0085 (NEL) is a control; U+00B7 and U+00A0 are not.
    for (c, stopped) in [
        ('\u{85}', true),
        ('\u{9f}', true),
        ('·', false),
        ('\u{a0}', false),
    ] {
        // At every place, across the end of the first block too.
        for pad in 0..70 {
            let text = format!("     {}{c}x\n     next\n", "a".repeat(pad));
            let want = if stopped { (0, 0) } else { (text.len(), 2) };
            assert!(
                pass(&text, 4).iter().all(|&p| p == want),
                "{c:?} after {pad}"
            );
        }
    }
}

#[test]
fn lines_of_every_length_across_blocks_agree_with_a_line_reading() {
    // Runs of deep lines of lengths that put their ends and their
    // stops at every place of a block and across blocks, at depths
    // that leave the indentation in one block or across two.
    let mut seed = 7u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for round in 0..400 {
        let depth = [0, 3, 4, 8, 15, 31, 40][round % 7];
        let mut text = Vec::new();
        for _ in 0..(next() % 12) {
            let indent = depth + 1 + (next() % 3) as usize - usize::from(next() % 9 == 0);
            text.extend(std::iter::repeat_n(b' ', indent));
            for _ in 0..(next() % 150) {
                let byte = match next() % 40 {
                    0 => b'`',
                    1 => b'\t',
                    // U+0085, a control, or U+00B7; or their bytes alone.
                    2 => {
                        text.push(0xc2);
                        if next() % 2 == 0 { 0x85 } else { 0xb7 }
                    }
                    36 => 0xc2,
                    37 => 0x85,
                    38 => b'\r',
                    3..=20 => "网络".as_bytes()[(next() % 6) as usize],
                    _ => b'a',
                };
                text.push(byte);
            }
            match next() % 20 {
                0 => {}
                1..=4 => text.extend_from_slice(b"\r\n"),
                _ => text.push(b'\n'),
            }
        }
        let to = if next() % 3 == 0 {
            text.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1)
        } else {
            text.len()
        };
        let want = by_lines(&text, 0, to, depth);
        for m in every_path() {
            assert_eq!(
                pass_deep(m, &text, 0, to, depth),
                if depth + 1 > MAX_DEPTH { (0, 0) } else { want },
                "round {round} {:?}",
                m.path()
            );
        }
    }
}
