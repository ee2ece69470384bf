//! The export as YAML, written by hand: byte for byte what serde_yaml
//! (libyaml's emitter, unlimited width, Unicode kept) makes of
//! [`Export`](super::Export), several times faster, a block of days at a
//! time on every thread ([`crate::blocks`]). A test holds the two to the
//! same bytes, on every fixture and on strings made to find the edges.
//!
//! ```yaml
//! source: notes.txt
//! days:
//! - year: null
//!   month: 8
//!   topics:
//!   - number: 1
//!     title: tcp握手
//!     body: |-
//!       TCP三次握手是建立可靠连接的机制：
//!     sections: []
//! warnings: []
//! ```
//!
//! How a string is written ([`scalar`]) is decided as serde_yaml decides
//! it: one that holds a line end is asked for as a literal block (`|-`);
//! one that would read back as something else (`null`, `true`, `12`,
//! `0.5`, `007`, the empty string) as single-quoted; any other as plain.
//! Then libyaml's look at the characters ([`Look`]) may refuse the style
//! asked for: plain falls back to single quotes, single quotes and blocks
//! to double quotes with escapes.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::json::indent;
use super::{common_source, outside, source_of, warning};
use crate::notes::{self, Day, Notebook, Topic};

/// Days made into text at a time by one thread.
const BLOCK: usize = 256;

/// Writes the export of `nb` as YAML.
pub fn write(nb: &Notebook, w: &mut dyn Write) -> io::Result<()> {
    let mut head = String::from("source: ");
    scalar_line(&mut head, &common_source(nb), 2);
    head.push_str(if nb.days.is_empty() {
        "days: []\n"
    } else {
        "days:\n"
    });
    w.write_all(head.as_bytes())?;
    let blocks = nb.days.len().div_ceil(BLOCK);
    crate::blocks::write_in_order(
        blocks,
        |b, buf| {
            let from = b * BLOCK;
            let mut text = String::new();
            for d in &nb.days[from..nb.days.len().min(from + BLOCK)] {
                day(buf, nb, d, &mut text);
            }
        },
        w,
    )?;
    let mut tail = String::new();
    let outside = outside(nb);
    if !outside.is_empty() {
        tail.push_str("outside:\n");
        for o in &outside {
            let mut first = true;
            if let Some(source) = &o.source {
                item_key(&mut tail, 0, &mut first, "source");
                scalar_line(&mut tail, source, 4);
            }
            item_key(&mut tail, 0, &mut first, "line");
            let _ = writeln!(tail, "{}", o.line);
            item_key(&mut tail, 0, &mut first, "text");
            scalar_line(&mut tail, &o.text, 4);
        }
    }
    if nb.warnings.is_empty() {
        tail.push_str("warnings: []\n");
    } else {
        tail.push_str("warnings:\n");
    }
    for wn in &nb.warnings {
        let wn = warning(nb, wn);
        let mut first = true;
        if let Some(source) = &wn.source {
            item_key(&mut tail, 0, &mut first, "source");
            scalar_line(&mut tail, source, 4);
        }
        item_key(&mut tail, 0, &mut first, "line");
        let _ = writeln!(tail, "{}", wn.line);
        item_key(&mut tail, 0, &mut first, "message");
        scalar_line(&mut tail, &wn.message, 4);
        if tail.len() >= 1 << 16 {
            w.write_all(tail.as_bytes())?;
            tail.clear();
        }
    }
    w.write_all(tail.as_bytes())
}

/// `key: ` of a mapping that is an item of a sequence whose `-` stands at
/// `at` spaces: the first key after `- `, the others under it.
fn item_key(out: &mut String, at: usize, first: &mut bool, name: &str) {
    indent(out, at);
    out.push_str(if *first { "- " } else { "  " });
    *first = false;
    out.push_str(name);
    out.push_str(": ");
}

