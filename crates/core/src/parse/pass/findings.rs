//! What a pass reports once its lines are read: text before the first day,
//! duplicate dates, lines that look like day headings but were read as
//! text; and the order of days in a row.

use super::Pass;
use crate::notes::{NoteDate, Span, Warning};
use crate::parse::NO_DAYS;

impl Pass<'_> {
    /// Warns about each day whose date an earlier day already has, naming
    /// the line of the one before it. Done once at the end, on the dates
    /// sorted, rather than with a map updated on every day.
    fn warn_duplicates(&mut self) {
        let mut dates: Vec<(NoteDate, usize)> = self
            .out
            .days
            .iter()
            .map(|d| (d.date, d.heading.line()))
            .collect();
        dates.sort_unstable();
        for pair in dates.windows(2) {
            let [(before, first), (date, line)] = pair else {
                continue;
            };
            if before == date {
                self.warn(
                    *line,
                    format!("duplicate date {date} (also on line {first})"),
                );
            }
        }
    }

    pub(super) fn finish(&mut self) {
        let leading = self.out.leading;
        if self.out.days.is_empty() {
            if !self.text.trim().is_empty() {
                self.warn(0, NO_DAYS.into());
            }
        } else if !leading.slice(self.text).trim().is_empty() && !self.headed {
            let line = first_text_line(self.text, leading);
            self.warn(line, "text before the first day heading".into());
        }
        self.warn_duplicates();
        let misses = std::mem::take(&mut self.near_misses);
        for &(line, shown, why) in &misses {
            self.warn(
                line,
                format!("{shown:?} looks like a day heading; read as text: {why}"),
            );
        }
        if self.near_miss_count > misses.len() {
            let more = self.near_miss_count - misses.len();
            let last = misses.last().map_or(0, |m| m.0);
            self.warn(
                last,
                format!("{more} more lines look like day headings and are read as text"),
            );
        }
        self.out.warnings.sort_by_key(|w| w.line);
        if self.unlisted > 0 {
            self.out.warnings.insert(
                0,
                Warning {
                    source: 0,
                    line: 0,
                    message: format!(
                        "{} more findings not listed (the first {} are)",
                        self.unlisted,
                        super::MAX_WARNINGS
                    ),
                },
            );
        }
    }
}

/// next year, so only days of one month compare.
pub(super) fn out_of_order(prev: NoteDate, next: NoteDate, newest_first: bool) -> bool {
    let (a, b) = if newest_first {
        (next, prev)
    } else {
        (prev, next)
    };
    match (a.year, b.year) {
        (Some(_), Some(_)) => b < a,
        (None, None) => b.month == a.month && b.day < a.day,
        _ => false,
    }
}

/// The number of the first non-blank line of `span`.
fn first_text_line(text: &str, span: Span) -> usize {
    crate::notes::lines(span.slice(text))
        .position(|l| !l.trim().is_empty())
        .map_or(span.line(), |i| span.line() + i)
}
