//! `export --format anki` read back with SQLite: the notes, their models
//! and fields, the cards, the decks and tags; the same ids when exported
//! again; `--format anki-csv` with Anki's header; and the errors.

use std::collections::BTreeMap;
use std::path::Path;

use crate::common::{daynotes, daynotes_in};
use rusqlite::Connection;
use serde_json::Value;

const MD: &str = "tests/fixtures/cards/cards.md";

/// The collection inside the package at `path`, opened in memory.
fn collection(path: &Path) -> Connection {
    let bytes = std::fs::read(path).unwrap();
    let files = daynotes_core::export::anki::zip::read(&bytes).unwrap();
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["collection.anki2", "media"]);
    assert_eq!(files[1].1, b"{}", "no media");
    let db_bytes = &files[0].1;
    assert!(db_bytes.starts_with(b"SQLite format 3\0"));
    let mut db = Connection::open_in_memory().unwrap();
    db.deserialize_read_exact(rusqlite::MAIN_DB, &db_bytes[..], db_bytes.len(), true)
        .unwrap();
    let check: String = db
        .query_row("pragma integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    db
}

/// Exports `notes` with `args` into a fresh directory; the package's path.
fn export(dir: &Path, notes: &str, args: &[&str]) -> std::path::PathBuf {
    let out = dir.join("notes.apkg");
    let notes = Path::new(env!("CARGO_MANIFEST_DIR")).join(notes);
    let mut all = vec![
        "export",
        "--format",
        "anki",
        "--output",
        out.to_str().unwrap(),
    ];
    all.extend_from_slice(args);
    all.push(notes.to_str().unwrap());
    let run = daynotes_in(dir, &all)
        .assert()
        .success()
        .get_output()
        .clone();
    let err = String::from_utf8(run.stderr).unwrap();
    assert!(err.contains(" notes, "), "{err}");
    out
}

