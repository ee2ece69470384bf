//! The export schema: the notes tree as plain serde structs, written as JSON
//! or YAML by `daynotes export`.
//!
//! The schema is stable and documented in the README. Text is exported raw
//! (titles as parsed, bodies dedented with [`notes::dedent`]): the JSON and
//! YAML encoders escape control characters themselves, so nothing is lost and
//! nothing reaches a terminal unescaped.
//!
//! ```text
//! { source, days: [ { year, month, day, line, title, preamble,
//!                     topics: [ { number, title, line, body,
//!                                 sections: [ { title, line, sections } ] } ] } ],
//!   outside: [ { line, text } ],
//!   warnings: [ { line, message } ] }
//! ```
//!
//! `outside` holds the text that belongs to no day (before the first day,
//! year lines and group headings with the lines after them; a whole file
//! without days), so that every line of the notes is in the export; it is
//! left out when empty.
//!
//! With several source files, `source` is their common directory and every
//! day and warning carries its own `source` path as well.

pub mod anki;
pub mod json;
pub mod yaml;

use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

use crate::notes::{self, Notebook, Topic};

/// The whole export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Export {
    /// The file the notes came from; with several files, their common
    /// directory.
    pub source: String,
    /// Every day, in the notebook's order.
    pub days: Vec<ExportDay>,
    /// Text outside every day, in file order; absent when there is none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outside: Vec<ExportText>,
    /// Every parser warning.
    pub warnings: Vec<ExportWarning>,
}

/// One day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportDay {
    /// The file of this day; present only when there are several files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The year, `null` when the notes never say it.
    pub year: Option<i32>,
    /// Month, 1-12.
    pub month: u8,
    /// Day of the month.
    pub day: u8,
    /// 1-based line of the day heading.
    pub line: usize,
    /// Text after the date on the heading line, `null` when there is none.
    pub title: Option<String>,
    /// Text between the heading and the first topic, dedented.
    pub preamble: String,
    /// The day's topics.
    pub topics: Vec<ExportTopic>,
}

/// A run of lines outside every day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportText {
    /// The file of this text; present only when there are several files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// 1-based line of its first non-blank line.
    pub line: usize,
    /// The lines, dedented.
    pub text: String,
}

/// One topic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportTopic {
    /// The number as written; `null` for a topic that is not a numbered
    /// line (a heading, a bold line, a time, a list item).
    pub number: Option<u32>,
    /// The title without its number.
    pub title: String,
    /// 1-based line of the topic heading.
    pub line: usize,
    /// The body, dedented.
    pub body: String,
    /// Section headings inside the body, nested.
    pub sections: Vec<ExportSection>,
    /// A starred journal entry; absent when not starred.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub starred: bool,
}

/// One section heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportSection {
    /// The heading text without markers.
    pub title: String,
    /// 1-based line of the heading.
    pub line: usize,
    /// Sections nested under this one.
    pub sections: Vec<ExportSection>,
}

/// One parser warning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportWarning {
    /// The file of this warning; present only when there are several files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// 1-based line, 0 for findings about the whole file.
    pub line: usize,
    /// What was found.
    pub message: String,
}

impl Export {
    /// The export of `notebook`.
    pub fn new(notebook: &Notebook) -> Self {
        Export {
            source: common_source(notebook),
            days: notebook.days.iter().map(|d| day(notebook, d)).collect(),
            outside: outside(notebook),
            warnings: notebook
                .warnings
                .iter()
                .map(|w| warning(notebook, w))
                .collect(),
        }
    }
}

/// The export of a notebook as it is written: the same document as
/// [`Export`], made a day at a time while it is serialised, so that no copy
/// of the whole notebook is held (a million days would double what they
/// take).
pub struct Streamed<'a>(pub &'a Notebook);

impl Serialize for Streamed<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let nb = self.0;
        let outside = outside(nb);
        let fields = if outside.is_empty() { 3 } else { 4 };
        let mut doc = s.serialize_struct("Export", fields)?;
        doc.serialize_field("source", &common_source(nb))?;
        let days = Each(|| nb.days.iter().map(|d| day(nb, d)));
        doc.serialize_field("days", &days)?;
        if outside.is_empty() {
            doc.skip_field("outside")?;
        } else {
            doc.serialize_field("outside", &outside)?;
        }
        let warnings = Each(|| nb.warnings.iter().map(|w| warning(nb, w)));
        doc.serialize_field("warnings", &warnings)?;
        doc.end()
    }
}

/// A sequence made item by item as it is serialised.
struct Each<F>(F);

impl<F, I> Serialize for Each<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq((self.0)())
    }
}

/// The file of day or warning `i`'s source, when there are several files.
fn source_of(notebook: &Notebook, i: usize) -> Option<String> {
    (notebook.sources.len() > 1).then(|| notebook.sources[i].path.clone())
}

