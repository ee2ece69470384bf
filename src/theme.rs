//! Every style daynotes draws with, in one place. Render code names roles
//! (`theme.md.heading`, `theme.ui.selection`), never colours.

use ratatui::style::{Color, Modifier, Style};

/// The styles of rendered note text (also used by `daynotes show`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MdStyles {
    /// Plain text.
    pub text: Style,
    /// `#` headings and bold-only lines that act as headings.
    pub heading: Style,
    /// A topic heading inside a day view.
    pub topic_heading: Style,
    /// **bold**
    pub strong: Style,
    /// *italic*
    pub emphasis: Style,
    /// ~~strike~~
    pub strike: Style,
    /// `inline code`
    pub code: Style,
    /// Fenced code block lines.
    pub code_block: Style,
    /// The frame and language label of a fenced block.
    pub code_frame: Style,
    /// Link text.
    pub link: Style,
    /// A link's URL.
    pub url: Style,
    /// List bullets and numbers.
    pub bullet: Style,
    /// Blockquote bar and text.
    pub quote: Style,
    /// Horizontal rules.
    pub rule: Style,
    /// Table borders.
    pub table_border: Style,
    /// Table header cells.
    pub table_header: Style,
    /// Placeholders for control and invisible characters.
    pub control: Style,
    /// Marker shown where a code line is cut.
    pub cut_marker: Style,
    /// A highlighted section heading (the selected section).
    pub selected_heading: Style,
    /// A search match.
    pub match_hit: Style,
}

/// The styles of the application chrome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UiStyles {
    /// Pane borders.
    pub border: Style,
    /// The focused pane's border.
    pub border_focused: Style,
    /// The selected outline row.
    pub selection: Style,
    /// Outline: day rows.
    pub outline_day: Style,
    /// Outline: topic rows.
    pub outline_topic: Style,
    /// Outline: section rows.
    pub outline_section: Style,
    /// Dim secondary text (counts, line numbers, weekdays).
    pub dim: Style,
    /// The status bar.
    pub status: Style,
    /// A status message that is a warning or error.
    pub status_error: Style,
    /// Overlay (help, warnings) body.
    pub overlay: Style,
    /// Group titles inside an overlay (Move, Fold…).
    pub overlay_title: Style,
    /// Key names in the help overlay.
    pub key: Style,
    /// Calendar days by how much was written: level 0 (nothing) to 4 (the
    /// most), a contribution-style heatmap.
    pub heat: [Style; 5],
    /// The calendar's chosen day.
    pub calendar_cursor: Style,
    /// The calendar's weekday header and assumed-year note.
    pub calendar_header: Style,
}

/// The whole theme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// Note text styles.
    pub md: MdStyles,
    /// Application chrome styles.
    pub ui: UiStyles,
}

impl Default for Theme {
    fn default() -> Self {
        Theme::dark()
    }
}

impl Theme {
    /// The default theme, for dark terminals.
    pub fn dark() -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            md: MdStyles {
                text: Style::new(),
                heading: bold.fg(Color::Cyan),
                topic_heading: bold.fg(Color::Yellow),
                strong: bold,
                emphasis: Style::new().add_modifier(Modifier::ITALIC),
                strike: Style::new().add_modifier(Modifier::CROSSED_OUT),
                code: Style::new().fg(Color::LightGreen),
                code_block: Style::new().fg(Color::LightGreen),
                code_frame: Style::new().fg(Color::DarkGray),
                link: Style::new()
                    .fg(Color::LightBlue)
                    .add_modifier(Modifier::UNDERLINED),
                url: Style::new().fg(Color::DarkGray),
                bullet: Style::new().fg(Color::Yellow),
                quote: Style::new().fg(Color::Gray).add_modifier(Modifier::ITALIC),
                rule: Style::new().fg(Color::DarkGray),
                table_border: Style::new().fg(Color::DarkGray),
                table_header: bold,
                control: Style::new().fg(Color::Black).bg(Color::Red),
                cut_marker: Style::new().fg(Color::Red),
                selected_heading: bold.fg(Color::Black).bg(Color::Cyan),
                match_hit: Style::new().fg(Color::Black).bg(Color::Yellow),
            },
            ui: UiStyles {
                border: Style::new().fg(Color::DarkGray),
                border_focused: Style::new().fg(Color::Cyan),
                selection: Style::new().fg(Color::Black).bg(Color::Cyan),
                outline_day: bold.fg(Color::Yellow),
                outline_topic: Style::new(),
                outline_section: Style::new().fg(Color::Gray),
                dim: Style::new().fg(Color::DarkGray),
                status: Style::new().fg(Color::White).bg(Color::DarkGray),
                status_error: Style::new().fg(Color::White).bg(Color::Red),
                overlay: Style::new(),
                overlay_title: bold.fg(Color::Cyan),
                key: bold.fg(Color::Yellow),
                heat: [
                    Style::new().fg(Color::DarkGray),
                    Style::new().fg(Color::Black).bg(Color::Rgb(14, 68, 41)),
                    Style::new().fg(Color::Black).bg(Color::Rgb(0, 109, 50)),
                    Style::new().fg(Color::Black).bg(Color::Rgb(38, 166, 65)),
                    bold.fg(Color::Black).bg(Color::Rgb(57, 211, 83)),
                ],
                calendar_cursor: bold.fg(Color::Black).bg(Color::Cyan),
                calendar_header: bold.fg(Color::Cyan),
            },
        }
    }

    /// A theme with no colours or attributes at all (NO_COLOR, plain output).
    pub fn plain() -> Self {
        let s = Style::new();
        Theme {
            md: MdStyles {
                text: s,
                heading: s,
                topic_heading: s,
                strong: s,
                emphasis: s,
                strike: s,
                code: s,
                code_block: s,
                code_frame: s,
                link: s,
                url: s,
                bullet: s,
                quote: s,
                rule: s,
                table_border: s,
                table_header: s,
                control: s,
                cut_marker: s,
                selected_heading: s,
                match_hit: s,
            },
            ui: UiStyles {
                border: s,
                border_focused: s,
                selection: s.add_modifier(Modifier::REVERSED),
                outline_day: s,
                outline_topic: s,
                outline_section: s,
                dim: s,
                status: s.add_modifier(Modifier::REVERSED),
                status_error: s.add_modifier(Modifier::REVERSED),
                overlay: s,
                overlay_title: s,
                key: s,
                heat: [
                    s.add_modifier(Modifier::DIM),
                    s,
                    s.add_modifier(Modifier::UNDERLINED),
                    s.add_modifier(Modifier::BOLD),
                    s.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                ],
                calendar_cursor: s.add_modifier(Modifier::REVERSED),
                calendar_header: s,
            },
        }
    }
}