/// One day, an item of `days`; `text` is room for a dedented body.
fn day(out: &mut String, nb: &Notebook, d: &Day, text: &mut String) {
    let mut first = true;
    if let Some(source) = source_of(nb, d.source) {
        item_key(out, 0, &mut first, "source");
        scalar_line(out, &source, 4);
    }
    item_key(out, 0, &mut first, "year");
    match d.date.year {
        Some(y) => {
            let _ = writeln!(out, "{y}");
        }
        None => out.push_str("null\n"),
    }
    item_key(out, 0, &mut first, "month");
    let _ = writeln!(out, "{}", d.date.month);
    item_key(out, 0, &mut first, "day");
    let _ = writeln!(out, "{}", d.date.day);
    item_key(out, 0, &mut first, "line");
    let _ = writeln!(out, "{}", d.line());
    item_key(out, 0, &mut first, "title");
    match &d.title {
        Some(t) => scalar_line(out, t, 4),
        None => out.push_str("null\n"),
    }
    item_key(out, 0, &mut first, "preamble");
    notes::dedent_into(nb.text(d.source, d.preamble), text);
    scalar_line(out, text, 4);
    item_key(out, 0, &mut first, "topics");
    if d.topics.is_empty() {
        out.push_str("[]\n");
    } else {
        // `topics:` with its items on the lines below.
        out.pop();
        out.push('\n');
        for t in &d.topics {
            topic(out, nb, d.source, t, text);
        }
    }
}

/// One topic, an item of a day's `topics`.
fn topic(out: &mut String, nb: &Notebook, source: usize, t: &Topic, text: &mut String) {
    let mut first = true;
    item_key(out, 2, &mut first, "number");
    match t.number {
        Some(n) => {
            let _ = writeln!(out, "{n}");
        }
        None => out.push_str("null\n"),
    }
    item_key(out, 2, &mut first, "title");
    scalar_line(out, t.title(), 6);
    item_key(out, 2, &mut first, "line");
    let _ = writeln!(out, "{}", t.line());
    item_key(out, 2, &mut first, "body");
    notes::dedent_into(nb.text(source, t.body()), text);
    scalar_line(out, text, 6);
    item_key(out, 2, &mut first, "sections");
    sections(out, t, None, 4);
    if t.starred {
        item_key(out, 2, &mut first, "starred");
        out.push_str("true\n");
    }
}

/// The sections of `t` directly under `parent` (the topic itself when
/// `None`), each with those under it, as the value of a key at `at`
/// spaces.
fn sections(out: &mut String, t: &Topic, parent: Option<usize>, at: usize) {
    let mut any = false;
    for (k, s) in t.children(parent) {
        if !any {
            // `sections:` with its items on the lines below.
            out.pop();
            out.push('\n');
            any = true;
        }
        let mut first = true;
        item_key(out, at, &mut first, "title");
        scalar_line(out, t.section_title(s), at + 4);
        item_key(out, at, &mut first, "line");
        let _ = writeln!(out, "{}", s.line());
        item_key(out, at, &mut first, "sections");
        sections(out, t, Some(k), at + 2);
    }
    if !any {
        out.push_str("[]\n");
    }
}

/// How a string is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Plain,
    Single,
    Double,
    Literal,
    /// A literal block of lines ended by line feeds alone, none blank at
    /// either end: `|-` and the lines.
    Lines,
}

/// What libyaml's emitter finds in a string, which decides the styles it
/// may be written in.
#[derive(Debug, Default)]
struct Look {
    plain: bool,
    single: bool,
    block: bool,
}

