//! The search side of the app: the prompt (`/`, `&`), the results it shows
//! as you type, going from hit to hit (`n`/`N`), the filtered outline and
//! the title picker (Ctrl-P, `t`).
//!
//! ```text
//! /  ─► prompt open ── typing ──► results (grouped) ── Enter ─► hit shown,
//!        Up/Down: history          Tab/S-Tab: choose           n/N: next hit
//!        Ctrl-R: regex  Ctrl-F: filter                          Esc: done
//! ```
//!
//! Small notebooks are searched right in `update`. Larger ones go to a
//! [`Worker`] thread; the runner calls [`App::poll_search`] while
//! [`App::search_running`], and hits stream in (a newer query stops an older
//! one). Typing never waits for a scan either way.

use std::sync::Arc;

use super::{App, Doc, DocId, Pane};
use crate::outline::keep_in_view;
use crate::search::fuzzy::{self, Entry, Ranker};
use crate::search::group::{self, Row};
use crate::search::worker::{MAX_HITS, Worker};
use crate::search::{Hit, Index, Matcher, Mode, Query, index};

/// Notebooks up to this many bytes are searched without a thread.
pub const SYNC_LIMIT: usize = 4 << 20;

/// The prompt at the bottom while a query is typed.
#[derive(Debug, Clone, Default)]
pub struct Prompt {
    /// The query typed so far.
    pub text: String,
    /// Literal or regex (Ctrl-R).
    pub mode: Mode,
    /// Why the query cannot be searched (an invalid regex); the results
    /// stay those of the last valid query.
    pub error: Option<String>,
    /// The history entry shown (Up/Down), if any.
    history_at: Option<usize>,
    /// The chosen row of the results.
    pub selected: usize,
    /// The first row of the results shown.
    pub top: usize,
}

/// The search whose hits are shown and highlighted.
#[derive(Debug, Clone)]
pub struct Current {
    /// The compiled query.
    pub matcher: Arc<Matcher>,
    /// Hits found so far, in outline order.
    pub hits: Vec<Hit>,
    /// The hits grouped, for the results pane.
    pub rows: Vec<Row>,
    /// The scan is over.
    pub done: bool,
    /// It stopped at [`MAX_HITS`].
    pub truncated: bool,
    /// The hit last opened (`n`/`N` go on from it).
    pub at: Option<usize>,
    generation: u64,
}

/// The title picker.
#[derive(Debug, Default)]
pub struct Picker {
    /// What is typed.
    pub text: String,
    /// Every topic and section.
    pub entries: Vec<Entry>,
    /// Indices into `entries`, best first.
    pub ranked: Vec<usize>,
    /// What `ranked` was ranked for.
    ranked_for: String,
    /// The chosen position in `ranked`.
    pub selected: usize,
    /// The first position shown.
    pub top: usize,
    /// Ranks, and finds the matched characters to highlight.
    pub ranker: Ranker,
}

/// Everything about search in the app.
#[derive(Debug, Default)]
pub struct Search {
    /// The prompt, while open.
    pub prompt: Option<Prompt>,
    /// The current search, if any.
    pub current: Option<Current>,
    /// The outline shows only the places of hits.
    pub filter: bool,
    /// Queries entered this session, oldest first.
    pub history: Vec<String>,
    /// The title picker, while open.
    pub picker: Option<Picker>,
    index: Option<Arc<Index>>,
    worker: Option<Worker>,
}

impl Search {
    /// The matcher whose matches are highlighted, if any.
    pub fn matcher(&self) -> Option<&Matcher> {
        self.current
            .as_ref()
            .map(|c| c.matcher.as_ref())
            .filter(|m| !m.is_empty())
    }
}

impl App {
    /// True while hits of the current search are still to come.
    pub fn search_running(&self) -> bool {
        self.search
            .current
            .as_ref()
            .is_some_and(|c| !c.done && self.search.worker.is_some())
    }

    /// Takes the hits the search thread has sent; true when the screen
    /// changed.
    pub fn poll_search(&mut self) -> bool {
        let Some(worker) = &self.search.worker else {
            return false;
        };
        let mut batches = Vec::new();
        while let Some(b) = worker.try_recv() {
            batches.push(b);
        }
        if batches.is_empty() {
            return false;
        }
        let Some(cur) = self.search.current.as_mut() else {
            return false;
        };
        for b in batches {
            if b.generation != cur.generation {
                continue;
            }
            cur.hits.extend(b.hits);
            cur.done |= b.done;
            cur.truncated |= b.truncated;
        }
        self.hits_changed();
        true
    }

