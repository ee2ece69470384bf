//! `daynotes stats`: the notes in figures, with a bar per month.

use std::io::Write;
use std::process::ExitCode;

use daynotes_core::dates::{AssumedYear, Axis, civil_from_days};
use daynotes_core::notes::Notebook;
use daynotes_core::stats::{Stats, Streak, bar, stats, weekday_name};

/// The width of the longest bar.
const BAR: usize = 24;

/// Prints the figures of `nb`; `assumed` is the year of days the notes
/// give none.
pub fn run(
    nb: &Notebook,
    assumed: AssumedYear,
    json: bool,
    w: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let axis = Axis::new(nb, assumed.year);
    let s = stats(nb, &axis, daynotes_core::dates::today());
    let year_note = (!axis.years_known() && !nb.days.is_empty())
        .then(|| format!("year {} assumed ({})", assumed.year, assumed.source));
    if json {
        serde_json::to_writer_pretty(
            &mut *w,
            &as_json(&s, &axis, year_note.is_some().then_some(assumed.year)),
        )?;
        writeln!(w)?;
        return Ok(ExitCode::SUCCESS);
    }
    let span = match (s.months.first(), axis.len()) {
        (Some(_), n) if n > 0 => {
            let dates: Vec<_> = (0..n).filter_map(|i| axis.date(i)).collect();
            let (first, last) = (dates.iter().min(), dates.iter().max());
            match (first, last) {
                (Some(a), Some(b)) => format!("  {} … {}", axis.label(*a), axis.label(*b)),
                _ => String::new(),
            }
        }
        _ => String::new(),
    };
    writeln!(w, "days             {:>7}{span}", s.days)?;
    writeln!(w, "topics           {:>7}", s.topics)?;
    writeln!(w, "words            {:>7}", s.words)?;
    writeln!(w, "CJK characters   {:>7}", s.cjk)?;
    writeln!(
        w,
        "longest streak   {:>7}{}",
        days(s.longest.days),
        streak_span(&axis, s.longest)
    )?;
    writeln!(w, "current streak   {:>7}", days(s.current.days))?;
    if let Some((day, n)) = s.busiest {
        writeln!(
            w,
            "busiest weekday  {:>7}  ({})",
            weekday_name(day),
            days(n)
        )?;
    }
    if let Some(note) = &year_note {
        writeln!(w, "                 {note}")?;
    }
    if !s.months.is_empty() {
        writeln!(w)?;
        writeln!(w, "words and characters written, by month:")?;
    }
    let max = s.months.iter().map(|m| m.written()).max().unwrap_or(0);
    for m in &s.months {
        writeln!(
            w,
            "{:04}-{:02}  {:<BAR$}  {:>6}  {} · {} topic{}",
            m.year,
            m.month,
            bar(m.written(), max, BAR),
            m.written(),
            days(m.days),
            m.topics,
            if m.topics == 1 { "" } else { "s" }
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `1 day`, `3 days`.
fn days(n: usize) -> String {
    format!("{n} day{}", if n == 1 { "" } else { "s" })
}

/// `  (8.22 … 8.24)` for a streak of more than one day.
fn streak_span(axis: &Axis, s: Streak) -> String {
    if s.days < 2 {
        return String::new();
    }
    let (a, b) = (civil_from_days(s.first), civil_from_days(s.last));
    format!("  ({} … {})", axis.label(a), axis.label(b))
}

fn as_json(s: &Stats, axis: &Axis, year_assumed: Option<i32>) -> serde_json::Value {
    let date = |n: i64| (n != 0 || s.longest.days > 0).then(|| axis.label(civil_from_days(n)));
    let streak = |k: Streak| {
        serde_json::json!({
            "days": k.days,
            "from": if k.days > 0 { date(k.first) } else { None },
            "to": if k.days > 0 { date(k.last) } else { None },
        })
    };
    serde_json::json!({
        "days": s.days,
        "topics": s.topics,
        "words": s.words,
        "cjk_characters": s.cjk,
        "year_assumed": year_assumed,
        "longest_streak": streak(s.longest),
        "current_streak": streak(s.current),
        "busiest_weekday": s.busiest.map(|(d, n)| serde_json::json!({"weekday": weekday_name(d), "days": n})),
        "months": s.months.iter().map(|m| serde_json::json!({
            "month": format!("{:04}-{:02}", m.year, m.month),
            "days": m.days,
            "topics": m.topics,
            "words": m.words,
            "cjk_characters": m.cjk,
        })).collect::<Vec<_>>(),
    })
}
