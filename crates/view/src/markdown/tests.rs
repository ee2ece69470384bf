//! The rendering rules, one test each, asserting on text and styles.

use ratatui::style::Style;
use ratatui::text::Line;

use super::render;
use super::styled::str_width;
use crate::theme::{MdStyles, Theme};

fn md() -> MdStyles {
    Theme::dark().md
}

/// Renders, checks the width contract, and that the markdown was laid out:
/// `render` catches a panic and falls back to plain text with a warning, so
/// without this a panic would pass unseen.
#[track_caller]
fn rendered(text: &str, width: u16) -> super::Rendered {
    let r = laid_out_or_plain(text, width);
    assert_eq!(
        r.warning, None,
        "fell back to plain text (the layout panicked) at width {width}"
    );
    r
}

/// Renders and checks the width contract, whether the markdown was laid out
/// or shown as plain text.
#[track_caller]
fn laid_out_or_plain(text: &str, width: u16) -> super::Rendered {
    let r = render(text, width, &md());
    let width = usize::from(width.max(1));
    for line in &r.lines {
        let w: usize = line.spans.iter().map(|s| str_width(&s.content)).sum();
        assert!(w <= width, "{line:?} is {w} cells, pane is {width}");
    }
    assert_eq!(
        r.source_rows.len(),
        daynotes_core::notes::lines(text).count()
    );
    r
}

#[track_caller]
fn rows(text: &str, width: u16) -> Vec<String> {
    rendered(text, width)
        .lines
        .iter()
        .map(|l| l.to_string().trim_end().to_string())
        .collect()
}

/// The style of the span holding exactly `text` somewhere in `lines`.
fn style_of(lines: &[Line], text: &str) -> Option<Style> {
    lines
        .iter()
        .flat_map(|l| &l.spans)
        .find(|s| s.content == text)
        .map(|s| s.style)
}

#[test]
fn relative_indentation_is_indentation_not_code() {
    // Seed 8.24: items under a heading line, four spaces in.
    let body = "选择存储桶服务当：\n    存储大文件（图片、视频、文档）\n        数据库 存储结构化的业务数据";
    let r = rendered(body, 60);
    assert_eq!(
        rows(body, 60),
        [
            "选择存储桶服务当：",
            "    存储大文件（图片、视频、文档）",
            "        数据库 存储结构化的业务数据",
        ]
    );
    assert!(
        r.lines
            .iter()
            .flat_map(|l| &l.spans)
            .all(|s| s.style != md().code_block)
    );
}

#[test]
fn every_line_stays_its_own_line_in_order() {
    let body = "one\ntwo\n\n\nthree\n  four";
    assert_eq!(rows(body, 40), ["one", "two", "", "", "three", "  four"]);
    assert_eq!(rendered(body, 40).source_rows, [0, 1, 2, 3, 4, 5]);
}

#[test]
fn inline_markup_is_styled_and_markers_dropped() {
    let m = md();
    let r = rendered("**b** *i* ~~s~~ `c` [t](http://u)", 60);
    assert_eq!(r.lines[0].to_string(), "b i s c t (http://u)");
    assert_eq!(style_of(&r.lines, "b"), Some(m.text.patch(m.strong)));
    assert_eq!(style_of(&r.lines, "i"), Some(m.text.patch(m.emphasis)));
    assert_eq!(style_of(&r.lines, "s"), Some(m.text.patch(m.strike)));
    assert_eq!(style_of(&r.lines, "c"), Some(m.text.patch(m.code)));
    assert_eq!(style_of(&r.lines, "t"), Some(m.text.patch(m.link)));
    assert_eq!(style_of(&r.lines, " (http://u)"), Some(m.text.patch(m.url)));
}

#[test]
fn lists_get_bullets_nesting_and_hanging_rows() {
    let body = "- 客户端发送SYN包\n  - nested item here\n1. first\n+ plus";
    assert_eq!(
        rows(body, 14),
        [
            "• 客户端发送", // `SYN` is one word: it moves down whole
            "  SYN包",
            "  ◦ nested",
            "    item here",
            "1. first",
            "• plus",
        ]
    );
    let r = rendered(body, 14);
    assert_eq!(style_of(&r.lines, "•"), Some(md().bullet));
    assert_eq!(style_of(&r.lines, "1."), Some(md().bullet));
}

#[test]
fn blockquotes_have_a_bar() {
    let body = "> quoted **text**\n>\n> > deeper";
    assert_eq!(rows(body, 40), ["│ quoted text", "│", "│ │ deeper"]);
    let r = rendered(body, 40);
    // Bars and quoted text share the quote style in the default theme.
    let q = md().text.patch(md().quote);
    assert_eq!(style_of(&r.lines, "│"), Some(md().quote));
    assert_eq!(style_of(&r.lines, "│ quoted "), Some(q));
    assert_eq!(style_of(&r.lines, "text"), Some(q.patch(md().strong)));
}

