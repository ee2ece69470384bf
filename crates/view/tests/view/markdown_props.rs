//! Any body at any width: no panic (no fallback warning), no row wider than
//! the pane, a first row for every line, in order.

use daynotes_view::markdown::render;
use daynotes_view::theme::Theme;
use proptest::prelude::*;
use unicode_width::UnicodeWidthStr;

/// Pieces that exercise every rule, glued into lines at random.
const PIECES: &[&str] = &[
    " ",
    "  ",
    "\t",
    "a",
    "word",
    "长轮询",
    "，",
    "（",
    "）",
    "**",
    "*",
    "_",
    "~",
    "~~",
    "`",
    "```",
    "~~~",
    "[",
    "](",
    ")",
    "<",
    ">",
    "> ",
    "- ",
    "1. ",
    "# ",
    "---",
    "|",
    "|---|",
    ":",
    "&#27;",
    "\x1b",
    "\u{9b}",
    "\u{202e}",
    "\u{200b}",
    "e\u{301}",
    "🙂",
    "\\",
];

fn body() -> impl Strategy<Value = String> {
    let line =
        prop::collection::vec(prop::sample::select(PIECES), 0..12).prop_map(|parts| parts.concat());
    prop::collection::vec(line, 0..12).prop_map(|lines| lines.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn rows_fit_and_map(text in body(), width in 0u16..40) {
        let r = render(&text, width, &Theme::dark().md);
        prop_assert_eq!(&r.warning, &None);
        let cells = usize::from(width.max(1));
        for line in &r.lines {
            let w: usize = line.spans.iter().map(|s| s.content.width()).sum();
            prop_assert!(w <= cells, "{:?} wider than {}", line, cells);
            for span in &line.spans {
                prop_assert!(!span.content.chars().any(char::is_control), "{:?}", span);
            }
        }
        prop_assert_eq!(r.source_rows.len(), daynotes_core::notes::lines(&text).count());
        prop_assert!(r.source_rows.windows(2).all(|p| p[0] < p[1]));
        prop_assert!(r.source_rows.iter().all(|&i| i < r.lines.len()));
    }
}
