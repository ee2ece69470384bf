//! Reviewing in the real program: ratings reach the state file as they are
//! made, an undo takes one back, and the next start finds the same
//! schedule; a `kill -9` in the middle of a review leaves the state file
//! whole.

use std::path::{Path, PathBuf};

use crate::common::daynotes;
use crate::harness::{Term, status};
use crate::output::assert_restored;

const SEED: &str = "notes/study-notes.txt";

/// The one review state in `dir/daynotes` as daynotes keeps it: the
/// snapshot, with the changes of the journal that goes with it applied
/// (where the viewer was left is kept beside it).
fn state(dir: &Path) -> serde_json::Value {
    let file = state_file(dir).expect("a state file");
    let text = std::fs::read_to_string(&file).unwrap();
    let mut state: daynotes_core::review::State =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}\n{text}", file.display()));
    let journal = std::fs::read_to_string(file.with_extension("json.log")).unwrap_or_default();
    let mut lines = journal.lines();
    let header = format!("{{\"generation\":{}}}", state.generation);
    if lines.next() == Some(header.as_str()) {
        for line in lines {
            let change: daynotes_core::review::Change = serde_json::from_str(line).unwrap();
            state.apply(&change);
        }
    }
    serde_json::to_value(&state).unwrap()
}

fn state_file(dir: &Path) -> Option<PathBuf> {
    let files: Vec<PathBuf> = std::fs::read_dir(dir.join("daynotes"))
        .ok()?
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("review-"))
        })
        .collect();
    assert!(files.len() <= 1, "{files:?}");
    files.into_iter().next()
}

/// The names of the rated cards and their phases.
fn phases(state: &serde_json::Value) -> Vec<(String, String)> {
    state["cards"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v["phase"].as_str().unwrap().to_string()))
        .collect()
}

#[test]
fn three_cards_rated_one_undone_and_the_same_schedule_next_time() {
    let states = tempfile::tempdir().unwrap();
    let env = [("XDG_STATE_HOME", states.path().to_str().unwrap())];
    let mut term = Term::start_env(&[SEED], &env, 100, 30);
    term.wait_for("tcp握手");
    term.send("R");
    let screen = term.wait_for("review 1/8 · 7 left today");
    assert!(screen.contains("8.22 › 1. tcp握手"), "{screen}");
    assert!(screen.contains("show the answer"), "{screen}");
    assert!(
        !screen.contains("TCP三次握手是建立可靠连接的机制"),
        "answer hidden:\n{screen}"
    );

    // Reveal, rate good: the state file has the card at once.
    term.send(" ");
    term.wait_for("TCP三次握手是建立可靠连接的机制");
    term.send("3");
    let screen = term.wait_for("review 2/8 · 6 left today");
    assert!(screen.contains("为什么需要三次握手？"), "{screen}");
    assert_eq!(
        phases(&state(states.path())),
        [("8.22 › tcp握手".to_string(), "review".to_string())]
    );

    // Reveal, rate again: the card comes back at the end of the queue.
    term.send(" ");
    term.wait_for("防止失效连接请求被服务器接受");
    term.send("1");
    term.wait_for("review 3/9 · 6 left today");
    // A third card, rated good, then taken back.
    term.send(" ");
    term.wait_for("3 good");
    term.send("3");
    term.wait_for("review 4/9");
    term.send("u");
    let screen = term.wait_for("taken back");
    assert!(screen.contains("如何保证服务器的服务不中断"), "{screen}");
    assert!(status(&screen).contains("1-4 rate"), "{screen}");
    term.wait_until("the undo saved", |_| {
        phases(&state(states.path())).len() == 2
    });

    // Esc leaves review with the ratings kept.
    term.send("\x1b");
    term.wait_for("review: 2 ratings kept, 7 left today");
    term.send("q");
    assert!(term.wait_exit().success());
    assert_restored(&term);
    let first = state(states.path());
    assert_eq!(
        phases(&first),
        [
            ("8.22 › tcp握手".to_string(), "review".to_string()),
            (
                "8.22 › tcp握手 › 为什么需要三次握手？".to_string(),
                "learning".to_string()
            ),
        ]
    );
    assert_eq!(first["log"].as_array().unwrap().len(), 2);

    // The next start finds the same schedule: the card rated again comes
    // first, then the new cards; the one rated good is not due.
    let mut again = Term::start_env(&["review", SEED], &env, 100, 30);
    let screen = again.wait_for("review 1/7 · 6 left today");
    assert!(
        screen.contains("8.22 › 1. tcp握手 › 为什么需要三次握手？"),
        "{screen}"
    );
    assert!(screen.contains("learning"), "{screen}");
    again.send("\x1b");
    again.wait_for("review: 0 ratings kept, 7 left today");
    again.send("q");
    assert!(again.wait_exit().success());
    let second = state(states.path());
    assert_eq!(second["cards"], first["cards"]);
    assert_eq!(second["log"], first["log"]);

    // The command line reads the same state.
    let mut list = daynotes(&["review", "--list", "--json", SEED]);
    list.env("XDG_STATE_HOME", states.path());
    let out = list.assert().success().get_output().stdout.clone();
    let listed: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let listed = listed.as_array().unwrap();
    assert_eq!(listed.len(), 7);
    assert_eq!(listed[0]["card"], "8.22 › tcp握手 › 为什么需要三次握手？");
    assert_eq!(listed[0]["state"], "learning");
    assert_eq!(listed[1]["state"], "new");
}

/// `kill -9` while ratings are being saved: the state file is always a
/// whole file, the old one or the new one.
#[cfg(target_os = "linux")]
#[test]
fn a_kill_in_the_middle_of_a_review_leaves_the_state_whole() {
    let states = tempfile::tempdir().unwrap();
    let env = [("XDG_STATE_HOME", states.path().to_str().unwrap())];
    let mut rated_before = 0;
    for round in 0..4 {
        let mut term = Term::start_env(&["review", SEED], &env, 100, 30);
        // Eight cards: two rounds whose ratings all reached the disk before
        // the kill leave none for today.
        let start = term.wait_until("a card, or none left", |s| {
            s.contains("review 1/") || s.contains("nothing to review today")
        });
        if start.contains("nothing to review today") {
            assert!(round >= 2, "no card at round {round}:\n{start}");
            term.signal("KILL");
            term.wait_exit();
            break;
        }
        // Ratings as fast as they can be typed, killed while they are
        // being written.
        term.send(&" 3".repeat(6));
        if round % 2 == 1 {
            term.wait_until("a rating", |s| !s.contains("review 1/"));
        }
        term.signal("KILL");
        let status = term.wait_exit();
        assert!(!status.success());
        if let Some(_file) = state_file(states.path()) {
            let s = state(states.path());
            let rated = s["cards"].as_object().unwrap().len();
            assert!(
                rated >= rated_before,
                "ratings lost: {rated} < {rated_before}"
            );
            assert_eq!(s["log"].as_array().unwrap().len(), rated);
            rated_before = rated;
        }
    }
    assert!(
        rated_before > 0,
        "no rating reached the disk in four rounds"
    );
}
