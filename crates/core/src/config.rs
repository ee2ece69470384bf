//! The user's settings: `$XDG_CONFIG_HOME/daynotes/config.yaml` (else
//! `~/.config/daynotes/config.yaml`), or the file `--config` names.
//!
//! Every key is optional and an unknown key is an error, never silently
//! ignored; an error is one line with the file, line and column and what
//! would be valid. `daynotes config --default` prints [`DEFAULT_YAML`], a
//! commented file that reads back as [`Config::default`].

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Why the configuration could not be taken: one line, leading with
/// `PATH:LINE:COLUMN` where there is one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ConfigError(pub String);

macro_rules! fail {
    ($($arg:tt)*) => { ConfigError(format!($($arg)*)) };
}
use serde::Deserialize;
use serde::de::{self, Deserializer, Unexpected, Visitor};

/// The settings, as read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub struct Config {
    /// The notes file or directory opened when neither PATH nor
    /// `$DAYNOTES_FILE` is given.
    pub notes: Option<PathBuf>,
    /// The year of notes that name none (1-9999).
    #[serde(default, deserialize_with = "year")]
    pub year: Option<i32>,
    /// `dark` (default) or `light`.
    pub theme: Option<ThemeName>,
    /// Colours by style role (`heading: "#ff8800"`).
    #[serde(default)]
    pub colors: BTreeMap<String, String>,
    /// Keys by action (`quit: [q, Ctrl-q]`).
    #[serde(default)]
    pub keys: BTreeMap<String, Vec<String>>,
    /// Columns a tab stands for in rendered text (1-16; default 4).
    #[serde(default, deserialize_with = "tab_width")]
    pub tab_width: Option<u8>,
    /// Columns of the outline pane beside the text (12-200; default a
    /// third of the screen).
    #[serde(default, deserialize_with = "outline_width")]
    pub outline_width: Option<u16>,
    /// Where the viewer opens (default: where it was left).
    pub open_at: Option<OpenAt>,
    /// The editor command, as words or one string split like a shell would
    /// (`code --wait`).
    pub editor: Option<Editor>,
    /// Studying: new cards a day, section cards.
    #[serde(default)]
    pub review: ReviewConfig,
    /// Search: pinyin matching in `/`.
    #[serde(default)]
    pub search: SearchConfig,
    /// Where it was read from, for errors found later (keys, colours).
    #[serde(skip)]
    pub origin: Option<Origin>,
}

/// The file a configuration was read from, and its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    /// The path as given or found.
    pub path: String,
    /// The text read.
    pub text: String,
}

/// The largest configuration file read: far more than any real one holds,
/// and small enough that a hostile one (deeply nested YAML) is read in
/// moments.
pub const MAX_CONFIG_BYTES: u64 = 1 << 20;

/// The text of the configuration file at `path`: a regular file of at most
/// [`MAX_CONFIG_BYTES`], in UTF-8.
fn read_config(path: &Path) -> Result<String, ConfigError> {
    use crate::load::read::{ReadError, read_regular};
    let bytes = read_regular(path, MAX_CONFIG_BYTES, |_| Ok(())).map_err(|e| match e {
        ReadError::TooLarge => fail!(
            "{}: over 1 MB; a configuration file is at most 1 MB",
            path.display()
        ),
        e => fail!("{}: {e}", path.display()),
    })?;
    String::from_utf8(bytes).map_err(|_| fail!("{}: not UTF-8 text", path.display()))
}

impl Config {
    /// `PATH:LINE:COLUMN` of the entry `key` (a top-level key, or an entry
    /// under `parent`), for an error about it; `PATH` alone when it cannot
    /// be found.
    pub fn place(&self, parent: Option<&str>, key: &str) -> String {
        let Some(origin) = &self.origin else {
            return "config".into();
        };
        let lines: Vec<&str> = origin.text.lines().collect();
        let is_key = |line: &str, k: &str| {
            let t = line.trim_start().trim_start_matches("- ");
            let t = t.trim_start_matches(['"', '\'']);
            t.starts_with(k)
                && t[k.len()..]
                    .trim_start_matches(['"', '\''])
                    .starts_with(':')
        };
        let from = match parent {
            Some(p) => lines
                .iter()
                .position(|l| !l.starts_with([' ', '\t']) && is_key(l, p))
                .map_or(0, |i| i + 1),
            None => 0,
        };
        let found = lines
            .iter()
            .enumerate()
            .skip(from)
            .find(|(_, l)| is_key(l, key) && (parent.is_some() || !l.starts_with([' ', '\t'])));
        match found {
            Some((i, l)) => {
                let col = l.len() - l.trim_start().len() + 1;
                format!("{}:{}:{col}", origin.path, i + 1)
            }
            None => origin.path.clone(),
        }
    }
}

