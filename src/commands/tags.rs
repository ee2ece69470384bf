//! `daynotes tags`: every tag with how many days and topics carry it, most
//! first; and `--tag` of `list`, `search`, `export` and `review`, read and
//! checked here.
//!
//! ```text
//!    3  #net
//!    1  #exam
//! ```

use std::io::Write;
use std::process::ExitCode;

use serde::Serialize;

use daynotes_core::notes::Notebook;
use daynotes_core::outline::NodeId;
use daynotes_core::sanitize::visible;
use daynotes_core::tags::{Filter, Tags};

/// Writes each tag and its count.
pub fn run(nb: &Notebook, json: bool, w: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let tags = Tags::of_notebook(nb);
    let counts = tags.counts();
    if json {
        #[derive(Serialize)]
        struct Row<'a> {
            tag: &'a str,
            count: usize,
        }
        let rows: Vec<Row> = counts
            .iter()
            .map(|&(tag, count)| Row { tag, count })
            .collect();
        serde_json::to_writer_pretty(&mut *w, &rows)?;
        writeln!(w)?;
    } else {
        let wide = counts.first().map_or(1, |(_, c)| c.to_string().len());
        for (tag, count) in counts {
            writeln!(w, "{count:>wide$}  #{}", visible(tag))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The tags of a notebook and the ones `--tag` asked for.
#[derive(Debug)]
pub struct Tagged {
    /// Every tag of the notes.
    pub tags: Tags,
    /// What must hold.
    pub filter: Filter,
}

impl Tagged {
    /// `--tag`'s tags read against `nb`; `None` without any. A tag no day or
    /// topic carries is an error naming those that exist.
    pub fn of(nb: &Notebook, wanted: &[String]) -> anyhow::Result<Option<Tagged>> {
        let filter = Filter::new(wanted);
        if filter.is_empty() {
            return Ok(None);
        }
        let tags = Tags::of_notebook(nb);
        let unknown = filter.unknown(&tags);
        if !unknown.is_empty() {
            let known: Vec<String> = tags.counts().iter().map(|(t, _)| format!("#{t}")).collect();
            let known = if known.is_empty() {
                "the notes carry no tags".to_string()
            } else {
                format!("tags: {}", known.join(" "))
            };
            anyhow::bail!(
                "no day or topic is tagged #{}; {}",
                visible(&unknown.join(" #")),
                visible(&known)
            );
        }
        Ok(Some(Tagged { tags, filter }))
    }

    /// True when the place of a line holds every tag (text outside every
    /// day holds none).
    pub fn keeps(&self, nb: &Notebook, node: Option<NodeId>) -> bool {
        node.is_some_and(|n| self.filter.holds(&self.tags, nb, n))
    }
}
