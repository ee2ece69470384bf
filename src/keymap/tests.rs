use crossterm::event::{KeyEvent, KeyEventState, MouseEvent};

use super::*;
use crate::app::Overlay;
use crate::notes::Notebook;

fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent {
        code,
        modifiers,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    })
}

fn typed(c: char) -> Event {
    let shift = if c.is_ascii_uppercase() || "?{}!".contains(c) {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    key(KeyCode::Char(c), shift)
}

fn app() -> App {
    App::new(Notebook::default())
}

#[test]
fn letters_arrows_and_shifted_keys() {
    let app = app();
    assert_eq!(action_for(&typed('j'), &app), Some(Action::Down));
    assert_eq!(
        action_for(&key(KeyCode::Down, KeyModifiers::NONE), &app),
        Some(Action::Down)
    );
    assert_eq!(action_for(&typed('G'), &app), Some(Action::Bottom));
    assert_eq!(action_for(&typed('}'), &app), Some(Action::NextTopic));
    assert_eq!(action_for(&typed('?'), &app), Some(Action::Help));
    assert_eq!(action_for(&typed(' '), &app), Some(Action::PageDown));
    assert_eq!(
        action_for(&key(KeyCode::BackTab, KeyModifiers::SHIFT), &app),
        Some(Action::SwitchPane)
    );
    assert_eq!(action_for(&typed('x'), &app), None);
}

#[test]
fn control_keys_need_control_and_alt_is_ignored() {
    let app = app();
    let ctrl = |c| key(KeyCode::Char(c), KeyModifiers::CONTROL);
    assert_eq!(action_for(&ctrl('d'), &app), Some(Action::HalfPageDown));
    assert_eq!(action_for(&ctrl('u'), &app), Some(Action::HalfPageUp));
    assert_eq!(action_for(&ctrl('c'), &app), Some(Action::Quit));
    assert_eq!(action_for(&ctrl('z'), &app), Some(Action::Suspend));
    assert_eq!(action_for(&typed('d'), &app), None);
    assert_eq!(
        action_for(&key(KeyCode::Char('j'), KeyModifiers::ALT), &app),
        None
    );
}

#[test]
fn releases_are_not_presses() {
    let Event::Key(mut k) = typed('q') else {
        unreachable!()
    };
    k.kind = KeyEventKind::Release;
    assert_eq!(action_for(&Event::Key(k), &app()), None);
}

#[test]
fn z_waits_for_its_second_key() {
    let mut app = app();
    assert_eq!(action_for(&typed('z'), &app), Some(Action::Prefix('z')));
    app.update(Action::Prefix('z'));
    assert_eq!(action_for(&typed('M'), &app), Some(Action::FoldAll));
    assert_eq!(action_for(&typed('R'), &app), Some(Action::UnfoldAll));
    // anything else cancels, and is not acted on
    assert_eq!(action_for(&typed('j'), &app), Some(Action::Close));
    assert_eq!(
        action_for(&key(KeyCode::Esc, KeyModifiers::NONE), &app),
        Some(Action::Close)
    );
    app.update(Action::Close);
    assert_eq!(app.pending, None);
    assert_eq!(action_for(&typed('-'), &app), Some(Action::FoldAll));
}

#[test]
fn in_an_overlay_q_closes_and_scrolling_still_works() {
    let mut app = app();
    app.overlay = Some(Overlay::Help);
    for c in ['q', '?', '!'] {
        assert_eq!(action_for(&typed(c), &app), Some(Action::Close), "{c}");
    }
    assert_eq!(action_for(&typed('j'), &app), Some(Action::Down));
    assert_eq!(action_for(&typed('G'), &app), Some(Action::Bottom));
    assert_eq!(action_for(&typed(']'), &app), None);
    let ctrl_c = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(action_for(&ctrl_c, &app), Some(Action::Quit));
}

#[test]
fn mouse_and_resize_events() {
    let app = app();
    let mouse = |kind| {
        Event::Mouse(MouseEvent {
            kind,
            column: 7,
            row: 3,
            modifiers: KeyModifiers::NONE,
        })
    };
    assert_eq!(
        action_for(&mouse(MouseEventKind::ScrollDown), &app),
        Some(Action::Wheel {
            column: 7,
            row: 3,
            down: true
        })
    );
    assert_eq!(
        action_for(&mouse(MouseEventKind::Down(MouseButton::Left)), &app),
        Some(Action::Click { column: 7, row: 3 })
    );
    assert_eq!(action_for(&mouse(MouseEventKind::Moved), &app), None);
    assert_eq!(
        action_for(&Event::Resize(60, 20), &app),
        Some(Action::Resize {
            width: 60,
            height: 20
        })
    );
}

#[test]
fn no_key_means_two_things_at_once() {
    for context in [Context::Panes, Context::Overlay] {
        let mut seen: Vec<Keys> = Vec::new();
        for b in BINDINGS
            .iter()
            .filter(|b| b.context == context || b.context == Context::Both)
        {
            for k in b.keys {
                assert!(!seen.contains(k), "{} bound twice in {context:?}", label(k));
                seen.push(*k);
            }
        }
        // a key that starts a sequence cannot also act alone
        for k in &seen {
            if let Keys::Two(a, _) = k {
                assert!(!seen.contains(&Keys::One(Key::Char(*a))), "{a}");
            }
        }
    }
}

#[test]
fn labels_read_like_the_keyboard() {
    assert_eq!(key_label(Action::Help), "?");
    assert_eq!(key_label(Action::Quit), "q");
    assert_eq!(key_label(Action::FoldAll), "zM");
    assert_eq!(key_label(Action::PageDown), "Space");
    assert_eq!(key_label(Action::HalfPageDown), "Ctrl-d");
    assert_eq!(key_label(Action::Close), "Esc");
    assert_eq!(label(&Keys::One(Key::Code(KeyCode::PageUp))), "PgUp");
}
