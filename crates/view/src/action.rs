//! Everything the user can ask the viewer for. Keys and mouse events become
//! these in [`crate::keymap`]; [`crate::app::App::update`] carries them out.
//! A plain enum that depends on nothing of the viewer: the keymap, the app
//! and the help can all name actions without naming each other.

/// One request to the viewer. Movement actions act on whatever has the
/// focus: an open overlay, else the outline (the selection) or the content
/// pane (the scroll position).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave the program.
    Quit,
    /// Stop the process (Ctrl-Z); the terminal runner handles it.
    Suspend,
    /// One row down (outline: next row; content or overlay: scroll a line).
    Down,
    /// One row up.
    Up,
    /// A page down.
    PageDown,
    /// A page up.
    PageUp,
    /// Half a page down.
    HalfPageDown,
    /// Half a page up.
    HalfPageUp,
    /// To the first row, or the top of the text.
    Top,
    /// To the last row, or the end of the text.
    Bottom,
    /// Fold the selected node, or go to its parent (content: back to the
    /// outline).
    Left,
    /// Unfold the selected node, or go to its first child.
    Right,
    /// Toggle the selected node's fold; on a leaf, read it in the content
    /// pane.
    Toggle,
    /// Move the focus to the other pane.
    SwitchPane,
    /// Make the outline pane wider.
    WiderOutline,
    /// Make the outline pane narrower.
    NarrowerOutline,
    /// Select the next day.
    NextDay,
    /// Select the previous day.
    PrevDay,
    /// Select the next topic (within a day view: scroll to it).
    NextTopic,
    /// Select the previous topic.
    PrevTopic,
    /// Fold every day and topic.
    FoldAll,
    /// Unfold every day and topic.
    UnfoldAll,
    /// Open the key help over the mode of the moment, or close it.
    Help,
    /// Open the list of parser warnings.
    Warnings,
    /// Close the overlay, or cancel a pending key and clear the message.
    Close,
    /// Open the search prompt (`/`).
    SearchStart,
    /// Open the search prompt with the outline filtered to the hits (`&`).
    FilterStart,
    /// Open the title picker.
    PickerOpen,
    /// A character typed into the prompt or the picker.
    Input(char),
    /// Erase the last character typed.
    Erase,
    /// Erase the last word typed.
    EraseWord,
    /// Erase everything typed.
    EraseAll,
    /// The previous query of the session (prompt).
    HistoryPrev,
    /// The next query of the session (prompt).
    HistoryNext,
    /// Literal ↔ regex (prompt).
    ToggleRegex,
    /// Filter the outline to the hits, or stop (prompt).
    ToggleFilter,
    /// The next hit of the results, or the next title of the picker.
    ResultNext,
    /// The previous hit of the results, or title of the picker.
    ResultPrev,
    /// A page further in the results or the picker.
    ResultPageDown,
    /// A page back in the results or the picker.
    ResultPageUp,
    /// Show the chosen hit or title.
    Accept,
    /// Go to the next hit of the search, wrapping.
    NextHit,
    /// Go to the previous hit of the search, wrapping.
    PrevHit,
    /// Open the go-to-date prompt.
    DatePromptOpen,
    /// Open the calendar.
    CalendarOpen,
    /// Calendar: a month later.
    MonthNext,
    /// Calendar: a month earlier.
    MonthPrev,
    /// Calendar: to today.
    CalendarToday,
    /// Calendar: the whole year ↔ one month.
    YearView,
    /// Review today's cards.
    ReviewStart,
    /// Go through every card (under the tag filter) in a random order,
    /// nothing rated in the schedule.
    CramStart,
    /// Review: show the answer (shown: rate it good).
    Reveal,
    /// Review: rate the card on screen.
    Rate(daynotes_core::review::Rating),
    /// Review: take back the last step (a rating, a skip, a burial, a
    /// suspension).
    Undo,
    /// Review: the card on screen after the others.
    Skip,
    /// Review: the card on screen comes back tomorrow.
    Bury,
    /// Review: the card on screen is put away until taken back.
    SuspendCard,
    /// Open "on this day": the same date in earlier years, a week, a month
    /// and three months ago.
    OnThisDay,
    /// Go to a topic not opened or reviewed for long, at random.
    Revisit,
    /// Back to where the last jump started (Ctrl-O).
    HistoryBack,
    /// Forward again after going back (Ctrl-I).
    HistoryForward,
    /// Read the notes again from disk.
    Reload,
    /// Open the editor at the selected node's line.
    Edit,
    /// Copy the selected topic's text to the clipboard.
    CopyTopic,
    /// Copy the selected node's `date › topic` path.
    CopyPath,
    /// Show or hide the timing line in the status bar.
    ToggleTimings,
    /// Number the links in view; a number follows one (`f`).
    LinksFollow,
    /// Number the links in view; a number opens a URL or file (`F`).
    LinksOpen,
    /// Open the tag picker: the outline narrowed to a tag (`#`).
    TagPicker,
    /// Open the list of open tasks (`T`).
    TasksOpen,
    /// The first key of a two-key sequence (`z` of `zM`) was typed.
    Prefix(char),
    /// The terminal now has this size; the next draw uses it.
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
    /// A left click at a screen cell.
    Click {
        /// 0-based column.
        column: u16,
        /// 0-based row.
        row: u16,
    },
    /// One notch of the mouse wheel over a screen cell.
    Wheel {
        /// 0-based column.
        column: u16,
        /// 0-based row.
        row: u16,
        /// Towards the end (down) or back.
        dir: Dir,
    },
}

impl Action {
    /// How much a backspace action erases; `None` for other actions.
    pub fn erase(self) -> Option<crate::text::Erase> {
        use crate::text::Erase;
        match self {
            Action::Erase => Some(Erase::Char),
            Action::EraseWord => Some(Erase::Word),
            Action::EraseAll => Some(Erase::All),
            _ => None,
        }
    }
}

/// Which way a step goes: on towards the end, or back towards the start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    /// Down, later, next.
    Forward,
    /// Up, earlier, previous.
    Back,
}

impl Dir {
    /// 1 forward, -1 back: a step in rows or lines.
    pub fn sign(self) -> isize {
        match self {
            Dir::Forward => 1,
            Dir::Back => -1,
        }
    }
}

/// How far one step through a list goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// One row.
    Row,
    /// The rows shown.
    Page,
}
