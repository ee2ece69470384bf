//! The notes changing on disk while the viewer runs: what the watcher
//! reports and what it keeps quiet about. Each test waits up to a few
//! seconds for a report; none measures how fast it came.

use crate::common::dir_with;
use std::fs;
use std::path::Path;
use std::time::Duration;

use daynotes::watch::Watcher;

/// Long enough for any machine to deliver an event.
const PATIENCE: Duration = Duration::from_secs(5);
/// How long to listen before concluding that nothing was reported.
const SILENCE: Duration = Duration::from_millis(300);

/// Drains what the setup itself may have caused, so that a test sees only
/// its own change.
fn settled(watcher: Watcher) -> Watcher {
    while watcher.wait(SILENCE) {}
    watcher
}

fn watch(target: &Path, recursive: bool) -> Watcher {
    settled(Watcher::new(target, recursive, daynotes_core::wake::Waker::default()).unwrap())
}

#[test]
fn a_write_in_place_is_seen() {
    let dir = dir_with(&[("notes.txt", "8.22\n    1.a\n")]);
    let file = dir.path().join("notes.txt");
    let w = watch(&file, false);
    fs::write(&file, "8.22\n    1.a\n    2.b\n").unwrap();
    assert!(w.wait(PATIENCE), "no change reported for a write");
}

#[test]
fn an_atomic_save_by_rename_is_seen() {
    let dir = dir_with(&[("notes.txt", "8.22\n    1.a\n")]);
    let file = dir.path().join("notes.txt");
    let w = watch(&file, false);
    // As vim and VS Code save: a new file beside the old, renamed over it.
    let temp = dir.path().join("notes.txt.tmp~");
    fs::write(&temp, "8.22\n    1.renamed\n").unwrap();
    fs::rename(&temp, &file).unwrap();
    assert!(
        w.wait(PATIENCE),
        "no change reported for a rename over the file"
    );
    // The watch survives the old file's replacement: the next save is seen.
    while w.wait(SILENCE) {}
    fs::write(&file, "8.22\n    1.again\n").unwrap();
    assert!(w.wait(PATIENCE), "the save after a rename was missed");
}

#[test]
fn another_file_in_the_same_directory_is_not_reported() {
    let dir = dir_with(&[("notes.txt", "8.22\n"), ("todo.txt", "x\n")]);
    let w = watch(&dir.path().join("notes.txt"), false);
    fs::write(dir.path().join("todo.txt"), "y\n").unwrap();
    fs::write(dir.path().join("new.md"), "8.1\n").unwrap();
    assert!(!w.wait(SILENCE), "a change to another file was reported");
    assert!(!w.changed());
}

#[test]
fn deleting_the_file_is_reported() {
    let dir = dir_with(&[("notes.txt", "8.22\n")]);
    let file = dir.path().join("notes.txt");
    let w = watch(&file, false);
    fs::remove_file(&file).unwrap();
    assert!(w.wait(PATIENCE), "the deletion was not reported");
}

#[test]
fn a_burst_of_writes_is_reported_and_then_nothing_more() {
    let dir = dir_with(&[("notes.txt", "8.22\n")]);
    let file = dir.path().join("notes.txt");
    let w = watch(&file, false);
    for i in 0..20 {
        fs::write(&file, format!("8.22\n    {i}.x\n")).unwrap();
    }
    assert!(w.wait(PATIENCE));
    // However the burst was split, it ends: the reports stop.
    while w.wait(SILENCE) {}
    assert!(!w.changed());
}

#[test]
fn in_a_notes_directory_only_notes_files_count() {
    let dir = dir_with(&[("a.txt", "8.22\n"), ("sub/b.md", "8.23\n")]);
    let w = watch(dir.path(), false);
    fs::write(dir.path().join("image.png"), "not notes").unwrap();
    fs::write(dir.path().join(".a.txt.swp"), "swap").unwrap();
    assert!(!w.wait(SILENCE), "a file that is not notes was reported");
    fs::write(dir.path().join("b.md"), "8.30\n").unwrap();
    assert!(w.wait(PATIENCE), "a new notes file was not reported");
}

#[test]
fn subdirectories_count_only_when_recursive() {
    let dir = dir_with(&[("a.txt", "8.22\n"), ("sub/b.md", "8.23\n")]);
    let flat = watch(dir.path(), false);
    let deep = watch(dir.path(), true);
    fs::write(dir.path().join("sub/b.md"), "8.24\n").unwrap();
    assert!(deep.wait(PATIENCE), "recursive: a change below was missed");
    assert!(
        !flat.wait(SILENCE),
        "not recursive: a change below was reported"
    );
}

