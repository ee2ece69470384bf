//! The command line, as clap derive definitions: what the user can type and
//! the help text for it. Nothing here reads files or prints.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// The whole command line.
#[derive(Debug, Parser)]
#[command(
    name = "daynotes",
    version,
    about = "A terminal viewer for dated study notes: days › topics › sections",
    long_about = "A terminal viewer for dated study notes: days › topics › sections.\n\n\
        With no command, opens the viewer when output is a terminal, and prints \
        the outline otherwise. Without PATH the notes come from $DAYNOTES_FILE, \
        else the config's `notes`, \
        else ./notes/, else the bundled sample.",
    after_help = "Examples:\n  \
        daynotes                      open the viewer on ./notes/ (or the sample)\n  \
        daynotes study-notes.txt      open one file\n  \
        daynotes --date 8.23          open at August 23 (or the nearest day)\n  \
        daynotes show 8.22/1          print topic 1 of August 22\n  \
        daynotes list --depth 2 | less"
)]
pub struct Cli {
    /// When to use colour and styles in the output.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto, global = true)]
    pub color: ColorWhen,

    /// The configuration file (default: $XDG_CONFIG_HOME/daynotes/config.yaml).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// With a notes directory: read only its own files, not those of its
    /// subdirectories.
    #[arg(long, global = true)]
    pub no_recursive: bool,

