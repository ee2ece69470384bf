//! The settings a run uses, from the configuration file: the key table,
//! the theme with its colour overrides and tab width, the year and the
//! editor, all plain values handed to what needs them. Errors about an
//! entry point at its line.

use daynotes_core::config::{Config, EntryError, OpenAt, ThemeName};
use daynotes_view::keymap::Keymap;
use daynotes_view::theme::Theme;

/// What the configuration and the command line decide together.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The viewer's theme (plain when colour is off).
    pub theme: Theme,
    /// The config's year, for notes that name none.
    pub year: Option<i32>,
    /// The config's editor command.
    pub editor: Option<Vec<String>>,
    /// How review cards are made and introduced.
    pub review: daynotes_core::review::ReviewSettings,
    /// `/` search matches Chinese by pinyin too.
    pub pinyin: bool,
    /// The key table, with the config's keys put in (and what they took
    /// from the built-in keys, in [`Keymap::warnings`]).
    pub keymap: Keymap,
    /// The outline's width beside the text, when the config sets one.
    pub outline_width: Option<u16>,
    /// Where the viewer opens.
    pub open_at: OpenAt,
}

impl Settings {
    /// Checks the parts of `config` that need the program's tables (keys,
    /// colour roles) and makes the values a run uses: the key table, the
    /// theme (with the tab width) and the rest.
    pub fn apply(config: &Config) -> anyhow::Result<Settings> {
        // Errors name the entry's line in the file.
        let at = |section: &str, e: EntryError| {
            anyhow::anyhow!("{}: {e}", config.place(Some(section), &e.entry))
        };
        let keymap = Keymap::from_config(&config.keys).map_err(|e| at("keys", e))?;
        let mut theme = match config.theme {
            Some(ThemeName::Light) => Theme::light(),
            _ => Theme::dark(),
        }
        .with_overrides(&config.colors)
        .map_err(|e| at("colors", e))?;
        if let Some(w) = config.tab_width {
            theme = theme.with_tab_width(usize::from(w));
        }
        let editor = config.editor.as_ref().map(|e| e.words()).transpose()?;
        let review = review_settings(&config.review).map_err(|e| at("review", e))?;
        Ok(Settings {
            theme,
            year: config.year,
            editor,
            review,
            pinyin: config.search.pinyin.unwrap_or(false),
            keymap,
            outline_width: config.outline_width,
            open_at: config.open_at.unwrap_or_default(),
        })
    }
}

/// `review:` as the deck uses it; an error names the separator that
/// cannot be used.
fn review_settings(
    config: &daynotes_core::config::ReviewConfig,
) -> Result<daynotes_core::review::ReviewSettings, EntryError> {
    use daynotes_core::review::written::{Separators, Syntax};
    let defaults = daynotes_core::review::ReviewSettings::default();
    let given = &config.separators;
    let base = Separators::default();
    let pick = |name: &str, value: &Option<String>, default: String| match value {
        None => Ok(default),
        Some(v) if v.is_empty() || v.chars().any(char::is_whitespace) => Err(EntryError::new(
            "separators",
            format!(
                "separators.{name}: {v:?} is not a separator: use one or more characters without spaces"
            ),
        )),
        Some(v) => Ok(v.clone()),
    };
    let separators = Separators {
        inline: pick("inline", &given.inline, base.inline)?,
        inline_reversed: pick(
            "inline_reversed",
            &given.inline_reversed,
            base.inline_reversed,
        )?,
        multiline: pick("multiline", &given.multiline, base.multiline)?,
        multiline_reversed: pick(
            "multiline_reversed",
            &given.multiline_reversed,
            base.multiline_reversed,
        )?,
    };
    if separators.inline == separators.inline_reversed
        || separators.multiline == separators.multiline_reversed
    {
        return Err(EntryError::new(
            "separators",
            "separators: a card both ways needs a separator of its own".into(),
        ));
    }
    Ok(daynotes_core::review::ReviewSettings {
        rule: daynotes_core::review::CardRule {
            sections: config.section_cards.unwrap_or(defaults.rule.sections),
            empty_topics: config.empty_topics.unwrap_or(defaults.rule.empty_topics),
            syntax: Syntax {
                separators,
                highlights: config.cloze_highlights.unwrap_or(true),
            },
            ..defaults.rule
        },
        new_per_day: config
            .new_per_day
            .map_or(defaults.new_per_day, |n| n as usize),
    })
}
