//! Notes made of every kind of card, and a package read back.

use super::*;
use crate::load::from_text;
use crate::review::{DayNumber, ReviewSettings, StateFile};

const NOTES: &str = "\
## 2025-08-23
### Ports #net/tcp
443:::HTTPS
the ==three-way== handshake opens, ==four== steps close
### What is TCP?
a reliable stream
";

fn notes_of(text: &str, deck: Option<&str>) -> Vec<AnkiNote> {
    let nb = from_text("study.md", text.into());
    let days = [DayNumber::of((2025, 8, 23)).0];
    let deck_ = Deck::new(&nb, ReviewSettings::default(), StateFile::default(), &days);
    let all: Vec<usize> = (0..deck_.cards.len()).collect();
    let naming = Naming {
        deck: deck.map(str::to_string),
        root: "study".into(),
        folders: vec![Vec::new()],
        dates: vec![("2025-08-23".into(), days[0])],
    };
    notes(&deck_, &nb, &all, &naming)
}

#[test]
fn cards_become_notes_of_three_models() {
    let notes = notes_of(NOTES, None);
    let shape: Vec<(Model, &str, &str, usize)> = notes
        .iter()
        .map(|n| {
            (
                n.model,
                n.fields[0].as_str(),
                n.fields[1].as_str(),
                n.cards.len(),
            )
        })
        .collect();
    assert_eq!(
        shape,
        [
            (Model::Reversed, "443", "HTTPS", 2),
            (
                Model::Cloze,
                "the {{c1::three-way}} handshake opens, {{c2::four}} steps close",
                "2025-08-23 › Ports #net/tcp",
                2
            ),
            (Model::Basic, "What is TCP?", "a reliable stream", 1),
        ]
    );
    assert_eq!(notes[0].tags, ["2025-08-23", "net::tcp"]);
    assert_eq!(notes[2].tags, ["2025-08-23"]);
    assert_eq!(notes[0].deck, "study");
    let ords: Vec<u32> = notes[1].cards.iter().map(|c| c.0).collect();
    assert_eq!(ords, [0, 1]);
    // The note's id is a moment of its day.
    let day_ms = DayNumber::of((2025, 8, 23)).0 * DAY_MS;
    assert!((day_ms..day_ms + DAY_MS).contains(&notes[0].id));
}

#[test]
fn ids_stay_when_the_notes_change_around_them() {
    let before = notes_of(NOTES, None);
    let edited = NOTES
        .replace("a reliable stream", "a reliable, ordered stream")
        .replace("### Ports", "### Intro\nwords\n### Ports");
    let after = notes_of(&edited, Some("exam"));
    let ids = |ns: &[AnkiNote]| -> Vec<(String, i64)> {
        ns.iter().map(|n| (n.guid.clone(), n.id)).collect()
    };
    // The same notes (the edited answer too), a topic added before them.
    assert_eq!(after[0].fields[0], "Intro");
    assert_eq!(ids(&after[1..]), ids(&before));
    assert!(after.iter().all(|n| n.deck == "exam"));
    let guids: std::collections::HashSet<&str> = after.iter().map(|n| n.guid.as_str()).collect();
    assert_eq!(guids.len(), after.len());
}

#[test]
fn a_package_holds_an_anki_collection() {
    let notes = notes_of(NOTES, None);
    let bytes = apkg::package(&notes, 1_756_000_000).unwrap();
    let files = zip::read(&bytes).unwrap();
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["collection.anki2", "media"]);
    assert_eq!(files[1].1, b"{}");
    let mut db = rusqlite::Connection::open_in_memory().unwrap();
    db.deserialize_read_exact(rusqlite::MAIN_DB, &files[0].1[..], files[0].1.len(), true)
        .unwrap();
    let count = |sql: &str| -> i64 { db.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(count("select count(*) from notes"), 3);
    assert_eq!(count("select count(*) from cards"), 5);
    assert_eq!(count("select ver from col"), 11);
    let check: String = db
        .query_row("pragma integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let flds: String = db
        .query_row(
            "select flds from notes where mid = ?1",
            [Model::Basic.id()],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(flds, "What is TCP?\u{1f}a reliable stream");
}
