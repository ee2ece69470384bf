//! The inline markup of one line's content, through pulldown-cmark: bold,
//! italic, strikethrough, inline code, links and autolinks.
//!
//! Block structure is decided line by line elsewhere; pulldown-cmark only
//! ever sees one line's content, led by a no-break space so that nothing in
//! it (`# `, `- `, `> `, `[x]: url`, `<div>`, four spaces) can start a block.
//! The lead is removed from the first text event. Everything pulldown-cmark
//! hands back is sanitised afterwards, because it decodes entities such as
//! `&#27;` into real control characters.

use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};
use ratatui::style::Style;

use super::styled::Styled;
use crate::theme::MdStyles;
use daynotes_core::sanitize;

/// Put before the content so that it can only be a paragraph; a no-break
/// space counts as whitespace for emphasis but not as indentation.
const LEAD: char = '\u{a0}';

/// Bytes that may start inline markup; a line without any is plain text and
/// skips the parser.
fn may_have_markup(s: &str) -> bool {
    s.bytes().any(|b| {
        matches!(
            b,
            b'*' | b'_' | b'~' | b'`' | b'[' | b'<' | b'&' | b'\\' | b'$'
        )
    })
}

/// Appends `content` to `out` with its inline markup applied on top of
/// `base`.
pub(crate) fn inline(content: &str, base: Style, styles: &MdStyles, out: &mut Styled) {
    if !may_have_markup(content) {
        out.push(content, base, styles.control);
        return;
    }
    let src = format!("{LEAD}{content}");
    // A single `~` is subscript here only so that `1~3天` is not struck
    // through; the tildes are put back as text.
    // `$…$` is math, drawn in Unicode; `[[x]]` a wiki link, shown as its
    // name.
    let options = Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SUBSCRIPT
        | Options::ENABLE_MATH
        | Options::ENABLE_WIKILINKS;
    let mut stack = vec![base];
    // Open links: destination, kind, and where their text starts in `out`.
    let mut links: Vec<(CowStr, LinkType, usize)> = Vec::new();
    let mut lead = true;
    for event in Parser::new_ext(&src, options) {
        let top = *stack.last().unwrap_or(&base);
        match event {
            Event::Start(tag) => match tag {
                Tag::Strong => stack.push(top.patch(styles.strong)),
                Tag::Emphasis => stack.push(top.patch(styles.emphasis)),
                Tag::Strikethrough => stack.push(top.patch(styles.strike)),
                Tag::Subscript => out.push_glyphs("~", top),
                Tag::Superscript => out.push_glyphs("^", top),
                Tag::Link {
                    link_type,
                    dest_url,
                    ..
                }
                | Tag::Image {
                    link_type,
                    dest_url,
                    ..
                } => {
                    stack.push(top.patch(styles.link));
                    links.push((dest_url, link_type, out.text.len()));
                }
                _ => {}
            },
            Event::End(end) => match end {
                TagEnd::Strong | TagEnd::Emphasis | TagEnd::Strikethrough => {
                    pop(&mut stack);
                }
                TagEnd::Subscript => out.push_glyphs("~", top),
                TagEnd::Superscript => out.push_glyphs("^", top),
                TagEnd::Link | TagEnd::Image => {
                    pop(&mut stack);
                    if let Some((url, kind, from)) = links.pop() {
                        let url_style = stack.last().unwrap_or(&base).patch(styles.url);
                        let autolink = matches!(
                            kind,
                            LinkType::Autolink | LinkType::Email | LinkType::WikiLink { .. }
                        );
                        let same = out.text[from..] == *sanitize::visible(&url);
                        if !url.is_empty() && !autolink && !same {
                            out.push_glyphs(" (", url_style);
                            out.push(&url, url_style, styles.control);
                            out.push_glyphs(")", url_style);
                        }
                    }
                }
                _ => {}
            },
            Event::Text(text) => {
                let text = if lead {
                    lead = false;
                    text.strip_prefix(LEAD).unwrap_or(&text)
                } else {
                    &text
                };
                out.push(text, top, styles.control);
            }
            Event::Code(code) => out.push(&code, top.patch(styles.code), styles.control),
            Event::InlineMath(t) | Event::DisplayMath(t) => {
                out.push(
                    &daynotes_core::math::inline(&t),
                    top.patch(styles.code),
                    styles.control,
                );
            }
            Event::Html(t) | Event::InlineHtml(t) | Event::FootnoteReference(t) => {
                out.push(&t, top, styles.control);
            }
            Event::SoftBreak | Event::HardBreak => out.push_glyphs(" ", top),
            Event::TaskListMarker(done) => {
                out.push_glyphs(if done { "[x] " } else { "[ ] " }, top);
            }
            Event::Rule => {}
        }
    }
}

fn pop(stack: &mut Vec<Style>) {
    if stack.len() > 1 {
        stack.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::theme::Theme;

    /// `(text, style)` of each run.
    fn runs(content: &str) -> Vec<(String, Style)> {
        let styles = Theme::dark().md;
        let mut out = Styled::new(styles.tab_width);
        inline(content, styles.text, &styles, &mut out);
        out.slice(0, out.text.len(), &mut 0)
            .map(|(t, s)| (t.to_string(), s))
            .collect()
    }

    fn text(content: &str) -> String {
        runs(content).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn bold_italic_strike_and_code() {
        let md = Theme::dark().md;
        assert_eq!(
            runs("a **b** *c* ~~d~~ `e`"),
            [
                ("a ".into(), md.text),
                ("b".into(), md.text.patch(md.strong)),
                (" ".into(), md.text),
                ("c".into(), md.text.patch(md.emphasis)),
                (" ".into(), md.text),
                ("d".into(), md.text.patch(md.strike)),
                (" ".into(), md.text),
                ("e".into(), md.text.patch(md.code)),
            ]
        );
    }

    #[test]
    fn links_show_their_url_dimmed_after_the_text() {
        let md = Theme::dark().md;
        assert_eq!(
            runs("[docs](https://x.io)"),
            [
                ("docs".into(), md.text.patch(md.link)),
                (" (https://x.io)".into(), md.text.patch(md.url)),
            ]
        );
        // An autolink shows its address once.
        assert_eq!(
            runs("<https://x.io>"),
            [("https://x.io".into(), md.text.patch(md.link))]
        );
    }

    #[test]
    fn block_syntax_inside_content_stays_text() {
        for s in [
            "# not a heading",
            "- not an item",
            "> not a quote",
            "[ref]: https://x.io",
            "<div>",
            "    four spaces",
            "```",
            "1. one",
        ] {
            assert_eq!(text(s), s, "{s:?}");
        }
    }

    #[test]
    fn single_tildes_are_kept_as_text() {
        assert_eq!(text("耗时1~3秒，或5~10秒"), "耗时1~3秒，或5~10秒");
        let md = Theme::dark().md;
        assert!(runs("1~3秒").iter().all(|(_, s)| *s == md.text));
    }

    #[test]
    fn entities_are_decoded_then_sanitised() {
        assert_eq!(text("a&#27;[31mb &amp; &#x9b;"), "a␛[31mb & <U+009B>");
    }

    #[test]
    fn escapes_and_snake_case() {
        assert_eq!(text(r"\*not\* SYN_SENT_x"), "*not* SYN_SENT_x");
    }
}
