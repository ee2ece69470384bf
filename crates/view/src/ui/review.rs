//! The review screen: the whole width above the status bar, the card's
//! question on top, its answer under a rule once shown (with how much of it
//! is out of view), the ratings and what each would schedule at the
//! bottom, in words as long as the width allows. Where each part goes is
//! [`layout::review_card`].
//!
//! ```text
//! ┌ Review ─────────────────────────────────────────── new card ┐
//! │                                                             │
//! │ 8.22 › 1. tcp握手 › 为什么需要三次握手？                      │  question
//! │ ─────────────────────────────────────────────────────────── │
//! │ - 防止失效连接请求被服务器接受                                │  answer (scrolls)
//! │ …                                                           │
//! │                                   ↓ 12 more · j PgDn End    │  what is out of view
//! │ 1 again today · 2 hard 2d · 3 good 3d · 4 easy 8d           │  keys
//! └─────────────────────────────────────────────────────────────┘
//! review 3/12 · 9 left today          Space show · 1-4 rate · u undo · Esc leave
//! ```
//!
//! Every line here is a function of the card and the width: a key added to
//! review (a new row of the key table with its hint in the status bar's
//! list) shows in the status bar without more.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear};

mod done;
mod status;
pub use status::draw_status;

use super::calendar_box::first_fitting;
use crate::app::review::Review;
use crate::app::{Action, App};
use crate::keymap::Context;
use crate::{layout, text};
use daynotes_core::review::sitting::Purpose;
use daynotes_core::review::{Phase, Rating};

/// Draws the review screen.
pub fn draw(frame: &mut Frame, app: &App, review: &Review) {
    let s = &review.sitting;
    let ui = &app.theme.ui;
    let size = frame.area();
    let outer = layout::review(size);
    if outer.height < 3 || outer.width < 6 {
        return;
    }
    frame.render_widget(Clear, outer);
    let current = s.current(&app.study.deck);
    let title = match s.purpose {
        Purpose::Schedule => " Review ",
        Purpose::Cram => " Cram ",
    };
    let block = Block::bordered()
        .border_style(ui.border_focused)
        .style(ui.overlay)
        .title(Line::from(title))
        .title_top(Line::from(card_state(app, current, s.purpose)).right_aligned());
    frame.render_widget(block, outer);
    let inside = layout::review_inner(size);
    if inside.height == 0 || inside.width == 0 {
        return;
    }
    let Some(i) = current else {
        return done::draw(frame, app, s, inside);
    };
    let rows = layout::review_card(inside, review.question.len());
    let width = usize::from(inside.width);
    let buf = frame.buffer_mut();
    let mut put = |area: Rect, lines: &[Line<'_>]| {
        for (y, line) in (area.y..area.bottom()).zip(lines) {
            buf.set_line(area.x, y, line, area.width);
        }
    };
    if let Some(context) = &review.context
        && rows.question.y > inside.y
    {
        put(
            Rect {
                height: 1,
                ..inside
            },
            std::slice::from_ref(context),
        );
    }
    // Titles cut short keep their end, which asks.
    let room = usize::from(rows.question.height);
    match &review.titles {
        Some(titles) if review.question.len() > room => {
            let end: Vec<Line> = tail_rows(titles, width, room)
                .into_iter()
                .map(|r| Line::styled(r, app.theme.md.topic_heading))
                .collect();
            put(rows.question, &end);
        }
        _ => put(rows.question, &review.question),
    }
    if let Some(rule) = rows.rule {
        put(rule, &[Line::styled("─".repeat(width), ui.border)]);
    }
    if s.revealed {
        let shown = usize::from(rows.answer.height);
        if review.answer.is_empty() {
            let none = Line::styled("(nothing is written under this title)", ui.dim);
            put(rows.answer, &[none]);
        }
        let answer: Vec<Line> = review
            .answer
            .iter()
            .skip(s.scroll)
            .take(shown)
            .cloned()
            .collect();
        put(rows.answer, &answer);
        let below = review.answer.len().saturating_sub(s.scroll + shown);
        if let Some(more) = rows.more
            && (s.scroll > 0 || below > 0)
        {
            put(more, &[out_of_view(app, s.scroll, below, width)]);
        }
    }
    let keys = if s.revealed {
        ratings(app, i, s.purpose, width)
    } else {
        let show = app.keymap.key_in(Context::Review, Action::Reveal);
        Line::from(vec![
            Span::styled(show, ui.key),
            Span::styled(" show the answer", ui.overlay),
        ])
    };
    put(rows.keys, &[keys]);
}

