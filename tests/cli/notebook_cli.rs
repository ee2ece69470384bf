//! Links, tags, math and tasks on the command line, on a folder of daily
//! notes (`tests/fixtures/notebook/`) and on notes of the seed's plain
//! shape (`tests/fixtures/notebook-plain.txt`).

use crate::common::daynotes;

const FOLDER: &str = "tests/fixtures/notebook";
const PLAIN: &str = "tests/fixtures/notebook-plain.txt";

/// Stdout of a run that must succeed (or, with `code`, end so).
fn out(args: &[&str], code: i32) -> String {
    let mut all = vec!["--color", "never"];
    all.extend_from_slice(args);
    let o = daynotes(&all).output().unwrap();
    assert_eq!(
        o.status.code(),
        Some(code),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn links_list_where_each_goes_in_a_folder() {
    let text = out(&["links", FOLDER], 0);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [
            "tests/fixtures/notebook/2024-01-08.md:2: 2024-01-08 › Ports #net/tcp: [[2024-01-05#Congestion control]] → 2024-01-05 › Congestion control",
            "tests/fixtures/notebook/2024-01-08.md:2: 2024-01-08 › Ports #net/tcp: [[2024-01-05]] → 2024-01-05",
            "tests/fixtures/notebook/2024-01-08.md:3: 2024-01-08 › Ports #net/tcp: [the handshake](2024-01-09.md#TCP%20handshake) → 2024-01-09 › TCP handshake",
            "tests/fixtures/notebook/2024-01-08.md:3: 2024-01-08 › Ports #net/tcp: https://www.rfc-editor.org/rfc/rfc9293 → https://www.rfc-editor.org/rfc/rfc9293",
            "tests/fixtures/notebook/2024-01-08.md:10: 2024-01-08 › Loose ends: [[Nowhere at all]] → broken: no day, title or file named \"Nowhere at all\"",
        ]
    );
    let json: serde_json::Value =
        serde_json::from_str(&out(&["links", "--json", FOLDER], 0)).unwrap();
    let links = json.as_array().unwrap();
    assert_eq!(links.len(), 5);
    assert_eq!(
        links[0]["to"],
        serde_json::json!(["2024-01-05", "Congestion control"])
    );
    assert_eq!(links[3]["url"], "https://www.rfc-editor.org/rfc/rfc9293");
    assert_eq!(links[4]["resolves"], false);
}

#[test]
fn links_in_plain_notes_name_days_like_the_headings() {
    let text = out(&["links", PLAIN], 0);
    assert!(
        text.contains("notebook-plain.txt:10: 8.23 › 1.拥塞控制 #net #exam: [[8.22]] → 8.22\n"),
        "{text}"
    );
    assert!(text.contains("[[tcp握手]] → 8.22 › 1.tcp握手\n"), "{text}");
    assert!(
        text.contains(":15: 8.23 › 2.资料: [[8.30]] → broken: no notes on 8.30\n"),
        "{text}"
    );
}

#[test]
fn check_warns_of_broken_links() {
    // [[Nowhere at all]] names a page not written yet: `links` says it is
    // not resolved, `check` has nothing to say of it.
    let text = out(&["check", FOLDER], 0);
    assert_eq!(text, "");
    let text = out(&["check", PLAIN], 1);
    assert!(
        text.contains("notebook-plain.txt:15: broken link [[8.30]]: no notes on 8.30"),
        "{text}"
    );
}

#[test]
fn show_prints_backlinks_and_unlinked_mentions() {
    let text = out(&["show", "2024-01-05", "--width", "70", FOLDER], 0);
    assert!(text.contains("\nLinked from\n  2024-01-05 ← 2024-01-08 › Ports #net/tcp  tests/fixtures/notebook/2024-01-08.md:2\n"), "{text}");
    assert!(
        text.contains("  Congestion control ← 2024-01-08 › Ports #net/tcp"),
        "{text}"
    );
    assert!(
        text.contains(
            "\nMentioned in (no link)\n  Congestion control · 2024-01-09 › TCP handshake"
        ),
        "{text}"
    );
    let text = out(&["show", "8.22/1", PLAIN], 0);
    assert!(
        text.contains(
            "  1.tcp握手 ← 8.23 › 1.拥塞控制 #net #exam  tests/fixtures/notebook-plain.txt:10"
        ),
        "{text}"
    );
    assert!(text.contains("  1.tcp握手 · 8.24 › 1.复习"), "{text}");
}

#[test]
fn tags_with_counts_and_the_filters_of_each_command() {
    assert_eq!(out(&["tags", PLAIN], 0), "2  #net\n1  #exam\n");
    assert_eq!(
        out(&["tags", FOLDER], 0),
        "1  #exam\n1  #net\n1  #net/tcp\n"
    );
    // net: the day tagged in its front matter, and the nested #net/tcp.
    let list = out(&["list", "--depth", "2", "--tag", "net", FOLDER], 0);
    assert!(
        list.contains("2024-01-05  (2 topics)") && list.contains("Ports #net/tcp"),
        "{list}"
    );
    assert!(!list.contains("2024-01-09"), "{list}");
    // Both must hold.
    let list = out(&["list", "--tag", "#net", "--tag", "exam", PLAIN], 0);
    assert_eq!(list, "8.23  (1 topic)  :8\n  1. 拥塞控制 #net #exam  :9\n");
    let hits = out(&["search", "--tag", "exam", "the", FOLDER], 0);
    assert!(hits.lines().all(|l| l.starts_with("2024-01-05")), "{hits}");
    assert_eq!(
        out(&["search", "--tag", "exam", "--count", "the", FOLDER], 0).trim(),
        "2"
    );
    let json: serde_json::Value = serde_json::from_str(&out(
        &["export", "--format", "json", "--tag", "exam", PLAIN],
        0,
    ))
    .unwrap();
    assert_eq!(json["days"].as_array().unwrap().len(), 1);
    let cards = out(&["review", "--list", "--tag", "exam", PLAIN], 0);
    assert!(
        cards.contains("拥塞控制") && !cards.contains("tcp握手"),
        "{cards}"
    );
    // A tag no note carries is an error naming those there are.
    let o = daynotes(&["list", "--tag", "nosuch", FOLDER])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "daynotes: error: no day or topic is tagged #nosuch; tags: #exam #net #net/tcp\n"
    );
}

