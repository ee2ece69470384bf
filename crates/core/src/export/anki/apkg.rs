//! An Anki package (`.apkg`): a zip holding `collection.anki2`, an Anki
//! collection in the schema Anki documents as version 11 (every Anki since
//! 2.1 imports it), and `media`, the list of media files (none: `{}`).
//!
//! ```text
//! col     one row: the models, decks and deck options as JSON
//! notes   id, guid, model, tags, the fields joined by \x1f, sort field, checksum
//! cards   id, note, deck, ordinal; new cards, in the order of the notes
//! revlog, graves   empty
//! ```
//!
//! The collection is written by SQLite itself, in memory, then zipped.
//! Cards come in new: Anki schedules them as it does its own.

use std::io;

use rusqlite::{Connection, params};
use serde_json::{Value, json};

use super::zip::Zip;
use super::{AnkiNote, Model};

/// The collection's tables and indexes, as Anki's schema 11 has them.
const SCHEMA: &str = "
create table col (
  id integer primary key, crt integer not null, mod integer not null,
  scm integer not null, ver integer not null, dty integer not null,
  usn integer not null, ls integer not null, conf text not null,
  models text not null, decks text not null, dconf text not null, tags text not null);
create table notes (
  id integer primary key, guid text not null, mid integer not null,
  mod integer not null, usn integer not null, tags text not null, flds text not null,
  sfld integer not null, csum integer not null, flags integer not null, data text not null);
create table cards (
  id integer primary key, nid integer not null, did integer not null,
  ord integer not null, mod integer not null, usn integer not null,
  type integer not null, queue integer not null, due integer not null,
  ivl integer not null, factor integer not null, reps integer not null,
  lapses integer not null, left integer not null, odue integer not null,
  odid integer not null, flags integer not null, data text not null);
create table revlog (
  id integer primary key, cid integer not null, usn integer not null,
  ease integer not null, ivl integer not null, lastIvl integer not null,
  factor integer not null, time integer not null, type integer not null);
create table graves (usn integer not null, oid integer not null, type integer not null);
";

/// The collection's indexes, made once the rows are in (faster than
/// keeping them up to date row by row).
const INDEXES: &str = "
create index ix_notes_usn on notes (usn);
create index ix_cards_usn on cards (usn);
create index ix_revlog_usn on revlog (usn);
create index ix_cards_nid on cards (nid);
create index ix_cards_sched on cards (did, queue, due);
create index ix_revlog_cid on revlog (cid);
create index ix_notes_csum on notes (csum);
";

/// The package of `notes`, written at `now` (seconds since 1970): its
/// bytes.
pub fn package(notes: &[AnkiNote], now: i64) -> io::Result<Vec<u8>> {
    let collection =
        collection(notes, now).map_err(|e| io::Error::other(format!("SQLite: {e}")))?;
    let mut zip = Zip::default();
    zip.add("collection.anki2", &collection)?;
    zip.add("media", b"{}")?;
    zip.finish()
}

/// The collection database of `notes`, as bytes.
fn collection(notes: &[AnkiNote], now: i64) -> rusqlite::Result<Vec<u8>> {
    let mut db = Connection::open_in_memory()?;
    db.execute_batch("pragma journal_mode = off; pragma synchronous = off;")?;
    db.execute_batch(SCHEMA)?;
    let decks = deck_ids(notes);
    let tx = db.transaction()?;
    {
        let mut note = tx.prepare(
            "insert into notes (id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data)
             values (?1, ?2, ?3, ?4, -1, ?5, ?6, ?7, ?8, 0, '')",
        )?;
        let mut card = tx.prepare(
            "insert into cards (id, nid, did, ord, mod, usn, type, queue, due, ivl, factor,
             reps, lapses, left, odue, odid, flags, data)
             values (?1, ?2, ?3, ?4, ?5, -1, 0, 0, ?6, 0, 0, 0, 0, 0, 0, 0, 0, '')",
        )?;
        for (position, n) in notes.iter().enumerate() {
            let tags = if n.tags.is_empty() {
                String::new()
            } else {
                format!(" {} ", n.tags.join(" "))
            };
            let sort = plain(&n.fields[0]);
            note.execute(params![
                n.id,
                n.guid,
                n.model.id(),
                now,
                tags,
                n.fields.join("\u{1f}"),
                sort,
                checksum(&sort),
            ])?;
            let did = decks
                .iter()
                .find(|(name, _)| *name == n.deck)
                .map_or(1, |d| d.1);
            for &(ord, id) in &n.cards {
                card.execute(params![id, n.id, did, ord, now, position as i64 + 1])?;
            }
        }
    }
    tx.execute(
        "insert into col values (1, ?1, ?2, ?2, 11, 0, 0, 0, ?3, ?4, ?5, ?6, '{}')",
        params![
            now - now.rem_euclid(86_400),
            now * 1000,
            conf(notes.len()).to_string(),
            models(now).to_string(),
            decks_json(&decks, now).to_string(),
            deck_options(now).to_string(),
        ],
    )?;
    tx.execute_batch(INDEXES)?;
    tx.commit()?;
    Ok(db.serialize(rusqlite::MAIN_DB)?.to_vec())
}