    /// Subdirectories are read by default; kept so that older command
    /// lines still work.
    #[arg(
        long,
        short = 'R',
        global = true,
        hide = true,
        conflicts_with = "no_recursive"
    )]
    pub recursive: bool,

    /// On exit, print how long each phase took (read, decode, parse, first
    /// frame, slowest frame, each search) to stderr.
    #[arg(long, global = true)]
    pub timings: bool,

    /// The year of notes that name none (weekdays, the calendar, export).
    #[arg(long, global = true, value_name = "YYYY", value_parser = clap::value_parser!(i32).range(1..=9999))]
    pub year: Option<i32>,

    /// Open the viewer at this day (or the nearest): 8.23, 2025-08-23,
    /// 8月23日, 0823, today, -3 (days before today).
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub date: Option<String>,

    /// Notes file or directory to open.
    pub path: Option<PathBuf>,

    /// What to do; without one, view the notes.
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// The tags `--tag` asks for, with the command that takes them.
    pub fn tags(&self) -> &[String] {
        match &self.command {
            Some(Command::List(a)) => &a.tags,
            Some(Command::Export(a)) => &a.tags,
            Some(Command::Search(a)) => &a.tags,
            Some(Command::Review(a)) => &a.tags,
            _ => &[],
        }
    }

    /// The PATH the user gave, wherever on the line it was: after the
    /// command (`list notes.txt`) or before it (`notes.txt list`).
    pub fn path(&self) -> Option<&std::path::Path> {
        self.command_path().or(self.path.as_deref())
    }

    /// What the line asks for that cannot be done: two notes paths, or
    /// `--date` (which opens the viewer) with a command.
    pub fn conflict(&self) -> Option<String> {
        if let (Some(a), Some(b)) = (&self.path, self.command_path()) {
            return Some(format!(
                "two notes paths given: {} and {}",
                a.display(),
                b.display()
            ));
        }
        if self.command.is_some() && self.date.is_some() {
            return Some("--date opens the viewer at a day; to print one, use `show DATE`".into());
        }
        None
    }

    /// The PATH given after the command.
    fn command_path(&self) -> Option<&std::path::Path> {
        let sub = match &self.command {
            None => &None,
            Some(Command::List(a)) => &a.path,
            Some(Command::Show(a)) => &a.path,
            Some(Command::Export(a)) => &a.path,
            Some(Command::Check(a)) => &a.path,
            Some(Command::Search(a)) => &a.path,
            Some(Command::Review(a)) => &a.path,
            Some(Command::Stats(a)) => &a.path,
            Some(Command::Links(a)) => &a.path,
            Some(Command::Tags(a)) => &a.path,
            Some(Command::Tasks(a)) => &a.path,
            Some(Command::OnThisDay(a)) => return a.notes(),
            Some(Command::Config(_) | Command::Completions(_) | Command::Man) => &None,
        };
        sub.as_deref()
    }
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the outline: days, topics and sections with their line numbers.
    #[command(after_help = "Examples:\n  \
        daynotes list\n  \
        daynotes list --depth 1 notes/study-notes.txt")]
    List(ListArgs),

    /// Print one day, or one topic of a day, rendered.
    #[command(after_help = "Examples:\n  \
        daynotes show 8.22          the whole day\n  \
        daynotes show 8.23/2        topic 2 of August 23\n  \
        daynotes show :12           the day or topic holding line 12\n  \
        daynotes show 2025-08-22 --width 60 notes.txt")]
    Show(ShowArgs),

    /// Print the whole tree as JSON or YAML (schema in the README), or
    /// write the cards as an Anki package or Anki's text import.
    #[command(after_help = "Examples:\n  \
        daynotes export --format json > notes.json\n  \
        daynotes export --format yaml notes/study-notes.txt\n  \
        daynotes export --format anki --output notes.apkg --tag exam\n  \
        daynotes export --format anki-csv --from 8.22 --to 8.31 > cards.txt")]
    Export(ExportArgs),

    /// Print the parser's warnings as PATH:LINE: message; exit 1 if any.
    #[command(after_help = "Examples:\n  \
        daynotes check\n  \
        daynotes check notes/study-notes.txt && echo clean")]
    Check(CheckArgs),

    /// Print every line that matches, with its day › topic › section and
    /// line number; exit 1 when none does.
    #[command(
        after_help = "Smart case: a query with an uppercase letter matches case; \
        one without ignores it.\n\nExamples:\n  \
        daynotes search SSE\n  \
        daynotes search 握手 notes/study-notes.txt\n  \
        daynotes search --regex 'seq=\\w+' --count"
    )]
    Search(SearchArgs),

    /// Review the cards due today in the viewer (Space shows the answer,
    /// 1-4 rate it), cram before an exam, or list or count the cards.
    #[command(
        after_help = "Every topic is a card (date › title, its body the answer), \
        and so is every section whose title ends in ? or ？, and every card \
        written in the notes (q::a, q:::a, ? lines, clozes, #card blocks). The \
        schedule (FSRS) is kept in $XDG_STATE_HOME/daynotes/, never beside the \
        notes.\n\nExamples:\n  \
        daynotes review                 review today's cards\n  \
        daynotes review --list          the cards due now, new ones included\n  \
        daynotes review --cram --from 8.22 --to 8.31 --tag exam\n  \
        daynotes review --list --suspended\n  \
        daynotes review --unsuspend '8.30 › 接口失效'\n  \
        daynotes review --stats --json notes/study-notes.txt"
    )]
    Review(ReviewArgs),

    /// Print every link with the place it is written in and where it goes
    /// (a day, topic or section, a file, a URL), or why it goes nowhere.
    #[command(after_help = "Links: [[2024-01-05]], [[8.23]], [[TCP handshake]], \
        [[2024-01-05#Congestion control]], [text](2024-01-05.md), [x](other.md#heading), \
        https://…\n\nExamples:\n  \
        daynotes links\n  \
        daynotes links --json notes/")]
    Links(LinksArgs),

    /// Print every tag (#tag, front matter tags:, jrnl @tag, org :tag:) with
    /// how many days and topics carry it.
    #[command(after_help = "Examples:\n  \
        daynotes tags\n  \
        daynotes list --tag net --tag exam     what carries both")]
    Tags(TagsArgs),

    /// Print the open tasks (- [ ] …) with their day and line, oldest first.
    #[command(after_help = "Examples:\n  \
        daynotes tasks\n  \
        daynotes tasks --all --json notes/")]
    Tasks(TasksArgs),

    /// Print what the notes hold on this day in earlier years, and a week,
    /// a month and three months before.
    #[command(after_help = "Examples:\n  \
        daynotes on-this-day\n  \
        daynotes on-this-day 9.11 notes/study-notes.txt")]
    OnThisDay(OnThisDayArgs),

    /// Print figures about the notes: days, topics, words and characters,
    /// month by month, streaks, the busiest weekday.
    #[command(after_help = "Examples:\n  \
        daynotes stats\n  \
        daynotes stats --json notes/study-notes.txt")]
    Stats(StatsArgs),

    /// Print the configuration: `--default` for a commented default file.
    #[command(after_help = "Examples:\n  \
        daynotes config --default > ~/.config/daynotes/config.yaml\n  \
        daynotes config --path")]
    Config(ConfigArgs),

    /// Print a shell completion script.
    #[command(after_help = "Examples:\n  \
        daynotes completions bash > ~/.local/share/bash-completion/completions/daynotes\n  \
        daynotes completions zsh > ~/.zfunc/_daynotes\n  \
        daynotes completions fish > ~/.config/fish/completions/daynotes.fish")]
    Completions(CompletionsArgs),

    /// Print the manual page (roff).
    #[command(after_help = "Example:\n  daynotes man | man -l -")]
    Man,
}

/// `daynotes config`.
#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Print the commented default configuration.
    #[arg(long)]
    pub default: bool,

    /// Print where the configuration file is read from.
    #[arg(long, conflicts_with = "default")]
    pub path: bool,
}

