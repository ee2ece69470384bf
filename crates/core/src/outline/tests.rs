//! Outline tests. Each picture is the outline as rows: `▾` open, `▸` closed,
//! `<` the selection.

use super::*;
use crate::notes::{Day, NoteDate, Span, Topic};

/// A section with the sections under it, as a test writes it.
struct Nested(&'static str, Vec<Nested>);

fn section(title: &'static str, sections: Vec<Nested>) -> Nested {
    Nested(title, sections)
}

fn topic(number: u32, title: &str, sections: Vec<Nested>) -> Topic {
    fn flatten(list: &[Nested], depth: usize, out: &mut Vec<(usize, &'static str, Span)>) {
        for Nested(title, under) in list {
            out.push((depth, title, Span::default()));
            flatten(under, depth + 1, out);
        }
    }
    let mut flat = Vec::new();
    flatten(&sections, 0, &mut flat);
    Topic::new(Some(number), title, Span::default(), 0, &flat)
}

fn day(month: u8, day: u8, topics: Vec<Topic>) -> Day {
    Day {
        source: 0,
        date: NoteDate {
            year: None,
            month,
            day,
        },
        title: None,
        heading: Span::default(),
        preamble: Span::default(),
        topics: topics.into(),
        counted: 0,
    }
}

/// ```text
/// 8.22
///   1 tcp
///     A
///       A1
///       A2
///     B
///   2 log
/// 8.23
///   1 sse
///     X
/// 8.24
/// ```
fn notebook() -> Notebook {
    Notebook {
        sources: Vec::new(),
        days: vec![
            day(
                8,
                22,
                vec![
                    topic(
                        1,
                        "tcp",
                        vec![
                            section("A", vec![section("A1", vec![]), section("A2", vec![])]),
                            section("B", vec![]),
                        ],
                    ),
                    topic(2, "log", vec![]),
                ],
            ),
            day(8, 23, vec![topic(1, "sse", vec![section("X", vec![])])]),
            day(8, 24, vec![]),
        ],
        warnings: Vec::new(),
        skipped: Vec::new(),
    }
}

#[track_caller]
fn assert_picture(o: &Outline, nb: &Notebook, expected: &str) {
    let mut got = String::new();
    for (i, row) in o.rows().iter().enumerate() {
        let day = &nb.days[row.id.day_index()];
        let name = match (row.id.topic_index(), row.id.section_index()) {
            (None, _) => day.date.to_string(),
            (Some(t), None) => day.topics[t].numbered_title().replacen(". ", " ", 1),
            (Some(t), Some(k)) => {
                let topic = &day.topics[t];
                topic.section_title(&topic.sections()[k]).to_string()
            }
        };
        let marker = match row.fold {
            Fold::Leaf => "  ",
            Fold::Open => "▾ ",
            Fold::Closed => "▸ ",
        };
        let indent = "  ".repeat(usize::from(row.depth));
        let sel = if i == o.selected_index() { " <" } else { "" };
        got.push_str(&format!("{indent}{marker}{name}{sel}\n"));
    }
    let expected = crate::notes::dedent(expected.trim_start_matches('\n')) + "\n";
    assert_eq!(got, expected, "\n{got}");
}

#[test]
fn starts_with_days_open_and_topics_closed() {
    let nb = notebook();
    let o = Outline::new(&nb);
    assert_picture(
        &o,
        &nb,
        "
        ▾ 8.22 <
          ▸ 1 tcp
            2 log
        ▾ 8.23
          ▸ 1 sse
          8.24
        ",
    );
    assert_eq!(o.selected(), Some(NodeId::day(0)));
}

#[test]
fn unfolding_a_topic_shows_nested_sections() {
    let nb = notebook();
    let mut o = Outline::new(&nb);
    o.move_by(1);
    assert!(o.toggle(&nb));
    assert_picture(
        &o,
        &nb,
        "
        ▾ 8.22
          ▾ 1 tcp <
              A
                A1
                A2
              B
            2 log
        ▾ 8.23
          ▸ 1 sse
          8.24
        ",
    );
    // a leaf does not toggle
    o.move_by(5);
    assert_eq!(o.selected(), Some(NodeId::topic(0, 1)));
    assert!(!o.toggle(&nb));
}

#[test]
fn folding_a_day_hides_its_topics() {
    let nb = notebook();
    let mut o = Outline::new(&nb);
    o.select(&nb, NodeId::day(1));
    assert!(o.collapse());
    assert_picture(
        &o,
        &nb,
        "
        ▾ 8.22
          ▸ 1 tcp
            2 log
        ▸ 8.23 <
          8.24
        ",
    );
    assert!(!o.collapse(), "already closed");
}

#[test]
fn left_folds_then_goes_to_parent_and_right_unfolds_then_enters() {
    let nb = notebook();
    let mut o = Outline::new(&nb);
    assert!(o.select(&nb, NodeId::section(0, 0, 2)));
    assert_eq!(o.rows()[o.selected_index()].depth, 3);
    // A2 → A → tcp (still open) → tcp folds → 8.22
    assert!(o.left());
    assert_eq!(o.selected(), Some(NodeId::section(0, 0, 0)));
    assert!(o.left());
    assert_eq!(o.selected(), Some(NodeId::topic(0, 0)));
    assert!(o.left());
    assert_picture(
        &o,
        &nb,
        "
        ▾ 8.22
          ▸ 1 tcp <
            2 log
        ▾ 8.23
          ▸ 1 sse
          8.24
        ",
    );
    assert!(o.left());
    assert_eq!(o.selected(), Some(NodeId::day(0)));
    assert!(o.left(), "folds the day");
    assert!(!o.left(), "a closed day has no parent");
    // right: unfold, enter, unfold, enter, leaf stops
    assert!(o.right(&nb));
    assert!(o.right(&nb));
    assert_eq!(o.selected(), Some(NodeId::topic(0, 0)));
    assert!(o.right(&nb));
    assert!(o.right(&nb));
    assert_eq!(o.selected(), Some(NodeId::section(0, 0, 0)));
    assert!(!o.right(&nb));
}

#[test]
fn fold_all_keeps_the_selection_on_its_day() {
    let nb = notebook();
    let mut o = Outline::new(&nb);
    o.select(&nb, NodeId::section(1, 0, 0));
    o.fold_all(&nb);
    assert_picture(
        &o,
        &nb,
        "
        ▸ 8.22
        ▸ 8.23 <
          8.24
        ",
    );
    o.unfold_all(&nb);
    assert_picture(
        &o,
        &nb,
        "
        ▾ 8.22
          ▾ 1 tcp
              A
                A1
                A2
              B
            2 log
        ▾ 8.23 <
          ▾ 1 sse
              X
          8.24
        ",
    );
    // the selection survives unfold-all on a deep node
    o.select(&nb, NodeId::section(0, 0, 3));
    o.unfold_all(&nb);
    assert_eq!(o.selected(), Some(NodeId::section(0, 0, 3)));
}

#[test]
fn select_opens_ancestors_and_rejects_unknown_ids() {
    let nb = notebook();
    let mut o = Outline::new(&nb);
    o.fold_all(&nb);
    assert!(o.select(&nb, NodeId::section(0, 0, 1)));
    assert_eq!(o.selected(), Some(NodeId::section(0, 0, 1)));
    assert!(o.is_open(NodeId::day(0)) && o.is_open(NodeId::topic(0, 0)));
    assert!(!o.select(&nb, NodeId::section(0, 0, 9)));
    assert!(!o.select(&nb, NodeId::day(7)));
    assert_eq!(o.selected(), Some(NodeId::section(0, 0, 1)));
}

#[test]
fn next_and_previous_topic() {
    let nb = notebook();
    let a2 = NodeId::section(0, 0, 2);
    // topics cross days and skip days without topics
    assert_eq!(next_topic(&nb, a2), Some(NodeId::topic(0, 1)));
    assert_eq!(
        next_topic(&nb, NodeId::topic(0, 1)),
        Some(NodeId::topic(1, 0))
    );
    assert_eq!(next_topic(&nb, NodeId::day(1)), Some(NodeId::topic(1, 0)));
    assert_eq!(next_topic(&nb, NodeId::topic(1, 0)), None);
    assert_eq!(prev_topic(&nb, a2), Some(NodeId::topic(0, 0)));
    assert_eq!(prev_topic(&nb, NodeId::topic(0, 0)), None);
    assert_eq!(prev_topic(&nb, NodeId::day(2)), Some(NodeId::topic(1, 0)));
    assert_eq!(
        prev_topic(&nb, NodeId::topic(1, 0)),
        Some(NodeId::topic(0, 1))
    );
}

#[test]
fn parents_and_section_paths() {
    let nb = notebook();
    assert_eq!(
        parent(&nb, NodeId::section(0, 0, 2)),
        Some(NodeId::section(0, 0, 0))
    );
    assert_eq!(
        parent(&nb, NodeId::section(0, 0, 3)),
        Some(NodeId::topic(0, 0))
    );
    assert_eq!(parent(&nb, NodeId::topic(0, 1)), Some(NodeId::day(0)));
    assert_eq!(parent(&nb, NodeId::day(0)), None);
    let topic = &nb.days[0].topics[0];
    let titles: Vec<_> = section_path(topic, 2)
        .iter()
        .map(|s| topic.section_title(s))
        .collect();
    assert_eq!(titles, ["A", "A2"]);
    assert!(section_path(&nb.days[0].topics[0], 9).is_empty());
}

#[test]
fn ids_sort_in_document_order() {
    let mut ids = vec![
        NodeId::day(1),
        NodeId::section(0, 0, 1),
        NodeId::topic(0, 1),
        NodeId::day(0),
        NodeId::topic(0, 0),
        NodeId::section(0, 0, 0),
    ];
    ids.sort();
    assert_eq!(
        ids,
        [
            NodeId::day(0),
            NodeId::topic(0, 0),
            NodeId::section(0, 0, 0),
            NodeId::section(0, 0, 1),
            NodeId::topic(0, 1),
            NodeId::day(1),
        ]
    );
}

#[test]
fn keep_in_view_moves_the_viewport_as_little_as_possible() {
    // 10 rows, 4 visible
    assert_eq!(keep_in_view(0, 4, 2, 10), 0);
    assert_eq!(keep_in_view(0, 4, 4, 10), 1);
    assert_eq!(keep_in_view(5, 4, 3, 10), 3);
    assert_eq!(keep_in_view(8, 4, 9, 10), 6, "no blank rows below the end");
    assert_eq!(keep_in_view(3, 0, 3, 10), 0);
}

#[test]
fn an_empty_notebook_has_no_selection_and_nothing_moves() {
    let nb = Notebook::default();
    let mut o = Outline::new(&nb);
    assert_eq!(o.selected(), None);
    o.move_by(3);
    assert!(!o.toggle(&nb) && !o.left() && !o.right(&nb));
    o.fold_all(&nb);
    o.unfold_all(&nb);
    assert!(o.rows().is_empty());
}

#[test]
fn weekdays_only_when_the_year_is_known() {
    let date = |year, month, day| NoteDate { year, month, day };
    assert_eq!(weekday(date(Some(2025), 8, 22)), Some("Fri"));
    assert_eq!(weekday(date(Some(2024), 2, 29)), Some("Thu"));
    assert_eq!(weekday(date(Some(2000), 1, 1)), Some("Sat"));
    assert_eq!(weekday(date(None, 8, 22)), None);
}
