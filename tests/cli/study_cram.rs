//! `review` from the command line beyond today's list: the cards a cram
//! takes (`--cram --list` with `--from`, `--to`, `--tag`, `--match`), the
//! suspended cards and taking them back, the counts agreeing with the
//! list, and one state for a folder of notes — the states earlier versions
//! kept for each of its files read into it with every rating.

use std::path::{Path, PathBuf};

use crate::common::Home;
use daynotes_core::review::{Change, DayNumber, LogEntry, Rating, Scheduler, StateFile};
use serde_json::Value;

const CARDS: &str = "tests/fixtures/cards/cards-plain.txt";
const SEED: &str = "notes/study-notes.txt";

/// `daynotes ARGS` with `home`'s environment, in the crate's directory; its
/// output.
fn run(home: &Home, args: &[&str]) -> String {
    let mut cmd = home.command();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR")).args(args);
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

fn json(home: &Home, args: &[&str]) -> Value {
    serde_json::from_str(&run(home, args)).unwrap()
}

fn names(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|c| c["card"].as_str().unwrap().to_string())
        .collect()
}

/// The state daynotes keeps for the notes `notes` in `home`.
fn state_of(home: &Home, notes: &Path) -> StateFile {
    let key = std::fs::canonicalize(notes).unwrap().display().to_string();
    StateFile::open_key(Some(&home.state().join("daynotes")), key, |_| true).0
}

fn today() -> DayNumber {
    DayNumber::of(daynotes_core::dates::today())
}

/// A rating of `card` today, as the viewer makes it.
fn rated(card: &str, rating: Rating) -> Change {
    let memory = Scheduler.rate(None, rating, today());
    Change::Rated {
        memory,
        entry: LogEntry {
            card: card.into(),
            day: today(),
            rating: rating.number(),
            before: None,
        },
    }
}

fn save(file: &mut StateFile, changes: &[Change]) {
    for c in changes {
        file.state.apply(c);
    }
    file.save(changes, None, today()).unwrap();
}

#[test]
fn a_cram_takes_days_tags_and_words() {
    let home = Home::new();
    let all = json(
        &home,
        &[
            "review", "--cram", "--list", "--json", "--year", "2025", SEED,
        ],
    );
    assert_eq!(names(&all).len(), 8);
    // Days: the notes name no year; --year places them, and the dates too.
    let days = json(
        &home,
        &[
            "review", "--cram", "--list", "--json", "--year", "2025", "--from", "8.23", "--to",
            "8.24", SEED,
        ],
    );
    assert_eq!(
        names(&days),
        [
            "8.23 › http长轮询",
            "8.23 › 服务器发送事件SSE",
            "8.23 › 容器化部署能够实现服务不中断主要是通过以下几个核心机制",
            "8.24 › 储存桶和数据库存数据有什么区别",
        ]
    );
    // Words in a question or an answer, any case.
    let words = json(
        &home,
        &[
            "review", "--cram", "--list", "--json", "--match", "RIP", CARDS,
        ],
    );
    assert_eq!(
        names(&words),
        [
            "3.7 › 路由协议 › RIP",
            "3.7 › 路由协议 › RIP的最大跳数是15，超过即不可达。 › [15]",
            "3.7 › 路由协议 › RIP的最大跳数是15，超过即不可达。 › [不可达]",
        ]
    );
    // Tags: the cards of what carries one.
    let md = "tests/fixtures/cards/cards.md";
    let exam = json(
        &home,
        &["review", "--cram", "--list", "--json", "--tag", "exam", md],
    );
    assert_eq!(names(&exam).len(), 12);
    assert!(
        names(&exam)
            .iter()
            .all(|n| n.contains("Transport layer #exam"))
    );
    // Plain: a line a card; nothing chosen, a word that says so.
    let none = run(&home, &["review", "--cram", "--list", "--match", "zzz", md]);
    assert_eq!(none, "no card to cram\n");
    // Listing writes nothing.
    assert!(!home.state().join("daynotes").exists());
}

