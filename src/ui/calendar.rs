//! The calendar overlay: one month, Monday first, each day shaded by how
//! much was written on it (a contribution-style heatmap), the chosen day
//! highlighted.
//!
//! ```text
//! ┌ August 2025 ─────────────────┐
//! │  Mo  Tu  We  Th  Fr  Sa  Su  │
//! │                   1   2   3  │
//! │   4   5   6   7   8   9  10  │
//! │  …                           │
//! │  18  19  20  21 [22] 23  24  │   22: the cursor; 22-24 shaded
//! │                              │
//! │  Fri 8.22 · 3 topics         │
//! │  year assumed: 2026 (…)      │
//! │  less ▪ ▪ ▪ ▪ more           │
//! └──── Enter go · Esc close ────┘
//! ```

use ratatui::Frame;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::app::App;
use crate::app::dates::Calendar;
use crate::dates::{self, Civil, WEEKDAYS};
use crate::text;

/// Columns inside the border: seven cells of four and a margin.
const INNER_WIDTH: u16 = 30;

/// Rows inside the border.
const INNER_HEIGHT: u16 = 11;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Draws the calendar's month.
pub fn draw(frame: &mut Frame, app: &App, cal: Calendar) {
    let boxed = crate::layout::centred_box(frame.area(), INNER_WIDTH + 2, INNER_HEIGHT + 2);
    if boxed.is_empty() {
        return;
    }
    super::overlay::clear(frame, boxed);
    let (year, month, _) = cal.cursor;
    let title = format!(" {} {year} ", MONTHS[month as usize - 1]);
    let block = Block::bordered()
        .border_style(app.theme.ui.border_focused)
        .style(app.theme.ui.overlay)
        .title(Line::from(title))
        .title_bottom(Line::from(" Enter go · y year · Esc ").centered());
    let inner = block.inner(boxed);
    frame.render_widget(block, boxed);
    frame.render_widget(Paragraph::new(lines(app, cal)), inner);
}

/// The calendar's text: header, six weeks, the chosen day, the year note
/// and the legend.
pub fn lines(app: &App, cal: Calendar) -> Vec<Line<'static>> {
    let ui = &app.theme.ui;
    let (year, month, _) = cal.cursor;
    let header: String = WEEKDAYS.iter().map(|w| format!("  {}", &w[..2])).collect();
    let mut out = vec![Line::styled(header, ui.calendar_header)];
    let first = dates::weekday(year, month, 1) as usize;
    let last = dates::days_in_month(Some(year), month) as usize;
    for week in 0..6usize {
        let mut spans = Vec::new();
        for weekday in 0..7 {
            let n = (week * 7 + weekday + 1).saturating_sub(first);
            if n == 0 || n > last {
                spans.push(Span::raw("    "));
                continue;
            }
            let date = (year, month, n as u32);
            spans.push(Span::raw(" "));
            spans.push(Span::styled(format!("{n:>2} "), day_style(app, cal, date)));
        }
        out.push(Line::from(spans));
    }
    out.push(Line::default());
    out.push(Line::styled(about(app, cal.cursor), ui.overlay));
    if !app.dates.axis.years_known() {
        let a = app.dates.assumed;
        out.push(Line::styled(
            format!(" year {} assumed ({})", a.year, a.source),
            ui.dim,
        ));
    }
    // Shading alone for colour themes, with marks that survive NO_COLOR.
    let mut legend = vec![Span::styled(" less ", ui.dim)];
    for (style, mark) in ui.heat.into_iter().zip(["··", "░░", "▒▒", "▓▓", "██"]) {
        legend.push(Span::styled(mark, style));
        legend.push(Span::raw(" "));
    }
    legend.push(Span::styled("more", ui.dim));
    out.push(Line::from(legend));
    out
}

/// A day's cell: its heat, the cursor over it, today underlined.
fn day_style(app: &App, cal: Calendar, date: Civil) -> Style {
    let ui = &app.theme.ui;
    let style = if date == cal.cursor {
        ui.calendar_cursor
    } else {
        let level = app
            .dates
            .axis
            .day_on(date)
            .and_then(|i| app.dates.heat.get(i))
            .copied()
            .unwrap_or(0);
        ui.heat[usize::from(level.min(4))]
    };
    if date == app.dates.today {
        style.add_modifier(Modifier::UNDERLINED)
    } else {
        style
    }
}

/// ` Fri 8.22 · 3 topics`, or ` Mon 8.25 · no notes`.
pub(super) fn about(app: &App, date: Civil) -> String {
    let (y, m, d) = date;
    let weekday = WEEKDAYS[dates::weekday(y, m, d) as usize];
    let label = app.dates.axis.label(date);
    let what = match app.dates.axis.day_on(date) {
        Some(i) => {
            let n = app.notebook.days[i].topics.len();
            format!("{n} topic{}", if n == 1 { "" } else { "s" })
        }
        None => "no notes".into(),
    };
    text::truncate(
        &format!(" {weekday} {label} · {what}"),
        usize::from(INNER_WIDTH),
    )
    .into_owned()
}
