//! The seed notes rendered as the content pane shows them: every topic at
//! every width keeps the width contract, and the SSE table and the yaml fence
//! look right at 60 cells (snapshots, in text and in debug form so that a
//! style leaking across a span boundary shows up).

use daynotes_core::notes::{Notebook, dedent, lines};
use daynotes_view::markdown::{Rendered, render};
use daynotes_view::theme::Theme;
use unicode_width::UnicodeWidthStr;

fn seed() -> Notebook {
    daynotes_core::load::from_text("<seed>", crate::common::SAMPLE.to_string())
}

/// Every topic body and day preamble of the seed, dedented, with a label.
fn bodies() -> Vec<(String, String)> {
    let nb = seed();
    let mut out = Vec::new();
    for day in &nb.days {
        out.push((
            format!("{} preamble", day.date),
            dedent(nb.text(day.source, day.preamble)),
        ));
        for topic in &day.topics {
            out.push((
                format!("{} {}", day.date, topic.title()),
                dedent(nb.text(day.source, topic.body())),
            ));
        }
    }
    out
}

/// The topic whose title starts with `title`.
fn topic(title: &str) -> String {
    bodies()
        .into_iter()
        .find(|(label, _)| {
            label
                .split_once(' ')
                .is_some_and(|(_, t)| t.starts_with(title))
        })
        .map(|(_, body)| body)
        .unwrap_or_else(|| panic!("no topic {title}"))
}

fn text_rows(r: &Rendered) -> String {
    r.lines
        .iter()
        .map(|l| l.to_string().trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_topic_fits_every_width() {
    let md = Theme::dark().md;
    for (label, body) in bodies() {
        let count = lines(&body).count();
        for width in [100u16, 60, 30, 10, 1, 0] {
            let r = render(&body, width, &md);
            let cells = usize::from(width.max(1));
            for line in &r.lines {
                let w: usize = line.spans.iter().map(|s| s.content.width()).sum();
                assert!(w <= cells, "{label} at {width}: {line}");
            }
            assert_eq!(r.source_rows.len(), count, "{label} at {width}");
            assert!(r.source_rows.windows(2).all(|p| p[0] < p[1]), "{label}");
            assert!(r.source_rows.iter().all(|&i| i < r.lines.len().max(1)));
            assert_eq!(r.warning, None, "{label}");
        }
    }
}

#[test]
fn every_word_of_a_topic_is_shown() {
    // Wide enough that nothing wraps or is cut: each source line's words
    // (markup aside) appear on the row the line maps to, in order.
    let md = Theme::dark().md;
    let body = topic("tcp握手");
    let r = render(&body, 200, &md);
    for (i, line) in lines(&body).enumerate() {
        let row = r.lines[r.source_rows[i]].to_string();
        let words = line.replace("**", "");
        let words = words.trim().trim_start_matches("- ");
        assert!(row.contains(words), "line {i}: {row:?} lacks {words:?}");
    }
}

#[test]
fn sse_table_at_60() {
    let body = topic("服务器发送事件SSE");
    let r = render(&body, 60, &Theme::dark().md);
    insta::assert_snapshot!("sse_topic_60", text_rows(&r));
    // The table's lines map to its rows: header → top border, the
    // `|---|` line → the rule under the header.
    let table_line = lines(&body).position(|l| l.starts_with("| 技术")).unwrap();
    assert!(
        r.lines[r.source_rows[table_line]]
            .to_string()
            .starts_with('┌')
    );
    assert!(
        r.lines[r.source_rows[table_line + 1]]
            .to_string()
            .starts_with('├')
    );
    let start = r.source_rows[table_line];
    insta::assert_debug_snapshot!("sse_table_60_styles", &r.lines[start..start + 4]);
}

#[test]
fn yaml_fence_at_60() {
    let body = topic("如何保证服务器");
    let r = render(&body, 60, &Theme::dark().md);
    insta::assert_snapshot!("yaml_topic_60", text_rows(&r));
    let open = lines(&body).position(|l| l.starts_with("```yaml")).unwrap();
    let start = r.source_rows[open];
    insta::assert_debug_snapshot!("yaml_fence_60_styles", &r.lines[start - 1..start + 3]);
}

#[test]
fn indentation_of_8_24_at_30() {
    let body = topic("储存桶");
    let r = render(&body, 30, &Theme::dark().md);
    insta::assert_snapshot!("storage_topic_30", text_rows(&r));
}
