//! `daynotes show DATE[/TOPIC]`: one day, or one topic of a day, rendered.
//!
//! ```text
//! 8.23                     the day heading (date and title)
//!                          its preamble, rendered, when there is one
//! 1. http长轮询             each topic heading,
//!   HTTP长轮询是…           its body rendered two columns in
//! ```
//! A topic alone is shown under its day heading. A date not in the notes is
//! an error naming the nearest days. Code is coloured for at most
//! [`COLOUR_WAIT`] in all; what is not coloured by then is printed in its
//! plain colour.

use std::io::Write;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use ratatui::text::{Line, Span};

use super::Output;
use crate::app::dates::today;
use crate::cli::ShowArgs;
use crate::dates::{Civil, DateExpr};
use crate::markdown::{Painter, Wait};
use crate::notes::{self, Day, NoteDate, Notebook, Topic};
use crate::sanitize::visible;
use crate::theme::MdStyles;
use crate::ui::label;
use crate::{dates, markdown};

/// How long `show` waits for code colours in all.
pub const COLOUR_WAIT: Duration = Duration::from_millis(500);

/// Columns a topic body is set in from its heading.
const BODY_INDENT: u16 = 2;

/// What `DATE[/TOPIC]` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    /// The day (year only when given).
    pub date: NoteDate,
    /// A topic number, when given.
    pub topic: Option<u32>,
}

impl Target {
    /// Parses every form of the go-to-date prompt, optionally with
    /// `/TOPIC`. `today`, `-3` (days before today) and `23` (that day of
    /// this month) count from `today`; the year is kept only when the notes
    /// give every day one (else `8.22` names the day whatever its year).
    pub fn resolve(s: &str, notebook: &Notebook, today: Civil) -> anyhow::Result<Target> {
        let (expr, topic) = split(s)?;
        let (year, month, day) = match expr {
            DateExpr::Date { year, month, day } => {
                return Ok(Target {
                    date: note_date(year, month, day),
                    topic,
                });
            }
            DateExpr::FromToday(n) | DateExpr::FromSelected(n) => dates::add_days(today, n),
            DateExpr::DayOfMonth(d) => {
                if d > dates::days_in_month(Some(today.0), today.1) {
                    bail!("{d}: month {} has fewer days", today.1);
                }
                (today.0, today.1, d)
            }
        };
        let years_known = notebook.days.iter().all(|d| d.date.year.is_some());
        let year = years_known.then_some(year);
        Ok(Target {
            date: note_date(year, month, day),
            topic,
        })
    }
}

/// The date expression and the topic number of `DATE[/TOPIC]`.
fn split(s: &str) -> anyhow::Result<(DateExpr, Option<u32>)> {
    let s = s.trim();
    if let Ok(expr) = dates::parse_expr(s) {
        return Ok((expr, None));
    }
    if let Some((day, topic)) = s.rsplit_once('/')
        && let Ok(topic) = topic.trim().parse::<u32>()
        && let Ok(expr) = dates::parse_expr(day)
    {
        return Ok((expr, Some(topic)));
    }
    dates::parse_expr(s)
        .map(|e| (e, None))
        .map_err(|e| anyhow::anyhow!("{} (a topic as in 8.22/1)", visible(&e)))
}

/// A checked date's numbers as a [`NoteDate`].
fn note_date(year: Option<i32>, month: u32, day: u32) -> NoteDate {
    NoteDate {
        year,
        month: u8::try_from(month).unwrap_or(1),
        day: u8::try_from(day).unwrap_or(1),
    }
}

/// Writes the day or topic.
pub fn run(
    args: &ShowArgs,
    notebook: &Notebook,
    out: &Output,
    w: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let target = Target::resolve(&args.target, notebook, today())?;
    let width = args.width.unwrap_or_else(|| out.width());
    let theme = &out.theme;
    let painter = Painter::new(Wait::Until(Instant::now() + COLOUR_WAIT));
    let shown = show(notebook, target, width, &theme.md, &painter)?;
    super::write_lines(&shown.lines, out.color, w).context("writing")?;
    for warning in &shown.warnings {
        eprintln!("daynotes: warning: {}", super::one_line(warning));
    }
    Ok(ExitCode::SUCCESS)
}

/// What `show` prints.
#[derive(Debug, Default)]
pub struct Shown {
    /// The rendered rows.
    pub lines: Vec<Line<'static>>,
    /// Bodies the renderer could only show as plain text, with why.
    pub warnings: Vec<String>,
}

