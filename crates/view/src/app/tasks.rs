//! The task list in the viewer (`T`): every open task, oldest first, in a
//! box; ↑ ↓ choose, Enter shows the task's topic scrolled to its line.
//!
//! ```text
//! ┌ Open tasks (2) — Enter go · Esc close ──────────┐
//! │☐ work the a⁄b exercise   2024-01-05 › Congestion │  ← chosen
//! │☐ list the well-known ports  2024-01-08 › Ports   │
//! └──────────────────────────────────────────────────┘
//! ```

use super::Tone;
use super::{Action, App, DocId, Mode, Pane};
use daynotes_core::tasks::Task;

/// The open task list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskList {
    /// The tasks, oldest first.
    pub tasks: Vec<Task>,
    /// The chosen one.
    pub selected: usize,
}

impl App {
    /// `T`: the open tasks.
    pub(super) fn open_tasks(&mut self) {
        let tasks = daynotes_core::tasks::tasks(&self.notebook, &self.dates.axis, false);
        if tasks.is_empty() {
            return self.say("no open tasks (- [ ] …) in the notes", Tone::Info);
        }
        self.mode = Mode::Tasks(TaskList { tasks, selected: 0 });
    }

    /// A key while the list is open; false when it is not.
    pub(super) fn tasks_action(&mut self, action: Action) -> bool {
        let Mode::Tasks(list) = &mut self.mode else {
            return false;
        };
        match action {
            Action::Down | Action::ResultNext => {
                list.selected = (list.selected + 1).min(list.tasks.len().saturating_sub(1));
            }
            Action::Up | Action::ResultPrev => list.selected = list.selected.saturating_sub(1),
            Action::Accept => {
                let task = list.tasks.get(list.selected).cloned();
                self.mode = Mode::Panes;
                if let Some(task) = task {
                    self.go_to_task(&task);
                }
            }
            Action::Close | Action::TasksOpen => self.mode = Mode::Panes,
            _ => return false,
        }
        true
    }

    /// Shows the task's day or topic with its line at the top.
    fn go_to_task(&mut self, task: &Task) {
        let node = task.node.topic_id().unwrap_or(task.node);
        self.select_node(node);
        let nb = &self.notebook;
        let Some(day) = nb.days.get(node.day_index()) else {
            return;
        };
        let (first, skip) = match node.topic_index().and_then(|t| day.topics.get(t)) {
            Some(topic) => (topic.heading.line(), 0),
            None => (day.heading.line(), self.doc().map_or(0, |d| d.loose_lines)),
        };
        let index = skip + task.line.saturating_sub(first);
        if let Some(doc) = self.doc()
            && matches!(doc.id, DocId::Topic(..) | DocId::Day(_))
        {
            self.view.scroll = doc
                .row_of_line(index)
                .min(doc.lines.len().saturating_sub(1));
            self.focus = Pane::Content;
        }
        let mark = if task.done { "☑" } else { "☐" };
        self.say(
            format!("{mark} {}", crate::label::clean(&task.text)),
            Tone::Info,
        );
    }
}