#[test]
fn logseq_properties_are_dimmed_as_written() {
    let r = rendered("- a block\n  collapsed:: true\n  tags:: #db, **x**", 40);
    assert_eq!(
        rows("- a block\n  collapsed:: true\n  tags:: #db, **x**", 40)[1..],
        ["  collapsed:: true", "  tags:: #db, **x**"]
    );
    assert_eq!(style_of(&r.lines, "collapsed:: true"), Some(md().property));
    assert_eq!(style_of(&r.lines, "tags:: #db, **x**"), Some(md().property));
}

#[test]
fn headings_are_styled_without_hashes() {
    let r = rendered("## 与其他技术对比 ##\n#tag", 40);
    assert_eq!(r.lines[0].to_string(), "与其他技术对比");
    assert_eq!(r.lines[0].spans[0].style, md().text.patch(md().heading));
    assert_eq!(r.lines[1].to_string(), "#tag");
}

#[test]
fn rules_cross_the_width() {
    let r = rendered("a\n---\n  ***", 10);
    assert_eq!(r.lines[1].to_string(), "─".repeat(10));
    assert_eq!(r.lines[1].spans[0].style, md().rule);
    assert_eq!(r.lines[2].to_string(), format!("  {}", "─".repeat(8)));
}

#[test]
fn bold_only_lines_are_headings() {
    let r = rendered("**第一次握手（SYN）**：\n**a** and **b**", 40);
    // One span: the bold run and its colon alike in the heading style.
    let heading = md().text.patch(md().heading);
    assert_eq!(style_of(&r.lines, "第一次握手（SYN）："), Some(heading));
    assert_eq!(style_of(&r.lines, " and "), Some(md().text));
}

#[test]
fn fenced_code_is_framed_and_cut() {
    let body = "**4. 容器化部署**：\n```yaml\n# Docker Compose 示例\n  app: **x**\n```\nafter";
    assert_eq!(
        rows(body, 16),
        [
            "4. 容器化部署：",
            "┌─ yaml ────────",
            "│ # Docker Comp→",
            "│   app: **x**",
            "└───────────────",
            "after",
        ]
    );
    assert_eq!(rendered(body, 16).source_rows, [0, 1, 2, 3, 4, 5]);
}

#[test]
fn tables_map_their_lines_to_rows() {
    let body = "x\n| 技术 | 协议 |\n|------|:--:|\n| SSE | HTTP |\ny";
    let r = rendered(body, 40);
    assert_eq!(
        rows(body, 40),
        [
            "x",
            "┌──────┬──────┐",
            "│ 技术 │ 协议 │",
            "├──────┼──────┤",
            "│ SSE  │ HTTP │",
            "└──────┴──────┘",
            "y",
        ]
    );
    assert_eq!(r.source_rows, [0, 1, 3, 4, 6]);
    // Too narrow for even 1-cell columns: the lines as text.
    assert_eq!(rows(body, 8)[1], "| 技术 |");
}

#[test]
fn wrapped_indented_lines_hang() {
    assert_eq!(
        rows("    alpha beta gamma", 14),
        ["    alpha beta", "    gamma"]
    );
}

#[test]
fn tiny_and_zero_widths_do_not_panic() {
    let body = crate::SAMPLE;
    for width in [0, 1, 2, 3, 5] {
        rendered(body, width);
    }
}

/// Everything the terminal could take as an instruction, and every character
/// that could make text read differently from what it is.
#[test]
fn no_control_reaches_a_span() {
    let hostile = concat!(
        "plain \x1b[31mred\x1b[0m \x1b]52;c;aGk=\x07 \u{9b}2J \u{85}\n",
        "**bold &#27;[2J** &#x9b; &#X1B; &#0; `code \x1b[m` [a&#27;](u&#7;)\n",
        "- \u{202e}evil\u{202c} zero\u{200b}width \u{2066}iso\u{2069} \u{feff}\n",
        "| a\x1b | b\u{200f} |\n|---|---|\n| \x07 | &#27; |\n",
        "```sh\x1b\n\x1b]0;title\x07 \u{9c}\n",
    );
    let bad = |c: char| {
        c.is_control()
            || matches!(c, '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{206f}' | '\u{feff}' | '\u{ad}')
    };
    for width in [1, 7, 30, 80] {
        let r = rendered(hostile, width);
        for line in &r.lines {
            for span in &line.spans {
                assert!(!span.content.chars().any(bad), "{span:?}");
            }
        }
    }
    let r = rendered(hostile, 200);
    assert!(
        r.lines[0]
            .spans
            .iter()
            .any(|s| s.content == "␛" && s.style == md().text.patch(md().control))
    );
    assert!(
        r.lines[1].to_string().contains("bold ␛[2J"),
        "{}",
        r.lines[1]
    );
}

#[test]
fn a_layout_that_panics_falls_back_to_plain_text() {
    let lines = ["**bold**", "\u{1}after\u{1} \x1b"];
    let r = super::plain_if_it_panics(&lines, 40, &md(), |_| {
        panic!("a layout failure, for the fallback test")
    });
    assert!(r.warning.is_some());
    // The markup as written, every control made visible.
    assert_eq!(r.lines[0].to_string(), "**bold**");
    assert_eq!(r.lines[1].to_string(), "␁after␁ ␛");
    assert_eq!(r.source_rows, [0, 1]);
    // The same lines laid out: no warning.
    assert!(rendered(&lines.join("\n"), 40).warning.is_none());
}