/// `daynotes completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    pub shell: clap_complete::Shell,
}

/// `daynotes links`.
#[derive(Debug, Args)]
pub struct LinksArgs {
    /// Notes file or directory.
    pub path: Option<PathBuf>,

    /// Print the links as JSON.
    #[arg(long)]
    pub json: bool,
}

/// `daynotes tags`.
#[derive(Debug, Args)]
pub struct TagsArgs {
    /// Notes file or directory.
    pub path: Option<PathBuf>,

    /// Print the tags as JSON.
    #[arg(long)]
    pub json: bool,
}

/// `daynotes tasks`.
#[derive(Debug, Args)]
pub struct TasksArgs {
    /// Notes file or directory.
    pub path: Option<PathBuf>,

    /// Ticked tasks (- [x]) too.
    #[allow(
        rustdoc::broken_intra_doc_links,
        reason = "the help's text, where `[x]` is a ticked box"
    )]
    #[arg(long)]
    pub all: bool,

    /// Print the tasks as JSON.
    #[arg(long)]
    pub json: bool,
}

/// `daynotes list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// How deep to go: 1 days, 2 topics, 3 sections.
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u8).range(1..=3))]
    pub depth: u8,

    /// Only what carries this tag (repeat it: all must hold).
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,

    /// Notes file or directory.
    pub path: Option<PathBuf>,
}

/// `daynotes show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// A day (`8.22`, `2025-08-22`, `8月22日`, `0822`, `today`, `-3` days
    /// before today), optionally with a topic
    /// number (`8.22/1`); or the day or topic holding a line, as `list`
    /// numbers them (`:12`, `notes.txt:12`).
    #[arg(value_name = "DATE[/TOPIC]|:LINE", allow_hyphen_values = true)]
    pub target: String,

    /// Notes file or directory.
    pub path: Option<PathBuf>,

    /// Width to wrap at (default: the terminal's, or 80).
    #[arg(long, value_parser = clap::value_parser!(u16).range(10..))]
    pub width: Option<u16>,
}

/// `daynotes export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The output format.
    #[arg(long, value_enum)]
    pub format: Format,

    /// Only what carries this tag (repeat it: all must hold).
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,

    /// Write to this file (replaced whole) instead of stdout; needed for
    /// `anki`.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// The Anki deck of every card (default: one deck per notes file or
    /// folder, named after it).
    #[arg(long, value_name = "NAME")]
    pub deck: Option<String>,

    /// Cards: what chooses them (with `anki` and `anki-csv`).
    #[command(flatten)]
    pub cards: CardFilters,

    /// Notes file or directory.
    pub path: Option<PathBuf>,
}

/// Which cards: days and words (`--tag` is beside).
#[derive(Debug, Clone, Default, Args)]
pub struct CardFilters {
    /// Only the cards of this day or later (8.22, 2025-08-22, today, -7).
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub from: Option<String>,

    /// Only the cards of this day or earlier.
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub to: Option<String>,

    /// Only the cards whose question or answer holds TEXT (any case).
    #[arg(long = "match", value_name = "TEXT")]
    pub words: Option<String>,
}

impl CardFilters {
    /// True when one is given.
    pub fn any(&self) -> bool {
        self.from.is_some() || self.to.is_some() || self.words.is_some()
    }
}

/// `daynotes check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Notes file or directory.
    pub path: Option<PathBuf>,
}