#[test]
fn recursive_watching_skips_hidden_directories() {
    let dir = dir_with(&[("a.txt", "8.22\n"), (".git/notes.txt", "x\n")]);
    let w = watch(dir.path(), true);
    fs::write(dir.path().join(".git/notes.txt"), "y\n").unwrap();
    assert!(
        !w.wait(SILENCE),
        "a change in a hidden directory was reported"
    );
}

#[test]
fn a_change_reported_wakes_the_viewer() {
    let dir = dir_with(&[("notes.txt", "8.22\n    1.a\n")]);
    let file = dir.path().join("notes.txt");
    let (tx, woken) = std::sync::mpsc::channel();
    let waker = daynotes_core::wake::Waker::new(move || {
        let _ = tx.send(());
    });
    let w = Watcher::new(&file, false, waker).unwrap();
    // Whatever the setup itself caused, taken.
    while woken.recv_timeout(SILENCE).is_ok() {}
    w.changed();
    fs::write(&file, "8.22\n    1.a\n    2.b\n").unwrap();
    assert!(
        woken.recv_timeout(PATIENCE).is_ok(),
        "no wake-up for a write"
    );
    assert!(w.changed(), "the change is there to take");
}

/// A folder is watched where its reading goes, and nowhere else: a link to
/// a directory outside (here a tree of 200 directories) adds no watch,
/// nor do hidden folders and `node_modules`.
#[test]
#[cfg(unix)]
fn a_folder_is_watched_only_where_the_loader_reads() {
    let dir = dir_with(&[("2024-01-02.md", "# a\n"), ("sub/2024-01-03.md", "# b\n")]);
    fs::create_dir_all(dir.path().join(".obsidian/plugins")).unwrap();
    fs::create_dir_all(dir.path().join("node_modules/x")).unwrap();
    let outside = tempfile::tempdir().unwrap();
    for n in 0..200 {
        fs::create_dir_all(outside.path().join(format!("d{n}/e"))).unwrap();
    }
    std::os::unix::fs::symlink(outside.path(), dir.path().join("linked")).unwrap();
    std::os::unix::fs::symlink("/", dir.path().join("root")).unwrap();
    let w = watch(dir.path(), true);
    let root = fs::canonicalize(dir.path()).unwrap();
    assert_eq!(w.watched(), [root.clone(), root.join("sub")]);
    // Without recursion, the folder alone.
    let flat = watch(dir.path(), false);
    assert_eq!(flat.watched(), std::slice::from_ref(&root));
    // A directory made later is watched as it appears, and a note in it
    // is seen.
    fs::create_dir(dir.path().join("2025")).unwrap();
    assert!(w.wait(PATIENCE), "a new folder is a change");
    while w.wait(SILENCE) {}
    assert!(
        w.watched().contains(&root.join("2025")),
        "{:?}",
        w.watched()
    );
    fs::write(dir.path().join("2025/2025-01-01.md"), "# new\n").unwrap();
    assert!(w.wait(PATIENCE), "a note in a new folder was missed");
}

/// A watch that cannot be set up says why (the viewer shows it on its
/// status line).
#[test]
fn a_watch_that_cannot_be_set_up_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let gone = dir.path().join("gone");
    let got = Watcher::new(
        &gone.join("notes.txt"),
        false,
        daynotes_core::wake::Waker::default(),
    );
    assert!(got.is_err());
}

/// What changed before the watch was set up (the viewer sets it up on a
/// thread while the first frames are drawn) is found by the files' times:
/// the notes file's own change is, and a file written beside it (an
/// editor's swap file, a log) is not, as the watch itself does not report
/// one. A file renamed over the notes counts as a change.
#[test]
fn a_change_before_the_watch_is_the_notes_file_s_own() {
    let dir = dir_with(&[("notes.txt", "8.22\n    1.a\n")]);
    let file = dir.path().join("notes.txt");
    // File times come from a clock coarser than `now`: kept apart.
    std::thread::sleep(Duration::from_millis(50));
    let since = std::time::SystemTime::now();
    std::thread::sleep(Duration::from_millis(50));
    fs::write(dir.path().join("typed.txt"), "jjq\n").unwrap();
    fs::create_dir(dir.path().join("bin")).unwrap();
    let w = watch(&file, false);
    assert!(
        !w.changed_since(since),
        "files beside the notes were taken for a change of the notes"
    );
    let temp = dir.path().join("notes.txt.tmp~");
    fs::write(&temp, "8.22\n    1.renamed\n").unwrap();
    fs::rename(&temp, &file).unwrap();
    assert!(w.changed_since(since), "a rename over the notes was missed");
    let w = watch(&file, false);
    assert!(w.changed_since(since), "a new watch missed the rename");
}
