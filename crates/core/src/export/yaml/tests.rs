//! The YAML export held to serde_yaml's, byte for byte.

use super::*;

/// What serde_yaml writes for `s` as a value at `at` spaces: the
/// value of the key `k` in a mapping nested so deep.
fn serde(s: &str, at: usize) -> String {
    // A mapping nested at `at - 2` spaces holds the key.
    let mut value = serde_yaml::Value::String(s.to_string());
    for _ in 0..(at - 2) / 2 {
        let mut m = serde_yaml::Mapping::new();
        m.insert("k".into(), value);
        value = serde_yaml::Value::Mapping(m);
    }
    let mut m = serde_yaml::Mapping::new();
    m.insert("k".into(), value);
    let text = serde_yaml::to_string(&m).unwrap();
    // The text after the innermost `k: `.
    let key = format!("{}k: ", " ".repeat(at - 2));
    let at_key = text.rfind(&key).map_or(0, |i| i + key.len());
    text[at_key..].to_string()
}

fn ours(s: &str, at: usize) -> String {
    let mut out = String::new();
    scalar_line(&mut out, s, at);
    out
}

/// Every notes file of the fixtures, the bundled notes, generated
/// notes (plain and markdown), a folder of daily notes, and a text of
/// every odd line: the hand-written YAML and JSON are serde's, byte for
/// byte.
#[test]
fn the_export_is_serde_s_byte_for_byte() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let mut books = vec![
        crate::load::from_text("study-notes.txt", crate::SAMPLE.into()),
        crate::load::from_text("gen.txt", crate::generate::notes(300_000, 4)),
        crate::load::from_text("gen.md", crate::generate::markdown_notes(300_000, 4)),
        crate::load::load(&root.join("daily")).unwrap(),
        crate::load::from_text(
            "odd.txt",
            "lead: text\n  x\n2024\n8.22: null\n    1.true\n        a\tb\n        ---\n\
             \n        'q' \n    2. 007\n        \u{2028}x\n8.23\n    1.é : é\n13.45:\n"
                .into(),
        ),
    ];
    for dir in ["dialects", "."] {
        for e in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = e.unwrap().path();
            if path.is_file() {
                books.push(crate::load::load(&path).unwrap());
            }
        }
    }
    for nb in &books {
        let name = &nb.sources[0].path;
        let mut yaml = Vec::new();
        write(nb, &mut yaml).unwrap();
        let expected = serde_yaml::to_string(&super::super::Streamed(nb)).unwrap();
        assert_eq!(String::from_utf8(yaml).unwrap(), expected, "{name}");
        let mut json = Vec::new();
        super::super::json::write(nb, &mut json).unwrap();
        let mut expected = serde_json::to_string_pretty(&super::super::Streamed(nb)).unwrap();
        expected.push('\n');
        assert_eq!(String::from_utf8(json).unwrap(), expected, "{name}");
    }
}

#[test]
fn strings_are_written_as_serde_yaml_writes_them() {
    let cases = [
        "",
        "plain",
        "tcp握手",
        "null",
        "Null",
        "~",
        "true",
        "FALSE",
        "yes",
        "12",
        "-12",
        "+12",
        "007",
        "-0",
        "0x1F",
        "0o17",
        "0b101",
        "-0x1F",
        "0xZZ",
        "1.5",
        "1e3",
        "1e999",
        ".inf",
        "-.Inf",
        ".nan",
        "inf",
        "NaN",
        "1_000",
        "1.",
        ".5",
        "+.5",
        "++1",
        "--1",
        "1. 高可用架构",
        "8.22",
        "2024-01-02",
        " lead",
        "trail ",
        "a: b",
        "a:b",
        "a #c",
        "a#c",
        "#c",
        "- item",
        "-item",
        "? q",
        ":x",
        "---",
        "...x",
        "[x]",
        "{x}",
        "x, y",
        "'q'",
        "\"q\"",
        "it's",
        "a\tb",
        "a\rb",
        "bell\x07",
        "esc\x1b[31m",
        "del\x7f",
        "c1\u{85}x",
        "nbsp\u{A0}x",
        "bom\u{FEFF}",
        "\u{FFFE}",
        "ls\u{2028}x",
        "ps\u{2029}",
        "emoji😀",
        "a\nb",
        "a\n\nb",
        "a\n",
        "a\n\n",
        "\n",
        "\n\n",
        "\nlead",
        "\nlead\nand more",
        "\n\nlead\nx\n",
        "body\nends blank\n",
        "body\nends\n\n\n",
        "\n## heading\n- item\n\n",
        "\n  indented first\nx",
        "\nx\n  indented last",
        "  indented\nline",
        "a \nb",
        "a\n b",
        "a\n\tb",
        "tab\n\tin",
        "x\n\u{2028}",
        "line\r\nend",
        "back\\slash",
        "q\"uote\nx",
        "% a",
        "@at",
        "`tick",
        "!bang",
        "&amp",
        "*star",
        "|pipe",
        ">gt",
        "a\u{2028}b c",
        "'\u{2028}",
        "é",
        "Ｆｕｌｌ",
    ];
    for s in cases {
        for at in [2, 4, 6] {
            assert_eq!(ours(s, at), serde(s, at), "{s:?} at {at}");
        }
    }
}
