//! Review in the viewer (`R`, `daynotes review`) and cramming (`C`,
//! `review --cram`): one card at a time, full width. Space or Enter shows
//! the answer and, shown, rates it good; 1-4 rate it, `u` takes the last
//! step back, `→`/`s` skips, `b` buries until tomorrow, `!` suspends, `e`
//! edits the card, `j` `k` `PgDn` `End` scroll a long answer, Esc leaves
//! with every rating kept. Each change asks the runner to save the state
//! ([`Effect::SaveReview`]); the app itself writes nothing. A cram rates
//! nothing in the schedule.
//!
//! ```text
//! R ─► question ── Space ─► answer ── Space 1 2 3 4 ─► next question … ─► done
//!          ▲  │ → s b !                    │
//!          └──┴──────────── u ◄────────────┘            Esc: back to the notes
//! ```
//!
//! Beside it: `s`, a topic not looked at for long, drawn at random; and
//! noting which topics are opened, which that draw weighs ([`topics`]).

mod face;
mod topics;

use super::Tone;
use ratatui::text::Line;

use super::{Action, App, Effect, Mode};
use daynotes_core::review::sitting::{Away, Purpose};
use daynotes_core::review::{
    DayNumber, Deck, Rating, ReviewSettings, Selection, Sitting, StateFile,
};

/// The random numbers `s` draws with (tests seed their own).
pub type Rng = fastrand::Rng;

/// The study side of the app that outlives a review: the cards and their
/// state, and what draws the topic `s` goes to and a cram's order.
#[derive(Debug, Default)]
pub struct Study {
    /// The cards and their state.
    pub deck: Deck,
    /// Draws the topic `s` goes to, and shuffles a cram.
    pub rng: fastrand::Rng,
}

/// A review or cram under way ([`Mode::Review`]): the sitting, and the
/// card on screen laid out for the screen's width.
#[derive(Debug)]
pub struct Review {
    /// The cards, how far along, what was done.
    pub sitting: Sitting,
    /// Where the card on screen is written, above a written card's
    /// question when there is room.
    pub context: Option<Line<'static>>,
    /// The question of the card on screen.
    pub question: Vec<Line<'static>>,
    /// A topic's or section's titles as one line, when the question is
    /// those: cut short, their end (what asks) is kept.
    pub titles: Option<String>,
    /// Its answer.
    pub answer: Vec<Line<'static>>,
}

