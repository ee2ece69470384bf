//! The built-in key table: every key daynotes knows, one row per binding,
//! in the order the help lists them: the keys of every mode (browsing in
//! parts, then each prompt and box), and last those that work anywhere.
//! [`super::Keymap`] starts from it and puts the config's keys in.

use std::borrow::Cow;

use crossterm::event::KeyCode;

use super::{Binding, Context, Key, Keys, Topic};
use crate::action::Action;

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

/// A browsing key of `topic`.
const fn bind(keys: &'static [Keys], action: Action, help: &'static str, topic: Topic) -> Binding {
    Binding {
        keys: Cow::Borrowed(keys),
        action,
        help,
        context: Context::Panes,
        topic: Some(topic),
    }
}

/// A key that moves in the panes and scrolls the overlays.
const fn both(keys: &'static [Keys], action: Action, help: &'static str) -> Binding {
    Binding {
        keys: Cow::Borrowed(keys),
        action,
        help,
        context: Context::Both,
        topic: Some(Topic::Move),
    }
}

/// A key of the mode `context` (a prompt, a box, review…).
const fn mode(
    keys: &'static [Keys],
    action: Action,
    help: &'static str,
    context: Context,
) -> Binding {
    Binding {
        keys: Cow::Borrowed(keys),
        action,
        help,
        context,
        topic: None,
    }
}

use Context::{
    Calendar, DatePrompt, Global, HelpFilter, Hints, NotTyping, OnThisDay, Overlay, Picker, Prompt,
    Review, Tags, Tasks,
};
use Topic::{Dates, Fold, Move, Notebook, Other, Search, Study};
use daynotes_core::review::Rating;