/// `daynotes search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// What to look for: literal text (spaces included) unless --regex.
    pub query: String,

    /// Notes file or directory.
    pub path: Option<PathBuf>,

    /// Read QUERY as a regular expression.
    #[arg(long)]
    pub regex: bool,

    /// Match case even when QUERY is all lowercase.
    #[arg(long, short = 's')]
    pub case_sensitive: bool,

    /// Print only the number of matching lines.
    #[arg(long, short = 'c')]
    pub count: bool,

    /// Print the hits as JSON.
    #[arg(long)]
    pub json: bool,

    /// Only hits in what carries this tag (repeat it: all must hold).
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
}

/// `daynotes review`.
#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// Notes file or directory.
    pub path: Option<PathBuf>,

    /// Print the cards due now (new ones up to the day's allowance) instead
    /// of reviewing them: name, due date, interval. With --cram, every card
    /// a cram would take; with --suspended, the suspended ones.
    #[arg(long, conflicts_with = "stats")]
    pub list: bool,

    /// Go through every card (or those --from, --to, --tag, --match choose)
    /// in a random order until each is known once; nothing is rated in the
    /// schedule.
    #[arg(long, conflicts_with = "stats")]
    pub cram: bool,

    /// With --list: the suspended cards.
    #[arg(long, requires = "list", conflicts_with = "cram")]
    pub suspended: bool,

    /// Take a suspended card back, by its name as --list --suspended prints
    /// it (repeat it; `all` takes every one back).
    #[arg(long, value_name = "CARD", conflicts_with_all = ["list", "stats", "cram"])]
    pub unsuspend: Vec<String>,

    /// Cards: what chooses them.
    #[command(flatten)]
    pub cards: CardFilters,

    /// Print counts: new, learning, due today, reviewed this week,
    /// retention.
    #[arg(long)]
    pub stats: bool,

    /// Print the list (or, with --stats, the counts) as JSON.
    #[arg(long)]
    pub json: bool,

    /// Only the cards of what carries this tag (repeat it: all must hold).
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
}

/// `daynotes on-this-day`.
#[derive(Debug, Args)]
pub struct OnThisDayArgs {
    /// The day to look back from (default today): 9.11, 2025-09-11,
    /// 9月11日, today, -3.
    #[arg(value_name = "DATE", allow_hyphen_values = true)]
    pub date: Option<String>,

    /// Notes file or directory.
    pub path: Option<PathBuf>,
}

impl OnThisDayArgs {
    /// DATE, unless what was given there is the notes' path
    /// (`on-this-day notes.txt`).
    pub fn date(&self) -> Option<&str> {
        self.date.as_deref().filter(|d| !self.date_is_path(d))
    }

    /// PATH, or what was given as DATE when that is the notes' path.
    pub fn notes(&self) -> Option<&std::path::Path> {
        self.path.as_deref().or_else(|| {
            let d = self.date.as_deref()?;
            self.date_is_path(d).then(|| std::path::Path::new(d))
        })
    }

    fn date_is_path(&self, d: &str) -> bool {
        self.path.is_none()
            && daynotes_core::dates::parse_expr(d).is_err()
            && std::path::Path::new(d).exists()
    }
}

/// `daynotes stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Notes file or directory.
    pub path: Option<PathBuf>,

    /// Print the figures as JSON.
    #[arg(long)]
    pub json: bool,
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// Colour when output is a terminal and `NO_COLOR` is unset or empty.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// `export --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// JSON, pretty-printed.
    Json,
    /// YAML.
    Yaml,
    /// An Anki package (.apkg) of the cards; needs --output.
    Anki,
    /// Anki's text import: a card a line, tab-separated, with a header.
    AnkiCsv,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn definitions_are_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn path_is_found_on_either_level() {
        let cli = Cli::parse_from(["daynotes", "a.txt"]);
        assert_eq!(cli.path(), Some(std::path::Path::new("a.txt")));
        assert!(cli.command.is_none());
        let cli = Cli::parse_from(["daynotes", "show", "8.22/1", "b.txt", "--color", "never"]);
        assert_eq!(cli.path(), Some(std::path::Path::new("b.txt")));
        assert_eq!(cli.color, ColorWhen::Never);
    }

    #[test]
    fn depth_is_limited() {
        assert!(Cli::try_parse_from(["daynotes", "list", "--depth", "4"]).is_err());
        assert!(Cli::try_parse_from(["daynotes", "list", "--depth", "1"]).is_ok());
    }
}
