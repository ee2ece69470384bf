use crossterm::event::{KeyEvent, KeyEventState, MouseEvent};

use super::*;

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

/// The action for `event` in the panes, with nothing pending.
fn in_panes(event: &Event) -> Option<Action> {
    Keymap::default().action_for(event, Context::Panes, None)
}

#[test]
fn letters_arrows_and_shifted_keys() {
    assert_eq!(in_panes(&typed('j')), Some(Action::Down));
    assert_eq!(
        in_panes(&key(KeyCode::Down, KeyModifiers::NONE)),
        Some(Action::Down)
    );
    assert_eq!(in_panes(&typed('G')), Some(Action::Bottom));
    assert_eq!(in_panes(&typed('}')), Some(Action::NextTopic));
    assert_eq!(in_panes(&typed('?')), Some(Action::Help));
    assert_eq!(in_panes(&typed(' ')), Some(Action::PageDown));
    assert_eq!(
        in_panes(&key(KeyCode::BackTab, KeyModifiers::SHIFT)),
        Some(Action::SwitchPane)
    );
    assert_eq!(in_panes(&typed('x')), None);
}

#[test]
fn control_keys_need_control_and_alt_is_ignored() {
    let ctrl = |c| key(KeyCode::Char(c), KeyModifiers::CONTROL);
    assert_eq!(in_panes(&ctrl('d')), Some(Action::HalfPageDown));
    assert_eq!(in_panes(&ctrl('u')), Some(Action::HalfPageUp));
    assert_eq!(in_panes(&ctrl('c')), Some(Action::Quit));
    assert_eq!(in_panes(&ctrl('z')), Some(Action::Suspend));
    assert_eq!(in_panes(&typed('d')), None);
    assert_eq!(in_panes(&key(KeyCode::Char('j'), KeyModifiers::ALT)), None);
}

#[test]
fn releases_are_not_presses() {
    let Event::Key(mut k) = typed('q') else {
        unreachable!()
    };
    k.kind = KeyEventKind::Release;
    assert_eq!(in_panes(&Event::Key(k)), None);
}

#[test]
fn z_waits_for_its_second_key() {
    let keymap = Keymap::default();
    let after_z = |e: &Event| keymap.action_for(e, Context::Panes, Some('z'));
    assert_eq!(in_panes(&typed('z')), Some(Action::Prefix('z')));
    assert_eq!(after_z(&typed('M')), Some(Action::FoldAll));
    assert_eq!(after_z(&typed('R')), Some(Action::UnfoldAll));
    // anything else cancels, and is not acted on
    assert_eq!(after_z(&typed('j')), Some(Action::Close));
    assert_eq!(
        after_z(&key(KeyCode::Esc, KeyModifiers::NONE)),
        Some(Action::Close)
    );
    assert_eq!(in_panes(&typed('-')), Some(Action::FoldAll));
}

#[test]
fn in_an_overlay_q_closes_and_scrolling_still_works() {
    let keymap = Keymap::default();
    let in_overlay = |e: &Event| keymap.action_for(e, Context::Overlay, None);
    for c in ['q', '!'] {
        assert_eq!(in_overlay(&typed(c)), Some(Action::Close), "{c}");
    }
    // `?` is the help's key everywhere: over the help it closes it.
    assert_eq!(in_overlay(&typed('?')), Some(Action::Help));
    assert_eq!(in_overlay(&typed('j')), Some(Action::Down));
    assert_eq!(in_overlay(&typed('G')), Some(Action::Bottom));
    assert_eq!(in_overlay(&typed(']')), None);
    let ctrl_c = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(in_overlay(&ctrl_c), Some(Action::Quit));
}

#[test]
fn mouse_and_resize_events() {
    let mouse = |kind| {
        Event::Mouse(MouseEvent {
            kind,
            column: 7,
            row: 3,
            modifiers: KeyModifiers::NONE,
        })
    };
    assert_eq!(
        in_panes(&mouse(MouseEventKind::ScrollDown)),
        Some(Action::Wheel {
            column: 7,
            row: 3,
            dir: crate::action::Dir::Forward
        })
    );
    assert_eq!(
        in_panes(&mouse(MouseEventKind::Down(MouseButton::Left))),
        Some(Action::Click { column: 7, row: 3 })
    );
    assert_eq!(in_panes(&mouse(MouseEventKind::Moved)), None);
    assert_eq!(
        in_panes(&Event::Resize(60, 20)),
        Some(Action::Resize {
            width: 60,
            height: 20
        })
    );
}

/// Every context a key can be looked up in.
const CONTEXTS: [Context; 11] = [
    Context::Panes,
    Context::Overlay,
    Context::Help,
    Context::Prompt,
    Context::Picker,
    Context::DatePrompt,
    Context::Calendar,
    Context::Review,
    Context::OnThisDay,
    Context::HelpFilter,
    Context::Global,
];

#[test]
fn no_key_means_two_things_at_once() {
    for context in CONTEXTS {
        // The rows a key is looked up in here, nearest first: two at the
        // same distance would be a guess.
        let mut seen: Vec<(Keys, u8)> = Vec::new();
        for b in BINDINGS.iter() {
            let Some(reach) = b.context.reach(context) else {
                continue;
            };
            for k in b.keys.iter() {
                assert!(
                    !seen.contains(&(*k, reach)),
                    "{} bound twice in {context:?}",
                    label(k)
                );
                seen.push((*k, reach));
            }
        }
        // a key that starts a sequence cannot also act alone
        for (k, _) in &seen {
            if let Keys::Two(a, _) = k {
                assert!(
                    !seen.iter().any(|(s, _)| *s == Keys::One(Key::Char(*a))),
                    "{a}"
                );
            }
        }
    }
}

#[test]
fn keys_that_work_anywhere_are_never_taken() {
    let global: Vec<Keys> = BINDINGS
        .iter()
        .filter(|b| b.context == Context::Global)
        .flat_map(|b| b.keys.iter().copied())
        .collect();
    for b in BINDINGS.iter().filter(|b| b.context != Context::Global) {
        for k in b.keys.iter() {
            assert!(!global.contains(k), "{} taken by {:?}", label(k), b.action);
        }
    }
    let keymap = Keymap::default();
    for context in CONTEXTS {
        let ctrl_c = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(
            keymap.action_for(&ctrl_c, context, None),
            Some(Action::Quit)
        );
        let f1 = key(KeyCode::F(1), KeyModifiers::NONE);
        assert_eq!(keymap.action_for(&f1, context, None), Some(Action::Help));
    }
}

#[test]
fn labels_read_like_the_keyboard() {
    let keymap = Keymap::default();
    let key_label = |a| keymap.key_label(a);
    assert_eq!(key_label(Action::Help), "?");
    assert_eq!(key_label(Action::Quit), "q");
    assert_eq!(key_label(Action::FoldAll), "zM");
    assert_eq!(key_label(Action::PageDown), "Space");
    assert_eq!(key_label(Action::HalfPageDown), "Ctrl-d");
    assert_eq!(key_label(Action::Close), "Esc");
    assert_eq!(label(&Keys::One(Key::Code(KeyCode::PageUp))), "PgUp");
}
