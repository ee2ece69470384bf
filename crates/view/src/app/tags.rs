//! The tag filter in the viewer: `#` opens a picker of the notes' tags
//! (type to narrow, Enter to choose); the outline then shows only what
//! carries the tag, the status bar says so, `#` again adds one more (all
//! must hold) and Esc clears it.
//!
//! ```text
//! ┌ Tags — Enter filter · Esc close ┐
//! │ net                           2 │  ← chosen
//! │ exam                          1 │
//! └─────────────────────────────────┘
//! ```

use super::Tone;
use super::{Action, App, Mode};
use crate::text::Erase;
use daynotes_core::outline::NodeId;
use daynotes_core::tags::Filter;

/// The open tag picker.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TagPicker {
    /// What is typed.
    pub text: String,
    /// The chosen row of [`App::tag_choices`].
    pub selected: usize,
}

impl App {
    /// `#`: opens the tag picker.
    pub(super) fn open_tags(&mut self) {
        self.wait_marks();
        match &self.marks {
            None => self.say("the tags are still being read", Tone::Info),
            Some(m) if m.tags.is_empty() => self.say("the notes carry no tags", Tone::Info),
            Some(_) => self.mode = Mode::Tags(TagPicker::default()),
        }
    }

    /// The tags the picker offers for what is typed, with their counts.
    pub fn tag_choices(&self, typed: &str) -> Vec<(String, usize)> {
        let Some(marks) = &self.marks else {
            return Vec::new();
        };
        let typed = typed.trim().trim_start_matches('#').to_lowercase();
        marks
            .tags
            .counts()
            .into_iter()
            .filter(|(t, _)| t.to_lowercase().contains(&typed))
            .map(|(t, n)| (t.to_string(), n))
            .collect()
    }

    /// A key while the picker is open; false when it is not.
    pub(super) fn tags_action(&mut self, action: Action) -> bool {
        let Mode::Tags(p) = &mut self.mode else {
            return false;
        };
        match action {
            Action::Input(c) => {
                p.text.push(c);
                p.selected = 0;
            }
            Action::Erase | Action::EraseWord | Action::EraseAll => {
                crate::text::erase(&mut p.text, action.erase().unwrap_or(Erase::Char));
                p.selected = 0;
            }
            Action::ResultNext | Action::Down => p.selected += 1,
            Action::ResultPrev | Action::Up => p.selected = p.selected.saturating_sub(1),
            Action::Accept => {
                let (text, selected) = (p.text.clone(), p.selected);
                let choices = self.tag_choices(&text);
                let chosen = choices.get(selected.min(choices.len().saturating_sub(1)));
                let Some((tag, _)) = chosen.cloned() else {
                    self.mode = Mode::Panes;
                    return true;
                };
                self.mode = Mode::Panes;
                let mut wanted: Vec<String> = self.tag_filter_tags();
                wanted.push(tag);
                self.tag_filter = Filter::new(&wanted);
                self.apply_tag_filter();
            }
            Action::Close | Action::TagPicker => self.mode = Mode::Panes,
            _ => return false,
        }
        let typed = match &self.mode {
            Mode::Tags(p) => Some(p.text.clone()),
            _ => None,
        };
        if let Some(typed) = typed {
            let n = self.tag_choices(&typed).len();
            if let Mode::Tags(p) = &mut self.mode {
                p.selected = p.selected.min(n.saturating_sub(1));
            }
        }
        true
    }

    /// The tags filtered by, lower case, without `#`.
    fn tag_filter_tags(&self) -> Vec<String> {
        self.tag_filter
            .label()
            .split_whitespace()
            .map(|t| t.trim_start_matches('#').to_string())
            .collect()
    }

    /// What the tag filter keeps, if one is set and the tags are known.
    pub(super) fn tag_keep(&self) -> Option<Vec<NodeId>> {
        if self.tag_filter.is_empty() {
            return None;
        }
        let marks = self.marks.as_ref()?;
        Some(self.tag_filter.kept_nodes(&marks.tags, &self.notebook))
    }

    /// Narrows the outline to the tag filter (with the search's filter, if
    /// any), and says what is shown.
    pub(super) fn apply_tag_filter(&mut self) {
        self.apply_filter();
        if let Some(keep) = self.tag_keep() {
            let days = keep.iter().filter(|n| n.topic_index().is_none()).count();
            let topics = keep
                .iter()
                .filter(|n| n.topic_index().is_some() && n.section_index().is_none())
                .count();
            let key = self.keymap.key_label(Action::Close);
            let count = |n: usize, what: &str| match n {
                1 => format!("1 {what}"),
                n => format!("{n} {what}s"),
            };
            self.say(
                format!(
                    "{}: {}, {} — {key} clears",
                    self.tag_filter.label(),
                    count(days, "day"),
                    count(topics, "topic")
                ),
                Tone::Info,
            );
        }
    }

    /// Esc with nothing else to leave: the whole outline again. False when
    /// no tag filter was set.
    pub(super) fn clear_tag_filter(&mut self) -> bool {
        if self.tag_filter.is_empty() {
            return false;
        }
        self.tag_filter = Filter::default();
        self.apply_filter();
        self.say("tag filter cleared", Tone::Info);
        true
    }

    /// `#net #exam` while the outline is filtered by tags.
    pub fn tag_filter_label(&self) -> Option<String> {
        (!self.tag_filter.is_empty()).then(|| self.tag_filter.label())
    }
}
