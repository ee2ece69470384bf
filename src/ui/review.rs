//! The review screen: the whole width above the status bar, the card's
//! prompt on top, its answer under a rule once shown, the ratings and what
//! each would schedule at the bottom.
//!
//! ```text
//! ┌ Review ─────────────────────────────────────────── new card ┐
//! │                                                             │
//! │ 8.22 › 1. tcp握手 › 为什么需要三次握手？                      │  prompt (3 rows)
//! │                                                             │
//! │ ─────────────────────────────────────────────────────────── │
//! │ - 防止失效连接请求被服务器接受                                │  answer (scrolls)
//! │ …                                                           │
//! │                                                             │
//! │ 1 again · 2 hard 2d · 3 good 3d · 4 easy 8d                 │  keys
//! └─────────────────────────────────────────────────────────────┘
//! review 3/12 · 9 left today          Space show · 1-4 rate · u undo · Esc leave
//! ```

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear};

use crate::app::review::Review;
use crate::app::{Action, App};
use crate::review::{Phase, Rating, Session};
use crate::{label, layout, text};

/// Draws the review screen.
pub fn draw(frame: &mut Frame, app: &App, review: &Review) {
    let s = &review.session;
    let ui = &app.theme.ui;
    let size = frame.area();
    let outer = layout::review(size);
    if outer.height < 3 || outer.width < 6 {
        return;
    }
    frame.render_widget(Clear, outer);
    let deck = &app.study.deck;
    let today = app.review_today();
    let current = s.current(deck);
    let state = match current.map(|i| deck.memory(i)) {
        None => String::new(),
        Some(None) => " new card ".into(),
        Some(Some(m)) => match m.phase {
            Phase::Learning | Phase::Relearning => " learning ".into(),
            Phase::Review => {
                let late = today.since(m.due);
                if late > 0 {
                    format!(" due {late} day{} ago ", if late == 1 { "" } else { "s" })
                } else {
                    " due today ".into()
                }
            }
        },
    };
    let block = Block::bordered()
        .border_style(ui.border_focused)
        .style(ui.overlay)
        .title(Line::from(" Review "))
        .title_top(Line::from(state).right_aligned());
    frame.render_widget(block, outer);
    let inside = layout::review_inner(size);
    if inside.height == 0 || inside.width == 0 {
        return;
    }
    let width = usize::from(inside.width);
    let mut rows: Vec<Line<'static>> = vec![Line::default()];
    let Some(i) = current else {
        return draw_done(frame, app, s, inside);
    };
    let card = &deck.cards[i];
    let prompt = label::breadcrumb(&app.notebook, card.node, app.dates.weekdays).join(" › ");
    let mut prompt_rows = text::wrap(&prompt, width);
    prompt_rows.truncate(usize::from(layout::REVIEW_PROMPT_ROWS));
    let pad = usize::from(layout::REVIEW_PROMPT_ROWS) - prompt_rows.len();
    rows.extend(
        prompt_rows
            .into_iter()
            .map(|r| Line::styled(r, app.theme.md.topic_heading)),
    );
    rows.extend(std::iter::repeat_n(Line::default(), pad));
    rows.push(Line::styled("─".repeat(width), ui.border));
    let answer_rows = layout::answer_rows(size);
    if s.revealed {
        if review.answer.is_empty() {
            rows.push(Line::styled(
                "(nothing is written under this title)",
                ui.dim,
            ));
        }
        rows.extend(
            review
                .answer
                .iter()
                .skip(s.scroll)
                .take(answer_rows)
                .cloned(),
        );
    }
    for (y, line) in (inside.y..inside.bottom()).zip(rows.iter()) {
        frame.buffer_mut().set_line(inside.x, y, line, inside.width);
    }
    let keys = if s.revealed {
        ratings(app, i)
    } else {
        Line::from(vec![
            Span::styled(app.keymap.key_label(Action::Reveal), ui.key),
            Span::styled(" show the answer", ui.overlay),
        ])
    };
    let y = inside.bottom().saturating_sub(1);
    frame
        .buffer_mut()
        .set_line(inside.x, y, &keys, inside.width);
}

