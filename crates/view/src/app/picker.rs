//! The title picker (Ctrl-P, `t`): every topic and section title with its
//! date, ranked by fuzzy match as you type ([`daynotes_core::search::fuzzy`]);
//! Enter goes to the chosen one. Typing on narrows the last ranking, so only
//! the first character scores every title; a list of more than
//! [`SYNC_TITLES`] is ranked on a thread, the last ranking shown meanwhile.

use std::sync::Arc;

use super::{Action, App, Mode, Pane};
use crate::action::{Dir, Step};
use crate::text::Erase;
use daynotes_core::outline::keep_in_view;
use daynotes_core::search::fuzzy::{self, Entry, Ranker};
use daynotes_core::search::rank_worker::RankWorker;

/// Lists longer than this are ranked on a thread (shorter ones are made
/// ready and ranked in a few milliseconds).
pub const SYNC_TITLES: usize = 4096;

/// The titles of the notes shown and the thread that ranks them, kept
/// from one opening of the picker to the next while the notes are the
/// same: the titles are made once, and the thread keeps them ready.
#[derive(Debug)]
pub struct Titles {
    notebook: std::sync::Weak<daynotes_core::notes::Notebook>,
    entries: Arc<Vec<Entry>>,
    worker: Option<RankWorker>,
}

/// The title picker.
#[derive(Debug, Default)]
pub struct Picker {
    /// What is typed.
    pub text: String,
    /// Every topic and section.
    pub entries: Arc<Vec<Entry>>,
    /// Indices into `entries`, best first (while a ranking is on its way,
    /// the last one).
    pub ranked: Vec<usize>,
    /// The chosen position in `ranked`.
    pub selected: usize,
    /// The first position shown.
    pub top: usize,
    /// Ranks a short list right away (boxed: the mode holding the picker
    /// is the size of its largest).
    ranker: Box<Ranker>,
    /// Ranks a long list on a thread.
    worker: Option<RankWorker>,
}

impl Picker {
    /// True while a ranking is on its way.
    pub fn ranking(&self) -> bool {
        self.worker.as_ref().is_some_and(RankWorker::pending)
    }
}

impl App {
    /// Ctrl-P or `t`: opens the title picker.
    pub(super) fn open_picker(&mut self) {
        let same = self
            .titles
            .as_ref()
            .is_some_and(|t| t.notebook.as_ptr() == Arc::as_ptr(&self.notebook));
        if !same {
            let entries = Arc::new(fuzzy::entries(&self.notebook));
            let worker = (entries.len() > SYNC_TITLES)
                .then(|| RankWorker::spawn(Arc::clone(&entries), self.waker.clone()));
            self.titles = Some(Titles {
                notebook: Arc::downgrade(&self.notebook),
                entries,
                worker,
            });
        }
        let Some(titles) = &self.titles else { return };
        let entries = Arc::clone(&titles.entries);
        let worker = titles.worker.as_ref().map(RankWorker::handle);
        let ranked = (0..entries.len()).collect();
        self.mode = Mode::Picker(Picker {
            entries,
            ranked,
            worker,
            ..Picker::default()
        });
    }

    /// Carries out `action` while the picker is open; false when it is not
    /// open or the action is not the picker's.
    pub(super) fn picker_action(&mut self, action: Action) -> bool {
        let Mode::Picker(p) = &mut self.mode else {
            return false;
        };
        match action {
            Action::Input(c) => {
                p.text.push(c);
                self.rank_picker();
            }
            Action::Erase | Action::EraseWord | Action::EraseAll => {
                crate::text::erase(&mut p.text, action.erase().unwrap_or(Erase::Char));
                self.rank_picker();
            }
            Action::ResultNext => self.choose_title(Dir::Forward, Step::Row),
            Action::ResultPrev => self.choose_title(Dir::Back, Step::Row),
            Action::ResultPageDown => self.choose_title(Dir::Forward, Step::Page),
            Action::ResultPageUp => self.choose_title(Dir::Back, Step::Page),
            Action::Accept => self.accept_title(),
            Action::Close => self.mode = Mode::Panes,
            _ => return false,
        }
        true
    }

    /// Enter: goes to the chosen title.
    fn accept_title(&mut self) {
        let Mode::Picker(p) = &self.mode else { return };
        let node = p.ranked.get(p.selected).map(|&i| p.entries[i].node);
        self.mode = Mode::Panes;
        if let Some(node) = node {
            self.select_node(node);
            self.focus = Pane::Content;
        }
    }

    fn rank_picker(&mut self) {
        if let Mode::Picker(p) = &mut self.mode {
            match &mut p.worker {
                Some(w) => w.rank(&p.text, crate::layout::picker_rows(self.size)),
                None => {
                    p.ranked = p.ranker.rank_typed(&p.entries, &p.text);
                    p.selected = 0;
                    p.top = 0;
                }
            }
        }
    }

    /// Takes a ranking the thread has sent; true when there was one.
    pub(super) fn poll_picker(&mut self) -> bool {
        self.take_ranking(RankWorker::try_recv)
    }

    /// Waits for the ranking on its way, if any (tests and benchmarks).
    pub(super) fn wait_picker(&mut self) {
        self.take_ranking(RankWorker::recv);
    }

    fn take_ranking(&mut self, get: impl FnOnce(&mut RankWorker) -> Option<Vec<usize>>) -> bool {
        let Mode::Picker(p) = &mut self.mode else {
            return false;
        };
        let Some(w) = p.worker.as_mut() else {
            return false;
        };
        let Some(ranked) = get(w) else { return false };
        // The whole ranking after its first step only adds titles below:
        // where the user has moved to stays.
        if !ranked.starts_with(&p.ranked) {
            p.selected = 0;
            p.top = 0;
        }
        p.ranked = ranked;
        true
    }

    /// Down or up the ranked titles, a row or a page.
    fn choose_title(&mut self, dir: Dir, step: Step) {
        let height = crate::layout::picker_rows(self.size);
        if let Mode::Picker(p) = &mut self.mode {
            let step = match step {
                Step::Row => 1,
                Step::Page => height,
            };
            let last = p.ranked.len().saturating_sub(1);
            p.selected = match dir {
                Dir::Forward => (p.selected + step).min(last),
                Dir::Back => p.selected.saturating_sub(step),
            };
            p.top = keep_in_view(p.top, height, p.selected, p.ranked.len());
        }
    }
}
