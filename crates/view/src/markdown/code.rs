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
//! code colours, as far as the [`Painter`] has colours ready (the rest in
//! the scheme's plain colour); any other fence is drawn in `code_block`.

use ratatui::text::Line;

use super::blocks::Fence;
use super::paint::{FenceColours, Painter};
use super::styled::Styled;
use super::syntax::head;
use super::wrap::max_prefix;
use crate::theme::MdStyles;

/// `line` without its first `columns` columns of indentation (tabs counting
/// as `tab_width`); stops early at the first other character.
fn strip_columns(line: &str, columns: usize, tab_width: usize) -> &str {
    let mut used = 0;
    for (i, b) in line.bytes().enumerate() {
        if used >= columns {
            return &line[i..];
        }
        match b {
            b' ' => used += 1,
            b'\t' => used += tab_width,
            _ => return &line[i..],
        }
    }
    ""
}

/// Appends the rows of fence `f` of `lines` to `out`, recording the first row
/// of each of its lines in `source_rows`; colours come from `painter`.
pub(crate) fn fence(
    lines: &[&str],
    f: &Fence,
    width: usize,
    styles: &MdStyles,
    painter: &Painter,
    out: &mut Vec<Line<'static>>,
    source_rows: &mut [usize],
) {
    let indent = f.indent.min(max_prefix(width));
    let frame = styles.code_frame;
    let pad = " ".repeat(indent);
    let edge = |corner: &str, label: &str| {
        let mut s = Styled::new(styles.tab_width);
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
    let first = (f.open + 1).min(lines.len());
    let code: Vec<&str> = lines[first..f.end.min(lines.len()).max(first)]
        .iter()
        .map(|line| strip_columns(line, f.indent, styles.tab_width))
        .collect();
    let colours = painter.colours(f.lang, styles.code_theme, &code);
    for (i, line) in code.iter().enumerate() {
        source_rows[first + i] = out.len();
        let mut text = Styled::new(styles.tab_width);
        match &colours {
            Some(FenceColours {
                base: Some(base),
                lines: done,
            }) => {
                let head = head(line);
                let mut at = 0;
                for &(end, style) in done.get(i).into_iter().flatten() {
                    text.push(&head[at..end], style, styles.control);
                    at = end;
                }
                text.push(&line[at..], *base, styles.control);
            }
            _ => text.push(line, styles.code_block, styles.control),
        }
        let mut s = Styled::new(styles.tab_width);
        s.push_glyphs(&pad, styles.text);
        s.push_glyphs("│ ", frame);
        s.append(&text);
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
        let painter = Painter::new(crate::markdown::Wait::Done);
        fence(
            lines,
            f,
            width,
            &Theme::dark().md,
            &painter,
            &mut out,
            &mut rows,
        );
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
        let painter = Painter::new(crate::markdown::Wait::Done);
        fence(&lines, f, 6, &md, &painter, &mut out, &mut [0; 3]);
        let last = out[1].spans.last().unwrap();
        assert_eq!((last.content.as_ref(), last.style), ("→", md.cut_marker));
    }
}
