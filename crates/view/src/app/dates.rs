//! The date axis in the viewer: the go-to-date prompt (`:`), the calendar
//! (`c`) and jumping back and forward through [`History`](super::history::History).
//!
//! The prompt resolves as it is typed: the status line shows where Enter
//! would go (`→ 8.24, no notes on 8.25 …`) or why it cannot (`2.30 is not a
//! date …`), and an entry that cannot be read moves nothing.

use super::Tone;
use super::{Action, App, Mode};
use crate::text::{Erase, erase};
use daynotes_core::dates::{self, Axis, Civil, DateExpr, Landing};
use daynotes_core::notes::Notebook;
use daynotes_core::outline::NodeId;

pub use daynotes_core::dates::AssumedYear;

/// The most characters the go-to-date prompt holds: more than any date
/// expression needs, so that every key (a paste is many) reads a short
/// entry.
pub const PROMPT_MAX: usize = 64;

/// The go-to-date prompt.
#[derive(Debug, Clone, Default)]
pub struct DatePrompt {
    /// What was typed.
    pub text: String,
    /// Where Enter would go, or why it cannot: shown beside the entry.
    pub preview: Option<Result<String, String>>,
}

/// The calendar overlay: the month of the cursor is shown, or its year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Calendar {
    /// The chosen date.
    pub cursor: Civil,
    /// The month of the cursor, or its whole year (`y`) with the streaks.
    pub shows: Shown,
}

/// What the calendar shows around its cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// Its month, a week to a row.
    Month,
    /// Its year, a week to a column.
    Year,
}

/// Everything about dates the viewer keeps beyond the prompt and the
/// calendar (which are [`Mode`]s).
#[derive(Debug, Clone)]
pub struct DateNav {
    /// The days on the calendar line.
    pub axis: Axis,
    /// Heat level 0-4 per day index, worked out when the calendar first
    /// opens (empty until then).
    pub heat: Vec<u8>,
    /// The year of days the notes give no year.
    pub assumed: AssumedYear,
    /// Today's date, read from `clock` when the prompt or the calendar
    /// opens (a viewer left open past midnight moves on with it).
    pub today: Civil,
    /// Where today's date comes from: the local clock ([`dates::today`]); tests
    /// put a fixed date here.
    pub clock: fn() -> Civil,
    /// The longest and the current streak of days with notes, worked out
    /// when the year view first opens.
    pub streaks: Option<(daynotes_core::stats::Streak, daynotes_core::stats::Streak)>,
    /// How the notes write weekdays: every day's name is shown so.
    pub weekdays: crate::label::Weekdays,
}

impl DateNav {
    /// The date axis of `nb`, placing yearless days in `assumed.year`.
    pub fn new(nb: &Notebook, assumed: AssumedYear, today: Civil) -> DateNav {
        DateNav {
            axis: Axis::new(nb, assumed.year),
            heat: Vec::new(),
            assumed,
            today,
            clock: dates::today,
            streaks: None,
            weekdays: crate::label::Weekdays::learn(nb),
        }
    }
}

impl App {
    /// Uses `assumed` for the year of days the notes give none.
    pub fn with_assumed_year(mut self, assumed: AssumedYear) -> Self {
        self.set_assumed_year(assumed);
        self
    }

    /// Uses `assumed` for the year of days the notes give none (keeping
    /// today).
    pub fn set_assumed_year(&mut self, assumed: AssumedYear) {
        self.dates.axis = daynotes_core::dates::Axis::new(&self.notebook, assumed.year);
        self.dates.weekdays = crate::label::Weekdays::learn(&self.notebook);
        self.docs.set_weekdays(self.dates.weekdays);
        // The cards are placed in time on the axis (new ones come oldest
        // first).
        self.refresh_deck();
        // Worked out again now when the calendar is open (notes read again
        // under it), else when it is next opened.
        let open = match self.mode {
            Mode::Calendar(c) => Some(c),
            _ => None,
        };
        self.dates.heat = if open.is_some() {
            dates::heat_levels(&self.notebook, &self.dates.axis)
        } else {
            Vec::new()
        };
        self.dates.assumed = assumed;
        self.dates.streaks = None;
        if open.is_some_and(|c| c.shows == Shown::Year) {
            self.count_streaks();
        }
    }

    /// Selects the day `text` names (as the prompt would), saying so when
    /// it shows the nearest day instead. For `--date`.
    pub fn go_to_date(&mut self, text: &str) -> Result<(), String> {
        let landing = self.resolve_date(text)?;
        self.land(landing);
        Ok(())
    }

    /// The selected day's index, or the first day.
    fn selected_day(&self) -> usize {
        self.selected().map_or(0, NodeId::day_index)
    }

    /// Where the date `text` names leads from the selected day.
    fn resolve_date(&self, text: &str) -> Result<Landing, String> {
        self.resolve_expr(dates::parse_expr(text)?)
    }

    fn resolve_expr(&self, expr: DateExpr) -> Result<Landing, String> {
        self.dates
            .axis
            .resolve(expr, self.selected_day(), self.dates.today)
    }

    /// Goes to the day `landing` found, saying what is shown.
    fn land(&mut self, landing: Landing) {
        self.select_node(NodeId::day(landing.day));
        match landing.note {
            Some(note) => self.say(note, Tone::Info),
            None => {
                let shown =
                    crate::label::full_date(&self.notebook.days[landing.day], self.dates.weekdays);
                self.say(format!("showing {shown}"), Tone::Info);
            }
        }
    }

    /// `:` opens the go-to-date prompt.
    pub(super) fn open_date_prompt(&mut self) {
        self.dates.today = (self.dates.clock)();
        self.mode = Mode::DatePrompt(DatePrompt::default());
    }

