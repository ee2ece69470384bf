//! `daynotes check`: the parser's warnings, one per line, as compilers print
//! them (`PATH:LINE: message`), so editors can jump to them. Exit status 1
//! when there are any.

use std::io::Write;
use std::process::ExitCode;

use daynotes_core::notes::Notebook;
use daynotes_core::sanitize::visible;

/// Writes every warning, a line at a time; returns 1 when there was at
/// least one.
pub fn run(notebook: &Notebook, w: &mut dyn Write) -> anyhow::Result<ExitCode> {
    for line in lines(notebook) {
        writeln!(w, "{line}")?;
    }
    // Not a warning: a way of keeping notes, said once instead of a
    // warning on every day.
    for src in notebook.sources.iter().filter(|s| s.newest_first) {
        writeln!(w, "{}: note: days run newest first", visible(&src.path))?;
    }
    for src in &notebook.sources {
        for line in unsure_dates(src.unsure_dates) {
            writeln!(w, "{}: note: {line}", visible(&src.path))?;
        }
    }
    if let Some(report) = daynotes_core::load::skipped_report(&notebook.skipped) {
        writeln!(w, "note: {}", visible(&report))?;
    }
    let skipped_warnings: Vec<_> = notebook.skipped.iter().filter(|s| s.warning).collect();
    for s in &skipped_warnings {
        writeln!(w, "{}: warning: {}", visible(&s.path), visible(&s.why))?;
    }
    let links = daynotes_core::links::Links::of_notebook(notebook);
    let mut broken = 0;
    for l in links.broken_for_check() {
        writeln!(w, "{}", broken_link(notebook, l))?;
        broken += 1;
    }
    Ok(
        if notebook.warnings.is_empty() && skipped_warnings.is_empty() && broken == 0 {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        },
    )
}

/// `PATH:LINE: broken link [[x]]: why`, made safe.
fn broken_link(nb: &Notebook, l: &daynotes_core::links::Link) -> String {
    let path = nb.sources.get(l.source).map_or("?", |s| s.path.as_str());
    let why = match &l.to {
        daynotes_core::links::Resolved::Broken(why) => why.as_str(),
        _ => "",
    };
    visible(&format!(
        "{path}:{}: broken link {}: {why}",
        l.line,
        super::links::written(l)
    ))
    .into_owned()
}

/// What `check` says of dates with the year last read in an order nothing
/// told: a line for each order used.
fn unsure_dates([day_first, month_first]: [usize; 2]) -> Vec<String> {
    let count = |n: usize| match n {
        1 => "1 date".to_string(),
        n => format!("{n} dates"),
    };
    let mut lines = Vec::new();
    if day_first > 0 {
        lines.push(format!(
            "{} with the year last (07.02.2024): read day first, as dots and dashes are in Europe; \
             no date past the 12th (02.13.2024) says which comes first",
            count(day_first)
        ));
    }
    if month_first > 0 {
        lines.push(format!(
            "{} with the year last (02/07/2024): read month first, as slashes are in the US; \
             no date past the 12th (13/02/2024) says which comes first",
            count(month_first)
        ));
    }
    lines
}

/// The warning lines, made safe. A warning about the whole file (line 0)
/// has no line number.
pub fn report(notebook: &Notebook) -> Vec<String> {
    lines(notebook).collect()
}

/// [`report`], one line at a time.
fn lines(notebook: &Notebook) -> impl Iterator<Item = String> + '_ {
    notebook.warnings.iter().map(|warning| {
        let path = notebook
            .sources
            .get(warning.source)
            .map_or("?", |s| s.path.as_str());
        let message = daynotes_core::notes::lines(&warning.message)
            .collect::<Vec<_>>()
            .join(" ");
        let place = if warning.line == 0 {
            visible(path).into_owned()
        } else {
            format!("{}:{}", visible(path), warning.line)
        };
        format!("{place}: {}", visible(&message))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use daynotes_core::notes::{Source, Span, Warning};

    #[test]
    fn lines_look_like_a_compiler() {
        let nb = Notebook {
            sources: vec![Source {
                path: "n.txt".into(),
                text: String::new().into(),
                leading: Span::default(),
                dividers: Vec::new(),
                newest_first: false,
                unsure_dates: [0; 2],
            }],
            days: Vec::new(),
            warnings: vec![
                Warning {
                    source: 0,
                    line: 0,
                    message: "decoded as GB18030".into(),
                },
                Warning {
                    source: 0,
                    line: 7,
                    message: "not a date: 13.45\x1b]0;x\x07".into(),
                },
            ],
            skipped: Vec::new(),
        };
        assert_eq!(
            report(&nb),
            [
                "n.txt: decoded as GB18030",
                "n.txt:7: not a date: 13.45␛]0;x␇"
            ]
        );
    }
}
