//! The built-in key table: every key daynotes knows, one row per binding,
//! grouped as the help shows them. [`super::Keymap`] starts from it and
//! puts the config's keys in.

use std::borrow::Cow;

use crossterm::event::KeyCode;

use super::{Binding, Context, Key, Keys, Section};
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
use Context::{
    Both, Calendar, DatePrompt, Hints, OnThisDay, Overlay, Panes, Picker, Prompt, Review, Tags,
    Tasks,
};
use Section::{Dates, Fold, Move, Notebook, Other, Search, Study};

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
    bind(&[ch('f')], Action::LinksFollow, "number the links in view; a number follows one", Notebook, Panes),
    bind(&[ch('F')], Action::LinksOpen, "the same, opening URLs and files (xdg-open, open)", Notebook, Panes),
    bind(&[code(KeyCode::Enter)], Action::Accept, "follow the number typed", Notebook, Hints),
    bind(&[code(KeyCode::Backspace)], Action::Erase, "erase a digit", Notebook, Hints),
    bind(&[code(KeyCode::Esc)], Action::Close, "stop numbering", Notebook, Hints),
    bind(&[ch('#')], Action::TagPicker, "show only what carries a tag (again: one more)", Notebook, Panes),
    bind(&[code(KeyCode::Enter)], Action::Accept, "filter by the chosen tag", Notebook, Tags),
    bind(&[code(KeyCode::Down), ctrl('n')], Action::ResultNext, "next tag", Notebook, Tags),
    bind(&[code(KeyCode::Up), ctrl('p')], Action::ResultPrev, "previous tag", Notebook, Tags),
    bind(&[code(KeyCode::Backspace)], Action::Erase, "erase a character", Notebook, Tags),
    bind(&[code(KeyCode::Esc)], Action::Close, "close the tag picker", Notebook, Tags),
    bind(&[ch('T')], Action::TasksOpen, "the open tasks, oldest first", Notebook, Panes),
    bind(&[ch('j'), code(KeyCode::Down)], Action::Down, "next task", Notebook, Tasks),
    bind(&[ch('k'), code(KeyCode::Up)], Action::Up, "previous task", Notebook, Tasks),
    bind(&[code(KeyCode::Enter)], Action::Accept, "go to the task's line", Notebook, Tasks),
    bind(&[code(KeyCode::Esc), ch('q'), ch('T')], Action::Close, "close the task list", Notebook, Tasks),
    bind(&[ch('r')], Action::Reload, "read the notes again", Other, Panes),
    bind(&[ch('e')], Action::Edit, "edit here in $VISUAL / $EDITOR", Other, Panes),
    bind(&[ch('y')], Action::CopyTopic, "copy the topic's text (OSC 52)", Other, Panes),
    bind(&[ch('Y')], Action::CopyPath, "copy its date › topic path", Other, Panes),
    bind(&[ctrl('t')], Action::ToggleTimings, "timings in the status bar", Other, Panes),
    bind(&[ch('?')], Action::Help, "this help", Other, Panes),
    bind(&[ch('!')], Action::Warnings, "the parser's warnings", Other, Panes),
    bind(&[code(KeyCode::Esc), ch('q'), ch('?'), ch('!')], Action::Close, "close this overlay", Other, Overlay),
    bind(&[code(KeyCode::Esc)], Action::Close, "cancel a key, leave search, clear a tag filter", Other, Panes),
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
    bind(&[ctrl('c')], Action::Quit, "quit", Other, Hints),
    bind(&[ctrl('c')], Action::Quit, "quit", Other, Tags),
    bind(&[ctrl('c')], Action::Quit, "quit", Other, Tasks),
];

/// What the mouse does, for the help overlay (mouse events are not keys).
pub const MOUSE_HELP: &str = "wheel scrolls, click selects";
