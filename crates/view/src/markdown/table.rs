//! Pipe tables, drawn with box-drawing borders and columns aligned by display
//! width:
//!
//! ```text
//! ┌──────┬──────┐
//! │ 技术 │ 协议 │   header row in `table_header`
//! ├──────┼──────┤   ← the `|---|---|` line maps here
//! │ SSE  │ HTTP │
//! └──────┴──────┘
//! ```
//!
//! When the natural widths do not fit the pane, the widest columns give way
//! first and their cells wrap. When not even the narrowest columns fit, the
//! caller shows the lines as text instead.

use ratatui::text::{Line, Span};

use super::blocks::{Align, cells, delimiter_row};
use super::inline::inline;
use super::styled::{Styled, clusters, str_width, tidy};
use super::wrap::{Prefix, longest_unbreakable, max_prefix, wrap, wrapped_width};
use crate::theme::MdStyles;
use daynotes_core::notes::indent_width;

/// Column widths for `avail` cells of content: every column gets at least
/// `min`, the natural widths when they fit, otherwise the widest columns are
/// capped at a common width and the few cells left over go left to right.
fn fit_columns(natural: &[usize], min: &[usize], avail: usize) -> Vec<usize> {
    if natural.iter().sum::<usize>() <= avail {
        return natural.to_vec();
    }
    let at_cap = |cap: usize| -> Vec<usize> {
        natural
            .iter()
            .zip(min)
            .map(|(&n, &m)| n.min(cap).max(m))
            .collect()
    };
    // The largest cap whose widths still fit (cap 0 gives the minimums).
    let (mut lo, mut hi) = (0, natural.iter().copied().max().unwrap_or(0));
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if at_cap(mid).iter().sum::<usize>() <= avail {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    let mut widths = at_cap(lo);
    let mut left = avail.saturating_sub(widths.iter().sum());
    for (w, &n) in widths.iter_mut().zip(natural) {
        if left == 0 {
            break;
        }
        if *w < n {
            *w += 1;
            left -= 1;
        }
    }
    widths
}

/// The widest wrapped row of column `c` at `width`.
fn used(rows: &[(usize, Vec<Styled>)], c: usize, width: usize) -> usize {
    rows.iter()
        .filter_map(|(_, row)| row.get(c))
        .map(|cell| wrapped_width(&cell.text, width))
        .max()
        .unwrap_or(0)
        .max(1)
}

/// Narrows each column to the widest row its cells wrap to (a column of CJK
/// text given 5 cells uses 4), then hands the cells saved, a step at a time,
/// to columns that are still narrower than their text and can use them.
fn tighten(
    rows: &[(usize, Vec<Styled>)],
    widths: &[usize],
    natural: &[usize],
    avail: usize,
) -> Vec<usize> {
    let mut widths: Vec<usize> = (0..widths.len())
        .map(|c| used(rows, c, widths[c]))
        .collect();
    let mut spare = avail.saturating_sub(widths.iter().sum());
    let mut stuck = vec![false; widths.len()];
    while spare > 0 && stuck.iter().any(|s| !s) {
        for c in 0..widths.len() {
            if stuck[c] || widths[c] >= natural[c] {
                stuck[c] = true;
                continue;
            }
            // One more cell may not help (a CJK column needs two).
            let grown = (1..=spare.min(2))
                .map(|k| used(rows, c, widths[c] + k))
                .find(|&u| u > widths[c]);
            match grown {
                Some(u) if u - widths[c] <= spare => {
                    spare -= u - widths[c];
                    widths[c] = u;
                }
                _ => stuck[c] = true,
            }
            if spare == 0 {
                break;
            }
        }
    }
    widths
}

/// The header row and the body rows (the delimiter row skipped), each with
/// its line index and its cells' inline markup applied.
fn styled_rows(
    lines: &[&str],
    start: usize,
    end: usize,
    styles: &MdStyles,
) -> Vec<(usize, Vec<Styled>)> {
    std::iter::once(start)
        .chain(start + 2..end)
        .map(|i| {
            let base = if i == start {
                styles.text.patch(styles.table_header)
            } else {
                styles.text
            };
            let row = cells(lines[i])
                .into_iter()
                .map(|cell| {
                    let mut s = Styled::new(styles.tab_width);
                    inline(cell, base, styles, &mut s);
                    s
                })
                .collect();
            (i, row)
        })
        .collect()
}

/// The indentation and column widths for a pane `width` wide, or `None`
/// when even the narrowest columns do not fit.
fn plan(
    rows: &[(usize, Vec<Styled>)],
    columns: usize,
    indent: usize,
    width: usize,
) -> Option<(usize, Vec<usize>)> {
    let mut natural = vec![1; columns];
    let mut min = vec![1; columns];
    let mut words = vec![1; columns];
    for (_, row) in rows {
        for (c, cell) in row.iter().enumerate() {
            natural[c] = natural[c].max(cell.width);
            let widest = clusters(&cell.text).map(|(_, _, w)| w).max().unwrap_or(1);
            min[c] = min[c].max(widest);
            words[c] = words[c].max(longest_unbreakable(&cell.text));
        }
    }
    // Each column costs its width plus a space either side and a border.
    let overhead = 3 * columns + 1;
    let needed = overhead + min.iter().sum::<usize>();
    if needed > width {
        return None;
    }
    let mut indent = indent.min(max_prefix(width));
    if indent + needed > width {
        indent = 0;
    }
    let avail = width - indent - overhead;
    // Keep words whole when that fits, else cut them.
    let floor = if words.iter().sum::<usize>() <= avail {
        &words
    } else {
        &min
    };
    let widths = fit_columns(&natural, floor, avail);
    Some((indent, tighten(rows, &widths, &natural, avail)))
}

/// Appends the table on lines `start..end` (delimiter row at `start + 1`) to
/// `out` and records each line's first row. Returns `false`, drawing
/// nothing, when even one-cell columns do not fit `width`.
pub(crate) fn table(
    lines: &[&str],
    start: usize,
    end: usize,
    width: usize,
    styles: &MdStyles,
    out: &mut Vec<Line<'static>>,
    source_rows: &mut [usize],
) -> bool {
    let aligns = delimiter_row(lines[start + 1]).unwrap_or_default();
    let rows = styled_rows(lines, start, end, styles);
    let columns = rows
        .iter()
        .map(|(_, r)| r.len())
        .chain([aligns.len()])
        .max()
        .unwrap_or(1)
        .max(1);
    let Some((indent, widths)) = plan(&rows, columns, indent_width(lines[start]), width) else {
        return false;
    };

    let pad = " ".repeat(indent);
    let border = |left: &str, mid: &str, right: &str| -> Line<'static> {
        let mut s = String::from(left);
        for (c, w) in widths.iter().enumerate() {
            if c > 0 {
                s.push_str(mid);
            }
            s.push_str(&"─".repeat(w + 2));
        }
        s.push_str(right);
        tidy(vec![
            Span::styled(pad.clone(), styles.text),
            Span::styled(s, styles.table_border),
        ])
    };
    let empty = Styled::new(styles.tab_width);
    let draw_row = |row: &[Styled], out: &mut Vec<Line<'static>>| {
        let wrapped: Vec<Vec<Line<'static>>> = widths
            .iter()
            .enumerate()
            .map(|(c, &w)| {
                let mut cell_rows = Vec::new();
                let cell = row.get(c).unwrap_or(&empty);
                let none = Prefix::default();
                wrap(cell, &none, &none, w, styles.cut_marker, &mut cell_rows);
                cell_rows
            })
            .collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
        for r in 0..height {
            let mut spans = vec![Span::styled(pad.clone(), styles.text)];
            for (c, &w) in widths.iter().enumerate() {
                let bar = if c == 0 { "│ " } else { " │ " };
                spans.push(Span::styled(bar, styles.table_border));
                let cell: Vec<Span<'static>> = wrapped[c]
                    .get(r)
                    .map(|l| l.spans.clone())
                    .unwrap_or_default();
                let used: usize = cell.iter().map(|s| str_width(&s.content)).sum();
                let gap = w.saturating_sub(used);
                let before = match aligns.get(c).copied().unwrap_or_default() {
                    Align::Left => 0,
                    Align::Center => gap / 2,
                    Align::Right => gap,
                };
                spans.push(Span::styled(" ".repeat(before), styles.text));
                spans.extend(cell);
                spans.push(Span::styled(" ".repeat(gap - before), styles.text));
            }
            spans.push(Span::styled(" │", styles.table_border));
            out.push(tidy(spans));
        }
        height
    };

    let (head, body) = rows.split_first().expect("a table has a header");
    source_rows[start] = out.len();
    out.push(border("┌", "┬", "┐"));
    draw_row(&head.1, out);
    source_rows[start + 1] = out.len();
    out.push(border("├", "┼", "┤"));
    // Rules between body rows only when some row wraps, so that a tall row
    // is not read as several.
    let mut drawn = Vec::new();
    let mut tall = false;
    for (i, row) in body {
        let mut rows_out = Vec::new();
        tall |= draw_row(row, &mut rows_out) > 1;
        drawn.push((*i, rows_out));
    }
    for (n, (i, rows_out)) in drawn.into_iter().enumerate() {
        if tall && n > 0 {
            out.push(border("├", "┼", "┤"));
        }
        source_rows[i] = out.len();
        out.extend(rows_out);
    }
    out.push(border("└", "┴", "┘"));
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::theme::Theme;

    fn draw(lines: &[&str], width: usize) -> Option<(Vec<String>, Vec<usize>)> {
        let mut out = Vec::new();
        let mut rows = vec![usize::MAX; lines.len()];
        let md = Theme::dark().md;
        table(lines, 0, lines.len(), width, &md, &mut out, &mut rows)
            .then(|| (out.iter().map(|l| l.to_string()).collect(), rows))
    }

    #[test]
    fn columns_align_by_display_width() {
        let (rows, map) = draw(&["| 技术 | a |", "|---|:-:|", "| SSE | 中文 |"], 40).unwrap();
        assert_eq!(
            rows,
            [
                "┌──────┬──────┐",
                "│ 技术 │  a   │",
                "├──────┼──────┤",
                "│ SSE  │ 中文 │",
                "└──────┴──────┘",
            ]
        );
        assert_eq!(map, [0, 2, 3]);
    }

    #[test]
    fn right_alignment() {
        let (rows, _) = draw(&["| n |", "|--:|", "| 1234 |"], 40).unwrap();
        assert_eq!(rows[1], "│    n │");
    }

    #[test]
    fn narrow_panes_wrap_cells_and_rule_between_rows() {
        let (rows, map) = draw(
            &["| k | v |", "|---|---|", "| a | one two |", "| b | x |"],
            13,
        )
        .unwrap();
        assert_eq!(
            rows,
            [
                "┌───┬─────┐",
                "│ k │ v   │",
                "├───┼─────┤",
                "│ a │ one │",
                "│   │ two │",
                "├───┼─────┤",
                "│ b │ x   │",
                "└───┴─────┘",
            ]
        );
        assert_eq!(map, [0, 2, 3, 6]);
    }

    #[test]
    fn no_zero_width_column_instead_text() {
        // Two 1-cell columns need 9 cells: `│ a │ b │`.
        assert!(draw(&["| a | b |", "|---|---|"], 8).is_none());
        assert!(draw(&["| a | b |", "|---|---|"], 9).is_some());
    }

    #[test]
    fn header_cells_are_styled() {
        let md = Theme::dark().md;
        let mut out = Vec::new();
        table(
            &["| h |", "|---|", "| b |"],
            0,
            3,
            20,
            &md,
            &mut out,
            &mut [0; 3],
        );
        let styled = |row: usize, text: &str| {
            out[row]
                .spans
                .iter()
                .find(|s| s.content == text)
                .map(|s| s.style)
        };
        assert_eq!(styled(1, "h"), Some(md.text.patch(md.table_header)));
        assert_eq!(styled(3, "b"), Some(md.text));
    }

    #[test]
    fn fitting_gives_way_on_the_widest_column() {
        assert_eq!(fit_columns(&[3, 20, 4], &[1, 1, 1], 17), [3, 10, 4]);
        assert_eq!(fit_columns(&[3, 4], &[1, 1], 10), [3, 4]);
        assert_eq!(fit_columns(&[9, 9], &[2, 2], 5), [3, 2]);
    }
}
