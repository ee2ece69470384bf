//! The review state on disk: read back as written, kept by two viewers at
//! once, and never written through whatever another program put in the
//! state directory.

use super::*;
use crate::review::state::LogEntry;
use crate::review::state::tests::{present, rated};

const DAY: (i32, u32, u32) = (2025, 8, 22);

/// Applies `changes` to the file's state, as the deck does, and saves them.
fn save(file: &mut StateFile, changes: &[Change], cards: &[&str]) -> Option<String> {
    for c in changes {
        file.state.apply(c);
    }
    file.save(changes, Some(&present(cards)), DayNumber::of(DAY))
        .unwrap()
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_save_is_read_back_and_an_undo_takes_it_away() {
    let dir = tempfile::tempdir().unwrap();
    let day = DayNumber::of(DAY);
    let (mut file, warning) = StateFile::open(Some(dir.path()), "notes.txt");
    assert_eq!(warning, None);
    let change = rated("8.22 › a", day);
    save(&mut file, std::slice::from_ref(&change), &["8.22 › a"]);
    let (again, _) = StateFile::open(Some(dir.path()), "notes.txt");
    assert_eq!(again.state, file.state);
    assert_eq!(again.state.log.len(), 1);
    let Change::Rated { entry, .. } = change else {
        unreachable!()
    };
    let undo = Change::Undone {
        before: None,
        entry,
    };
    save(&mut file, &[undo], &["8.22 › a"]);
    let (after, _) = StateFile::open(Some(dir.path()), "notes.txt");
    assert!(after.state.cards.is_empty() && after.state.log.is_empty());
    // The snapshot, its journal and its lock: no temporary file is left.
    let stem = "review-notes-";
    let names = names(dir.path());
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(names.iter().all(|n| n.starts_with(stem)), "{names:?}");
    assert!(names[0].ends_with(".json") && names[1].ends_with(".json.lock"));
    assert!(names[2].ends_with(".json.log"));
}

/// A folder's files had a state each: folded into the folder's, every
/// rating kept, and the old files gone once that is saved.
#[test]
fn the_states_of_a_folder_s_files_fold_into_one() {
    let dir = tempfile::tempdir().unwrap();
    let day = DayNumber::of(DAY);
    for (file, card) in [
        ("2024-01-05.md", "2024-01-05 › a"),
        ("2024-01-06.md", "2024-01-06 › b"),
    ] {
        let (mut f, _) = StateFile::open_key(Some(dir.path()), format!("/notes/{file}"), |_| true);
        save(
            &mut f,
            &[rated(card, day), rated(card, day.plus(3))],
            &[card],
        );
    }
    let before = names(dir.path());
    assert_eq!(before.len(), 6, "{before:?}");
    let (mut folder, _) = StateFile::open_key(Some(dir.path()), "/notes".into(), |_| true);
    let keys = [
        "/notes/2024-01-05.md",
        "/notes/2024-01-06.md",
        "/notes/new.md",
    ];
    let (changes, warnings) = folder.fold_in(dir.path(), keys.iter().map(|k| k.to_string()), |p| {
        p.exists()
    });
    assert_eq!((changes.len(), warnings), (2, vec![]));
    assert_eq!(folder.state.log.len(), 4);
    // Nothing written yet: listing the cards changes nothing on disk.
    assert_eq!(names(dir.path()), before);
    let all = ["2024-01-05 › a", "2024-01-06 › b"];
    folder.save(&changes, Some(&present(&all)), day).unwrap();
    let after = names(dir.path());
    assert_eq!(after.len(), 3, "{after:?}");
    assert!(
        after.iter().all(|n| n.starts_with("review-notes-")),
        "{after:?}"
    );
    let (again, _) = StateFile::open_key(Some(dir.path()), "/notes".into(), |_| true);
    assert_eq!(again.state.log.len(), 4);
    assert_eq!(again.state.cards.len(), 2);
    // Folded once: a second look finds nothing more.
    let mut again = again;
    let (more, _) = again.fold_in(dir.path(), keys.iter().map(|k| k.to_string()), |p| {
        p.exists()
    });
    assert!(more.is_empty());
}

#[test]
fn a_rating_appends_a_line_and_rewrites_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let day = DayNumber::of(DAY);
    let (mut file, _) = StateFile::open(Some(dir.path()), "n.txt");
    save(&mut file, &[rated("a", day)], &["a", "b"]);
    let snapshot = file.path.clone().unwrap();
    let journal = snapshot.with_extension("json.log");
    let written = std::fs::read(&snapshot).unwrap();
    let before = std::fs::read_to_string(&journal).unwrap();
    save(&mut file, &[rated("b", day)], &["a", "b"]);
    assert_eq!(std::fs::read(&snapshot).unwrap(), written);
    let after = std::fs::read_to_string(&journal).unwrap();
    let added = after.strip_prefix(&before).expect("appended");
    assert_eq!(added.lines().count(), 1);
    assert!(added.starts_with(r#"{"change":"rated","#), "{added}");
}

#[test]
fn a_long_journal_is_folded_into_the_snapshot_when_opened() {
    let dir = tempfile::tempdir().unwrap();
    let day = DayNumber::of(DAY);
    let (mut file, _) = StateFile::open(Some(dir.path()), "n.txt");
    save(&mut file, &[rated("a", day)], &["a"]);
    let seen: Vec<Change> = (0..COMPACT_FROM as i64)
        .map(|n| Change::Seen {
            card: "a".into(),
            day: day.plus(n),
        })
        .collect();
    save(&mut file, &seen, &["a"]);
    let journal = file.path.clone().unwrap().with_extension("json.log");
    assert!(std::fs::read_to_string(&journal).unwrap().lines().count() > COMPACT_FROM);
    let (again, warning) = StateFile::open(Some(dir.path()), "n.txt");
    assert_eq!(warning, None);
    assert_eq!(again.state.cards, file.state.cards);
    assert_eq!(again.state.seen, file.state.seen);
    assert_ne!(again.state.generation, file.state.generation);
    // The journal starts afresh, naming the new snapshot's generation.
    assert_eq!(
        std::fs::read_to_string(&journal).unwrap(),
        format!("{{\"generation\":{}}}\n", again.state.generation)
    );
}

#[test]
fn a_journal_of_another_snapshot_is_never_applied() {
    // A crash after the new snapshot was written and before the journal
    // was started afresh: the old journal's changes are in the snapshot.
    let dir = tempfile::tempdir().unwrap();
    let day = DayNumber::of(DAY);
    let (mut file, _) = StateFile::open(Some(dir.path()), "n.txt");
    save(&mut file, &[rated("a", day)], &["a"]);
    let journal = file.path.clone().unwrap().with_extension("json.log");
    let mut stale = format!("{{\"generation\":{}}}\n", file.state.generation + 1);
    stale.push_str(&serde_json::to_string(&rated("b", day)).unwrap());
    stale.push('\n');
    std::fs::write(&journal, stale).unwrap();
    let (again, warning) = StateFile::open(Some(dir.path()), "n.txt");
    assert_eq!(warning, None);
    assert_eq!(again.state.cards.keys().collect::<Vec<_>>(), ["a"]);
}

#[test]
fn a_line_cut_short_by_a_crash_is_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let day = DayNumber::of(DAY);
    let (mut file, _) = StateFile::open(Some(dir.path()), "n.txt");
    save(&mut file, &[rated("a", day)], &["a", "b"]);
    save(&mut file, &[rated("b", day)], &["a", "b"]);
    let journal = file.path.clone().unwrap().with_extension("json.log");
    let mut text = std::fs::read_to_string(&journal).unwrap();
    text.push_str(r#"{"change":"rated","memo"#);
    std::fs::write(&journal, text).unwrap();
    let (mut again, warning) = StateFile::open(Some(dir.path()), "n.txt");
    assert_eq!(warning, None);
    assert_eq!(again.state.log.len(), 2);
    // The next save goes on after the last whole line.
    save(&mut again, &[rated("c", day)], &["a", "b", "c"]);
    let (third, _) = StateFile::open(Some(dir.path()), "n.txt");
    assert_eq!(third.state.log.len(), 3);
}

#[test]
fn two_viewers_keep_each_others_ratings() {
    let dir = tempfile::tempdir().unwrap();
    let day = DayNumber::of(DAY);
    let all = ["a", "b", "c"];
    let (mut one, _) = StateFile::open(Some(dir.path()), "n.txt");
    let (mut two, _) = StateFile::open(Some(dir.path()), "n.txt");
    save(&mut one, &[rated("a", day)], &all);
    save(&mut two, &[rated("b", day)], &all);
    save(&mut one, &[rated("c", day)], &all);
    let keys = |f: &StateFile| f.state.cards.keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&two), ["a", "b"]);
    assert_eq!(keys(&one), ["a", "b", "c"]);
    let (read, _) = StateFile::open(Some(dir.path()), "n.txt");
    assert_eq!(read.state.log.len(), 3);
}

