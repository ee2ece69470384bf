//! Every style daynotes draws with, in one place. Render code names roles
//! (`theme.md.heading`, `theme.ui.selection`), never colours.

use ratatui::style::{Color, Modifier, Style};

mod custom;
mod depth;
pub use custom::{ROLES, parse_color};
pub use depth::ColourDepth;

/// How rendered note text looks (also in `daynotes show`): the style of
/// each role, the colours of code, and how wide a tab is shown.
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
    /// A property line of an outliner (Logseq's `key:: value`): the
    /// page's data, dimmed.
    pub property: Style,
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
    /// The colours of fenced code whose language is known.
    pub code_theme: CodeTheme,
    /// Columns a tab stands for when notes are shown (1-16): the config's
    /// `tab_width`, else [`daynotes_core::notes::TAB_WIDTH`]. The parser always
    /// counts a tab of indentation as [`daynotes_core::notes::TAB_WIDTH`].
    pub tab_width: usize,
}

/// Which colour scheme fenced code with a known language (```` ```yaml ````)
/// is drawn in. Code without a known language keeps `code_block`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum CodeTheme {
    /// No colours: every code line in `code_block` (plain output, NO_COLOR).
    #[default]
    None,
    /// Colours chosen for a dark background.
    Dark,
    /// Colours chosen for a light (white) background.
    Light,
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
    /// The mark of a calendar day by how much was written, level 0
    /// (nothing) to 4 (the most), a contribution-style heatmap: each level
    /// more intense against the background than the one before, drawn as
    /// a glyph that fills more of its cell (`· ░ ▒ ▓ █`), so that the glyph
    /// alone tells the levels apart without colour.
    pub heat: [Style; 5],
    /// [`UiStyles::heat`] for a terminal of 16 colours, which has no ramp
    /// of greens: the glyph carries the level.
    pub heat_16: [Style; 5],
    /// The calendar's chosen day.
    pub calendar_cursor: Style,
    /// The calendar's weekday header and assumed-year note.
    pub calendar_header: Style,
    /// A cloze gap in review, and what it hid once shown.
    pub cloze: Style,
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
                property: Style::new().fg(Color::DarkGray),
                bullet: Style::new().fg(Color::Yellow),
                quote: Style::new().fg(Color::Gray).add_modifier(Modifier::ITALIC),
                rule: Style::new().fg(Color::DarkGray),
                table_border: Style::new().fg(Color::DarkGray),
                table_header: bold,
                control: Style::new().fg(Color::Black).bg(Color::Red),
                cut_marker: Style::new().fg(Color::Red),
                selected_heading: bold.fg(Color::Black).bg(Color::Cyan),
                match_hit: Style::new().fg(Color::Black).bg(Color::Yellow),
                code_theme: CodeTheme::Dark,
                tab_width: daynotes_core::notes::TAB_WIDTH,
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
                // Brighter green on a dark background for busier days.
                heat: [
                    Style::new().fg(Color::DarkGray),
                    Style::new().fg(Color::Rgb(30, 110, 60)),
                    Style::new().fg(Color::Rgb(40, 160, 75)),
                    Style::new().fg(Color::Rgb(60, 205, 95)),
                    bold.fg(Color::Rgb(130, 245, 150)),
                ],
                heat_16: [
                    Style::new().fg(Color::DarkGray),
                    Style::new().fg(Color::Green),
                    Style::new().fg(Color::Green),
                    Style::new().fg(Color::LightGreen),
                    bold.fg(Color::LightGreen),
                ],
                calendar_cursor: bold.fg(Color::Black).bg(Color::Cyan),
                calendar_header: bold.fg(Color::Cyan),
                cloze: bold.fg(Color::LightCyan),
            },
        }
    }

    /// The theme for light (white) terminal backgrounds: dark text colours,
    /// no yellow, white or light grey foreground.
    pub fn light() -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let mut t = Theme::dark();
        let md = &mut t.md;
        md.heading = bold.fg(Color::Blue);
        md.topic_heading = bold.fg(Color::Magenta);
        md.code = Style::new().fg(Color::Rgb(0, 110, 40));
        md.code_block = Style::new().fg(Color::Rgb(0, 110, 40));
        md.code_frame = Style::new().fg(Color::Rgb(120, 120, 120));
        md.link = Style::new()
            .fg(Color::Blue)
            .add_modifier(Modifier::UNDERLINED);
        md.url = Style::new().fg(Color::Rgb(110, 110, 110));
        md.property = Style::new().fg(Color::Rgb(120, 120, 120));
        md.bullet = Style::new().fg(Color::Rgb(150, 80, 0));
        md.quote = Style::new()
            .fg(Color::Rgb(90, 90, 90))
            .add_modifier(Modifier::ITALIC);
        md.rule = Style::new().fg(Color::Rgb(150, 150, 150));
        md.table_border = Style::new().fg(Color::Rgb(150, 150, 150));
        md.control = Style::new().fg(Color::White).bg(Color::Red);
        md.cut_marker = Style::new().fg(Color::Red);
        md.selected_heading = bold.fg(Color::White).bg(Color::Blue);
        md.match_hit = Style::new().fg(Color::Black).bg(Color::Rgb(255, 215, 0));
        md.code_theme = CodeTheme::Light;
        let ui = &mut t.ui;
        ui.border = Style::new().fg(Color::Rgb(160, 160, 160));
        ui.border_focused = Style::new().fg(Color::Blue);
        ui.selection = Style::new().fg(Color::White).bg(Color::Blue);
        ui.outline_day = bold.fg(Color::Rgb(150, 80, 0));
        ui.outline_section = Style::new().fg(Color::Rgb(70, 70, 70));
        ui.dim = Style::new().fg(Color::Rgb(120, 120, 120));
        ui.status = Style::new().fg(Color::Black).bg(Color::Rgb(210, 210, 210));
        ui.status_error = Style::new().fg(Color::White).bg(Color::Red);
        ui.overlay_title = bold.fg(Color::Blue);
        ui.key = bold.fg(Color::Magenta);
        // Darker green on a white background for busier days.
        ui.heat = [
            Style::new().fg(Color::Rgb(150, 150, 150)),
            Style::new().fg(Color::Rgb(120, 200, 135)),
            Style::new().fg(Color::Rgb(60, 165, 90)),
            Style::new().fg(Color::Rgb(25, 120, 55)),
            bold.fg(Color::Rgb(10, 80, 35)),
        ];
        ui.heat_16 = [
            Style::new().fg(Color::DarkGray),
            Style::new().fg(Color::Green),
            Style::new().fg(Color::Green),
            Style::new().fg(Color::Green),
            bold.fg(Color::Green),
        ];
        ui.calendar_cursor = bold.fg(Color::White).bg(Color::Blue);
        ui.calendar_header = bold.fg(Color::Blue);
        ui.cloze = bold.fg(Color::Blue);
        t
    }

    /// The built-in theme called `name`: `dark` or `light`.
    pub fn named(name: &str) -> Option<Self> {
        match name {
            "dark" => Some(Theme::dark()),
            "light" => Some(Theme::light()),
            _ => None,
        }
    }

    /// The same theme for a terminal of `depth` colours: with 16, the
    /// calendar's heat takes its ramp of named colours (every other colour
    /// is fitted as it is drawn, [`ColourDepth::fit`]).
    #[must_use]
    pub fn with_depth(mut self, depth: ColourDepth) -> Self {
        if depth == ColourDepth::Ansi16 {
            self.ui.heat = self.ui.heat_16;
        }
        self
    }

    /// The same theme with tabs shown `columns` wide (clamped to 1-16).
    #[must_use]
    pub fn with_tab_width(mut self, columns: usize) -> Self {
        self.md.tab_width = columns.clamp(1, 16);
        self
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
                property: s,
                bullet: s,
                quote: s,
                rule: s,
                table_border: s,
                table_header: s,
                control: s.add_modifier(Modifier::REVERSED),
                cut_marker: s,
                selected_heading: s.add_modifier(Modifier::REVERSED | Modifier::BOLD),
                // Underlined too, so a hit stays visible inside a reversed
                // selection.
                match_hit: s.add_modifier(Modifier::REVERSED | Modifier::UNDERLINED),
                code_theme: CodeTheme::None,
                tab_width: daynotes_core::notes::TAB_WIDTH,
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
                // The glyph alone tells the levels apart.
                heat: [s; 5],
                heat_16: [s; 5],
                calendar_cursor: s.add_modifier(Modifier::REVERSED),
                calendar_header: s,
                cloze: s.add_modifier(Modifier::BOLD),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    /// Every style of a theme, by role.
    fn styles(t: &Theme) -> Vec<(&'static str, Style)> {
        let mut t = t.clone();
        ROLES
            .iter()
            .map(|r| (*r, *t.role_mut(r).expect("every role has a style")))
            .collect()
    }

    /// Colours too pale to read on a white background.
    const UNREADABLE_ON_WHITE: [Color; 6] = [
        Color::White,
        Color::Gray,
        Color::Yellow,
        Color::LightYellow,
        Color::LightGreen,
        Color::LightCyan,
    ];

    #[test]
    fn light_is_readable_on_white() {
        let unreadable = UNREADABLE_ON_WHITE;
        for (role, style) in styles(&Theme::light()) {
            // Light text is fine only on a dark background of its own.
            if style.bg.is_none() {
                assert!(
                    !style.fg.is_some_and(|c| unreadable.contains(&c)),
                    "{role}: {style:?}"
                );
            }
        }
        assert_ne!(Theme::light(), Theme::dark());
    }

    #[test]
    fn light_changes_every_colour_that_would_fade_on_white() {
        let mut fading = UNREADABLE_ON_WHITE.to_vec();
        fading.extend([Color::LightBlue, Color::Cyan]);
        let (dark, light) = (Theme::dark(), Theme::light());
        for ((role, d), (_, l)) in styles(&dark).into_iter().zip(styles(&light)) {
            if d.bg.is_none() && d.fg.is_some_and(|c| fading.contains(&c)) {
                assert_ne!(d.fg, l.fg, "{role}");
            }
            // Attributes are the theme's shape: light keeps them.
            assert_eq!(d.add_modifier, l.add_modifier, "{role}");
        }
        // Heat levels: light text only on a dark green of its own; yellow
        // and grey never.
        for (level, style) in light.ui.heat.iter().enumerate() {
            let fg = style.fg.unwrap_or(Color::Reset);
            assert!(
                ![Color::Yellow, Color::LightYellow, Color::Gray].contains(&fg),
                "heat {level}"
            );
            assert!(fg != Color::White || style.bg.is_some(), "heat {level}");
        }
        assert_ne!(dark.ui.heat, light.ui.heat);
        assert_eq!(
            (dark.md.code_theme, light.md.code_theme),
            (CodeTheme::Dark, CodeTheme::Light)
        );
    }

    #[test]
    fn the_default_config_lists_every_role() {
        for role in ROLES {
            assert!(daynotes_core::config::DEFAULT_YAML.contains(role), "{role}");
        }
        assert_eq!(Theme::named("light"), Some(Theme::light()));
        assert_eq!(Theme::named("dark"), Some(Theme::default()));
        assert_eq!(Theme::named("blue"), None);
    }

    #[test]
    fn plain_has_no_colour_but_keeps_what_must_stand_out() {
        for (role, style) in styles(&Theme::plain()) {
            assert!(style.fg.is_none() && style.bg.is_none(), "{role}");
        }
        let p = Theme::plain();
        for s in [
            p.ui.selection,
            p.md.match_hit,
            p.md.selected_heading,
            p.md.control,
        ] {
            assert!(!s.add_modifier.is_empty(), "{s:?}");
        }
        // Each stands out from the others, and a hit from the selection
        // it sits in.
        let marks: std::collections::HashSet<_> =
            [p.ui.selection, p.md.match_hit, p.md.selected_heading]
                .into_iter()
                .collect();
        assert_eq!(marks.len(), 3);
        assert_ne!(p.ui.selection.patch(p.md.match_hit), p.ui.selection);
        assert_ne!(
            p.md.selected_heading.patch(p.md.match_hit),
            p.md.selected_heading
        );
        assert_ne!(p.md.control, p.md.match_hit);
        for s in p.ui.heat {
            assert!(s.fg.is_none() && s.bg.is_none(), "{s:?}");
        }
        assert_eq!(p.md.code_theme, CodeTheme::None, "no code colours");
    }

    #[test]
    fn colours_and_overrides() {
        assert_eq!(parse_color("#ff8800"), Some(Color::Rgb(255, 136, 0)));
        assert_eq!(parse_color("LightBlue"), Some(Color::LightBlue));
        assert_eq!(parse_color("dark-gray"), Some(Color::DarkGray));
        assert_eq!(parse_color("208"), Some(Color::Indexed(208)));
        for bad in ["#ff88", "blurple", "256", ""] {
            assert_eq!(parse_color(bad), None, "{bad}");
        }
        let colors: BTreeMap<String, String> =
            [("heading".to_string(), "#010203".to_string())].into();
        let t = Theme::dark().with_overrides(&colors).unwrap();
        assert_eq!(t.md.heading.fg, Some(Color::Rgb(1, 2, 3)));
        assert!(t.md.heading.add_modifier.contains(Modifier::BOLD));
        let bad: BTreeMap<String, String> = [("headline".to_string(), "red".to_string())].into();
        let err = Theme::dark().with_overrides(&bad).unwrap_err();
        assert!(err.starts_with("colors: unknown role \"headline\"; roles: text, heading"));
        let bad: BTreeMap<String, String> = [("heading".to_string(), "#12345".to_string())].into();
        let err = Theme::dark().with_overrides(&bad).unwrap_err();
        assert!(err.contains("#rrggbb or 0-255"), "{err}");
        // Every role can be set.
        let all: BTreeMap<String, String> = ROLES
            .iter()
            .map(|r| ((*r).to_string(), "1".to_string()))
            .collect();
        let t = Theme::light().with_overrides(&all).unwrap();
        for (role, style) in styles(&t) {
            assert_eq!(style.fg, Some(Color::Indexed(1)), "{role}");
        }
    }
}
