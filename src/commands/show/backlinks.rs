//! What `show` prints after a day or topic: the places that link to it and
//! those that name its title without a link.
//!
//! ```text
//! Linked from
//!   1.tcp握手 ← 8.23 › 1.http长轮询  notes.txt:8
//! Mentioned in (no link)
//!   1.tcp握手 · 8.23 › 2.SSE  notes.txt:11
//! ```

use ratatui::text::{Line, Span};

use super::pick::Pick;
use daynotes_core::links::{Links, mentions_of};
use daynotes_core::notes::Notebook;
use daynotes_core::outline::NodeId;
use daynotes_core::sanitize::visible;
use daynotes_core::search::place_names;
use daynotes_view::theme::MdStyles;

/// The rows, empty when nothing links to or names what `pick` shows.
pub fn rows(nb: &Notebook, pick: &Pick<'_>, md: &MdStyles) -> Vec<Line<'static>> {
    let nodes = shown(nb, pick);
    if nodes.is_empty() {
        return Vec::new();
    }
    let links = Links::of_notebook(nb);
    let path = |s: usize| {
        nb.sources
            .get(s)
            .map_or("?", |s| s.path.as_str())
            .to_string()
    };
    let own = |n: NodeId| match n.topic_index() {
        None => nb.days[n.day_index()].date.to_string(),
        Some(_) => place_names(nb, n).last().cloned().unwrap_or_default(),
    };
    let mut linked = Vec::new();
    let mut named = Vec::new();
    // Every title looked for in one pass over the text: a date that a
    // year-less file of many years holds hundreds of times shows hundreds
    // of days, each with its topics.
    let mentioned = mentions_of(nb, &nodes, &links);
    for (&n, mentioned) in nodes.iter().zip(mentioned) {
        for l in links.to(n) {
            linked.push(row(
                &own(n),
                "←",
                &place_names(nb, l.node).join(" › "),
                &format!("{}:{}", path(l.source), l.line),
                md,
            ));
        }
        for m in mentioned {
            named.push(row(
                &own(n),
                "·",
                &place_names(nb, m.node).join(" › "),
                &format!("{}:{}", path(m.source), m.line),
                md,
            ));
        }
    }
    let mut out = Vec::new();
    for (title, list) in [("Linked from", linked), ("Mentioned in (no link)", named)] {
        if !list.is_empty() {
            out.push(Line::default());
            out.push(Line::styled(title, md.heading));
            out.extend(list);
        }
    }
    out
}

/// `  own ← place  file:line`.
fn row(own: &str, mark: &str, place: &str, at: &str, md: &MdStyles) -> Line<'static> {
    Line::from(vec![
        Span::raw(format!("  {} {mark} ", visible(own))),
        Span::styled(visible(place).into_owned(), md.link),
        Span::styled(format!("  {}", visible(at)), md.url),
    ])
}

/// The nodes `pick` shows: each day and its topics, or the topic.
fn shown(nb: &Notebook, pick: &Pick<'_>) -> Vec<NodeId> {
    let index = |day: &daynotes_core::notes::Day| nb.days.iter().position(|d| std::ptr::eq(d, day));
    let mut out = Vec::new();
    match pick {
        Pick::Days(days) => {
            for day in days {
                if let Some(d) = index(day) {
                    out.push(NodeId::day(d));
                    out.extend((0..day.topics.len()).map(|t| NodeId::topic(d, t)));
                }
            }
        }
        Pick::Topic(day, topic) => {
            if let Some(d) = index(day)
                && let Some(t) = day.topics.iter().position(|x| std::ptr::eq(x, *topic))
            {
                out.push(NodeId::topic(d, t));
            }
        }
    }
    out
}
