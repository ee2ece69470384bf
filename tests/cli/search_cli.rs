//! `daynotes search` on the bundled notes, checked as a user would: the
//! exact lines and places for known words, counts against a plain count of
//! the file's lines, grep's exit status, JSON, colour and control
//! characters.

use crate::common::daynotes;

const SEED: &str = "notes/study-notes.txt";

/// Stdout and the exit code.
fn run(args: &[&str]) -> (String, i32) {
    let out = daynotes(args).output().expect("run daynotes");
    let code = out.status.code().expect("an exit code");
    (String::from_utf8(out.stdout).expect("UTF-8 output"), code)
}

fn seed_text() -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED))
        .expect("read the seed")
}

/// The number of lines holding `word`, counted independently of daynotes:
/// `str::contains` on each line, lowercased on both sides when the word is
/// all lowercase.
fn plain_count(text: &str, word: &str) -> usize {
    let smart = !word.chars().any(char::is_uppercase);
    text.lines()
        .filter(|l| {
            if smart {
                l.to_lowercase().contains(&word.to_lowercase())
            } else {
                l.contains(word)
            }
        })
        .count()
}

#[test]
fn sse_is_in_8_23_topic_2() {
    let (out, code) = run(&["search", "SSE", SEED, "--color", "never"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "8.23 › 2.服务器发送事件SSE:115: 2.服务器发送事件SSE\n\
         8.23 › 2.服务器发送事件SSE:116: SSE（Server-Sent Events）是HTML5标准，用于服务器向客户端推送数据：\n\
         8.23 › 2.服务器发送事件SSE › 与其他技术对比:128: | SSE  |    单向  | HTTP  | 简单 | 好 |\n"
    );
}

#[test]
fn handshake_is_in_8_22_topic_1() {
    let (out, code) = run(&["search", "握手", SEED, "--color", "never"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "8.22 › 1.tcp握手:2: 1.tcp握手\n\
         8.22 › 1.tcp握手:3: TCP三次握手是建立可靠连接的机制：\n\
         8.22 › 1.tcp握手 › 第一次握手（SYN）:5: **第一次握手（SYN）**：\n\
         8.22 › 1.tcp握手 › 第二次握手（SYN+ACK）:9: **第二次握手（SYN+ACK）**：\n\
         8.22 › 1.tcp握手 › 第三次握手（ACK）:14: **第三次握手（ACK）**：\n\
         8.22 › 1.tcp握手 › 为什么需要三次握手？:19: **为什么需要三次握手？**\n"
    );
}

#[test]
fn counts_agree_with_a_plain_count_of_lines() {
    let text = seed_text();
    for word in [
        "sse",
        "SSE",
        "握手",
        "http",
        "HTTP",
        "服务器",
        "- ",
        "：",
        "数据库",
    ] {
        let expected = plain_count(&text, word);
        // `--` lets a word start with `-`.
        let (out, code) = run(&["search", "--count", "--", word, SEED]);
        assert_eq!(out.trim(), expected.to_string(), "--count {word:?}");
        assert_eq!(code, i32::from(expected == 0), "status for {word:?}");
        // The full listing has one line per matching line.
        let (listing, _) = run(&["search", "--color", "never", "--", word, SEED]);
        assert_eq!(listing.lines().count(), expected, "listing {word:?}");
    }
}

#[test]
fn nothing_found_is_status_1_and_a_bad_regex_is_2() {
    let (out, code) = run(&["search", "no such words here", SEED]);
    assert_eq!((out.as_str(), code), ("", 1));
    let (out, code) = run(&["search", "--count", "no such words here", SEED]);
    assert_eq!((out.as_str(), code), ("0\n", 1));
    let out = daynotes(&["search", "--regex", "(", SEED])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("daynotes: error: invalid regex"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn regex_and_case_options() {
    let (out, _) = run(&["search", "--regex", r"seq=\w+", SEED, "--color", "never"]);
    let lines: Vec<&str> = out.lines().map(|l| l.split(':').nth(1).unwrap()).collect();
    assert_eq!(lines, ["6", "11", "15"]);
    let (insensitive, _) = run(&["search", "--count", "http", SEED]);
    let (sensitive, _) = run(&["search", "--count", "--case-sensitive", "http", SEED]);
    assert_eq!(
        insensitive.trim(),
        plain_count(&seed_text(), "http").to_string()
    );
    let exact = seed_text().lines().filter(|l| l.contains("http")).count();
    assert_eq!(sensitive.trim(), exact.to_string());
    assert_ne!(insensitive, sensitive);
}

#[test]
fn json_lists_each_hit_with_its_place() {
    let (out, code) = run(&["search", "--json", "单向通信", SEED]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["count"], 1);
    let hit = &v["hits"][0];
    assert_eq!(hit["line"], 119);
    assert_eq!(hit["day"], "8.23");
    assert_eq!(hit["topic"], 2);
    assert_eq!(
        hit["place"],
        serde_json::json!(["8.23", "2.服务器发送事件SSE", "特点"])
    );
    let text = hit["text"].as_str().unwrap();
    let [start, end] = [0, 1].map(|i| hit["matches"][0][i].as_u64().unwrap() as usize);
    assert_eq!(&text[start..end], "单向通信");
    let (out, _) = run(&["search", "--json", "--count", "sse", SEED]);
    assert_eq!(out, "{\"query\":\"sse\",\"count\":3}\n");
}

#[test]
fn colour_marks_the_matches_only_when_asked() {
    let (plain, _) = run(&["search", "SSE", SEED]);
    assert!(!plain.contains('\x1b'), "no colour into a pipe");
    let (coloured, _) = run(&["search", "SSE", SEED, "--color", "always"]);
    assert!(coloured.contains('\x1b'));
    // each match sits in its own styled run: SGR, the word, then a change
    assert!(coloured.contains("mSSE\x1b["), "{coloured:?}");
    let out = daynotes(&["search", "SSE", SEED])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!out.stdout.contains(&0x1b));
}

#[test]
fn control_characters_are_shown_not_obeyed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("evil.txt");
    std::fs::write(
        &path,
        "8.22:\n    1.t\x1b]0;title\x07\n        bad \x1b[2J here\n",
    )
    .unwrap();
    let path = path.to_str().unwrap();
    let (out, code) = run(&["search", "bad", path, "--color", "always"]);
    assert_eq!(code, 0);
    assert!(out.contains("␛[2J"), "{out:?}");
    assert!(!out.contains("\x1b[2J") && !out.contains('\x07'), "{out:?}");
    // the topic title in the place is made safe too
    assert!(out.contains("1.t␛]0;title␇"), "{out:?}");
}

#[test]
fn count_reads_other_encodings_the_ordinary_way() {
    // UTF-16 is decoded by the loader: --count gives the same answer.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("utf16.txt");
    let text = "8.22:\n    1.SSE 握手\n        sse\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&path, bytes).unwrap();
    let (out, code) = run(&["search", "--count", "sse", path.to_str().unwrap()]);
    assert_eq!((out.trim(), code), ("2", 0));
}

#[test]
fn a_folder_s_lines_name_their_file_once() {
    // With several files each line names its file before its number; a
    // line outside every day is placed by its file, named once.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        "# TCP notes\n\n## 2024-01-02\n### TCP\nhandshake\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.md"),
        "## 2024-01-03\n### UDP\nno tcp here\n",
    )
    .unwrap();
    let (out, code) = run(&["search", "tcp", dir.path().to_str().unwrap()]);
    let a = dir.path().join("a.md");
    let b = dir.path().join("b.md");
    let (a, b) = (a.display(), b.display());
    assert_eq!(code, 0);
    assert_eq!(
        out,
        format!(
            "{a}:1: # TCP notes\n2024-01-02 › TCP:{a}:4: ### TCP\n2024-01-03 › UDP:{b}:3: no tcp here\n"
        )
    );
}
