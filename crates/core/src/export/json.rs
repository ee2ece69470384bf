//! The export as JSON, written by hand: byte for byte what serde_json's
//! pretty printer makes of [`Export`](super::Export) (two spaces a level,
//! `"key": value`, `[]` for an empty list, the same escapes), several times
//! faster, a block of days at a time on every thread
//! ([`crate::blocks`]). A test holds the two to the same bytes.
//!
//! Escapes are serde_json's: `\"`, `\\`, `\b \f \n \r \t`, other controls
//! as `\u00XX` (lowercase hex); everything else as it is.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{common_source, outside, source_of, warning};
use crate::notes::{self, Day, Notebook, Topic};

/// Days made into text at a time by one thread.
const BLOCK: usize = 256;

/// Writes the export of `nb` as pretty JSON, with a line end after it.
pub fn write(nb: &Notebook, w: &mut dyn Write) -> io::Result<()> {
    let mut head = String::from("{\n  \"source\": ");
    string(&mut head, &common_source(nb));
    head.push_str(",\n  \"days\": [");
    w.write_all(head.as_bytes())?;
    let blocks = nb.days.len().div_ceil(BLOCK);
    crate::blocks::write_in_order(
        blocks,
        |b, buf| {
            let from = b * BLOCK;
            let mut lines = Vec::new();
            for (i, d) in nb.days[from..nb.days.len().min(from + BLOCK)]
                .iter()
                .enumerate()
            {
                buf.push_str(if from + i == 0 { "\n" } else { ",\n" });
                day(buf, nb, d, &mut lines);
            }
        },
        w,
    )?;
    let mut tail = String::new();
    tail.push_str(if nb.days.is_empty() { "]" } else { "\n  ]" });
    let outside = outside(nb);
    if !outside.is_empty() {
        tail.push_str(",\n  \"outside\": [");
        for (i, o) in outside.iter().enumerate() {
            tail.push_str(if i == 0 { "\n" } else { ",\n" });
            tail.push_str("    {\n");
            if let Some(source) = &o.source {
                key(&mut tail, 6, "source");
                string(&mut tail, source);
                tail.push_str(",\n");
            }
            key(&mut tail, 6, "line");
            let _ = writeln!(tail, "{},", o.line);
            key(&mut tail, 6, "text");
            string(&mut tail, &o.text);
            tail.push_str("\n    }");
        }
        tail.push_str("\n  ]");
    }
    tail.push_str(",\n  \"warnings\": [");
    for (i, wn) in nb.warnings.iter().enumerate() {
        let wn = warning(nb, wn);
        tail.push_str(if i == 0 { "\n" } else { ",\n" });
        tail.push_str("    {\n");
        if let Some(source) = &wn.source {
            key(&mut tail, 6, "source");
            string(&mut tail, source);
            tail.push_str(",\n");
        }
        key(&mut tail, 6, "line");
        let _ = writeln!(tail, "{},", wn.line);
        key(&mut tail, 6, "message");
        string(&mut tail, &wn.message);
        tail.push_str("\n    }");
        if tail.len() >= 1 << 16 {
            w.write_all(tail.as_bytes())?;
            tail.clear();
        }
    }
    tail.push_str(if nb.warnings.is_empty() { "]" } else { "\n  ]" });
    tail.push_str("\n}\n");
    w.write_all(tail.as_bytes())
}