/// A problem with one entry of a section of the config (`keys.quit`,
/// `colors.headline`) found after reading: the entry, so the error can
/// point at its line, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryError {
    /// The entry's key inside its section.
    pub entry: String,
    /// One line saying what is wrong and what would be valid.
    pub message: String,
}

impl EntryError {
    /// An error about `entry`.
    pub fn new(entry: &str, message: String) -> Self {
        EntryError {
            entry: entry.to_string(),
            message,
        }
    }
}

impl std::fmt::Display for EntryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::ops::Deref for EntryError {
    type Target = str;

    fn deref(&self) -> &str {
        &self.message
    }
}

/// `review:` — how cards are made and introduced.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub struct ReviewConfig {
    /// At most this many new cards a day (0-9999; default 20).
    #[serde(default, deserialize_with = "new_per_day")]
    pub new_per_day: Option<u32>,
    /// Sections whose title asks a question are cards too (default true).
    pub section_cards: Option<bool>,
    /// Topics with nothing under their title are cards too (default false).
    pub empty_topics: Option<bool>,
    /// `==highlighted==` text is a cloze deletion (default true).
    pub cloze_highlights: Option<bool>,
    /// What marks cards written in the notes.
    #[serde(default)]
    pub separators: SeparatorsConfig,
}

/// `review.separators:` — what marks cards written in the notes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub struct SeparatorsConfig {
    /// Question and answer on one line (default `::`).
    pub inline: Option<String>,
    /// The same, both ways (default `:::`).
    pub inline_reversed: Option<String>,
    /// A line between question and answer lines (default `?`).
    pub multiline: Option<String>,
    /// The same, both ways (default `??`).
    pub multiline_reversed: Option<String>,
}

/// `search:` — how `/` matches.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub struct SearchConfig {
    /// Letters also match Chinese by pinyin in `/` search (the title
    /// picker always does).
    pub pinyin: Option<bool>,
}

/// Where the viewer opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OpenAt {
    /// Where it was left (kept in the state directory); else as `today`.
    #[default]
    Last,
    /// Today's day, else the newest.
    Today,
    /// The newest day.
    Newest,
    /// The first day of the notes.
    First,
}

/// The two built-in themes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThemeName {
    /// For dark terminal backgrounds.
    Dark,
    /// For light (white) terminal backgrounds.
    Light,
}

/// An editor command, written either way.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum Editor {
    /// `editor: code --wait`
    Line(String),
    /// `editor: [code, --wait]`
    Words(Vec<String>),
}

impl Editor {
    /// The command as words.
    pub fn words(&self) -> Result<Vec<String>, ConfigError> {
        match self {
            Editor::Words(w) => Ok(w.clone()),
            Editor::Line(s) => {
                shell_words::split(s).map_err(|e| fail!("editor: cannot split {s:?}: {e}"))
            }
        }
    }
}

/// The commented default configuration, for `daynotes config --default`:
/// every key, commented out, with its default value; it reads as
/// [`Config::default`].
pub const DEFAULT_YAML: &str = include_str!("config/default.yaml");

