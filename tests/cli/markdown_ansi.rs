//! `daynotes show` output: rendered notes as ANSI text. Only daynotes' own
//! SGR sequences may reach the terminal, whatever the notes contain.

use daynotes::ansi::to_ansi;
use daynotes_view::markdown::render;
use daynotes_view::theme::Theme;

const HOSTILE: &str = concat!(
    "**title** \x1b[2J\x1b]0;pwned\x07 \u{9b}31m \u{9d}8;;http://x\u{9c}\n",
    "- &#27;[5m &#x9b;1m &#x1b;]52;c;aGk=&#7; \u{202e}txt\u{202c}\n",
    "```\n\x1bP+q\x1b\\ \u{200b}\n```\n",
);

/// Every ESC in `out` starts an SGR sequence: `ESC [` digits and `;`, `m`.
fn only_sgr(out: &str) -> bool {
    let mut rest = out;
    while let Some(i) = rest.find('\x1b') {
        let after = &rest[i + 1..];
        let Some(body) = after.strip_prefix('[') else {
            return false;
        };
        let Some(end) = body.find('m') else {
            return false;
        };
        if !body[..end].bytes().all(|b| b.is_ascii_digit() || b == b';') {
            return false;
        }
        rest = &body[end + 1..];
    }
    true
}

#[test]
fn only_our_sgr_reaches_the_terminal() {
    for width in [1u16, 20, 80] {
        let r = render(HOSTILE, width, &Theme::dark().md);
        let coloured = to_ansi(&r.lines, true);
        assert!(only_sgr(&coloured), "{coloured:?}");
        if width >= 20 {
            assert!(coloured.contains("\x1b[1mtitle"), "the bold word is bold");
        }
        let plain = to_ansi(&r.lines, false);
        assert!(!plain.contains('\x1b'), "{plain:?}");
        assert!(
            !plain.chars().any(|c| c.is_control() && c != '\n'),
            "{plain:?}"
        );
    }
}

#[test]
fn plain_output_is_the_rows() {
    let r = render(
        "**第一次握手（SYN）**：\n- 客户端发送SYN包",
        40,
        &Theme::dark().md,
    );
    assert_eq!(
        to_ansi(&r.lines, false),
        "第一次握手（SYN）：\n• 客户端发送SYN包\n"
    );
}