/// True for what libyaml writes as it is: a line feed, printable ASCII,
/// and Unicode but the C1 controls, the byte order mark and U+FFFE/FFFF.
fn printable(c: char) -> bool {
    matches!(c, '\n' | ' '..='~' | '\u{A0}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
        && c != '\u{FEFF}'
}

/// A line end as YAML counts them.
fn is_break(c: char) -> bool {
    matches!(c, '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// A blank, a line end, or the end (`None`, or a NUL, which is where
/// libyaml's strings end).
fn blankz(c: Option<char>) -> bool {
    c.is_none_or(|c| matches!(c, ' ' | '\t' | '\0') || is_break(c))
}

impl Look {
    /// libyaml's `yaml_emitter_analyze_scalar`, for a value in a block
    /// mapping.
    fn of(s: &str) -> Look {
        if s.is_empty() {
            return Look {
                plain: true,
                single: true,
                block: false,
            };
        }
        let mut block_indicators = s.starts_with("---") || s.starts_with("...");
        let (mut special, mut line_breaks) = (false, false);
        let (mut leading, mut trailing) = (false, false);
        let (mut break_space, mut space_break) = (false, false);
        let (mut previous_space, mut previous_break) = (false, false);
        let mut trailing_space = false;
        let mut preceded_by_whitespace = true;
        let mut chars = s.chars().peekable();
        let mut first = true;
        while let Some(c) = chars.next() {
            let next = chars.peek().copied();
            let followed_by_whitespace = blankz(next);
            let last = next.is_none();
            if first {
                if "#,[]{}&*!|>'\"%@`".contains(c) {
                    block_indicators = true;
                }
                if (c == '?' || c == ':' || c == '-') && followed_by_whitespace {
                    block_indicators = true;
                }
            } else if c == ':' && followed_by_whitespace || c == '#' && preceded_by_whitespace {
                block_indicators = true;
            }
            if !printable(c) {
                special = true;
            }
            if is_break(c) {
                line_breaks = true;
            }
            if c == ' ' {
                leading |= first;
                trailing |= last;
                trailing_space |= last;
                break_space |= previous_break;
                previous_space = true;
                previous_break = false;
            } else if is_break(c) {
                leading |= first;
                trailing |= last;
                space_break |= previous_space;
                previous_space = false;
                previous_break = true;
            } else {
                previous_space = false;
                previous_break = false;
            }
            preceded_by_whitespace = blankz(Some(c));
            first = false;
        }
        let mut look = Look {
            plain: true,
            single: true,
            block: true,
        };
        if leading || trailing || line_breaks || block_indicators {
            look.plain = false;
        }
        if trailing_space {
            look.block = false;
        }
        if break_space {
            look.plain = false;
            look.single = false;
        }
        if space_break || special {
            look.plain = false;
            look.single = false;
            look.block = false;
        }
        look
    }
}

/// True for a string serde_yaml would not write plain, as it would read
/// back as something else: nothing, `~` or `null`, a boolean, an integer
/// (decimal, `0x`, `0o`, `0b`), a finite float, `.inf`, `.nan`, or digits
/// with a leading zero.
fn ambiguous(s: &str) -> bool {
    if s.is_empty() || matches!(s, "~" | "null" | "Null" | "NULL") {
        return true;
    }
    if matches!(s, "true" | "True" | "TRUE" | "false" | "False" | "FALSE") {
        return true;
    }
    // Nothing else can start otherwise.
    if !s.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '+' | '-' | '.'))
        && !s.eq_ignore_ascii_case("inf")
        && !s.eq_ignore_ascii_case("infinity")
        && !s.eq_ignore_ascii_case("nan")
    {
        return false;
    }
    integer(s) || leading_zero(s) || float(s)
}

/// Digits after a leading zero (`007`, `-01`): a string to YAML 1.2, which
/// serde_yaml quotes all the same.
fn leading_zero(s: &str) -> bool {
    let s = s.strip_prefix(['-', '+']).unwrap_or(s);
    s.len() > 1 && s.starts_with('0') && s[1..].bytes().all(|b| b.is_ascii_digit())
}

/// An integer as serde_yaml reads one.
fn integer(s: &str) -> bool {
    let radix =
        |rest: &str, r: u32| !rest.starts_with(['+', '-']) && u128::from_str_radix(rest, r).is_ok();
    let unpositive = s.strip_prefix('+').unwrap_or(s);
    for (prefix, r) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(rest) = unpositive.strip_prefix(prefix)
            && radix(rest, r)
        {
            return true;
        }
    }
    if !unpositive.starts_with(['+', '-']) && !leading_zero(s) && unpositive.parse::<u128>().is_ok()
    {
        return true;
    }
    for (prefix, r) in [("-0x", 16), ("-0o", 8), ("-0b", 2)] {
        if let Some(rest) = s.strip_prefix(prefix)
            && i128::from_str_radix(&format!("-{rest}"), r).is_ok()
        {
            return true;
        }
    }
    !leading_zero(s) && s.parse::<i128>().is_ok()
}

/// A float as serde_yaml reads one (finite, or `.inf`, `.nan`).
fn float(s: &str) -> bool {
    let unpositive = match s.strip_prefix('+') {
        Some(u) if u.starts_with(['+', '-']) => return false,
        Some(u) => u,
        None => s,
    };
    if matches!(unpositive, ".inf" | ".Inf" | ".INF")
        || matches!(s, "-.inf" | "-.Inf" | "-.INF" | ".nan" | ".NaN" | ".NAN")
    {
        return true;
    }
    !leading_zero(s) && unpositive.parse::<f64>().is_ok_and(f64::is_finite)
}

