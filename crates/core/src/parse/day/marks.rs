//! The line starts, other than list markers and numbers, that people use
//! for the items of a day: a symbol, dashes run into the text, a circled
//! number, a line that is only a link.
//!
//! ```text
//! ■ 作業          a symbol (■ □ ◆ ● ○ ▶ ▷ ► ▸ → ⇒ ・ • ※ ★ ☆ ✓ ✔ ➤ ➜ ◎)
//! ・設計書の確認   the same, with or without a space after it
//! --看论文        two dashes run into the text
//! ① 复习 TCP      a circled number
//! ✅ chapter 3    an emoji or a pictograph, any of them (✅ ❌ 📌 ⭐)
//! [x] chapter 3   a task box, done or not
//! [Rust ownership](https://example.com/a)   only a link
//! ```

/// A mark that starts an item: the symbol (or `--`, as [`DASHES`]) and
/// its number for a circled one. An emoji and a task box say something
/// (done, not done, a warning): they stay in the item's title, where a
/// symbol or dashes are only its bullet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Mark {
    /// The symbol, as its place in [`SYMBOLS`] (or [`DASHES`],
    /// [`CIRCLED`]): the same symbol starts the same kind of item.
    pub symbol: u8,
    /// `①` is 1.
    pub number: Option<u32>,
}

/// The symbol of `--` items.
pub(super) const DASHES: u8 = SYMBOLS.len() as u8;

/// The symbol of circled numbers.
const CIRCLED: u8 = DASHES + 1;

/// The symbol of emoji and pictographs: one kind of item whichever it is
/// (a day of `✅ done` and `❌ not done` lines has both as items).
const PICTURE: u8 = CIRCLED + 1;

/// The symbol of task boxes, `[ ]` and `[x]`.
const TASK_BOX: u8 = PICTURE + 1;

/// Symbols that start items.
const SYMBOLS: [char; 24] = [
    '■', '□', '◆', '◇', '●', '○', '▶', '▷', '►', '▸', '→', '⇒', '・', '•', '※', '★', '☆', '✓', '✔',
    '➤', '➜', '◎', '▪', '◉',
];

/// The mark `t` (a trimmed line) starts with, and the text after it.
#[inline]
pub(super) fn mark(t: &str) -> Option<(Mark, &str)> {
    let b = t.as_bytes();
    match b.first()? {
        b'-' if b.get(1) == Some(&b'-') => {
            let rest = &t[2..];
            // `---` is a rule, `-- ` alone nothing.
            let first = rest.chars().next()?;
            (first != '-' && !rest.trim().is_empty()).then(|| {
                let mark = Mark {
                    symbol: DASHES,
                    number: None,
                };
                (mark, rest.trim_start())
            })
        }
        // The symbols' UTF-8 starts with E2 or E3, the emoji's with F0: a
        // quick no for the rest.
        0xE2 | 0xE3 | 0xF0 => {
            let c = t.chars().next()?;
            let rest = &t[c.len_utf8()..];
            // The variation selector that asks for the emoji's picture.
            let rest = rest.strip_prefix('\u{FE0F}').unwrap_or(rest).trim_start();
            if rest.is_empty() {
                return None;
            }
            if let Some(n) = circled(c) {
                let mark = Mark {
                    symbol: CIRCLED,
                    number: Some(n),
                };
                return Some((mark, rest));
            }
            let Some(i) = SYMBOLS.iter().position(|&s| s == c) else {
                let mark = Mark {
                    symbol: PICTURE,
                    number: None,
                };
                return is_picture(c).then_some((mark, t));
            };
            Some((
                Mark {
                    symbol: i as u8,
                    number: None,
                },
                rest,
            ))
        }
        b'[' => {
            let rest = ["[ ] ", "[x] ", "[X] "]
                .into_iter()
                .find_map(|b| t.strip_prefix(b))?;
            let mark = Mark {
                symbol: TASK_BOX,
                number: None,
            };
            (!rest.trim().is_empty()).then_some((mark, t))
        }
        _ => None,
    }
}