    /// Waits until the current search is over (tests and benchmarks).
    pub fn finish_search(&mut self) {
        while self.search_running() {
            let Some(worker) = &self.search.worker else {
                return;
            };
            let Some(b) = worker.recv() else { return };
            if let Some(cur) = self.search.current.as_mut() {
                cur.hits.extend(b.hits);
                cur.done |= b.done;
                cur.truncated |= b.truncated;
            }
            self.hits_changed();
        }
    }

    /// `/` (or `&`, `filter` set): opens the prompt.
    pub(super) fn open_prompt(&mut self, filter: bool) {
        self.ensure_index();
        self.overlay = None;
        if filter {
            self.search.filter = true;
        }
        self.search.prompt = Some(Prompt::default());
    }

    /// A character typed into the prompt or the picker.
    pub(super) fn input(&mut self, c: char) {
        if let Some(p) = self.search.picker.as_mut() {
            p.text.push(c);
            return self.rank_picker();
        }
        if let Some(p) = self.search.prompt.as_mut() {
            p.text.push(c);
            p.history_at = None;
            self.run_query();
        }
    }

    /// Backspace (`word`: the last word, Ctrl-W; `all`: everything, Ctrl-U).
    pub(super) fn erase(&mut self, word: bool, all: bool) {
        let cut = |t: &mut String| {
            if all {
                t.clear();
            } else if word {
                let kept = t.trim_end().len();
                let start = t[..kept].rfind(char::is_whitespace).map_or(0, |i| i + 1);
                t.truncate(start);
            } else {
                t.pop();
            }
        };
        if let Some(p) = self.search.picker.as_mut() {
            cut(&mut p.text);
            return self.rank_picker();
        }
        if let Some(p) = self.search.prompt.as_mut() {
            cut(&mut p.text);
            self.run_query();
        }
    }

    /// Up/Down in the prompt: an earlier or later query of the session.
    pub(super) fn recall(&mut self, back: bool) {
        let len = self.search.history.len();
        let Some(p) = self.search.prompt.as_mut() else {
            return;
        };
        let at = match (p.history_at, back) {
            (None, true) if len > 0 => Some(len - 1),
            (None, _) => return,
            (Some(i), true) => Some(i.saturating_sub(1)),
            (Some(i), false) if i + 1 < len => Some(i + 1),
            (Some(_), false) => None,
        };
        p.history_at = at;
        p.text = at
            .map(|i| self.search.history[i].clone())
            .unwrap_or_default();
        self.run_query();
    }

    /// Ctrl-R: literal ↔ regex.
    pub(super) fn toggle_regex(&mut self) {
        if let Some(p) = self.search.prompt.as_mut() {
            p.mode = match p.mode {
                Mode::Literal => Mode::Regex,
                Mode::Regex => Mode::Literal,
            };
            self.run_query();
        }
    }

    /// Ctrl-F in the prompt: filter the outline to the hits, or stop.
    pub(super) fn toggle_filter(&mut self) {
        self.search.filter = !self.search.filter;
        self.apply_filter();
    }

    /// Searches for what the prompt holds.
    fn run_query(&mut self) {
        let Some(p) = self.search.prompt.as_mut() else {
            return;
        };
        p.selected = 0;
        p.top = 0;
        let query = Query {
            text: p.text.clone(),
            mode: p.mode,
            ..Query::default()
        };
        let matcher = match Matcher::new(&query) {
            Ok(m) => Arc::new(m),
            Err(e) => {
                // The error shows in the prompt; the results stay.
                p.error = Some(e.0);
                return;
            }
        };
        p.error = None;
        self.start_search(matcher);
    }

    fn ensure_index(&mut self) {
        if self.search.index.is_none() {
            let index = Arc::new(Index::new(&self.notebook));
            if self.text_len() > SYNC_LIMIT {
                let worker = Worker::spawn(Arc::clone(&self.notebook), Arc::clone(&index));
                self.search.worker = Some(worker);
            }
            self.search.index = Some(index);
        }
    }

    fn text_len(&self) -> usize {
        self.notebook.sources.iter().map(|s| s.text.len()).sum()
    }

