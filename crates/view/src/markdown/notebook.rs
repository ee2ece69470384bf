//! The blocks notes borrow from notebook apps: display math between `$$`
//! lines, drawn in Unicode ([`daynotes_core::math`]), and callouts (`> [!NOTE]`,
//! `> [!WARNING] title`), drawn as a titled box:
//!
//! ```text
//! $$                          ╭─ Warning · Mind the gap ─╮
//! \frac{a}{b} = c               │ text of the callout      │
//! $$                          ╰──────────────────────────╯
//!        a
//!       ─── = c
//!        b
//! ```

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::styled::{Styled, str_width};
use super::wrap::{Prefix, wrap};
use crate::theme::MdStyles;
use daynotes_core::notes::indent_width;

/// Where display math that starts at line `i` ends (one past its closing
/// `$$` line): `$$ x $$` on one line, or `$$` … `$$` over several. `None`
/// when line `i` opens none, or it is never closed (then it is text).
pub(crate) fn math_end(lines: &[&str], i: usize) -> Option<usize> {
    let first = lines[i].trim();
    let rest = first.strip_prefix("$$")?;
    if rest.len() >= 2 && rest.ends_with("$$") {
        return Some(i + 1);
    }
    if rest.contains('$') {
        return None;
    }
    (i + 1..lines.len())
        .find(|&j| lines[j].trim().ends_with("$$"))
        .map(|j| j + 1)
}

/// The TeX between the `$$`s of lines `start..end`.
fn math_source(lines: &[&str]) -> String {
    let joined = lines.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" ");
    let inner = joined.strip_prefix("$$").unwrap_or(&joined);
    inner.strip_suffix("$$").unwrap_or(inner).trim().to_string()
}

/// Lays out display math: its rows, indented as its first line.
pub(crate) fn math(lines: &[&str], width: usize, styles: &MdStyles, out: &mut Vec<Line<'static>>) {
    let indent = lines.first().map_or(0, |l| indent_width(l)) + 2;
    for row in daynotes_core::math::display(&math_source(lines)) {
        // A stacked fraction's rows line up by their leading spaces, which
        // wrapping would take off: they go into the row's lead.
        let text = row.trim_start_matches(' ');
        let lead = Prefix::spaces(indent + row.len() - text.len());
        let mut s = Styled::new(styles.tab_width);
        s.push(text, styles.code, styles.control);
        wrap(&s, &lead, &lead, width, styles.cut_marker, out);
    }
}

/// A callout's kind and title from its first line's quoted text
/// (`[!WARNING]- Mind the gap`).
pub(crate) fn callout_head(inner: &str) -> Option<(String, &str)> {
    let rest = inner.trim().strip_prefix("[!")?;
    let close = rest.find(']')?;
    let kind = &rest[..close];
    if kind.is_empty() || !kind.chars().all(|c| c.is_ascii_alphabetic() || c == '-') {
        return None;
    }
    let title = rest[close + 1..].trim_start_matches(['-', '+']).trim();
    let mut name = kind.to_ascii_lowercase();
    if let Some(first) = name.get(..1) {
        name = first.to_ascii_uppercase() + &name[1..];
    }
    Some((name, title))
}

/// The text of a quote line after its first `>`.
fn quoted(line: &str) -> Option<&str> {
    let rest = line.trim_start().strip_prefix('>')?;
    Some(rest.strip_prefix(' ').unwrap_or(rest))
}

/// Where a callout starting at line `i` ends: the quote lines after its
/// `> [!KIND]` line.
pub(crate) fn callout_end(lines: &[&str], i: usize) -> Option<usize> {
    callout_head(quoted(lines[i])?)?;
    let more = lines[i + 1..]
        .iter()
        .take_while(|l| quoted(l).is_some())
        .count();
    Some(i + 1 + more)
}

