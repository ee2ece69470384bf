//! What a card shows: a topic's or section's text as written in the notes
//! (sections that are cards of their own left folded), or the question and
//! answer of a card written in the notes, cloze gaps made.

use super::names::{SEP, words};
use super::{Card, Kind};
use crate::notes::{Span, Topic};
use crate::outline::NodeId;
use crate::review::written::{Shape, Written};

/// What a card asks and answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Face {
    /// A topic or section: its titles ask, its text in the notes answers.
    Node {
        /// The text answering.
        answer: Span,
        /// Sections inside it that are cards of their own, shown folded.
        folded: Vec<Folded>,
    },
    /// A card written in the notes.
    Written(Box<WrittenFace>),
}

/// A section left out of a topic card's answer: a card of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folded {
    /// Its heading and text.
    pub span: Span,
    /// Its title.
    pub title: String,
}

/// The two sides of a card written in the notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenFace {
    /// The question (markdown; a cloze's text with its gaps).
    pub question: String,
    /// The answer (markdown; a cloze's whole text).
    pub answer: String,
    /// The gaps of the question (`[…]`, `[hint]`), to be drawn apart.
    pub gaps: Vec<String>,
    /// What the gaps hid, in the answer.
    pub shown: Vec<String>,
    /// The note it is a card of, for Anki.
    pub note: Note,
}

/// The note of a written card as Anki keeps it: the cards of one note are
/// made from it together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// A question and its answer; `both` for "Basic (and reversed card)",
    /// `backward` on the card asking the answer.
    Basic {
        /// The question.
        front: String,
        /// The answer.
        back: String,
        /// Asked both ways.
        both: bool,
        /// This card asks the other way.
        backward: bool,
    },
    /// A cloze text in Anki's syntax, and which number this card is.
    Cloze {
        /// `… {{c1::hidden}} …`.
        text: String,
        /// The card's number.
        number: u32,
    },
}

impl Face {
    /// The written side, if written.
    pub fn written(&self) -> Option<&WrittenFace> {
        match self {
            Face::Written(w) => Some(w),
            Face::Node { .. } => None,
        }
    }
}

/// The face of topic `topic`, folding the sections `folded` (indexes).
pub fn topic(topic: &Topic, folded: &[usize]) -> Face {
    let folded = folded
        .iter()
        .map(|&k| Folded {
            span: section_span(topic, k),
            title: topic.section_title(&topic.sections()[k]).trim().to_string(),
        })
        .collect();
    Face::Node {
        answer: topic.body(),
        folded,
    }
}

/// Section `k` of `topic`, heading included, up to the next section at
/// its level or above.
fn section_span(topic: &Topic, k: usize) -> Span {
    let sections = topic.sections();
    let s = &sections[k];
    let end = sections[k + 1..]
        .iter()
        .find(|next| next.depth() <= s.depth())
        .map_or(topic.body().end(), |next| next.heading.start());
    Span::new(s.heading.start(), end.max(s.heading.end()), s.line())
}

/// The text under section `k`'s heading.
pub fn section_text(topic: &Topic, k: usize) -> Span {
    let s = &topic.sections()[k];
    let whole = section_span(topic, k);
    Span::new(s.heading.end(), whole.end(), s.line() + 1)
}

/// The cards written card `w` makes, named under `base` (`date` or
/// `date › topic`), handed to `push`.
pub fn written(
    w: &Written,
    base: &str,
    node: NodeId,
    source: usize,
    line: usize,
    push: &mut impl FnMut(Card),
) {
    let card = |key: String, kind: Kind, face: WrittenFace| Card {
        key,
        kind,
        node,
        source,
        line,
        face: Face::Written(Box::new(face)),
    };
    let key = format!("{base}{SEP}{}", words(&w.question));
    match &w.shape {
        Shape::Basic | Shape::Reversed => {
            let both = w.shape == Shape::Reversed;
            let note = |backward| Note::Basic {
                front: w.question.clone(),
                back: w.answer.clone(),
                both,
                backward,
            };
            let plain = |question: &str, answer: &str, backward| WrittenFace {
                question: question.to_string(),
                answer: answer.to_string(),
                gaps: Vec::new(),
                shown: Vec::new(),
                note: note(backward),
            };
            let kind = if both { Kind::Reversed } else { Kind::Basic };
            push(card(
                key.clone(),
                kind,
                plain(&w.question, &w.answer, false),
            ));
            if both {
                let back = format!("{key} (reversed)");
                push(card(back, kind, plain(&w.answer, &w.question, true)));
            }
        }
        Shape::Cloze(c) => {
            let text = c.anki();
            let plain = words(&c.plain());
            for number in c.numbers() {
                let side = c.side(number);
                let key = format!("{base}{SEP}{plain}{SEP}[{}]", side.shown.join(", "));
                let face = WrittenFace {
                    question: side.question,
                    answer: side.answer,
                    gaps: side.gaps,
                    shown: side.shown,
                    note: Note::Cloze {
                        text: text.clone(),
                        number,
                    },
                };
                push(card(key, Kind::Cloze, face));
            }
        }
    }
}
