//! No byte of a notes file reaches the terminal as a control: escape
//! sequences, C1 controls and bidi overrides in titles and bodies come out as
//! visible placeholders, and with colour on the only escapes are our own
//! `ESC [ … m` styles. Colour follows `--color` and `NO_COLOR`, checked on a
//! real pseudo-terminal.

use std::io::Read;
use std::path::Path;

use crate::common;

use crate::common::daynotes_in as daynotes;

/// A notes file whose titles and bodies try to drive the terminal.
const HOSTILE: &str = "8.22：恶意\x1b[31m标题\u{202e}反转\n\
    \x20   1.tcp\x1b]0;pwned\x07握手\u{9b}2J\n\
    \x20       正文 \x1b[2J 清屏 \u{2067}隔离\u{2069} \u{85}下一行\n\
    \x20       \n\
    \x20       **第一次\x1b[1m握手**：\n\
    \x20       - 项目 \x07 响铃 \x7f\n\
    \x20       ```\n\
    \x20       code \x1b[5m blink \u{200f}\n\
    \x20       ```\n\
    \x20   2.第二\u{202d}题\n\
    13.45:\x1b[41m\n";

fn hostile_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("hostile.txt"), HOSTILE).unwrap();
    dir
}

/// Stdout and stderr of a run, whatever its status.
fn run(dir: &Path, args: &[&str]) -> (String, String) {
    let out = daynotes(dir, args).output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Characters that must never be printed as themselves.
fn is_forbidden(c: char) -> bool {
    matches!(c,
        '\0'..='\x08' | '\x0b'..='\x1f' | '\x7f' | '\u{80}'..='\u{9f}'
        | '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}')
}

#[track_caller]
fn assert_inert(what: &str, text: &str) {
    if let Some((i, c)) = text.char_indices().find(|(_, c)| is_forbidden(*c)) {
        panic!("{what}: {c:?} at byte {i} in {text:?}");
    }
}

/// `text` with every `ESC [ digits/; m` removed; panics on any other escape.
#[track_caller]
fn strip_sgr(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find('\x1b') {
        out.push_str(&rest[..i]);
        let seq = &rest[i + 1..];
        let params = seq
            .strip_prefix('[')
            .unwrap_or_else(|| panic!("bare ESC in {text:?}"));
        let end = params
            .find(|c: char| !(c.is_ascii_digit() || c == ';'))
            .unwrap_or_else(|| panic!("unterminated escape in {text:?}"));
        assert_eq!(&params[end..end + 1], "m", "not a style: {seq:?}");
        rest = &params[end + 1..];
    }
    out.push_str(rest);
    out
}

const COMMANDS: [&[&str]; 4] = [
    &["list", "hostile.txt"],
    &["show", "8.22", "hostile.txt"],
    &["show", "8.22/1", "hostile.txt"],
    &["check", "hostile.txt"],
];

#[test]
fn plain_output_holds_no_control() {
    let dir = hostile_dir();
    for args in COMMANDS {
        let mut args = args.to_vec();
        args.extend(["--color", "never"]);
        let (stdout, stderr) = run(dir.path(), &args);
        assert!(!stdout.is_empty(), "{args:?} printed nothing");
        assert_inert(&format!("{args:?} stdout"), &stdout);
        assert_inert(&format!("{args:?} stderr"), &stderr);
    }
    let (list, _) = run(dir.path(), &["list", "hostile.txt", "--color", "never"]);
    assert!(list.contains("恶意␛[31m标题<U+202E>反转"), "{list}");
    assert!(list.contains("tcp␛]0;pwned␇握手<U+009B>2J"), "{list}");
}

#[test]
fn coloured_output_has_only_our_styles() {
    let dir = hostile_dir();
    for args in COMMANDS {
        let mut plain = args.to_vec();
        plain.extend(["--color", "never"]);
        let mut styled = args.to_vec();
        styled.extend(["--color", "always"]);
        let (styled, stderr) = run(dir.path(), &styled);
        assert_inert(&format!("{args:?} stderr"), &stderr);
        let stripped = strip_sgr(&styled);
        assert_inert(&format!("{args:?} stdout"), &stripped);
        // The file's own `ESC[31m` would pass as a style; it must instead
        // show as a placeholder, exactly as in the plain output.
        assert_eq!(stripped, run(dir.path(), &plain).0, "{args:?}");
    }
}

#[test]
fn an_error_about_a_hostile_argument_is_inert() {
    let dir = hostile_dir();
    let (stdout, stderr) = run(dir.path(), &["show", "8.2\x1b[2J5", "hostile.txt"]);
    assert!(stdout.is_empty());
    assert!(stderr.starts_with("daynotes: error: "), "{stderr}");
    assert_inert("stderr", &stderr);
}

#[test]
fn export_keeps_the_raw_text_escaped() {
    let dir = hostile_dir();
    let (json, _) = run(dir.path(), &["export", "--format", "json", "hostile.txt"]);
    let (yaml, _) = run(dir.path(), &["export", "--format", "yaml", "hostile.txt"]);
    assert!(!json.contains('\x1b') && !yaml.contains('\x1b'));
    let from_json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let from_yaml: serde_json::Value = serde_yaml::from_str(&yaml).unwrap();
    assert_eq!(from_json, from_yaml);
    let topic = &from_json["days"][0]["topics"][0];
    assert!(
        topic["title"]
            .as_str()
            .unwrap()
            .contains("tcp\x1b]0;pwned\x07握手\u{9b}2J")
    );
    assert!(
        topic["body"]
            .as_str()
            .unwrap()
            .starts_with("正文 \x1b[2J 清屏 \u{2067}隔离\u{2069} \u{85}下一行\n")
    );
}

/// Runs the binary on a pseudo-terminal and returns everything it wrote.
fn on_terminal(args: &[&str], no_color: Option<&str>) -> String {
    use portable_pty::{PtySize, native_pty_system};
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let home = common::Home::new();
    let mut cmd = home.pty_command(common::BIN);
    cmd.args(args);
    cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    if let Some(v) = no_color {
        cmd.env("NO_COLOR", v);
    }
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    // The read fails (EIO) rather than returning 0 once the child has gone.
    while let Ok(n @ 1..) = reader.read(&mut buf) {
        out.extend_from_slice(&buf[..n]);
    }
    assert!(child.wait().unwrap().success());
    String::from_utf8(out).unwrap()
}

#[test]
fn no_color_turns_styles_off_on_a_terminal() {
    let args = ["show", "8.22", "notes/study-notes.txt"];
    let styled = on_terminal(&args, None);
    assert!(styled.contains("\x1b["), "{styled:?}");
    assert!(on_terminal(&args, Some("")).contains("\x1b["));
    let plain = on_terminal(&args, Some("1"));
    assert!(plain.contains("tcp握手"), "{plain:?}");
    assert!(!plain.contains('\x1b'), "{plain:?}");
}

/// Notes hiding text in characters that draw nothing: Unicode tag
/// characters (which can spell out a whole hidden sentence), the combining
/// grapheme joiner, Hangul fillers, musical formatting, a stray joiner and
/// variation selector; beside emoji that use a joiner and a selector as
/// they are meant to be used.
const INVISIBLE: &str = "8.22：标题\u{E0068}\u{E0069}\u{E0064}\u{E0065}\n\
    \x20   1.a\u{034F}b\u{3164}c\n\
    \x20       \u{115F}d\u{1D173}e\u{FFA0}f\u{180B}g\u{E0001}h\u{1BCA0}i\u{E0100}j\n\
    \x20       lone a\u{200D}b and a\u{FE0F}\n\
    \x20       emoji ❤️ 👨‍👩‍👧 🏳️‍🌈 👩🏽‍💻 1️⃣ ☺︎\n";

#[test]
fn invisible_characters_are_shown_as_placeholders_but_emoji_keep_theirs() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("inv.txt"), INVISIBLE).unwrap();
    let (list, _) = run(dir.path(), &["list", "inv.txt", "--color", "never"]);
    assert!(
        list.contains("8.22 标题<U+E0068><U+E0069><U+E0064><U+E0065>"),
        "{list}"
    );
    assert!(list.contains("1. a<U+034F>b<U+3164>c"), "{list}");
    for color in ["never", "always"] {
        let (show, _) = run(dir.path(), &["show", "8.22", "inv.txt", "--color", color]);
        let show = strip_sgr(&show);
        for hidden in [
            "<U+115F>d",
            "<U+1D173>e",
            "<U+FFA0>f",
            "<U+180B>g",
            "<U+E0001>h",
            "<U+1BCA0>i",
            "<U+E0100>j",
            "a<U+200D>b",
            "a<U+FE0F>",
        ] {
            assert!(show.contains(hidden), "{color}: {hidden} in {show}");
        }
        for emoji in ["❤️", "👨‍👩‍👧", "🏳️‍🌈", "👩🏽‍💻", "1️⃣", "☺︎"]
        {
            assert!(show.contains(emoji), "{color}: {emoji} in {show}");
        }
    }
    let (search, _) = run(dir.path(), &["search", "lone", "inv.txt"]);
    assert!(search.contains("a<U+200D>b"), "{search}");
}
