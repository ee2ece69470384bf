//! The cards `review --list` prints: a line each (due date, interval,
//! name, and the file among several), or JSON with what each asks and
//! answers.
//!
//! ```text
//! new                8.22 › tcp握手
//! 2025-08-25     3d  8.23 › http长轮询
//! ```

use std::io::Write;

use serde::Serialize;

use daynotes_core::notes::Notebook;
use daynotes_core::review::{Deck, Listed, Memory, Phase, cram};
use daynotes_core::sanitize::one_line;
use daynotes_core::tags::Tags;

/// One card as `--list --json` gives it.
#[derive(Debug, Serialize)]
struct Row<'a> {
    card: &'a str,
    kind: &'static str,
    question: String,
    answer: String,
    source: Option<&'a str>,
    line: usize,
    state: &'static str,
    due: Option<String>,
    interval_days: Option<i64>,
    tags: Vec<&'a str>,
}

/// `new`, `learning`, `review` or `relearning`.
pub fn phase_name(m: Option<&Memory>) -> &'static str {
    match m.map(|m| m.phase) {
        None => "new",
        Some(Phase::Learning) => "learning",
        Some(Phase::Review) => "review",
        Some(Phase::Relearning) => "relearning",
    }
}

/// Writes cards `cards` of `deck`, or `empty` when there are none (not in
/// JSON: an empty list).
pub fn write(
    deck: &Deck,
    nb: &Notebook,
    cards: &[usize],
    json: bool,
    empty: &str,
    w: &mut dyn Write,
) -> anyhow::Result<()> {
    if json {
        let tags = Tags::of_notebook(nb);
        let rows: Vec<Row> = cards
            .iter()
            .map(|&i| row(deck.listed_card(i), nb, &tags))
            .collect();
        serde_json::to_writer_pretty(&mut *w, &rows)?;
        writeln!(w)?;
        return Ok(());
    }
    let several = nb.sources.len() > 1;
    for &i in cards {
        let Listed { card, memory } = deck.listed_card(i);
        let (due, interval) = match memory {
            None => ("new".to_string(), String::new()),
            Some(m) => (m.due.to_string(), format!("{}d", m.interval())),
        };
        // The file's name made safe alone: `one_line` trims, and would
        // take the spaces before it.
        let file = if several {
            let path = nb.sources.get(card.source).map_or("", |s| s.path.as_str());
            format!("  ({})", one_line(daynotes_view::label::file_name(path)))
        } else {
            String::new()
        };
        writeln!(w, "{due:<10}  {interval:>5}  {}{file}", one_line(&card.key))?;
    }
    if cards.is_empty() {
        writeln!(w, "{empty}")?;
    }
    Ok(())
}

fn row<'a>(listed: Listed<'a>, nb: &'a Notebook, tags: &'a Tags) -> Row<'a> {
    let Listed { card, memory } = listed;
    let mut own: Vec<&str> = tags.own(card.node.day_id()).collect();
    if let Some(topic) = card.node.topic_id() {
        own.extend(tags.own(topic));
    }
    // `#card` marks a Logseq card; it files nothing.
    own.retain(|t| !t.eq_ignore_ascii_case("card"));
    own.dedup();
    Row {
        card: &card.key,
        kind: card.kind.name(),
        question: cram::question(card),
        answer: cram::answer(card, nb),
        source: nb.sources.get(card.source).map(|s| s.path.as_str()),
        line: card.line,
        state: phase_name(memory),
        due: memory.map(|m| m.due.to_string()),
        interval_days: memory.map(Memory::interval),
        tags: own,
    }
}
