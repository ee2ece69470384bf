//! Which lines start a day or a divider here: the day-heading verdict of
//! [`crate::parse::heading`] weighed against the file's rules, code fences,
//! and the open day's level.

use std::borrow::Cow;

use super::super::day::DayLine;
use super::super::heading::{self, DayHeading, Deco, Verdict};
use super::super::lines::RawLine;
use super::super::rules::Role;
use super::super::{divider, entry};
use super::{Code, Open, Pass, same_family};
use crate::notes::NoteDate;
use crate::parse::NEAR_MISSES_SHOWN;

/// How many candidate lines between two days are held to them.
const BETWEEN: usize = 8;

/// What the heading rules made of a line.
enum Known<'t> {
    /// It was dealt with: true when it started a day or a divider.
    Done(bool),
    /// They know nothing of it: its decoration and the rest.
    Not(Deco, &'t str),
}

/// How many candidate lines that did not become days a pass keeps, for
/// the note of a file without days.
pub(super) const CANDIDATE_MISSES: usize = 3;

impl<'t> Pass<'t> {
    /// Starts a day or a divider when the line is one; true when it was.
    pub(super) fn heading_line(
        &mut self,
        line: &RawLine,
        indent: usize,
        trimmed: &'t str,
        code: Code,
    ) -> bool {
        let mut peeled = None;
        if may_start_heading(trimmed) {
            match self.known_line(line, indent, trimmed, code) {
                Known::Done(done) => return done,
                Known::Not(deco, rest) => peeled = Some((deco, rest)),
            }
        }
        if code == Code::No
            && self.rules.reads_candidates()
            && self.candidate_line(line, indent, trimmed)
        {
            return true;
        }
        // A heading that is no day heading may head a group of days.
        peeled.is_some_and(|(deco, rest)| self.divider_line(line, indent, deco, rest, code))
    }