    fn start_search(&mut self, matcher: Arc<Matcher>) {
        self.ensure_index();
        let mut cur = Current {
            matcher: Arc::clone(&matcher),
            hits: Vec::new(),
            rows: Vec::new(),
            done: false,
            truncated: false,
            at: None,
            generation: 0,
        };
        if matcher.is_empty() {
            cur.done = true;
            if let Some(w) = &self.search.worker {
                w.cancel();
            }
        } else if let Some(w) = &self.search.worker {
            cur.generation = w.start(matcher);
        } else if let Some(index) = &self.search.index {
            cur.hits = index.search(&self.notebook, &matcher);
            cur.truncated = cur.hits.len() > MAX_HITS;
            cur.hits.truncate(MAX_HITS);
            cur.done = true;
        }
        self.search.current = Some(cur);
        self.hits_changed();
    }

    /// After hits arrived: keep them in order, group them, filter.
    fn hits_changed(&mut self) {
        let several = self.notebook.sources.len() > 1;
        if let Some(cur) = self.search.current.as_mut() {
            if several {
                index::sort(&mut cur.hits);
            }
            cur.rows = group::rows(&cur.hits);
        }
        if let Some(p) = self.search.prompt.as_mut() {
            let rows = self.search.current.as_ref().map_or(&[][..], |c| &c.rows);
            if !matches!(rows.get(p.selected), Some(Row::Hit(_))) {
                p.selected = first_hit_row(rows, 0, true).unwrap_or(0);
            }
        }
        self.apply_filter();
    }

    /// Filters the outline to the current hits, or shows it whole.
    fn apply_filter(&mut self) {
        let keep = match (&self.search.current, self.search.filter) {
            (Some(cur), true) if !cur.matcher.is_empty() => {
                Some(crate::search::kept_nodes(&self.notebook, &cur.hits))
            }
            _ => None,
        };
        if keep.is_none() && self.outline.filter().is_none() {
            return;
        }
        let before = self.selected();
        let unfold = keep.is_some();
        self.outline.set_filter(&self.notebook, keep);
        if unfold {
            self.outline.unfold_all(&self.notebook);
        }
        if self.selected() != before {
            self.show_selection();
        }
    }

    /// Tab/S-Tab (and PgDn/PgUp by `page` rows) in the prompt: the next or
    /// previous hit of the results.
    pub(super) fn choose(&mut self, down: bool, page: bool) {
        if self.search.picker.is_some() {
            return self.choose_picked(down, page);
        }
        let height = self.results_height();
        let Some(cur) = &self.search.current else {
            return;
        };
        let Some(p) = self.search.prompt.as_mut() else {
            return;
        };
        let steps = if page { height.max(1) } else { 1 };
        let mut at = p.selected;
        for _ in 0..steps {
            let from = if down { at + 1 } else { at.wrapping_sub(1) };
            match first_hit_row(&cur.rows, from, down) {
                Some(next) => at = next,
                None => break,
            }
        }
        p.selected = at;
        p.top = keep_in_view(p.top, height, at, cur.rows.len());
    }

