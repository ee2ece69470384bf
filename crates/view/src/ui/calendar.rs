//! The calendar overlay: one month, Monday first, each day followed by a
//! mark of how much was written on it (a contribution-style heatmap: a
//! fuller glyph, a more intense colour), the chosen day highlighted.
//!
//! ```text
//! ┌ August 2025 ─────────────────┐
//! │  Mo  Tu  We  Th  Fr  Sa  Su  │
//! │                   1   2   3  │
//! │   4   5   6   7   8   9  10  │
//! │  …                           │
//! │  18  19  20  21 [22]█23▓ 24░ │   22: the cursor, its mark beside it
//! │                              │
//! │  8.22 Fri · 3 topics         │
//! │  year assumed: 2026 (…)      │
//! │  less ░ ▒ ▓ █ more           │
//! └──── Enter go · y year · Esc ─┘
//! ```
//!
//! On a small screen the box loses its border, then its cells their mark
//! (the number takes the heat's colour), and the rows that matter least:
//! the chosen week always stays.

use ratatui::Frame;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use super::calendar_box::{self, MARKS, Row};
use crate::app::dates::Calendar;
use crate::app::{Action, App};
use crate::keymap::Context;
use crate::text;
use daynotes_core::dates::{self, Civil, MONTH_NAMES as MONTHS, WEEKDAYS};

/// Columns inside the border: seven cells of four and a margin.
const INNER_WIDTH: u16 = 30;

/// Rows inside the border.
const INNER_HEIGHT: u16 = 11;

/// How a day's cell is drawn, by the room there is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cell {
    /// ` 22▓`: a space, the number, its mark.
    Wide,
    /// `22▓`.
    Narrow,
    /// `22 `: the number in the heat's colour, no mark.
    Bare,
}

impl Cell {
    /// The cell that fits seven times in `width` columns.
    fn for_width(width: u16) -> Cell {
        match width {
            w if w >= 28 => Cell::Wide,
            w if w >= 21 => Cell::Narrow,
            _ => Cell::Bare,
        }
    }
}

/// Draws the calendar's month.
pub fn draw(frame: &mut Frame, app: &App, cal: Calendar) {
    let (year, month, _) = cal.cursor;
    let title = format!(" {} {year} ", MONTHS[month as usize - 1]);
    let key = |a| app.keymap.key_in(Context::Calendar, a);
    let (go, year, close) = (
        key(Action::Accept),
        key(Action::YearView),
        key(Action::Close),
    );
    let footer = [
        format!(" {go} go · {year} year · {close} "),
        format!(" {go} go · {close} "),
        format!(" {close} "),
    ];
    let inner = (INNER_WIDTH, INNER_HEIGHT);
    calendar_box::draw(frame, app, (&title, &footer), inner, |width| {
        rows(app, cal, Cell::for_width(width))
    });
}

/// The calendar's text at full size: header, six weeks, the chosen day,
/// the year note and the legend.
pub fn lines(app: &App, cal: Calendar) -> Vec<Line<'static>> {
    rows(app, cal, Cell::Wide)
        .into_iter()
        .map(|r| r.line)
        .collect()
}

/// The rows of the month, each with how much it matters on a short
/// screen: the chosen week most, then the chosen day's line, the header,
/// the weeks nearest the chosen one, the legend.
fn rows(app: &App, cal: Calendar, cell: Cell) -> Vec<Row> {
    let ui = &app.theme.ui;
    let (year, month, day) = cal.cursor;
    // A column of margin on the left when the cells are wide.
    let margin = if cell == Cell::Wide { " " } else { "" };
    let header: String = std::iter::once(margin.to_string())
        .chain(WEEKDAYS.iter().map(|w| match cell {
            Cell::Wide => format!(" {} ", &w[..2]),
            Cell::Narrow | Cell::Bare => format!("{} ", &w[..2]),
        }))
        .collect();
    let mut out = vec![Row::new(80, Line::styled(header, ui.calendar_header))];
    let first = dates::weekday(year, month, 1) as usize;
    let last = dates::days_in_month(Some(year), month) as usize;
    let chosen_week = (day as usize + first - 1) / 7;
    for week in 0..6usize {
        let mut spans = vec![Span::raw(margin)];
        for weekday in 0..7 {
            let n = (week * 7 + weekday + 1).saturating_sub(first);
            if n == 0 || n > last {
                spans.push(Span::raw(if cell == Cell::Wide { "    " } else { "   " }));
                continue;
            }
            spans.extend(day_cell(app, cal, (year, month, n as u32), cell));
        }
        let keep = if week == chosen_week {
            100
        } else {
            70 - week.abs_diff(chosen_week) as u16
        };
        out.push(Row::new(keep, Line::from(spans)));
    }
    out.push(Row::new(10, Line::default()));
    out.push(Row::new(
        90,
        Line::styled(about(app, cal.cursor), ui.overlay),
    ));
    if !app.dates.axis.years_known() {
        let a = app.dates.assumed;
        let note = format!(" year {} assumed ({})", a.year, a.source);
        out.push(Row::new(30, Line::styled(note, ui.dim)));
    }
    if cell != Cell::Bare {
        // Days without notes have no mark: the legend starts at level 1.
        out.push(Row::new(40, calendar_box::legend(ui, 1)));
    }
    out
}

/// A day's cell: its number (the cursor over it, today underlined) and
/// the mark of its heat.
fn day_cell(app: &App, cal: Calendar, date: Civil, cell: Cell) -> Vec<Span<'static>> {
    let ui = &app.theme.ui;
    let day = app.dates.axis.day_on(date);
    let level = usize::from(
        day.and_then(|i| app.dates.heat.get(i))
            .copied()
            .unwrap_or(0)
            .min(4),
    );
    let mut number = match (date == cal.cursor, day, cell) {
        (true, _, _) => ui.calendar_cursor,
        (false, Some(_), Cell::Bare) => ui.overlay.patch(ui.heat[level]),
        (false, Some(_), _) => ui.overlay,
        (false, None, _) => ui.dim,
    };
    if date == app.dates.today {
        number = number.add_modifier(Modifier::UNDERLINED);
    }
    let mark = match day {
        Some(_) if level > 0 => Span::styled(MARKS[level], ui.heat[level]),
        _ => Span::raw(" "),
    };
    let digits = format!("{:>2}", date.2);
    match cell {
        Cell::Wide => vec![Span::raw(" "), Span::styled(digits, number), mark],
        Cell::Narrow => vec![Span::styled(digits, number), mark],
        Cell::Bare => vec![Span::styled(digits, number), Span::raw(" ")],
    }
}

/// ` 8.22 Fri · 3 topics`, or ` 8.25 Mon · no notes`.
pub(super) fn about(app: &App, date: Civil) -> String {
    let what = match app.dates.axis.day_on(date) {
        Some(i) => {
            let n = app.notebook.days[i].topics.len();
            format!("{n} topic{}", if n == 1 { "" } else { "s" })
        }
        None => "no notes".into(),
    };
    text::truncate(
        &format!(" {} · {what}", date_name(app, date)),
        usize::from(INNER_WIDTH),
    )
    .into_owned()
}

/// A date of the calendar as days are named everywhere: `8.22 Fri`,
/// `2025-08-22 Fri`, the weekday written as the notes write them.
pub(super) fn date_name(app: &App, date: Civil) -> String {
    let (y, m, d) = date;
    let weekday = app.dates.weekdays.name(dates::weekday(y, m, d) as usize);
    format!("{} {weekday}", app.dates.axis.label(date))
}
