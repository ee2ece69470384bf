//! What one line of a day can be: a numbered line, a bold or `#` heading,
//! a colon line, a list item or table row, a fence. Each test looks at one
//! line only; context (indentation levels, fences) is the driver's job.
//! Day headings and dividers are read in [`super::heading`].

use super::trim::{trim, trim_end, trim_start};

/// `trimmed` as a numbered line: `1.title`, `1. title`, `1、title`,
/// `1)title`, `1）title`, `（1）title`, `(1)title`. Returns the number and the
/// rest of the line. A decimal such as `1.5 hours` is not a numbered line.
pub fn numbered(trimmed: &str) -> Option<(u32, &str)> {
    // Fast rejection: most lines start with neither a digit nor a bracket
    // (0xEF leads the UTF-8 of `（`).
    if !matches!(trimmed.as_bytes().first(), Some(b'0'..=b'9' | b'(' | 0xEF)) {
        return None;
    }
    let (digits, rest) = if let Some(inner) = trimmed
        .strip_prefix('（')
        .or_else(|| trimmed.strip_prefix('('))
    {
        let end = inner.find([')', '）'])?;
        let close_len = inner[end..].chars().next().map_or(1, char::len_utf8);
        (&inner[..end], &inner[end + close_len..])
    } else {
        let end = trimmed
            .bytes()
            .position(|b| !b.is_ascii_digit())
            .unwrap_or(trimmed.len());
        let rest = &trimmed[end..];
        let marker = rest.chars().next()?;
        if !matches!(marker, '.' | '．' | '、' | ')' | '）') {
            return None;
        }
        let after = &rest[marker.len_utf8()..];
        if marker == '.' && after.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            return None;
        }
        (&trimmed[..end], after)
    };
    if digits.is_empty() || digits.len() > 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((digits.parse().ok()?, rest))
}

