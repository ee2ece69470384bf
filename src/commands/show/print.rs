//! Printing what `show` picked, a topic at a time: each topic's rows are
//! rendered, handed on to be written and dropped before the next topic is
//! rendered, so a day of many large topics is never held as rows whole.
//!
//! ```text
//! 8.23                     the day heading (date and title)
//!                          its preamble, rendered, when there is one
//! 1. http长轮询             each topic heading, the number hanging,
//!   HTTP长轮询是…           its body rendered two columns in
//! ```

use std::io;

use ratatui::text::{Line, Span};

use super::pick::Pick;
use daynotes_core::notes::{self, Day, Notebook, Topic};
use daynotes_view::label;
use daynotes_view::markdown::{self, Painter};
use daynotes_view::theme::MdStyles;

/// Columns a topic body is set in from its heading.
const BODY_INDENT: u16 = 2;

/// Where rows go, a batch at a time.
pub type Sink<'s> = dyn FnMut(Vec<Line<'static>>) -> io::Result<()> + 's;

/// How to lay rows out.
pub struct Page<'a> {
    /// Columns to fit.
    pub width: u16,
    /// The styles.
    pub styles: &'a MdStyles,
    /// Where code colours come from.
    pub painter: &'a Painter,
}

/// Hands the rows of `pick` to `sink`; returns what could only be shown as
/// plain text, with why.
pub fn print(
    nb: &Notebook,
    pick: &Pick<'_>,
    page: &Page<'_>,
    sink: &mut Sink<'_>,
) -> io::Result<Vec<String>> {
    let mut warnings = Vec::new();
    match pick {
        Pick::Days(days) => {
            for (i, day) in days.iter().enumerate() {
                if i > 0 {
                    sink(vec![Line::default()])?;
                }
                day_rows(nb, day, page, sink, &mut warnings)?;
            }
        }
        Pick::Topic(day, topic) => {
            let mut rows = day_heading(day, page);
            rows.push(Line::default());
            sink(rows)?;
            topic_rows(nb, day, topic, page, sink, &mut warnings)?;
        }
    }
    Ok(warnings)
}

/// The day heading, wrapped: its date, then its title hanging after it.
fn day_heading(day: &Day, page: &Page<'_>) -> Vec<Line<'static>> {
    let title = label::day_title(day).unwrap_or_default();
    let s = page.styles;
    markdown::heading(&day.date.to_string(), &title, page.width, s.heading, s)
}

fn day_rows(
    nb: &Notebook,
    day: &Day,
    page: &Page<'_>,
    sink: &mut Sink<'_>,
    warnings: &mut Vec<String>,
) -> io::Result<()> {
    let mut rows = day_heading(day, page);
    let preamble = notes::dedent(&notes::front_matter_as_fence(
        nb.text(day.source, day.preamble),
    ));
    if !preamble.trim().is_empty() {
        let rendered = markdown::render_with(&preamble, page.width, page.styles, page.painter);
        rows.extend(rendered.lines);
        if let Some(w) = rendered.warning {
            warnings.push(format!("{}: {w}", day.date));
        }
    }
    sink(rows)?;
    for topic in &day.topics {
        sink(vec![Line::default()])?;
        topic_rows(nb, day, topic, page, sink, warnings)?;
    }
    Ok(())
}

fn topic_rows(
    nb: &Notebook,
    day: &Day,
    topic: &Topic,
    page: &Page<'_>,
    sink: &mut Sink<'_>,
    warnings: &mut Vec<String>,
) -> io::Result<()> {
    let s = page.styles;
    let number = label::topic_lead(topic);
    let mut rows = markdown::heading(&number, topic.title(), page.width, s.topic_heading, s);
    let body = notes::dedent(nb.text(day.source, topic.body()));
    if !body.trim().is_empty() {
        let inner = page.width.saturating_sub(BODY_INDENT).max(1);
        let pad = " ".repeat(usize::from(BODY_INDENT));
        let rendered = markdown::render_with(&body, inner, s, page.painter);
        if let Some(w) = rendered.warning {
            let name = super::pick::topic_name(day, topic);
            warnings.push(format!("{}/{name}: {w}", day.date));
        }
        rows.extend(rendered.lines.into_iter().map(|line| {
            if line.spans.is_empty() {
                return line;
            }
            let mut spans = vec![Span::raw(pad.clone())];
            spans.extend(line.spans);
            Line::from(spans).style(line.style)
        }));
    }
    sink(rows)
}
