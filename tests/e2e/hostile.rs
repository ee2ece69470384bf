//! A notes file full of terminal escapes, opened in the real program: none of
//! them may reach the terminal as a control, and all of them must be visible
//! as placeholders.
//!
//! The file is `tests/fixtures/hostile-notes.txt`, written from
//! [`hostile_notes`] (run with `DAYNOTES_BLESS=1` to rewrite it): escapes are
//! hard to review in a text file, easy in a Rust string.

use std::path::Path;

use crate::harness::Term;
use crate::output::{Seq, assert_restored, contains, sequences};

const FIXTURE: &str = "tests/fixtures/hostile-notes.txt";

/// Each escape the file holds, with the word that follows it: if the escape
/// reached the terminal, the output would hold the escape's bytes right
/// before that word.
pub const PLANTED: &[(&str, &str)] = &[
    ("\x1b[2J", "wipe"),
    ("\x1b[31m", "red"),
    ("\x1b[10;10H", "jump"),
    ("\x1b[5A", "climb"),
    ("\x1b[?1049l", "mainscreen"),
    ("\x1b[?25h", "cursor"),
    ("\x1b[6n", "query"),
    ("\x1b]52;c;aGFja2Vk\x07", "clipboard"),
    ("\x1b]8;;https://evil.example/\x1b\\", "link"),
    ("\x1bP1$r0m\x1b\\", "dcs"),
    ("\x1bc", "reset"),
    ("\u{9b}2J", "c1csi"),
    ("\u{9d}0;title\u{9c}", "c1osc"),
    ("\x07", "bell"),
    ("\x08", "backspace"),
];

/// The hostile notebook: two days whose titles, topics, sections and bodies
/// hold escapes, C1 controls, an escape written as an HTML entity, bidi
/// overrides and zero-width characters.
pub fn hostile_notes() -> String {
    let p = |i: usize| format!("{}{}", PLANTED[i].0, PLANTED[i].1);
    let mut s = String::new();
    s.push_str(&format!("8.22: day {}\n", p(0)));
    s.push_str(&format!("    1.topic {} title\n", p(7)));
    s.push_str(&format!("        body {} text\n", p(1)));
    s.push_str(&format!("        move {} and {}\n", p(2), p(3)));
    s.push_str(&format!("        osc8 {}here\x1b]8;;\x1b\\ end\n", p(8)));
    s.push_str(&format!("        dcs {} end\n", p(9)));
    s.push_str(&format!("        c1 {} and {}\n", p(11), p(12)));
    s.push_str("        entity &#27;[31mentity and &#x1b;[2Jhex\n");
    s.push_str("        bidi \u{202e}desrever\u{202c} zero\u{200b}width\u{200d}join\u{feff}bom\n");
    s.push_str(&format!("        **section {}**：\n", p(4)));
    s.push_str(&format!("        - item {} and {}\n", p(13), p(14)));
    s.push_str(&format!("    2.second {} topic\n", p(5)));
    s.push_str(&format!("        query {} reset {}\n", p(6), p(10)));
    s.push_str("        ```\n");
    s.push_str(&format!("        code {} block\n", p(0)));
    s.push_str("        ```\n");
    s.push_str(&format!("8.23: {} title\n", p(11)));
    s.push_str(&format!("    1.plain \u{202e}txet topic {}\n", p(1)));
    s.push_str("        fine text\n");
    s
}

#[test]
fn fixture_matches_generator() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE);
    let want = hostile_notes();
    if std::env::var_os("DAYNOTES_BLESS").is_some() {
        std::fs::write(&path, &want).expect("write the fixture");
    }
    let have = std::fs::read_to_string(&path).expect("read the fixture");
    assert!(
        have == want,
        "{FIXTURE} is stale: rerun with DAYNOTES_BLESS=1"
    );
}

/// The CSI sequences a ratatui frame is made of: cursor moves, styles,
/// clears, and the modes set and reset at start and exit (the alternate
/// screen, the cursor, the mouse, the keyboard protocol, and the
/// synchronized update around each frame).
fn is_frame_sequence(body: &str) -> bool {
    const MODES: &[&str] = &[
        "?1049", "?25", "?1000", "?1002", "?1003", "?1006", "?1015", "?2026",
    ];
    let (params, last) = body.split_at(body.len().saturating_sub(1));
    match last {
        "H" | "m" | "J" | "K" => params.bytes().all(|b| b.is_ascii_digit() || b == b';'),
        "h" | "l" => MODES.contains(&params),
        // The kitty keyboard protocol: pushed at start, popped at exit.
        "u" => params == ">1" || params == "<1",
        _ => false,
    }
}

#[test]
fn hostile_file_reaches_the_terminal_only_as_placeholders() {
    let mut term = Term::start(&[FIXTURE], 100, 30);
    term.wait_for("␛[2Jwipe");
    let screen = term.go_to_first_day("8.22");
    // The first day is shown: its escapes are visible, as placeholders.
    for shown in [
        "␛[31mred",
        "␛]52;c;aGFja2Vk␇clipboard",
        "<U+009B>2Jc1csi",
        "<U+202E>desrever",
        "zero<U+200B>width",
        // The markdown entity `&#27;` decodes to ESC: shown as a placeholder.
        "entity ␛[31mentity",
    ] {
        assert!(screen.contains(shown), "{shown:?} not shown in\n{screen}");
    }
    // Visit every row of the outline so every title and body is drawn.
    for _ in 0..12 {
        term.send("j");
    }
    term.wait_for("8.23");
    term.send("q");
    let status = term.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    assert_restored(&term);

    let raw = term.raw();
    let text = String::from_utf8_lossy(&raw);
    for seq in sequences(&raw) {
        match seq {
            Seq::Csi(body) => assert!(is_frame_sequence(&body), "CSI {body:?} written"),
            Seq::Other(b) => panic!("ESC {:?} written", b as char),
        }
    }
    let c1: Vec<char> = text
        .chars()
        .filter(|c| ('\u{80}'..='\u{9f}').contains(c))
        .collect();
    assert!(c1.is_empty(), "C1 controls written: {c1:?}");
    for (escape, word) in PLANTED {
        let planted = format!("{escape}{word}");
        assert!(
            !contains(&raw, planted.as_bytes()),
            "the file's {escape:?} reached the terminal"
        );
    }
    for c in [
        '\u{202e}', '\u{200b}', '\u{200d}', '\u{feff}', '\x07', '\x08',
    ] {
        assert!(!text.contains(c), "{c:?} written");
    }
}
