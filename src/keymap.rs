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
pub use custom::{ACTIONS, action_named, parse_key};

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

/// The help overlay's groups, in the order shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Moving the selection or scrolling.
    Move,
    /// Folding the outline.
    Fold,
    /// Panes and the mouse.
    Panes,
    /// Searching: the prompt and the title picker.
    Search,
    /// Dates: the go-to-date prompt, the calendar, the history.
    Dates,
    /// Studying: review, on this day, revisiting.
    Study,
    /// Everything else.
    Other,
}

impl Section {
    /// Every section, in help order.
    pub const ALL: [Section; 7] = [
        Section::Move,
        Section::Fold,
        Section::Panes,
        Section::Search,
        Section::Dates,
        Section::Study,
        Section::Other,
    ];

    /// The heading in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Section::Move => "Move",
            Section::Fold => "Fold",
            Section::Panes => "Panes",
            Section::Search => "Search",
            Section::Dates => "Dates",
            Section::Study => "Study",
            Section::Other => "Other",
        }
    }
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// While no overlay is open.
    Panes,
    /// While the help or the warnings are open.
    Overlay,
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
    /// Its group in the help overlay.
    pub section: Section,
    /// Where it applies.
    pub context: Context,
}

const fn ch(c: char) -> Keys {
    Keys::One(Key::Char(c))
}

const fn ctrl(c: char) -> Keys {
    Keys::One(Key::Ctrl(c))
}

const fn code(c: KeyCode) -> Keys {
    Keys::One(Key::Code(c))
}

const fn alt(c: KeyCode) -> Keys {
    Keys::One(Key::Alt(c))
}

const fn bind(
    keys: &'static [Keys],
    action: Action,
    help: &'static str,
    section: Section,
    context: Context,
) -> Binding {
    Binding {
        keys: Cow::Borrowed(keys),
        action,
        help,
        section,
        context,
    }
}

use crate::review::Rating;
use Context::{Both, Calendar, DatePrompt, OnThisDay, Overlay, Panes, Picker, Prompt, Review};
use Section::{Dates, Fold, Move, Other, Search, Study};