/// The rows for `target`, or an error naming what exists instead; code
/// colours come from `painter`.
pub fn show(
    notebook: &Notebook,
    target: Target,
    width: u16,
    styles: &MdStyles,
    painter: &Painter,
) -> anyhow::Result<Shown> {
    let days: Vec<&Day> = notebook
        .days
        .iter()
        .filter(|d| same_day(d.date, target.date))
        .collect();
    let Some(first) = days.first() else {
        bail!(
            "no notes for {}; nearest: {}",
            target.date,
            nearest(notebook, target.date).join(", ")
        );
    };
    if let Some(other) = days.iter().find(|d| d.date != first.date) {
        bail!(
            "{} is in more than one year ({} and {}); give the year, as in {}",
            target.date,
            first.date,
            other.date,
            first.date
        );
    }
    let mut shown = Shown::default();
    match target.topic {
        None => {
            for (i, day) in days.iter().enumerate() {
                if i > 0 {
                    shown.lines.push(Line::default());
                }
                day_lines(notebook, day, width, styles, painter, &mut shown);
            }
        }
        Some(n) => {
            let found = days
                .iter()
                .find_map(|d| topic_numbered(d, n).map(|t| (*d, t)));
            let Some((day, topic)) = found else {
                let numbers: Vec<String> = days
                    .iter()
                    .flat_map(|d| d.topics.iter().map(|t| topic_name(d, t)))
                    .collect();
                bail!(
                    "{} has no topic {n} (topics: {})",
                    first.date,
                    if numbers.is_empty() {
                        "none".to_string()
                    } else {
                        numbers.join(", ")
                    }
                );
            };
            shown.lines.extend(day_heading(day, width, styles));
            shown.lines.push(Line::default());
            topic_lines(notebook, day, topic, width, styles, painter, &mut shown);
        }
    }
    Ok(shown)
}

/// Topic `n` of a day: the one numbered `n`, else (for topics without
/// numbers) the `n`th.
fn topic_numbered(day: &Day, n: u32) -> Option<&Topic> {
    day.topics.iter().find(|t| t.number == Some(n)).or_else(|| {
        let t = day.topics.get(usize::try_from(n).ok()?.checked_sub(1)?)?;
        t.number.is_none().then_some(t)
    })
}

/// How `show` names a topic after the day's date: its number, or its place
/// among the day's topics when it has none.
fn topic_name(day: &Day, topic: &Topic) -> String {
    match topic.number {
        Some(n) => n.to_string(),
        None => {
            let at = day.topics.iter().position(|t| std::ptr::eq(t, topic));
            at.map_or_else(String::new, |i| (i + 1).to_string())
        }
    }
}

fn same_day(day: NoteDate, wanted: NoteDate) -> bool {
    day.month == wanted.month
        && day.day == wanted.day
        && (wanted.year.is_none() || day.year == wanted.year)
}

/// The day heading, wrapped to `width`: its date, then its title when it
/// has one, hanging after the date.
fn day_heading(day: &Day, width: u16, styles: &MdStyles) -> Vec<Line<'static>> {
    let title = label::day_title(day).unwrap_or_default();
    markdown::heading(
        &day.date.to_string(),
        &title,
        width,
        styles.heading,
        styles.control,
    )
}

fn day_lines(
    notebook: &Notebook,
    day: &Day,
    width: u16,
    styles: &MdStyles,
    painter: &Painter,
    shown: &mut Shown,
) {
    shown.lines.extend(day_heading(day, width, styles));
    let preamble = notes::dedent(&notes::front_matter_as_fence(
        notebook.text(day.source, day.preamble),
    ));
    if !preamble.trim().is_empty() {
        let rendered = markdown::render_with(&preamble, width, styles, painter);
        shown.lines.extend(rendered.lines);
        if let Some(w) = rendered.warning {
            shown.warnings.push(format!("{}: {w}", day.date));
        }
    }
    for topic in &day.topics {
        shown.lines.push(Line::default());
        topic_lines(notebook, day, topic, width, styles, painter, shown);
    }
}

fn topic_lines(
    notebook: &Notebook,
    day: &Day,
    topic: &Topic,
    width: u16,
    styles: &MdStyles,
    painter: &Painter,
    shown: &mut Shown,
) {
    shown.lines.extend(markdown::heading(
        &label::topic_lead(topic),
        topic.title(),
        width,
        styles.topic_heading,
        styles.control,
    ));
    let body = notes::dedent(notebook.text(day.source, topic.body));
    if body.trim().is_empty() {
        return;
    }
    let inner = width.saturating_sub(BODY_INDENT).max(1);
    let pad = " ".repeat(usize::from(BODY_INDENT));
    let rendered = markdown::render_with(&body, inner, styles, painter);
    if let Some(w) = rendered.warning {
        shown
            .warnings
            .push(format!("{}/{}: {w}", day.date, topic_name(day, topic)));
    }
    for line in rendered.lines {
        if line.spans.is_empty() {
            shown.lines.push(line);
            continue;
        }
        let mut spans = vec![Span::raw(pad.clone())];
        spans.extend(line.spans);
        shown.lines.push(Line::from(spans).style(line.style));
    }
}