/// `1 again · 2 hard 2d · 3 good 3d · 4 easy 8d`: each key, and when the
/// card would come back.
fn ratings(app: &App, card: usize) -> Line<'static> {
    let ui = &app.theme.ui;
    let days = app.study.deck.intervals(card, app.review_today());
    let mut spans = Vec::new();
    for (r, d) in Rating::ALL.into_iter().zip(days) {
        if !spans.is_empty() {
            spans.push(Span::styled(" · ", ui.dim));
        }
        spans.push(Span::styled(app.keymap.key_label(Action::Rate(r)), ui.key));
        let when = match d {
            0 => " today".to_string(),
            d => format!(" {}", interval(d)),
        };
        spans.push(Span::styled(format!(" {}", r.name()), ui.overlay));
        spans.push(Span::styled(when, ui.dim));
    }
    Line::from(spans)
}

/// `3d`, `5w`, `4mo`, `1.5y`.
pub fn interval(days: i64) -> String {
    match days {
        d if d < 14 => format!("{d}d"),
        d if d < 60 => format!("{}w", d / 7),
        d if d < 365 => format!("{}mo", d / 30),
        d => format!("{:.1}y", d as f64 / 365.0),
    }
}

/// Every card rated: what was done, and when the next is due.
fn draw_done(frame: &mut Frame, app: &App, s: &Session, inside: Rect) {
    let ui = &app.theme.ui;
    let rated = s.undoable();
    let next = (0..app.study.deck.cards.len())
        .filter_map(|i| app.study.deck.memory(i).map(|m| m.due))
        .filter(|d| *d > app.review_today())
        .min();
    let mut lines = vec![
        Line::default(),
        Line::styled(
            format!(
                "Done for today: {rated} rating{}.",
                if rated == 1 { "" } else { "s" }
            ),
            app.theme.md.topic_heading,
        ),
        Line::default(),
    ];
    if let Some(d) = next {
        lines.push(Line::styled(
            format!("The next card is due {d}."),
            ui.overlay,
        ));
    }
    lines.push(Line::from(vec![
        Span::styled(app.keymap.key_label(Action::Undo), ui.key),
        Span::styled(" takes the last rating back · ", ui.overlay),
        Span::styled(app.keymap.key_label(Action::Close), ui.key),
        Span::styled(" goes back to the notes", ui.overlay),
    ]));
    for (y, line) in (inside.y..inside.bottom()).zip(lines.iter()) {
        frame.buffer_mut().set_line(inside.x, y, line, inside.width);
    }
}

/// The status bar while reviewing: `review 3/12 · 9 left today` and the
/// keys.
pub fn draw_status(frame: &mut Frame, app: &App, review: &Review, area: Rect) {
    let s = &review.session;
    let ui = &app.theme.ui;
    let (n, total, left) = s.position();
    let left_text = match &app.message {
        Some(m) => format!(" {}", label::clean(&m.text)),
        None if s.done() => format!(" review done · {total} today"),
        None => format!(" review {n}/{total} · {left} left today"),
    };
    let style = match &app.message {
        Some(m) if m.error => ui.status_error,
        _ => ui.status,
    };
    let hints = format!(
        "{} show · 1-4 rate · {} undo · {} edit · {} leave ",
        app.keymap.key_label(Action::Reveal),
        app.keymap.key_label(Action::Undo),
        app.keymap.key_label(Action::Edit),
        app.keymap.key_label(Action::Close),
    );
    let width = usize::from(area.width);
    let left_text = text::truncate(&left_text, width).into_owned();
    let room = width.saturating_sub(text::width(&left_text) + 1);
    let hints = if text::width(&hints) <= room {
        hints
    } else {
        String::new()
    };
    let gap = width.saturating_sub(text::width(&left_text) + text::width(&hints));
    let line = Line::from(vec![
        Span::styled(left_text, style),
        Span::raw(" ".repeat(gap)),
        Span::raw(hints),
    ]);
    let buf = frame.buffer_mut();
    buf.set_style(area, ui.status);
    buf.set_line(area.x, area.y, &line.style(ui.status), area.width);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_read_short() {
        assert_eq!(interval(1), "1d");
        assert_eq!(interval(13), "13d");
        assert_eq!(interval(21), "3w");
        assert_eq!(interval(90), "3mo");
        assert_eq!(interval(548), "1.5y");
    }
}