#[test]
fn threads_rating_at_once_keep_every_rating() {
    let dir = tempfile::tempdir().unwrap();
    let day = DayNumber::of(DAY);
    let cards: Vec<String> = (0..4).map(|t| format!("card {t}")).collect();
    let names: Vec<&str> = cards.iter().map(String::as_str).collect();
    std::thread::scope(|scope| {
        for card in &cards {
            let (dir, names) = (dir.path(), &names);
            scope.spawn(move || {
                let (mut file, _) = StateFile::open(Some(dir), "n.txt");
                for _ in 0..25 {
                    save(&mut file, &[rated(card, day)], names);
                }
            });
        }
    });
    let (read, warning) = StateFile::open(Some(dir.path()), "n.txt");
    assert_eq!(warning, None);
    assert_eq!(read.state.log.len(), 100);
    assert_eq!(read.state.cards.len(), 4);
}

/// One rater of [`processes_rating_at_once_keep_every_rating`], run in a
/// process of its own: rates `card N` 25 times in the state directory the
/// variable names.
#[test]
#[ignore = "run by processes_rating_at_once_keep_every_rating"]
fn rater() {
    let Ok(spec) = std::env::var("DAYNOTES_TEST_RATER") else {
        return;
    };
    let (dir, card) = spec.split_once('\n').unwrap();
    let day = DayNumber::of(DAY);
    let (mut file, _) = StateFile::open(Some(Path::new(dir)), "n.txt");
    for _ in 0..25 {
        save(&mut file, &[rated(card, day)], &[card]);
    }
}

