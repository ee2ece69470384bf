//! Cards people write in their notes, in the syntaxes of the tools they
//! come from (Obsidian's spaced repetition plugin, Logseq, Anki), found in
//! any piece of notes text: a topic's title and body, a day's preamble.
//!
//! ```text
//! TCP::Transmission Control Protocol        one card (question::answer)
//! port 443:::HTTPS                          two cards, one each way
//! What does SYN carry?                      ┐
//! ?                                         │ one card over several lines
//! the client's first sequence number        ┘ (?? for both ways); ends at a blank
//! the ==three-way handshake== opens it      a cloze card per highlight
//! {{c1::SYN}} then {{c2::SYN-ACK::reply}}   Anki's clozes: a card per number
//! {{cloze 防止失效连接}}                      Logseq's: hidden together
//! - What is a pod? #card                    Logseq: the block is the question,
//!   - the smallest unit                     its children the answer
//! ```
//!
//! Nothing inside code is a card, nor are property lines (`tags:: net`,
//! Logseq's own `card-repeats:: 3`), which are also left out of answers.
//! The separators are settings ([`Separators`]), since `::` is also how
//! Dataview writes fields for some.

mod cloze;
mod inline;
mod lines;

pub use cloze::{Cloze, GAP, Side};

use lines::{Line, children_end, classify};

/// What marks a card written on one line or over several.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Separators {
    /// Between question and answer on one line: `::`.
    pub inline: String,
    /// The same, for cards both ways: `:::`.
    pub inline_reversed: String,
    /// A line of its own between question and answer lines: `?`.
    pub multiline: String,
    /// The same, for cards both ways: `??`.
    pub multiline_reversed: String,
}

impl Default for Separators {
    fn default() -> Self {
        Separators {
            inline: "::".into(),
            inline_reversed: ":::".into(),
            multiline: "?".into(),
            multiline_reversed: "??".into(),
        }
    }
}

/// How written cards are read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Syntax {
    /// The separators.
    pub separators: Separators,
    /// `==highlighted==` text is a cloze deletion.
    pub highlights: bool,
}

impl Default for Syntax {
    fn default() -> Self {
        Syntax {
            separators: Separators::default(),
            highlights: true,
        }
    }
}

/// What a written card is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    /// A question and its answer.
    Basic,
    /// A question and its answer, asked both ways (two cards).
    Reversed,
    /// A text with deletions (a card per number).
    Cloze(Cloze),
}

/// A card written in a piece of notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The 0-based line of the piece where it starts.
    pub line: usize,
    /// The question, dedented (empty for a cloze: see its [`Cloze`]).
    pub question: String,
    /// The answer, dedented.
    pub answer: String,
    /// Basic, both ways, or a cloze.
    pub shape: Shape,
}

/// The cards written in `text` (a body or a preamble, as written), the
/// lines at the 0-based indexes of `headings` being section titles that
/// no card reaches over.
pub fn scan(text: &str, headings: &[usize], syntax: &Syntax) -> Vec<Written> {
    if !may_hold(text, syntax) {
        return Vec::new();
    }
    let lines = classify(text, headings);
    let mut used = vec![false; lines.len()];
    let mut out = Vec::new();
    for i in 0..lines.len() {
        if let Some((w, end)) = block(&lines, i, syntax) {
            used[i..end].fill(true);
            out.push(w);
        }
    }
    multiline(&lines, &mut used, &syntax.separators, &mut out);
    for i in 0..lines.len() {
        let l = &lines[i];
        if used[i] || !l.usable() || l.property {
            continue;
        }
        if let Some(c) = inline::one_line(l.content(), &syntax.separators) {
            used[i] = true;
            out.push(Written {
                line: i,
                question: c.question.to_string(),
                answer: c.answer.to_string(),
                shape: if c.both_ways {
                    Shape::Reversed
                } else {
                    Shape::Basic
                },
            });
        }
    }
    for i in 0..lines.len() {
        let l = &lines[i];
        if used[i] || !l.usable() || l.property || !may_cloze(l.text, syntax) {
            continue;
        }
        let (start, end) = unit(&lines, &used, i);
        let text = if end - start == 1 && l.item.is_some() {
            l.content().to_string()
        } else {
            joined(&lines[start..end])
        };
        if let Some(c) = Cloze::find(&text, syntax.highlights) {
            used[start..end].fill(true);
            out.push(cloze_card(start, c));
        }
    }
    out.sort_by_key(|w| w.line);
    out
}

/// The card a topic's title makes of the topic (`What is a pod? #card`
/// with its body as the answer, `TCP::…`, a title with a cloze), and
/// whether it takes the body as its answer (then nothing else in the body
/// is a card).
pub fn title_card(title: &str, body: &str, syntax: &Syntax) -> Option<(Written, bool)> {
    if let Some(tag) = card_tag(title) {
        let question = without(title, tag);
        let lines = classify(body, &[]);
        let answer = joined_without_properties(&lines);
        return Some((tagged(0, &question, &answer, syntax)?, true));
    }
    if let Some(c) = inline::one_line(title, &syntax.separators) {
        let shape = if c.both_ways {
            Shape::Reversed
        } else {
            Shape::Basic
        };
        let w = Written {
            line: 0,
            question: c.question.into(),
            answer: c.answer.into(),
            shape,
        };
        return Some((w, false));
    }
    let c = Cloze::find(title, syntax.highlights)?;
    Some((cloze_card(0, c), false))
}

fn cloze_card(line: usize, c: Cloze) -> Written {
    Written {
        line,
        question: String::new(),
        answer: c.plain(),
        shape: Shape::Cloze(c),
    }
}

