//! What the app asks of the world outside the screen: reading the notes
//! again, opening an editor, writing to the clipboard. [`super::App::update`]
//! only records the request; the terminal runner carries it out and reports
//! back through the status bar, so the app itself stays free of I/O.

use super::App;
use super::Tone;
use crate::clipboard;
use daynotes_core::notes::Day;
use daynotes_core::outline::{NodeId, section_path};

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
    /// Save the review state of the files with unsaved changes.
    SaveReview,
    /// A link out of the notes followed: copy it (OSC 52) and show it,
    /// with the key that opens it.
    ShowLink {
        /// The URL or path.
        target: String,
        /// The key that would open it.
        key: String,
    },
    /// Open a URL or file with the system's opener (`xdg-open`, `open`).
    Open {
        /// The URL or path.
        target: String,
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
            return self.say("no notes to edit", Tone::Error);
        };
        let nb = &self.notebook;
        let Some(day) = nb.days.get(id.day_index()) else {
            return;
        };
        let line = node_line(day, id);
        self.edit_at(day.source, line);
    }

    /// The editor at `line` of source `source`, when it is a file on disk.
    pub(super) fn edit_at(&mut self, source: usize, line: usize) {
        let Some(source) = self.notebook.sources.get(source) else {
            return;
        };
        if !std::path::Path::new(&source.path).is_file() {
            let msg = format!("{} is not a file on disk: nothing to edit", source.path);
            return self.say(msg, Tone::Error);
        }
        self.effects.push(Effect::Edit {
            path: source.path.clone(),
            line,
        });
    }

    /// `y`: the selected topic's lines as written; `Y`: its path.
    pub(super) fn request_copy(&mut self, what: Copied) {
        let Some(id) = self.selected() else {
            return self.say("nothing to copy", Tone::Error);
        };
        let nb = &self.notebook;
        let (day, topic) = (id.day_index(), id.topic_index());
        let copied = if what == Copied::Path {
            // The topic's `date › topic` (a day alone: its date), named as
            // the status bar names it, controls made visible.
            let node = id.topic_id().unwrap_or(id);
            Some((
                crate::label::breadcrumb(nb, node, self.dates.weekdays).join(" › "),
                "path",
            ))
        } else {
            topic
                .and_then(|t| clipboard::topic_text(nb, day, t))
                .map(|text| (text.to_string(), "topic"))
        };
        let Some((text, what)) = copied else {
            return self.say(
                "select a topic to copy its text (Y copies the path)",
                Tone::Error,
            );
        };
        self.effects.push(Effect::Copy { text, what });
    }

    /// The runner takes the requests made since it last looked.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// A message from the runner for the status bar.
    pub fn tell(&mut self, text: impl Into<String>, tone: Tone) {
        self.say(text, tone);
    }
}

/// What `y` and `Y` copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Copied {
    /// The selected topic's lines as written.
    Text,
    /// Its `date › topic` path.
    Path,
}

/// The 1-based line of a node's heading.
fn node_line(day: &Day, id: NodeId) -> usize {
    let Some(topic) = id.topic_index().and_then(|t| day.topics.get(t)) else {
        return day.line();
    };
    match id.section_index() {
        Some(k) => section_path(topic, k)
            .last()
            .map_or(topic.heading.line(), |s| s.heading.line()),
        None => topic.heading.line(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Action;
    use daynotes_core::load::from_text;

    fn copied(text: &str, moves: &[Action], key: Action) -> Vec<Effect> {
        let mut app = App::new(from_text("n", text.to_string()));
        for &a in moves {
            app.update(a);
        }
        app.update(key);
        app.take_effects()
    }

    fn copy(text: &str, what: &'static str) -> Effect {
        Effect::Copy {
            text: text.to_string(),
            what,
        }
    }

    #[test]
    fn the_path_names_the_day_and_the_topic_without_controls() {
        let seed = crate::SAMPLE;
        let to_sse = [Action::NextDay, Action::NextTopic, Action::NextTopic];
        assert_eq!(
            copied(seed, &to_sse, Action::CopyPath),
            [copy("8.23 › 2. 服务器发送事件SSE", "path")]
        );
        let notes = "8.22：复习\n    1.a\x1b[2Jb\n";
        let path = copied(notes, &[Action::Down], Action::CopyPath);
        assert_eq!(path, [copy("8.22 复习 › 1. a␛[2Jb", "path")]);
    }

    #[test]
    fn a_topic_is_copied_as_written() {
        let notes = "8.22:\n    1.tcp\n        **A**：\n        - a1\n\n";
        let text = copied(notes, &[Action::Down], Action::CopyTopic);
        assert_eq!(
            text,
            [copy("    1.tcp\n        **A**：\n        - a1\n", "topic")]
        );
        // A day is not a topic: nothing is copied, and the status says why.
        assert_eq!(copied(notes, &[], Action::CopyTopic), []);
    }
}