#[test]
fn processes_rating_at_once_keep_every_rating() {
    let dir = tempfile::tempdir().unwrap();
    let me = std::env::current_exe().unwrap();
    let children: Vec<_> = (0..4)
        .map(|n| {
            std::process::Command::new(&me)
                .args(["--exact", "review::store::tests::rater", "--ignored"])
                .env(
                    "DAYNOTES_TEST_RATER",
                    format!("{}\ncard {n}", dir.path().display()),
                )
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    let (read, warning) = StateFile::open(Some(dir.path()), "n.txt");
    assert_eq!(warning, None);
    assert_eq!(read.state.log.len(), 100, "every rating of every process");
    let mut counts = std::collections::BTreeMap::new();
    for LogEntry { card, .. } in &read.state.log {
        *counts.entry(card.as_str()).or_insert(0) += 1;
    }
    assert!(counts.values().all(|&n| n == 25), "{counts:?}");
}

#[test]
fn an_unreadable_file_is_moved_aside_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(dir.path(), "n.txt");
    std::fs::write(&path, "{ half a file").unwrap();
    let (file, warning) = StateFile::open(Some(dir.path()), "n.txt");
    let warning = warning.expect("a warning");
    assert!(
        warning.contains("could not be read") && warning.contains("moved to"),
        "{warning}"
    );
    assert!(!warning.contains('\n'));
    assert!(file.state.cards.is_empty());
    assert!(!path.exists());
    let aside = names(dir.path());
    assert_eq!(aside.len(), 1);
    assert!(aside[0].contains(".json.unreadable-"), "{aside:?}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join(&aside[0])).unwrap(),
        "{ half a file"
    );
    // A file from a newer daynotes is not read either.
    std::fs::write(&path, "{\"version\": 99}").unwrap();
    let (_, warning) = StateFile::open(Some(dir.path()), "n.txt");
    assert!(warning.unwrap().contains("newer daynotes"));
}

#[test]
fn a_state_of_format_one_is_read_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(dir.path(), "n.txt");
    let entry = r#"{"card":"a","day":"2025-08-20","rating":3,"before":null}"#;
    std::fs::write(
        &path,
        format!(r#"{{"version":1,"notes":"n.txt","log":[{entry}]}}"#),
    )
    .unwrap();
    let (mut file, warning) = StateFile::open(Some(dir.path()), "n.txt");
    assert_eq!(warning, None);
    assert_eq!(file.state.log.len(), 1);
    save(&mut file, &[rated("b", DayNumber::of(DAY))], &["a", "b"]);
    let (again, _) = StateFile::open(Some(dir.path()), "n.txt");
    assert_eq!(again.state.log.len(), 2);
    // Written anew in this format before a change of it is journaled.
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(&format!("\"version\": {VERSION}")), "{text}");
}

#[test]
fn file_names_are_stable_and_readable() {
    let a = file_in(Path::new("/s"), "/home/me/study-notes.txt");
    let name = a.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("review-study-notes-") && name.ends_with(".json"));
    assert_eq!(a, file_in(Path::new("/s"), "/home/me/study-notes.txt"));
    assert_ne!(a, file_in(Path::new("/s"), "/home/you/study-notes.txt"));
    assert_eq!(crate::state_dir::fnv1a(b""), 0xcbf2_9ce4_8422_2325);
    assert_eq!(crate::state_dir::fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
}