/// The style of most strings, told from their bytes in one pass: `None`
/// when a byte calls for libyaml's whole look ([`Look`]). A string with a
/// line end needs only that nothing bars a block (a control, a space
/// before a line end, a space at the end); one without, that nothing bars
/// plain writing (an indicator, a blank at either end).
fn quick_style(s: &str) -> Option<Style> {
    let b = s.as_bytes();
    let (&first, &last) = (b.first()?, b.last()?);
    if last == b' ' || first == b' ' {
        return None;
    }
    let lines = memchr::memchr(b'\n', b).is_some();
    if lines {
        // Bodies: most of the bytes exported. A string of lines is a block
        // when nothing bars one; blank lines at either end (a markdown
        // body's, around its headings) only change how the block is
        // written.
        if may_bar_a_block(b) {
            return None;
        }
        let plain_lines = first != b'\n' && last != b'\n';
        return Some(if plain_lines {
            Style::Lines
        } else {
            Style::Literal
        });
    }
    if !(first.is_ascii_alphanumeric() || first >= 0xC3 && first != 0xE2 && first != 0xEF) {
        return None;
    }
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            b' ' if matches!(b.get(i + 1), Some(b'\n' | 0xC2 | 0xE2)) => return None,
            b' ' if !lines && b.get(i + 1) == Some(&b'#') => return None,
            b'\n' => {}
            b':' if !lines && matches!(b.get(i + 1), None | Some(b' ' | b'\t')) => return None,
            0..=0x1F | 0x7F | 0xC2 | 0xE2 | 0xEF => return None,
            _ => {}
        }
        i += 1;
    }
    Some(if lines {
        Style::Literal
    } else if ambiguous(s) {
        Style::Single
    } else {
        Style::Plain
    })
}

/// True when a byte of `b` may bar writing it as a block: a control other
/// than a line feed, a C1 control or NEL (C2 80–9F), a Unicode line end or
/// anything near one (E2 80 …), a byte order mark or U+FFFE/FFFF (EF BB,
/// EF BF), a space before a line feed. Sixteen bytes at a time, each with
/// the one after it, in compares the compiler makes vector ones; may say
/// yes for a block that is fine (the whole look then says so), never no
/// for one that is not.
fn may_bar_a_block(b: &[u8]) -> bool {
    #[inline(always)]
    fn pair(x: u8, next: u8) -> bool {
        (x < 0x20) & (x != b'\n')
            | (x == 0x7F)
            | (x == 0xC2) & (next < 0xA0)
            | (x == 0xE2) & (next == 0x80)
            | (x == 0xEF) & ((next == 0xBB) | (next == 0xBF))
            | (x == b' ') & (next == b'\n')
    }
    let mut from = 0;
    while from + 17 <= b.len() {
        let any = b[from..from + 16]
            .iter()
            .zip(&b[from + 1..from + 17])
            .fold(false, |any, (&x, &next)| any | pair(x, next));
        if any {
            return true;
        }
        from += 16;
    }
    (from..b.len()).any(|i| pair(b[i], b.get(i + 1).copied().unwrap_or(0)))
}

/// The style `s` is written in.
fn style(s: &str) -> Style {
    if let Some(quick) = quick_style(s) {
        return quick;
    }
    let look = Look::of(s);
    let asked = if s.contains('\n') {
        Style::Literal
    } else if ambiguous(s) {
        Style::Single
    } else {
        Style::Plain
    };
    match asked {
        Style::Plain if look.plain => Style::Plain,
        Style::Plain | Style::Single if look.single => Style::Single,
        Style::Literal if look.block => Style::Literal,
        _ => Style::Double,
    }
}

/// Whether `s`, when it is written as a block, keeps its line ends (`|+`);
/// `None` when it is not written as a block.
fn block_keeps(s: &str) -> Option<bool> {
    if !s.contains('\n') || !matches!(style(s), Style::Literal | Style::Lines) {
        return None;
    }
    let mut back = s.chars().rev();
    Some(match (back.next(), back.next()) {
        (Some(a), None) => is_break(a),
        (Some(a), Some(b)) => is_break(a) && is_break(b),
        _ => false,
    })
}

