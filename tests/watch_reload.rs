//! Live reload: the watch sees in-place writes, atomic saves (a new file
//! renamed over the old) and deletion, ignores other files, and the viewer
//! shows the new notes with the selection on the same day and topic.
//!
//! Waits here are generous upper bounds, not timing assertions.

use std::fs;
use std::time::Duration;

use daynotes::app::{Action, App};
use daynotes::load::load;
use daynotes::watch::Watcher;

const WAIT: Duration = Duration::from_secs(5);
const SEED: &str = include_str!("../notes/study-notes.txt");

fn watched(text: &str) -> (tempfile::TempDir, std::path::PathBuf, Watcher) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.txt");
    fs::write(&file, text).unwrap();
    let watcher = Watcher::new(&file, false).unwrap();
    (dir, file, watcher)
}

/// Waits for the watcher's quiet period after a change, then drains.
fn settle(w: &Watcher) {
    std::thread::sleep(Duration::from_millis(300));
    w.changed();
}

#[test]
fn an_in_place_write_is_seen() {
    let (_dir, file, w) = watched(SEED);
    fs::write(&file, format!("{SEED}\n9.12\n    1.new\n")).unwrap();
    assert!(w.wait(WAIT), "no change reported");
}

#[test]
fn an_atomic_save_is_seen() {
    let (dir, file, w) = watched(SEED);
    let tmp = dir.path().join(".notes.txt.swp");
    fs::write(&tmp, format!("{SEED}\n9.12\n    1.new\n")).unwrap();
    fs::rename(&tmp, &file).unwrap();
    assert!(w.wait(WAIT), "no change reported for the rename");
    assert_eq!(load(&file).unwrap().days.len(), 7);
}

#[test]
fn other_files_in_the_directory_are_ignored_and_deletion_is_seen() {
    let (dir, file, w) = watched(SEED);
    settle(&w);
    fs::write(dir.path().join("other.txt"), "x").unwrap();
    assert!(
        !w.wait(Duration::from_millis(400)),
        "a change to another file was reported"
    );
    fs::remove_file(&file).unwrap();
    assert!(w.wait(WAIT), "deletion not reported");
    assert!(load(&file).is_err());
}

/// The selected node's breadcrumb.
fn at(app: &App) -> String {
    daynotes::ui::label::breadcrumb(&app.notebook, app.selected().unwrap()).join(" › ")
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
    let mut app = App::new(daynotes::load::from_text("n", SEED.into()));
    for _ in 0..2 {
        app.update(Action::NextDay);
    }
    assert_eq!(at(&app), "8.24");
    let gone = SEED.replace("8.24\n", "\n");
    app.replace_notebook(daynotes::load::from_text("n", gone));
    assert_eq!(at(&app), "8.23");
}