/// Up to two days around `wanted` (the last before and the first after), or
/// the first and last days when it lies outside them.
fn nearest(notebook: &Notebook, wanted: NoteDate) -> Vec<String> {
    let key = |d: NoteDate| {
        let year = if wanted.year.is_some() {
            d.year.unwrap_or(0)
        } else {
            0
        };
        (year, d.month, d.day)
    };
    let target = key(wanted);
    let mut dates: Vec<NoteDate> = notebook.days.iter().map(|d| d.date).collect();
    dates.sort_by_key(|d| key(*d));
    dates.dedup();
    if dates.is_empty() {
        return vec!["the notes have no days".to_string()];
    }
    let after = dates.partition_point(|d| key(*d) < target);
    let mut out = Vec::new();
    if after > 0 {
        out.push(dates[after - 1].to_string());
    }
    if after < dates.len() {
        out.push(dates[after].to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::{Source, Span as TextSpan};
    use crate::theme::Theme;

    fn date(month: u8, day: u8) -> NoteDate {
        NoteDate {
            year: None,
            month,
            day,
        }
    }

    /// ```text
    /// 1 8.22:
    /// 2 8.30:
    /// 3 9.1
    /// ```
    fn notebook() -> Notebook {
        let day = |d: NoteDate, line: usize| Day {
            source: 0,
            date: d,
            title: None,
            heading: TextSpan::new(0, 0, line),
            preamble: TextSpan::default(),
            topics: Vec::new(),
        };
        Notebook {
            sources: vec![Source {
                path: "n.txt".into(),
                text: String::new(),
                leading: TextSpan::default(),
                dividers: Vec::new(),
                newest_first: false,
            }],
            days: vec![day(date(8, 22), 1), day(date(8, 30), 2), day(date(9, 1), 3)],
            warnings: Vec::new(),
            skipped: Vec::new(),
        }
    }

    #[test]
    fn targets_in_every_heading_form() {
        let nb = notebook();
        let t = |s: &str| Target::resolve(s, &nb, (2025, 9, 1)).ok();
        let day = Target {
            date: date(8, 22),
            topic: None,
        };
        assert_eq!(t("8.22"), Some(day));
        assert_eq!(t("8月22日"), Some(day));
        assert_eq!(t("8/22"), Some(day));
        assert_eq!(
            t("8.22/1"),
            Some(Target {
                topic: Some(1),
                ..day
            })
        );
        assert_eq!(
            t("8/22/3"),
            Some(Target {
                topic: Some(3),
                ..day
            })
        );
        let full = t("2025-08-22/2").unwrap();
        assert_eq!(full.date.year, Some(2025));
        assert_eq!(full.topic, Some(2));
        assert_eq!(t("13.45"), None);
        assert_eq!(t("2.30"), None);
        assert_eq!(t("tuesday"), None);
        // Relative forms count from today (2025-09-01); the notes name no
        // year, so none is kept.
        assert_eq!(t("-1").map(|t| t.date), Some(date(8, 31)));
        assert_eq!(t("23").map(|t| t.date), Some(date(9, 23)));
        assert_eq!(t("31"), None, "September has 30 days");
    }

    #[test]
    fn missing_day_names_its_neighbours() {
        let nb = notebook();
        assert_eq!(nearest(&nb, date(8, 25)), ["8.22", "8.30"]);
        assert_eq!(nearest(&nb, date(1, 1)), ["8.22"]);
        assert_eq!(nearest(&nb, date(12, 1)), ["9.1"]);
        let target = Target {
            date: date(8, 25),
            topic: None,
        };
        let err = show(
            &nb,
            target,
            80,
            &Theme::plain().md,
            &Painter::new(Wait::Done),
        )
        .unwrap_err();
        assert_eq!(err.to_string(), "no notes for 8.25; nearest: 8.22, 8.30");
    }

    #[test]
    fn missing_topic_lists_the_topics() {
        let target = Target {
            date: date(8, 22),
            topic: Some(4),
        };
        let err = show(
            &notebook(),
            target,
            80,
            &Theme::plain().md,
            &Painter::new(Wait::Done),
        )
        .unwrap_err();
        assert_eq!(err.to_string(), "8.22 has no topic 4 (topics: none)");
    }
}