/// One day, at the indentation of an item of `days`; `lines` is room for
/// [`dedented`].
fn day(out: &mut String, nb: &Notebook, d: &Day, lines: &mut Vec<(usize, usize)>) {
    out.push_str("    {\n");
    if let Some(source) = source_of(nb, d.source) {
        key(out, 6, "source");
        string(out, &source);
        out.push_str(",\n");
    }
    key(out, 6, "year");
    match d.date.year {
        Some(y) => {
            let _ = write!(out, "{y}");
        }
        None => out.push_str("null"),
    }
    out.push_str(",\n");
    key(out, 6, "month");
    let _ = writeln!(out, "{},", d.date.month);
    key(out, 6, "day");
    let _ = writeln!(out, "{},", d.date.day);
    key(out, 6, "line");
    let _ = writeln!(out, "{},", d.line());
    key(out, 6, "title");
    match &d.title {
        Some(t) => string(out, t),
        None => out.push_str("null"),
    }
    out.push_str(",\n");
    key(out, 6, "preamble");
    dedented(out, nb.text(d.source, d.preamble), lines);
    out.push_str(",\n");
    key(out, 6, "topics");
    if d.topics.is_empty() {
        out.push_str("[]");
    } else {
        out.push('[');
        for (i, t) in d.topics.iter().enumerate() {
            out.push_str(if i == 0 { "\n" } else { ",\n" });
            topic(out, nb, d.source, t, lines);
        }
        out.push_str("\n      ]");
    }
    out.push_str("\n    }");
}

/// One topic, at the indentation of an item of `topics`.
fn topic(
    out: &mut String,
    nb: &Notebook,
    source: usize,
    t: &Topic,
    lines: &mut Vec<(usize, usize)>,
) {
    out.push_str("        {\n");
    key(out, 10, "number");
    match t.number {
        Some(n) => {
            let _ = write!(out, "{n}");
        }
        None => out.push_str("null"),
    }
    out.push_str(",\n");
    key(out, 10, "title");
    string(out, t.title());
    out.push_str(",\n");
    key(out, 10, "line");
    let _ = writeln!(out, "{},", t.line());
    key(out, 10, "body");
    dedented(out, nb.text(source, t.body()), lines);
    out.push_str(",\n");
    key(out, 10, "sections");
    sections(out, t, None, 10);
    if t.starred {
        out.push_str(",\n");
        key(out, 10, "starred");
        out.push_str("true");
    }
    out.push('\n');
    indent(out, 8);
    out.push('}');
}

/// The sections of `t` directly under `parent` (the topic itself when
/// `None`), each with those under it, as a list whose key stands at `at`
/// spaces.
fn sections(out: &mut String, t: &Topic, parent: Option<usize>, at: usize) {
    let mut any = false;
    for (k, s) in t.children(parent) {
        out.push_str(if any { ",\n" } else { "[\n" });
        any = true;
        indent(out, at + 2);
        out.push_str("{\n");
        key(out, at + 4, "title");
        string(out, t.section_title(s));
        out.push_str(",\n");
        key(out, at + 4, "line");
        let _ = writeln!(out, "{},", s.line());
        key(out, at + 4, "sections");
        sections(out, t, Some(k), at + 4);
        out.push('\n');
        indent(out, at + 2);
        out.push('}');
    }
    if any {
        out.push('\n');
        indent(out, at);
        out.push(']');
    } else {
        out.push_str("[]");
    }
}

/// `n` spaces.
pub(super) fn indent(out: &mut String, n: usize) {
    const SPACES: &str = "                                                                ";
    let mut left = n;
    while left > 0 {
        let k = left.min(SPACES.len());
        out.push_str(&SPACES[..k]);
        left -= k;
    }
}

/// `"name": ` at `at` spaces.
fn key(out: &mut String, at: usize, name: &str) {
    indent(out, at);
    out.push('"');
    out.push_str(name);
    out.push_str("\": ");
}

/// What a byte becomes in a JSON string: 0 as it is, else its escape
/// letter (`u` for `\u00XX`).
const ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b'u';
        b += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0A] = b'n';
    t[0x0C] = b'f';
    t[0x0D] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

/// True when one of the eight bytes of `word` is escaped: below 0x20, `"`
/// or `\`. (The borrow of the subtraction can only mark bytes after one
/// that is below, so the answer, whether any is, is exact.)
fn any_escaped(word: u64) -> bool {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    let below = |w: u64, n: u8| w.wrapping_sub(ONES * u64::from(n)) & !w & HIGH;
    (below(word, 0x20)
        | below(word ^ (ONES * u64::from(b'"')), 1)
        | below(word ^ (ONES * u64::from(b'\\')), 1))
        != 0
}