#[test]
fn tasks_oldest_first_with_day_and_line() {
    assert_eq!(
        out(&["tasks", FOLDER], 0),
        "tests/fixtures/notebook/2024-01-05.md:6: ☐ work the $\\frac{a}{b}$ exercise  (2024-01-05 › Congestion control)\n\
         tests/fixtures/notebook/2024-01-08.md:4: ☐ list the well-known ports  (2024-01-08 › Ports #net/tcp)\n"
    );
    let all = out(&["tasks", "--all", PLAIN], 0);
    assert_eq!(
        all,
        "tests/fixtures/notebook-plain.txt:4: ☐ 画出状态图  (8.22 › 1.tcp握手)\n\
         tests/fixtures/notebook-plain.txt:5: ☑ 记住 SYN 和 ACK  (8.22 › 1.tcp握手)\n\
         tests/fixtures/notebook-plain.txt:19: ☐ 复习拥塞控制  (8.24 › 1.复习)\n"
    );
    let json: serde_json::Value =
        serde_json::from_str(&out(&["tasks", "--json", PLAIN], 0)).unwrap();
    assert_eq!(json[0]["day"], "8.22");
    assert_eq!(json[0]["line"], 4);
    assert_eq!(json[0]["done"], false);
}

#[test]
fn show_draws_boxes_math_and_callouts_never_brackets() {
    let text = out(&["show", "8.22", "--width", "60", PLAIN], 0);
    assert!(
        text.contains("  ☐ 画出状态图\n  ☑ 记住 SYN 和 ACK\n"),
        "{text}"
    );
    assert!(text.contains("窗口最大 2¹⁶ 字节，β₁ ≤ π"), "{text}");
    assert!(!text.contains("[ ]") && !text.contains("[x]"), "{text}");
    let text = out(&["show", "8.23/1", "--width", "40", PLAIN], 0);
    assert!(text.contains("╭─ Note · 慢启动"), "{text}");
    assert!(text.contains("│ 每个往返翻倍"), "{text}");
    let text = out(&["show", "2024-01-09", "--width", "40", FOLDER], 0);
    assert!(
        text.contains("       a\n") && text.contains("x = ───") && text.contains("       b\n"),
        "{text}"
    );
}
