//! The notes' text as the HTML of an Anki field. The notes are written a
//! line at a time, so each line stays a line (`<br>`), its indentation
//! kept; inline markup (bold, italics, code, links) becomes HTML through
//! pulldown-cmark; fenced code becomes a `<pre>` block. Cloze markup
//! (`{{c1::…}}`) passes through untouched.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// `text` (dedented markdown) as field HTML.
pub fn from_markdown(text: &str) -> String {
    let mut out = String::new();
    let mut fence: Option<String> = None;
    let mut first = true;
    for line in crate::notes::lines(text) {
        let trimmed = line.trim_start();
        if let Some(open) = &fence {
            if trimmed.starts_with(open.as_str()) && trimmed[open.len()..].trim().is_empty() {
                out.push_str("</code></pre>");
                fence = None;
                first = true;
            } else {
                // One line of HTML a field: a `<pre>` breaks its lines too.
                if !out.ends_with("<code>") {
                    out.push_str("<br>");
                }
                escape_into(line, &mut out);
            }
            continue;
        }
        let marks: String = trimmed
            .chars()
            .take_while(|c| *c == '`' || *c == '~')
            .collect();
        if marks.len() >= 3
            && marks
                .chars()
                .all(|c| c == marks.chars().next().unwrap_or('`'))
        {
            if !first {
                out.push_str("<br>");
            }
            out.push_str("<pre><code>");
            fence = Some(marks);
            continue;
        }
        if !first {
            out.push_str("<br>");
        }
        first = false;
        let indent = line.len() - trimmed.len();
        let width: usize = line[..indent]
            .chars()
            .map(|c| if c == '\t' { 4 } else { 1 })
            .sum();
        out.push_str(&"&nbsp;".repeat(width));
        inline(trimmed, &mut out);
    }
    if fence.is_some() {
        out.push_str("</code></pre>");
    }
    out
}

/// One line's inline markup as HTML.
fn inline(line: &str, out: &mut String) {
    if !line
        .bytes()
        .any(|b| matches!(b, b'*' | b'_' | b'`' | b'~' | b'[' | b'<' | b'&'))
    {
        escape_into(line, out);
        return;
    }
    // A no-break space first, so that nothing can start a block (`- `,
    // `# `, `1. `): the line is only ever a paragraph.
    let src = format!("\u{a0}{line}");
    let mut lead = true;
    for event in Parser::new_ext(&src, Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Text(t) => {
                let t = if lead {
                    t.trim_start_matches('\u{a0}')
                } else {
                    &t
                };
                lead = false;
                escape_into(t, out);
            }
            Event::Code(c) => {
                out.push_str("<code>");
                escape_into(&c, out);
                out.push_str("</code>");
            }
            Event::Start(Tag::Strong) => out.push_str("<b>"),
            Event::End(TagEnd::Strong) => out.push_str("</b>"),
            Event::Start(Tag::Emphasis) => out.push_str("<i>"),
            Event::End(TagEnd::Emphasis) => out.push_str("</i>"),
            Event::Start(Tag::Strikethrough) => out.push_str("<s>"),
            Event::End(TagEnd::Strikethrough) => out.push_str("</s>"),
            Event::Start(Tag::Link { dest_url, .. }) => {
                out.push_str("<a href=\"");
                escape_into(&dest_url, out);
                out.push_str("\">");
            }
            Event::End(TagEnd::Link) => out.push_str("</a>"),
            Event::Html(h) | Event::InlineHtml(h) => escape_into(&h, out),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            _ => {}
        }
    }
}

/// `s` with `&`, `<`, `>` and `"` escaped, and control characters left
/// out.
fn escape_into(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&nbsp;&nbsp;&nbsp;&nbsp;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_stay_lines_and_markup_becomes_html() {
        assert_eq!(
            from_markdown("**SYN** first\n  - then `ACK` <b>"),
            "<b>SYN</b> first<br>&nbsp;&nbsp;- then <code>ACK</code> &lt;b&gt;"
        );
        assert_eq!(
            from_markdown("code:\n```sh\nls -l <dir>\n```\nafter"),
            "code:<br><pre><code>ls -l &lt;dir&gt;</code></pre>after"
        );
        assert_eq!(
            from_markdown("TCP {{c1::three-way::how many}} & done"),
            "TCP {{c1::three-way::how many}} &amp; done"
        );
        assert_eq!(from_markdown("中文\x1b[2J"), "中文[2J");
    }
}