/// The end of `s` that fits in `rows` rows of `width` cells, wrapped,
/// `…` first.
fn tail_rows(s: &str, width: usize, rows: usize) -> Vec<String> {
    let mut max = width.saturating_mul(rows);
    loop {
        let rows_of = text::wrap(&text::tail(s, max), width);
        if rows_of.len() <= rows || max <= 1 {
            return rows_of;
        }
        max -= 1;
    }
}

/// ` new card `, ` learning `, ` due 3 days ago `: the card's state, on
/// the border (a cram's cards have none that matters).
fn card_state(app: &App, current: Option<usize>, purpose: Purpose) -> String {
    let deck = &app.study.deck;
    if purpose == Purpose::Cram {
        return String::new();
    }
    match current.map(|i| deck.memory(i)) {
        None => String::new(),
        Some(None) => " new card ".into(),
        Some(Some(m)) => match m.phase {
            Phase::Learning | Phase::Relearning => " learning ".into(),
            Phase::Review => {
                let late = app.review_today().since(m.due);
                if late > 0 {
                    format!(" due {late} day{} ago ", if late == 1 { "" } else { "s" })
                } else {
                    " due today ".into()
                }
            }
        },
    }
}

/// `↑ 3 above · ↓ 12 more · j PgDn End`, right-aligned: how much of the
/// answer is out of view, and the keys that bring it.
fn out_of_view(app: &App, above: usize, below: usize, width: usize) -> Line<'static> {
    let key = |a| app.keymap.key_in(Context::Review, a);
    let (down, page, end) = (
        key(Action::Down),
        key(Action::PageDown),
        key(Action::Bottom),
    );
    let mut parts = Vec::new();
    if above > 0 {
        parts.push(format!("↑ {above} above"));
    }
    if below > 0 {
        parts.push(format!("↓ {below} more"));
    }
    let counts = parts.join(" · ");
    let forms = [
        format!("{counts} · {down} {page} {end}"),
        format!("{counts} · {down}"),
        counts.clone(),
    ];
    let shown = first_fitting(&forms, width);
    let pad = width.saturating_sub(text::width(&shown));
    Line::from(vec![
        Span::raw(" ".repeat(pad)),
        Span::styled(shown, app.theme.ui.dim),
    ])
}

/// The ratings in the longest form that fits `width`: `1 again today · 2
/// hard 2d · 3 good 3d · 4 easy 8d`, else `1 again · 2 hard · 3 good · 4
/// easy`, else `1 now · 2 2d · 3 3d · 4 8d`, else `1-4 rate`. A cram's:
/// `1 again · 3 known`.
fn ratings(app: &App, card: usize, purpose: Purpose, width: usize) -> Line<'static> {
    let ui = &app.theme.ui;
    let key = |r| app.keymap.key_in(Context::Review, Action::Rate(r));
    let short = Line::from(vec![
        Span::styled("1-4", ui.key),
        Span::styled(" rate", ui.overlay),
    ]);
    if purpose == Purpose::Cram {
        let line = Line::from(vec![
            Span::styled(key(Rating::Again), ui.key),
            Span::styled(" again", ui.overlay),
            Span::styled(" · ", ui.dim),
            Span::styled(key(Rating::Good), ui.key),
            Span::styled(" known", ui.overlay),
        ]);
        return if line.width() <= width { line } else { short };
    }
    let days = app.study.deck.intervals(card, app.review_today());
    let when = |d: i64| match d {
        0 => "today".to_string(),
        d => interval(d),
    };
    let forms: [&dyn Fn(Rating, i64) -> (String, String); 3] = [
        &|r, d| (format!(" {}", r.name()), format!(" {}", when(d))),
        &|r, _| (format!(" {}", r.name()), String::new()),
        &|_, d| {
            (
                String::new(),
                format!(" {}", if d == 0 { "now".into() } else { interval(d) }),
            )
        },
    ];
    for form in forms {
        let mut spans = Vec::new();
        for (r, d) in Rating::ALL.into_iter().zip(days) {
            if !spans.is_empty() {
                spans.push(Span::styled(" · ", ui.dim));
            }
            let (name, after) = form(r, d);
            spans.push(Span::styled(key(r), ui.key));
            spans.push(Span::styled(name, ui.overlay));
            spans.push(Span::styled(after, ui.dim));
        }
        let line = Line::from(spans);
        if line.width() <= width {
            return line;
        }
    }
    short
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
