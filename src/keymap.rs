//! The one table of keys → actions, used for dispatch and for the help.
//!
//! STUB: in progress.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::app::{Action, App};

/// Maps a terminal event to an action, given the app's current mode.
pub fn action_for(event: &Event, app: &App) -> Option<Action> {
    let _ = app;
    match event {
        Event::Key(KeyEvent {
            code,
            modifiers,
            kind: KeyEventKind::Press,
            ..
        }) => match (code, *modifiers) {
            (KeyCode::Char('q'), _) => Some(Action::Quit),
            (KeyCode::Char('c'), KeyModifiers::CONTROL) => Some(Action::Quit),
            (KeyCode::Char('z'), KeyModifiers::CONTROL) => Some(Action::Suspend),
            (KeyCode::Char('j') | KeyCode::Down, _) => Some(Action::Down),
            (KeyCode::Char('k') | KeyCode::Up, _) => Some(Action::Up),
            _ => None,
        },
        _ => None,
    }
}
