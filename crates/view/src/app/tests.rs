//! What each action does to the app, on a small notebook built by hand (so
//! these tests do not depend on the parser).

use super::*;
use daynotes_core::notes::{Day, NoteDate, Source, Span, Topic, Warning};

const TEXT: &str = "\
8.22:
    1.tcp
        intro line
        **A**：
        - a1
        - a2
        **B**：
        - b1
        - b2
        - b3
    2.log
        text
8.23:
    1.sse
        body
";

/// Lines `first..=last` (1-based) of [`TEXT`].
fn lines(first: usize, last: usize) -> Span {
    let starts: Vec<usize> = std::iter::once(0)
        .chain(TEXT.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    Span::new(starts[first - 1], starts[last], first)
}

/// A section directly under its topic, as [`Topic::new`] takes it.
fn section(line: usize, title: &str) -> (usize, &str, Span) {
    (0, title, lines(line, line))
}

fn topic(
    number: u32,
    title: &str,
    line: usize,
    last: usize,
    sections: Vec<(usize, &str, Span)>,
) -> Topic {
    Topic::new(
        Some(number),
        title,
        lines(line, line),
        lines(line + 1, last).end(),
        &sections,
    )
}

fn day(line: usize, day: u8, topics: Vec<Topic>) -> Day {
    Day {
        source: 0,
        date: NoteDate {
            year: None,
            month: 8,
            day,
        },
        title: None,
        heading: lines(line, line),
        preamble: Span::empty(lines(line + 1, line + 1).start(), line + 1),
        topics: topics.into(),
        counted: 0,
    }
}

/// ```text
/// 8.22
///   1. tcp      A (line 4), B (line 7)
///   2. log
/// 8.23
///   1. sse
/// ```
fn notebook() -> Notebook {
    Notebook {
        sources: vec![Source {
            path: "notes/study.txt".into(),
            text: TEXT.into(),
            leading: Span::default(),
            dividers: Vec::new(),
            newest_first: false,
            unsure_dates: [0; 2],
        }],
        days: vec![
            day(
                1,
                22,
                vec![
                    topic(1, "tcp", 2, 10, vec![section(4, "A"), section(7, "B")]),
                    topic(2, "log", 11, 12, vec![]),
                ],
            ),
            day(13, 23, vec![topic(1, "sse", 14, 15, vec![])]),
        ],
        warnings: Vec::new(),
        skipped: Vec::new(),
    }
}

/// An app on [`notebook`] whose panes show `rows` rows (5 or more, so that
/// they have borders).
fn app(rows: u16) -> App {
    assert!(rows >= 5);
    let mut app = App::new(notebook());
    app.update(Action::Resize {
        width: 100,
        height: rows + 3,
    });
    app
}

/// The text of the content row at the top of the pane.
fn top_text(app: &App) -> String {
    let doc = app.doc().expect("a document");
    doc.lines[app.view.scroll].to_string()
}

#[test]
fn starts_on_the_first_day_with_its_document() {
    let app = app(10);
    assert_eq!(app.selected(), Some(NodeId::day(0)));
    assert_eq!(app.view.doc, Some(DocId::Day(0)));
    assert_eq!(app.origin, "study.txt");
    let doc = app.doc().unwrap();
    assert_eq!(doc.lines[0].to_string(), "8.22");
    assert_eq!(doc.topic_rows.len(), 2);
    assert_eq!(doc.lines[doc.topic_rows[1]].to_string(), "2. log");
    assert!(app.message.is_none());
}

#[test]
fn warnings_are_announced_at_start() {
    let mut nb = notebook();
    nb.warnings = vec![
        Warning {
            source: 0,
            line: 3,
            message: "odd".into(),
        };
        3
    ];
    let app = App::new(nb);
    assert_eq!(app.message.as_ref().unwrap().text, "3 warnings — ! to list");
}

#[test]
fn moving_in_the_outline_shows_the_selected_topic() {
    let mut app = app(10);
    app.update(Action::Down);
    assert_eq!(app.selected(), Some(NodeId::topic(0, 0)));
    assert_eq!(app.view.doc, Some(DocId::Topic(0, 0)));
    assert_eq!((app.view.scroll, top_text(&app)), (0, "1. tcp".into()));
}

/// The content pane's rows, as shown.
fn shown_rows(app: &App) -> Vec<String> {
    let doc = app.doc().expect("a document");
    let height = usize::from(crate::layout::content_inner(app.size, None).height);
    doc.lines
        .iter()
        .skip(app.view.scroll)
        .take(height)
        .map(ToString::to_string)
        .collect()
}

#[test]
fn a_section_is_shown_as_less_would_highlighted() {
    // The topic has nine rows, the pane five: A is scrolled to the top;
    // B, near the end, is shown in the last page, the pane full.
    let mut app = app(5);
    app.update(Action::Down);
    app.update(Action::Right); // unfold tcp
    app.update(Action::Right); // into A
    assert_eq!(app.selected(), Some(NodeId::section(0, 0, 0)));
    assert_eq!(shown_rows(&app), ["A：", "• a1", "• a2", "B：", "• b1"]);
    app.update(Action::Down); // B
    assert_eq!(app.selected(), Some(NodeId::section(0, 0, 1)));
    assert_eq!(app.view.highlight, Some(1));
    assert_eq!(shown_rows(&app), ["• a2", "B：", "• b1", "• b2", "• b3"]);
}

#[test]
fn scrolling_a_topic_moves_the_selection_through_its_sections() {
    let mut app = app(5);
    app.update(Action::Down);
    app.update(Action::SwitchPane);
    assert_eq!(app.focus, Pane::Content);
    let a_row = app.doc().unwrap().section_rows[0].start;
    for _ in 0..a_row {
        app.update(Action::Down);
    }
    assert_eq!(app.selected(), Some(NodeId::section(0, 0, 0)));
    assert_eq!(app.view.highlight, Some(0));
    app.update(Action::Up);
    assert_eq!(app.selected(), Some(NodeId::topic(0, 0)));
    assert_eq!(app.view.highlight, None);
    // the end of a topic does not jump to the next one
    app.update(Action::Bottom);
    let at_end = app.view.scroll;
    assert!(at_end > 0);
    app.update(Action::Down);
    assert_eq!(app.view.scroll, at_end);
    assert_eq!(app.view.doc, Some(DocId::Topic(0, 0)));
    let doc = app.doc().unwrap();
    let above = doc
        .section_rows
        .iter()
        .filter(|r| r.start <= at_end)
        .count();
    assert_eq!(app.selected(), Some(NodeId::section(0, 0, above - 1)));
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .starts_with("end of topic")
    );
}

