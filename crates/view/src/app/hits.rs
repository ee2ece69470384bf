//! Going from hit to hit: choosing one in the results, Enter, `n`/`N`
//! across the notebook (wrapping, with a message), and showing a hit: its
//! node selected and the content scrolled so that its line is in view.

use super::Tone;
use super::{App, Doc, DocId, Mode, Pane};
use crate::action::{Dir, Step};
use daynotes_core::outline::keep_in_view;
use daynotes_core::search::Hit;
use daynotes_core::search::group::Row;

impl App {
    /// Tab/S-Tab (and PgDn/PgUp, a page of rows) in the prompt: the next
    /// or previous hit of the results.
    pub(super) fn choose_hit(&mut self, dir: Dir, step: Step) {
        let height = self.results_height();
        let Some(cur) = &self.search.current else {
            return;
        };
        let Mode::Search(p) = &mut self.mode else {
            return;
        };
        let steps = match step {
            Step::Row => 1,
            Step::Page => height.max(1),
        };
        let mut at = p.selected;
        for _ in 0..steps {
            let from = match dir {
                Dir::Forward => at + 1,
                Dir::Back => at.wrapping_sub(1),
            };
            match first_hit_row(&cur.rows, from, dir) {
                Some(next) => at = next,
                None => break,
            }
        }
        p.selected = at;
        p.top = keep_in_view(p.top, height, at, cur.rows.len());
    }

    /// Enter in the prompt: shows the chosen hit.
    pub(super) fn accept_hit(&mut self) {
        let p = match self.leave_mode() {
            Mode::Search(p) => p,
            other => {
                self.mode = other;
                return;
            }
        };
        if !p.text.is_empty() && self.search.history.last() != Some(&p.text) {
            self.search.history.push(p.text.clone());
        }
        if let Some(e) = p.error {
            return self.say(e, Tone::Error);
        }
        let Some(cur) = &self.search.current else {
            return;
        };
        if cur.matcher.is_empty() {
            return self.leave_search();
        }
        if cur.done && cur.hits.is_empty() {
            let q = daynotes_core::sanitize::visible(&p.text).into_owned();
            self.say(format!("no match for {q}"), Tone::Error);
            return self.leave_search();
        }
        let hit = match cur.rows.get(p.selected) {
            Some(Row::Hit(i)) => *i,
            _ => 0,
        };
        if !cur.hits.is_empty() {
            self.open_hit(hit);
        }
    }

    /// `n` (and `N`, back): the next hit after the one shown, wrapping.
    pub(super) fn next_hit(&mut self, dir: Dir) {
        let Some(cur) = &self.search.current else {
            let key = self.keymap.key_label(super::Action::SearchStart);
            return self.say(format!("no search — {key} to search"), Tone::Info);
        };
        let len = cur.hits.len();
        if len == 0 {
            return self.say("no hits", Tone::Info);
        }
        let (next, wrapped) = match (cur.at, dir) {
            (None, Dir::Forward) => (0, false),
            (None, Dir::Back) => (len - 1, false),
            (Some(i), Dir::Forward) if i + 1 < len => (i + 1, false),
            (Some(_), Dir::Forward) => (0, true),
            (Some(0), Dir::Back) => (len - 1, true),
            (Some(i), Dir::Back) => (i - 1, false),
        };
        self.open_hit(next);
        if wrapped {
            let text = match dir {
                Dir::Back => "search wrapped to the last hit",
                Dir::Forward => "search wrapped to the first hit",
            };
            self.say(text, Tone::Info);
        }
    }

    /// `hit 3/17` for the status bar (`3/17+` while more may come).
    pub fn hit_position(&self) -> Option<String> {
        let cur = self.search.current.as_ref()?;
        if cur.matcher.is_empty() {
            return None;
        }
        let more = if cur.done && !cur.truncated { "" } else { "+" };
        Some(match cur.at {
            Some(i) => format!("hit {}/{}{more}", i + 1, cur.hits.len()),
            None => {
                let n = cur.hits.len();
                let s = if n == 1 && more.is_empty() { "" } else { "s" };
                format!("{n}{more} hit{s}")
            }
        })
    }

    /// Shows hit `i`: selects its node and scrolls the content so its line
    /// is in view.
    fn open_hit(&mut self, i: usize) {
        let Some(cur) = self.search.current.as_mut() else {
            return;
        };
        let Some(hit) = cur.hits.get(i).cloned() else {
            return;
        };
        cur.at = Some(i);
        match hit.shown_in(&self.notebook) {
            Some(node) => self.select_node(node),
            // Notes without days are shown whole.
            None if self.view.doc == Some(DocId::Text) => {}
            None => {
                return self.say(
                    format!("line {} is outside every day", hit.line),
                    Tone::Info,
                );
            }
        }
        self.focus = Pane::Content;
        let height = self.content_height();
        let Some(doc) = self.doc() else { return };
        let Some(row) = hit_row(&self.notebook, doc, &hit) else {
            return;
        };
        let scroll = self.view.scroll;
        if row < scroll || row >= scroll + height {
            // A third of the way down, or the last page when that is lower.
            let last_page = doc.lines.len().saturating_sub(height);
            self.view.scroll = row.saturating_sub(height / 3).min(last_page);
        }
    }

    /// Rows of the results pane.
    fn results_height(&self) -> usize {
        self.content_height()
    }
}

/// The first hit row at or after `from` (`down`), or at or before it.
pub(super) fn first_hit_row(rows: &[Row], from: usize, dir: Dir) -> Option<usize> {
    match dir {
        Dir::Forward => (from..rows.len()).find(|&i| matches!(rows[i], Row::Hit(_))),
        Dir::Back => (0..=from.min(rows.len().checked_sub(1)?))
            .rev()
            .find(|&i| matches!(rows[i], Row::Hit(_))),
    }
}

/// The document row where `hit`'s line starts, when `doc` shows it.
fn hit_row(nb: &daynotes_core::notes::Notebook, doc: &Doc, hit: &Hit) -> Option<usize> {
    if doc.id == DocId::Text {
        let row = doc.row_of_line(Doc::text_line(nb, hit.source, hit.line)?);
        return (row < doc.lines.len()).then_some(row);
    }
    let d = hit.shown_in(nb)?.day_index();
    let day = nb.days.get(d)?;
    let line = match doc.id {
        _ if day.source != hit.source => return None,
        DocId::Text => return None,
        // Text outside every day, shown above the day or below it.
        DocId::Day(_) if hit.node.is_none() => {
            let (before, after) = (nb.loose_before(d), nb.loose_after(d));
            let inside =
                |s: &daynotes_core::notes::Span| (s.start()..s.end()).contains(&hit.line_start);
            if let Some(span) = before.filter(inside) {
                hit.line.checked_sub(span.line())?
            } else if let Some(span) = after.filter(inside) {
                doc.trailing_from? + hit.line.checked_sub(span.line())?
            } else {
                return None;
            }
        }
        DocId::Day(_) => {
            let heading = doc.loose_lines;
            if hit.line == day.line() {
                heading
            } else if nb.text(day.source, day.preamble).trim().is_empty() {
                return None;
            } else {
                heading + 1 + hit.line.checked_sub(day.preamble.line())?
            }
        }
        DocId::Topic(_, t) => {
            let topic = day.topics.get(t)?;
            if hit.line == topic.line() {
                0
            } else {
                1 + hit.line.checked_sub(topic.body().line())?
            }
        }
    };
    let row = doc.row_of_line(line);
    (row < doc.lines.len()).then_some(row)
}