/// True for an emoji or a pictograph (`✅`, `❌`, `⚠`, `📌`, `⭐`): the
/// blocks of pictures, dingbats and miscellaneous symbols.
fn is_picture(c: char) -> bool {
    matches!(u32::from(c), 0x1F300..=0x1FAFF | 0x2600..=0x27BF | 0x2B50..=0x2B55)
}

/// The number of a circled digit: `①` … `⑳`.
fn circled(c: char) -> Option<u32> {
    let n = u32::from(c).checked_sub(u32::from('①'))?;
    (n < 20).then_some(n + 1)
}

/// The text of a line that is only a markdown link: `[text](url)`.
#[inline]
pub(super) fn link_line(t: &str) -> Option<&str> {
    let inner = t.strip_prefix('[')?;
    let close = inner.find("](")?;
    let url = &inner[close + 2..];
    let text = inner[..close].trim();
    // What CommonMark reads another way stays text: brackets inside the
    // text, a code span that may take the brackets in, an address in `<>`
    // or with an escape.
    let plain_text = !text.contains(['[', ']', '`']);
    let whole = url.ends_with(')') && !url[..url.len() - 1].contains([')', ' ', '<', '\\', '`']);
    (whole && plain_text && !text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks() {
        let at = |c: char| SYMBOLS.iter().position(|&s| s == c).unwrap() as u8;
        let m = |t: &str| mark(t).map(|(m, rest)| (m.symbol, m.number, rest.to_string()));
        assert_eq!(m("■ 作業"), Some((at('■'), None, "作業".into())));
        assert_eq!(m("・設計"), Some((at('・'), None, "設計".into())));
        assert_eq!(m("--看论文"), Some((DASHES, None, "看论文".into())));
        assert_eq!(m("-- note"), Some((DASHES, None, "note".into())));
        assert_eq!(m("② 复习"), Some((CIRCLED, Some(2), "复习".into())));
        assert_eq!(m("▶ next"), Some((at('▶'), None, "next".into())));
        // Emoji and task boxes, kept in the title.
        assert_eq!(m("✅ ch 3"), Some((PICTURE, None, "✅ ch 3".into())));
        assert_eq!(
            m("⚠\u{FE0F} slow"),
            Some((PICTURE, None, "⚠\u{FE0F} slow".into()))
        );
        assert_eq!(m("📌 dns"), Some((PICTURE, None, "📌 dns".into())));
        assert_eq!(m("[x] ch 3"), Some((TASK_BOX, None, "[x] ch 3".into())));
        assert_eq!(m("[ ] ch 4"), Some((TASK_BOX, None, "[ ] ch 4".into())));
        // A symbol's variation selector is not its text's.
        assert_eq!(m("✔\u{FE0F} ok"), Some((at('✔'), None, "ok".into())));
        for t in [
            "---",
            "--",
            "-- ",
            "- a",
            "中文",
            "「引用」",
            "→",
            "…",
            "✅",
            "📌 ",
            "[x]",
            "[ ] ",
            "[y] a",
            "[x]a",
            "😀\u{FE0F}",
        ] {
            assert_eq!(m(t), None, "{t:?}");
        }
    }

    #[test]
    fn links() {
        assert_eq!(link_line("[Rust](https://x.io/a)"), Some("Rust"));
        // Not one link to CommonMark.
        for t in [
            "[not a `link](/foo`)",
            "[link](<foo\\>)",
            "[a](<b>c)",
            "[link] bar](/uri)",
            "[link [bar](/uri)",
        ] {
            assert_eq!(link_line(t), None, "{t:?}");
        }
        assert_eq!(
            link_line("[SQL joins](https://x.io/b?c=d)"),
            Some("SQL joins")
        );
        for t in [
            "[Rust](https://x.io) is good",
            "[[Kubernetes]]",
            "[a] b",
            "[](x)",
            "text [a](b)",
        ] {
            assert_eq!(link_line(t), None, "{t:?}");
        }
    }
}
