//! Headings wrapped like body text, with what leads them hanging: a topic's
//! number or a day's date stays alone at the left, and the title's later
//! rows start under its first character.
//!
//! ```text
//! 1. 如何保证服务     width 15
//!    器的服务不中
//!    断
//! ```
//! A lead too wide to hang in the pane (a long date in a narrow one) is
//! wrapped as part of the title instead.

use ratatui::style::Style;
use ratatui::text::Line;

use super::styled::{Styled, str_width};
use super::wrap::{Prefix, max_prefix, wrap};
use crate::theme::MdStyles;

/// `lead title` (either may be empty) in rows of at most `width` cells, in
/// `style`; file text in `title` is sanitised, placeholders in `md.control`,
/// tabs `md.tab_width` wide. `lead` is daynotes' own text (a number, a date).
pub fn heading(
    lead: &str,
    title: &str,
    width: u16,
    style: Style,
    md: &MdStyles,
) -> Vec<Line<'static>> {
    let width = usize::from(width.max(1));
    let mut text = Styled::new(md.tab_width);
    let mut first = Prefix::default();
    let mut rest = Prefix::default();
    let hang = str_width(lead) + 1;
    if lead.is_empty() || title.is_empty() || hang > max_prefix(width) {
        text.push_glyphs(lead, style);
        if !lead.is_empty() && !title.is_empty() {
            text.push_glyphs(" ", style);
        }
    } else {
        first.push(lead, style);
        first.push(" ", style);
        rest = Prefix::spaces(hang);
    }
    text.push(title, style, md.control);
    let mut out = Vec::new();
    wrap(&text, &first, &rest, width, style, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(lead: &str, title: &str, width: u16) -> Vec<String> {
        heading(
            lead,
            title,
            width,
            Style::new(),
            &crate::theme::Theme::plain().md,
        )
        .iter()
        .map(|l| l.to_string())
        .collect()
    }

    #[test]
    fn the_number_hangs() {
        assert_eq!(
            rows("1.", "如何保证服务器的服务不中断", 15),
            ["1. 如何保证服务", "   器的服务不中", "   断"]
        );
        assert_eq!(rows("1.", "tcp握手", 40), ["1. tcp握手"]);
    }

    #[test]
    fn a_latin_run_meeting_chinese_never_leaves_the_number_alone() {
        for width in 6..30 {
            let got = rows("2.", "VAE可以理解为一种生成模型", width);
            assert!(got[0].len() > "2. ".len(), "{width}: {got:?}");
        }
    }

    #[test]
    fn a_lead_too_wide_to_hang_wraps_with_the_title() {
        assert_eq!(rows("2025-08-22", "复习", 12), ["2025-08-22", "复习"]);
        assert_eq!(rows("8.22", "", 10), ["8.22"]);
        assert_eq!(rows("", "标题", 10), ["标题"]);
    }
}