/// [`scalar`] and the line end after it, unless it ends with one (a block
/// kept whole ends with its own).
fn scalar_line(out: &mut String, s: &str, at: usize) {
    scalar(out, s, at);
    if !out.ends_with(is_break) {
        out.push('\n');
    }
}

/// Writes `s` as the value of a key, a block's lines (and the lines of a
/// single-quoted string broken by a Unicode line end) at `at` spaces.
fn scalar(out: &mut String, s: &str, at: usize) {
    // Most strings are plain: letters, digits, CJK, spaces inside.
    match style(s) {
        Style::Plain => out.push_str(s),
        Style::Single => single(out, s, at),
        Style::Double => double(out, s),
        Style::Literal => literal(out, s, at),
        Style::Lines => lines(out, s, at),
    }
}

/// `'it''s'`.
fn single(out: &mut String, s: &str, at: usize) {
    out.push('\'');
    let mut breaks = false;
    for c in s.chars() {
        if c == ' ' {
            out.push(' ');
        } else if is_break(c) {
            out.push(c);
            breaks = true;
        } else {
            if breaks {
                indent(out, at);
            }
            if c == '\'' {
                out.push('\'');
            }
            out.push(c);
            breaks = false;
        }
    }
    if breaks {
        indent(out, at);
    }
    out.push('\'');
}

/// `"a\tb"`, escaped as libyaml escapes.
fn double(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        if printable(c) && !is_break(c) && c != '"' && c != '\\' {
            out.push(c);
            continue;
        }
        out.push('\\');
        let short = match c {
            '\0' => Some('0'),
            '\x07' => Some('a'),
            '\x08' => Some('b'),
            '\t' => Some('t'),
            '\n' => Some('n'),
            '\x0B' => Some('v'),
            '\x0C' => Some('f'),
            '\r' => Some('r'),
            '\x1B' => Some('e'),
            '"' => Some('"'),
            '\\' => Some('\\'),
            '\u{85}' => Some('N'),
            '\u{A0}' => Some('_'),
            '\u{2028}' => Some('L'),
            '\u{2029}' => Some('P'),
            _ => None,
        };
        match short {
            Some(e) => out.push(e),
            None => {
                let n = u32::from(c);
                let _ = match n {
                    0..=0xFF => write!(out, "x{n:02X}"),
                    0x100..=0xFFFF => write!(out, "u{n:04X}"),
                    _ => write!(out, "U{n:08X}"),
                };
            }
        }
    }
    out.push('"');
}

/// [`Style::Lines`]: `|-` and the lines at `at` spaces, a line at a time.
fn lines(out: &mut String, s: &str, at: usize) {
    out.push_str("|-\n");
    for line in s.split('\n') {
        if !line.is_empty() {
            indent(out, at);
            out.push_str(line);
        }
        out.push('\n');
    }
    // The line end after the last line is the caller's.
    out.pop();
}