/// A line numbered in Chinese numerals, `一、TCP` … `九十九、`: its number
/// and the text after the `、` (or `．`).
pub fn hanzi_numbered(trimmed: &str) -> Option<(u32, &str)> {
    let digit = |c: char| {
        Some(match c {
            '一' => 1,
            '二' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    };
    // Fast rejection: every numeral's UTF-8 starts with 0xE4 or 0xE5, and
    // most Chinese lines start with another character.
    if !matches!(trimmed.as_bytes().first(), Some(0xE4 | 0xE5))
        || !trimmed
            .chars()
            .next()
            .is_some_and(|c| c == '十' || digit(c).is_some())
    {
        return None;
    }
    let mut chars = trimmed.char_indices().peekable();
    let mut value = 0;
    let mut ones = None;
    let mut tens_seen = false;
    let mut end = 0;
    while let Some(&(i, c)) = chars.peek() {
        if let Some(d) = digit(c) {
            if ones.is_some() {
                return None;
            }
            ones = Some(d);
        } else if c == '十' && !tens_seen {
            value = ones.take().unwrap_or(1) * 10;
            tens_seen = true;
        } else {
            end = i;
            break;
        }
        chars.next();
    }
    let number = value + ones.unwrap_or(0);
    let rest = &trimmed[end..];
    let after = rest
        .strip_prefix('、')
        .or_else(|| rest.strip_prefix('．'))?;
    (number > 0 && end > 0).then_some((number, after))
}

/// Strips a trailing ASCII or fullwidth colon (and whitespace around it).
pub fn strip_colon(s: &str) -> &str {
    let s = trim_end(s);
    match colon_len(s.as_bytes()) {
        Some(colon) => trim_end(&s[..s.len() - colon]),
        None => s,
    }
}

/// The length in bytes of the `:` or `：` that `b` ends with.
#[inline]
fn colon_len(b: &[u8]) -> Option<usize> {
    match b {
        [.., b':'] => Some(1),
        // `：` is EF BC 9A in UTF-8.
        [.., 0xEF, 0xBC, 0x9A] => Some(3),
        _ => None,
    }
}

/// True when `s` ends (before trailing whitespace) with `:` or `：`.
#[inline]
pub fn ends_with_colon(s: &str) -> bool {
    colon_len(super::lines::trim_end_ascii(s).as_bytes()).is_some()
}

/// A title for display: bold markers and a trailing colon removed.
pub fn clean_title(s: &str) -> &str {
    let s = strip_colon(trim(s));
    let s = match bold_inner(s) {
        Some(inner) => strip_colon(inner),
        None => s,
    };
    // `strip_colon` trims the end.
    trim_start(strip_colon(s))
}

/// The text inside a line that is entirely bold (`**x**`, `__x__`, with an
/// optional colon after the closing marker). As CommonMark reads it: `**
/// x**` and `__x __` are text, not bold ([`crate::notes::emphasis`]).
pub fn bold_inner(trimmed: &str) -> Option<&str> {
    let marker = *trimmed.as_bytes().first()?;
    if !matches!(marker, b'*' | b'_') {
        return None;
    }
    let s = strip_colon(trimmed);
    let b = s.as_bytes();
    // Shortest: `**x**`.
    if b.len() < 5 || [b[1], b[b.len() - 2], b[b.len() - 1]] != [marker; 3] {
        return None;
    }
    // No closing marker inside (`**a** and **b**` is not one bold run).
    let inner = &b[2..b.len() - 2];
    // Found with memchr, a marker being rare inside: 23 ns a heading of
    // 40 bytes, where comparing each pair of bytes took 39.
    if memchr::memchr_iter(marker, inner).any(|i| inner.get(i + 1) == Some(&marker)) {
        return None;
    }
    let raw = &s[2..s.len() - 2];
    let after = trimmed[s.len()..].chars().next();
    if !crate::notes::emphasis::encloses(marker, raw, after) {
        return None;
    }
    let inner = trim(raw);
    (!inner.is_empty()).then_some(inner)
}

/// A markdown ATX heading: level 1-6 and its text.
pub fn atx_heading(trimmed: &str) -> Option<(u8, &str)> {
    let hashes = trimmed.bytes().take_while(|b| *b == b'#').count();
    if hashes == 0 || hashes > 6 {
        return None;
    }
    let rest = &trimmed[hashes..];
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    // A closing run of `#`s goes when a space stands before it (`# C#`
    // and `# foo \#` keep theirs).
    let text = rest.trim();
    let without = text.trim_end_matches('#');
    let text = if without.is_empty() || without.ends_with([' ', '\t']) {
        without.trim_end()
    } else {
        text
    };
    Some((hashes as u8, text))
}

/// True for list items (`- x`, `* x`, `+ x`) and table rows, which never
/// open a colon section.
pub fn is_list_or_table(trimmed: &str) -> bool {
    trimmed.starts_with("- ")
        || trimmed.starts_with("* ")
        || trimmed.starts_with("+ ")
        || trimmed.starts_with('|')
        || numbered(trimmed).is_some()
}

/// The fence marker when `trimmed` opens or closes a fenced code block,
/// also after a bullet (`- ```rust`, as Logseq writes a block of code),
/// and the line from the marker on.
#[inline]
fn fence_at(trimmed: &str) -> Option<(&'static str, &str)> {
    let b = trimmed.as_bytes();
    let from = match b.first()? {
        b'`' | b'~' => trimmed,
        // Most lines answer here, from their first byte.
        b'-' if b.get(1) == Some(&b' ') && matches!(b.get(2), Some(b'`' | b'~')) => &trimmed[2..],
        _ => return None,
    };
    if from.starts_with("```") {
        Some(("```", from))
    } else if from.starts_with("~~~") {
        Some(("~~~", from))
    } else {
        None
    }
}

/// Whether a line whose text starts with `b` (after its indentation) may
/// open or close a fence, told from its first bytes: `` ` ``, `~`, or
/// either after `- ` ([`fence_at`] tells for sure).
#[inline(always)]
pub fn may_mark_fence(b: &[u8]) -> bool {
    matches!(b, [b'`' | b'~', ..] | [b'-', b' ', b'`' | b'~', ..])
}

/// The fenced code block open at a line, if any: its marker and line.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Fence(Option<(&'static str, usize)>);

impl Fence {
    /// A fenced code block is open.
    pub fn is_open(&self) -> bool {
        self.0.is_some()
    }

    /// Reads non-blank line `number` (trimmed): opens or closes the fence.
    /// True when the line is code (a marker, or inside the fence).
    #[inline(always)]
    pub fn track(&mut self, number: usize, trimmed: &str) -> bool {
        // Every line comes here: most answer from their first bytes.
        if may_mark_fence(trimmed.as_bytes()) {
            self.marker(number, trimmed)
        } else {
            self.0.is_some()
        }
    }

    /// [`Fence::track`] of a line that may be a fence marker.
    #[inline(never)]
    fn marker(&mut self, number: usize, trimmed: &str) -> bool {
        let Some((marker, from)) = fence_at(trimmed) else {
            return self.0.is_some();
        };
        match self.0 {
            None => self.0 = Some((marker, number)),
            Some((open, _))
                if open == marker
                    && from.len() == trimmed.len()
                    && trimmed
                        .trim_start_matches(marker.as_bytes()[0] as char)
                        .is_empty() =>
            {
                self.0 = None;
            }
            Some(_) => {}
        }
        true
    }

    /// Closes the fence; the line it opened on, if it was open.
    pub fn close(&mut self) -> Option<usize> {
        self.0.take().map(|(_, line)| line)
    }
}

/// A line of three or more of one of `-`, `=`, `*`, `_`, `~` (spaces
/// between them allowed): a setext heading's underline, a thematic break.
pub fn is_rule(t: &str) -> bool {
    let Some(&first) = t.as_bytes().first() else {
        return false;
    };
    matches!(first, b'-' | b'=' | b'*' | b'_' | b'~')
        && t.bytes().filter(|&b| b == first).count() >= 3
        && t.bytes().all(|b| b == first || b == b' ' || b == b'\t')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_are_runs_of_one_mark() {
        for t in ["---", "===", "***", "- - -", "__________", "~~~~", "=== "] {
            assert!(is_rule(t), "{t:?}");
        }
        for t in [
            "--",
            "-=-",
            "--- x",
            "* * x",
            "",
            "## ##",
            "=== 2024-01-02 ===",
        ] {
            assert!(!is_rule(t), "{t:?}");
        }
    }

    #[test]
    fn numbered_lines() {
        assert_eq!(numbered("1.tcp握手"), Some((1, "tcp握手")));
        assert_eq!(numbered("2. title"), Some((2, " title")));
        assert_eq!(numbered("3、标题"), Some((3, "标题")));
        assert_eq!(numbered("4)x"), Some((4, "x")));
        assert_eq!(numbered("（5）五"), Some((5, "五")));
        assert_eq!(numbered("(6) six"), Some((6, " six")));
        assert_eq!(numbered("1.5 hours"), None);
        assert_eq!(numbered("12"), None);
        assert_eq!(numbered("x1."), None);
        assert_eq!(hanzi_numbered("一、TCP"), Some((1, "TCP")));
        assert_eq!(hanzi_numbered("十、x"), Some((10, "x")));
        assert_eq!(hanzi_numbered("十二．x"), Some((12, "x")));
        assert_eq!(hanzi_numbered("二十、x"), Some((20, "x")));
        assert_eq!(hanzi_numbered("九十九、x"), Some((99, "x")));
        for s in [
            "一些、x",
            "一二、x",
            "十十、x",
            "、x",
            "三",
            "二十一世纪",
            "中、x",
        ] {
            assert_eq!(hanzi_numbered(s), None, "{s:?}");
        }
    }

    #[test]
    fn titles() {
        assert_eq!(clean_title("**第一次握手（SYN）**："), "第一次握手（SYN）");
        assert_eq!(clean_title("**特点：**"), "特点");
        assert_eq!(clean_title("选择存储桶服务当："), "选择存储桶服务当");
        assert_eq!(bold_inner("**a** and **b**"), None);
        assert_eq!(bold_inner("__优点__ ："), Some("优点"));
        assert_eq!(bold_inner("**缺点**\u{3000}"), Some("缺点"));
        // Spaces inside the markers: not bold, as CommonMark reads it.
        assert_eq!(bold_inner("** 缺点 **\u{3000}"), None);
        assert_eq!(bold_inner("__ foo bar__"), None);
        assert_eq!(bold_inner("__foo bar __："), None);
        assert_eq!(bold_inner("**x__"), None);
        assert_eq!(bold_inner("****"), None);
        assert_eq!(bold_inner("**  **"), None);
        assert_eq!(bold_inner("**"), None);
        assert_eq!(clean_title("适用场景\u{3000}：\u{3000}"), "适用场景");
        assert_eq!(clean_title("\u{a0}\u{2003}**优点**\u{85}"), "优点");
        assert_eq!(atx_heading("## Title ##"), Some((2, "Title")));
        assert_eq!(atx_heading("## C#"), Some((2, "C#")));
        assert_eq!(atx_heading("# foo \\#"), Some((1, "foo \\#")));
        assert_eq!(atx_heading("### ###"), Some((3, "")));
        assert_eq!(atx_heading("#hashtag"), None);
    }

    #[test]
    fn fences_open_after_a_bullet() {
        let fence = |t| fence_at(t).map(|(marker, _)| marker);
        assert_eq!(fence("- ```rust"), Some("```"));
        assert_eq!(fence("- ~~~"), Some("~~~"));
        assert_eq!(fence("- `code`"), None);
        let mut f = Fence::default();
        let code: Vec<bool> = ["- ```rust", "# x", "```", "# y"]
            .iter()
            .enumerate()
            .map(|(i, l)| f.track(i + 1, l))
            .collect();
        assert_eq!(code, [true, true, true, false]);
    }
}
