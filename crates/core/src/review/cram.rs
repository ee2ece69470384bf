//! Cramming: going through every card of a stretch of days, a tag or some
//! words before an exam, in a random order, until each is known once —
//! without a rating reaching the schedule. The sitting itself is a
//! [`Sitting`](super::Sitting) of [`Purpose::Cram`](super::sitting::Purpose);
//! this module chooses its cards.
//!
//! ```text
//! daynotes review --cram --from 8.22 --to 8.24 --tag net --match handshake
//!                        └── days ─────────┘   └ tags ┘  └ words ───────┘
//! ```
//!
//! Tags are chosen before the cards are made (the notes are narrowed to
//! what carries them, `crate::tags::Filter`); days and words here.

use super::{Card, DayNumber, Deck, cards::Face};
use crate::notes::{Notebook, dedent};

/// Which cards to take.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// The first day.
    pub from: Option<DayNumber>,
    /// The last day.
    pub to: Option<DayNumber>,
    /// Words the card's question or answer holds, any case.
    pub words: Option<String>,
}

impl Selection {
    /// True when it takes every card.
    pub fn is_everything(&self) -> bool {
        *self == Selection::default()
    }

    /// True when card `i` of `deck` is taken.
    pub fn holds(&self, deck: &Deck, nb: &Notebook, i: usize) -> bool {
        let day = DayNumber(deck.day_number(i));
        if self.from.is_some_and(|f| day < f) || self.to.is_some_and(|t| day > t) {
            return false;
        }
        let Some(words) = &self.words else {
            return true;
        };
        let words = words.to_lowercase();
        let card = &deck.cards[i];
        let holds = |s: &str| s.to_lowercase().contains(&words);
        holds(&question(card)) || holds(&answer(card, nb))
    }

    /// The cards of `deck` taken, in notebook order.
    pub fn cards(&self, deck: &Deck, nb: &Notebook) -> Vec<usize> {
        (0..deck.cards.len())
            .filter(|&i| self.holds(deck, nb, i))
            .collect()
    }
}

/// What card `card` asks, as plain as the notes write it: a topic's or
/// section's date and titles, a written card's question (a cloze's text
/// with its gaps).
pub fn question(card: &Card) -> String {
    match &card.face {
        Face::Node { .. } => card.key.clone(),
        Face::Written(w) => w.question.clone(),
    }
}

/// What card `card` answers, dedented: a topic's text (its sections that
/// are cards of their own left out), a written card's answer (a cloze's
/// whole text).
pub fn answer(card: &Card, nb: &Notebook) -> String {
    match &card.face {
        Face::Node { answer, folded } => {
            let text = dedent(&super::cards::node_text(nb, card.source, *answer, folded));
            text.trim_start_matches('\n').to_string()
        }
        Face::Written(w) => w.answer.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::from_text;
    use crate::review::{ReviewSettings, StateFile};

    #[test]
    fn days_and_words_choose_the_cards() {
        let nb = from_text("seed", crate::SAMPLE.into());
        let days: Vec<i64> = [(8, 22), (8, 23), (8, 24), (8, 30), (9, 1), (9, 11)]
            .iter()
            .map(|&(m, d)| DayNumber::of((2025, m, d)).0)
            .collect();
        let deck = Deck::new(&nb, ReviewSettings::default(), StateFile::default(), &days);
        let keys = |s: &Selection| -> Vec<String> {
            s.cards(&deck, &nb)
                .into_iter()
                .map(|i| deck.cards[i].key.clone())
                .collect()
        };
        assert_eq!(keys(&Selection::default()).len(), deck.cards.len());
        let august_end = Selection {
            from: Some(DayNumber::of((2025, 8, 24))),
            to: Some(DayNumber::of((2025, 8, 30))),
            words: None,
        };
        assert_eq!(
            keys(&august_end),
            ["8.24 › 储存桶和数据库存数据有什么区别", "8.30 › 接口失效"]
        );
        // Words in an answer, any case: the handshake's topic and section.
        let syn = Selection {
            words: Some("syn_sent".into()),
            ..Selection::default()
        };
        assert_eq!(keys(&syn), ["8.22 › tcp握手"]);
        let why = Selection {
            words: Some("防止失效连接".into()),
            ..Selection::default()
        };
        assert_eq!(keys(&why), ["8.22 › tcp握手 › 为什么需要三次握手？"]);
    }
}