/// Each deck's name and id (from its name: the same deck in every
/// package), in the order first used.
fn deck_ids(notes: &[AnkiNote]) -> Vec<(String, i64)> {
    let mut out: Vec<(String, i64)> = Vec::new();
    for n in notes {
        if !out.iter().any(|(name, _)| *name == n.deck) {
            let id = 1_500_000_000_000 + (super::hash(&["deck", &n.deck]) % 100_000_000_000) as i64;
            out.push((n.deck.clone(), id));
        }
    }
    out
}

/// A field's text without its HTML, for sorting and the checksum.
pub fn plain(html: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in html.replace("<br>", " ").chars() {
        match c {
            '<' => inside = true,
            '>' => inside = false,
            c if !inside => out.push(c),
            _ => {}
        }
    }
    out.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
        .trim()
        .to_string()
}

/// Anki's checksum of a note: the first 8 hex digits of the SHA-1 of its
/// sort field, as a number.
pub fn checksum(sort: &str) -> i64 {
    let digest = sha1_smol::Sha1::from(sort).digest().bytes();
    i64::from(u32::from_be_bytes([
        digest[0], digest[1], digest[2], digest[3],
    ]))
}

fn conf(notes: usize) -> Value {
    json!({
        "activeDecks": [1], "curDeck": 1, "newSpread": 0, "collapseTime": 1200,
        "timeLim": 0, "estTimes": true, "dueCounts": true, "curModel": null,
        "nextPos": notes + 1, "sortType": "noteFld", "sortBackwards": false,
        "addToCur": true
    })
}

/// The three models as Anki's schema 11 writes them.
fn models(now: i64) -> Value {
    let field = |name: &str, ord: usize| {
        json!({"name": name, "ord": ord, "sticky": false, "rtl": false,
               "font": "Arial", "size": 20, "media": []})
    };
    let template = |name: &str, ord: usize, q: &str, a: &str| {
        json!({"name": name, "ord": ord, "qfmt": q, "afmt": a, "bqfmt": "",
               "bafmt": "", "did": null, "bfont": "", "bsize": 0})
    };
    let answer =
        |side: &str, other: &str| format!("{{{{{side}}}}}\n\n<hr id=answer>\n\n{{{{{other}}}}}");
    let mut all = serde_json::Map::new();
    for model in Model::ALL {
        let [a, b] = model.fields();
        let (kind, templates, req) = match model {
            Model::Basic => (
                0,
                vec![template("Card 1", 0, "{{Front}}", &answer("Front", "Back"))],
                json!([[0, "any", [0]]]),
            ),
            Model::Reversed => (
                0,
                vec![
                    template("Card 1", 0, "{{Front}}", &answer("Front", "Back")),
                    template("Card 2", 1, "{{Back}}", &answer("Back", "Front")),
                ],
                json!([[0, "any", [0]], [1, "any", [1]]]),
            ),
            Model::Cloze => (
                1,
                vec![template(
                    "Cloze",
                    0,
                    "{{cloze:Text}}",
                    "{{cloze:Text}}<br>\n{{Back Extra}}",
                )],
                json!([[0, "any", [0]]]),
            ),
        };
        let css = if model == Model::Cloze {
            ".card { font-family: arial; font-size: 20px; text-align: left; }\n\
             .cloze { font-weight: bold; color: blue; }"
        } else {
            ".card { font-family: arial; font-size: 20px; text-align: left; }"
        };
        all.insert(
            model.id().to_string(),
            json!({
                "id": model.id(), "name": model.name(), "type": kind, "mod": now,
                "usn": -1, "sortf": 0, "did": null, "tmpls": templates,
                "flds": [field(a, 0), field(b, 1)], "css": css,
                "latexPre": "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
                "latexPost": "\\end{document}", "latexsvg": false, "req": req,
                "tags": [], "vers": []
            }),
        );
    }
    Value::Object(all)
}

fn decks_json(decks: &[(String, i64)], now: i64) -> Value {
    let deck = |id: i64, name: &str| {
        json!({"id": id, "mod": now, "name": name, "usn": -1, "lrnToday": [0, 0],
               "revToday": [0, 0], "newToday": [0, 0], "timeToday": [0, 0],
               "collapsed": false, "browserCollapsed": false, "desc": "", "dyn": 0,
               "conf": 1, "extendNew": 0, "extendRev": 0})
    };
    let mut all = serde_json::Map::new();
    all.insert("1".into(), deck(1, "Default"));
    for (name, id) in decks {
        all.insert(id.to_string(), deck(*id, name));
    }
    Value::Object(all)
}

fn deck_options(now: i64) -> Value {
    json!({"1": {
        "id": 1, "mod": now, "name": "Default", "usn": -1, "maxTaken": 60,
        "autoplay": true, "timer": 0, "replayq": true, "dyn": false,
        "new": {"bury": false, "delays": [1.0, 10.0], "initialFactor": 2500,
                "ints": [1, 4, 0], "order": 1, "perDay": 20},
        "rev": {"bury": false, "ease4": 1.3, "ivlFct": 1.0, "maxIvl": 36500,
                "perDay": 200, "hardFactor": 1.2},
        "lapse": {"delays": [10.0], "leechAction": 1, "leechFails": 8,
                  "minInt": 1, "mult": 0.0}
    }})
}
