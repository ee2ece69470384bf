//! Reading the command line, and what becomes of a line that cannot be
//! read: clap's several lines of error folded into one, as every other
//! error is, with what clap listed (the missing arguments) and its tips
//! kept; and a word in the place of PATH that is neither a file nor a
//! command (`daynotes lst`, `daynotes gen-notes --help`) named as such,
//! with the command it looks like.
//!
//! ```text
//! daynotes export notes.txt
//! daynotes: error: the following required arguments were not provided: --format <FORMAT>; try --help
//! daynotes lst
//! daynotes: error: lst: no such file or directory; did you mean `list`?
//! ```

use std::ffi::OsString;
use std::path::Path;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};

use crate::cli::Cli;

/// The command line of `args` (the program's name first), or the status to
/// leave with once help, the version or an error has been printed.
pub fn parse(args: Vec<OsString>) -> Result<Cli, ExitCode> {
    match Cli::try_parse_from(&args) {
        Ok(cli) => Ok(cli),
        Err(e) => Err(argument_error(&e, &args)),
    }
}

/// What a command line clap could not read comes to: help and the version
/// are printed as clap prints them (unless the help was asked of a word
/// that is no command, which clap took for PATH); an error is one line, as
/// every other error is: `daynotes: error: invalid value 'x' for '--depth
/// <N>': invalid digit found in string; try --help`, with clap's tip (a
/// similar argument) in it, status 2.
fn argument_error(e: &clap::Error, args: &[OsString]) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) && let Some(msg) = stray_word(args).as_deref().and_then(not_found)
    {
        return super::exit_code(Err(anyhow::anyhow!("{msg}")));
    }
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = e.print();
        return ExitCode::SUCCESS;
    }
    // `daynotes shwo 8.22`: clap took the slip for PATH and stumbled on
    // what follows it; the slip is what to tell.
    let slip = first_word(args)
        .filter(|w| !command_names().contains(w) && !exists(Path::new(w)))
        .filter(|w| closest(w, &command_names()).is_some())
        .and_then(|w| not_found(&w));
    let line = slip.unwrap_or_else(|| clap_line(&e.to_string()));
    super::exit_code(Err(anyhow::anyhow!("{line}")))
}

/// The first word of the line that is neither an option nor an option's
/// value: a command, or the viewer's PATH.
fn first_word(args: &[OsString]) -> Option<String> {
    let cmd = Cli::command();
    let takes_value = |flag: &str| {
        cmd.get_arguments().any(|a| {
            a.get_action().takes_values()
                && (flag
                    .strip_prefix("--")
                    .is_some_and(|l| a.get_long() == Some(l))
                    || flag
                        .strip_prefix('-')
                        .and_then(|s| s.chars().next())
                        .is_some_and(|c| a.get_short() == Some(c)))
        })
    };
    let mut words = args.iter().skip(1).filter_map(|a| a.to_str());
    while let Some(w) = words.next() {
        if w.starts_with('-') {
            if !w.contains('=') && takes_value(w) {
                words.next();
            }
            continue;
        }
        return Some(w.to_string());
    }
    None
}

/// The word read as the viewer's PATH when help was asked for, if it is
/// not there on disk: `gen-notes` of `daynotes gen-notes --help`.
fn stray_word(args: &[OsString]) -> Option<String> {
    let without_help: Vec<&OsString> = args
        .iter()
        .filter(|a| !matches!(a.to_str(), Some("--help" | "-h")))
        .collect();
    let cli = Cli::try_parse_from(without_help).ok()?;
    let path = cli.path.filter(|_| cli.command.is_none())?;
    (!exists(&path)).then(|| path.display().to_string())
}

/// True when something is at `path` (a dangling link too: it is named,
/// and its own error says what is wrong).
fn exists(path: &Path) -> bool {
    path.symlink_metadata().is_ok()
}

/// The error for a PATH that is not there, given with no command: `lst:
/// no such file or directory; did you mean `list`?`; `None` when the path
/// is there or a command was given.
pub fn missing_path(cli: &Cli) -> Option<String> {
    let path = cli.path.as_deref().filter(|_| cli.command.is_none())?;
    if exists(path) {
        return None;
    }
    not_found(&path.display().to_string())
}

/// `WORD: no such file or directory`, and the command it may have meant;
/// `None` for what is written as a path (`notes.txt`, `a/b`), whose own
/// error the loader gives.
fn not_found(word: &str) -> Option<String> {
    if looks_like_a_path(word) {
        return None;
    }
    let names = command_names();
    Some(match closest(word, &names) {
        Some(name) => format!("{word}: no such file or directory; did you mean `{name}`?"),
        None => format!(
            "{word}: no such file or directory, and not a command (commands: {})",
            names.join(", ")
        ),
    })
}

