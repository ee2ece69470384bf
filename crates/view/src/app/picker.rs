//! The title picker (Ctrl-P, `t`): every topic and section title with its
//! date, ranked by fuzzy match as you type ([`daynotes_core::search::fuzzy`]);
//! Enter goes to the chosen one. Typing on narrows the last ranking, so only
//! the first character scores every title; a list of more than
//! [`SYNC_TITLES`] is ranked on a thread, the last ranking shown meanwhile.

use std::sync::Arc;

use super::{App, Mode};
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

    pub(super) fn rank_picker(&mut self) {
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
    pub(super) fn poll_picker(&mut self, wait: bool) -> bool {
        let Mode::Picker(p) = &mut self.mode else {
            return false;
        };
        let Some(w) = p.worker.as_mut() else {
            return false;
        };
        let got = if wait { w.recv() } else { w.try_recv() };
        let Some(ranked) = got else { return false };
        // The whole ranking after its first step only adds titles below:
        // where the user has moved to stays.
        if !ranked.starts_with(&p.ranked) {
            p.selected = 0;
            p.top = 0;
        }
        p.ranked = ranked;
        true
    }

    /// Down or up the ranked titles, a row or a page (`page`).
    pub(super) fn choose_picked(&mut self, down: bool, page: bool) {
        let height = crate::layout::picker_rows(self.size);
        if let Mode::Picker(p) = &mut self.mode {
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
