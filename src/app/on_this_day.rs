//! "On this day" in the viewer (`o`): a box listing the days of today's
//! date in earlier years and the days a week, a month and three months
//! ago, each with its topics; ↑ ↓ choose, Enter goes there.

use super::{Action, App, Mode};
use crate::dates::{Recalled, on_this_day};
use crate::outline::NodeId;

/// The open "on this day" box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnThisDay {
    /// The date looked back from (today).
    pub date: crate::dates::Civil,
    /// What it recalls, in order.
    pub items: Vec<Recalled>,
    /// The chosen item (one with a day).
    pub selected: usize,
}

impl OnThisDay {
    /// The items that have a day to go to.
    fn reachable(&self) -> Vec<usize> {
        (0..self.items.len())
            .filter(|&i| self.items[i].day.is_some())
            .collect()
    }
}

impl App {
    /// `o`: opens "on this day" for today.
    pub(super) fn open_on_this_day(&mut self) {
        self.dates.today = (self.dates.clock)();
        let date = self.dates.today;
        let items = on_this_day(&self.dates.axis, date);
        let mut open = OnThisDay {
            date,
            items,
            selected: 0,
        };
        open.selected = open.reachable().first().copied().unwrap_or(0);
        self.mode = Mode::OnThisDay(open);
    }

    /// Carries out `action` while "on this day" is open; false when it is
    /// not, or the action is not its own.
    pub(super) fn on_this_day_action(&mut self, action: Action) -> bool {
        let Mode::OnThisDay(open) = &mut self.mode else {
            return false;
        };
        match action {
            Action::Down | Action::ResultNext => {
                let at = open.selected;
                if let Some(i) = open.reachable().into_iter().find(|&i| i > at) {
                    open.selected = i;
                }
            }
            Action::Up | Action::ResultPrev => {
                let at = open.selected;
                if let Some(i) = open.reachable().into_iter().rfind(|&i| i < at) {
                    open.selected = i;
                }
            }
            Action::Accept => {
                let day = open.items.get(open.selected).and_then(|r| r.day);
                self.mode = Mode::Panes;
                match day {
                    Some(d) => {
                        self.select_node(NodeId::day(d));
                        let shown = crate::label::full_date(&self.notebook.days[d]);
                        self.say(format!("showing {shown}"), false);
                    }
                    None => self.say("nothing on this day in the notes", false),
                }
            }
            Action::Close | Action::OnThisDay => self.mode = Mode::Panes,
            _ => return false,
        }
        true
    }
}
