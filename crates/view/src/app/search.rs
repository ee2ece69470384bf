//! The search side of the app: the prompt (`/`, `&`), running the query as
//! it is typed, the hits arriving, and the filtered outline. Going from hit
//! to hit is in [`super::hits`], the title picker in [`super::picker`].
//!
//! ```text
//! /  ─► prompt open ── typing ──► results (grouped) ── Enter ─► hit shown,
//!        Up/Down: history          Tab/S-Tab: choose           n/N: next hit
//!        Ctrl-R: regex  Ctrl-F: filter                          Esc: done
//! ```
//!
//! Small notebooks are searched right in `update`. Larger ones go to a
//! [`Worker`] thread, which wakes the runner with each batch of hits; the
//! runner then calls [`App::poll_search`], and hits stream in (a newer query
//! stops an older one). Typing never waits for a scan either way.

use std::sync::Arc;

use super::hits::first_hit_row;
use super::{Action, App, Mode};
use crate::action::{Dir, Step};
use crate::text::Erase;
use daynotes_core::search::group::{self, Row};
use daynotes_core::search::worker::{MAX_HITS, Worker};
use daynotes_core::search::{Hit, Index, Matcher, Query, Syntax, index};

/// Notebooks up to this many bytes are searched without a thread.
pub const SYNC_LIMIT: usize = 4 << 20;

/// The prompt at the bottom while a query is typed.
#[derive(Debug, Clone, Default)]
pub struct Prompt {
    /// The query typed so far.
    pub text: String,
    /// Literal or regex (Ctrl-R).
    pub syntax: Syntax,
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
    /// When the scan began, until it is over and timed.
    started: Option<std::time::Instant>,
}

/// What the app keeps of search beyond the prompt (which is a [`Mode`]):
/// the current search, its filter, the queries typed, the index.
#[derive(Debug, Default)]
pub struct Search {
    /// The current search, if any.
    pub current: Option<Current>,
    /// The outline shows only the places of hits.
    pub filter: bool,
    /// Queries entered this session, oldest first.
    pub history: Vec<String>,
    /// Searches finished since the runner last took them: the query, how
    /// long until the last hit, the hits (for `--timings`).
    pub timed: Vec<(String, std::time::Duration, usize)>,
    /// Letters typed also match Chinese by pinyin (`search.pinyin`).
    pub pinyin: bool,
    index: Option<Arc<Index>>,
    worker: Option<Worker>,
}