/// `s` as a JSON string, quoted and escaped.
pub fn string(out: &mut String, s: &str) {
    out.push('"');
    escape(out, s);
    out.push('"');
}

/// The body `text` dedented ([`notes::dedent`]) as a JSON string, each
/// line escaped as it is dedented, without the dedented copy; `lines`
/// holds the lines found on the first look, for the second.
fn dedented(out: &mut String, text: &str, lines: &mut Vec<(usize, usize)>) {
    lines.clear();
    let mut common = usize::MAX;
    let base = text.as_ptr() as usize;
    for line in notes::lines(text) {
        let start = line.as_ptr() as usize - base;
        if notes::is_blank(line) {
            lines.push((start, usize::MAX));
        } else {
            common = common.min(notes::indent_width(line));
            lines.push((start, start + line.len()));
        }
    }
    out.push('"');
    // Line ends owed before the next line with text: trailing blank lines
    // are dropped, as `dedent` drops them.
    let mut owed = 0;
    for &(start, end) in lines.iter() {
        if end == usize::MAX {
            owed += 1;
            continue;
        }
        let line = &text[start..end];
        for _ in 0..owed {
            out.push_str("\\n");
        }
        owed = 1;
        let (pad, rest) = notes::dedent_line(line, common);
        out.extend(std::iter::repeat_n(' ', pad));
        escape(out, rest);
    }
    out.push('"');
}

/// `s` escaped for the inside of a JSON string.
fn escape(out: &mut String, s: &str) {
    let bytes = s.as_bytes();
    let mut from = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Eight bytes at a time while none is escaped.
        if let Some(word) = bytes.get(i..i + 8)
            && !any_escaped(u64::from_le_bytes(word.try_into().unwrap_or_default()))
        {
            i += 8;
            continue;
        }
        let b = bytes[i];
        i += 1;
        let e = ESCAPE[usize::from(b)];
        if e == 0 {
            continue;
        }
        let i = i - 1;
        // Every byte escaped is ASCII, so `i` is a character boundary.
        out.push_str(&s[from..i]);
        out.push('\\');
        if e == b'u' {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("u00");
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xF)]));
        } else {
            out.push(char::from(e));
        }
        from = i + 1;
    }
    out.push_str(&s[from..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_are_dedented_and_escaped_as_dedent_then_escape() {
        for text in [
            "",
            "\n\n",
            "    a\n        b\n  \n\tc\n\n",
            "  x\r\n\r\n  \"y\"\t \n\u{3000}\n  z\x01\n\n  \n",
            "only\n",
        ] {
            let mut out = String::new();
            dedented(&mut out, text, &mut Vec::new());
            let mut expected = String::new();
            string(&mut expected, &notes::dedent(text));
            assert_eq!(out, expected, "{text:?}");
        }
    }

    #[test]
    fn strings_escape_as_serde_json_does() {
        let all: String = (0u8..0x80)
            .map(char::from)
            .chain("握手é\u{2028}".chars())
            .collect();
        for s in ["", "plain", "a\"b\\c", "tab\there\nnew\r\x0c\x08", &all] {
            let mut out = String::new();
            string(&mut out, s);
            assert_eq!(out, serde_json::to_string(s).unwrap(), "{s:?}");
        }
        // Each escaped byte at each place in a word, among Chinese text.
        for c in ['"', '\\', '\n', '\x1f', '\0'] {
            for at in 0..17 {
                let s = format!("{}{c}握手{}", "x".repeat(at), "y".repeat(at));
                let mut out = String::new();
                string(&mut out, &s);
                assert_eq!(out, serde_json::to_string(&s).unwrap(), "{s:?}");
            }
        }
    }
}
