//! The terminal runner: enters the alternate screen, loops over events,
//! restores the terminal on every way out.
//!
//! STUB: in progress.

use crate::app::{Action, App};
use crate::notes::Notebook;

/// Options for a TUI session.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// A label for the status bar saying where the notes came from.
    pub origin: String,
}

/// Runs the viewer until the user quits.
pub fn run(notebook: Notebook, options: Options) -> anyhow::Result<()> {
    let _ = options;
    let mut app = App::new(notebook);
    let mut view = crate::ui::ViewState::default();
    ratatui::run(|terminal| -> anyhow::Result<()> {
        while !app.quit {
            terminal.draw(|f| crate::ui::draw(f, &app, &mut view))?;
            let ev = crossterm::event::read()?;
            if let Some(a) = crate::keymap::action_for(&ev, &app) {
                if a != Action::Suspend {
                    app.update(a);
                }
            }
        }
        Ok(())
    })
}