/// A quick look for anything a card is written with.
fn may_hold(text: &str, syntax: &Syntax) -> bool {
    let s = &syntax.separators;
    let has = |sep: &str| !sep.is_empty() && text.contains(sep);
    has(&s.inline)
        || has(&s.inline_reversed)
        || may_cloze(text, syntax)
        || text.contains("#card")
        || text.contains("#Card")
        || text.contains("#[[card]]")
        || crate::notes::lines(text).any(|l| {
            let t = l.trim();
            !t.is_empty() && (t == s.multiline || t == s.multiline_reversed)
        })
}

fn may_cloze(text: &str, syntax: &Syntax) -> bool {
    text.contains("{{") || (syntax.highlights && text.contains("=="))
}

/// A Logseq `#card` block at line `i`: the card and the line after its
/// children.
fn block(lines: &[Line<'_>], i: usize, syntax: &Syntax) -> Option<(Written, usize)> {
    let l = &lines[i];
    if !l.usable() {
        return None;
    }
    let content = l.content();
    let tag = card_tag(content)?;
    let question = without(content, tag);
    let question = question.trim_start_matches('#').trim();
    let end = children_end(lines, i);
    let answer = joined_without_properties(&lines[i + 1..end]);
    Some((tagged(i, question, &answer, syntax)?, end))
}

/// The card of a `#card` block: a cloze when it holds deletions, else a
/// question and its answer; none without an answer.
fn tagged(line: usize, question: &str, answer: &str, syntax: &Syntax) -> Option<Written> {
    let whole = if answer.is_empty() {
        question.to_string()
    } else {
        format!("{question}\n{answer}")
    };
    if let Some(c) = Cloze::find(&whole, syntax.highlights) {
        return Some(cloze_card(line, c));
    }
    if question.is_empty() || answer.is_empty() {
        return None;
    }
    Some(Written {
        line,
        question: question.to_string(),
        answer: answer.to_string(),
        shape: Shape::Basic,
    })
}

/// Where the tag `#card` (or `#[[card]]`) is in `s`, any case.
fn card_tag(s: &str) -> Option<std::ops::Range<usize>> {
    let lower = s.to_lowercase();
    if lower.len() != s.len() {
        return None;
    }
    for pat in ["#[[card]]", "#card"] {
        let mut from = 0;
        while let Some(at) = lower[from..].find(pat).map(|i| from + i) {
            let end = at + pat.len();
            let before = lower[..at].chars().next_back();
            let after = lower[end..].chars().next();
            let tag_char = |c: char| c.is_alphanumeric() || matches!(c, '-' | '_' | '/');
            if before.is_none_or(char::is_whitespace) && !after.is_some_and(tag_char) {
                return Some(at..end);
            }
            from = end;
        }
    }
    None
}

fn without(s: &str, r: std::ops::Range<usize>) -> String {
    format!("{}{}", &s[..r.start], &s[r.end..])
        .trim()
        .to_string()
}

/// Cards over several lines: question lines, a separator line, answer
/// lines, each side ending at a blank line, a section title, code or
/// another card.
fn multiline(lines: &[Line<'_>], used: &mut [bool], seps: &Separators, out: &mut Vec<Written>) {
    for i in 0..lines.len() {
        let l = &lines[i];
        if used[i] || !l.usable() {
            continue;
        }
        let t = l.text.trim();
        let both = t == seps.multiline_reversed;
        if !both && t != seps.multiline {
            continue;
        }
        let free = |j: usize| lines[j].usable() && !used[j];
        // The question goes back to a blank line, or to the list item it
        // starts with; the answer then stops at the next item as far out.
        let mut start = i;
        while start > 0 && free(start - 1) {
            start -= 1;
            if lines[start].item.is_some() {
                break;
            }
        }
        let item = (lines[start].item.is_some()).then_some(lines[start].indent);
        let sibling =
            |j: usize| item.is_some_and(|at| lines[j].item.is_some() && lines[j].indent <= at);
        let mut end = i + 1;
        while end < lines.len() && free(end) && !sibling(end) {
            end += 1;
        }
        if start == i || end == i + 1 {
            continue;
        }
        used[start..end].fill(true);
        let question = match lines[start].item {
            // An item's question without its marker.
            Some(first) => {
                let rest = joined(&lines[start + 1..i]);
                [first.trim(), rest.as_str()].join("\n").trim().to_string()
            }
            None => joined(&lines[start..i]),
        };
        out.push(Written {
            line: start,
            question,
            answer: joined(&lines[i + 1..end]),
            shape: if both { Shape::Reversed } else { Shape::Basic },
        });
    }
}

/// The lines a cloze at line `i` is read in: a list item with its
/// children, else its paragraph.
fn unit(lines: &[Line<'_>], used: &[bool], i: usize) -> (usize, usize) {
    if lines[i].item.is_some() {
        let end = children_end(lines, i);
        let end = (i + 1..end).find(|&j| used[j]).unwrap_or(end);
        return (i, end);
    }
    let part = |j: usize| lines[j].usable() && !used[j] && lines[j].item.is_none();
    let mut start = i;
    while start > 0 && part(start - 1) {
        start -= 1;
    }
    let mut end = i + 1;
    while end < lines.len() && part(end) {
        end += 1;
    }
    (start, end)
}

/// The lines dedented, trailing blank lines left out.
fn joined(lines: &[Line<'_>]) -> String {
    let text: Vec<&str> = lines.iter().map(|l| l.text).collect();
    crate::notes::dedent(&text.join("\n"))
        .trim_end()
        .to_string()
}

fn joined_without_properties(lines: &[Line<'_>]) -> String {
    let kept: Vec<Line<'_>> = lines.iter().filter(|l| !l.property).cloned().collect();
    joined(&kept)
}

#[cfg(test)]
mod tests;
