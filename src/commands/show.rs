//! `daynotes show DATE[/TOPIC]` and `daynotes show [FILE]:LINE`: one day,
//! or one topic of a day, rendered ([`print`](mod@print)); which one is [`pick`](mod@pick)'s
//! job. A date not in the notes is an error naming the nearest days; a date
//! of days in several years names how to ask for each. Code is coloured for
//! at most [`COLOUR_WAIT`] in all; what is not coloured by then is printed
//! in its plain colour.

mod backlinks;
mod pick;
mod print;

use std::io::Write;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use ratatui::text::Line;

use super::Output;
use crate::cli::ShowArgs;
use daynotes_core::dates::today;
use daynotes_core::dates::{self, Civil, DateExpr};
use daynotes_core::notes::{NoteDate, Notebook};
use daynotes_core::sanitize::visible;
use daynotes_view::markdown::{Painter, Wait};
use daynotes_view::theme::MdStyles;

pub use pick::Pick;
pub use print::Page;

/// How long `show` waits for code colours in all.
pub const COLOUR_WAIT: Duration = Duration::from_millis(500);

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

/// Writes the day or topic, a topic at a time.
pub fn run(
    args: &ShowArgs,
    notebook: &Notebook,
    out: &Output,
    w: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let pick = pick(&args.target, notebook)?;
    let painter = Painter::new(Wait::Until(Instant::now() + COLOUR_WAIT));
    let page = Page {
        width: args.width.unwrap_or_else(|| out.width()),
        styles: &out.theme.md,
        painter: &painter,
    };
    let warnings = print::print(notebook, &pick, &page, &mut |rows| {
        super::write_lines(&rows, out.color, w)
    })
    .context("writing")?;
    let rows = backlinks::rows(notebook, &pick, &out.theme.md);
    super::write_lines(&rows, out.color, w).context("writing")?;
    for warning in &warnings {
        eprintln!("daynotes: warning: {}", super::one_line(warning));
    }
    Ok(ExitCode::SUCCESS)
}

/// What `target` (`8.22/1`, `:12`, `notes.txt:12`) names in `notebook`.
pub fn pick<'a>(target: &str, notebook: &'a Notebook) -> anyhow::Result<Pick<'a>> {
    match pick::parse_line(target) {
        Some((file, line)) => pick::by_line(notebook, file, line),
        None => pick::by_date(notebook, Target::resolve(target, notebook, today())?),
    }
}

/// What `show` prints.
#[derive(Debug, Default)]
pub struct Shown {
    /// The rendered rows.
    pub lines: Vec<Line<'static>>,
    /// Bodies the renderer could only show as plain text, with why.
    pub warnings: Vec<String>,
}

/// The rows for `target`, all at once, or an error naming what exists
/// instead; code colours come from `painter`.
pub fn show(
    notebook: &Notebook,
    target: Target,
    width: u16,
    styles: &MdStyles,
    painter: &Painter,
) -> anyhow::Result<Shown> {
    let pick = pick::by_date(notebook, target)?;
    let page = Page {
        width,
        styles,
        painter,
    };
    let mut lines = Vec::new();
    let warnings = print::print(notebook, &pick, &page, &mut |rows| {
        lines.extend(rows);
        Ok(())
    })?;
    Ok(Shown { lines, warnings })
}

#[cfg(test)]
mod tests {
    use super::*;
    use daynotes_core::notes::{Day, Source, Span as TextSpan};
    use daynotes_view::theme::Theme;

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
            topics: Box::default(),
            counted: 0,
        };
        Notebook {
            sources: vec![Source {
                path: "n.txt".into(),
                text: String::new().into(),
                leading: TextSpan::default(),
                dividers: Vec::new(),
                newest_first: false,
                unsure_dates: [0; 2],
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
        assert_eq!(pick::nearest(&nb, date(8, 25)), ["8.22", "8.30"]);
        assert_eq!(pick::nearest(&nb, date(1, 1)), ["8.22"]);
        assert_eq!(pick::nearest(&nb, date(12, 1)), ["9.1"]);
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
