//! Studying in the real program at 100×30, 40×12 and 20×6: Space and
//! Enter, skipping, burying, suspending and taking back, a card written in
//! the notes with its cloze gap, undo after the notes changed on disk, the
//! done screen, cramming (`review --cram`, `C`), and a folder's per-file
//! states folded into one when the viewer saves.

use std::path::Path;
use std::sync::Arc;

use crate::common::Home;
use crate::harness::{Term, status};

const SEED: &str = "notes/study-notes.txt";
const CARDS: &str = "tests/fixtures/cards/cards.md";

/// `daynotes ARGS` run in `home` (the state a viewer left there); stdout.
fn cli(home: &Home, args: &[&str]) -> String {
    let mut cmd = home.command();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR")).args(args);
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}

/// The review state files in `home`.
fn states(home: &Home) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(home.state().join("daynotes")) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("review-") && n.ends_with(".json"))
        .collect();
    names.sort();
    names
}

#[test]
fn at_100_by_30_space_enter_skip_bury_suspend_and_undo() {
    let mut term = Term::start(&["review", SEED], 100, 30);
    let screen = term.wait_for("review 1/8 · 7 left today");
    assert!(screen.contains("│ 8.22 › 1. tcp握手"), "{screen}");
    // Space shows the answer, the section that is a card of its own folded.
    term.send(" ");
    let screen = term.wait_for("TCP三次握手是建立可靠连接的机制");
    assert!(
        screen.contains("▸ 为什么需要三次握手？ (a card of its own)"),
        "{screen}"
    );
    assert!(!screen.contains("防止失效连接请求"), "{screen}");
    // Enter, the answer shown, rates it good.
    term.send("\r");
    let screen = term.wait_for("review 2/8 · 6 left today");
    assert!(screen.contains("为什么需要三次握手？"), "{screen}");
    // → skips: the card goes after the others.
    term.send("\x1b[C");
    let screen = term.wait_until("the next card", |s| !s.contains("› 为什么需要三次握手？"));
    assert!(screen.contains("review 2/8 · 6 left today"), "{screen}");
    assert!(screen.contains("如何保证服务器的服务不中断"), "{screen}");
    // b buries it until tomorrow: one card fewer today.
    term.send("b");
    let screen = term.wait_for("buried until tomorrow");
    assert!(status(&screen).contains("u takes it back"), "{screen}");
    assert!(screen.contains("│ 8.23 › 1. http长轮询"), "{screen}");
    term.send(" ");
    term.wait_for("review 2/7 · 5 left today");
    // ! suspends the next, u takes that back.
    term.send("!");
    let screen = term.wait_for("suspended until taken back");
    let suspended = screen
        .lines()
        .last()
        .and_then(|l| l.split_once("taken back: "))
        .map(|(_, r)| r.split(" · ").next().unwrap().trim().to_string())
        .unwrap();
    term.send("u");
    term.wait_for("taken back");
    term.send("!");
    term.wait_for("suspended until taken back");
    term.send("\x1b");
    term.wait_for("review: 1 rating kept, 5 left today");
    term.send("q");
    assert!(term.wait_exit().success());
    // What the command line says agrees: five left, one suspended.
    let home = term.home();
    let list = cli(&home, &["review", "--list", SEED]);
    assert_eq!(list.lines().count(), 5, "{list}");
    assert!(
        !list.contains("如何保证服务器的服务不中断"),
        "buried:\n{list}"
    );
    let listed = cli(&home, &["review", "--list", "--suspended", SEED]);
    assert!(listed.ends_with(&format!("{suspended}\n")), "{listed}");
    // And the viewer again, the next time.
    let mut again = Term::start_in(home, &["review", SEED], 100, 30);
    again.wait_for("review 1/5 · 4 left today");
    again.send("q");
    again.wait_gone("Review");
    again.send("q");
    assert!(again.wait_exit().success());
}

#[test]
fn at_40_by_12_a_cloze_shows_its_gap_and_the_ratings_stay_whole() {
    let mut term = Term::start(
        &["review", "--cram", "--match", "handshake and closes", CARDS],
        40,
        12,
    );
    // The cloze cards of one text: a gap each, the other part shown.
    let screen = term.wait_for("[…]");
    assert!(screen.contains("┌ Cram "), "{screen}");
    assert!(
        status(&screen).starts_with(" cram 1/2 · 1 left"),
        "{screen}"
    );
    assert!(
        screen.contains("Transport layer"),
        "where it is written:\n{screen}"
    );
    term.send(" ");
    let screen = term.wait_for("1 again · 3 known");
    assert!(screen.contains("four steps."), "the gap filled:\n{screen}");
    // Known: the next; forgotten: it comes back at the end.
    term.send("1");
    term.wait_for("cram 2/3");
    term.send("  ");
    term.wait_for("cram 3/3");
    term.send("  ");
    let screen = term.wait_for("Cram done: 2 cards, 1 known on the");
    assert!(screen.contains("first try (50 %)"), "{screen}");
    assert!(
        screen.contains("Nothing was rated in the schedule."),
        "{screen}"
    );
    assert!(!screen.contains("1 again"), "no ratings:\n{screen}");
    term.send("\x1b");
    term.wait_for("cram: 1 of 2 known on the");
    term.send("q");
    assert!(term.wait_exit().success());
    // Nothing rated: the schedule is as it was.
    let list = cli(&term.home(), &["review", "--stats", "--json", CARDS]);
    let stats: serde_json::Value = serde_json::from_str(&list).unwrap();
    assert_eq!(stats["new"], 16);
    assert_eq!(stats["reviewed_this_week"], 0);
}

