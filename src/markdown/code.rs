//! Fenced code blocks, drawn as a frame with the language on its top edge:
//!
//! ```text
//! ┌─ yaml ──────────────
//! │ services:
//! │   app:
//! │     image: myapp:lat→
//! └─────────────────────
//! ```
//!
//! Code lines get no inline markdown and are never wrapped: a line wider than
//! the pane is cut, with a marker in the last cell. A fence whose language a
//! bundled grammar knows is coloured by [`super::syntax`] when the theme has
//! code colours; any other fence is drawn in `code_block`.

use ratatui::text::Line;

use super::blocks::Fence;
use super::styled::Styled;
use super::syntax::colourer;
use super::wrap::max_prefix;
use crate::theme::MdStyles;

/// `line` without its first `columns` columns of indentation (tabs counting
/// as [`crate::notes::TAB_WIDTH`]); stops early at the first other character.
fn strip_columns(line: &str, columns: usize) -> &str {
    let mut used = 0;
    for (i, b) in line.bytes().enumerate() {
        if used >= columns {
            return &line[i..];
        }
        match b {
            b' ' => used += 1,
            b'\t' => used += super::styled::shown_tab_width(),
            _ => return &line[i..],
        }
    }
    ""
}

/// Appends the rows of fence `f` of `lines` to `out`, recording the first row
/// of each of its lines in `source_rows`.
pub(crate) fn fence(
    lines: &[&str],
    f: &Fence,
    width: usize,
    styles: &MdStyles,
    out: &mut Vec<Line<'static>>,
    source_rows: &mut [usize],
) {
    let indent = f.indent.min(max_prefix(width));
    let frame = styles.code_frame;
    let pad = " ".repeat(indent);
    let edge = |corner: &str, label: &str| {
        let mut s = Styled::new();
        s.push_glyphs(&pad, styles.text);
        s.push_glyphs(corner, frame);
        if !label.is_empty() {
            s.push_glyphs("─ ", frame);
            s.push(label, frame, styles.control);
            s.push_glyphs(" ", frame);
        }
        let fill = width.saturating_sub(s.width);
        s.push_glyphs(&"─".repeat(fill), frame);
        s.cut(width, None)
    };

    source_rows[f.open] = out.len();
    out.push(edge("┌", f.lang));
    let mut colours = colourer(f.lang, styles.code_theme);
    // Bytes enough to fill the pane's width: what lies past it is cut anyway.
    let limit = width.saturating_mul(4).saturating_add(64);
    for (row, line) in lines.iter().enumerate().take(f.end).skip(f.open + 1) {
        source_rows[row] = out.len();
        let mut code = Styled::new();
        let line = strip_columns(line, f.indent);
        match &mut colours {
            Some(c) => c.push(&mut code, line, limit, styles.control),
            None => code.push(line, styles.code_block, styles.control),
        }
        let mut s = Styled::new();
        s.push_glyphs(&pad, styles.text);
        s.push_glyphs("│ ", frame);
        s.append(&code);
        out.push(s.cut(width, Some(styles.cut_marker)));
    }
    if let Some(close) = f.close {
        source_rows[close] = out.len();
    }
    out.push(edge("└", ""));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::blocks::{Block, blocks};
    use crate::theme::Theme;

    fn draw(lines: &[&str], width: usize) -> (Vec<String>, Vec<usize>) {
        let Block::Fence(f) = &blocks(lines)[0] else {
            panic!("not a fence")
        };
        let mut out = Vec::new();
        let mut rows = vec![usize::MAX; lines.len()];
        fence(lines, f, width, &Theme::dark().md, &mut out, &mut rows);
        (out.iter().map(|l| l.to_string()).collect(), rows)
    }

    #[test]
    fn framed_with_language_and_cut_not_wrapped() {
        let (rows, map) = draw(
            &[
                "```yaml",
                "a: **not bold**",
                "\tb: 1",
                "long: 123456789",
                "```",
            ],
            16,
        );
        assert_eq!(
            rows,
            [
                "┌─ yaml ────────",
                "│ a: **not bold→",
                "│     b: 1",
                "│ long: 1234567→",
                "└───────────────",
            ]
        );
        assert_eq!(map, [0, 1, 2, 3, 4]);
    }

    #[test]
    fn unterminated_fence_runs_to_the_end() {
        let (rows, map) = draw(&["~~~", "x"], 6);
        assert_eq!(rows, ["┌─────", "│ x", "└─────"]);
        assert_eq!(map, [0, 1]);
    }

    #[test]
    fn cut_marker_is_styled() {
        let md = Theme::dark().md;
        let lines = ["```", "abcdefgh", "```"];
        let Block::Fence(f) = &blocks(&lines)[0] else {
            panic!()
        };
        let mut out = Vec::new();
        fence(&lines, f, 6, &md, &mut out, &mut [0; 3]);
        let last = out[1].spans.last().unwrap();
        assert_eq!((last.content.as_ref(), last.style), ("→", md.cut_marker));
    }
}
