//! `daynotes links`: every link of the notes, where it is written and where
//! it goes, one per line as compilers print places (`PATH:LINE:`), or as
//! JSON.
//!
//! ```text
//! notes.txt:5: 8.22 › 2.ports: [[8.23#SSE]] → 8.23 › 2.SSE
//! notes.txt:5: 8.22 › 2.ports: [[Nothing]] → broken: no day, title or file named "Nothing"
//! ```

use std::io::Write;
use std::process::ExitCode;

use serde::Serialize;

use daynotes_core::links::{Link, Links, Resolved};
use daynotes_core::notes::Notebook;
use daynotes_core::sanitize::visible;
use daynotes_core::search::place_names;

/// Writes every link; exit status 0 (broken ones are `check`'s findings).
pub fn run(nb: &Notebook, json: bool, w: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let links = Links::of_notebook(nb);
    if json {
        let rows: Vec<Row> = links.all().iter().map(|l| Row::of(nb, l)).collect();
        serde_json::to_writer_pretty(&mut *w, &rows)?;
        writeln!(w)?;
    } else {
        for l in links.all() {
            writeln!(w, "{}", line(nb, l))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A link as written: `[[dest]]`, `[text](dest)` or the URL alone.
pub fn written(l: &Link) -> String {
    let w = &l.written;
    if w.wiki {
        format!("[[{}]]", w.dest)
    } else if w.text == w.dest {
        w.dest.clone()
    } else {
        format!("[{}]({})", w.text, w.dest)
    }
}

/// Where a link goes, in words: the place, `file PATH`, the URL, or
/// `broken: why`.
pub fn goes(nb: &Notebook, to: &Resolved) -> String {
    match to {
        Resolved::Node(n) => place_names(nb, *n).join(" › "),
        Resolved::File(p) => format!("file {}", p.display()),
        Resolved::Url(u) => u.clone(),
        Resolved::Broken(why) => format!("broken: {why}"),
    }
}

/// `PATH:LINE: place: written → where`, made safe.
pub fn line(nb: &Notebook, l: &Link) -> String {
    let path = nb.sources.get(l.source).map_or("?", |s| s.path.as_str());
    visible(&format!(
        "{path}:{}: {}: {} → {}",
        l.line,
        place_names(nb, l.node).join(" › "),
        written(l),
        goes(nb, &l.to)
    ))
    .into_owned()
}

/// A link in the JSON output.
#[derive(Serialize)]
struct Row {
    source: String,
    line: usize,
    from: Vec<String>,
    text: String,
    dest: String,
    wiki: bool,
    resolves: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    to: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    broken: Option<String>,
}

impl Row {
    fn of(nb: &Notebook, l: &Link) -> Row {
        let mut row = Row {
            source: nb
                .sources
                .get(l.source)
                .map(|s| s.path.clone())
                .unwrap_or_default(),
            line: l.line,
            from: place_names(nb, l.node),
            text: l.written.text.clone(),
            dest: l.written.dest.clone(),
            wiki: l.written.wiki,
            resolves: l.to.resolves(),
            to: None,
            file: None,
            url: None,
            broken: None,
        };
        match &l.to {
            Resolved::Node(n) => row.to = Some(place_names(nb, *n)),
            Resolved::File(p) => row.file = Some(p.display().to_string()),
            Resolved::Url(u) => row.url = Some(u.clone()),
            Resolved::Broken(why) => row.broken = Some(why.clone()),
        }
        row
    }
}