#[test]
fn a_caught_panic_leaves_the_hook_for_the_next() {
    let lines = ["x"];
    for _ in 0..2 {
        let r = super::plain_if_it_panics(&lines, 10, &md(), |_| panic!("caught"));
        assert!(r.warning.is_some());
    }
    // Outside, panics are still panics.
    let outside = std::panic::catch_unwind(|| -> u8 { panic!("outside") });
    assert!(outside.is_err());
    assert!(!super::quiet::quiet_here());
}

/// The seed's yaml fence (8.22, topic 3), dedented as its topic body is.
fn seed_yaml_fence() -> String {
    let lines: Vec<&str> = daynotes_core::notes::lines(crate::SAMPLE).collect();
    let open = lines
        .iter()
        .position(|l| l.trim_start().starts_with("```yaml"))
        .expect("the seed has a yaml fence");
    let close = lines[open + 1..]
        .iter()
        .position(|l| l.trim_start().starts_with("```"))
        .map(|i| open + 1 + i)
        .expect("and closes it");
    daynotes_core::notes::dedent(&lines[open..=close].join("\n"))
}

/// The colours of the code in rendered fence rows (the frame left out).
fn code_colours(r: &super::Rendered) -> Vec<ratatui::style::Color> {
    let mut out = Vec::new();
    for line in &r.lines[1..r.lines.len() - 1] {
        for span in line.spans.iter().skip(1) {
            if let Some(c) = span.style.fg
                && !out.contains(&c)
            {
                out.push(c);
            }
        }
    }
    out
}

#[test]
fn a_known_language_is_coloured_to_fit_the_theme() {
    let body = seed_yaml_fence();
    let dark = render(&body, 60, &Theme::dark().md);
    let light = render(&body, 60, &Theme::light().md);
    let plain = render(&body, 60, &Theme::plain().md);
    // Keys, strings and comments differ.
    assert!(code_colours(&dark).len() > 2, "{:?}", dark.lines);
    assert!(code_colours(&light).len() > 2, "{:?}", light.lines);
    assert_ne!(code_colours(&dark), code_colours(&light));
    // NO_COLOR: not a colour anywhere.
    for span in plain.lines.iter().flat_map(|l| &l.spans) {
        assert_eq!((span.style.fg, span.style.bg), (None, None), "{span:?}");
    }
    // Colour changes nothing else: the same rows, frame and label.
    let text =
        |r: &super::Rendered| -> Vec<String> { r.lines.iter().map(ToString::to_string).collect() };
    assert_eq!(text(&dark), text(&plain));
    assert_eq!(text(&light), text(&plain));
    assert!(text(&dark)[0].starts_with("┌─ yaml ─"));
    assert_eq!(style_of(&dark.lines, "│ "), Some(md().code_frame));
}

#[test]
fn light_code_colours_are_dark_enough_for_white() {
    let body = "```rust\n// a comment\nfn main() { let s = \"text\"; let n = 42; }\n```";
    for c in code_colours(&render(body, 80, &Theme::light().md)) {
        let ratatui::style::Color::Rgb(r, g, b) = c else {
            panic!("{c:?}");
        };
        // Rec. 601 luma: mid grey is 128; white text would be 255.
        let luma = (299 * u32::from(r) + 587 * u32::from(g) + 114 * u32::from(b)) / 1000;
        assert!(luma < 160, "{c:?}");
    }
}

#[test]
fn coloured_code_is_still_sanitised_framed_and_cut() {
    let body =
        "```rust\nlet s = \"\x1b[31m\"; // \u{202e}\x07\n\x1b]0;title\x07 and a long line\n```";
    let md = md();
    let r = rendered(body, 24);
    assert_eq!(
        rows(body, 24),
        [
            "┌─ rust ────────────────",
            "│ let s = \"␛[31m\"; // <→",
            "│ ␛]0;title␇ and a long→",
            "└───────────────────────",
        ]
    );
    let esc = r.lines[1]
        .spans
        .iter()
        .find(|s| s.content.starts_with('␛'))
        .expect("a placeholder");
    assert_eq!(esc.style.bg, md.control.bg, "{esc:?}");
    let last = r.lines[2].spans.last().unwrap();
    assert_eq!((last.content.as_ref(), last.style), ("→", md.cut_marker));
    assert!(code_colours(&r).len() > 2, "{:?}", r.lines);
}

#[test]
fn raw_html_blocks_are_kept_as_written() {
    // A bold-only line inside `<pre>` is not a heading: the block is text.
    let body = "<pre>\n**as is**\n  _kept_\n</pre>\n**read**";
    let rendered = render(body, 40, &Theme::dark().md);
    let rows: Vec<String> = rendered
        .lines
        .iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect();
    assert_eq!(rows, ["<pre>", "**as is**", "  _kept_", "</pre>", "read"]);
    let md = Theme::dark().md;
    assert!(rendered.lines[1].spans.iter().all(|s| s.style == md.text));
    assert_ne!(
        rendered.lines[4].spans[0].style, md.text,
        "bold after the block"
    );
}