#[test]
fn scrolling_a_day_selects_the_topic_at_the_top() {
    let mut app = app(5);
    app.update(Action::SwitchPane);
    let log_row = app.doc().unwrap().topic_rows[1];
    app.update(Action::Down);
    assert_eq!(app.selected(), Some(NodeId::day(0)));
    app.update(Action::Down);
    assert_eq!(app.selected(), Some(NodeId::topic(0, 0)));
    assert_eq!(app.view.doc, Some(DocId::Day(0)), "still the day view");
    // } scrolls to the next topic of the day rather than leaving it
    app.update(Action::NextTopic);
    assert_eq!(app.view.scroll, log_row);
    assert_eq!(app.selected(), Some(NodeId::topic(0, 1)));
    assert_eq!(app.view.doc, Some(DocId::Day(0)));
    // the next topic is in another day: it is opened on its own
    app.update(Action::NextTopic);
    assert_eq!(app.view.doc, Some(DocId::Topic(1, 0)));
}

#[test]
fn days_and_topics_jump_and_say_when_there_is_no_more() {
    let mut app = app(10);
    app.update(Action::NextDay);
    assert_eq!(app.selected(), Some(NodeId::day(1)));
    app.update(Action::NextDay);
    assert_eq!(app.selected(), Some(NodeId::day(1)));
    assert_eq!(app.message.as_ref().unwrap().text, "no later day");
    app.update(Action::PrevTopic);
    assert_eq!(app.selected(), Some(NodeId::topic(0, 1)));
    assert!(app.message.is_none(), "the next action clears the message");
    app.update(Action::PrevDay);
    app.update(Action::PrevDay);
    assert_eq!(app.message.as_ref().unwrap().text, "no earlier day");
}