impl Config {
    /// Reads the configuration: `explicit` (which must exist), else the
    /// default place (a missing file there means the defaults).
    pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
        let path = match explicit {
            Some(p) => p.to_path_buf(),
            None => match default_path() {
                Some(p) if p.is_file() => p,
                _ => return Ok(Config::default()),
            },
        };
        let text = read_config(&path)?;
        let name = path.display().to_string();
        let mut config = Config::parse(&text, &name)?;
        config.origin = Some(Origin { path: name, text });
        Ok(config)
    }

    /// Reads configuration text; `name` is the file named in errors.
    /// Text over [`MAX_CONFIG_BYTES`] is refused (see [`read_config`]).
    pub fn parse(text: &str, name: &str) -> Result<Config, ConfigError> {
        if text.trim().is_empty() {
            return Ok(Config::default());
        }
        let config: Config = serde_yaml::from_str(text).map_err(|e| {
            let msg = e.to_string();
            // serde_yaml appends " at line L column C"; the place leads instead.
            let (place, msg) = match e.location() {
                Some(l) => {
                    let suffix = format!(" at line {} column {}", l.line(), l.column());
                    let msg = msg.strip_suffix(&suffix).unwrap_or(&msg);
                    (format!("{}:{}:", l.line(), l.column()), msg)
                }
                None => (String::new(), msg.as_str()),
            };
            fail!(
                "{name}:{place} {}",
                in_users_words(&crate::sanitize::one_line(msg))
            )
        })?;
        let with_text = Config {
            origin: Some(Origin {
                path: name.to_string(),
                text: text.to_string(),
            }),
            ..config
        };
        with_text.check()?;
        Ok(Config {
            origin: None,
            ..with_text
        })
    }

    /// What serde cannot check.
    fn check(&self) -> Result<(), ConfigError> {
        let fail = |key: &str, msg: String| Err(fail!("{}: {msg}", self.place(None, key)));
        if let Some(e) = &self.editor {
            match e.words() {
                Ok(w) if w.is_empty() => return fail("editor", "editor: empty command".into()),
                Err(err) => return fail("editor", err.to_string()),
                Ok(_) => {}
            }
        }
        Ok(())
    }
}

/// `$XDG_CONFIG_HOME/daynotes/config.yaml`, else `~/.config/daynotes/…`.
pub fn default_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|v| !v.is_empty())
                .map(|h| PathBuf::from(h).join(".config"))
        })?;
    Some(base.join("daynotes").join("config.yaml"))
}

/// serde's wording as a user would put it: a config has keys, not fields.
fn in_users_words(msg: &str) -> String {
    msg.replace("unknown field `", "unknown key `").replace(
        "expected struct Config",
        "expected keys such as `theme: light`",
    )
}

/// A whole number from `min` to `max`, or nothing (`~` or absent); `what`
/// names it when it is not one.
#[derive(Clone, Copy)]
struct Bounded {
    what: &'static str,
    min: i64,
    max: i64,
}

impl<'de> Visitor<'de> for Bounded {
    type Value = Option<i64>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "{} from {} to {}", self.what, self.min, self.max)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_i64(self)
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Self::Value, E> {
        if (self.min..=self.max).contains(&n) {
            Ok(Some(n))
        } else {
            Err(E::invalid_value(Unexpected::Signed(n), &self))
        }
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Self::Value, E> {
        match i64::try_from(n) {
            Ok(n) => self.visit_i64(n),
            Err(_) => Err(E::invalid_value(Unexpected::Unsigned(n), &self)),
        }
    }
}

impl Bounded {
    /// Reads an optional number within the bounds as a `T` (which holds
    /// every number within them).
    fn read<'de, D: Deserializer<'de>, T: TryFrom<i64>>(self, d: D) -> Result<Option<T>, D::Error> {
        let n = d.deserialize_option(self)?;
        Ok(n.and_then(|n| T::try_from(n).ok()))
    }
}

/// `tab_width`: 1 to 16.
fn tab_width<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u8>, D::Error> {
    let what = "a tab width";
    Bounded {
        what,
        min: 1,
        max: 16,
    }
    .read(d)
}

/// `outline_width`: 12 to 200 columns.
fn outline_width<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u16>, D::Error> {
    let what = "a number of columns";
    Bounded {
        what,
        min: 12,
        max: 200,
    }
    .read(d)
}

/// `review.new_per_day`: 0 to 9999.
fn new_per_day<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    let what = "a number of new cards";
    Bounded {
        what,
        min: 0,
        max: 9999,
    }
    .read(d)
}

