//! The title picker (Ctrl-P, `t`): every topic and section title with its
//! date, ranked by fuzzy match as you type ([`crate::search::fuzzy`]);
//! Enter goes to the chosen one. Typing on narrows the last ranking, so only
//! the first character scores every title.

use super::App;
use crate::outline::keep_in_view;
use crate::search::fuzzy::{self, Entry, Ranker};

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

impl App {
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

    pub(super) fn rank_picker(&mut self) {
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

    pub(super) fn choose_picked(&mut self, down: bool, page: bool) {
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
