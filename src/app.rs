//! Application state, the [`Action`] enum and `App::update`.
//!
//! STUB: the names below are the contract between the key map, the renderer
//! and the terminal runner; the implementation is in progress.

use crate::notes::Notebook;

/// Everything the user can ask for. Keys map to these in [`crate::keymap`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave the program.
    Quit,
    /// Stop the process (Ctrl-Z); the terminal runner handles it.
    Suspend,
    /// Move the selection down one row.
    Down,
    /// Move the selection up one row.
    Up,
}

/// The whole state of the viewer.
#[derive(Debug)]
pub struct App {
    /// The notes being viewed.
    pub notebook: Notebook,
    /// Set by [`Action::Quit`]; the runner leaves its loop.
    pub quit: bool,
}

impl App {
    /// A viewer over `notebook`, with the first day selected.
    pub fn new(notebook: Notebook) -> Self {
        App {
            notebook,
            quit: false,
        }
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        if action == Action::Quit {
            self.quit = true;
        }
    }
}
