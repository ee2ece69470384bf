//! The calendar's year view (`y` in the calendar): the cursor's whole year,
//! a column per week and a row per weekday, each day a mark of how much
//! was written on it, with the current and longest streak of days with
//! notes.
//!
//! ```text
//! ┌ 2025 ─────────────────────────────────────────────────────┐
//! │    Jan    Feb    Mar  …       Aug     Sep                  │
//! │Mo  ·······························░··█·····               │
//! │Tu  ·····························  ···▓·····               │
//! │…                                                           │
//! │ 8.22 Fri · 3 topics                                        │
//! │ streak: now 0 days · longest 3 days (8.22 … 8.24)          │
//! │ less · ░ ▒ ▓ █ more                                        │
//! └──────────── h l a week · j k a day · y month · Enter go ───┘
//! ```
//!
//! The cursor's day is a `◆` on the cursor's colour, whatever its level.
//! On a narrow screen the weeks around the cursor are shown, the streak
//! and the key hints in shorter words; on a short one the rows that matter
//! least go first (the seven weekdays stay).

use ratatui::Frame;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::calendar_box::{self, MARKS, Row};
use crate::app::dates::Calendar;
use crate::app::{Action, App};
use crate::keymap::Context;
use daynotes_core::dates::{self, Civil, WEEKDAYS, civil_from_days, days_from_civil};

/// Columns of the weekday names.
const LABELS: u16 = 4;

/// Columns inside the border: weekday names, 54 weeks, a margin.
const INNER_WIDTH: u16 = LABELS + 54 + 1;

/// Rows inside the border.
const INNER_HEIGHT: u16 = 12;

/// The cursor's mark: not one of the heat's, so it shows on every level.
pub const CURSOR: &str = "◆";

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Draws the year of the calendar's cursor.
pub fn draw(frame: &mut Frame, app: &App, cal: Calendar) {
    let key = |a| app.keymap.key_in(Context::Calendar, a);
    let (left, right, down, up) = (
        key(Action::Left),
        key(Action::Right),
        key(Action::Down),
        key(Action::Up),
    );
    let (month, go) = (key(Action::YearView), key(Action::Accept));
    let footer = [
        format!(" {left} {right} a week · {down} {up} a day · {month} month · {go} go "),
        format!(" {left} {right} week · {down} {up} day · {month} month "),
        format!(" {month} month · {go} go "),
        format!(" {month} month "),
    ];
    let title = format!(" {} ", cal.cursor.0);
    let inner = (INNER_WIDTH, INNER_HEIGHT);
    calendar_box::draw(frame, app, (&title, &footer), inner, |width| {
        rows(app, cal, usize::from(width))
    });
}

/// The year's text at full size: month names, seven rows of weeks, the
/// chosen day, the streaks and the legend.
pub fn lines(app: &App, cal: Calendar) -> Vec<Line<'static>> {
    rows(app, cal, usize::from(INNER_WIDTH))
        .into_iter()
        .map(|r| r.line)
        .collect()
}

