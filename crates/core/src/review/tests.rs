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
    let deck = Deck::new(&nb, settings, vec![StateFile::default()], &days);
    (nb, deck)
}

#[test]
fn today_due_cards_then_new_ones_up_to_the_allowance() {
    let (_, mut deck) = seed_deck(3);
    let day = Day::of((2025, 9, 1));
    assert_eq!(deck.queue(day), [0, 1, 2]);
    deck.rate(0, Rating::Good, day);
    deck.rate(1, Rating::Again, day);
    // Card 1 is learning, due today; card 0 is not due; one new left.
    assert_eq!(deck.queue(day), [1, 2]);
    let s = deck.stats(day);
    assert_eq!(
        (s.cards, s.new, s.new_today, s.learning, s.due),
        (12, 10, 1, 1, 0)
    );
    assert_eq!(s.reviewed_week, 2);
    // A day later: three new again, and what came due.
    let next = deck.queue(day.plus(1));
    assert_eq!(next, [1, 2, 3, 4]);
    assert_eq!(deck.pending[0].len(), 2);
}

#[test]
fn undo_gives_the_new_card_back() {
    let (_, mut deck) = seed_deck(2);
    let day = Day::of((2025, 9, 1));
    let Some(Change::Rated { entry, .. }) = deck.rate(0, Rating::Good, day) else {
        panic!("rated")
    };
    assert_eq!(deck.queue(day), [1]);
    deck.undo(0, None, entry);
    assert_eq!(deck.queue(day), [0, 1]);
    assert!(deck.files[0].state.log.is_empty());
}

#[test]
fn retention_counts_reviews_of_remembered_cards() {
    let (_, mut deck) = seed_deck(20);
    let day = Day::of((2025, 9, 1));
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
fn each_file_keeps_its_state_when_the_files_move() {
    let day = Day::of((2025, 8, 22));
    let mut deck = Deck::unbuilt(ReviewSettings::default(), vec![StateFile::default(); 2]);
    deck.files[0].state.notes = "a".into();
    deck.files[1].state.notes = "b".into();
    deck.saw_key(1, "b › t", day);
    // Read again: a new file before them, `a` gone.
    deck.follow_sources(&["a.md", "b.md"], &["new.md", "b.md"]);
    let notes: Vec<&str> = deck.files.iter().map(|f| f.state.notes.as_str()).collect();
    assert_eq!(notes, ["", "b"]);
    assert_eq!(deck.unsaved(), [1], "b's unsaved change went with it");
}
