//! Review in the viewer (`R`, `daynotes review`): the cards due today one
//! at a time, full width. Space shows the answer, 1-4 rate it, `u` takes
//! the last rating back, `e` edits the card, `j` `k` `PgDn` `End` scroll a
//! long answer, Esc leaves with every rating kept. Each rating asks the runner to save the state
//! ([`Effect::SaveReview`]); the app itself writes nothing.
//!
//! ```text
//! R ─► prompt ── Space ─► answer ── 1 2 3 4 ─► next prompt … ─► done
//!        ▲                             │
//!        └──────────── u ◄─────────────┘            Esc: back to the notes
//! ```
//!
//! Also here: `s`, a topic not looked at for long, drawn at random; and
//! noting which topics are opened, which that draw weighs.

use super::Tone;
use ratatui::text::Line;

use super::{Action, App, Effect, Mode};
use daynotes_core::notes::dedent;
use daynotes_core::outline::NodeId;
use daynotes_core::review::{Day, Deck, Rating, ReviewSettings, Session, StateFile, revisit};

/// The random numbers `s` draws with (tests seed their own).
pub type Rng = fastrand::Rng;

/// The study side of the app that outlives a review: the cards and their
/// state, and what draws the topic `s` goes to.
#[derive(Debug, Default)]
pub struct Study {
    /// The cards and their state.
    pub deck: Deck,
    /// Draws the topic `s` goes to.
    pub rng: fastrand::Rng,
}

/// A review under way ([`Mode::Review`]): the sitting, and the answer of
/// the card on screen laid out for the screen's width.
#[derive(Debug)]
pub struct Review {
    /// The cards of today, how far along, what was rated.
    pub session: Session,
    /// The answer of the card on screen.
    pub answer: Vec<Line<'static>>,
}

impl Study {
    /// The cards of `nb` with no saved state (kept for this run only),
    /// made when first needed.
    pub fn new(nb: &daynotes_core::notes::Notebook) -> Study {
        let files = vec![StateFile::default(); nb.sources.len()];
        Study {
            deck: Deck::unbuilt(ReviewSettings::default(), files),
            ..Study::default()
        }
    }
}

impl App {
    /// Uses `deck` (the cards with the state read from disk).
    pub fn with_deck(mut self, deck: Deck) -> Self {
        self.study.deck = deck;
        self.refresh_deck();
        self
    }

    /// The day number of each day, on the date axis.
    pub(super) fn day_numbers(&self) -> Vec<i64> {
        let axis = &self.dates.axis;
        (0..axis.len())
            .map(|i| axis.date(i).map_or(0, |d| Day::of(d).0))
            .collect()
    }

    /// Today, as the schedule counts.
    pub fn review_today(&self) -> Day {
        Day::of((self.dates.clock)())
    }

    /// Makes the cards if the notes changed since they were last made.
    pub fn ensure_deck(&mut self) {
        if !self.study.deck.built() {
            let days = self.day_numbers();
            self.study.deck.refresh(&self.notebook, &days);
        }
    }

    /// `R`: today's cards, or a word that there are none.
    pub fn start_review(&mut self) {
        self.ensure_deck();
        let today = self.review_today();
        let session = Session::start(&self.study.deck, today);
        if session.queue.is_empty() {
            let next = (0..self.study.deck.cards.len())
                .filter_map(|i| self.study.deck.memory(i).map(|m| m.due))
                .min();
            let when = next.map_or(String::new(), |d| format!(": the next card is due {d}"));
            return self.say(format!("nothing to review today{when}"), Tone::Info);
        }
        self.mode = Mode::Review(Review {
            session,
            answer: Vec::new(),
        });
        self.lay_out_answer();
    }

    /// Carries out `action` while reviewing; false when not reviewing or
    /// the action is not review's (quit, resize…).
    pub(super) fn review_action(&mut self, action: Action) -> bool {
        if !matches!(self.mode, Mode::Review(_)) {
            return false;
        }
        match action {
            Action::Reveal => self.reveal(),
            Action::Rate(r) => self.rate(r),
            Action::Undo => self.undo_rating(),
            Action::Edit => self.edit_card(),
            Action::Close => self.leave_review(),
            Action::Down => self.scroll_answer(1),
            Action::Up => self.scroll_answer(-1),
            Action::PageDown => self.scroll_answer(self.answer_page()),
            Action::PageUp => self.scroll_answer(-self.answer_page()),
            Action::Top => self.scroll_answer(isize::MIN / 2),
            Action::Bottom => self.scroll_answer(isize::MAX / 2),
            _ => return false,
        }
        true
    }

    fn reveal(&mut self) {
        let page = self.answer_page();
        let Mode::Review(Review { session: s, .. }) = &mut self.mode else {
            return;
        };
        if s.done() {
            return;
        }
        if s.revealed {
            return self.scroll_answer(page);
        }
        s.reveal();
    }

