//! The deck on the bundled notes: today's queue, undo, the counts.

use super::*;
use crate::load::from_text;

fn seed_deck(new_per_day: usize) -> (Notebook, Deck) {
    let nb = from_text("seed", crate::SAMPLE.into());
    let days: Vec<i64> = (0..nb.days.len() as i64).collect();
    let settings = ReviewSettings {
        new_per_day,
        ..ReviewSettings::default()
    };
    let deck = Deck::new(&nb, settings, StateFile::default(), &days);
    (nb, deck)
}

#[test]
fn today_due_cards_then_new_ones_up_to_the_allowance() {
    let (_, mut deck) = seed_deck(3);
    let day = DayNumber::of((2025, 9, 1));
    assert_eq!(deck.queue(day), [0, 1, 2]);
    deck.rate(0, Rating::Good, day);
    deck.rate(1, Rating::Again, day);
    // Card 1 is learning, due today; card 0 is not due; one new left.
    assert_eq!(deck.queue(day), [1, 2]);
    let s = deck.stats(day);
    assert_eq!(
        (s.cards, s.new, s.new_today, s.learning, s.due),
        (8, 6, 1, 1, 1)
    );
    // Counts agree: what is due and the new allowed make the queue.
    assert_eq!(s.due + s.new_today, deck.queue(day).len());
    assert_eq!(s.reviewed_week, 2);
    // A day later: three new again, and what came due.
    let next = deck.queue(day.plus(1));
    assert_eq!(next, [1, 2, 3, 4]);
    assert_eq!(deck.pending.len(), 2);
}

#[test]
fn undo_gives_the_new_card_back() {
    let (_, mut deck) = seed_deck(2);
    let day = DayNumber::of((2025, 9, 1));
    let Some(Change::Rated { entry, .. }) = deck.rate(0, Rating::Good, day) else {
        panic!("rated")
    };
    assert_eq!(deck.queue(day), [1]);
    deck.undo(None, entry);
    assert_eq!(deck.queue(day), [0, 1]);
    assert!(deck.file.state.log.is_empty());
}

#[test]
fn retention_counts_reviews_of_remembered_cards() {
    let (_, mut deck) = seed_deck(20);
    let day = DayNumber::of((2025, 9, 1));
    deck.rate(0, Rating::Good, day);
    deck.rate(1, Rating::Good, day);
    assert_eq!(deck.stats(day).retention, None);
    let later = day.plus(10);
    deck.rate(0, Rating::Good, later);
    deck.rate(1, Rating::Again, later);
    let s = deck.stats(later);
    assert_eq!(s.retention, Some(0.5));
    assert_eq!(s.reviewed_week, 2);
    assert_eq!(s.learning, 1);
}

#[test]
fn suspended_and_buried_cards_leave_the_queue_and_the_counts() {
    let (_, mut deck) = seed_deck(20);
    let day = DayNumber::of((2025, 9, 1));
    let key = |i: usize| deck.cards[i].key.clone();
    let (a, b) = (key(0), key(1));
    deck.suspend(&a, true);
    deck.bury(&b, day);
    let s = deck.stats(day);
    assert_eq!((s.suspended, s.buried, s.new), (1, 1, 6));
    assert_eq!(s.due + s.new_today, deck.queue(day).len());
    assert_eq!(deck.suspended(), [0]);
    assert!(!deck.queue(day).contains(&0) && !deck.queue(day).contains(&1));
    assert!(deck.queue(day.plus(1)).contains(&1));
    assert!(!deck.suspend(&a, true), "already suspended");
    assert!(deck.suspend(&a, false));
    assert!(deck.queue(day).contains(&0));
}
