//! The one table of keys → actions, used for dispatch and for the help.
//!
//! [`BINDINGS`] is data: each row names its keys, the [`Action`], a line of
//! help, the help section it is listed under and where it applies (a
//! [`Context`]: the panes, an open overlay, a prompt …). A [`Keymap`] is the
//! table in use, an owned value: the built-in rows with the config's keys
//! put in ([`Keymap::from_config`]). The app keeps it; [`Keymap::action_for`]
//! reads it to translate events, and the help overlay and the hints print
//! it. A two-key sequence (`zM`) is a row like any other: its first key
//! yields [`Action::Prefix`], the app remembers it, and the next key
//! completes or cancels it.
//!
//! This module knows actions and keys, nothing of the app's state: the app
//! says which [`Context`] its mode is in.

use std::borrow::Cow;

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use crate::action::Action;

mod custom;
pub mod help;
mod table;
pub use custom::{ACTIONS, action_named, parse_key};
pub use table::{BINDINGS, MOUSE_HELP};

/// One key, as the table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A character typed with or without Shift (`G` is `Char('G')`).
    Char(char),
    /// Ctrl and a letter.
    Ctrl(char),
    /// A named key (arrows, PgDn, Enter…).
    Code(KeyCode),
    /// Alt and a named key (Alt-←).
    Alt(KeyCode),
}

/// What is typed to trigger a binding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keys {
    /// A single key.
    One(Key),
    /// Two characters in a row (`zM`).
    Two(char, char),
}

/// What a key does while browsing, for the help's titles: the browsing
/// keys are many, so the help lists them in parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    /// Moving the selection or scrolling.
    Move,
    /// Folding the outline, the panes and the mouse.
    Fold,
    /// Searching: the prompt and the title picker.
    Search,
    /// Dates: the go-to-date prompt, the calendar, the history.
    Dates,
    /// Studying: review, on this day, revisiting.
    Study,
    /// The notebook: links, tags, tasks.
    Notebook,
    /// Everything else.
    Other,
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Everywhere, typing too (Ctrl-c, Ctrl-z, F1).
    Global,
    /// Wherever keys are not typed into something.
    NotTyping,
    /// While no overlay is open.
    Panes,
    /// While the help or the warnings are open.
    Overlay,
    /// While the help is open (and its filter not being typed).
    Help,
    /// Panes and overlays (not while typing into the prompt or picker).
    Both,
    /// While the search prompt is open; other characters are typed in.
    Prompt,
    /// While the title picker is open; other characters are typed in.
    Picker,
    /// While the go-to-date prompt is open; other characters are typed in.
    DatePrompt,
    /// While the calendar is open.
    Calendar,
    /// While reviewing cards.
    Review,
    /// While "on this day" is open.
    OnThisDay,
    /// While a filter is typed into the help; other characters are typed
    /// in.
    HelpFilter,
    /// While the links in view are numbered; digits are typed in.
    Hints,
    /// While the tag picker is open; other characters are typed in.
    Tags,
    /// While the task list is open.
    Tasks,
}

impl Context {
    /// True while keys are typed into something: a character not bound is
    /// text.
    pub fn typing(self) -> bool {
        matches!(
            self,
            Context::Prompt
                | Context::Picker
                | Context::DatePrompt
                | Context::HelpFilter
                | Context::Hints
                | Context::Tags
        )
    }

    /// How closely a binding of this context applies in context `now`,
    /// nearest first; `None` when it does not. A binding made for `now`
    /// wins over one shared with other contexts.
    pub(crate) fn reach(self, now: Context) -> Option<u8> {
        match self {
            c if c == now => Some(0),
            Context::Overlay if now == Context::Help => Some(1),
            Context::Both if matches!(now, Context::Panes | Context::Overlay | Context::Help) => {
                Some(1)
            }
            Context::NotTyping if !now.typing() => Some(2),
            Context::Global => Some(3),
            _ => None,
        }
    }
}

/// One row of the key table.
#[derive(Debug, Clone)]
pub struct Binding {
    /// Every way to type it.
    pub keys: Cow<'static, [Keys]>,
    /// What it does.
    pub action: Action,
    /// Its line in the help overlay.
    pub help: &'static str,
    /// Where it applies.
    pub context: Context,
    /// For a browsing key, the part of the help it is listed in.
    pub topic: Option<Topic>,
}

/// The key table in use: [`BINDINGS`], with the config's keys put in.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
    /// What putting the config's keys in took from the built-in keys, one
    /// line each (`keys.quit: j was the key of "down"; "down" keeps ↓`).
    warnings: Vec<String>,
}

impl Default for Keymap {
    /// The built-in table.
    fn default() -> Keymap {
        Keymap {
            bindings: BINDINGS.to_vec(),
            warnings: Vec::new(),
        }
    }
}