#[test]
fn enter_folds_or_reads_and_left_comes_back() {
    let mut app = app(10);
    app.update(Action::Toggle); // fold 8.22
    assert!(!app.outline.is_open(NodeId::day(0)));
    app.update(Action::Toggle);
    app.update(Action::Down);
    app.update(Action::Down); // 2. log, a leaf
    app.update(Action::Toggle);
    assert_eq!(app.focus, Pane::Content);
    app.update(Action::Left);
    assert_eq!(app.focus, Pane::Outline);
    assert_eq!(app.selected(), Some(NodeId::topic(0, 1)));
}

#[test]
fn fold_all_moves_a_section_selection_to_its_day() {
    let mut app = app(10);
    app.update(Action::UnfoldAll);
    assert_eq!(app.outline.rows().len(), 7);
    app.update(Action::Bottom);
    app.update(Action::Up);
    app.update(Action::Up);
    assert_eq!(app.selected(), Some(NodeId::topic(0, 1)));
    app.update(Action::Prefix('z'));
    assert_eq!(app.pending, Some('z'));
    app.update(Action::FoldAll);
    assert_eq!(app.pending, None);
    assert_eq!(app.outline.rows().len(), 2);
    assert_eq!(app.selected(), Some(NodeId::day(0)));
    assert_eq!(app.view.doc, Some(DocId::Day(0)));
}

#[test]
fn pages_move_by_the_pane_height() {
    let mut app = app(5);
    app.update(Action::UnfoldAll);
    // the outline shows 5 of its 7 rows
    app.update(Action::PageDown);
    assert_eq!(app.outline.selected_index(), 5);
    assert_eq!(app.outline_top, 1, "the selection is kept in view");
    app.update(Action::HalfPageUp);
    assert_eq!(app.outline.selected_index(), 3);
    app.update(Action::Bottom);
    assert_eq!(app.outline.selected_index(), 6);
    assert_eq!(app.outline_top, 2);
    app.update(Action::Top);
    assert_eq!((app.outline.selected_index(), app.outline_top), (0, 0));
}

/// The help's page and filter, while it is open.
fn help(app: &App) -> Option<(usize, &str)> {
    match &app.mode {
        Mode::Help(h) => Some((h.page, h.filter.as_str())),
        _ => None,
    }
}

#[test]
fn the_help_turns_pages_within_bounds_filters_and_closes() {
    let mut app = app(5);
    app.update(Action::Help);
    assert_eq!(help(&app), Some((0, "")));
    app.update(Action::Bottom);
    let (last, _) = help(&app).unwrap();
    assert!(last > 0);
    app.update(Action::Down);
    assert_eq!(help(&app), Some((last, "")), "no page after the last");
    assert_eq!(
        app.selected(),
        Some(NodeId::day(0)),
        "the outline did not move"
    );
    // `/` and a word: only what holds it, from the first page.
    app.update(Action::SearchStart);
    assert_eq!(app.mode.context(), crate::keymap::Context::HelpFilter);
    for c in "quit".chars() {
        app.update(Action::Input(c));
    }
    assert_eq!(help(&app), Some((0, "quit")));
    app.update(Action::Accept);
    assert_eq!(app.mode.context(), crate::keymap::Context::Help);
    app.update(Action::Close);
    assert!(matches!(app.mode, Mode::Panes));
}

#[test]
fn the_help_opens_on_the_keys_of_the_mode_and_goes_back_to_it() {
    use crate::keymap::help::Group;
    let mut app = app(20);
    app.update(Action::CalendarOpen);
    app.update(Action::Help);
    let calendar = app
        .help_pages("")
        .page_of(Group::In(crate::keymap::Context::Calendar));
    assert!(calendar > 0);
    assert_eq!(help(&app), Some((calendar, "")));
    app.update(Action::Help);
    assert!(
        matches!(app.mode, Mode::Calendar(_)),
        "back in the calendar"
    );
}

#[test]
fn no_warnings_is_said_rather_than_shown() {
    let mut app = app(5);
    app.update(Action::Warnings);
    assert!(matches!(app.mode, Mode::Panes));
    let said = app.message.as_ref().map(|m| m.text.as_str());
    assert_eq!(said, Some("no warnings: every line was understood"));
}

