//! The cards as Anki notes, for `export --format anki` (a package Anki
//! imports, [`apkg`]) and `--format anki-csv` (Anki's text import,
//! [`csv`]).
//!
//! Cards become notes of three models: questions and answers "Basic",
//! cards both ways "Basic (and reversed card)" (one note, two cards),
//! clozes "Cloze" (one note, a card per number). A note's tags are its
//! day's date and the notes' own tags (`#net/tcp` → `net::tcp`); its deck
//! is named after the notes file or folder (a subfolder a subdeck) unless
//! `--deck` names one.
//!
//! Every id comes from the card's stable name (its date, titles and own
//! words, [`crate::review::cards()`]): the same card exported again is the
//! same note, and importing it again updates it rather than adding a copy.
//! A note's id is a moment of its own day, so Anki's "created" column shows
//! the day it was written.
//!
//! ```text
//! card 8.23 › ports › 443 (both ways) ─► note guid "dn3f2a…", model "Basic (and reversed card)"
//!   Front "443" · Back "HTTPS" · tags "2025-08-23 net" · deck "study-notes"
//! ```

pub mod apkg;
pub mod csv;
mod html;
pub mod zip;

use std::collections::HashMap;

use crate::notes::Notebook;
use crate::review::cards::{Face, Note as Written};
use crate::review::{Card, Deck, cram};
use crate::tags::Tags;

/// The three models notes are of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Model {
    /// Front and Back, one card.
    Basic,
    /// Front and Back, a card each way.
    Reversed,
    /// Text with deletions and Back Extra, a card per number.
    Cloze,
}

impl Model {
    /// Every model.
    pub const ALL: [Model; 3] = [Model::Basic, Model::Reversed, Model::Cloze];

    /// The model's name in the package (Anki's stock names, marked as
    /// daynotes' own so as not to take the place of the user's).
    pub fn name(self) -> &'static str {
        match self {
            Model::Basic => "Basic (daynotes)",
            Model::Reversed => "Basic (and reversed card) (daynotes)",
            Model::Cloze => "Cloze (daynotes)",
        }
    }

    /// Anki's stock model of the same shape, which every collection has
    /// (for the text import, which cannot bring models).
    pub fn stock_name(self) -> &'static str {
        match self {
            Model::Basic => "Basic",
            Model::Reversed => "Basic (and reversed card)",
            Model::Cloze => "Cloze",
        }
    }

    /// Its fields.
    pub fn fields(self) -> [&'static str; 2] {
        match self {
            Model::Basic | Model::Reversed => ["Front", "Back"],
            Model::Cloze => ["Text", "Back Extra"],
        }
    }

    /// A fixed id, the same in every package.
    pub fn id(self) -> i64 {
        match self {
            Model::Basic => 1_735_689_600_101,
            Model::Reversed => 1_735_689_600_102,
            Model::Cloze => 1_735_689_600_103,
        }
    }
}

/// One Anki note and its cards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnkiNote {
    /// The stable name it comes from.
    pub name: String,
    /// Anki's global id of the note: the same for the same card.
    pub guid: String,
    /// The note's id.
    pub id: i64,
    /// Its model.
    pub model: Model,
    /// Its deck's name (`::` between levels).
    pub deck: String,
    /// Its two fields, as HTML.
    pub fields: [String; 2],
    /// Its tags.
    pub tags: Vec<String>,
    /// Its cards: each template's (or cloze number's) ordinal, and the
    /// card's id.
    pub cards: Vec<(u32, i64)>,
}

/// How the notes are named and filed.
#[derive(Debug, Clone, Default)]
pub struct Naming {
    /// The deck of every note; `None`: after the notes (`root`).
    pub deck: Option<String>,
    /// The notes file's or folder's name (the deck then).
    pub root: String,
    /// For each source, the folders between the root and it (subdecks).
    pub folders: Vec<Vec<String>>,
    /// For each day, its date (`2025-08-23`) and day number.
    pub dates: Vec<(String, i64)>,
}

