//! Live reload in the app: the new notes are shown with the selection on the
//! same day, topic and section and the same scroll. (What the watch sees is
//! tested in `watch_events.rs`; the whole loop in a terminal in
//! `e2e/daily.rs`.)

use std::fs;

use daynotes_core::load::load;
use daynotes_view::app::{Action, App};

const SEED: &str = include_str!("../../notes/study-notes.txt");

/// The selected node's breadcrumb.
fn at(app: &App) -> String {
    daynotes_view::label::breadcrumb(&app.notebook, app.selected().unwrap(), app.dates.weekdays)
        .join(" › ")
}

#[test]
fn a_reload_keeps_the_selection_by_date_and_title_and_the_scroll() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.txt");
    fs::write(&file, SEED).unwrap();
    let mut app = App::new(load(&file).unwrap());
    app.update(Action::Resize {
        width: 100,
        height: 10,
    });
    // 8.23 › 2. 服务器发送事件SSE, scrolled a little in the content pane.
    app.update(Action::NextDay);
    for _ in 0..20 {
        if at(&app) == "8.23 › 2. 服务器发送事件SSE" {
            break;
        }
        app.update(Action::Down);
    }
    assert_eq!(at(&app), "8.23 › 2. 服务器发送事件SSE");
    app.update(Action::SwitchPane);
    app.update(Action::Down);
    app.update(Action::Down);
    let scroll = app.view.scroll;
    assert!(scroll > 0);

    // A topic is inserted above it and a new day added at the end.
    let edited = SEED.replacen(
        "    1.http长轮询",
        "    1.新的主题\n        新\n    1.http长轮询",
        1,
    ) + "\n9.12\n    1.new\n";
    fs::write(&file, edited).unwrap();
    app.replace_notebook(load(&file).unwrap());
    assert_eq!(at(&app), "8.23 › 2. 服务器发送事件SSE");
    assert_eq!(app.selected().unwrap().topic_index(), Some(2));
    assert_eq!(app.view.scroll, scroll);
    assert_eq!(app.notebook.days.len(), 7);
}

#[test]
fn a_day_that_vanished_leaves_the_selection_on_the_nearest() {
    let mut app = App::new(daynotes_core::load::from_text("n", SEED.into()));
    for _ in 0..2 {
        app.update(Action::NextDay);
    }
    assert_eq!(at(&app), "8.24");
    let gone = SEED.replace("8.24\n", "\n");
    app.replace_notebook(daynotes_core::load::from_text("n", gone));
    assert_eq!(at(&app), "8.23");
}