/// The rows of the year for `width` columns, each with how much it matters
/// on a short screen.
fn rows(app: &App, cal: Calendar, width: usize) -> Vec<Row> {
    let ui = &app.theme.ui;
    let year = cal.cursor.0;
    let jan1 = days_from_civil(year, 1, 1);
    let start = jan1 - i64::from(dates::weekday(year, 1, 1));
    let end = days_from_civil(year, 12, 31);
    let weeks = usize::try_from((end - start) / 7 + 1).unwrap_or(0);
    // The weeks shown: all of them, or as many as fit around the cursor's.
    let room = width.saturating_sub(usize::from(LABELS)).max(1);
    let shown = weeks.min(room);
    let cursor_week = usize::try_from((cursor_day(cal) - start) / 7).unwrap_or(0);
    let first = cursor_week.saturating_sub(shown / 2).min(weeks - shown);
    // Month names over the week holding each month's first day.
    let labels = usize::from(LABELS);
    let mut header = vec![' '; labels + shown + 3];
    for (m, name) in MONTHS.iter().enumerate() {
        let week =
            usize::try_from((days_from_civil(year, m as u32 + 1, 1) - start) / 7).unwrap_or(0);
        let Some(col) = week.checked_sub(first).filter(|c| *c < shown) else {
            continue;
        };
        let col = labels + col;
        let fits = col + name.len() <= labels + shown;
        if fits && header[col..].iter().take(4).all(|c| *c == ' ') {
            for (k, c) in name.chars().enumerate() {
                header[col + k] = c;
            }
        }
    }
    let header: String = header.into_iter().collect();
    let mut out = vec![Row::new(
        80,
        Line::styled(header.trim_end().to_string(), ui.calendar_header),
    )];
    let cursor_row = i64::from(dates::weekday(cal.cursor.0, cal.cursor.1, cal.cursor.2));
    for row in 0..7i64 {
        let mut spans = vec![Span::styled(
            format!("{:<4}", &WEEKDAYS[row as usize][..2]),
            ui.calendar_header,
        )];
        for week in first..first + shown {
            let n = start + week as i64 * 7 + row;
            if n < jan1 || n > end {
                spans.push(Span::raw(" "));
                continue;
            }
            let (mark, style) = cell(app, cal, civil_from_days(n));
            spans.push(Span::styled(mark, style));
        }
        // The cursor's weekday first, then those nearest it.
        let keep = 110 - row.abs_diff(cursor_row) as u16;
        out.push(Row::new(keep, Line::from(spans)));
    }
    out.push(Row::new(10, Line::default()));
    out.push(Row::new(
        60,
        Line::styled(super::calendar::about(app, cal.cursor), ui.overlay),
    ));
    let streak = calendar_box::first_fitting(&streaks(app), width);
    out.push(Row::new(70, Line::styled(streak, ui.overlay)));
    out.push(Row::new(40, calendar_box::legend(ui, 0)));
    out
}

/// The cursor's day number.
fn cursor_day(cal: Calendar) -> i64 {
    let (y, m, d) = cal.cursor;
    days_from_civil(y, m, d)
}

/// A day's mark and style: its heat, the cursor's mark over it, today
/// underlined.
fn cell(app: &App, cal: Calendar, date: Civil) -> (&'static str, Style) {
    let ui = &app.theme.ui;
    let level = app
        .dates
        .axis
        .day_on(date)
        .and_then(|i| app.dates.heat.get(i))
        .copied()
        .unwrap_or(0)
        .min(4);
    let (mark, mut style) = if date == cal.cursor {
        (CURSOR, ui.calendar_cursor)
    } else {
        (MARKS[usize::from(level)], ui.heat[usize::from(level)])
    };
    if date == app.dates.today {
        style = style.add_modifier(Modifier::UNDERLINED);
    }
    (mark, style)
}

/// The streak line in words, then shorter: ` streak: now 0 days · longest
/// 3 days (8.22 … 8.24)`, ` streak now 0 · longest 3 (8.22 … 8.24)`, ` now
/// 0 · longest 3 days`.
fn streaks(app: &App) -> Vec<String> {
    let Some((longest, current)) = app.dates.streaks else {
        return Vec::new();
    };
    let days = |n: usize| format!("{n} day{}", if n == 1 { "" } else { "s" });
    let span = if longest.days > 1 {
        let axis = &app.dates.axis;
        format!(
            " ({} … {})",
            axis.label(civil_from_days(longest.first)),
            axis.label(civil_from_days(longest.last))
        )
    } else {
        String::new()
    };
    let (now, most) = (current.days, longest.days);
    vec![
        format!(" streak: now {} · longest {}{span}", days(now), days(most)),
        format!(" streak now {now} · longest {most}{span}"),
        format!(" streak now {now} · longest {}", days(most)),
        format!(" now {now} · longest {most}"),
    ]
}
