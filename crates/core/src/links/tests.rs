//! Links on notes of the seed's plain shape and of markdown headings.

use super::*;
use crate::load::from_text;
use crate::search::place_names;

fn names(nb: &Notebook, id: NodeId) -> String {
    place_names(nb, id).join(" › ")
}

/// ```text
/// 8.22:
///     1.tcp握手            ← [[8.23]] from 8.23/1? no: 8.23 › 1 links back here
///     2.ports  see [[8.23#SSE]] and [[Nothing here]]
/// 8.23:
///     1.http长轮询  like [[tcp握手]], https://x.io/a.
///     2.SSE
/// ```
const PLAIN: &str = "8.22:\n    1.tcp握手\n        three steps\n    2.ports\n        see [[8.23#SSE]] and [[Nothing here]]\n8.23:\n    1.http长轮询\n        like [[tcp握手]], https://x.io/a.\n        `[[not a link]]`\n    2.SSE\n        one way; tcp握手 again\n";

#[test]
fn links_in_plain_notes_resolve_to_days_topics_and_urls() {
    let nb = from_text("notes.txt", PLAIN.into());
    let links = Links::of_notebook(&nb);
    let got: Vec<(usize, String, String)> = links
        .all()
        .iter()
        .map(|l| {
            let to = match &l.to {
                Resolved::Node(n) => names(&nb, *n),
                other => format!("{other:?}"),
            };
            (l.line, names(&nb, l.node), to)
        })
        .collect();
    assert_eq!(
        got,
        [
            (5, "8.22 › 2.ports".into(), "8.23 › 2.SSE".into()),
            (
                5,
                "8.22 › 2.ports".into(),
                "Broken(\"no day, title or file named \\\"Nothing here\\\"\")".into()
            ),
            (8, "8.23 › 1.http长轮询".into(), "8.22 › 1.tcp握手".into()),
            (
                8,
                "8.23 › 1.http长轮询".into(),
                "Url(\"https://x.io/a\")".into()
            ),
        ]
    );
    assert_eq!(links.broken().count(), 1);
    // Backlinks: 8.22 › 1 is reached from 8.23 › 1.
    let back: Vec<String> = links
        .to(NodeId::topic(0, 0))
        .iter()
        .map(|l| names(&nb, l.node))
        .collect();
    assert_eq!(back, ["8.23 › 1.http长轮询"]);
    // Its title also stands, unlinked, in 8.23 › 2.
    let m: Vec<String> = mentions(&nb, NodeId::topic(0, 0), &links)
        .iter()
        .map(|m| names(&nb, m.node))
        .collect();
    assert_eq!(m, ["8.23 › 2.SSE"]);
}

#[test]
fn a_date_link_to_a_heading_of_a_markdown_day() {
    let text = "## 2024-01-05\n### Congestion control\nslow start\n## 2024-01-06\n### Ports\n\
                back to [[2024-01-05#congestion control]], [[2024/01/05]] and [day](2024-01-05.md)\n";
    let nb = from_text("n.md", text.into());
    let links = Links::of_notebook(&nb);
    let to: Vec<Resolved> = links.all().iter().map(|l| l.to.clone()).collect();
    assert_eq!(
        to,
        [
            Resolved::Node(NodeId::topic(0, 0)),
            Resolved::Node(NodeId::day(0)),
            Resolved::Node(NodeId::day(0)),
        ]
    );
    assert_eq!(
        links.to(NodeId::day(0)).len(),
        1,
        "one place links to the day"
    );
    assert_eq!(links.to(NodeId::topic(0, 0)).len(), 1);
}

/// The mentions of many nodes found in one pass are each node's own, in
/// the seed, notes of its shape that repeat titles, markdown notes, the
/// plain notes above and a folder of daily notes (several files).
#[test]
fn mentions_found_at_once_are_each_nodes_own() {
    let daily = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/daily");
    let notebooks = [
        from_text("seed", crate::SAMPLE.to_string()),
        from_text("notes.txt", PLAIN.into()),
        from_text("gen.txt", crate::generate::seed_shaped(60_000, 3)),
        from_text("gen.md", crate::generate::markdown_notes(60_000, 3)),
        crate::load::load(&daily).unwrap(),
    ];
    for nb in &notebooks {
        let links = Links::of_notebook(nb);
        let mut nodes = Vec::new();
        for (d, day) in nb.days.iter().enumerate() {
            nodes.push(NodeId::day(d));
            for (t, topic) in day.topics.iter().enumerate() {
                nodes.push(NodeId::topic(d, t));
                nodes.extend((0..topic.sections().len()).map(|k| NodeId::section(d, t, k)));
            }
        }
        let at_once = mentions_of(nb, &nodes, &links);
        let mut found = 0;
        for (&n, got) in nodes.iter().zip(&at_once) {
            assert_eq!(got, &mentions(nb, n, &links), "{}", names(nb, n));
            found += got.len();
        }
        assert!(found > 0, "some title is mentioned somewhere");
    }
}

/// Text that may hold a link is told from text that cannot in one pass:
/// a `[`, a `<` or a `://` anywhere; a colon alone, or `:/`, is none.
#[test]
fn text_without_a_bracket_or_a_scheme_holds_no_link() {
    for (text, may) in [
        ("see [[x]]", true),
        ("<https://x.io>", true),
        ("at https://x.io/a.", true),
        ("ends with ://", true),
        ("timeout: 30s, ratio 1:2", false),
        ("a:/b and c:", false),
        ("握手：三次", false),
        ("", false),
    ] {
        assert_eq!(super::scan::may_link(text), may, "{text}");
    }
}
