//! `daynotes list`: the outline as an indented tree with line numbers.
//!
//! ```text
//! 8.22  (3 topics)  :1
//!   1. tcp握手  :2
//!      第一次握手（SYN）  :5
//!        a nested section  :9
//! ```
//! Days sit at the margin, topics two columns in, sections under their
//! topic's title and two further columns per level. Line numbers are dimmed on
//! a terminal. With several files, a day's line number carries its file.

use std::io::Write;
use std::process::ExitCode;

use ratatui::text::{Line, Span};

use super::Output;
use crate::notes::{Day, Notebook};
use crate::sanitize::visible;
use crate::theme::UiStyles;

/// Writes the outline down to `depth` (1 days, 2 topics, 3 sections), a
/// row at a time: a million days are never held as rows all at once.
pub fn run(
    notebook: &Notebook,
    depth: u8,
    out: &Output,
    w: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let theme = &out.theme;
    rows(notebook, depth, &theme.ui, &mut |line| {
        super::write_lines(std::slice::from_ref(&line), out.color, w)
    })?;
    Ok(ExitCode::SUCCESS)
}

/// The outline as styled lines.
pub fn outline(notebook: &Notebook, depth: u8, styles: &UiStyles) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let _ = rows(notebook, depth, styles, &mut |line| {
        lines.push(line);
        Ok(())
    });
    lines
}

/// Hands each row of the outline to `emit`, in order; stops at its first
/// error.
fn rows(
    notebook: &Notebook,
    depth: u8,
    styles: &UiStyles,
    emit: &mut dyn FnMut(Line<'static>) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let several = notebook.sources.len() > 1;
    for day in &notebook.days {
        let place = if several {
            format!("{}:{}", notebook.sources[day.source].path, day.line())
        } else {
            format!(":{}", day.line())
        };
        let mut spans = vec![Span::styled(day_label(day), styles.outline_day)];
        let n = day.topics.len();
        let count = format!("  ({n} topic{})", if n == 1 { "" } else { "s" });
        spans.push(Span::styled(count, styles.dim));
        spans.push(Span::styled(format!("  {}", visible(&place)), styles.dim));
        emit(Line::from(spans))?;
        if depth < 2 {
            continue;
        }
        for topic in &day.topics {
            let number = topic.number.map(|n| format!("{n}. ")).unwrap_or_default();
            // Sections go under the title; under a topic without a number,
            // two columns further in so that they stand apart from it.
            let title_column = 2 + number.len().max(2);
            emit(row(
                2,
                visible(&topic.numbered_title()).into_owned(),
                topic.line(),
                styles.outline_topic,
                styles,
            ))?;
            if depth >= 3 {
                for s in topic.sections() {
                    emit(row(
                        title_column + 2 * s.depth(),
                        visible(topic.section_title(s)).into_owned(),
                        s.line(),
                        styles.outline_section,
                        styles,
                    ))?;
                }
            }
        }
    }
    Ok(())
}

/// `8.22` or `8.22 title`, made safe.
fn day_label(day: &Day) -> String {
    match &day.title {
        Some(t) if !t.trim().is_empty() => format!("{} {}", day.date, visible(t.trim())),
        _ => day.date.to_string(),
    }
}

fn row(
    indent: usize,
    text: String,
    line: usize,
    style: ratatui::style::Style,
    styles: &UiStyles,
) -> Line<'static> {
    Line::from(vec![
        Span::raw(" ".repeat(indent)),
        Span::styled(text, style),
        Span::styled(format!("  :{line}"), styles.dim),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::{NoteDate, Source, Span as TextSpan, Topic};
    use crate::theme::Theme;

    fn span(line: usize) -> TextSpan {
        TextSpan::new(0, 0, line)
    }

    fn notebook() -> Notebook {
        //  第一次握手（SYN）  (line 5)
        //    细节 ESC[31m     (line 6)
        let topic = Topic::new(
            Some(1),
            "tcp握手",
            span(2),
            span(3),
            &[
                (0, "第一次握手（SYN）", span(5)),
                (1, "细节\x1b[31m", span(6)),
            ],
        );
        Notebook {
            sources: vec![Source {
                path: "n.txt".into(),
                text: String::new(),
                leading: span(1),
                dividers: Vec::new(),
                newest_first: false,
            }],
            days: vec![Day {
                source: 0,
                date: NoteDate {
                    year: None,
                    month: 8,
                    day: 22,
                },
                title: None,
                heading: span(1),
                preamble: span(2),
                topics: vec![topic].into(),
            }],
            warnings: Vec::new(),
            skipped: Vec::new(),
        }
    }

    fn plain(lines: &[Line<'_>]) -> Vec<String> {
        lines.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn tree_is_indented_by_level() {
        let got = plain(&outline(&notebook(), 3, &Theme::plain().ui));
        assert_eq!(
            got,
            [
                "8.22  (1 topic)  :1",
                "  1. tcp握手  :2",
                "     第一次握手（SYN）  :5",
                "       细节␛[31m  :6",
            ]
        );
    }

    #[test]
    fn depth_cuts_the_tree() {
        let theme = Theme::plain();
        assert_eq!(plain(&outline(&notebook(), 1, &theme.ui)).len(), 1);
        assert_eq!(plain(&outline(&notebook(), 2, &theme.ui)).len(), 2);
    }
}