/// The notes of cards `cards` of `deck`, in card order.
pub fn notes(deck: &Deck, nb: &Notebook, cards: &[usize], naming: &Naming) -> Vec<AnkiNote> {
    let tags = Tags::of_notebook(nb);
    let mut out: Vec<AnkiNote> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for &i in cards {
        let card = &deck.cards[i];
        let (name, model, fields, ord) = note_of(card, nb);
        // The other cards of a note join the note made by the first.
        if let Some(&n) = by_name.get(&name)
            && out[n].model == model
            && out[n].fields == fields
        {
            let id = card_id(&out[n].name, ord, naming, card);
            out[n].cards.push((ord, id));
            continue;
        }
        let name = unique(&name, &by_name);
        let d = card.node.day_index();
        let mut note_tags = Vec::new();
        if let Some((date, _)) = naming.dates.get(d) {
            note_tags.push(date.clone());
        }
        let mut own: Vec<&str> = tags.own(card.node.day_id()).collect();
        if let Some(t) = card.node.topic_id() {
            own.extend(tags.own(t));
        }
        for t in own {
            let t = anki_tag(t);
            if !t.is_empty() && t != "card" && !note_tags.contains(&t) {
                note_tags.push(t);
            }
        }
        let deck_name = deck_of(naming, card.source);
        let note = AnkiNote {
            guid: guid(&name),
            id: note_id(&name, naming, card),
            cards: vec![(ord, card_id(&name, ord, naming, card))],
            name: name.clone(),
            model,
            deck: deck_name,
            fields,
            tags: note_tags,
        };
        by_name.insert(name, out.len());
        out.push(note);
    }
    out
}

/// The note a card belongs to: its name, model, fields and the card's
/// ordinal in it.
fn note_of(card: &Card, nb: &Notebook) -> (String, Model, [String; 2], u32) {
    let Face::Written(w) = &card.face else {
        // A topic or section: its titles ask (the date is a tag).
        let titles = card
            .key
            .split_once(crate::review::cards::SEP)
            .map_or(card.key.as_str(), |(_, t)| t);
        let fields = [
            html::from_markdown(titles),
            html::from_markdown(&cram::answer(card, nb)),
        ];
        return (card.key.clone(), Model::Basic, fields, 0);
    };
    match &w.note {
        Written::Basic {
            front,
            back,
            both,
            backward,
        } => {
            let model = if *both { Model::Reversed } else { Model::Basic };
            let name = card.key.strip_suffix(" (reversed)").unwrap_or(&card.key);
            let fields = [html::from_markdown(front), html::from_markdown(back)];
            (name.to_string(), model, fields, u32::from(*backward))
        }
        Written::Cloze { text, number } => {
            // `date › topic › words › [hidden]`: the note is all but the
            // last part; its Back Extra says where it is written.
            let sep = crate::review::cards::SEP;
            let name = card
                .key
                .rsplit_once(sep)
                .map_or(card.key.as_str(), |(n, _)| n);
            let place = name.rsplit_once(sep).map_or(name, |(p, _)| p);
            let fields = [html::from_markdown(text), html::from_markdown(place)];
            (
                name.to_string(),
                Model::Cloze,
                fields,
                number.saturating_sub(1),
            )
        }
    }
}

/// `name`, or `name (2)`… when another note has it.
fn unique(name: &str, taken: &HashMap<String, usize>) -> String {
    if !taken.contains_key(name) {
        return name.to_string();
    }
    (2..)
        .map(|n| format!("{name} ({n})"))
        .find(|n| !taken.contains_key(n))
        .unwrap_or_default()
}

/// A tag as Anki writes it: no spaces, `::` between levels.
fn anki_tag(tag: &str) -> String {
    tag.trim_start_matches(['#', '@'])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("_")
        .replace('/', "::")
}

fn deck_of(naming: &Naming, source: usize) -> String {
    if let Some(deck) = &naming.deck {
        return deck.clone();
    }
    let mut parts = vec![naming.root.clone()];
    if let Some(folders) = naming.folders.get(source) {
        parts.extend(folders.iter().cloned());
    }
    parts.join("::")
}

/// The hash everything stable comes from.
fn hash(parts: &[&str]) -> u64 {
    let joined = parts.join("\u{1f}");
    crate::state_dir::fnv1a(format!("daynotes\u{1f}{joined}").as_bytes())
}

/// A guid as Anki's are: ten characters of a 64-bit number.
fn guid(name: &str) -> String {
    const DIGITS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    let mut n = hash(&["guid", name]);
    let mut out = String::new();
    while n > 0 {
        out.push(char::from(DIGITS[(n % DIGITS.len() as u64) as usize]));
        n /= DIGITS.len() as u64;
    }
    out
}

const DAY_MS: i64 = 86_400_000;

/// A millisecond of the card's day (Anki's ids are times).
fn moment_of(naming: &Naming, card: &Card, parts: &[&str]) -> i64 {
    let day = naming
        .dates
        .get(card.node.day_index())
        .map_or(0, |(_, n)| *n)
        .max(1);
    day * DAY_MS + (hash(parts) % DAY_MS as u64) as i64
}

fn note_id(name: &str, naming: &Naming, card: &Card) -> i64 {
    moment_of(naming, card, &["note", name])
}

fn card_id(note: &str, ord: u32, naming: &Naming, card: &Card) -> i64 {
    moment_of(naming, card, &["card", note, &ord.to_string()])
}

#[cfg(test)]
mod tests;
