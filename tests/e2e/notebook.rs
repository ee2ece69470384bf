//! Links, tags and tasks in the real program: `f` and a number follow a
//! link, Ctrl-O comes back, Enter follows a topic's one link, `#` narrows
//! the outline to a tag and Esc clears it, `T` lists the open tasks; on a
//! folder of daily notes and on notes of the seed's plain shape.

use crate::harness::{Term, status};

const FOLDER: &str = "tests/fixtures/notebook";
const PLAIN: &str = "tests/fixtures/notebook-plain.txt";

#[test]
fn a_numbered_link_is_followed_and_ctrl_o_comes_back() {
    let mut term = Term::start(&[FOLDER], 100, 30);
    // The tags in the outline say the index has come.
    term.wait_for("2024-01-05 Fri (2) #net");
    term.send("j");
    term.wait_until("the topic's backlinks", |s| {
        s.contains("← 2024-01-08 › Ports")
    });
    term.send("f");
    let screen = term.wait_for("[1]");
    assert!(
        status(&screen).contains("2 links: type a number"),
        "{screen}"
    );
    term.send("1");
    term.wait_until("the page that links here", |s| {
        status(s).contains("→ 2024-01-08 Mon › Ports #net/tcp")
    });
    // Its first link goes back to the topic, by date and heading.
    term.send("f");
    term.wait_for("[1]");
    term.send("1");
    term.wait_until("the linked topic", |s| {
        status(s).contains("→ 2024-01-05 Fri › Congestion control")
    });
    term.send("\x0f");
    term.wait_until("back through the history", |s| {
        status(s).contains("history: 1 back, 1 forward") && s.contains("┌ Ports #net/tcp")
    });
    // A URL is copied and shown, not opened.
    term.send("f");
    term.wait_for("[4]");
    term.send("4");
    term.wait_until("the URL shown", |s| {
        status(s).contains("copied https://www.rfc-editor.org/rfc/rfc9293 — F")
    });
    term.send("q");
    assert!(term.wait_exit().success());
}

#[test]
fn a_tag_narrows_the_outline_and_esc_clears_it() {
    let mut term = Term::start(&[FOLDER], 100, 30);
    term.wait_for("#net/tcp");
    term.send("#");
    term.wait_for("Tags — type to narrow");
    term.send("exam\r");
    let screen = term.wait_until("the outline narrowed", |s| {
        status(s).contains("#exam: 1 day, 1 topic — Esc clears")
    });
    assert!(
        !screen.contains("│    Lunch") && !screen.contains("│▾ 2024-01-08"),
        "{screen}"
    );
    term.send("\x1b");
    let screen = term.wait_until("the whole outline", |s| {
        status(s).contains("tag filter cleared")
    });
    assert!(
        screen.contains("│    Lunch") && screen.contains("│▾ 2024-01-08"),
        "{screen}"
    );
    term.send("q");
    assert!(term.wait_exit().success());
}

#[test]
fn the_task_list_goes_to_a_task() {
    let mut term = Term::start(&[FOLDER], 100, 30);
    term.wait_for("#net/tcp");
    term.send("T");
    term.wait_for("Open tasks (2)");
    term.send("j\r");
    let screen = term.wait_until("the task's topic", |s| {
        status(s).contains("☐ list the well-known ports")
    });
    assert!(screen.contains("┌ Ports #net/tcp"), "{screen}");
    assert!(!screen.contains("[ ]"), "{screen}");
    term.send("q");
    assert!(term.wait_exit().success());
}

#[test]
fn plain_notes_link_by_their_dates_and_enter_follows_a_topic_of_one_link() {
    let mut term = Term::start(&[PLAIN], 100, 30);
    term.wait_for("1. tcp握手 #net");
    term.go_to_first_day("8.22");
    // 8.23: its first link is [[8.22]].
    term.send("]");
    term.wait_until("8.23", |s| status(s).starts_with(" 8.23"));
    term.send("f");
    term.wait_for("[1]");
    term.send("1");
    term.wait_until("8.22", |s| status(s).contains("→ 8.22 (Ctrl-o goes back)"));
    // The last topic, 8.24 › 2.回顾, holds one link: Enter follows it.
    term.send("G\r");
    term.wait_until("its one link followed", |s| {
        status(s).contains("→ 8.22 (Ctrl-o")
    });
    // The help lists the new keys.
    term.send("?");
    term.wait_for("Keys");
    term.send("/links\r");
    let help = term.wait_for("number the links in view");
    assert!(help.contains("Browsing: links, tags, tasks"), "{help}");
    term.send("\x1b");
    term.wait_gone("number the links in view");
    term.send("q");
    assert!(term.wait_exit().success());
}
