//! A theme as the config changes it: the names of the style roles, colours
//! as a user writes them (`red`, `#d08770`, `208`), and a theme with some
//! roles' colours replaced.

use std::collections::BTreeMap;

use ratatui::style::{Color, Style};

use super::Theme;
use daynotes_core::config::EntryError;

/// The style roles a config's `colors` may set.
pub const ROLES: &[&str] = &[
    "text",
    "heading",
    "topic_heading",
    "strong",
    "emphasis",
    "strike",
    "code",
    "code_block",
    "code_frame",
    "link",
    "url",
    "property",
    "bullet",
    "quote",
    "rule",
    "table_border",
    "table_header",
    "control",
    "cut_marker",
    "selected_heading",
    "match_hit",
    "border",
    "border_focused",
    "selection",
    "outline_day",
    "outline_topic",
    "outline_section",
    "dim",
    "status",
    "status_error",
    "overlay",
    "overlay_title",
    "key",
    "calendar_cursor",
    "calendar_header",
    "cloze",
];

/// A colour as a config writes it: a name (`red`, `lightblue`, `darkgray`),
/// `#rrggbb`, or an index 0-255.
pub fn parse_color(s: &str) -> Option<Color> {
    let s = s.trim();
    if let Some(hex) = s.strip_prefix('#') {
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        return Some(Color::Rgb(byte(0)?, byte(2)?, byte(4)?));
    }
    if let Ok(n) = s.parse::<u8>() {
        return Some(Color::Indexed(n));
    }
    let name = s.to_ascii_lowercase().replace(['-', '_', ' '], "");
    Some(match name.as_str() {
        "black" => Color::Black,
        "red" => Color::Red,
        "green" => Color::Green,
        "yellow" => Color::Yellow,
        "blue" => Color::Blue,
        "magenta" => Color::Magenta,
        "cyan" => Color::Cyan,
        "gray" | "grey" => Color::Gray,
        "darkgray" | "darkgrey" => Color::DarkGray,
        "lightred" => Color::LightRed,
        "lightgreen" => Color::LightGreen,
        "lightyellow" => Color::LightYellow,
        "lightblue" => Color::LightBlue,
        "lightmagenta" => Color::LightMagenta,
        "lightcyan" => Color::LightCyan,
        "white" => Color::White,
        "reset" | "default" => Color::Reset,
        _ => return None,
    })
}

impl Theme {
    /// The same theme with the foreground colours of `colors` (role →
    /// colour) put in. The error names the role or colour that cannot be
    /// read and what would be valid.
    pub fn with_overrides(mut self, colors: &BTreeMap<String, String>) -> Result<Self, EntryError> {
        for (role, written) in colors {
            let color = parse_color(written).ok_or_else(|| {
                let msg = format!(
                    "colors.{role}: {written:?} is not a colour; colours are names \
                     (red, lightblue, darkgray…), #rrggbb or 0-255"
                );
                EntryError::new(role, msg)
            })?;
            let style = self.role_mut(role).ok_or_else(|| {
                let msg = format!("colors: unknown role {role:?}; roles: {}", ROLES.join(", "));
                EntryError::new(role, msg)
            })?;
            *style = style.fg(color);
        }
        Ok(self)
    }

    pub(super) fn role_mut(&mut self, role: &str) -> Option<&mut Style> {
        let (md, ui) = (&mut self.md, &mut self.ui);
        Some(match role {
            "text" => &mut md.text,
            "heading" => &mut md.heading,
            "topic_heading" => &mut md.topic_heading,
            "strong" => &mut md.strong,
            "emphasis" => &mut md.emphasis,
            "strike" => &mut md.strike,
            "code" => &mut md.code,
            "code_block" => &mut md.code_block,
            "code_frame" => &mut md.code_frame,
            "link" => &mut md.link,
            "url" => &mut md.url,
            "property" => &mut md.property,
            "bullet" => &mut md.bullet,
            "quote" => &mut md.quote,
            "rule" => &mut md.rule,
            "table_border" => &mut md.table_border,
            "table_header" => &mut md.table_header,
            "control" => &mut md.control,
            "cut_marker" => &mut md.cut_marker,
            "selected_heading" => &mut md.selected_heading,
            "match_hit" => &mut md.match_hit,
            "border" => &mut ui.border,
            "border_focused" => &mut ui.border_focused,
            "selection" => &mut ui.selection,
            "outline_day" => &mut ui.outline_day,
            "outline_topic" => &mut ui.outline_topic,
            "outline_section" => &mut ui.outline_section,
            "dim" => &mut ui.dim,
            "status" => &mut ui.status,
            "status_error" => &mut ui.status_error,
            "overlay" => &mut ui.overlay,
            "overlay_title" => &mut ui.overlay_title,
            "key" => &mut ui.key,
            "calendar_cursor" => &mut ui.calendar_cursor,
            "calendar_header" => &mut ui.calendar_header,
            "cloze" => &mut ui.cloze,
            _ => return None,
        })
    }
}