    /// Typing in the date prompt: the preview follows.
    pub(super) fn date_input(&mut self, edit: impl FnOnce(&mut String)) {
        let Mode::DatePrompt(p) = &mut self.mode else {
            return;
        };
        edit(&mut p.text);
        let text = p.text.clone();
        let preview = (!text.trim().is_empty()).then(|| self.preview(&text));
        if let Mode::DatePrompt(p) = &mut self.mode {
            p.preview = preview;
        }
    }

    /// Where `text` would go: `→ Sat 2025-08-23`, or `no notes on 8.25 —
    /// showing 8.24, 1 day earlier`.
    fn preview(&self, text: &str) -> Result<String, String> {
        let landing = self.resolve_date(text)?;
        let shown = crate::label::full_date(&self.notebook.days[landing.day], self.dates.weekdays);
        Ok(landing.note.unwrap_or_else(|| format!("→ {shown}")))
    }

    /// Enter in the date prompt: go, or keep the prompt open with the error.
    pub(super) fn accept_date(&mut self) {
        let Mode::DatePrompt(p) = &self.mode else {
            return;
        };
        match self.resolve_date(&p.text) {
            Ok(landing) => {
                self.mode = Mode::Panes;
                self.land(landing);
            }
            Err(e) => {
                if let Mode::DatePrompt(p) = &mut self.mode {
                    p.preview = Some(Err(e));
                }
            }
        }
    }

    /// `c` opens the calendar on the selected day's month.
    pub(super) fn open_calendar(&mut self) {
        self.dates.today = (self.dates.clock)();
        let cursor = self
            .dates
            .axis
            .date(self.selected_day())
            .unwrap_or(self.dates.today);
        self.mode = Mode::Calendar(Calendar {
            cursor,
            shows: Shown::Month,
        });
        if self.dates.heat.len() != self.notebook.days.len() {
            self.dates.heat = dates::heat_levels(&self.notebook, &self.dates.axis);
        }
    }

    /// Moves the calendar's cursor by `days` days or `months` months.
    pub(super) fn calendar_move(&mut self, days: i64, months: i32) {
        if let Mode::Calendar(c) = &mut self.mode {
            c.cursor = dates::add_months(dates::add_days(c.cursor, days), months);
        }
    }

    /// `y` in the calendar: the whole year, or back to the month.
    pub(super) fn toggle_year_view(&mut self) {
        if let Mode::Calendar(c) = &mut self.mode {
            c.shows = match c.shows {
                Shown::Month => Shown::Year,
                Shown::Year => Shown::Month,
            };
        }
        if self.dates.streaks.is_none() {
            self.count_streaks();
        }
    }

    /// The longest and current streaks of days with notes, for the year
    /// view.
    fn count_streaks(&mut self) {
        let mut days: Vec<i64> = (0..self.dates.axis.len())
            .filter_map(|i| self.dates.axis.date(i))
            .map(|(y, m, d)| dates::days_from_civil(y, m, d))
            .collect();
        days.sort_unstable();
        let (y, m, d) = self.dates.today;
        let today = dates::days_from_civil(y, m, d);
        self.dates.streaks = Some(daynotes_core::stats::streaks(&days, today));
    }

    /// The calendar's cursor to today.
    pub(super) fn calendar_today(&mut self) {
        let today = self.dates.today;
        if let Mode::Calendar(c) = &mut self.mode {
            c.cursor = today;
        }
    }

    /// Enter in the calendar: the day under the cursor, or the nearest.
    pub(super) fn accept_calendar(&mut self) {
        let Mode::Calendar(c) = self.mode else {
            return;
        };
        self.mode = Mode::Panes;
        let (year, month, day) = c.cursor;
        let expr = DateExpr::Date {
            year: Some(year),
            month,
            day,
        };
        match self.resolve_expr(expr) {
            Ok(landing) => self.land(landing),
            Err(e) => self.say(e, Tone::Error),
        }
    }

    /// Carries out `action` in the open date prompt or calendar; false when
    /// neither is open or the action is not theirs (quit, resize…).
    pub(super) fn date_action(&mut self, action: Action) -> bool {
        if let Mode::DatePrompt(_) = self.mode {
            match action {
                Action::Input(c) => self.date_input(|t| {
                    if t.chars().count() < PROMPT_MAX {
                        t.push(c);
                    }
                }),
                Action::Erase | Action::EraseWord | Action::EraseAll => {
                    let how = action.erase().unwrap_or(Erase::Char);
                    self.date_input(|t| erase(t, how));
                }
                Action::Accept => self.accept_date(),
                Action::Close => self.mode = Mode::Panes,
                _ => return false,
            }
            return true;
        }
        if let Mode::Calendar(cal) = self.mode {
            // The year is drawn a week to a column, a day to a row.
            let (across, down) = match cal.shows {
                Shown::Year => (7, 1),
                Shown::Month => (1, 7),
            };
            match action {
                Action::Left => self.calendar_move(-across, 0),
                Action::Right => self.calendar_move(across, 0),
                Action::Up => self.calendar_move(-down, 0),
                Action::Down => self.calendar_move(down, 0),
                Action::YearView => self.toggle_year_view(),
                Action::MonthPrev => self.calendar_move(0, -1),
                Action::MonthNext => self.calendar_move(0, 1),
                Action::CalendarToday => self.calendar_today(),
                Action::Accept => self.accept_calendar(),
                Action::Close | Action::CalendarOpen => self.mode = Mode::Panes,
                _ => return false,
            }
            return true;
        }
        false
    }
}