#[test]
fn never_beside_the_notes() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("n.txt");
    std::fs::write(&notes, "8.22\n").unwrap();
    let real = std::fs::canonicalize(dir.path()).unwrap();
    let (file, warning) = StateFile::open(Some(&real), notes.to_str().unwrap());
    assert_eq!(file.path, None);
    assert!(warning.unwrap().contains("inside the notes"));
    // Named another way: with `..` in it, or through a link.
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    let (file, _) = StateFile::open(Some(&sub.join("..")), notes.to_str().unwrap());
    assert_eq!(file.path, None);
    #[cfg(unix)]
    {
        let link = tempfile::tempdir().unwrap();
        let to_notes = link.path().join("state");
        std::os::unix::fs::symlink(dir.path(), &to_notes).unwrap();
        let (file, _) = StateFile::open(Some(&to_notes), notes.to_str().unwrap());
        assert_eq!(file.path, None);
    }
}

#[test]
fn inside_a_notes_folder_is_where_its_reading_goes() {
    let notes = tempfile::tempdir().unwrap();
    let root = notes.path();
    assert!(inside_notes(root, root, true));
    assert!(inside_notes(&root.join("state/daynotes"), root, true));
    assert!(inside_notes(&root.join("a/../state"), root, true));
    // Where the reading never goes: hidden folders, node_modules.
    assert!(!inside_notes(&root.join(".state/daynotes"), root, true));
    assert!(!inside_notes(&root.join("node_modules/x"), root, true));
    // Beside a notes file is its directory alone.
    assert!(inside_notes(root, root, false));
    assert!(!inside_notes(&root.join("state"), root, false));
    let other = tempfile::tempdir().unwrap();
    assert!(!inside_notes(other.path(), root, true));
}

/// What another program may leave at the names of a state's files.
#[cfg(unix)]
mod planted {
    use super::*;

    /// A notes file outside the state directory, which must never change.
    fn victim() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let notes = dir.path().join("notes.txt");
        std::fs::write(&notes, "8.22\n    1.topic\n").unwrap();
        (dir, notes)
    }

    #[test]
    fn links_at_every_name_are_never_written_through() {
        let (_keep, notes) = victim();
        let dir = tempfile::tempdir().unwrap();
        let snapshot = file_in(dir.path(), "n.txt");
        let with = |ext: &str| snapshot.with_extension(format!("json{ext}"));
        for path in [snapshot.clone(), with(".log"), with(".lock")] {
            std::os::unix::fs::symlink(&notes, &path).unwrap();
        }
        // The temporary names of old (`.NAME.PID.tmp`) too.
        let old_tmp = dir.path().join(format!(
            ".{}.{}.tmp",
            snapshot.file_name().unwrap().to_string_lossy(),
            std::process::id()
        ));
        std::os::unix::fs::symlink(&notes, &old_tmp).unwrap();
        let (mut file, warning) = StateFile::open(Some(dir.path()), "n.txt");
        let warning = warning.expect("the link is not a state");
        assert!(warning.contains("a symbolic link"), "{warning}");
        for _ in 0..3 {
            save(&mut file, &[rated("a", DayNumber::of(DAY))], &["a"]);
        }
        assert_eq!(
            std::fs::read_to_string(&notes).unwrap(),
            "8.22\n    1.topic\n"
        );
        let (read, _) = StateFile::open(Some(dir.path()), "n.txt");
        assert_eq!(read.state.log.len(), 3);
        // Every file made is the user's alone.
        use std::os::unix::fs::PermissionsExt;
        for path in [snapshot.clone(), with(".log"), with(".lock")] {
            let meta = std::fs::symlink_metadata(&path).unwrap();
            assert!(meta.file_type().is_file(), "{path:?}");
            assert_eq!(meta.permissions().mode() & 0o777, 0o600, "{path:?}");
        }
    }

    #[test]
    fn a_fifo_or_a_device_at_its_name_is_moved_aside_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let snapshot = file_in(dir.path(), "n.txt");
        let made = std::process::Command::new("mkfifo").arg(&snapshot).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("skipped the FIFO: no mkfifo here");
        } else {
            // Would block for ever if it were opened as a file is.
            let (file, warning) = StateFile::open(Some(dir.path()), "n.txt");
            let warning = warning.unwrap();
            assert!(warning.contains("not a regular file (a FIFO)"), "{warning}");
            assert!(file.state.log.is_empty());
            assert!(std::fs::symlink_metadata(&snapshot).is_err());
        }
        std::os::unix::fs::symlink("/dev/zero", &snapshot).unwrap();
        let (_, warning) = StateFile::open(Some(dir.path()), "n.txt");
        assert!(warning.unwrap().contains("a symbolic link"));
    }

    #[test]
    fn a_state_over_the_cap_is_moved_aside_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let snapshot = file_in(dir.path(), "n.txt");
        let f = std::fs::File::create(&snapshot).unwrap();
        f.set_len(disk::CAP + 1).unwrap();
        let (_, warning) = StateFile::open(Some(dir.path()), "n.txt");
        let warning = warning.unwrap();
        assert!(warning.contains("larger than 64 MiB"), "{warning}");
        assert!(!warning.contains('\n'));
    }
}
