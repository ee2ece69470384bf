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

use super::{Output, push_number};
use crate::ansi::Row;
use daynotes_core::notes::{Day, Notebook};
use daynotes_core::sanitize::visible;
use daynotes_view::theme::UiStyles;

/// Writes the outline down to `depth` (1 days, 2 topics, 3 sections), a
/// row at a time: a million days are never held as rows all at once.
pub fn run(
    notebook: &Notebook,
    depth: u8,
    out: &Output,
    w: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    write_outline(notebook, depth, &out.theme.ui, out.color, w)?;
    Ok(ExitCode::SUCCESS)
}

/// Days whose rows are made at a time by one thread.
const BLOCK: usize = 2048;

/// Writes the outline's rows to `w`, styled when `color`, a block of days
/// at a time on every thread ([`daynotes_core::blocks`]).
pub fn write_outline(
    notebook: &Notebook,
    depth: u8,
    styles: &UiStyles,
    color: bool,
    w: &mut dyn Write,
) -> std::io::Result<()> {
    let blocks: Vec<&[Day]> = notebook.days.chunks(BLOCK).collect();
    daynotes_core::blocks::write_in_order(
        blocks.len(),
        |i, buf| day_rows(notebook, blocks[i], depth, styles, color, buf),
        w,
    )
}

/// Appends the rows of `days` to `buf`.
fn day_rows(
    notebook: &Notebook,
    days: &[Day],
    depth: u8,
    styles: &UiStyles,
    color: bool,
    buf: &mut String,
) {
    let several = notebook.sources.len() > 1;
    // Made into, and cleared, for every row: no allocation a row.
    let (mut name, mut num, mut title) = (String::new(), String::new(), String::new());
    for day in days {
        let mut row = Row::new(buf, color);
        name.clear();
        day.name().push_to(&mut name);
        row.shown(&visible(&name), styles.outline_day);
        let n = day.topic_count();
        num.clear();
        num.push_str("  (");
        push_number(&mut num, n);
        num.push_str(if n == 1 { " topic)" } else { " topics)" });
        row.shown(&num, styles.dim);
        num.clear();
        num.push_str("  ");
        if several {
            num.push_str(&notebook.sources[day.source].path);
        }
        num.push(':');
        push_number(&mut num, day.line());
        if several {
            row.styled(&num, styles.dim);
        } else {
            // Spaces, a colon and digits: nothing to make safe.
            row.shown(&num, styles.dim);
        }
        row.end();
        if depth < 2 {
            continue;
        }
        for topic in &day.topics {
            // Sections go under the title; under a topic without a number,
            // two columns further in so that they stand apart from it.
            let title_column = 2 + topic.number_width().max(2);
            title.clear();
            topic.push_numbered_title(&mut title);
            let at = (2, topic.line());
            row_at(
                buf,
                color,
                at,
                &title,
                styles.outline_topic,
                styles,
                &mut num,
            );
            if depth >= 3 {
                for s in topic.sections() {
                    let indent = title_column + 2 * s.depth();
                    let title = topic.section_title(s);
                    let at = (indent, s.line());
                    let style = styles.outline_section;
                    row_at(buf, color, at, title, style, styles, &mut num);
                }
            }
        }
    }
}

/// A topic's or a section's row: `text` at column `indent`, its `line`;
/// `num` is room to write the number in.
fn row_at(
    buf: &mut String,
    color: bool,
    (indent, line): (usize, usize),
    text: &str,
    style: ratatui::style::Style,
    styles: &UiStyles,
    num: &mut String,
) {
    const SPACES: &str = "                                                                ";
    let mut row = Row::new(buf, color);
    let mut left = indent;
    while left > 0 {
        let n = left.min(SPACES.len());
        row.plain(&SPACES[..n]);
        left -= n;
    }
    row.styled(text, style);
    num.clear();
    num.push_str("  :");
    push_number(num, line);
    // Spaces, a colon and digits: nothing to make safe.
    row.shown(num, styles.dim);
    row.end();
}

#[cfg(test)]
mod tests {
    use super::*;
    use daynotes_core::notes::{NoteDate, Source, Span as TextSpan, Topic};
    use daynotes_view::theme::Theme;

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
            span(3).end(),
            &[
                (0, "第一次握手（SYN）", span(5)),
                (1, "细节\x1b[31m", span(6)),
            ],
        );
        Notebook {
            sources: vec![Source {
                path: "n.txt".into(),
                text: String::new().into(),
                leading: span(1),
                dividers: Vec::new(),
                newest_first: false,
                unsure_dates: [0; 2],
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
                counted: 0,
            }],
            warnings: Vec::new(),
            skipped: Vec::new(),
        }
    }

    fn outline(nb: &Notebook, depth: u8, styles: &UiStyles) -> Vec<String> {
        let mut out = Vec::new();
        write_outline(nb, depth, styles, false, &mut out).unwrap();
        String::from_utf8(out)
            .unwrap()
            .lines()
            .map(String::from)
            .collect()
    }

    #[test]
    fn tree_is_indented_by_level() {
        let got = outline(&notebook(), 3, &Theme::plain().ui);
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
        assert_eq!(outline(&notebook(), 1, &theme.ui).len(), 1);
        assert_eq!(outline(&notebook(), 2, &theme.ui).len(), 2);
    }
}