#[test]
fn the_counts_agree_with_the_list() {
    let home = Home::new();
    let notes = Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED);
    let mut state = state_of(&home, &notes);
    // One card forgotten today (due again today), one remembered.
    save(
        &mut state,
        &[
            rated("8.22 › tcp握手", Rating::Again),
            rated("8.23 › http长轮询", Rating::Good),
        ],
    );
    let stats = json(&home, &["review", "--stats", "--json", SEED]);
    let list = json(&home, &["review", "--list", "--json", SEED]);
    let listed = list.as_array().unwrap();
    assert_eq!(stats["due_today"], 1);
    assert_eq!(stats["learning"], 1);
    assert_eq!(
        stats["due_today"].as_u64().unwrap() + stats["new_today"].as_u64().unwrap(),
        listed.len() as u64
    );
    assert_eq!(listed[0]["card"], "8.22 › tcp握手");
    assert_eq!(listed[0]["state"], "learning");
    assert!(!names(&list).contains(&"8.23 › http长轮询".to_string()));
    let text = run(&home, &["review", "--stats", SEED]);
    assert!(
        text.contains("due today                1  (1 rated again, still learning)"),
        "{text}"
    );
}

#[test]
fn suspended_cards_are_listed_and_taken_back() {
    let home = Home::new();
    let notes = Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED);
    let mut state = state_of(&home, &notes);
    save(
        &mut state,
        &[Change::Suspended {
            card: "8.30 › 接口失效".into(),
        }],
    );
    assert_eq!(
        run(&home, &["review", "--list", "--suspended", SEED]),
        "new                8.30 › 接口失效\n"
    );
    let today_list = run(&home, &["review", "--list", SEED]);
    assert!(!today_list.contains("接口失效"), "{today_list}");
    let stats = json(&home, &["review", "--stats", "--json", SEED]);
    assert_eq!(stats["suspended"], 1);
    // A name that is not suspended: an error naming those that are.
    let mut wrong = home.command();
    wrong
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["review", "--unsuspend", "8.22 › x", SEED]);
    let err = wrong.assert().code(2).get_output().stderr.clone();
    let err = String::from_utf8(err).unwrap();
    assert!(
        err.contains("no suspended card \"8.22 › x\"; suspended: 8.30 › 接口失效"),
        "{err}"
    );
    assert_eq!(
        run(&home, &["review", "--unsuspend", "8.30 › 接口失效", SEED]),
        "taken back: 8.30 › 接口失效\n"
    );
    assert_eq!(
        run(&home, &["review", "--list", "--suspended", SEED]),
        "no card is suspended\n"
    );
    assert!(run(&home, &["review", "--list", SEED]).contains("接口失效"));
}

/// A folder of daily notes whose files each had a state (as earlier
/// versions kept them): one state for the folder, every rating in it.
#[test]
fn a_folder_has_one_state_with_the_ratings_of_its_files_states() {
    let home = Home::new();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    std::fs::create_dir(&vault).unwrap();
    let files: Vec<PathBuf> = ["2024-01-05.md", "2024-01-06.md"]
        .iter()
        .map(|name| vault.join(name))
        .collect();
    std::fs::write(&files[0], "## Ports\n443 is HTTPS\n").unwrap();
    std::fs::write(&files[1], "## Sockets\nan address and a port\n").unwrap();
    for (file, card) in files
        .iter()
        .zip(["2024-01-05 › Ports", "2024-01-06 › Sockets"])
    {
        let mut state = state_of(&home, file);
        save(&mut state, &[rated(card, Rating::Again)]);
    }
    let dir = home.state().join("daynotes");
    let before = std::fs::read_dir(&dir).unwrap().count();
    assert_eq!(before, 6, "two states of three files each");
    let folder = vault.to_str().unwrap();
    let list = json(&home, &["review", "--list", "--json", folder]);
    let states: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["state"].as_str().unwrap())
        .collect();
    assert_eq!(states, ["learning", "learning"]);
    // One state named: the folder's.
    let stats = json(&home, &["review", "--stats", "--json", folder]);
    let path = stats["state_file"].as_str().unwrap();
    let name = Path::new(path).file_name().unwrap().to_string_lossy();
    assert!(name.starts_with("review-vault-"), "{name}");
    assert_eq!(stats["due_today"], 2);
    // Reading writes nothing: the old states stay until a change is saved.
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), before);
}
