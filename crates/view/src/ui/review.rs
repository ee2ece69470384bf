//! The review screen: the whole width above the status bar, the card's
//! prompt on top, its answer under a rule once shown (with how much of it
//! is out of view), the ratings and what each would schedule at the
//! bottom, in words as long as the width allows.
//!
//! ```text
//! ┌ Review ─────────────────────────────────────────── new card ┐
//! │                                                             │
//! │ 8.22 › 1. tcp握手 › 为什么需要三次握手？                      │  prompt (3 rows)
//! │                                                             │
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
//! review (a new row of the key table with its hint in [`HINTS`]) shows in
//! the status bar without more.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear};

mod status;
pub use status::draw_status;

use super::calendar_box::first_fitting;
use crate::app::review::Review;
use crate::app::{Action, App};
use crate::keymap::Context;
use crate::{label, layout, text};
use daynotes_core::review::{Phase, Rating, Session};

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
    let current = s.current(&app.study.deck);
    let block = Block::bordered()
        .border_style(ui.border_focused)
        .style(ui.overlay)
        .title(Line::from(" Review "))
        .title_top(Line::from(card_state(app, current)).right_aligned());
    frame.render_widget(block, outer);
    let inside = layout::review_inner(size);
    if inside.height == 0 || inside.width == 0 {
        return;
    }
    let Some(i) = current else {
        return draw_done(frame, app, s, inside);
    };
    let rows = card_rows(app, review, i, inside);
    for (y, line) in (inside.y..inside.bottom()).zip(rows.iter()) {
        frame.buffer_mut().set_line(inside.x, y, line, inside.width);
    }
    let keys = if s.revealed {
        ratings(app, i, usize::from(inside.width))
    } else {
        let show = app.keymap.key_in(Context::Review, Action::Reveal);
        Line::from(vec![
            Span::styled(show, ui.key),
            Span::styled(" show the answer", ui.overlay),
        ])
    };
    let y = inside.bottom().saturating_sub(1);
    frame
        .buffer_mut()
        .set_line(inside.x, y, &keys, inside.width);
}

/// ` new card `, ` learning `, ` due 3 days ago `: the card's state, on
/// the border.
fn card_state(app: &App, current: Option<usize>) -> String {
    let deck = &app.study.deck;
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

/// The card's rows above the keys: a blank, the prompt, the rule, then the
/// answer once shown, and on the row before the keys what of the answer is
/// out of view.
fn card_rows(app: &App, review: &Review, card: usize, inside: Rect) -> Vec<Line<'static>> {
    let ui = &app.theme.ui;
    let s = &review.session;
    let width = usize::from(inside.width);
    let card = &app.study.deck.cards[card];
    let prompt = label::breadcrumb(&app.notebook, card.node, app.dates.weekdays).join(" › ");
    let mut prompt_rows = text::wrap(&prompt, width);
    prompt_rows.truncate(usize::from(layout::REVIEW_PROMPT_ROWS));
    let pad = usize::from(layout::REVIEW_PROMPT_ROWS) - prompt_rows.len();
    let mut rows: Vec<Line<'static>> = vec![Line::default()];
    rows.extend(
        prompt_rows
            .into_iter()
            .map(|r| Line::styled(r, app.theme.md.topic_heading)),
    );
    rows.extend(std::iter::repeat_n(Line::default(), pad));
    rows.push(Line::styled("─".repeat(width), ui.border));
    if !s.revealed {
        return rows;
    }
    let shown = layout::answer_rows(app.size);
    if review.answer.is_empty() {
        rows.push(Line::styled(
            "(nothing is written under this title)",
            ui.dim,
        ));
    }
    rows.extend(review.answer.iter().skip(s.scroll).take(shown).cloned());
    let above = s.scroll;
    let below = review.answer.len().saturating_sub(s.scroll + shown);
    if above > 0 || below > 0 {
        rows.extend(std::iter::repeat_n(
            Line::default(),
            (layout::REVIEW_PROMPT_ROWS as usize + 2 + shown).saturating_sub(rows.len()),
        ));
        rows.push(out_of_view(app, above, below, width));
    }
    rows
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
/// easy`, else `1 now · 2 2d · 3 3d · 4 8d`, else `1-4 rate`.
fn ratings(app: &App, card: usize, width: usize) -> Line<'static> {
    let ui = &app.theme.ui;
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
            spans.push(Span::styled(
                app.keymap.key_in(Context::Review, Action::Rate(r)),
                ui.key,
            ));
            spans.push(Span::styled(name, ui.overlay));
            spans.push(Span::styled(after, ui.dim));
        }
        let line = Line::from(spans);
        if line.width() <= width {
            return line;
        }
    }
    Line::from(vec![
        Span::styled("1-4", ui.key),
        Span::styled(" rate", ui.overlay),
    ])
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

/// Every card rated: what was done, when the next is due, and new cards
/// that wait for tomorrow because of the day's allowance. No ratings: there
/// is nothing left to rate.
fn draw_done(frame: &mut Frame, app: &App, s: &Session, inside: Rect) {
    let ui = &app.theme.ui;
    let deck = &app.study.deck;
    let today = app.review_today();
    let rated = s.undoable();
    let next = (0..deck.cards.len())
        .filter_map(|i| deck.memory(i).map(|m| m.due))
        .filter(|d| *d > today)
        .min();
    let width = usize::from(inside.width);
    let mut said = vec![format!(
        "Done for today: {rated} rating{}.",
        if rated == 1 { "" } else { "s" }
    )];
    if let Some(d) = next {
        said.push(format!("The next card is due {d}."));
    }
    let stats = deck.stats(today);
    let waiting = stats.new.saturating_sub(stats.new_today);
    if waiting > 0 && deck.new_left(today) == 0 {
        let s = if waiting == 1 { " waits" } else { "s wait" };
        said.push(format!(
            "{waiting} new card{s} for tomorrow: {} new a day (review.new_per_day).",
            deck.settings.new_per_day
        ));
    }
    let mut lines = vec![Line::default()];
    for (i, text) in said.iter().enumerate() {
        let style = if i == 0 {
            app.theme.md.topic_heading
        } else {
            ui.overlay
        };
        lines.extend(
            text::wrap(text, width)
                .into_iter()
                .map(|r| Line::styled(r, style)),
        );
        if i == 0 {
            lines.push(Line::default());
        }
    }
    lines.push(Line::default());
    let (undo, close) = (
        app.keymap.key_in(Context::Review, Action::Undo),
        app.keymap.key_in(Context::Review, Action::Close),
    );
    let words = [
        (" takes the last rating back · ", " goes back to the notes"),
        (" undo · ", " back to the notes"),
        (" undo · ", " leave"),
    ];
    let fits = |(a, b): &(&str, &str)| text::width(&format!("{undo}{a}{close}{b}")) <= width;
    let (a, b) = words.iter().find(|w| fits(w)).unwrap_or(&words[2]);
    lines.push(Line::from(vec![
        Span::styled(undo, ui.key),
        Span::styled(*a, ui.overlay),
        Span::styled(close, ui.key),
        Span::styled(*b, ui.overlay),
    ]));
    for (y, line) in (inside.y..inside.bottom()).zip(lines.iter()) {
        frame.buffer_mut().set_line(inside.x, y, line, inside.width);
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