/// Each note as (model name, fields, tags), in id order of guid.
fn notes(db: &Connection) -> Vec<(String, Vec<String>, String, String)> {
    let models: Value = {
        let text: String = db
            .query_row("select models from col", [], |r| r.get(0))
            .unwrap();
        serde_json::from_str(&text).unwrap()
    };
    let mut stmt = db
        .prepare("select guid, mid, flds, tags from notes order by guid")
        .unwrap();
    stmt.query_map([], |r| {
        let mid: i64 = r.get(1)?;
        let flds: String = r.get(2)?;
        Ok((
            models[mid.to_string()]["name"]
                .as_str()
                .unwrap_or("?")
                .to_string(),
            flds.split('\u{1f}').map(str::to_string).collect(),
            r.get::<_, String>(3)?,
            r.get::<_, String>(0)?,
        ))
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

#[test]
fn the_package_holds_every_card_as_anki_notes() {
    let dir = tempfile::tempdir().unwrap();
    let db = collection(&export(dir.path(), MD, &[]));
    let count = |sql: &str| -> i64 { db.query_row(sql, [], |r| r.get(0)).unwrap() };
    // 16 cards (a topic each for two, two of them both ways, six clozes in
    // three notes): 12 notes, 16 cards.
    assert_eq!(count("select count(*) from notes"), 12);
    assert_eq!(count("select count(*) from cards"), 16);
    assert_eq!(count("select ver from col"), 11);
    assert_eq!(
        count("select count(*) from cards where type != 0 or queue != 0"),
        0,
        "all new"
    );
    // The three models, with Anki's fields and templates.
    let models: Value = {
        let text: String = db
            .query_row("select models from col", [], |r| r.get(0))
            .unwrap();
        serde_json::from_str(&text).unwrap()
    };
    let mut shapes = BTreeMap::new();
    for m in models.as_object().unwrap().values() {
        let fields: Vec<&str> = m["flds"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap())
            .collect();
        let templates = m["tmpls"].as_array().unwrap().len();
        shapes.insert(
            m["name"].as_str().unwrap().to_string(),
            (m["type"].as_i64().unwrap(), fields, templates),
        );
    }
    assert_eq!(shapes["Basic (daynotes)"], (0, vec!["Front", "Back"], 1));
    assert_eq!(
        shapes["Basic (and reversed card) (daynotes)"],
        (0, vec!["Front", "Back"], 2)
    );
    assert_eq!(
        shapes["Cloze (daynotes)"],
        (1, vec!["Text", "Back Extra"], 1)
    );
    let all = notes(&db);
    let find = |front: &str| {
        all.iter()
            .find(|n| n.1[0] == front)
            .unwrap_or_else(|| panic!("no note {front}: {all:#?}"))
    };
    let udp = find("UDP");
    assert_eq!(udp.0, "Basic (and reversed card) (daynotes)");
    assert_eq!(udp.1[1], "User Datagram Protocol");
    // The day's date and the notes' tags.
    assert_eq!(udp.2, " 2024-03-04 exam ");
    let cloze = find(
        "Congestion control: {{c1::slow start}} doubles the window, {{c2::congestion avoidance::after ssthresh}} adds one.",
    );
    assert_eq!(cloze.0, "Cloze (daynotes)");
    assert_eq!(cloze.1[1], "2024-03-04 › Transport layer #exam");
    let socket = find("What is a socket?");
    assert_eq!(
        socket.1[1],
        "- an IP address and a port<br>- one end of a connection"
    );
    // A topic card: its title asks, its body answers (as HTML lines).
    let near = find("Near misses");
    assert!(near.1[1].contains("<code>Vec::new()</code>"), "{near:?}");
    // Two cards for the note both ways, two for the two-number cloze.
    let cards_of = |guid: &str| -> i64 {
        db.query_row(
            "select count(*) from cards join notes on cards.nid = notes.id where guid = ?1",
            [guid],
            |r| r.get(0),
        )
        .unwrap()
    };
    assert_eq!((cards_of(&udp.3), cards_of(&cloze.3)), (2, 2));
    // Every card in the deck named after the notes file.
    let decks: Value = {
        let text: String = db
            .query_row("select decks from col", [], |r| r.get(0))
            .unwrap();
        serde_json::from_str(&text).unwrap()
    };
    let did: i64 = db
        .query_row("select distinct did from cards", [], |r| r.get(0))
        .unwrap();
    assert_eq!(decks[did.to_string()]["name"], "cards");
    // Anki's checksum: the first 8 hex digits of the SHA-1 of the sort field.
    let (sfld, csum): (String, i64) = db
        .query_row(
            "select sfld, csum from notes where guid = ?1",
            [&udp.3],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(sfld, "UDP");
    let hex = sha1_smol::Sha1::from("UDP").digest().to_string();
    assert_eq!(csum, i64::from_str_radix(&hex[..8], 16).unwrap());
}

#[test]
fn exported_again_the_notes_keep_their_ids() {
    let dir = tempfile::tempdir().unwrap();
    let first = collection(&export(dir.path(), MD, &[]));
    let ids = |db: &Connection| -> Vec<(String, i64)> {
        let mut s = db
            .prepare("select guid, id from notes order by guid")
            .unwrap();
        s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let before = ids(&first);
    // The notes edited around the cards: a new topic above them.
    let edited = std::fs::read_to_string(MD).unwrap().replace(
        "### Transport layer #exam",
        "### A new topic\nwords\n\n### Transport layer #exam",
    );
    let notes = dir.path().join("edited.md");
    std::fs::write(&notes, edited).unwrap();
    let out = dir.path().join("again.apkg");
    daynotes_in(
        dir.path(),
        &[
            "export",
            "--format",
            "anki",
            "-o",
            out.to_str().unwrap(),
            "--deck",
            "Exam::Networking",
            notes.to_str().unwrap(),
        ],
    )
    .assert()
    .success();
    let again = collection(&out);
    let after = ids(&again);
    assert_eq!(after.len(), before.len() + 1);
    for note in &before {
        assert!(after.contains(note), "{note:?} kept");
    }
    let decks: String = again
        .query_row("select decks from col", [], |r| r.get(0))
        .unwrap();
    assert!(decks.contains("\"Exam::Networking\""), "{decks}");
}

#[test]
fn filters_choose_the_cards() {
    let dir = tempfile::tempdir().unwrap();
    let db = collection(&export(dir.path(), MD, &["--match", "tcp"]));
    let fronts: Vec<String> = notes(&db).into_iter().map(|n| n.1[0].clone()).collect();
    // Words in the question or the answer, any case.
    let mut fronts = fronts;
    fronts.sort();
    assert_eq!(fronts, ["TCP", "Why does TCP need three steps?"]);
    let tagged = collection(&export(dir.path(), MD, &["--tag", "exam"]));
    assert_eq!(notes(&tagged).len(), 8);
}

#[test]
fn anki_csv_has_anki_s_header_and_a_note_a_line() {
    let out = daynotes(&["export", "--format", "anki-csv", MD])
        .assert()
        .success()
        .get_output()
        .clone();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[..6],
        [
            "#separator:tab",
            "#html:true",
            "#guid column:1",
            "#notetype column:2",
            "#deck column:3",
            "#tags column:6"
        ]
    );
    assert_eq!(lines.len(), 6 + 12);
    let udp: Vec<&str> = lines
        .iter()
        .find(|l| l.contains("\tUDP\t"))
        .unwrap()
        .split('\t')
        .collect();
    assert_eq!(
        udp[1..],
        [
            "Basic (and reversed card)",
            "cards",
            "UDP",
            "User Datagram Protocol",
            "2024-03-04 exam"
        ]
    );
    // The same guid as in the package.
    let dir = tempfile::tempdir().unwrap();
    let db = collection(&export(dir.path(), MD, &[]));
    let guid: String = db
        .query_row("select guid from notes where sfld = 'UDP'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(udp[0], guid);
}

#[test]
fn errors_say_what_is_missing() {
    let err = |args: &[&str]| {
        let out = daynotes(args).assert().code(2).get_output().stderr.clone();
        String::from_utf8(out).unwrap()
    };
    assert!(err(&["export", "--format", "anki", MD]).contains("give its file with --output"));
    assert!(
        err(&["export", "--format", "json", "--match", "x", MD])
            .contains("use them with --format anki")
    );
    assert!(err(&["export", "--format", "anki-csv", "--from", "soon", MD]).contains("--from:"));
    // A package is never half written over the old one: the target is
    // replaced whole, and nothing else is left beside it.
    let dir = tempfile::tempdir().unwrap();
    export(dir.path(), MD, &[]);
    export(dir.path(), MD, &[]);
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["notes.apkg"]);
}
