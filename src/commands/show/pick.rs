//! Which days or topic `show` prints: those of a date (`8.22`, `8.22/1`),
//! or the day or topic holding a line (`:12`, `notes.txt:12`), or an error
//! naming what exists instead.
//!
//! A line names any day, also one that its date alone cannot: `9.2` before
//! a year line and `9.2` after it (2024-09-02) are both `9.2`, and the one
//! without a year has no other name. When a date means days of more than
//! one year, the error says how to name each:
//!
//! ```text
//! 9.2 is in more than one year: 9.2 (show :1), 2024-09-02 (show 2024-09-02)
//! ```

use anyhow::{Result, anyhow, bail};

use super::Target;
use daynotes_core::notes::{Day, NoteDate, Notebook, Topic};
use daynotes_core::sanitize::visible;

/// What to print.
#[derive(Debug)]
pub enum Pick<'a> {
    /// Whole days, in order (several when one date has several headings).
    Days(Vec<&'a Day>),
    /// One topic, under its day's heading.
    Topic(&'a Day, &'a Topic),
}

/// The days (or topic) of `target`'s date.
pub fn by_date(nb: &Notebook, target: Target) -> Result<Pick<'_>> {
    let days: Vec<&Day> = nb
        .days
        .iter()
        .filter(|d| same_day(d.date, target.date))
        .collect();
    let Some(first) = days.first() else {
        bail!(
            "no notes for {}; nearest: {}",
            target.date,
            nearest(nb, target.date).join(", ")
        );
    };
    if days.iter().any(|d| d.date != first.date) {
        bail!(
            "{} is in more than one year: {}",
            target.date,
            names(nb, &days, target.topic).join(", ")
        );
    }
    let Some(n) = target.topic else {
        return Ok(Pick::Days(days));
    };
    let found = days
        .iter()
        .find_map(|d| topic_numbered(d, n).map(|t| (*d, t)));
    let Some((day, topic)) = found else {
        let numbers: Vec<String> = days
            .iter()
            .flat_map(|d| d.topics.iter().map(|t| topic_name(d, t)))
            .collect();
        let numbers = if numbers.is_empty() {
            "none".to_string()
        } else {
            numbers.join(", ")
        };
        bail!("{} has no topic {n} (topics: {numbers})", first.date);
    };
    Ok(Pick::Topic(day, topic))
}

/// How to ask for each date among `days` alone: `9.2 (show :1)` for a day
/// without a year (by its line, or its topic's), `2024-09-02 (show
/// 2024-09-02)` for one with.
fn names(nb: &Notebook, days: &[&Day], topic: Option<u32>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut seen: Vec<NoteDate> = Vec::new();
    for day in days {
        if day.date.year.is_some() && seen.contains(&day.date) {
            continue;
        }
        seen.push(day.date);
        let how = match (day.date.year, topic) {
            (Some(_), Some(n)) => format!("{}/{n}", day.date),
            (Some(_), None) => day.date.to_string(),
            (None, _) => {
                let line = topic
                    .and_then(|n| topic_numbered(day, n))
                    .map_or(day.line(), Topic::line);
                line_name(nb, day.source, line)
            }
        };
        out.push(format!("{} (show {how})", day.date));
    }
    out
}

/// `:12`, or `notes/a.txt:12` when the notes come from several files.
fn line_name(nb: &Notebook, source: usize, line: usize) -> String {
    if nb.sources.len() > 1 {
        format!("{}:{line}", visible(&nb.sources[source].path))
    } else {
        format!(":{line}")
    }
}

/// Reads `:LINE` or `FILE:LINE`; `None` when `s` is not of that form.
pub fn parse_line(s: &str) -> Option<(&str, usize)> {
    let (file, line) = s.trim().rsplit_once(':')?;
    let line: usize = line.parse().ok()?;
    Some((file, line))
}

/// The day, or topic, holding line `line` of the file named `file` (the
/// end of its path; any file when empty).
pub fn by_line<'a>(nb: &'a Notebook, file: &str, line: usize) -> Result<Pick<'a>> {
    let sources: Vec<usize> = (0..nb.sources.len())
        .filter(|&i| file.is_empty() || nb.sources[i].path.ends_with(file))
        .collect();
    if sources.is_empty() {
        bail!("no notes file {} is read", visible(file));
    }
    let mut found = Vec::new();
    for &s in &sources {
        let text = &nb.sources[s].text;
        let Some(at) = line
            .checked_sub(1)
            .and_then(|i| daynotes_core::notes::lines(text).nth(i))
            .map(|l| l.as_ptr() as usize - text.as_ptr() as usize)
        else {
            continue;
        };
        if let Some(pick) = holding(nb, s, at) {
            found.push((s, pick));
        }
    }
    match found.len() {
        1 => Ok(found.remove(0).1),
        0 if sources
            .iter()
            .all(|&s| daynotes_core::notes::lines(&nb.sources[s].text).count() < line) =>
        {
            Err(anyhow!("line {line} is past the end of the notes"))
        }
        0 => Err(anyhow!("line {line} is in no day")),
        _ => {
            let places: Vec<String> = found.iter().map(|(s, _)| line_name(nb, *s, line)).collect();
            Err(anyhow!(
                "line {line} is in several files: {}",
                places.join(", ")
            ))
        }
    }
}

/// The day of source `s` whose text holds byte `at`, or its topic there.
fn holding(nb: &Notebook, s: usize, at: usize) -> Option<Pick<'_>> {
    let day = nb
        .days
        .iter()
        .filter(|d| d.source == s && d.heading.start() <= at)
        .max_by_key(|d| d.heading.start())?;
    let end = day
        .topics
        .iter()
        .map(|t| t.body().end().max(t.heading.end()))
        .chain([day.heading.end(), day.preamble.end()])
        .max()
        .unwrap_or(0);
    if at >= end && at > day.heading.start() {
        return None;
    }
    let topic = day.topics.iter().rfind(|t| t.heading.start() <= at);
    Some(match topic {
        Some(t) => Pick::Topic(day, t),
        None => Pick::Days(vec![day]),
    })
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
pub fn topic_name(day: &Day, topic: &Topic) -> String {
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

/// Up to two days around `wanted` (the last before and the first after), or
/// the first and last days when it lies outside them.
pub fn nearest(notebook: &Notebook, wanted: NoteDate) -> Vec<String> {
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