/// Every key daynotes knows.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    bind(&[ch('j'), code(KeyCode::Down)], Action::Down, "down a row (text: a line)", Move, Both),
    bind(&[ch('k'), code(KeyCode::Up)], Action::Up, "up a row (text: a line)", Move, Both),
    bind(&[ch(' '), code(KeyCode::PageDown)], Action::PageDown, "page down", Move, Both),
    bind(&[ch('b'), code(KeyCode::PageUp)], Action::PageUp, "page up", Move, Both),
    bind(&[ctrl('d')], Action::HalfPageDown, "half a page down", Move, Both),
    bind(&[ctrl('u')], Action::HalfPageUp, "half a page up", Move, Both),
    bind(&[ch('g'), code(KeyCode::Home)], Action::Top, "first row, top of the text", Move, Both),
    bind(&[ch('G'), code(KeyCode::End)], Action::Bottom, "last row, end of the text", Move, Both),
    bind(&[ch(']')], Action::NextDay, "next day", Move, Panes),
    bind(&[ch('[')], Action::PrevDay, "previous day", Move, Panes),
    bind(&[ch('}')], Action::NextTopic, "next topic", Move, Panes),
    bind(&[ch('{')], Action::PrevTopic, "previous topic", Move, Panes),
    bind(&[ch('h'), code(KeyCode::Left)], Action::Left, "fold, or go to the parent", Fold, Panes),
    bind(&[ch('l'), code(KeyCode::Right)], Action::Right, "unfold, or go to a child", Fold, Panes),
    bind(&[code(KeyCode::Enter)], Action::Toggle, "fold/unfold; on a leaf, read", Fold, Panes),
    bind(&[Keys::Two('z', 'M'), ch('-')], Action::FoldAll, "fold all", Fold, Panes),
    bind(&[Keys::Two('z', 'R'), ch('=')], Action::UnfoldAll, "unfold all", Fold, Panes),
    bind(&[code(KeyCode::Tab), code(KeyCode::BackTab)], Action::SwitchPane, "switch pane", Section::Panes, Panes),
    bind(&[ch('/')], Action::SearchStart, "search the whole notebook", Search, Panes),
    bind(&[ch('&')], Action::FilterStart, "search, outline shows only hits", Search, Panes),
    bind(&[ch('n')], Action::NextHit, "next hit", Search, Panes),
    bind(&[ch('N')], Action::PrevHit, "previous hit", Search, Panes),
    bind(&[ctrl('p'), ch('t')], Action::PickerOpen, "jump to a title (fuzzy)", Search, Panes),
    bind(&[code(KeyCode::Enter)], Action::Accept, "show the chosen hit", Search, Prompt),
    bind(&[code(KeyCode::Tab)], Action::ResultNext, "next hit in the results", Search, Prompt),
    bind(&[code(KeyCode::BackTab)], Action::ResultPrev, "previous hit in the results", Search, Prompt),
    bind(&[code(KeyCode::Up)], Action::HistoryPrev, "an earlier query", Search, Prompt),
    bind(&[code(KeyCode::Down)], Action::HistoryNext, "a later query", Search, Prompt),
    bind(&[code(KeyCode::PageDown)], Action::ResultPageDown, "a page of results down", Search, Prompt),
    bind(&[code(KeyCode::PageUp)], Action::ResultPageUp, "a page of results up", Search, Prompt),
    bind(&[ctrl('r')], Action::ToggleRegex, "regex on/off", Search, Prompt),
    bind(&[ctrl('f')], Action::ToggleFilter, "filter the outline on/off", Search, Prompt),
    bind(&[code(KeyCode::Esc)], Action::Close, "leave search, clear highlights", Search, Prompt),
    bind(&[code(KeyCode::Enter)], Action::Accept, "go to the chosen title", Search, Picker),
    bind(&[code(KeyCode::Down), ctrl('n')], Action::ResultNext, "next title", Search, Picker),
    bind(&[code(KeyCode::Up), ctrl('p')], Action::ResultPrev, "previous title", Search, Picker),
    bind(&[code(KeyCode::PageDown)], Action::ResultPageDown, "a page of titles down", Search, Picker),
    bind(&[code(KeyCode::PageUp)], Action::ResultPageUp, "a page of titles up", Search, Picker),
    bind(&[code(KeyCode::Esc)], Action::Close, "close the picker", Search, Picker),
    bind(&[code(KeyCode::Backspace)], Action::Erase, "erase a character", Search, Prompt),
    bind(&[code(KeyCode::Backspace)], Action::Erase, "erase a character", Search, Picker),
    bind(&[ctrl('w')], Action::EraseWord, "erase a word", Search, Prompt),
    bind(&[ctrl('w')], Action::EraseWord, "erase a word", Search, Picker),
    bind(&[ctrl('u')], Action::EraseAll, "erase everything typed", Search, Prompt),
    bind(&[ctrl('u')], Action::EraseAll, "erase everything typed", Search, Picker),
    bind(&[ch(':')], Action::DatePromptOpen, "go to a date: 8.23, 0823, 23, today, -3", Dates, Panes),
    bind(&[ch('c')], Action::CalendarOpen, "calendar of the days with notes", Dates, Panes),
    bind(&[ctrl('o'), alt(KeyCode::Left)], Action::HistoryBack, "back to where a jump started", Dates, Panes),
    bind(&[ctrl('i'), alt(KeyCode::Right)], Action::HistoryForward, "forward again", Dates, Panes),
    bind(&[code(KeyCode::Enter)], Action::Accept, "go to that date (or the nearest)", Dates, DatePrompt),
    bind(&[code(KeyCode::Esc)], Action::Close, "close the prompt", Dates, DatePrompt),
    bind(&[code(KeyCode::Backspace)], Action::Erase, "erase a character", Dates, DatePrompt),
    bind(&[ctrl('w')], Action::EraseWord, "erase a word", Dates, DatePrompt),
    bind(&[ctrl('u')], Action::EraseAll, "erase everything typed", Dates, DatePrompt),
    bind(&[ch('h'), code(KeyCode::Left)], Action::Left, "a day earlier", Dates, Calendar),
    bind(&[ch('l'), code(KeyCode::Right)], Action::Right, "a day later", Dates, Calendar),
    bind(&[ch('k'), code(KeyCode::Up)], Action::Up, "a week earlier", Dates, Calendar),
    bind(&[ch('j'), code(KeyCode::Down)], Action::Down, "a week later", Dates, Calendar),
    bind(&[ch('<'), code(KeyCode::PageUp)], Action::MonthPrev, "a month earlier", Dates, Calendar),
    bind(&[ch('>'), code(KeyCode::PageDown)], Action::MonthNext, "a month later", Dates, Calendar),
    bind(&[ch('t'), ch('.')], Action::CalendarToday, "today", Dates, Calendar),
    bind(&[code(KeyCode::Enter)], Action::Accept, "go to the day (or the nearest)", Dates, Calendar),
    bind(&[ch('y')], Action::YearView, "the whole year, with streaks", Dates, Calendar),
    bind(&[code(KeyCode::Esc), ch('q'), ch('c')], Action::Close, "close the calendar", Dates, Calendar),
    bind(&[ch('R')], Action::ReviewStart, "review today's cards", Study, Panes),
    bind(&[ch('o')], Action::OnThisDay, "on this day: earlier years, a week, a month ago", Study, Panes),
    bind(&[ch('s')], Action::Revisit, "a topic not opened for long, at random", Study, Panes),
    bind(&[ch(' ')], Action::Reveal, "show the answer", Study, Review),
    bind(&[ch('1')], Action::Rate(Rating::Again), "again: forgotten, comes back today", Study, Review),
    bind(&[ch('2')], Action::Rate(Rating::Hard), "hard", Study, Review),
    bind(&[ch('3')], Action::Rate(Rating::Good), "good", Study, Review),
    bind(&[ch('4')], Action::Rate(Rating::Easy), "easy", Study, Review),
    bind(&[ch('u')], Action::Undo, "take the last rating back", Study, Review),
    bind(&[ch('e')], Action::Edit, "edit the card in $VISUAL / $EDITOR", Study, Review),
    bind(&[ch('j'), code(KeyCode::Down)], Action::Down, "scroll the answer", Study, Review),
    bind(&[ch('k'), code(KeyCode::Up)], Action::Up, "scroll the answer back", Study, Review),
    bind(&[code(KeyCode::PageDown)], Action::PageDown, "a page of the answer", Study, Review),
    bind(&[code(KeyCode::PageUp)], Action::PageUp, "a page back", Study, Review),
    bind(&[code(KeyCode::Esc), ch('q')], Action::Close, "leave review (ratings are kept)", Study, Review),
    bind(&[ch('j'), code(KeyCode::Down)], Action::Down, "next day", Study, OnThisDay),
    bind(&[ch('k'), code(KeyCode::Up)], Action::Up, "previous day", Study, OnThisDay),
    bind(&[code(KeyCode::Enter)], Action::Accept, "go to that day", Study, OnThisDay),
    bind(&[code(KeyCode::Esc), ch('q'), ch('o')], Action::Close, "close", Study, OnThisDay),
    bind(&[ch('r')], Action::Reload, "read the notes again", Other, Panes),
    bind(&[ch('e')], Action::Edit, "edit here in $VISUAL / $EDITOR", Other, Panes),
    bind(&[ch('y')], Action::CopyTopic, "copy the topic's text (OSC 52)", Other, Panes),
    bind(&[ch('Y')], Action::CopyPath, "copy its date › topic path", Other, Panes),
    bind(&[ch('T')], Action::ToggleTimings, "timings in the status bar", Other, Panes),
    bind(&[ch('?')], Action::Help, "this help", Other, Panes),
    bind(&[ch('!')], Action::Warnings, "the parser's warnings", Other, Panes),
    bind(&[code(KeyCode::Esc), ch('q'), ch('?'), ch('!')], Action::Close, "close this overlay", Other, Overlay),
    bind(&[code(KeyCode::Esc)], Action::Close, "cancel a key, leave search", Other, Panes),
    bind(&[ch('q')], Action::Quit, "quit", Other, Panes),
    bind(&[ctrl('c')], Action::Quit, "quit", Other, Both),
    bind(&[ctrl('z')], Action::Suspend, "suspend (fg resumes)", Other, Both),
    bind(&[ctrl('c')], Action::Quit, "quit", Other, Prompt),
    bind(&[ctrl('c')], Action::Quit, "quit", Other, Picker),
    bind(&[ctrl('c')], Action::Quit, "quit", Other, DatePrompt),
    bind(&[ctrl('c')], Action::Quit, "quit", Other, Calendar),
    bind(&[ctrl('z')], Action::Suspend, "suspend (fg resumes)", Other, Calendar),
    bind(&[ctrl('c')], Action::Quit, "quit", Other, Review),
    bind(&[ctrl('z')], Action::Suspend, "suspend (fg resumes)", Other, Review),
    bind(&[ctrl('c')], Action::Quit, "quit", Other, OnThisDay),
];