    /// A line the heading rules read by themselves: a day heading, a
    /// divider, a journal entry, or a line that starts with a date but is
    /// none of them. [`Known::Not`] when the rules know nothing of it (it
    /// may be a candidate day line, else a divider).
    fn known_line(
        &mut self,
        line: &RawLine,
        indent: usize,
        trimmed: &'t str,
        code: Code,
    ) -> Known<'t> {
        if code == Code::No
            && trimmed.starts_with('[')
            && let Some(e) = entry::jrnl_entry(trimmed)
        {
            return Known::Done(self.entry_line(line, indent, trimmed, e));
        }
        let (deco, rest) = heading::peel(trimmed);
        let verdict = if heading::may_be_dated(rest) {
            heading::day_heading_in(deco, rest)
        } else {
            Verdict::No
        };
        let verdict = match verdict {
            Verdict::No => self.day_of_month(deco, rest, code).unwrap_or(Verdict::No),
            v => v,
        };
        let known = !matches!(verdict, Verdict::No);
        match verdict {
            Verdict::Day(mut h) => {
                if let Some(order) = self.rules.year_last {
                    h.read_as(order);
                }
                if h.range && code == Code::No && self.rules.group == Some(h.deco) {
                    self.seen.heading(&h, false);
                    self.start_divider(line, (h.date.year, None), false);
                    return Known::Done(true);
                }
                let allowed = self.rules.allows(&h, self.first);
                let taken = allowed && (code == Code::No || self.ends_fence(&h));
                if taken || code == Code::No {
                    self.seen.heading(&h, taken);
                }
                if taken {
                    if self.start_day(line, h) {
                        self.outer = Some(indent);
                        return Known::Done(true);
                    }
                    return Known::Done(false);
                }
                if !allowed && code == Code::No && !h.bare {
                    let why = match h.deco {
                        Deco::List => "a list item in notes whose days are headings",
                        _ => "an undecorated line in notes whose days are headings",
                    };
                    if matches!(h.deco, Deco::List | Deco::Plain) {
                        self.near_miss(line, trimmed, why);
                    }
                }
            }
            Verdict::Prose(why) => {
                if code == Code::No {
                    self.near_miss(line, trimmed, why);
                }
            }
            Verdict::No => {}
        }
        if !known {
            return Known::Not(deco, rest);
        }
        Known::Done(self.divider_line(line, indent, deco, rest, code))
    }

    /// A heading written by its day alone (`## 3rd`, `## Tue 4`), deeper
    /// than the heading of a month (`# April 2023`) that came before it:
    /// that day of that month, read as a day heading written in full
    /// would be (its weekday checked, its title kept).
    fn day_of_month(&self, deco: Deco, rest: &str, code: Code) -> Option<Verdict> {
        let (month_deco, month) = self.month?;
        let deeper = same_family(month_deco, deco) && deco.level() > month_deco.level();
        if !deeper || code != Code::No {
            return None;
        }
        let year = self.year?;
        let (day, title) = divider::day_alone(rest)?;
        let written = if title.is_empty() {
            format!("{year:04}-{month:02}-{day:02}")
        } else {
            format!("{year:04}-{month:02}-{day:02} {title}")
        };
        match heading::day_heading_in(deco, &written) {
            Verdict::Day(h) => Some(Verdict::Day(h)),
            _ => None,
        }
    }

    /// Starts a divider when the line is one (a year line, a heading above
    /// the days' level); true when it was.
    fn divider_line(
        &mut self,
        line: &RawLine,
        indent: usize,
        deco: Deco,
        rest: &str,
        code: Code,
    ) -> bool {
        if self.may_divide(deco)
            && let Some(d) = divider::divider_in(deco, rest)
            && self.takes_divider(d, indent, code)
        {
            let month = d.month.map(|m| (d.deco, m));
            self.start_divider(line, (d.year, month), d.deco == Deco::Plain);
            if d.deco == Deco::Plain {
                self.outer = Some(indent);
            }
            return true;
        }
        false
    }

    /// A candidate day line ([`heading::candidate`]): a day, or a group of
    /// days, when the file repeats its shape; counted either way.
    fn candidate_line(&mut self, line: &RawLine, indent: usize, trimmed: &'t str) -> bool {
        let Some(c) = heading::candidate(trimmed, indent) else {
            return false;
        };
        let mut h = c.heading;
        if let Some(order) = self.rules.year_last {
            h.read_as(order);
        }
        let role = h.shape.and_then(|s| self.rules.accepted.role(s));
        self.seen
            .candidate(&h, indent, c.glued, role == Some(Role::Day));
        match role {
            Some(Role::Day) => {
                if self.start_day(line, h) {
                    self.outer = Some(indent);
                    return true;
                }
                false
            }
            Some(Role::Group) => {
                // A week of a year sets it, as a year line does.
                self.start_divider(line, (h.date.year, None), false);
                true
            }
            None => {
                if self.candidate_misses.len() < CANDIDATE_MISSES {
                    self.candidate_misses.push((line.number, trimmed, h.shape));
                }
                if let Some(shape) = h.shape
                    && self.between.len() < BETWEEN
                {
                    let date = NoteDate {
                        year: h.date.year,
                        month: h.date.month as u8,
                        day: h.date.day as u8,
                    };
                    self.between.push((shape, date));
                }
                false
            }
        }
    }

    /// A journal entry: a topic of the open day when it is of the same
    /// date, else the first topic of a new day.
    fn entry_line(
        &mut self,
        line: &RawLine,
        indent: usize,
        trimmed: &'t str,
        e: entry::Entry<'t>,
    ) -> bool {
        let same = matches!(self.open, Open::Day(_)) && self.entries == Some(e.date);
        if !same {
            let h = DayHeading {
                date: e.date,
                title: None,
                deco: Deco::Plain,
                strict: false,
                bare: false,
                order: None,
                weekday: None,
                shape: None,
                range: false,
            };
            if !self.start_day_at(line, h, true) {
                return false;
            }
            self.outer = Some(indent);
        }
        let l = DayLine::new(line, indent, trimmed, false);
        self.day.entry(&l, Cow::Owned(e.title()), e.starred);
        true
    }

    fn near_miss(&mut self, line: &RawLine, trimmed: &'t str, why: &'static str) {
        self.near_miss_count += 1;
        if self.near_misses.len() < NEAR_MISSES_SHOWN {
            self.near_misses.push((line.number, trimmed, why));
        }
    }

    /// Whether a day heading inside a code block starts a day: only the
    /// plainest headings do, as they always have (an unclosed fence must not
    /// hide every day after it), and only in notes written so.
    fn ends_fence(&self, h: &DayHeading) -> bool {
        h.strict
            && matches!(
                self.open,
                Open::Leading | Open::Divider { .. } | Open::Day(Deco::Plain)
            )
    }

    /// A first look at whether a line of `deco` could be a divider here:
    /// a markdown heading only above the open day's level.
    fn may_divide(&self, deco: Deco) -> bool {
        match (deco, self.open) {
            (Deco::Atx(level) | Deco::Star(level), Open::Day(day)) => {
                same_family(day, deco) && day.level().is_some_and(|l| level <= l)
            }
            (Deco::Bold | Deco::List, _) => false,
            _ => true,
        }
    }

    /// Whether a divider ends the open day here: year lines in notes of
    /// plain days, headings above the level of markdown or org days.
    fn takes_divider(&self, d: divider::DividerLine, indent: usize, code: Code) -> bool {
        let deco = d.deco;
        let day = match self.open {
            Open::Day(deco) => Some(deco),
            _ => None,
        };
        match deco {
            Deco::Plain => {
                let plain_days = day.is_none_or(|d| d.level().is_none());
                let outermost = self.outer.map_or(indent == 0, |o| indent <= o);
                // Inside a fence too, as they always have.
                plain_days && outermost
            }
            Deco::Atx(level) | Deco::Star(level) => {
                code == Code::No
                    && indent == 0
                    && match day {
                        // Before the first day only a year heading is a
                        // divider (`# 2022` sets the year), or a month's
                        // under one (`## April`); other headings are the
                        // file's own title and text.
                        None => d.year.is_some() || (d.month.is_some() && self.year.is_some()),
                        Some(day) => {
                            same_family(day, deco) && day.level().is_some_and(|l| level <= l)
                        }
                    }
            }
            Deco::Bold | Deco::List => false,
        }
    }
}

/// Could a line starting so be a day heading (a date, a decorated or
/// prefixed one, a date in brackets) or a divider at all? Most body lines
/// are answered here.
fn may_start_heading(trimmed: &str) -> bool {
    let b = trimmed.as_bytes()[0];
    b.is_ascii_alphanumeric()
        || matches!(b, b'#' | b'*' | b'-' | b'+' | b'_' | b'[' | b'<')
        || trimmed.starts_with('第')
        || trimmed.starts_with('【')
}
