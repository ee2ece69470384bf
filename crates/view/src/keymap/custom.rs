//! Keys from the config: the names of actions and keys as a user writes
//! them, and the key table in use — [`BINDINGS`] with the user's keys put
//! in ([`Keymap::from_config`]).
//!
//! ```yaml
//! keys:
//!   quit: [q, Ctrl-q]
//!   go-to-date: [":", "gd"]
//!   history-forward: [Alt-Right]
//! ```
//!
//! An override replaces the keys of the action where it applies in the panes
//! (and overlays); a key it takes from another action is taken away there,
//! so a key never does two things. The help overlay and the status bar read
//! the app's keymap, so they show the keys in use.

use std::borrow::Cow;
use std::collections::BTreeMap;

use crossterm::event::KeyCode;

use super::{BINDINGS, Binding, Context, Key, Keymap, Keys};
use crate::action::Action;
use daynotes_core::config::EntryError;

/// The actions a config may bind, by name.
pub const ACTIONS: &[(&str, Action)] = &[
    ("down", Action::Down),
    ("up", Action::Up),
    ("page-down", Action::PageDown),
    ("page-up", Action::PageUp),
    ("half-page-down", Action::HalfPageDown),
    ("half-page-up", Action::HalfPageUp),
    ("top", Action::Top),
    ("bottom", Action::Bottom),
    ("left", Action::Left),
    ("right", Action::Right),
    ("toggle", Action::Toggle),
    ("switch-pane", Action::SwitchPane),
    ("next-day", Action::NextDay),
    ("prev-day", Action::PrevDay),
    ("next-topic", Action::NextTopic),
    ("prev-topic", Action::PrevTopic),
    ("fold-all", Action::FoldAll),
    ("unfold-all", Action::UnfoldAll),
    ("search", Action::SearchStart),
    ("filter", Action::FilterStart),
    ("next-hit", Action::NextHit),
    ("prev-hit", Action::PrevHit),
    ("picker", Action::PickerOpen),
    ("go-to-date", Action::DatePromptOpen),
    ("calendar", Action::CalendarOpen),
    ("review", Action::ReviewStart),
    ("cram", Action::CramStart),
    ("on-this-day", Action::OnThisDay),
    ("revisit", Action::Revisit),
    ("history-back", Action::HistoryBack),
    ("history-forward", Action::HistoryForward),
    ("reload", Action::Reload),
    ("edit", Action::Edit),
    ("copy-topic", Action::CopyTopic),
    ("copy-path", Action::CopyPath),
    ("timings", Action::ToggleTimings),
    ("links", Action::LinksFollow),
    ("links-open", Action::LinksOpen),
    ("tags", Action::TagPicker),
    ("tasks", Action::TasksOpen),
    ("help", Action::Help),
    ("wider-outline", Action::WiderOutline),
    ("narrower-outline", Action::NarrowerOutline),
    ("warnings", Action::Warnings),
    ("quit", Action::Quit),
    ("suspend", Action::Suspend),
];

impl Keymap {
    /// [`BINDINGS`] with the config's `keys` put in. The error names the
    /// action or key that cannot be read and what would be. A key taken
    /// from another action is said in [`Keymap::warnings`], with what that
    /// action keeps.
    pub fn from_config(keys: &BTreeMap<String, Vec<String>>) -> Result<Keymap, EntryError> {
        let mut table = BINDINGS.to_vec();
        let mut warnings = Vec::new();
        for (name, written) in keys {
            let action = action_named(name).ok_or_else(|| {
                let names: Vec<&str> = ACTIONS.iter().map(|(n, _)| *n).collect();
                let msg = format!(
                    "keys: unknown action {name:?}; actions: {}",
                    names.join(", ")
                );
                EntryError::new(name, msg)
            })?;
            let mut new: Vec<Keys> = Vec::new();
            for k in written {
                let key =
                    parse_key(k).map_err(|e| EntryError::new(name, format!("keys.{name}: {e}")))?;
                new.push(key);
            }
            // The rows rebound: the action's rows where browsing reaches
            // (those that work anywhere when it has no other).
            let main =
                |c: Context| matches!(c, Context::Panes | Context::Both | Context::NotTyping);
            let has_main = table.iter().any(|b| b.action == action && main(b.context));
            let ours = |b: &Binding| {
                b.action == action
                    && (main(b.context) || (!has_main && b.context == Context::Global))
            };
            if !table.iter().any(ours) {
                let msg = format!("keys: {name:?} cannot be rebound");
                return Err(EntryError::new(name, msg));
            }
            let mut placed = false;
            for b in &mut table {
                if ours(b) {
                    b.keys = if placed {
                        Cow::Borrowed(&[])
                    } else {
                        Cow::Owned(new.clone())
                    };
                    placed = true;
                    continue;
                }
                let shares = main(b.context) || b.context == Context::Global;
                let taken: Vec<Keys> = b.keys.iter().filter(|k| new.contains(k)).copied().collect();
                if !shares || taken.is_empty() {
                    continue;
                }
                let kept: Vec<Keys> = b
                    .keys
                    .iter()
                    .filter(|k| !new.contains(k))
                    .copied()
                    .collect();
                warnings.push(clash(name, &taken, b, &kept));
                b.keys = Cow::Owned(kept);
            }
        }
        table.retain(|b| !b.keys.is_empty());
        Ok(Keymap {
            bindings: table,
            warnings,
        })
    }
}