fn day(notebook: &Notebook, d: &notes::Day) -> ExportDay {
    ExportDay {
        source: source_of(notebook, d.source),
        year: d.date.year,
        month: d.date.month,
        day: d.date.day,
        line: d.line(),
        title: d.title.as_deref().map(String::from),
        preamble: notes::dedent(notebook.text(d.source, d.preamble)),
        topics: d
            .topics
            .iter()
            .map(|t| topic(notebook, d.source, t))
            .collect(),
    }
}

fn warning(notebook: &Notebook, w: &notes::Warning) -> ExportWarning {
    ExportWarning {
        source: source_of(notebook, w.source),
        line: w.line,
        message: w.message.clone(),
    }
}

/// The text of every source outside its days, from its first non-blank
/// line.
fn outside(notebook: &Notebook) -> Vec<ExportText> {
    let several = notebook.sources.len() > 1;
    let mut out = Vec::new();
    for src in &notebook.sources {
        let spans = std::iter::once(src.leading).chain(src.dividers.iter().map(|d| d.span));
        for span in spans {
            let text = span.slice(&src.text);
            let Some(skip) = notes::lines(text).position(|l| !l.trim().is_empty()) else {
                continue;
            };
            out.push(ExportText {
                source: several.then(|| src.path.clone()),
                line: span.line() + skip,
                text: notes::dedent(text),
            });
        }
    }
    out
}

fn topic(notebook: &Notebook, source: usize, t: &Topic) -> ExportTopic {
    ExportTopic {
        number: t.number,
        title: t.title().to_string(),
        line: t.line(),
        body: notes::dedent(notebook.text(source, t.body())),
        sections: sections(t, None),
        starred: t.starred,
    }
}

/// The sections directly under `parent` (the topic itself when `None`),
/// each with those under it.
fn sections(t: &Topic, parent: Option<usize>) -> Vec<ExportSection> {
    t.children(parent)
        .map(|(k, s)| ExportSection {
            title: t.section_title(s).to_string(),
            line: s.line(),
            sections: sections(t, Some(k)),
        })
        .collect()
}

/// One source: its path. Several: the longest directory prefix they share
/// (`notes/` for `notes/a.txt` and `notes/b.txt`).
fn common_source(notebook: &Notebook) -> String {
    let mut paths = notebook.sources.iter().map(|s| s.path.as_str());
    let Some(first) = paths.next() else {
        return String::new();
    };
    let mut common = first;
    for p in paths {
        let shared = common
            .char_indices()
            .zip(p.chars())
            .find(|((_, a), b)| a != b)
            .map_or(common.len().min(p.len()), |((i, _), _)| i);
        common = &common[..shared];
    }
    if notebook.sources.len() > 1 {
        // Cut back to a whole directory name.
        common = common.rfind(['/', '\\']).map_or("", |i| &common[..=i]);
        if common.is_empty() {
            return ".".to_string();
        }
    }
    common.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::{Day, NoteDate, Source, Span, Warning};

    fn source(path: &str, text: &str) -> Source {
        Source {
            path: path.into(),
            text: text.into(),
            leading: Span::default(),
            dividers: Vec::new(),
            newest_first: false,
            unsure_dates: [0; 2],
        }
    }

    fn day(source: usize, heading: Span, topics: Vec<Topic>) -> Day {
        Day {
            source,
            date: NoteDate {
                year: None,
                month: 8,
                day: 22,
            },
            title: None,
            heading,
            preamble: Span::empty(heading.end(), heading.line() + 1),
            topics: topics.into(),
            counted: 0,
        }
    }

    #[test]
    fn one_file_has_no_per_day_source() {
        //  1  8.22:
        //  2      1.tcp
        //  3          body line
        //  4              nested
        let text = "8.22:\n    1.tcp\n        body line\n            nested\n";
        let t = Topic::new(Some(1), "tcp", Span::new(6, 16, 2), text.len(), &[]);
        let nb = Notebook {
            sources: vec![source("n.txt", text)],
            days: vec![day(0, Span::new(0, 6, 1), vec![t])],
            warnings: vec![Warning {
                source: 0,
                line: 3,
                message: "odd".into(),
            }],
            skipped: Vec::new(),
        };
        let json = serde_json::to_value(Export::new(&nb)).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "source": "n.txt",
                "days": [{"year": null, "month": 8, "day": 22, "line": 1, "title": null,
                    "preamble": "",
                    "topics": [{"number": 1, "title": "tcp", "line": 2,
                        "body": "body line\n    nested", "sections": []}]}],
                "warnings": [{"line": 3, "message": "odd"}]
            })
        );
    }

    #[test]
    fn several_files_name_their_directory_and_each_day() {
        let h = Span::new(0, 5, 1);
        let nb = Notebook {
            sources: vec![
                source("notes/a.txt", "8.22\n"),
                source("notes/ab.txt", "8.22\n"),
            ],
            days: vec![day(0, h, Vec::new()), day(1, h, Vec::new())],
            warnings: Vec::new(),
            skipped: Vec::new(),
        };
        let e = Export::new(&nb);
        assert_eq!(e.source, "notes/");
        assert_eq!(e.days[1].source.as_deref(), Some("notes/ab.txt"));
    }
}
