//! What the month and the year view share: the marks of the heat levels
//! and their legend, the box (bordered when the screen has room for a
//! border), and the choice of rows when the screen is short: each row says
//! how much it matters, and the rows that matter most are kept, in their
//! order.
//!
//! ```text
//! rows wanted            kept in 5 rows (the cursor's week first)
//!   Mo Tu We …             Mo Tu We …
//!   week 1                 week 3
//!   week 2                 week 4  ◄ cursor
//!   week 3                 8.22 Fri · 3 topics
//!   week 4  ◄ cursor       less ░ ▒ ▓ █ more
//!   …
//! ```

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::app::App;
use crate::theme::UiStyles;

/// One mark per heat level, each filling more of its cell than the one
/// before: the glyph tells the levels apart where colour cannot.
pub const MARKS: [&str; 5] = ["·", "░", "▒", "▓", "█"];

/// A row of a calendar box and how much it matters: rows of lower
/// `keep` go first when the box is short.
pub struct Row {
    /// How much it matters.
    pub keep: u16,
    /// What it shows.
    pub line: Line<'static>,
}

impl Row {
    /// A row that matters `keep` much.
    pub fn new(keep: u16, line: Line<'static>) -> Row {
        Row { keep, line }
    }
}

/// The rows that matter most, as many as `height` holds, in their order.
pub fn fit(rows: Vec<Row>, height: usize) -> Vec<Line<'static>> {
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(rows[i].keep));
    let mut kept = vec![false; rows.len()];
    for &i in order.iter().take(height) {
        kept[i] = true;
    }
    rows.into_iter()
        .zip(kept)
        .filter_map(|(r, k)| k.then_some(r.line))
        .collect()
}

/// `less ░ ▒ ▓ █ more`: the marks from level `from` up, each as the
/// calendar draws it.
pub fn legend(ui: &UiStyles, from: usize) -> Line<'static> {
    let mut spans = vec![Span::styled(" less ", ui.dim)];
    for (style, mark) in ui.heat.into_iter().zip(MARKS).skip(from) {
        spans.push(Span::styled(mark, style));
        spans.push(Span::raw(" "));
    }
    spans.push(Span::styled("more", ui.dim));
    Line::from(spans)
}

/// The first of `forms` (longest first) that fits `width` cells, else the
/// last cut to fit.
pub fn first_fitting(forms: &[String], width: usize) -> String {
    forms
        .iter()
        .find(|f| crate::text::width(f) <= width)
        .or(forms.last())
        .map(|f| crate::text::truncate(f, width).into_owned())
        .unwrap_or_default()
}

/// Draws the box of a calendar view: `inner_width`×`inner_height` inside a
/// border, centred above the status line and cut to the screen; without
/// the border when the screen is too small to give it room. `footer` is
/// the longest of the key hints on the bottom border that fits. Returns
/// the rect inside, empty when nothing fits.
pub fn frame(
    frame: &mut Frame,
    app: &App,
    title: &str,
    footer: &[String],
    inner_width: u16,
    inner_height: u16,
) -> Rect {
    let area = frame.area();
    let above = area.height.saturating_sub(1);
    let bordered = above >= 6 && area.width >= 22;
    let pad = if bordered { 2 } else { 0 };
    let boxed = crate::layout::centred_box(area, inner_width + pad, inner_height + pad);
    if boxed.is_empty() {
        return boxed;
    }
    super::overlay::clear(frame, boxed);
    if !bordered {
        frame.buffer_mut().set_style(boxed, app.theme.ui.overlay);
        return boxed;
    }
    let room = usize::from(boxed.width.saturating_sub(2));
    let title = crate::text::truncate(title, room).into_owned();
    let footer = first_fitting(footer, room);
    let block = Block::bordered()
        .border_style(app.theme.ui.border_focused)
        .style(app.theme.ui.overlay)
        .title(Line::from(title))
        .title_bottom(Line::from(footer).centered());
    let inner = block.inner(boxed);
    frame.render_widget(block, boxed);
    inner
}

/// Draws a calendar view: its box ([`frame`]) and inside it the rows that
/// `rows` makes for the inner width, the most important kept when they do
/// not all fit ([`fit`]).
pub fn draw(
    frame: &mut Frame,
    app: &App,
    (title, footer): (&str, &[String]),
    inner: (u16, u16),
    rows: impl FnOnce(u16) -> Vec<Row>,
) {
    let area = self::frame(frame, app, title, footer, inner.0, inner.1);
    if area.is_empty() {
        return;
    }
    let lines = fit(rows(area.width), usize::from(area.height));
    frame.render_widget(Paragraph::new(lines), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rows_that_matter_most_are_kept_in_order() {
        let rows = (0..5)
            .map(|i| Row::new([1, 5, 3, 9, 2][i], Line::from(i.to_string())))
            .collect();
        let kept: Vec<String> = fit(rows, 3).iter().map(ToString::to_string).collect();
        assert_eq!(kept, ["1", "2", "3"]);
    }

    #[test]
    fn the_longest_form_that_fits() {
        let forms = ["a long form".to_string(), "short".into()];
        assert_eq!(first_fitting(&forms, 20), "a long form");
        assert_eq!(first_fitting(&forms, 6), "short");
        assert_eq!(first_fitting(&forms, 3), "sh…");
    }
}