/// A word with a separator or an extension is meant as a path.
fn looks_like_a_path(word: &str) -> bool {
    word.contains(['/', '\\', '.'])
}

/// The subcommands, as typed.
fn command_names() -> Vec<String> {
    Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect()
}

/// The name `word` is most likely a slip for: one a few edits away (a
/// letter left out, added, changed or two swapped), or that it begins.
fn closest<'a>(word: &str, names: &'a [String]) -> Option<&'a str> {
    let word = word.to_lowercase();
    if looks_like_a_path(&word) || word.chars().count() < 2 {
        return None;
    }
    let allowed = (word.chars().count() / 3).clamp(1, 2);
    names
        .iter()
        .map(|n| (edits(&word, n), n))
        .filter(|(d, n)| *d <= allowed || (word.len() >= 3 && n.starts_with(word.as_str())))
        .min_by_key(|(d, _)| *d)
        .map(|(_, n)| n.as_str())
}

/// The edits (insert, delete, change, swap two neighbours) from `a` to `b`.
fn edits(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let change = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + change);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

/// clap's several lines (`error: …`, what it lists indented under it, a
/// blank, `  tip: …`, the usage, `For more information…`) as one: the
/// error, what it lists, its tips, and where help is.
fn clap_line(text: &str) -> String {
    let mut lines = text.lines();
    let first = lines.next().unwrap_or_default().trim();
    let mut out = first.strip_prefix("error: ").unwrap_or(first).to_string();
    // `the following required arguments were not provided:` and the
    // arguments, one an indented line, up to the blank line.
    let listed: Vec<&str> = lines
        .clone()
        .take_while(|l| !l.trim().is_empty())
        .map(str::trim)
        .filter(|l| !l.starts_with("tip: "))
        .collect();
    if !listed.is_empty() {
        let sep = if out.ends_with(':') { " " } else { ": " };
        out.push_str(sep);
        out.push_str(&listed.join(", "));
    }
    for tip in lines.filter_map(|l| l.trim().strip_prefix("tip: ")) {
        out.push_str("; ");
        out.push_str(tip);
    }
    out.push_str("; try --help");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clap_errors_become_one_line() {
        let text = "error: unexpected argument '--yeer' found\n\n  \
            tip: a similar argument exists: '--year'\n\nUsage: daynotes [OPTIONS] [PATH]\n\n\
            For more information, try '--help'.\n";
        assert_eq!(
            clap_line(text),
            "unexpected argument '--yeer' found; a similar argument exists: '--year'; try --help"
        );
    }

    #[test]
    fn what_clap_lists_is_kept() {
        let text = "error: the following required arguments were not provided:\n  \
            --format <FORMAT>\n  <SHELL>\n\nUsage: daynotes export --format <FORMAT> [PATH]\n\n\
            For more information, try '--help'.\n";
        assert_eq!(
            clap_line(text),
            "the following required arguments were not provided: --format <FORMAT>, <SHELL>; \
             try --help"
        );
    }

    #[test]
    fn a_slip_is_matched_to_its_command() {
        let names = command_names();
        let near = |w| closest(w, &names);
        assert_eq!(near("lst"), Some("list"));
        assert_eq!(near("LIST"), Some("list"));
        assert_eq!(near("shwo"), Some("show"));
        assert_eq!(near("serach"), Some("search"));
        assert_eq!(near("rev"), Some("review"));
        assert_eq!(near("on-this-dya"), Some("on-this-day"));
        assert_eq!(near("stat"), Some("stats"));
        for far in ["gen-notes", "notes", "x", "lst.txt", "a/lst", "frobnicate"] {
            assert_eq!(near(far), None, "{far}");
        }
    }

    #[test]
    fn the_first_word_skips_options_and_their_values() {
        let line = |words: &[&str]| {
            let args: Vec<OsString> = words.iter().map(OsString::from).collect();
            first_word(&args)
        };
        assert_eq!(
            line(&["daynotes", "--color", "never", "shwo"]),
            Some("shwo".into())
        );
        assert_eq!(line(&["daynotes", "--timings", "lst"]), Some("lst".into()));
        assert_eq!(line(&["daynotes", "--year=2024", "x"]), Some("x".into()));
        assert_eq!(line(&["daynotes", "--date", "8.22"]), None);
    }

    #[test]
    fn edits_count_swaps_as_one() {
        assert_eq!(edits("list", "list"), 0);
        assert_eq!(edits("lsit", "list"), 1);
        assert_eq!(edits("lst", "list"), 1);
        assert_eq!(edits("", "abc"), 3);
    }
}
