//! The subcommands: each takes a loaded [`Notebook`] and writes its output.
//!
//! Everything fallible has already happened when a command starts except
//! writing, so a command's errors are write errors, a bad argument (an unknown
//! date) or none. [`exit_code`] turns the outcome into the process status:
//! 0 ok, 1 `check` found warnings, 2 an error (one line on stderr). A closed
//! pipe (`daynotes list | head -1`) is not an error.

mod arguments;
pub mod check;
pub mod completions;
pub mod export;
pub mod links;
pub mod list;
pub mod man;
pub mod on_this_day;
pub mod review;
pub mod search;
mod settings;
pub mod show;
pub mod stats;
pub mod tags;
pub mod tasks;

pub use arguments::parse as parse_arguments;
pub use settings::Settings;

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use crate::cli::{Cli, ColorWhen, Command, Format};
use daynotes_core::config::Config;
use daynotes_core::load::Loaded;
use daynotes_core::notes::Notebook;
use daynotes_core::sanitize::one_line;
use daynotes_view::theme::{ColourDepth, Theme};

/// Where the output goes and how it may look.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// Stdout is a terminal.
    pub terminal: bool,
    /// Styles may be written (`--color`, `NO_COLOR`).
    pub color: bool,
    /// The styles to write with: the configured theme when colour is on,
    /// [`Theme::plain`] otherwise.
    pub theme: Theme,
    /// The colours the terminal shows (`COLORTERM`, `TERM`).
    pub depth: ColourDepth,
}

impl Output {
    /// Looks at stdout and the environment; `configured` is the theme to
    /// use when colour is on.
    pub fn detect(when: ColorWhen, configured: &Theme) -> Self {
        let terminal = io::stdout().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = color_wanted(when, terminal, no_color);
        let var = |name| std::env::var(name).ok();
        let depth = ColourDepth::from_env(var("COLORTERM").as_deref(), var("TERM").as_deref());
        Output {
            terminal,
            color,
            theme: if color {
                configured.clone().with_depth(depth)
            } else {
                Theme::plain().with_tab_width(configured.md.tab_width)
            },
            depth,
        }
    }

    /// The width to lay text out at: the terminal's, else 80.
    pub fn width(&self) -> u16 {
        if self.terminal
            && let Ok((cols, _)) = crossterm::terminal::size()
            && cols > 0
        {
            return cols;
        }
        80
    }
}

/// `--color auto` colours a terminal unless `NO_COLOR` is set (non-empty).
pub fn color_wanted(when: ColorWhen, terminal: bool, no_color: bool) -> bool {
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => terminal && !no_color,
    }
}

/// Makes a panic one line on stderr, its message made safe: a message
/// may hold text of the notes, and no byte of them may reach the terminal
/// as a control sequence.
pub fn install_panic_line() {
    std::panic::set_hook(Box::new(|info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".into());
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!(
            "daynotes: internal error: {}{place}; please report it",
            one_line(&what)
        );
    }));
}

