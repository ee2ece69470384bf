//! Tasks: list items with a box, `- [ ] open` and `- [x] done`, read from
//! every day and topic, oldest first; and the one rule of what a task line
//! is, which the renderer draws as `☐` and `☑`.
//!
//! ```text
//! 8.22 › 1.tcp握手         notes.txt:7    ☐ read RFC 793
//! 2024-01-05 › Reading     2024-01-05.md:4 ☐ chapter 5
//! ```

use crate::dates::Axis;
use crate::notes::{Notebook, Span};
use crate::outline::NodeId;
use crate::prose;

/// One task.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Task {
    /// The day, topic or section it is written in.
    pub node: NodeId,
    /// Index into [`Notebook::sources`].
    pub source: usize,
    /// 1-based line.
    pub line: usize,
    /// Ticked (`[x]`).
    pub done: bool,
    /// What it says, after its box.
    pub text: String,
}

/// A task item's box and text: `- [ ] a` is `(false, "a")`, `* [x] b` and
/// `1. [X] c` are done; `None` for any other line. The marker may be
/// indented; the box must be followed by a space or end the line.
pub fn task_line(line: &str) -> Option<(bool, &str)> {
    let rest = line.trim_start_matches([' ', '\t']);
    let after = if let Some(r) = rest.strip_prefix(['-', '*', '+']) {
        r
    } else {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 9 {
            return None;
        }
        rest[digits..].strip_prefix(['.', ')'])?
    };
    let boxed = after
        .strip_prefix([' ', '\t'])?
        .trim_start_matches([' ', '\t']);
    task_box(boxed)
}

/// `[ ] text` / `[x] text` at the start of an item's text.
pub fn task_box(text: &str) -> Option<(bool, &str)> {
    let done = match text.get(..3)? {
        "[ ]" => false,
        "[x]" | "[X]" => true,
        _ => return None,
    };
    let rest = &text[3..];
    match rest.chars().next() {
        None => Some((done, "")),
        Some(' ' | '\t') => Some((done, rest.trim())),
        Some(_) => None,
    }
}

/// The tasks of `nb` (only the open ones unless `all`), oldest day first
/// (the days placed on `axis`), then in file order.
pub fn tasks(nb: &Notebook, axis: &Axis, all: bool) -> Vec<Task> {
    let mut out = Vec::new();
    for (d, day) in nb.days.iter().enumerate() {
        let src = &nb.sources[day.source].text;
        let mut add = |span: Span, at: &dyn Fn(usize) -> NodeId| {
            let text = span.slice(src);
            if !text.contains('[') {
                return;
            }
            for line in prose::lines(text) {
                if let Some((done, what)) = task_line(&line.text)
                    && (all || !done)
                {
                    let n = span.line() + line.index;
                    // The text as written (code spans were blanked).
                    let raw = text[line.offset..].lines().next().unwrap_or_default();
                    let what = task_line(raw).map_or(what, |(_, w)| w);
                    out.push(Task {
                        node: at(n),
                        source: day.source,
                        line: n,
                        done,
                        text: what.to_string(),
                    });
                }
            }
        };
        add(day.preamble, &|_| NodeId::day(d));
        for (t, topic) in day.topics.iter().enumerate() {
            let sections = topic.sections();
            add(
                topic.body(),
                &|line| match sections.partition_point(|s| s.line() <= line) {
                    0 => NodeId::topic(d, t),
                    k => NodeId::section(d, t, k - 1),
                },
            );
        }
    }
    out.sort_by_key(|t| (axis.date(t.node.day_index()), t.node.day_index(), t.line));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn task_lines_and_near_misses() {
        assert_eq!(task_line("- [ ] read RFC"), Some((false, "read RFC")));
        assert_eq!(task_line("    * [x] done"), Some((true, "done")));
        assert_eq!(task_line("1. [X] first"), Some((true, "first")));
        assert_eq!(task_line("- [ ]"), Some((false, "")));
        for no in [
            "[ ] bare",
            "- [y] no",
            "- [ ]x",
            "-[ ] no",
            "- [link](x)",
            "text - [ ] no",
        ] {
            assert_eq!(task_line(no), None, "{no:?}");
        }
    }

    #[test]
    fn open_tasks_oldest_first_with_their_place() {
        // A log written newest first: the older day's task comes first.
        let text = "9.1:\n    1.b\n        - [ ] newer\n        - [x] finished\n8.22:\n    1.a\n        **Todo**：\n        - [ ] older\n        ```\n        - [ ] in code\n        ```\n";
        let nb = crate::load::from_text("n.txt", text.into());
        let axis = Axis::new(&nb, 2025);
        let got: Vec<(String, usize, bool)> = tasks(&nb, &axis, false)
            .into_iter()
            .map(|t| (t.text, t.line, t.done))
            .collect();
        assert_eq!(
            got,
            [("older".into(), 8, false), ("newer".into(), 3, false)]
        );
        let every = tasks(&nb, &axis, true);
        assert_eq!(every.len(), 3);
        assert_eq!(every[0].node, NodeId::section(1, 0, 0), "under **Todo**");
    }
}