/// `keys.quit: j was the key of "down"; "down" keeps ↓` (or `has no key
/// now`).
fn clash(name: &str, taken: &[Keys], from: &Binding, kept: &[Keys]) -> String {
    let other = ACTIONS
        .iter()
        .find(|(_, a)| *a == from.action)
        .map_or(from.help, |(n, _)| n);
    let taken: Vec<String> = taken.iter().map(super::label).collect();
    let was = if taken.len() == 1 { "was" } else { "were" };
    let keeps = if kept.is_empty() {
        "has no key now".to_string()
    } else {
        let kept: Vec<String> = kept.iter().map(super::label).collect();
        format!("keeps {}", kept.join(" "))
    };
    format!(
        "keys.{name}: {} {was} the key of {other:?}; {other:?} {keeps}",
        taken.join(" ")
    )
}

/// The action a config calls `name`.
pub fn action_named(name: &str) -> Option<Action> {
    ACTIONS.iter().find(|(n, _)| *n == name).map(|&(_, a)| a)
}

/// Reads a key as the help writes it: `j`, `G`, `:`, `Space`, `Ctrl-o`,
/// `Alt-Left`, `PgDn`, `Enter`, `Esc`, `Tab`, `F5`, or two characters in a
/// row (`zM`, `gd`).
pub fn parse_key(s: &str) -> Result<Keys, String> {
    let hint = "keys look like j, G, Space, Ctrl-o, Alt-Left, PgDn, Enter, Esc, Tab, F5, zM";
    let lower = s.to_ascii_lowercase();
    let chars: Vec<char> = s.chars().collect();
    if let [c] = chars.as_slice() {
        return Ok(Keys::One(Key::Char(*c)));
    }
    for prefix in ["ctrl-", "c-"] {
        if let Some(rest) = lower.strip_prefix(prefix) {
            let mut cs = rest.chars();
            return match (cs.next(), cs.next()) {
                (Some(c), None) if c.is_ascii_alphabetic() => Ok(Keys::One(Key::Ctrl(c))),
                _ => Err(format!("{s:?}: Ctrl goes with a letter; {hint}")),
            };
        }
    }
    for prefix in ["alt-", "a-", "m-"] {
        if let Some(rest) = lower.strip_prefix(prefix) {
            return match named(rest) {
                Some(code @ (KeyCode::Left | KeyCode::Right)) => Ok(Keys::One(Key::Alt(code))),
                _ => Err(format!("{s:?}: Alt goes with Left or Right; {hint}")),
            };
        }
    }
    match (named(&lower), chars.as_slice()) {
        (Some(KeyCode::Char(c)), _) => Ok(Keys::One(Key::Char(c))),
        (Some(code), _) => Ok(Keys::One(Key::Code(code))),
        (None, &[a, b]) if a != '-' && b != '-' => Ok(Keys::Two(a, b)),
        _ => Err(format!("unknown key {s:?}; {hint}")),
    }
}

