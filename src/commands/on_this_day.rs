//! `daynotes on-this-day [DATE]`: the days of the same date in earlier
//! years, and a week, a month and three months before, with their topics.

use std::io::Write;
use std::process::ExitCode;

use crate::cli::OnThisDayArgs;
use daynotes_core::dates::{
    AssumedYear, Axis, Civil, WEEKDAYS, date_of, on_this_day, parse_expr, weekday,
};
use daynotes_core::notes::Notebook;
use daynotes_core::sanitize::one_line;

/// Prints what the date (default today) recalls.
pub fn run(
    args: &OnThisDayArgs,
    nb: &Notebook,
    assumed: AssumedYear,
    w: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let today = daynotes_core::dates::today();
    let axis = Axis::new(nb, assumed.year);
    let date = match args.date() {
        None => today,
        Some(text) => {
            let expr = parse_expr(text).map_err(|e| anyhow::anyhow!("{e}"))?;
            let year = if axis.years_known() {
                today.0
            } else {
                assumed.year
            };
            date_of(expr, year, today).map_err(|e| anyhow::anyhow!("{e}"))?
        }
    };
    writeln!(w, "on this day: {}", named(&axis, date))?;
    let recalled = on_this_day(&axis, date);
    for r in &recalled {
        let Some(d) = r.day else {
            writeln!(w, "{} ({}): no notes near it", r.label, axis.label(r.asked))?;
            continue;
        };
        let shown = axis.date(d).unwrap_or(r.asked);
        let gap = daynotes_core::dates::days_from_civil(r.asked.0, r.asked.1, r.asked.2)
            - daynotes_core::dates::days_from_civil(shown.0, shown.1, shown.2);
        let off = match gap {
            0 => String::new(),
            g => {
                let n = g.abs();
                let side = if g > 0 { "earlier" } else { "later" };
                format!(", {n} day{} {side}", if n == 1 { "" } else { "s" })
            }
        };
        let asked = if gap == 0 {
            String::new()
        } else {
            format!(" ({})", axis.label(r.asked))
        };
        writeln!(w, "{}{asked}: {}{off}", r.label, named(&axis, shown))?;
        for t in &nb.days[d].topics {
            writeln!(w, "  {}", one_line(&t.numbered_title()))?;
        }
    }
    if !axis.years_known() && !nb.days.is_empty() {
        writeln!(w, "(year {} assumed: {})", assumed.year, assumed.source)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `Thu 9.11`, `Thu 2025-09-11`.
fn named(axis: &Axis, (y, m, d): Civil) -> String {
    format!(
        "{} {}",
        WEEKDAYS[weekday(y, m, d) as usize],
        axis.label((y, m, d))
    )
}