/// The whole program after the command line is read: the commands that
/// need no notes, then the configuration, the notes, and the command (or
/// the viewer).
pub fn main(cli: &Cli) -> anyhow::Result<ExitCode> {
    crate::timings::mark_start();
    if let Some(conflict) = cli.conflict() {
        anyhow::bail!("{conflict}");
    }
    if let Some(missing) = arguments::missing_path(cli) {
        anyhow::bail!("{missing}");
    }
    // Read whether or not the viewer opens (without a terminal the outline
    // is printed instead): a date that cannot be read is an error either way.
    if let Some(date) = &cli.date {
        daynotes_core::dates::parse_expr(date).map_err(|e| anyhow::anyhow!("--date: {e}"))?;
    }
    let stdout = io::stdout();
    match &cli.command {
        Some(Command::Completions(a)) => {
            completions::completions(a.shell, &mut stdout.lock())?;
            return Ok(ExitCode::SUCCESS);
        }
        Some(Command::Man) => {
            man::man(&mut stdout.lock())?;
            return Ok(ExitCode::SUCCESS);
        }
        Some(Command::Config(a)) if a.default => {
            stdout
                .lock()
                .write_all(daynotes_core::config::DEFAULT_YAML.as_bytes())?;
            return Ok(ExitCode::SUCCESS);
        }
        _ => {}
    }
    let config = Config::load(cli.config.as_deref())?;
    let settings = Settings::apply(&config)?;
    if let Some(Command::Config(_)) = &cli.command {
        let place = cli
            .config
            .clone()
            .or_else(daynotes_core::config::default_path);
        let place = place.map_or("(no configuration directory)".into(), |p| {
            let state = if p.is_file() {
                ""
            } else {
                " (not present: defaults in use)"
            };
            format!("{}{state}", p.display())
        });
        writeln!(stdout.lock(), "{place}")?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(result) = search::quick_count(cli) {
        return result;
    }
    if let Some((loaded, found)) = search::early::load(cli) {
        return run_found(cli, &settings, loaded, Some(found));
    }
    // The viewer shows the beginning of a large file at once (not when it
    // must open at a date, which may be anywhere in it).
    let viewer = cli.command.is_none() && io::stdout().is_terminal();
    let options = daynotes_core::load::LoadOptions {
        recursive: !cli.no_recursive,
        glimpse: viewer && cli.date.is_none(),
        // The viewer reads the notes (they may change under it); a command
        // maps a large file and reads it in place.
        map: !viewer,
        // What shows days and topics alone need not find sections.
        sections: !matches!(&cli.command,
            Some(Command::List(a)) if a.depth < 3),
        // Nor what shows no findings make them.
        findings: !matches!(&cli.command, Some(Command::List(_) | Command::Search(_))),
        // Nor what shows how many topics a day has make them (a tag filter
        // looks into them).
        topics: !matches!(&cli.command,
            Some(Command::List(a)) if a.depth == 1 && a.tags.is_empty()),
    };
    let loaded =
        daynotes_core::load::resolve(cli.path(), config.notes.as_deref(), options, crate::SAMPLE)?;
    run(cli, &settings, loaded)
}

/// Runs the command of `cli` on loaded notes. [`Loaded::origin`] says where
/// the notes came from; it is printed to stderr when the user gave no PATH
/// (the viewer shows it in its status bar instead).
pub fn run(cli: &Cli, settings: &Settings, loaded: Loaded) -> anyhow::Result<ExitCode> {
    run_found(cli, settings, loaded, None)
}

/// [`run`], with the lines `search` looks for when they were found as the
/// notes were parsed ([`search::early`]).
fn run_found(
    cli: &Cli,
    settings: &Settings,
    loaded: Loaded,
    found: Option<search::early::Found>,
) -> anyhow::Result<ExitCode> {
    let Loaded {
        mut notebook,
        origin,
        target,
        times,
        pending,
    } = loaded;
    let out = Output::detect(cli.color, &settings.theme);
    // `--tag`: search keeps the hits of what holds; the others see only it.
    let tagged = tags::Tagged::of(&notebook, cli.tags())?;
    if let Some(t) = &tagged
        && !matches!(cli.command, Some(Command::Search(_)))
    {
        // Cards are of what carries the tags: a day's preamble only when
        // the day does.
        let cards = matches!(&cli.command, Some(Command::Review(_)))
            || matches!(&cli.command,
                Some(Command::Export(a)) if matches!(a.format, Format::Anki | Format::AnkiCsv));
        let preambles = if cards {
            daynotes_core::tags::Preambles::OfTagged
        } else {
            daynotes_core::tags::Preambles::Kept
        };
        t.filter.retain(&t.tags, &mut notebook, preambles);
    }
    // Cards are named by the dates as the notes write them, not by years
    // `--year` fills in.
    let mut review_settings = settings.review.clone();
    review_settings.rule.drop_years =
        cli.year.is_some() && notebook.days.iter().all(|d| d.date.year.is_none());
    let assumed = assumed_year(cli, settings.year, &mut notebook);
    let reviewing = matches!(&cli.command,
        Some(Command::Review(a)) if !a.list && !a.stats && a.unsuspend.is_empty());
    let start = match &cli.command {
        Some(Command::Review(a)) if reviewing && a.cram => Some(crate::tui::Start::Cram(
            review::selection(&a.cards, assumed)?,
        )),
        _ if reviewing => Some(crate::tui::Start::Review),
        _ => None,
    };
    let needs_deck =
        matches!(cli.command, Some(Command::Review(_))) || (cli.command.is_none() && out.terminal);
    let deck = needs_deck.then(|| {
        let axis = daynotes_core::dates::Axis::new(&notebook, assumed.year);
        let build = !(reviewing && out.terminal) && cli.command.is_some();
        let (mut deck, warnings) = review::open_deck(
            &notebook,
            review_settings.clone(),
            &axis,
            build,
            target.as_deref(),
        );
        // Narrowed by tags: the cards left out are not gone.
        deck.partial = tagged.is_some();
        for w in &warnings {
            eprintln!("daynotes: warning: {}", one_line(w));
        }
        (deck, warnings)
    });
    if (cli.command.is_none() || reviewing) && out.terminal {
        let (deck, warnings) = deck.unwrap_or_default();
        let options = crate::tui::Options {
            origin: notes_name(target.as_deref()),
            date: cli.date.clone(),
            assumed,
            theme: out.theme,
            depth: out.depth,
            target,
            load: daynotes_core::load::LoadOptions {
                recursive: !cli.no_recursive,
                glimpse: false,
                map: false,
                sections: true,
                findings: true,
                topics: true,
            },
            editor: settings.editor.clone(),
            timings: cli.timings.then_some(times),
            pending,
            fill_year: cli.year,
            review: deck,
            review_warnings: warnings,
            start,
            pinyin: settings.pinyin,
            keymap: settings.keymap.clone(),
            outline_width: settings.outline_width,
            open_at: settings.open_at,
        };
        crate::tui::run(notebook, options)?;
        return Ok(ExitCode::SUCCESS);
    }
    if cli.path().is_none() {
        eprintln!("daynotes: {}", one_line(&origin));
    }
    for w in settings.keymap.warnings() {
        eprintln!("daynotes: warning: {}", one_line(w));
    }
    if matches!(cli.command, None | Some(Command::List(_)))
        && let Some(report) = daynotes_core::load::skipped_report(&notebook.skipped)
    {
        eprintln!("daynotes: note: {}", one_line(&report));
    }
    if !matches!(cli.command, Some(Command::Check(_)))
        && let Some((path, note)) = without_days(&notebook)
    {
        eprintln!("daynotes: note: {}: {}", one_line(path), one_line(note));
    }
    let stdout = io::stdout();
    let mut w = io::BufWriter::new(stdout.lock());
    let started = std::time::Instant::now();
    let code = match &cli.command {
        None => list::run(&notebook, 3, &out, &mut w)?,
        Some(Command::List(a)) => list::run(&notebook, a.depth, &out, &mut w)?,
        Some(Command::Show(a)) => show::run(a, &notebook, &out, &mut w)?,
        Some(Command::Export(a)) => {
            let axis = daynotes_core::dates::Axis::new(&notebook, assumed.year);
            let request = export::Request {
                args: a,
                settings: &review_settings,
                assumed,
                axis: &axis,
                target: target.as_deref(),
            };
            export::run(&request, &notebook, &mut w)?
        }
        Some(Command::Check(_)) => check::run(&notebook, &mut w)?,
        Some(Command::Search(a)) => {
            search::run(a, &notebook, found, tagged.as_ref(), &out, &mut w)?
        }
        Some(Command::Links(a)) => links::run(&notebook, a.json, &mut w)?,
        Some(Command::Tags(a)) => tags::run(&notebook, a.json, &mut w)?,
        Some(Command::Tasks(a)) => {
            let axis = daynotes_core::dates::Axis::new(&notebook, assumed.year);
            tasks::run(&notebook, &axis, a.all, a.json, &mut w)?
        }
        Some(Command::Review(a)) => match deck {
            Some((mut deck, _)) => review::run(a, &mut deck, &notebook, assumed, &mut w)?,
            None => ExitCode::SUCCESS,
        },
        Some(Command::OnThisDay(a)) => on_this_day::run(a, &notebook, assumed, &mut w)?,
        Some(Command::Stats(a)) => stats::run(&notebook, assumed, a.json, &mut w)?,
        Some(Command::Config(_) | Command::Completions(_) | Command::Man) => ExitCode::SUCCESS,
    };
    w.flush()?;
    if cli.timings {
        let mut t = crate::timings::Timings::default();
        t.load(times);
        t.phase("write", started.elapsed());
        t.phase("total", crate::timings::since_start());
        eprint!("{}", t.report());
    }
    // The process ends next: freeing a large notebook piece by piece (a
    // million topics) would only keep the user waiting.
    std::mem::forget(notebook);
    Ok(code)
}

/// What the status bar calls the notes: the file's name, the directory's
/// with a `/` (`notes/`), or `bundled sample`.
fn notes_name(target: Option<&std::path::Path>) -> String {
    let Some(path) = target else {
        return "bundled sample".into();
    };
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    if path.is_dir() {
        format!("{}/", name.trim_end_matches('/'))
    } else {
        name
    }
}

/// The file read when the notes have text but not one day, and what the
/// parser says of it (`check` lists it as a finding; the other commands
/// say it on stderr, as their output is then empty).
fn without_days(notebook: &Notebook) -> Option<(&str, &str)> {
    let has_text = notebook.sources.iter().any(|s| !s.text.trim().is_empty());
    if !notebook.days.is_empty() || !has_text {
        return None;
    }
    let path = notebook.sources.first()?.path.as_str();
    // The parser's note names the file's own lines that nearly were days.
    let note = notebook
        .warnings
        .iter()
        .find(|w| w.source == 0 && w.line == 0 && w.message.starts_with("no day heading found"))
        .map_or(daynotes_core::parse::NO_DAYS, |w| w.message.as_str());
    Some((path, note))
}

/// The year of days the notes give none: `--year` fills them in (and says
/// so when the notes name their own years, which win); otherwise the
/// year is only assumed for weekdays and the calendar.
fn assumed_year(
    cli: &Cli,
    configured: Option<i32>,
    notebook: &mut Notebook,
) -> daynotes_core::dates::AssumedYear {
    use daynotes_core::dates::{AssumedYear, assume_year};
    let this_year = daynotes_core::dates::today().0;
    if let Some(year) = cli.year {
        if !assume_year(notebook, year) {
            eprintln!("daynotes: note: --year {year} not used: the notes name their years");
        }
        return AssumedYear::choose(Some((year, "--year")), notebook, this_year);
    }
    let configured = configured.map(|y| (y, "config"));
    AssumedYear::choose(configured, notebook, this_year)
}

/// The process status for an outcome, printing an error as one line.
pub fn exit_code(result: anyhow::Result<ExitCode>) -> ExitCode {
    match result {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // Ignore a failure to write the message: there is nowhere left.
            let _ = writeln!(
                io::stderr(),
                "daynotes: error: {}",
                one_line(&format!("{e:#}"))
            );
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(io::ErrorKind::BrokenPipe))
    })
}

/// Writes rendered lines with or without styles, each ending in a newline.
fn write_lines(
    lines: &[ratatui::text::Line<'_>],
    color: bool,
    w: &mut dyn Write,
) -> io::Result<()> {
    w.write_all(crate::ansi::to_ansi(lines, color).as_bytes())
}

pub use daynotes_core::notes::push_number;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn color_follows_terminal_and_no_color() {
        assert!(color_wanted(ColorWhen::Auto, true, false));
        assert!(!color_wanted(ColorWhen::Auto, true, true));
        assert!(!color_wanted(ColorWhen::Auto, false, false));
        assert!(color_wanted(ColorWhen::Always, false, true));
        assert!(!color_wanted(ColorWhen::Never, true, false));
    }

    #[test]
    fn errors_are_one_visible_line() {
        assert_eq!(one_line("bad\n  file\x1b[2J"), "bad file␛[2J");
    }

    #[test]
    fn broken_pipe_is_quiet() {
        let e = anyhow::Error::from(io::Error::from(io::ErrorKind::BrokenPipe));
        assert!(is_broken_pipe(&e.context("writing")));
        assert_eq!(exit_code(Ok(ExitCode::from(1))), ExitCode::from(1));
    }
}
