//! "On this day" in the viewer (`o`): a box listing the days of today's
//! date in earlier years and the days a week, a month and three months
//! ago, each with its topics; ↑ ↓ choose, Enter goes there.

use super::Tone;
use super::{Action, App, Mode};
use daynotes_core::dates::{Recalled, on_this_day};
use daynotes_core::outline::NodeId;

/// The open "on this day" box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnThisDay {
    /// The date looked back from (today).
    pub date: daynotes_core::dates::Civil,
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

impl OnThisDay {
    /// What `axis` recalls for `date`, the first day with notes chosen.
    fn recall(axis: &daynotes_core::dates::Axis, date: daynotes_core::dates::Civil) -> OnThisDay {
        let mut open = OnThisDay {
            date,
            items: on_this_day(axis, date),
            selected: 0,
        };
        open.selected = open.reachable().first().copied().unwrap_or(0);
        open
    }
}

impl App {
    /// `o`: opens "on this day" for today.
    pub(super) fn open_on_this_day(&mut self) {
        self.dates.today = (self.dates.clock)();
        self.mode = Mode::OnThisDay(OnThisDay::recall(&self.dates.axis, self.dates.today));
    }

    /// After the notes were read again: what the open box recalls, found
    /// again in them (its days were those of the old notes).
    pub(super) fn recall_again(&mut self) {
        if let Mode::OnThisDay(open) = &mut self.mode {
            *open = OnThisDay::recall(&self.dates.axis, open.date);
        }
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
                        let shown =
                            crate::label::full_date(&self.notebook.days[d], self.dates.weekdays);
                        self.say(format!("showing {shown}"), Tone::Info);
                    }
                    None => self.say("nothing on this day in the notes", Tone::Info),
                }
            }
            Action::Close | Action::OnThisDay => self.mode = Mode::Panes,
            _ => return false,
        }
        true
    }
}