impl Keymap {
    /// Every row, in table order.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// What the config's keys took from the built-in ones.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// Maps a terminal event to an action in `context`; `pending` is the
    /// first key of a sequence typed before, if any.
    pub fn action_for(
        &self,
        event: &Event,
        context: Context,
        pending: Option<char>,
    ) -> Option<Action> {
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                self.key_action(key, context, pending)
            }
            Event::Mouse(mouse) => mouse_action(mouse),
            Event::Resize(width, height) => Some(Action::Resize {
                width: *width,
                height: *height,
            }),
            _ => None,
        }
    }

    fn key_action(
        &self,
        event: &KeyEvent,
        context: Context,
        pending: Option<char>,
    ) -> Option<Action> {
        let typing = context.typing();
        // The binding of `keys` that applies here, the nearest first.
        let bound = |keys: &Keys| -> Option<Action> {
            self.bindings
                .iter()
                .filter(|b| b.keys.contains(keys))
                .filter_map(|b| b.context.reach(context).map(|r| (r, b.action)))
                .min_by_key(|(r, _)| *r)
                .map(|(_, a)| a)
        };
        let key = key_of(event);
        if let Some(first) = pending {
            // The second key of a sequence completes it. Anything else does
            // what the first key does alone, if it does anything (`gg` is
            // still `g` when `gd` is bound), or cancels.
            let alone = || bound(&Keys::One(Key::Char(first))).unwrap_or(Action::Close);
            let second = match key {
                Some(Key::Char(c)) => Keys::Two(first, c),
                _ => return Some(alone()),
            };
            return Some(bound(&second).unwrap_or_else(alone));
        }
        let key = key?;
        if let (Key::Char(c), false) = (key, typing) {
            let starts = |k: &Keys| matches!(k, Keys::Two(a, _) if *a == c);
            let applies = |b: &&Binding| b.context.reach(context).is_some();
            if self
                .bindings
                .iter()
                .filter(applies)
                .any(|b| b.keys.iter().any(starts))
            {
                return Some(Action::Prefix(c));
            }
        }
        match (bound(&Keys::One(key)), key) {
            (None, Key::Char(c)) if typing => Some(Action::Input(c)),
            (action, _) => action,
        }
    }

    /// The first key bound to `action` outside overlays, for hints such as
    /// `? help`.
    pub fn key_label(&self, action: Action) -> String {
        self.bindings
            .iter()
            .filter(|b| b.context != Context::Overlay && b.action == action)
            .find_map(|b| b.keys.first())
            .map(label)
            .unwrap_or_default()
    }

    /// The first key bound to `action` where `context` is: what a hint of
    /// that mode names.
    pub fn key_in(&self, context: Context, action: Action) -> String {
        self.bindings
            .iter()
            .filter(|b| b.action == action && b.context.reach(context).is_some())
            .min_by_key(|b| b.context.reach(context))
            .and_then(|b| b.keys.first())
            .map(label)
            .unwrap_or_default()
    }

    /// `z: M fold all · R unfold all`: the sequences `first` starts, with
    /// their help.
    pub fn sequences_after(&self, first: char) -> Vec<String> {
        self.bindings
            .iter()
            .flat_map(|b| b.keys.iter().map(move |k| (k, b.help)))
            .filter_map(|(k, help)| match k {
                Keys::Two(a, b) if *a == first => Some(format!("{b} {help}")),
                _ => None,
            })
            .collect()
    }
}

/// The table's name for a key event; `None` for combinations it never
/// binds (Alt, Ctrl with a named key).
fn key_of(event: &KeyEvent) -> Option<Key> {
    let mods = event.modifiers - KeyModifiers::SHIFT;
    match (event.code, mods) {
        (KeyCode::Char(c), KeyModifiers::CONTROL) => Some(Key::Ctrl(c.to_ascii_lowercase())),
        (KeyCode::Char(c), KeyModifiers::NONE) => Some(Key::Char(c)),
        (code @ (KeyCode::Left | KeyCode::Right), KeyModifiers::ALT) => Some(Key::Alt(code)),
        (code, KeyModifiers::NONE) => Some(Key::Code(code)),
        _ => None,
    }
}

fn mouse_action(event: &MouseEvent) -> Option<Action> {
    let (column, row) = (event.column, event.row);
    match event.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
        MouseEventKind::ScrollDown => Some(Action::Wheel {
            column,
            row,
            dir: crate::action::Dir::Forward,
        }),
        MouseEventKind::ScrollUp => Some(Action::Wheel {
            column,
            row,
            dir: crate::action::Dir::Back,
        }),
        _ => None,
    }
}

/// How a key is written in the help and the status bar.
pub fn label(keys: &Keys) -> String {
    match keys {
        Keys::Two(a, b) => format!("{a}{b}"),
        Keys::One(Key::Char(' ')) => "Space".into(),
        Keys::One(Key::Char(c)) => c.to_string(),
        Keys::One(Key::Ctrl(c)) => format!("Ctrl-{c}"),
        Keys::One(Key::Alt(code)) => format!("Alt-{}", label(&Keys::One(Key::Code(*code)))),
        Keys::One(Key::Code(code)) => match code {
            KeyCode::Down => "↓".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::BackTab => "S-Tab".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            other => other.to_string(),
        },
    }
}

#[cfg(test)]
mod tests;
