//! A sitting on the bundled notes: ratings, skips, burials and their undo;
//! a cram.

use super::*;
use crate::load::from_text;
use crate::review::{ReviewSettings, StateFile};

fn seed_deck(new_per_day: usize) -> Deck {
    let nb = from_text("seed", crate::SAMPLE.into());
    let days: Vec<i64> = (0..nb.days.len() as i64).collect();
    let settings = ReviewSettings {
        new_per_day,
        ..ReviewSettings::default()
    };
    Deck::new(&nb, settings, StateFile::default(), &days)
}

const DAY: (i32, u32, u32) = (2025, 9, 1);

#[test]
fn rate_again_comes_back_and_undo_takes_it_away() {
    let mut deck = seed_deck(3);
    let day = DayNumber::of(DAY);
    let mut s = Sitting::start(&deck, day);
    assert_eq!(s.position(), (1, 3, 2));
    assert_eq!(s.current(&deck), Some(0));
    s.reveal();
    assert!(s.rate(&mut deck, Rating::Good, day));
    assert!(!s.revealed);
    assert!(s.rate(&mut deck, Rating::Again, day));
    // The card rated again is at the end: 3/4.
    assert_eq!(s.position(), (3, 4, 1));
    assert_eq!(s.queue[3], "8.22 › tcp握手 › 为什么需要三次握手？");
    assert!(s.undo(&mut deck));
    assert_eq!(s.position(), (2, 3, 1));
    assert_eq!(s.current(&deck), Some(1));
    assert!(deck.memory(1).is_none(), "new again");
    assert!(deck.memory(0).is_some(), "the first rating stays");
    assert_eq!(s.undoable(), 1);
    // Rated to the end: done.
    s.rate(&mut deck, Rating::Good, day);
    s.rate(&mut deck, Rating::Easy, day);
    assert!(s.done());
    assert_eq!(s.position(), (3, 3, 0));
    assert_eq!((s.reviewed(), s.ratings()), (3, 3));
    assert!(s.took().is_some());
}

/// ```text
/// [a b c]  skip a ─► [b c a]  bury b ─► [c a]  suspend c ─► [a]
/// undo ×3 ─► [a b c], nothing buried or suspended
/// ```
#[test]
fn skips_burials_and_suspensions_are_taken_back_in_turn() {
    let mut deck = seed_deck(3);
    let day = DayNumber::of(DAY);
    let mut s = Sitting::start(&deck, day);
    let first = s.queue.clone();
    assert!(s.skip());
    assert_eq!(
        s.queue,
        [first[1].clone(), first[2].clone(), first[0].clone()]
    );
    assert!(s.put_away(&mut deck, Away::Bury, day));
    assert_eq!(s.queue, [first[2].clone(), first[0].clone()]);
    assert_eq!(deck.file.state.buried.get(&first[1]), Some(&day));
    assert!(s.put_away(&mut deck, Away::Suspend, day));
    assert_eq!(s.queue, [first[0].clone()]);
    assert!(deck.file.state.suspended.contains(&first[2]));
    // Put away: not in today's queue, the suspended one not tomorrow either.
    let today: Vec<&str> = deck
        .queue(day)
        .iter()
        .map(|&i| deck.cards[i].key.as_str())
        .collect();
    assert!(!today.contains(&first[1].as_str()) && !today.contains(&first[2].as_str()));
    let tomorrow = deck.queue(day.plus(1));
    assert!(tomorrow.iter().any(|&i| deck.cards[i].key == first[1]));
    assert!(!tomorrow.iter().any(|&i| deck.cards[i].key == first[2]));
    for _ in 0..3 {
        assert!(s.undo(&mut deck));
    }
    assert_eq!(s.queue, first);
    assert!(deck.file.state.buried.is_empty() && deck.file.state.suspended.is_empty());
    assert!(!s.undo(&mut deck));
}

#[test]
fn a_cram_repeats_what_is_missed_and_rates_nothing() {
    let mut deck = seed_deck(20);
    let day = DayNumber::of(DAY);
    let keys: Vec<String> = deck.cards.iter().take(3).map(|c| c.key.clone()).collect();
    let mut rng = fastrand::Rng::with_seed(7);
    let mut s = Sitting::cram(keys.clone(), &mut rng);
    let mut shuffled = s.queue.clone();
    shuffled.sort();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(shuffled, sorted, "every card once");
    let missed = s.queue[0].clone();
    s.rate(&mut deck, Rating::Again, day);
    s.rate(&mut deck, Rating::Good, day);
    s.rate(&mut deck, Rating::Hard, day);
    assert_eq!(s.position(), (4, 4, 0));
    assert_eq!(s.queue[3], missed);
    s.rate(&mut deck, Rating::Good, day);
    assert!(s.done());
    assert_eq!((s.known_first, s.distinct()), (2, 3));
    // Nothing reached the schedule.
    assert!(deck.file.state.cards.is_empty() && deck.pending.is_empty());
    // Undo the last answer: the missed card is on screen again.
    assert!(s.undo(&mut deck));
    assert_eq!(s.current_key(), Some(missed.as_str()));
    assert_eq!(s.known_first, 2);
}
