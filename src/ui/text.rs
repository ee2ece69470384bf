//! Fitting text into cells: cutting with `…` and wrapping, by display width
//! (a CJK character takes two cells). Callers pass text already sanitised.

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Display width of `s` in cells.
pub fn width(s: &str) -> usize {
    s.width()
}

/// `s` cut to at most `max` cells, ending in `…` when something was cut.
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    if s.width() <= max {
        return Cow::Borrowed(s);
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    Cow::Owned(out)
}

/// `s` broken into rows of at most `max` cells: between characters (as
/// Chinese text breaks), except that a Latin word moves whole to the next
/// row when the row has a space to break at. Never empty.
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let max = max.max(2);
    let mut rows = Vec::new();
    let mut row = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max && !row.is_empty() {
            let mid_word = c.is_ascii_alphanumeric()
                && row
                    .chars()
                    .next_back()
                    .is_some_and(|p| p.is_ascii_alphanumeric());
            let rest = match row.rfind(' ').filter(|&i| mid_word && i > 0) {
                Some(i) => {
                    let rest = row[i + 1..].to_string();
                    row.truncate(i);
                    rest
                }
                None => String::new(),
            };
            let done = std::mem::replace(&mut row, rest);
            rows.push(done.trim_end_matches(' ').to_string());
            used = row.width();
            if c == ' ' {
                continue;
            }
        }
        row.push(c);
        used += w;
    }
    rows.push(row);
    rows
}

/// The end of `s` in at most `max` cells, `…` first when cut.
pub fn tail(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let mut out: Vec<char> = Vec::new();
    let mut used = 1;
    for c in s.chars().rev() {
        let w = c.width().unwrap_or(0);
        if used + w > max {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out.into_iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates_by_cells_with_an_ellipsis() {
        assert_eq!(truncate("tcp握手", 7), "tcp握手");
        assert_eq!(truncate("tcp握手", 6), "tcp握…");
        // a wide character never straddles the edge
        assert_eq!(truncate("tcp握手", 5), "tcp…");
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(truncate("abc", 1), "…");
    }

    #[test]
    fn wraps_at_spaces_or_between_cjk_characters() {
        assert_eq!(wrap("3. 如何保证服务器", 10), ["3. 如何保", "证服务器"]);
        assert_eq!(wrap("SSE与 WebSocket", 9), ["SSE与", "WebSocket"]);
        assert_eq!(wrap("one two three", 8), ["one two", "three"]);
        assert_eq!(wrap("", 8), [""]);
        for row in wrap("容器化部署能够实现服务不中断 Rolling Updates", 9) {
            assert!(width(&row) <= 9, "{row}");
        }
    }
}