/// `year`: 1 to 9999.
fn year<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i32>, D::Error> {
    let what = "a year";
    Bounded {
        what,
        min: 1,
        max: 9999,
    }
    .read(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The error `text` gives, with the file called `c`.
    fn error(text: &str) -> String {
        let e = Config::parse(text, "c").unwrap_err().to_string();
        assert!(!e.contains('\n'), "one line: {e}");
        e
    }

    #[test]
    fn the_default_file_reads_as_the_defaults() {
        assert_eq!(
            Config::parse(DEFAULT_YAML, "default").unwrap(),
            Config::default()
        );
        // Every key is shown in it.
        for key in [
            "notes",
            "year",
            "theme",
            "colors",
            "keys",
            "tab_width",
            "outline_width",
            "open_at",
            "editor",
            "review",
            "search",
        ] {
            assert!(DEFAULT_YAML.contains(&format!("\n# {key}:")), "{key}");
        }
        assert_eq!(Config::parse("", "empty").unwrap(), Config::default());
        assert_eq!(Config::parse("# only\n", "c").unwrap(), Config::default());
    }

    #[test]
    fn every_key() {
        let text = "notes: ~/notes\nyear: 2025\ntheme: light\ncolors:\n  heading: \"#ff8800\"\nkeys:\n  quit: [q, Ctrl-q]\ntab_width: 8\neditor: code --wait\n";
        let c = Config::parse(text, "c").unwrap();
        assert_eq!(c.notes, Some(PathBuf::from("~/notes")));
        assert_eq!(c.year, Some(2025));
        assert_eq!(c.theme, Some(ThemeName::Light));
        assert_eq!(c.colors["heading"], "#ff8800");
        assert_eq!(c.keys["quit"], ["q", "Ctrl-q"]);
        assert_eq!(c.tab_width, Some(8));
        assert_eq!(c.editor.unwrap().words().unwrap(), ["code", "--wait"]);
        let words = Config::parse("editor: [nvim, -u, NONE]", "c").unwrap();
        assert_eq!(
            words.editor.unwrap().words().unwrap(),
            ["nvim", "-u", "NONE"]
        );
        let nothing = Config::parse("year: ~\ntab_width:\n", "c").unwrap();
        assert_eq!((nothing.year, nothing.tab_width), (None, None));
        let study = "review:\n  new_per_day: 5\n  section_cards: false\nsearch:\n  pinyin: true\n";
        let study = Config::parse(study, "c").unwrap();
        assert_eq!(study.review.new_per_day, Some(5));
        let seps = "review:\n  empty_topics: true\n  separators:\n    inline: \";;\"\n";
        let seps = Config::parse(seps, "c").unwrap();
        assert_eq!(seps.review.empty_topics, Some(true));
        assert_eq!(seps.review.separators.inline.as_deref(), Some(";;"));
        assert_eq!(study.review.section_cards, Some(false));
        assert_eq!(study.search.pinyin, Some(true));
        let edges = Config::parse("year: 1\ntab_width: 16\n", "c").unwrap();
        assert_eq!((edges.year, edges.tab_width), (Some(1), Some(16)));
    }

    #[test]
    fn errors_give_the_place_and_what_is_valid() {
        assert_eq!(
            error("theme: dark\ncolour: red\n"),
            "c:2:1: unknown key `colour`, expected one of `notes`, `year`, `theme`, \
             `colors`, `keys`, `tab_width`, `outline_width`, `open_at`, `editor`, `review`, `search`"
        );
        assert_eq!(
            error("tab_width: 300\n"),
            "c:1:12: tab_width: invalid value: integer `300`, expected a tab width from 1 to 16"
        );
        assert_eq!(
            error("year: -5\n"),
            "c:1:7: year: invalid value: integer `-5`, expected a year from 1 to 9999"
        );
        assert_eq!(
            error("year: 2025.5\n"),
            "c:1:7: year: invalid type: floating point `2025.5`, expected a year from 1 to 9999"
        );
        assert_eq!(
            error("just words"),
            "c:1:1: invalid type: string \"just words\", expected keys such as `theme: light`"
        );
        assert_eq!(
            error("editor: \"code 'unclosed\"\n"),
            "c:1:1: editor: cannot split \"code 'unclosed\": missing closing quote"
        );
        assert_eq!(
            error("review:\n  new_per_day: -1\n"),
            "c:2:16: review.new_per_day: invalid value: integer `-1`, expected a number of new cards from 0 to 9999"
        );
        assert!(error("review:\n  new_cards: 5\n").contains("unknown key `new_cards`"));
        // A value that says " at line " is not mistaken for serde's suffix.
        assert!(error("theme: \"x at line 1\"\n").contains("`x at line 1`"));
    }
}
