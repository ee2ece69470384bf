//! What `review --stats` counts: cards new, learning and due, ratings this
//! week, and how often remembered cards were recalled.

use super::{DayNumber, Deck, Phase};

/// What `review --stats` counts.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Stats {
    /// Cards in the notes.
    pub cards: usize,
    /// Never rated.
    pub new: usize,
    /// New cards today's allowance still lets in.
    pub new_today: usize,
    /// Rated `again` and not yet remembered since (due today, counted in
    /// `due` too).
    pub learning: usize,
    /// Rated before and due today or earlier, those rated `again` today
    /// included: with `new_today`, today's queue.
    pub due: usize,
    /// Suspended.
    pub suspended: usize,
    /// Buried until tomorrow.
    pub buried: usize,
    /// Ratings in the last seven days, today included.
    pub reviewed_week: usize,
    /// Of the reviews of remembered cards in the last 30 days, the share
    /// not rated `again`; `None` without such reviews.
    pub retention: Option<f64>,
}

impl Deck {
    /// The counts of `review --stats`.
    pub fn stats(&self, today: DayNumber) -> Stats {
        let mut s = Stats {
            cards: self.cards.len(),
            ..Stats::default()
        };
        let state = &self.file.state;
        for (i, card) in self.cards.iter().enumerate() {
            if state.suspended.contains(&card.key) {
                s.suspended += 1;
                continue;
            }
            if state.buried.get(&card.key) == Some(&today) {
                s.buried += 1;
                continue;
            }
            match self.memory(i) {
                None => s.new += 1,
                Some(m) => {
                    let learning = matches!(m.phase, Phase::Learning | Phase::Relearning);
                    s.learning += usize::from(learning);
                    s.due += usize::from(m.due <= today);
                }
            }
        }
        s.new_today = s.new.min(self.new_left(today));
        let log = state.log.iter();
        let (mut recalled, mut tried) = (0usize, 0usize);
        for e in log {
            let ago = today.since(e.day);
            if (0..7).contains(&ago) {
                s.reviewed_week += 1;
            }
            if (0..30).contains(&ago) && e.before == Some(Phase::Review) {
                tried += 1;
                recalled += usize::from(e.rating > 1);
            }
        }
        s.retention = (tried > 0).then(|| recalled as f64 / tried as f64);
        s
    }
}
