//! The title picker (Ctrl-P, `t`): every topic and section title with its
//! date, ranked by fuzzy match as you type ([`crate::search::fuzzy`]);
//! Enter goes to the chosen one. Typing on narrows the last ranking, so only
//! the first character scores every title; a list of more than
//! [`SYNC_TITLES`] is ranked on a thread, the last ranking shown meanwhile.

use std::sync::Arc;

use super::{App, Mode};
use crate::outline::keep_in_view;
use crate::search::fuzzy::{self, Entry, Ranker};
use crate::search::rank_worker::RankWorker;

/// Lists longer than this are ranked on a thread.
pub const SYNC_TITLES: usize = 20_000;

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
    /// Ranks a short list right away.
    ranker: Ranker,
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
        let entries = Arc::new(fuzzy::entries(&self.notebook));
        let ranked = (0..entries.len()).collect();
        let worker = (entries.len() > SYNC_TITLES)
            .then(|| RankWorker::spawn(Arc::clone(&entries), self.waker.clone()));
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
                Some(w) => w.rank(&p.text),
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
        p.ranked = ranked;
        p.selected = 0;
        p.top = 0;
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