/// Every key daynotes knows.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    both(&[ch('j'), code(KeyCode::Down)], Action::Down, "down a row (text: a line)"),
    both(&[ch('k'), code(KeyCode::Up)], Action::Up, "up a row (text: a line)"),
    both(&[ch(' '), code(KeyCode::PageDown)], Action::PageDown, "page down"),
    both(&[ch('b'), code(KeyCode::PageUp)], Action::PageUp, "page up"),
    both(&[ctrl('d')], Action::HalfPageDown, "half a page down"),
    both(&[ctrl('u')], Action::HalfPageUp, "half a page up"),
    both(&[ch('g'), code(KeyCode::Home)], Action::Top, "first row, top of the text"),
    both(&[ch('G'), code(KeyCode::End)], Action::Bottom, "last row, end of the text"),
    bind(&[ch(']')], Action::NextDay, "next day", Move),
    bind(&[ch('[')], Action::PrevDay, "previous day", Move),
    bind(&[ch('}')], Action::NextTopic, "next topic", Move),
    bind(&[ch('{')], Action::PrevTopic, "previous topic", Move),
    bind(&[ch('h'), code(KeyCode::Left)], Action::Left, "fold, or go to the parent", Fold),
    bind(&[ch('l'), code(KeyCode::Right)], Action::Right, "unfold, or go to a child", Fold),
    bind(&[code(KeyCode::Enter)], Action::Toggle, "fold/unfold; on a leaf, read", Fold),
    bind(&[Keys::Two('z', 'M'), ch('-')], Action::FoldAll, "fold all", Fold),
    bind(&[Keys::Two('z', 'R'), ch('=')], Action::UnfoldAll, "unfold all", Fold),
    bind(&[code(KeyCode::Tab), code(KeyCode::BackTab)], Action::SwitchPane, "switch pane", Fold),
    bind(&[ch('>')], Action::WiderOutline, "a wider outline", Fold),
    bind(&[ch('<')], Action::NarrowerOutline, "a narrower outline", Fold),
    bind(&[ch('/')], Action::SearchStart, "search the whole notebook", Search),
    bind(&[ch('&')], Action::FilterStart, "search, outline shows only hits", Search),
    bind(&[ch('n')], Action::NextHit, "next hit", Search),
    bind(&[ch('N')], Action::PrevHit, "previous hit", Search),
    bind(&[ctrl('p'), ch('t')], Action::PickerOpen, "jump to a title (fuzzy)", Search),
    bind(&[ch(':')], Action::DatePromptOpen, "go to a date: 8.23, 0823, 23, today, -3", Dates),
    bind(&[ch('c')], Action::CalendarOpen, "calendar of the days with notes", Dates),
    bind(&[ctrl('o'), alt(KeyCode::Left)], Action::HistoryBack, "back to where a jump started", Dates),
    bind(&[ctrl('i'), alt(KeyCode::Right)], Action::HistoryForward, "forward again", Dates),
    bind(&[ch('R')], Action::ReviewStart, "review today's cards", Study),
    bind(&[ch('C')], Action::CramStart, "cram every card (of the tag filter), nothing rated", Study),
    bind(&[ch('o')], Action::OnThisDay, "on this day: earlier years, a week, a month ago", Study),
    bind(&[ch('s')], Action::Revisit, "a topic not opened for long, at random", Study),
    bind(&[ch('f')], Action::LinksFollow, "number the links in view; a number follows one", Notebook),
    bind(&[ch('F')], Action::LinksOpen, "the same, opening URLs and files (xdg-open, open)", Notebook),
    bind(&[ch('#')], Action::TagPicker, "show only what carries a tag (again: one more)", Notebook),
    bind(&[ch('T')], Action::TasksOpen, "the open tasks, oldest first", Notebook),
    bind(&[ch('r')], Action::Reload, "read the notes again", Other),
    bind(&[ch('e')], Action::Edit, "edit here in $VISUAL / $EDITOR", Other),
    bind(&[ch('y')], Action::CopyTopic, "copy the topic's text (OSC 52)", Other),
    bind(&[ch('Y')], Action::CopyPath, "copy its date › topic path", Other),
    bind(&[ctrl('t')], Action::ToggleTimings, "timings in the status bar", Other),
    bind(&[ch('!')], Action::Warnings, "the parser's warnings", Other),
    bind(&[code(KeyCode::Esc)], Action::Close, "cancel a key, leave search, clear a tag filter", Other),
    bind(&[ch('q')], Action::Quit, "quit", Other),
    mode(&[code(KeyCode::Enter)], Action::Accept, "show the chosen hit", Prompt),
    mode(&[code(KeyCode::Tab)], Action::ResultNext, "next hit in the results", Prompt),
    mode(&[code(KeyCode::BackTab)], Action::ResultPrev, "previous hit in the results", Prompt),
    mode(&[code(KeyCode::Up)], Action::HistoryPrev, "an earlier query", Prompt),
    mode(&[code(KeyCode::Down)], Action::HistoryNext, "a later query", Prompt),
    mode(&[code(KeyCode::PageDown)], Action::ResultPageDown, "a page of results down", Prompt),
    mode(&[code(KeyCode::PageUp)], Action::ResultPageUp, "a page of results up", Prompt),
    mode(&[ctrl('r')], Action::ToggleRegex, "regex on/off", Prompt),
    mode(&[ctrl('f')], Action::ToggleFilter, "filter the outline on/off", Prompt),
    mode(&[code(KeyCode::Backspace)], Action::Erase, "erase a character", Prompt),
    mode(&[ctrl('w')], Action::EraseWord, "erase a word", Prompt),
    mode(&[ctrl('u')], Action::EraseAll, "erase everything typed", Prompt),
    mode(&[code(KeyCode::Esc)], Action::Close, "leave search, clear highlights", Prompt),
    mode(&[code(KeyCode::Enter)], Action::Accept, "go to the chosen title", Picker),
    mode(&[code(KeyCode::Down), ctrl('n')], Action::ResultNext, "next title", Picker),
    mode(&[code(KeyCode::Up), ctrl('p')], Action::ResultPrev, "previous title", Picker),
    mode(&[code(KeyCode::PageDown)], Action::ResultPageDown, "a page of titles down", Picker),
    mode(&[code(KeyCode::PageUp)], Action::ResultPageUp, "a page of titles up", Picker),
    mode(&[code(KeyCode::Backspace)], Action::Erase, "erase a character", Picker),
    mode(&[ctrl('w')], Action::EraseWord, "erase a word", Picker),
    mode(&[ctrl('u')], Action::EraseAll, "erase everything typed", Picker),
    mode(&[code(KeyCode::Esc)], Action::Close, "close the picker", Picker),
    mode(&[code(KeyCode::Enter)], Action::Accept, "go to that date (or the nearest)", DatePrompt),
    mode(&[code(KeyCode::Backspace)], Action::Erase, "erase a character", DatePrompt),
    mode(&[ctrl('w')], Action::EraseWord, "erase a word", DatePrompt),
    mode(&[ctrl('u')], Action::EraseAll, "erase everything typed", DatePrompt),
    mode(&[code(KeyCode::Esc)], Action::Close, "close the prompt", DatePrompt),
    mode(&[ch('h'), code(KeyCode::Left)], Action::Left, "a day earlier (year: a week)", Calendar),
    mode(&[ch('l'), code(KeyCode::Right)], Action::Right, "a day later (year: a week)", Calendar),
    mode(&[ch('k'), code(KeyCode::Up)], Action::Up, "a week earlier (year: a day)", Calendar),
    mode(&[ch('j'), code(KeyCode::Down)], Action::Down, "a week later (year: a day)", Calendar),
    mode(&[ch('<'), code(KeyCode::PageUp)], Action::MonthPrev, "a month earlier", Calendar),
    mode(&[ch('>'), code(KeyCode::PageDown)], Action::MonthNext, "a month later", Calendar),
    mode(&[ch('t'), ch('.')], Action::CalendarToday, "today", Calendar),
    mode(&[ch('y')], Action::YearView, "the whole year, with streaks", Calendar),
    mode(&[code(KeyCode::Enter)], Action::Accept, "go to the day (or the nearest)", Calendar),
    mode(&[code(KeyCode::Esc), ch('q'), ch('c')], Action::Close, "close the calendar", Calendar),
    mode(&[ch(' '), code(KeyCode::Enter)], Action::Reveal, "show the answer; shown, rate it good", Review),
    mode(&[ch('1')], Action::Rate(Rating::Again), "again: forgotten, comes back today", Review),
    mode(&[ch('2')], Action::Rate(Rating::Hard), "hard", Review),
    mode(&[ch('3')], Action::Rate(Rating::Good), "good", Review),
    mode(&[ch('4')], Action::Rate(Rating::Easy), "easy", Review),
    mode(&[ch('u')], Action::Undo, "take the last step back (rating, skip, bury, suspend)", Review),
    mode(&[code(KeyCode::Right), ch('s')], Action::Skip, "skip: the card after the others", Review),
    mode(&[ch('b')], Action::Bury, "bury: the card comes back tomorrow", Review),
    mode(&[ch('!')], Action::SuspendCard, "suspend: put away until taken back", Review),
    mode(&[ch('e')], Action::Edit, "edit the card in $VISUAL / $EDITOR", Review),
    mode(&[ch('j'), code(KeyCode::Down)], Action::Down, "scroll the answer", Review),
    mode(&[ch('k'), code(KeyCode::Up)], Action::Up, "scroll the answer back", Review),
    mode(&[code(KeyCode::PageDown)], Action::PageDown, "a page of the answer", Review),
    mode(&[code(KeyCode::PageUp)], Action::PageUp, "a page back", Review),
    mode(&[code(KeyCode::Home), ch('g')], Action::Top, "the answer's top", Review),
    mode(&[code(KeyCode::End), ch('G')], Action::Bottom, "the answer's end", Review),
    mode(&[code(KeyCode::Esc), ch('q')], Action::Close, "leave review (ratings are kept)", Review),
    mode(&[ch('j'), code(KeyCode::Down)], Action::Down, "next day", OnThisDay),
    mode(&[ch('k'), code(KeyCode::Up)], Action::Up, "previous day", OnThisDay),
    mode(&[code(KeyCode::Enter)], Action::Accept, "go to that day", OnThisDay),
    mode(&[code(KeyCode::Esc), ch('q'), ch('o')], Action::Close, "close", OnThisDay),
    mode(&[code(KeyCode::Enter)], Action::Accept, "follow the number typed", Hints),
    mode(&[code(KeyCode::Backspace)], Action::Erase, "erase a digit", Hints),
    mode(&[code(KeyCode::Esc)], Action::Close, "stop numbering", Hints),
    mode(&[code(KeyCode::Enter)], Action::Accept, "filter by the chosen tag", Tags),
    mode(&[code(KeyCode::Down), ctrl('n')], Action::ResultNext, "next tag", Tags),
    mode(&[code(KeyCode::Up), ctrl('p')], Action::ResultPrev, "previous tag", Tags),
    mode(&[code(KeyCode::Backspace)], Action::Erase, "erase a character", Tags),
    mode(&[code(KeyCode::Esc)], Action::Close, "close the tag picker", Tags),
    mode(&[ch('j'), code(KeyCode::Down)], Action::Down, "next task", Tasks),
    mode(&[ch('k'), code(KeyCode::Up)], Action::Up, "previous task", Tasks),
    mode(&[code(KeyCode::Enter)], Action::Accept, "go to the task's line", Tasks),
    mode(&[code(KeyCode::Esc), ch('q'), ch('T')], Action::Close, "close the task list", Tasks),
    mode(&[ch('/')], Action::SearchStart, "filter the help: type, Enter keeps it", Context::Help),
    mode(&[code(KeyCode::Esc), ch('q'), ch('!')], Action::Close, "close", Overlay),
    mode(&[code(KeyCode::Enter)], Action::Accept, "keep the filter", HelpFilter),
    mode(&[code(KeyCode::Backspace)], Action::Erase, "erase a character", HelpFilter),
    mode(&[ctrl('w')], Action::EraseWord, "erase a word", HelpFilter),
    mode(&[ctrl('u')], Action::EraseAll, "erase everything typed", HelpFilter),
    mode(&[code(KeyCode::Esc)], Action::Close, "no filter", HelpFilter),
    mode(&[ch('?')], Action::Help, "this help, open on the keys of the moment", NotTyping),
    mode(&[code(KeyCode::F(1))], Action::Help, "this help, also while typing", Global),
    mode(&[ctrl('c')], Action::Quit, "quit", Global),
    mode(&[ctrl('z')], Action::Suspend, "suspend (fg resumes)", Global),
];

/// What the mouse does, for the help overlay (mouse events are not keys).
pub const MOUSE_HELP: &str = "wheel scrolls, click selects";