/// `|-` and the lines at `at` spaces (blank lines empty).
fn literal(out: &mut String, s: &str, at: usize) {
    out.push('|');
    if s.starts_with(|c: char| c == ' ' || is_break(c)) {
        out.push('2');
    }
    match block_keeps(s) {
        Some(true) => out.push('+'),
        _ if !s.ends_with(is_break) => out.push('-'),
        _ => {}
    }
    out.push('\n');
    let mut breaks = true;
    for c in s.chars() {
        if is_break(c) {
            out.push(c);
            breaks = true;
        } else {
            if breaks {
                indent(out, at);
            }
            out.push(c);
            breaks = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What serde_yaml writes for `s` as a value at `at` spaces: the
    /// value of the key `k` in a mapping nested so deep.
    fn serde(s: &str, at: usize) -> String {
        // A mapping nested at `at - 2` spaces holds the key.
        let mut value = serde_yaml::Value::String(s.to_string());
        for _ in 0..(at - 2) / 2 {
            let mut m = serde_yaml::Mapping::new();
            m.insert("k".into(), value);
            value = serde_yaml::Value::Mapping(m);
        }
        let mut m = serde_yaml::Mapping::new();
        m.insert("k".into(), value);
        let text = serde_yaml::to_string(&m).unwrap();
        // The text after the innermost `k: `.
        let key = format!("{}k: ", " ".repeat(at - 2));
        let at_key = text.rfind(&key).map_or(0, |i| i + key.len());
        text[at_key..].to_string()
    }

    fn ours(s: &str, at: usize) -> String {
        let mut out = String::new();
        scalar_line(&mut out, s, at);
        out
    }

    /// Every notes file of the fixtures, the bundled notes, generated
    /// notes (plain and markdown), a folder of daily notes, and a text of
    /// every odd line: the hand-written YAML and JSON are serde's, byte for
    /// byte.
    #[test]
    fn the_export_is_serde_s_byte_for_byte() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
        let mut books = vec![
            crate::load::from_text("study-notes.txt", crate::SAMPLE.into()),
            crate::load::from_text("gen.txt", crate::generate::notes(300_000, 4)),
            crate::load::from_text("gen.md", crate::generate::markdown_notes(300_000, 4)),
            crate::load::load(&root.join("daily")).unwrap(),
            crate::load::from_text(
                "odd.txt",
                "lead: text\n  x\n2024\n8.22: null\n    1.true\n        a\tb\n        ---\n\
                 \n        'q' \n    2. 007\n        \u{2028}x\n8.23\n    1.é : é\n13.45:\n"
                    .into(),
            ),
        ];
        for dir in ["dialects", "."] {
            for e in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = e.unwrap().path();
                if path.is_file() {
                    books.push(crate::load::load(&path).unwrap());
                }
            }
        }
        for nb in &books {
            let name = &nb.sources[0].path;
            let mut yaml = Vec::new();
            write(nb, &mut yaml).unwrap();
            let expected = serde_yaml::to_string(&super::super::Streamed(nb)).unwrap();
            assert_eq!(String::from_utf8(yaml).unwrap(), expected, "{name}");
            let mut json = Vec::new();
            super::super::json::write(nb, &mut json).unwrap();
            let mut expected = serde_json::to_string_pretty(&super::super::Streamed(nb)).unwrap();
            expected.push('\n');
            assert_eq!(String::from_utf8(json).unwrap(), expected, "{name}");
        }
    }

    #[test]
    fn strings_are_written_as_serde_yaml_writes_them() {
        let cases = [
            "",
            "plain",
            "tcp握手",
            "null",
            "Null",
            "~",
            "true",
            "FALSE",
            "yes",
            "12",
            "-12",
            "+12",
            "007",
            "-0",
            "0x1F",
            "0o17",
            "0b101",
            "-0x1F",
            "0xZZ",
            "1.5",
            "1e3",
            "1e999",
            ".inf",
            "-.Inf",
            ".nan",
            "inf",
            "NaN",
            "1_000",
            "1.",
            ".5",
            "+.5",
            "++1",
            "--1",
            "1. 高可用架构",
            "8.22",
            "2024-01-02",
            " lead",
            "trail ",
            "a: b",
            "a:b",
            "a #c",
            "a#c",
            "#c",
            "- item",
            "-item",
            "? q",
            ":x",
            "---",
            "...x",
            "[x]",
            "{x}",
            "x, y",
            "'q'",
            "\"q\"",
            "it's",
            "a\tb",
            "a\rb",
            "bell\x07",
            "esc\x1b[31m",
            "del\x7f",
            "c1\u{85}x",
            "nbsp\u{A0}x",
            "bom\u{FEFF}",
            "\u{FFFE}",
            "ls\u{2028}x",
            "ps\u{2029}",
            "emoji😀",
            "a\nb",
            "a\n\nb",
            "a\n",
            "a\n\n",
            "\n",
            "\n\n",
            "\nlead",
            "\nlead\nand more",
            "\n\nlead\nx\n",
            "body\nends blank\n",
            "body\nends\n\n\n",
            "\n## heading\n- item\n\n",
            "\n  indented first\nx",
            "\nx\n  indented last",
            "  indented\nline",
            "a \nb",
            "a\n b",
            "a\n\tb",
            "tab\n\tin",
            "x\n\u{2028}",
            "line\r\nend",
            "back\\slash",
            "q\"uote\nx",
            "% a",
            "@at",
            "`tick",
            "!bang",
            "&amp",
            "*star",
            "|pipe",
            ">gt",
            "a\u{2028}b c",
            "'\u{2028}",
            "é",
            "Ｆｕｌｌ",
        ];
        for s in cases {
            for at in [2, 4, 6] {
                assert_eq!(ours(s, at), serde(s, at), "{s:?} at {at}");
            }
        }
    }
}