    fn rate(&mut self, rating: Rating) {
        let today = self.review_today();
        let Mode::Review(Review { session: s, .. }) = &mut self.mode else {
            return;
        };
        if s.done() {
            return;
        }
        if !s.revealed {
            let key = self.keymap.key_label(Action::Reveal);
            return self.say(format!("{key} shows the answer first"), Tone::Info);
        }
        if s.rate(&mut self.study.deck, rating, today) {
            self.effects.push(Effect::SaveReview);
        }
        self.lay_out_answer();
    }

    fn undo_rating(&mut self) {
        let Mode::Review(Review { session: s, .. }) = &mut self.mode else {
            return;
        };
        if s.undo(&mut self.study.deck) {
            self.effects.push(Effect::SaveReview);
            self.say("rating taken back", Tone::Info);
        } else {
            self.say("no rating to take back in this review", Tone::Info);
        }
        self.lay_out_answer();
    }

    /// `e` in review: the editor at the card's heading.
    fn edit_card(&mut self) {
        let Mode::Review(r) = &self.mode else { return };
        let card = r
            .session
            .current(&self.study.deck)
            .and_then(|i| self.study.deck.cards.get(i));
        let Some(card) = card else { return };
        let (source, line) = (card.source, card.line);
        self.edit_at(source, line);
    }

    /// Esc: back to the notes, at the card last shown.
    fn leave_review(&mut self) {
        if !matches!(self.mode, Mode::Review(_)) {
            return;
        }
        let Mode::Review(Review { session: s, .. }) = self.leave_mode() else {
            return;
        };
        let rated = s.undoable();
        let left = s.queue.len().saturating_sub(s.at);
        let last = s
            .queue
            .get(s.at.min(s.queue.len().saturating_sub(1)))
            .and_then(|(src, key)| self.study.deck.find(*src, key))
            .map(|i| self.study.deck.cards[i].node);
        if let Some(node) = last {
            self.select_node(node);
        }
        let s = if rated == 1 { "" } else { "s" };
        self.say(
            format!("review: {rated} rating{s} kept, {left} left today"),
            Tone::Info,
        );
    }

    fn answer_page(&self) -> isize {
        let rows = crate::layout::answer_rows(self.size);
        isize::try_from(rows.saturating_sub(1).max(1)).unwrap_or(1)
    }

    fn scroll_answer(&mut self, n: isize) {
        let rows = crate::layout::answer_rows(self.size);
        if let Mode::Review(r) = &mut self.mode
            && r.session.revealed
        {
            let last = r.answer.len().saturating_sub(rows);
            r.session.scroll = r.session.scroll.saturating_add_signed(n).min(last);
        }
    }

    /// Lays out the answer of the card on screen for the screen's width.
    pub(super) fn lay_out_answer(&mut self) {
        let width = crate::layout::answer_width(self.size);
        let Mode::Review(r) = &self.mode else { return };
        let card = r
            .session
            .current(&self.study.deck)
            .and_then(|i| self.study.deck.cards.get(i));
        let answer = match card {
            Some(c) => {
                let text = dedent(self.notebook.text(c.source, c.answer));
                crate::markdown::render(&text, width, &self.theme.md).lines
            }
            None => Vec::new(),
        };
        if let Mode::Review(r) = &mut self.mode {
            r.answer = answer;
        }
    }

    /// After the notes were read again: during a review the cards are made
    /// again at once and the sitting goes on with those still there;
    /// otherwise they are made when next needed.
    pub(super) fn refresh_deck(&mut self) {
        if !matches!(self.mode, Mode::Review(_)) {
            return self.study.deck.stale(self.notebook.sources.len());
        }
        let days = self.day_numbers();
        self.study.deck.refresh(&self.notebook, &days);
        if let Mode::Review(r) = &mut self.mode {
            r.session.settle(&self.study.deck);
        }
        self.lay_out_answer();
    }

    /// Notes that the topic `id` shows was opened today.
    pub(super) fn note_seen(&mut self, id: NodeId) {
        if id.section_index().is_some() || id.topic_index().is_none() {
            return;
        }
        let (Some(t), d) = (id.topic_index(), id.day_index()) else {
            return;
        };
        let rule = self.study.deck.settings.rule;
        let Some(key) = daynotes_core::review::topic_key(&self.notebook, d, t, rule) else {
            return;
        };
        let source = self.notebook.days[d].source;
        let today = self.review_today();
        self.study.deck.saw_key(source, &key, today);
    }

    /// `s`: a topic not looked at for long, drawn at random.
    pub(super) fn revisit(&mut self) {
        self.ensure_deck();
        let today = self.review_today();
        let weights = revisit::weights(&self.study.deck, today);
        let roll = self.study.rng.u64(..);
        let Some(i) = revisit::pick(&weights, roll) else {
            return self.say("no topics to revisit", Tone::Info);
        };
        let when = revisit::age(&self.study.deck, i, today);
        let node = self.study.deck.cards[i].node;
        self.select_node(node);
        self.say(format!("revisit: {when}"), Tone::Info);
    }
}
