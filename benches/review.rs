//! What a rating costs on disk, whatever the history behind it: one save
//! of one rating into a state that already holds 200,000 ratings
//! (`cargo bench --bench review`). The target is 20 ms; the save appends a
//! line to the journal and flushes it, so it should not grow with the
//! history. Opening such a state is measured beside it; so are making
//! every card of 10 MB of notes (their bodies read for cards written in
//! them) and writing those cards as an Anki package.

use std::collections::BTreeSet;
use std::path::Path;

use daynotes_core::review::{
    CardRule, Change, DayNumber, Deck, LogEntry, Rating, ReviewSettings, Scheduler, StateFile,
};
use divan::Bencher;

fn main() {
    divan::main();
}

const HISTORY: usize = 200_000;

/// A rating of `card` as Good on `day`.
fn rating(card: &str, day: DayNumber) -> Change {
    Change::Rated {
        memory: Scheduler.rate(None, Rating::Good, day),
        entry: LogEntry {
            card: card.into(),
            day,
            rating: 3,
            before: None,
        },
    }
}

/// A state directory holding the state of `n.txt` with [`HISTORY`]
/// ratings of 5,000 cards, folded into its snapshot.
fn state_with_history(dir: &Path) -> BTreeSet<String> {
    let day = DayNumber::of((2025, 8, 22));
    let cards: BTreeSet<String> = (0..5_000).map(|n| format!("8.22 › topic {n}")).collect();
    let (mut file, _) = StateFile::open(Some(dir), "n.txt");
    let changes: Vec<Change> = cards
        .iter()
        .cycle()
        .take(HISTORY)
        .map(|c| rating(c, day))
        .collect();
    for c in &changes {
        file.state.apply(c);
    }
    file.save(&changes, Some(&cards), day).unwrap();
    // Opened again: the long journal is folded into the snapshot.
    let (again, _) = StateFile::open(Some(dir), "n.txt");
    assert_eq!(again.state.log.len(), HISTORY);
    cards
}

#[divan::bench(sample_count = 50)]
fn one_rating_after_200k(bencher: Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let cards = state_with_history(dir.path());
    let (mut file, _) = StateFile::open(Some(dir.path()), "n.txt");
    let day = DayNumber::of((2025, 8, 23));
    let card = cards.iter().next().unwrap().clone();
    bencher.bench_local(|| {
        let change = rating(&card, day);
        file.state.apply(&change);
        file.save(std::slice::from_ref(&change), Some(&cards), day)
            .unwrap();
    });
}

#[divan::bench(sample_count = 5)]
fn open_a_state_of_200k(bencher: Bencher) {
    let dir = tempfile::tempdir().unwrap();
    state_with_history(dir.path());
    bencher.bench_local(|| StateFile::open(Some(dir.path()), "n.txt"));
}

/// 10 MB of generated notes.
fn ten_mb() -> daynotes_core::notes::Notebook {
    daynotes_core::load::from_text("n.txt", daynotes_core::generate::notes(10 << 20, 1))
}

#[divan::bench(sample_count = 5)]
fn every_card_of_10_mb(bencher: Bencher) {
    let nb = ten_mb();
    bencher.bench_local(|| daynotes_core::review::cards(&nb, &CardRule::default()).len());
}

#[divan::bench(sample_count = 5)]
fn anki_package_of_10_mb(bencher: Bencher) {
    use daynotes_core::export::anki::{Naming, apkg, notes};
    let nb = ten_mb();
    let days: Vec<i64> = (0..nb.days.len() as i64).map(|d| 19_000 + d).collect();
    let deck = Deck::new(&nb, ReviewSettings::default(), StateFile::default(), &days);
    let all: Vec<usize> = (0..deck.cards.len()).collect();
    let naming = Naming {
        root: "n".into(),
        folders: vec![Vec::new()],
        dates: days.iter().map(|&d| (String::new(), d)).collect(),
        ..Naming::default()
    };
    bencher.bench_local(|| {
        let notes = notes(&deck, &nb, &all, &naming);
        apkg::package(&notes, 1_756_000_000).unwrap().len()
    });
}