#[test]
fn at_20_by_6_the_question_and_a_short_rating_line_show() {
    let mut term = Term::start(&["review", SEED], 20, 6);
    // The end of the titles, which asks, on the one row there is.
    let screen = term.wait_for("Space show the");
    assert!(screen.contains("│ …22 › 1. tcp握手 │"), "{screen}");
    term.send(" ");
    let screen = term.wait_for("1-4 rate");
    assert!(screen.contains("tcp握手"), "the question stays:\n{screen}");
    term.send("3");
    term.wait_for("…需要三次握手？");
    term.send("\x1b");
    term.wait_gone("Review");
    term.send("q");
    assert!(term.wait_exit().success());
}

#[test]
fn a_rating_is_taken_back_after_the_notes_changed_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("study-notes.txt");
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED), &notes).unwrap();
    let path = notes.to_str().unwrap();
    let mut term = Term::start(&["review", path], 100, 30);
    term.wait_for("review 1/8");
    term.send(" 3");
    term.wait_for("review 2/8");
    // Another program adds a topic: the notes are read again mid-review.
    let mut text = std::fs::read_to_string(&notes).unwrap();
    text.push_str("\n9.12：\n    1.新的题目\n        新的答案\n");
    std::fs::write(&notes, text).unwrap();
    term.wait_for("review 2/8");
    term.wait_until("the notes read again", |s| {
        status(s).contains("7 days") || s.contains("new card")
    });
    term.send("u");
    let screen = term.wait_for("taken back");
    assert!(screen.contains("│ 8.22 › 1. tcp握手"), "{screen}");
    term.send("\x1b");
    term.wait_for("review: 0 ratings kept");
    term.send("q");
    assert!(term.wait_exit().success());
    let stats = cli(&term.home(), &["review", "--stats", "--json", path]);
    let stats: serde_json::Value = serde_json::from_str(&stats).unwrap();
    assert_eq!(
        (stats["new"].as_u64(), stats["reviewed_this_week"].as_u64()),
        (Some(9), Some(0))
    );
}

#[test]
fn a_whole_sitting_ends_on_what_was_done_and_what_comes_next() {
    let mut term = Term::start(&["review", SEED], 100, 30);
    term.wait_for("review 1/8");
    // One card forgotten once (it comes back), the others known.
    term.send(" 1");
    term.wait_for("review 2/9");
    for _ in 0..8 {
        term.send("  ");
    }
    let screen = term.wait_for("Done for today: 8 cards reviewed in under a minute (9 ratings).");
    assert!(screen.contains("The next card is due "), "{screen}");
    assert!(
        screen.contains("u takes the last step back · Esc goes back to the notes"),
        "{screen}"
    );
    assert!(!screen.contains("1 again"), "{screen}");
    term.send("q");
    term.wait_gone("Done for today");
    term.send("C");
    term.wait_for("cram 1/8");
    term.send("\x1b");
    term.wait_gone("cram 1/8");
    term.send("q");
    assert!(term.wait_exit().success());
}

/// A folder whose daily files each had a state (as earlier versions kept
/// them): the viewer folds them into the folder's one state when it saves,
/// every rating with it, and removes them.
#[test]
fn a_folder_s_per_file_states_become_one_when_saved() {
    use daynotes_core::review::{Change, DayNumber, LogEntry, Rating, Scheduler, StateFile};
    let home = Arc::new(Home::new());
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    std::fs::create_dir(&vault).unwrap();
    let today = DayNumber::of(daynotes_core::dates::today());
    for (name, topic) in [("2024-01-05.md", "Ports"), ("2024-01-06.md", "Sockets")] {
        let file = vault.join(name);
        std::fs::write(&file, format!("## {topic}\nsomething to recall\n")).unwrap();
        let key = std::fs::canonicalize(&file).unwrap().display().to_string();
        let dir = home.state().join("daynotes");
        let (mut state, _) = StateFile::open_key(Some(&dir), key, |_| true);
        let card = format!("{} › {topic}", &name[..10]);
        let change = Change::Rated {
            memory: Scheduler.rate(None, Rating::Good, today.plus(-3)),
            entry: LogEntry {
                card,
                day: today.plus(-3),
                rating: 3,
                before: None,
            },
        };
        state.state.apply(&change);
        state.save(&[change], None, today).unwrap();
    }
    assert_eq!(states(&home).len(), 2);
    let folder = vault.to_str().unwrap();
    let mut term = Term::start_in(Arc::clone(&home), &[folder], 100, 30);
    term.wait_for("Sockets");
    term.send("q");
    assert!(term.wait_exit().success());
    let left = states(&home);
    assert_eq!(left.len(), 1, "{left:?}");
    assert!(left[0].starts_with("review-vault-"), "{left:?}");
    // Every rating is in it, and the start-over is one name.
    let stats = cli(&home, &["review", "--stats", "--json", folder]);
    let stats: serde_json::Value = serde_json::from_str(&stats).unwrap();
    assert_eq!(stats["reviewed_this_week"], 2);
    assert_eq!(stats["new"], 0);
    let all: Vec<String> = std::fs::read_dir(home.state().join("daynotes"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("review-"))
        .collect();
    assert!(
        all.iter().all(|n| n.starts_with("review-vault-")),
        "{all:?}"
    );
}