/// Lays out a callout as a box `width` cells wide (less its indentation):
/// the kind and title in the top border, each quoted line inside, laid out
/// by `inner` (as a body line, for `inner_width` cells).
pub(crate) fn callout(
    lines: &[&str],
    width: usize,
    styles: &MdStyles,
    inner: &mut dyn FnMut(&str, usize) -> Vec<Line<'static>>,
    out: &mut Vec<Line<'static>>,
) {
    let indent = lines.first().map_or(0, |l| indent_width(l));
    let Some((kind, title)) = lines.first().and_then(|l| quoted(l)).and_then(callout_head) else {
        return;
    };
    let warn = matches!(
        kind.as_str(),
        "Warning" | "Caution" | "Danger" | "Error" | "Bug"
    );
    let border = if warn {
        styles.cut_marker
    } else {
        styles.quote
    };
    let room = width.saturating_sub(indent).max(6);
    let inner_width = room - 4;
    let pad = " ".repeat(indent);
    let mut head = kind.clone();
    if !title.is_empty() {
        head.push_str(" · ");
        head.push_str(&daynotes_core::sanitize::visible(title));
    }
    let head = crate::text::truncate(&head, room.saturating_sub(5)).into_owned();
    let fill = room.saturating_sub(str_width(&head) + 5);
    out.push(Line::from(vec![
        Span::raw(pad.clone()),
        Span::styled("╭─ ", border),
        Span::styled(head, styles.strong.patch(border)),
        Span::styled(format!(" {}╮", "─".repeat(fill)), border),
    ]));
    for line in &lines[1..] {
        let text = quoted(line).unwrap_or_default();
        let rows = if text.trim().is_empty() {
            vec![Line::default()]
        } else {
            inner(text, inner_width)
        };
        for row in rows {
            let w = row.width().min(inner_width);
            let mut spans = vec![Span::raw(pad.clone()), Span::styled("│ ", border)];
            spans.extend(row.spans);
            spans.push(Span::raw(" ".repeat(inner_width - w)));
            spans.push(Span::styled(" │", border));
            out.push(Line::from(spans));
        }
    }
    out.push(Line::from(vec![
        Span::raw(pad),
        Span::styled(format!("╰{}╯", "─".repeat(room - 2)), border),
    ]));
}

/// A task item's box, for an item whose text starts `[ ] ` or `[x] `:
/// the glyph and the text after it.
pub(crate) fn task_box(text: &str) -> Option<(&'static str, bool, &str)> {
    let (done, rest) = daynotes_core::tasks::task_box(text)?;
    Some((if done { "☑" } else { "☐" }, done, rest))
}

/// The style of a ticked task's text.
pub(crate) fn done_style(base: Style, styles: &MdStyles) -> Style {
    base.patch(styles.url)
}

#[cfg(test)]
mod tests {
    use crate::theme::Theme;

    fn rows(text: &str, width: u16) -> Vec<String> {
        crate::markdown::render(text, width, &Theme::plain().md)
            .lines
            .iter()
            .map(|l| l.to_string().trim_end().to_string())
            .collect()
    }

    #[test]
    fn tasks_math_callouts_and_wiki_links() {
        assert_eq!(
            rows("- [ ] read RFC 793\n- [x] SYN, SYN+ACK\n1. [ ] first", 40),
            ["☐ read RFC 793", "☑ SYN, SYN+ACK", "1. ☐ first"]
        );
        assert_eq!(
            rows(
                "window $2^{16}$, $\\beta_1 \\leq \\pi$; see [[TCP handshake]]",
                60
            ),
            ["window 2¹⁶, β₁ ≤ π; see TCP handshake"]
        );
        assert_eq!(
            rows("$$\nx = \\frac{a}{b}\n$$\nafter", 40),
            ["       a", "  x = ───", "       b", "after"]
        );
        assert_eq!(
            rows("> [!WARNING] Mind the gap\n> keep **it**\nafter", 24),
            [
                "╭─ Warning · Mind the… ╮",
                "│ keep it              │",
                "╰──────────────────────╯",
                "after"
            ]
        );
        // Costs in dollars are no math; an unclosed $$ is text.
        assert_eq!(rows("from $5 to $10", 40), ["from $5 to $10"]);
        assert_eq!(rows("$$ open", 40), ["$$ open"]);
    }
}
