//! How a string of the YAML export is written, byte for byte as serde_yaml
//! writes it.
//!
//! How a string is written ([`scalar`]) is decided as serde_yaml decides
//! it: one that holds a line end is asked for as a literal block (`|-`);
//! one that would read back as something else (`null`, `true`, `12`,
//! `0.5`, `007`, the empty string) as single-quoted; any other as plain.
//! Then libyaml's look at the characters ([`Look`]) may refuse the style
//! asked for: plain falls back to single quotes, single quotes and blocks
//! to double quotes with escapes.

use std::fmt::Write as _;

use super::super::json::indent;

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
    crate::pairs::any_part(b, pair, |from, to| {
        (from..to).any(|i| pair(b[i], b.get(i + 1).copied().unwrap_or(0)))
    })
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
pub(super) fn scalar_line(out: &mut String, s: &str, at: usize) {
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