    /// Enter: in the prompt, shows the chosen hit; in the picker, the chosen
    /// title.
    pub(super) fn accept(&mut self) {
        if let Some(picker) = self.search.picker.take() {
            if let Some(&i) = picker.ranked.get(picker.selected) {
                let node = picker.entries[i].node;
                self.select_node(node);
                self.focus = Pane::Content;
            }
            return;
        }
        let Some(p) = self.search.prompt.take() else {
            return;
        };
        if !p.text.is_empty() && self.search.history.last() != Some(&p.text) {
            self.search.history.push(p.text.clone());
        }
        if let Some(e) = p.error {
            return self.say(e, true);
        }
        let Some(cur) = &self.search.current else {
            return;
        };
        if cur.matcher.is_empty() {
            return self.leave_search();
        }
        if cur.done && cur.hits.is_empty() {
            let q = crate::sanitize::visible(&p.text).into_owned();
            self.say(format!("no match for {q}"), true);
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

    /// Esc: leaves search, clearing its highlights and filter (the picker
    /// only closes). False when there was nothing to leave.
    pub(super) fn escape_search(&mut self) -> bool {
        if self.search.picker.take().is_some() {
            return true;
        }
        if self.search.prompt.is_none() && self.search.current.is_none() {
            return false;
        }
        self.leave_search();
        true
    }

    fn leave_search(&mut self) {
        self.search.prompt = None;
        self.search.current = None;
        self.search.filter = false;
        if let Some(w) = &self.search.worker {
            w.cancel();
        }
        self.apply_filter();
    }

    /// `n` (`back`: `N`): the next hit after the one shown, wrapping.
    pub(super) fn next_hit(&mut self, back: bool) {
        let Some(cur) = &self.search.current else {
            let key = crate::keymap::key_label(super::Action::SearchStart);
            return self.say(format!("no search — {key} to search"), false);
        };
        let len = cur.hits.len();
        if len == 0 {
            return self.say("no hits", false);
        }
        let (next, wrapped) = match (cur.at, back) {
            (None, false) => (0, false),
            (None, true) => (len - 1, false),
            (Some(i), false) if i + 1 < len => (i + 1, false),
            (Some(_), false) => (0, true),
            (Some(0), true) => (len - 1, true),
            (Some(i), true) => (i - 1, false),
        };
        self.open_hit(next);
        if wrapped {
            let text = if back {
                "search wrapped to the last hit"
            } else {
                "search wrapped to the first hit"
            };
            self.say(text, false);
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
            None => format!("{}{more} hits", cur.hits.len()),
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
        let Some(node) = hit.node else {
            return self.say(format!("line {} is outside every day", hit.line), false);
        };
        self.select_node(node);
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

    /// Ctrl-P or `t`: opens the title picker.
    pub(super) fn open_picker(&mut self) {
        self.overlay = None;
        let entries = fuzzy::entries(&self.notebook);
        let ranked = (0..entries.len()).collect();
        self.search.picker = Some(Picker {
            entries,
            ranked,
            ..Picker::default()
        });
    }

    fn rank_picker(&mut self) {
        if let Some(p) = self.search.picker.as_mut() {
            // Typing on narrows the last ranking (smart case aside: an
            // uppercase letter can only narrow further too).
            // fzf syntax (`!` negates, `$` anchors) can widen: then rank all.
            let narrows = !p.ranked_for.trim().is_empty()
                && !p.text.contains(['!', '^', '$', '\'', '\\'])
                && p.text.starts_with(&p.ranked_for)
                && !p.text[p.ranked_for.len()..].contains(' ');
            p.ranked = if narrows {
                let among = std::mem::take(&mut p.ranked);
                p.ranker.rank_among(&p.entries, among, &p.text)
            } else {
                p.ranker.rank(&p.entries, &p.text)
            };
            p.ranked_for = p.text.clone();
            p.selected = 0;
            p.top = 0;
        }
    }

    fn choose_picked(&mut self, down: bool, page: bool) {
        let height = crate::ui::picker::area(self.size).height.saturating_sub(3);
        let height = usize::from(height).max(1);
        if let Some(p) = self.search.picker.as_mut() {
            let step = if page { height } else { 1 };
            let last = p.ranked.len().saturating_sub(1);
            p.selected = if down {
                (p.selected + step).min(last)
            } else {
                p.selected.saturating_sub(step)
            };
            p.top = keep_in_view(p.top, height, p.selected, p.ranked.len());
        }
    }
}

/// The first hit row at or after `from` (`down`), or at or before it.
fn first_hit_row(rows: &[Row], from: usize, down: bool) -> Option<usize> {
    if down {
        (from..rows.len()).find(|&i| matches!(rows[i], Row::Hit(_)))
    } else {
        (0..=from.min(rows.len().checked_sub(1)?))
            .rev()
            .find(|&i| matches!(rows[i], Row::Hit(_)))
    }
}

/// The document row where `hit`'s line starts, when `doc` shows it.
fn hit_row(nb: &crate::notes::Notebook, doc: &Doc, hit: &Hit) -> Option<usize> {
    let day = nb.days.get(hit.node?.day_index())?;
    let line = match doc.id {
        DocId::Day(_) => {
            if hit.line == day.line() {
                0
            } else if nb.text(day.source, day.preamble).trim().is_empty() {
                return None;
            } else {
                1 + hit.line.checked_sub(day.preamble.line)?
            }
        }
        DocId::Topic(_, t) => {
            let topic = day.topics.get(t)?;
            if hit.line == topic.line() {
                0
            } else {
                1 + hit.line.checked_sub(topic.body.line)?
            }
        }
    };
    let row = doc.row_of_line(line);
    (row < doc.lines.len()).then_some(row)
}
