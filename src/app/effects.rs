//! What the app asks of the world outside the screen: reading the notes
//! again, opening an editor, writing to the clipboard. [`super::App::update`]
//! only records the request; the terminal runner carries it out and reports
//! back through the status bar, so the app itself stays free of I/O.

use super::App;
use crate::notes::{Day, Notebook};
use crate::outline::{NodeId, section_path};

/// One request for the runner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Read the notes again (`r`, or after the editor).
    Reload,
    /// Open `path` in the editor at `line` (1-based), then reload.
    Edit {
        /// The notes file.
        path: String,
        /// The selected node's line.
        line: usize,
    },
    /// Put `text` on the clipboard (OSC 52); `what` names it for the
    /// status message.
    Copy {
        /// The text, as written in the file.
        text: String,
        /// `topic`, `path`.
        what: &'static str,
    },
}

impl App {
    /// `e`: the editor at the selected node's line, in its own file.
    pub(super) fn request_edit(&mut self) {
        let Some(id) = self.selected() else {
            return self.say("no notes to edit", true);
        };
        let nb = &self.notebook;
        let Some(day) = nb.days.get(id.day_index()) else {
            return;
        };
        let line = node_line(day, id);
        let Some(source) = nb.sources.get(day.source) else {
            return;
        };
        if !std::path::Path::new(&source.path).is_file() {
            let msg = format!("{} is not a file on disk: nothing to edit", source.path);
            return self.say(msg, true);
        }
        self.effects.push(Effect::Edit {
            path: source.path.clone(),
            line,
        });
    }

    /// `y`: the selected topic's lines as written; `Y`: its path.
    pub(super) fn request_copy(&mut self, path: bool) {
        let Some(id) = self.selected() else {
            return self.say("nothing to copy", true);
        };
        let nb = &self.notebook;
        let effect = if path {
            Effect::Copy {
                text: crate::ui::label::breadcrumb(nb, id).join(" › "),
                what: "path",
            }
        } else {
            let Some(text) = topic_text(nb, id) else {
                return self.say("select a topic to copy its text (Y copies the path)", true);
            };
            Effect::Copy {
                text: text.to_string(),
                what: "topic",
            }
        };
        self.effects.push(effect);
    }

    /// The runner takes the requests made since it last looked.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// A message from the runner for the status bar.
    pub fn tell(&mut self, text: impl Into<String>, error: bool) {
        self.say(text, error);
    }
}

/// The 1-based line of a node's heading.
fn node_line(day: &Day, id: NodeId) -> usize {
    let Some(topic) = id.topic_index().and_then(|t| day.topics.get(t)) else {
        return day.line();
    };
    match id.section_index() {
        Some(k) => section_path(topic, k)
            .last()
            .map_or(topic.heading.line, |s| s.heading.line),
        None => topic.heading.line,
    }
}

/// The text of the topic `id` is in, from its heading to the end of its
/// body, exactly as the file has it.
fn topic_text(nb: &Notebook, id: NodeId) -> Option<&str> {
    let day = nb.days.get(id.day_index())?;
    let topic = day.topics.get(id.topic_index()?)?;
    let text = &nb.sources.get(day.source)?.text;
    let end = topic.body.end.max(topic.heading.end);
    text.get(topic.heading.start..end)
}