impl Search {
    /// The notebook's search index, once it is built.
    pub fn index(&self) -> Option<&Arc<Index>> {
        self.index.as_ref()
    }

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
        let hits = self
            .search
            .current
            .as_ref()
            .is_some_and(|c| !c.done && self.search.worker.is_some());
        hits || matches!(&self.mode, Mode::Picker(p) if p.ranking())
    }

    /// Takes the hits the search thread has sent; true when the screen
    /// changed.
    pub fn poll_search(&mut self) -> bool {
        let ranked = self.poll_picker();
        let Some(worker) = &self.search.worker else {
            return ranked;
        };
        let mut batches = Vec::new();
        while let Some(b) = worker.try_recv() {
            batches.push(b);
        }
        if batches.is_empty() {
            return ranked;
        }
        let Some(cur) = self.search.current.as_mut() else {
            return ranked;
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

    /// Waits until the current search is over and the picker's ranking has
    /// come (tests and benchmarks).
    pub fn finish_search(&mut self) {
        self.wait_picker();
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

    /// `/` (and `&`, after turning the filter on): opens the prompt.
    pub(super) fn open_prompt(&mut self) {
        self.ensure_index();
        self.mode = Mode::Search(Prompt::default());
    }

    /// Carries out `action` while the prompt is open; false when it is not
    /// open or the action is not the prompt's.
    pub(super) fn search_action(&mut self, action: Action) -> bool {
        let Mode::Search(p) = &mut self.mode else {
            return false;
        };
        match action {
            Action::Input(c) => {
                p.text.push(c);
                p.history_at = None;
                self.run_query();
            }
            Action::Erase | Action::EraseWord | Action::EraseAll => {
                crate::text::erase(&mut p.text, action.erase().unwrap_or(Erase::Char));
                p.history_at = None;
                self.run_query();
            }
            Action::HistoryPrev => self.recall(Dir::Back),
            Action::HistoryNext => self.recall(Dir::Forward),
            Action::ToggleRegex => self.toggle_regex(),
            Action::ToggleFilter => self.toggle_filter(),
            Action::ResultNext => self.choose_hit(Dir::Forward, Step::Row),
            Action::ResultPrev => self.choose_hit(Dir::Back, Step::Row),
            Action::ResultPageDown => self.choose_hit(Dir::Forward, Step::Page),
            Action::ResultPageUp => self.choose_hit(Dir::Back, Step::Page),
            Action::Accept => self.accept_hit(),
            Action::Close => self.leave_search(),
            _ => return false,
        }
        true
    }

    /// Up/Down in the prompt: an earlier or later query of the session.
    fn recall(&mut self, dir: Dir) {
        let len = self.search.history.len();
        let Mode::Search(p) = &mut self.mode else {
            return;
        };
        let at = match (p.history_at, dir) {
            (None, Dir::Back) if len > 0 => Some(len - 1),
            (None, _) => return,
            (Some(i), Dir::Back) => Some(i.saturating_sub(1)),
            (Some(i), Dir::Forward) if i + 1 < len => Some(i + 1),
            (Some(_), Dir::Forward) => None,
        };
        p.history_at = at;
        p.text = at
            .map(|i| self.search.history[i].clone())
            .unwrap_or_default();
        self.run_query();
    }

    /// Ctrl-R: literal ↔ regex.
    fn toggle_regex(&mut self) {
        if let Mode::Search(p) = &mut self.mode {
            p.syntax = match p.syntax {
                Syntax::Literal => Syntax::Regex,
                Syntax::Regex => Syntax::Literal,
            };
            self.run_query();
        }
    }

    /// Ctrl-F in the prompt: filter the outline to the hits, or stop.
    fn toggle_filter(&mut self) {
        self.search.filter = !self.search.filter;
        self.apply_filter();
    }

    /// Searches for what the prompt holds.
    pub(super) fn run_query(&mut self) {
        let Mode::Search(p) = &mut self.mode else {
            return;
        };
        p.selected = 0;
        p.top = 0;
        let query = Query {
            text: p.text.clone(),
            syntax: p.syntax,
            pinyin: self.search.pinyin,
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

    /// Keeps `index` (built on the index thread) unless one is kept.
    pub(super) fn keep_index(&mut self, index: Arc<Index>) {
        if self.search.index.is_none() {
            self.search.index = Some(index);
        }
    }

    fn ensure_index(&mut self) {
        if self.search.index.is_none() {
            let index = Arc::new(Index::new(&self.notebook));
            if self.text_len() > SYNC_LIMIT {
                let nb = Arc::clone(&self.notebook);
                let worker = Worker::spawn(nb, Arc::clone(&index), self.waker.clone());
                self.search.worker = Some(worker);
            }
            self.search.index = Some(index);
        }
    }

    fn text_len(&self) -> usize {
        self.notebook.sources.iter().map(|s| s.text.len()).sum()
    }

    pub(super) fn start_search(&mut self, matcher: Arc<Matcher>) {
        self.ensure_index();
        let mut cur = Current {
            matcher: Arc::clone(&matcher),
            hits: Vec::new(),
            rows: Vec::new(),
            done: false,
            truncated: false,
            at: None,
            generation: 0,
            started: Some(std::time::Instant::now()),
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
        if let Some(cur) = self.search.current.as_mut()
            && cur.done
            && !cur.matcher.is_empty()
            && let Some(started) = cur.started.take()
        {
            let query = cur.matcher.query().text.clone();
            self.search
                .timed
                .push((query, started.elapsed(), cur.hits.len()));
        }
        let several = self.notebook.sources.len() > 1;
        if let Some(cur) = self.search.current.as_mut() {
            if several {
                index::sort(&mut cur.hits);
            }
            cur.rows = group::rows(&cur.hits);
        }
        if let Mode::Search(p) = &mut self.mode {
            let rows = self.search.current.as_ref().map_or(&[][..], |c| &c.rows);
            if !matches!(rows.get(p.selected), Some(Row::Hit(_))) {
                p.selected = first_hit_row(rows, 0, Dir::Forward).unwrap_or(0);
            }
        }
        self.apply_filter();
    }

    /// Filters the outline to the current hits and the tag filter, or
    /// shows it whole.
    pub(super) fn apply_filter(&mut self) {
        let keep = match (&self.search.current, self.search.filter) {
            (Some(cur), true) if !cur.matcher.is_empty() => {
                Some(daynotes_core::search::kept_nodes(&self.notebook, &cur.hits))
            }
            _ => None,
        };
        let keep = match (keep, self.tag_keep()) {
            (Some(hits), Some(tags)) => Some(
                hits.into_iter()
                    .filter(|n| tags.binary_search(n).is_ok())
                    .collect(),
            ),
            (hits, tags) => hits.or(tags),
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

    /// Esc in the panes: clears the search's highlights and filter. False
    /// when there was no search.
    pub(super) fn escape_search(&mut self) -> bool {
        if self.search.current.is_none() {
            return false;
        }
        self.leave_search();
        true
    }

    /// Closes the prompt and forgets the search: no hits, no highlights,
    /// the whole outline.
    pub(super) fn leave_search(&mut self) {
        if matches!(self.mode, Mode::Search(_)) {
            self.mode = Mode::Panes;
        }
        self.search.current = None;
        self.search.filter = false;
        if let Some(w) = &self.search.worker {
            w.cancel();
        }
        self.apply_filter();
    }
}
