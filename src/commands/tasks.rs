//! `daynotes tasks`: the open tasks (`- [ ] …`), oldest day first, each
//! with its place and line; `--all` adds the ticked ones.
//!
//! ```text
//! notes.txt:7: ☐ read RFC 793  (8.22 › 1.tcp握手)
//! ```

use std::io::Write;
use std::process::ExitCode;

use serde::Serialize;

use daynotes_core::dates::Axis;
use daynotes_core::notes::Notebook;
use daynotes_core::sanitize::visible;
use daynotes_core::search::place_names;
use daynotes_core::tasks::{Task, tasks};

/// Writes the tasks.
pub fn run(
    nb: &Notebook,
    axis: &Axis,
    all: bool,
    json: bool,
    w: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let list = tasks(nb, axis, all);
    if json {
        let rows: Vec<Row> = list.iter().map(|t| Row::of(nb, t)).collect();
        serde_json::to_writer_pretty(&mut *w, &rows)?;
        writeln!(w)?;
    } else {
        for t in &list {
            writeln!(w, "{}", line(nb, t))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `PATH:LINE: ☐ text  (place)`, made safe.
pub fn line(nb: &Notebook, t: &Task) -> String {
    let path = nb.sources.get(t.source).map_or("?", |s| s.path.as_str());
    let mark = if t.done { "☑" } else { "☐" };
    visible(&format!(
        "{path}:{}: {mark} {}  ({})",
        t.line,
        t.text,
        place_names(nb, t.node).join(" › ")
    ))
    .into_owned()
}

/// A task in the JSON output.
#[derive(Serialize)]
struct Row {
    source: String,
    line: usize,
    day: String,
    place: Vec<String>,
    done: bool,
    text: String,
}

impl Row {
    fn of(nb: &Notebook, t: &Task) -> Row {
        Row {
            source: nb
                .sources
                .get(t.source)
                .map(|s| s.path.clone())
                .unwrap_or_default(),
            line: t.line,
            day: nb
                .days
                .get(t.node.day_index())
                .map(|d| d.date.to_string())
                .unwrap_or_default(),
            place: place_names(nb, t.node),
            done: t.done,
            text: t.text.clone(),
        }
    }
}