/// A named key, lowercase.
fn named(s: &str) -> Option<KeyCode> {
    Some(match s {
        "space" => KeyCode::Char(' '),
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "s-tab" | "backtab" | "shift-tab" => KeyCode::BackTab,
        "backspace" | "bs" => KeyCode::Backspace,
        "up" | "↑" => KeyCode::Up,
        "down" | "↓" => KeyCode::Down,
        "left" | "←" => KeyCode::Left,
        "right" | "→" => KeyCode::Right,
        "pgup" | "pageup" => KeyCode::PageUp,
        "pgdn" | "pagedown" => KeyCode::PageDown,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "delete" | "del" => KeyCode::Delete,
        "insert" | "ins" => KeyCode::Insert,
        _ => {
            let n: u8 = s.strip_prefix('f')?.parse().ok()?;
            return (1..=12).contains(&n).then_some(KeyCode::F(n));
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(pairs: &[(&str, &[&str])]) -> BTreeMap<String, Vec<String>> {
        pairs
            .iter()
            .map(|(a, ks)| (a.to_string(), ks.iter().map(|k| k.to_string()).collect()))
            .collect()
    }

    #[test]
    fn keys_read_as_the_help_writes_them() {
        let one = |k| Keys::One(k);
        assert_eq!(parse_key("j"), Ok(one(Key::Char('j'))));
        assert_eq!(parse_key("G"), Ok(one(Key::Char('G'))));
        assert_eq!(parse_key(":"), Ok(one(Key::Char(':'))));
        assert_eq!(parse_key("Space"), Ok(one(Key::Char(' '))));
        assert_eq!(parse_key("Ctrl-o"), Ok(one(Key::Ctrl('o'))));
        assert_eq!(parse_key("C-O"), Ok(one(Key::Ctrl('o'))));
        assert_eq!(parse_key("Alt-Left"), Ok(one(Key::Alt(KeyCode::Left))));
        assert_eq!(parse_key("PgDn"), Ok(one(Key::Code(KeyCode::PageDown))));
        assert_eq!(parse_key("enter"), Ok(one(Key::Code(KeyCode::Enter))));
        assert_eq!(parse_key("F5"), Ok(one(Key::Code(KeyCode::F(5)))));
        assert_eq!(parse_key("zM"), Ok(Keys::Two('z', 'M')));
        assert_eq!(parse_key("gd"), Ok(Keys::Two('g', 'd')));
        for bad in ["Ctrl-", "Ctrl-Up", "Alt-x", "Hyper-j", "F13", "abc", ""] {
            assert!(parse_key(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn an_override_replaces_the_keys_and_takes_them_from_others() {
        let keymap = Keymap::from_config(&map(&[("quit", &["x"]), ("help", &["q"])])).unwrap();
        let keys_of = |a: Action| -> Vec<Keys> {
            keymap
                .bindings()
                .iter()
                .filter(|b| b.action == a)
                .filter(|b| matches!(b.context, Context::Panes | Context::NotTyping))
                .flat_map(|b| b.keys.iter().copied())
                .collect()
        };
        assert_eq!(keys_of(Action::Quit), [Keys::One(Key::Char('x'))]);
        assert_eq!(keys_of(Action::Help), [Keys::One(Key::Char('q'))]);
        // Ctrl-c still quits: it is bound in another row (Both).
        assert!(
            keymap
                .bindings()
                .iter()
                .any(|b| b.action == Action::Quit && b.keys.contains(&Keys::One(Key::Ctrl('c'))))
        );
        // The built-in table is untouched: keymaps are values.
        assert_eq!(Keymap::default().key_label(Action::Quit), "q");
        assert_eq!(keymap.key_label(Action::Quit), "x");
    }

    #[test]
    fn a_key_taken_from_another_action_is_said() {
        let keymap = Keymap::from_config(&map(&[("quit", &["j"])])).unwrap();
        assert_eq!(
            keymap.warnings(),
            ["keys.quit: j was the key of \"down\"; \"down\" keeps ↓"]
        );
        let keymap = Keymap::from_config(&map(&[("help", &["c", "F2"])])).unwrap();
        assert_eq!(
            keymap.warnings(),
            ["keys.help: c was the key of \"calendar\"; \"calendar\" has no key now"]
        );
        assert!(
            Keymap::from_config(&map(&[("quit", &["x"])]))
                .unwrap()
                .warnings()
                .is_empty()
        );
    }

    #[test]
    fn unknown_actions_and_keys_are_errors_that_say_what_is_valid() {
        let err = Keymap::from_config(&map(&[("jump", &["j"])])).unwrap_err();
        assert!(
            err.starts_with("keys: unknown action \"jump\"; actions: down, up,"),
            "{err}"
        );
        let err = Keymap::from_config(&map(&[("quit", &["Hyper-q"])])).unwrap_err();
        assert!(
            err.starts_with("keys.quit: unknown key \"Hyper-q\"; keys look like"),
            "{err}"
        );
    }
}
