//! The calendar's year view (`y` in the calendar): the cursor's whole year,
//! a column per week and a row per weekday, each day shaded by how much was
//! written on it, with the current and longest streak of days with notes.
//!
//! ```text
//! ┌ 2025 ─────────────────────────────────────────────────────┐
//! │    Jan    Feb    Mar  …       Aug     Sep                  │
//! │Mo  ·······························░··█·····               │
//! │Tu  ·····························  ···▓·····               │
//! │…                                                           │
//! │ Fri 8.22 · 3 topics                                        │
//! │ streak: now 0 days · longest 3 days (8.22 … 8.24)          │
//! │ less · ░ ▒ ▓ █ more                                        │
//! └──────────── h l a week · j k a day · y month · Enter go ───┘
//! ```

use ratatui::Frame;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::app::App;
use crate::app::dates::Calendar;
use crate::dates::{self, Civil, WEEKDAYS, civil_from_days, days_from_civil};

/// Columns inside the border: weekday names, 54 weeks, a margin.
const INNER_WIDTH: u16 = 4 + 54 + 1;

/// Rows inside the border.
const INNER_HEIGHT: u16 = 12;

/// One mark per heat level, readable without colour.
const MARKS: [&str; 5] = ["·", "░", "▒", "▓", "█"];

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Draws the year of the calendar's cursor.
pub fn draw(frame: &mut Frame, app: &App, cal: Calendar) {
    let boxed = crate::layout::centred_box(frame.area(), INNER_WIDTH + 2, INNER_HEIGHT + 2);
    if boxed.is_empty() {
        return;
    }
    super::overlay::clear(frame, boxed);
    let block = Block::bordered()
        .border_style(app.theme.ui.border_focused)
        .style(app.theme.ui.overlay)
        .title(Line::from(format!(" {} ", cal.cursor.0)))
        .title_bottom(Line::from(" h l a week · j k a day · y month · Enter go ").centered());
    let inner = block.inner(boxed);
    frame.render_widget(block, boxed);
    frame.render_widget(Paragraph::new(lines(app, cal)), inner);
}

/// The year's text: month names, seven rows of weeks, the chosen day, the
/// streaks and the legend.
pub fn lines(app: &App, cal: Calendar) -> Vec<Line<'static>> {
    let ui = &app.theme.ui;
    let year = cal.cursor.0;
    let jan1 = days_from_civil(year, 1, 1);
    let start = jan1 - i64::from(dates::weekday(year, 1, 1));
    let end = days_from_civil(year, 12, 31);
    let weeks = usize::try_from((end - start) / 7 + 1).unwrap_or(0);
    // Month names over the week holding each month's first day.
    let mut header = vec![' '; 4 + weeks + 3];
    for (m, name) in MONTHS.iter().enumerate() {
        let first = days_from_civil(year, m as u32 + 1, 1);
        let col = 4 + usize::try_from((first - start) / 7).unwrap_or(0);
        if header[col..].iter().take(4).all(|c| *c == ' ') {
            for (k, c) in name.chars().enumerate() {
                header[col + k] = c;
            }
        }
    }
    let mut out = vec![Line::styled(
        header
            .into_iter()
            .collect::<String>()
            .trim_end()
            .to_string(),
        ui.calendar_header,
    )];
    for row in 0..7i64 {
        let mut spans = vec![Span::styled(
            format!("{:<4}", &WEEKDAYS[row as usize][..2]),
            ui.calendar_header,
        )];
        for week in 0..weeks as i64 {
            let n = start + week * 7 + row;
            if n < jan1 || n > end {
                spans.push(Span::raw(" "));
                continue;
            }
            let date = civil_from_days(n);
            let (mark, style) = cell(app, cal, date);
            spans.push(Span::styled(mark, style));
        }
        out.push(Line::from(spans));
    }
    out.push(Line::default());
    out.push(Line::styled(
        super::calendar::about(app, cal.cursor),
        ui.overlay,
    ));
    out.push(Line::styled(streaks(app), ui.overlay));
    let mut legend = vec![Span::styled(" less ", ui.dim)];
    for (style, mark) in ui.heat.into_iter().zip(MARKS) {
        legend.push(Span::styled(mark, style));
        legend.push(Span::raw(" "));
    }
    legend.push(Span::styled("more", ui.dim));
    out.push(Line::from(legend));
    out
}

/// A day's mark and style: its heat, the cursor over it, today underlined.
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
    let mut style = if date == cal.cursor {
        ui.calendar_cursor
    } else {
        ui.heat[usize::from(level)]
    };
    if date == app.dates.today {
        style = style.add_modifier(Modifier::UNDERLINED);
    }
    (MARKS[usize::from(level)], style)
}

/// ` streak: now 0 days · longest 3 days (8.22 … 8.24)`.
fn streaks(app: &App) -> String {
    let Some((longest, current)) = app.dates.streaks else {
        return String::new();
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
    format!(
        " streak: now {} · longest {}{span}",
        days(current.days),
        days(longest.days)
    )
}