impl Study {
    /// The cards of notes with no saved state (kept for this run only),
    /// made when first needed.
    pub fn new() -> Study {
        Study {
            deck: Deck::unbuilt(ReviewSettings::default(), StateFile::default()),
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
            .map(|i| axis.date(i).map_or(0, |d| DayNumber::of(d).0))
            .collect()
    }

    /// Today, as the schedule counts.
    pub fn review_today(&self) -> DayNumber {
        DayNumber::of((self.dates.clock)())
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
        let sitting = Sitting::start(&self.study.deck, today);
        if sitting.queue.is_empty() {
            let next = self.study.deck.next_due(today);
            let when = next.map_or(String::new(), |d| format!(": the next card is due {d}"));
            let cram = self.keymap.key_label(Action::CramStart);
            return self.say(
                format!("nothing to review today{when} · {cram} crams every card"),
                Tone::Info,
            );
        }
        self.begin(sitting);
    }

    /// `C` (or `review --cram`): every card `selection` takes — of what
    /// the tag filter keeps — in a random order.
    pub fn start_cram(&mut self, selection: &Selection) {
        self.ensure_deck();
        if !self.tag_filter.is_empty() {
            // The tags are read on a thread after the first frame.
            self.wait_marks();
        }
        let deck = &self.study.deck;
        let tags = self.marks.as_ref().map(|m| &m.tags);
        let keys: Vec<String> = selection
            .cards(deck, &self.notebook)
            .into_iter()
            .filter(|&i| match tags {
                Some(tags) if !self.tag_filter.is_empty() => {
                    self.tag_filter
                        .holds_here(tags, &self.notebook, deck.cards[i].node)
                }
                _ => true,
            })
            .map(|i| deck.cards[i].key.clone())
            .collect();
        if keys.is_empty() {
            return self.say("no card to cram", Tone::Info);
        }
        let sitting = Sitting::cram(keys, &mut self.study.rng);
        self.begin(sitting);
    }

    fn begin(&mut self, sitting: Sitting) {
        self.mode = Mode::Review(Review {
            sitting,
            context: None,
            question: Vec::new(),
            titles: None,
            answer: Vec::new(),
        });
        self.lay_out_card();
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
            Action::Undo => self.undo_step(),
            Action::Skip => self.skip(),
            Action::Bury => self.put_away(Away::Bury),
            Action::SuspendCard => self.put_away(Away::Suspend),
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

    fn session_mut(&mut self) -> Option<&mut Sitting> {
        match &mut self.mode {
            Mode::Review(r) => Some(&mut r.sitting),
            _ => None,
        }
    }

    /// Space, Enter: the answer; shown, rated good.
    fn reveal(&mut self) {
        let Some(s) = self.session_mut() else { return };
        if s.done() {
            return;
        }
        if s.revealed {
            return self.rate(Rating::Good);
        }
        s.reveal();
    }

    fn rate(&mut self, rating: Rating) {
        let today = self.review_today();
        let Mode::Review(Review { sitting: s, .. }) = &mut self.mode else {
            return;
        };
        if s.done() {
            return;
        }
        if !s.revealed {
            let key = self.keymap.key_label(Action::Reveal);
            return self.say(format!("{key} shows the answer first"), Tone::Info);
        }
        if s.rate(&mut self.study.deck, rating, today) && s.purpose == Purpose::Schedule {
            self.effects.push(Effect::SaveReview);
        }
        self.lay_out_card();
    }

    fn skip(&mut self) {
        let Some(s) = self.session_mut() else { return };
        if !s.skip() {
            return self.say("no other card to go to", Tone::Info);
        }
        self.lay_out_card();
    }

    /// `b`, `!`: the card leaves the sitting, until tomorrow or until taken
    /// back (`u`, `review --unsuspend`).
    fn put_away(&mut self, how: Away) {
        let today = self.review_today();
        let Mode::Review(Review { sitting: s, .. }) = &mut self.mode else {
            return;
        };
        let Some(key) = s.current_key().map(str::to_string) else {
            return;
        };
        if !s.put_away(&mut self.study.deck, how, today) {
            return;
        }
        self.effects.push(Effect::SaveReview);
        let undo = self
            .keymap
            .key_in(crate::keymap::Context::Review, Action::Undo);
        let what = match how {
            Away::Suspend => "suspended until taken back",
            Away::Bury => "buried until tomorrow",
        };
        self.say(
            format!(
                "{what}: {} · {undo} takes it back",
                crate::label::clean(&key)
            ),
            Tone::Info,
        );
        self.lay_out_card();
    }

    fn undo_step(&mut self) {
        let Mode::Review(Review { sitting: s, .. }) = &mut self.mode else {
            return;
        };
        let schedule = s.purpose == Purpose::Schedule;
        if s.undo(&mut self.study.deck) {
            if self.study.deck.unsaved() || schedule {
                self.effects.push(Effect::SaveReview);
            }
            self.say("taken back", Tone::Info);
        } else {
            self.say("nothing to take back in this review", Tone::Info);
        }
        self.lay_out_card();
    }

    /// `e` in review: the editor at the card's line.
    fn edit_card(&mut self) {
        let Mode::Review(r) = &self.mode else { return };
        let card = r
            .sitting
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
        let Mode::Review(Review { sitting: s, .. }) = self.leave_mode() else {
            return;
        };
        let last = s
            .queue
            .get(s.at.min(s.queue.len().saturating_sub(1)))
            .and_then(|key| self.study.deck.find(key))
            .map(|i| self.study.deck.cards[i].node);
        if let Some(node) = last {
            self.select_node(node);
        }
        let rated = s.ratings();
        let r = if rated == 1 { "" } else { "s" };
        let said = match s.purpose {
            Purpose::Schedule => {
                // What is left is what `review --list` lists.
                let left = self.study.deck.queue(self.review_today()).len();
                format!("review: {rated} rating{r} kept, {left} left today")
            }
            Purpose::Cram => format!(
                "cram: {} of {} known on the first try, nothing rated",
                s.known_first,
                s.distinct()
            ),
        };
        self.say(said, Tone::Info);
    }

    /// After the notes were read again: during a review the cards are made
    /// again at once and the sitting goes on with those still there (what
    /// `u` takes back included); otherwise they are made when next needed.
    pub(super) fn refresh_deck(&mut self) {
        if !matches!(self.mode, Mode::Review(_)) {
            return self.study.deck.stale();
        }
        let days = self.day_numbers();
        self.study.deck.refresh(&self.notebook, &days);
        if let Mode::Review(r) = &mut self.mode {
            r.sitting.settle(&self.study.deck);
        }
        self.lay_out_card();
    }
}