/// What the mouse does, for the help overlay (mouse events are not keys).
pub const MOUSE_HELP: &str = "wheel scrolls, click selects";

/// The key table in use: [`BINDINGS`], with the config's keys put in.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    /// The built-in table.
    fn default() -> Keymap {
        Keymap {
            bindings: BINDINGS.to_vec(),
        }
    }
}

impl Keymap {
    /// Every row, in table order.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
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
        let typing = matches!(context, Prompt | Picker | DatePrompt);
        let shared = matches!(context, Panes | Overlay);
        let active = || {
            self.bindings
                .iter()
                .filter(move |b| b.context == context || (b.context == Both && shared))
        };
        let key = key_of(event);
        if let Some(first) = pending {
            // The second key of a sequence completes it. Anything else does
            // what the first key does alone, if it does anything (`gg` is
            // still `g` when `gd` is bound), or cancels.
            let alone = || {
                active()
                    .find(|b| b.keys.contains(&Keys::One(Key::Char(first))))
                    .map_or(Action::Close, |b| b.action)
            };
            let second = match key {
                Some(Key::Char(c)) => Keys::Two(first, c),
                _ => return Some(alone()),
            };
            return Some(
                active()
                    .find(|b| b.keys.contains(&second))
                    .map_or_else(alone, |b| b.action),
            );
        }
        let key = key?;
        if let (Key::Char(c), false) = (key, typing) {
            let starts = |k: &Keys| matches!(k, Keys::Two(a, _) if *a == c);
            if active().any(|b| b.keys.iter().any(starts)) {
                return Some(Action::Prefix(c));
            }
        }
        let bound = active()
            .find(|b| b.keys.contains(&Keys::One(key)))
            .map(|b| b.action);
        match (bound, key) {
            (None, Key::Char(c)) if typing => Some(Action::Input(c)),
            _ => bound,
        }
    }

    /// The first key bound to `action` outside overlays, for hints such as
    /// `? help`.
    pub fn key_label(&self, action: Action) -> String {
        self.bindings
            .iter()
            .filter(|b| b.context != Overlay && b.action == action)
            .find_map(|b| b.keys.first())
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
            down: true,
        }),
        MouseEventKind::ScrollUp => Some(Action::Wheel {
            column,
            row,
            down: false,
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
