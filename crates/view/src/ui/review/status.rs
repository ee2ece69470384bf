//! The status bar while reviewing: where the review is (`review 3/12 · 9
//! left today`) and the keys that do something now, in as many words as
//! fit.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::review::Review;
use crate::app::{Action, App};
use crate::keymap::Context;
use crate::{label, text};
use daynotes_core::review::Rating;
use daynotes_core::review::sitting::Purpose;

/// The keys the status bar names while reviewing, with a word each, in
/// order; those that make no sense at the moment are left out.
const HINTS: &[(Action, &str)] = &[
    (Action::Reveal, "show"),
    (Action::Rate(Rating::Good), "rate"),
    (Action::Undo, "undo"),
    (Action::Close, "leave"),
    (Action::Skip, "skip"),
    (Action::Bury, "bury"),
    (Action::SuspendCard, "suspend"),
    (Action::Edit, "edit"),
];

/// The status bar while reviewing: `review 3/12 · 9 left today` and the
/// keys (once done, only those that still do something).
pub fn draw_status(frame: &mut Frame, app: &App, review: &Review, area: Rect) {
    let s = &review.sitting;
    let ui = &app.theme.ui;
    let (n, total, left) = s.position();
    let left_text = match &app.message {
        Some(m) => format!(" {}", label::clean(&m.text)),
        None => match s.purpose {
            Purpose::Schedule if s.done() => format!(" review done · {total} today"),
            Purpose::Schedule => format!(" review {n}/{total} · {left} left today"),
            Purpose::Cram if s.done() => format!(" cram done · {} cards", s.distinct()),
            Purpose::Cram => format!(
                " cram {n}/{total} · {left} left · {} known first try",
                s.known_first
            ),
        },
    };
    let style = match &app.message {
        Some(m) if m.tone == crate::app::Tone::Error => ui.status_error,
        _ => ui.status,
    };
    let hints: Vec<String> = HINTS
        .iter()
        .filter(|(a, _)| !s.done() || matches!(a, Action::Undo | Action::Close))
        .map(|&(a, word)| match a {
            Action::Rate(_) => format!("1-4 {word}"),
            _ => format!("{} {word}", app.keymap.key_in(Context::Review, a)),
        })
        .collect();
    let help = format!("{} help", app.keymap.key_in(Context::Review, Action::Help));
    let width = usize::from(area.width);
    let left_text = text::truncate(&left_text, width).into_owned();
    let room = width.saturating_sub(text::width(&left_text) + 1);
    // All the hints, else as many as fit in order and where the rest are,
    // else that alone.
    let mut forms = vec![hints.join(" · ")];
    for n in (1..hints.len()).rev() {
        let mut some = hints[..n].to_vec();
        some.push(help.clone());
        forms.push(some.join(" · "));
    }
    forms.push(help);
    let hints = forms
        .into_iter()
        .map(|f| format!("{f} "))
        .find(|f| text::width(f) <= room)
        .unwrap_or_default();
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
