//! The screen once every card of the sitting is seen to: how many cards
//! were reviewed and how long it took, when the next card is due, new
//! cards waiting for tomorrow because of the day's allowance, suspended
//! cards; for a cram, how many were known on the first try. No rating is
//! offered: there is nothing left to rate.
//!
//! ```text
//! Done for today: 11 cards reviewed in 4 min (13 ratings).
//!
//! The next card is due 2025-08-25, in 3 days.
//! 2 new cards wait for tomorrow: 20 new a day (review.new_per_day).
//!
//! u takes the last step back · Esc goes back to the notes
//! ```

use std::time::Duration;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::{Action, App};
use crate::keymap::Context;
use crate::text;
use daynotes_core::review::Sitting;
use daynotes_core::review::sitting::Purpose;

/// Draws the done screen in `inside`.
pub fn draw(frame: &mut Frame, app: &App, s: &Sitting, inside: Rect) {
    let ui = &app.theme.ui;
    let width = usize::from(inside.width);
    let said = match s.purpose {
        Purpose::Schedule => review_words(app, s),
        Purpose::Cram => cram_words(s),
    };
    let mut lines = Vec::new();
    if inside.height > 4 {
        lines.push(Line::default());
    }
    for (i, words) in said.iter().enumerate() {
        let style = if i == 0 {
            app.theme.md.topic_heading
        } else {
            ui.overlay
        };
        lines.extend(
            text::wrap(words, width)
                .into_iter()
                .map(|r| Line::styled(r, style)),
        );
        if i == 0 && inside.height > 6 {
            lines.push(Line::default());
        }
    }
    if inside.height > 6 {
        lines.push(Line::default());
    }
    let (undo, close) = (
        app.keymap.key_in(Context::Review, Action::Undo),
        app.keymap.key_in(Context::Review, Action::Close),
    );
    let words = [
        (" takes the last step back · ", " goes back to the notes"),
        (" undo · ", " back to the notes"),
        (" undo · ", " leave"),
    ];
    let fits = |(a, b): &(&str, &str)| text::width(&format!("{undo}{a}{close}{b}")) <= width;
    let (a, b) = words.iter().find(|w| fits(w)).unwrap_or(&words[2]);
    let keys = Line::from(vec![
        Span::styled(undo, ui.key),
        Span::styled(*a, ui.overlay),
        Span::styled(close, ui.key),
        Span::styled(*b, ui.overlay),
    ]);
    // The keys stay on the last row whatever the words took.
    let rows = usize::from(inside.height);
    lines.truncate(rows.saturating_sub(1));
    for (y, line) in (inside.y..inside.bottom()).zip(lines.iter()) {
        frame.buffer_mut().set_line(inside.x, y, line, inside.width);
    }
    let y = (inside.y + u16::try_from(lines.len()).unwrap_or(0)).min(inside.bottom() - 1);
    frame
        .buffer_mut()
        .set_line(inside.x, y, &keys, inside.width);
}

/// What a review did, and what comes next.
fn review_words(app: &App, s: &Sitting) -> Vec<String> {
    let deck = &app.study.deck;
    let today = app.review_today();
    let (cards, ratings) = (s.reviewed(), s.ratings());
    let mut said = vec![format!(
        "Done for today: {cards} card{} reviewed {}{}.",
        plural(cards),
        took(s.took()),
        if ratings > cards {
            format!(" ({ratings} ratings)")
        } else {
            String::new()
        }
    )];
    if let Some(d) = deck.next_due(today) {
        let days = d.since(today);
        let when = if days == 1 {
            "tomorrow".to_string()
        } else {
            format!("in {days} days")
        };
        said.push(format!("The next card is due {d}, {when}."));
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
    if stats.suspended > 0 {
        said.push(format!(
            "{} card{} suspended (daynotes review --list --suspended).",
            stats.suspended,
            if stats.suspended == 1 { " is" } else { "s are" }
        ));
    }
    said
}

/// What a cram did.
fn cram_words(s: &Sitting) -> Vec<String> {
    let cards = s.distinct();
    let share = (s.known_first * 100).checked_div(cards).unwrap_or(0);
    vec![
        format!(
            "Cram done: {cards} card{}, {} known on the first try ({share} %), {}.",
            plural(cards),
            s.known_first,
            took(s.took())
        ),
        "Nothing was rated in the schedule.".into(),
    ]
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `in under a minute`, `in 4 min`, `in 1 h 5 min`.
fn took(d: Option<Duration>) -> String {
    let secs = d.unwrap_or_default().as_secs();
    match secs {
        0..60 => "in under a minute".into(),
        60..3600 => format!("in {} min", secs / 60),
        _ => format!("in {} h {} min", secs / 3600, secs % 3600 / 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_short() {
        assert_eq!(took(None), "in under a minute");
        assert_eq!(took(Some(Duration::from_secs(59))), "in under a minute");
        assert_eq!(took(Some(Duration::from_secs(250))), "in 4 min");
        assert_eq!(took(Some(Duration::from_secs(3900))), "in 1 h 5 min");
    }
}