/// One mode at a time: opening one leaves the last, and keys are looked
/// up where the mode says.
///
/// ```text
/// Panes ─?─► Help ─Esc─► Panes ─t─► Picker ─Esc─► Panes ─:─► DatePrompt ─c─► Calendar
/// ```
#[test]
fn one_mode_at_a_time() {
    use crate::keymap::Context;
    let mut app = app(10);
    assert_eq!(app.mode.context(), Context::Panes);
    app.update(Action::Help);
    assert_eq!(app.mode.context(), Context::Help);
    app.update(Action::PickerOpen);
    assert!(matches!(app.mode, Mode::Help(_)), "the help stays");
    app.update(Action::Close);
    app.update(Action::PickerOpen);
    assert!(matches!(app.mode, Mode::Picker(_)), "the help is gone");
    assert_eq!(app.mode.context(), Context::Picker);
    app.update(Action::Close);
    assert!(matches!(app.mode, Mode::Panes));
    app.update(Action::DatePromptOpen);
    assert_eq!(app.mode.context(), Context::DatePrompt);
    app.update(Action::Input('2'));
    app.update(Action::Close);
    app.update(Action::CalendarOpen);
    assert!(matches!(app.mode, Mode::Calendar(c) if c.shows == dates::Shown::Month));
    app.update(Action::YearView);
    assert!(matches!(app.mode, Mode::Calendar(c) if c.shows == dates::Shown::Year));
    app.update(Action::Close);
    app.update(Action::SearchStart);
    assert_eq!(app.mode.context(), Context::Prompt);
    app.update(Action::Close);
    assert!(matches!(app.mode, Mode::Panes));
}

#[test]
fn resizing_keeps_the_selected_section_in_view() {
    let mut app = app(5);
    app.update(Action::Down);
    app.update(Action::Right);
    app.update(Action::Right);
    app.update(Action::Down); // B
    app.update(Action::Resize {
        width: 60,
        height: 20,
    });
    assert_eq!(app.doc().unwrap().width, 58);
    assert!(shown_rows(&app).iter().any(|r| r == "B："));
    assert_eq!(app.view.highlight, Some(1));
    app.update(Action::Resize {
        width: 1,
        height: 1,
    });
    app.update(Action::Down);
}

#[test]
fn clicks_select_rows_and_markers_toggle() {
    let mut app = app(10);
    // row 0 is the border; row 2 is "▸ 1. tcp" at depth 1: marker at x 3-4
    app.update(Action::Click { column: 10, row: 2 });
    assert_eq!(app.selected(), Some(NodeId::topic(0, 0)));
    assert!(!app.outline.is_open(NodeId::topic(0, 0)));
    app.update(Action::Click { column: 3, row: 2 });
    assert!(app.outline.is_open(NodeId::topic(0, 0)));
    app.update(Action::Click { column: 50, row: 5 });
    assert_eq!(app.focus, Pane::Content);
    // a click below the last row changes nothing
    app.update(Action::Click {
        column: 10,
        row: 11,
    });
    assert_eq!(app.selected(), Some(NodeId::topic(0, 0)));
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer() {
    let mut app = app(5);
    app.update(Action::Down); // topic tcp
    app.update(Action::Wheel {
        column: 50,
        row: 2,
        dir: crate::action::Dir::Forward,
    });
    assert_eq!(app.view.scroll, 3);
    assert_eq!(
        app.focus,
        Pane::Outline,
        "the wheel does not move the focus"
    );
    assert_eq!(app.selected(), Some(NodeId::section(0, 0, 0)));
    app.update(Action::Wheel {
        column: 5,
        row: 2,
        dir: crate::action::Dir::Forward,
    });
    assert_eq!(app.selected(), Some(NodeId::section(0, 0, 1)));
}

#[test]
fn quit_and_escape() {
    let mut app = app(10);
    app.update(Action::Prefix('z'));
    app.update(Action::Close);
    assert_eq!(app.pending, None);
    app.update(Action::Suspend);
    assert!(!app.quit);
    app.update(Action::Quit);
    assert!(app.quit);
}
