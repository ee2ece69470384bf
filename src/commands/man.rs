//! `daynotes man`: the whole manual in one page, made from what the program
//! itself knows, so it never disagrees with it: the command line from the
//! clap definitions (the commands each in a section of this page, not in
//! pages of their own that do not exist), the viewer's keys from the key
//! table (grouped as the help shows them), the configuration from the
//! commented default file.
//!
//! ```text
//! NAME  SYNOPSIS  DESCRIPTION  OPTIONS      clap_mangen, from the clap definitions
//! COMMANDS                                  each command: usage, what it does, options
//! VIEWER KEYS                               keymap::help::groups
//! CONFIGURATION  FILES                      config/default.yaml, the places read
//! EXAMPLES  VERSION
//! ```

use std::io::Write;

use anyhow::Context as _;
use clap::CommandFactory;

use crate::cli::Cli;
use daynotes_view::keymap::Keymap;
use daynotes_view::keymap::help::groups;

/// Text made safe for roff: backslashes and dashes escaped, and a line
/// that would start with a control character (`.` `'`) guarded.
fn roff(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

/// Writes the manual page, in roff.
pub fn man(out: &mut dyn Write) -> anyhow::Result<()> {
    write(out).context("writing the manual page")
}

fn write(out: &mut dyn Write) -> std::io::Result<()> {
    let mut cmd = Cli::command();
    cmd.build();
    let page = clap_mangen::Man::new(cmd.clone());
    page.render_title(out)?;
    page.render_name_section(out)?;
    page.render_synopsis_section(out)?;
    page.render_description_section(out)?;
    page.render_options_section(out)?;
    commands(out, &cmd)?;
    keys(out)?;
    configuration(out)?;
    examples(out, &cmd)?;
    page.render_version_section(out)?;
    Ok(())
}

/// `.SH COMMANDS`: each command's usage, what it does and its own options.
fn commands(out: &mut dyn Write, cmd: &clap::Command) -> std::io::Result<()> {
    writeln!(out, ".SH COMMANDS")?;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        if sub.get_name() == "help" {
            continue;
        }
        let mut sub = sub.clone();
        let usage = sub.render_usage().to_string();
        let usage = usage.trim_start_matches("Usage:").trim();
        writeln!(out, ".SS {}", roff(sub.get_name()))?;
        writeln!(out, "\\fB{}\\fR", roff(usage))?;
        writeln!(out, ".PP")?;
        let about = sub.get_long_about().or_else(|| sub.get_about());
        if let Some(about) = about {
            writeln!(out, "{}", roff(&about.to_string()))?;
        }
        for arg in sub.get_arguments() {
            if arg.is_hide_set() || arg.is_global_set() || arg.get_id() == "help" {
                continue;
            }
            writeln!(out, ".TP")?;
            let name = match (arg.get_long(), arg.get_short()) {
                (Some(long), Some(short)) => {
                    format!("\\fB\\-{short}\\fR, \\fB\\-\\-{}\\fR", roff(long))
                }
                (Some(long), None) => format!("\\fB\\-\\-{}\\fR", roff(long)),
                _ => String::new(),
            };
            let value = arg
                .get_value_names()
                .map(|v| {
                    v.iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .filter(|_| arg.get_action().takes_values());
            let line = match (name.is_empty(), value) {
                (true, Some(v)) => format!("\\fI{}\\fR", roff(&v)),
                (false, Some(v)) => format!("{name} \\fI<{}>\\fR", roff(&v)),
                (_, None) => name,
            };
            writeln!(out, "{line}")?;
            if let Some(help) = arg.get_long_help().or_else(|| arg.get_help()) {
                writeln!(out, "{}", roff(&help.to_string()))?;
            }
        }
        if let Some(after) = sub.get_after_help() {
            writeln!(out, ".PP")?;
            writeln!(out, ".nf")?;
            for line in after.to_string().lines() {
                writeln!(out, "{}", roff(line))?;
            }
            writeln!(out, ".fi")?;
        }
    }
    Ok(())
}

/// `.SH VIEWER KEYS`: every key of the viewer, grouped by where it works,
/// as the help (`?`) lists them.
fn keys(out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, ".SH VIEWER KEYS")?;
    writeln!(
        out,
        "In the viewer, \\fB?\\fR (or \\fBF1\\fR while typing) shows these keys, \
         open on those of the moment; \\fB/\\fR filters them. The config's \
         \\fBkeys\\fR change them."
    )?;
    for (group, entries) in groups(&Keymap::default(), "") {
        writeln!(out, ".SS {}", roff(group.title()))?;
        // One key a line, no blank between.
        writeln!(out, ".PD 0")?;
        for (keys, help) in entries {
            writeln!(out, ".TP 16")?;
            writeln!(out, "\\fB{}\\fR", roff(&keys))?;
            writeln!(out, "{}", roff(help))?;
        }
        writeln!(out, ".PD")?;
    }
    Ok(())
}

/// `.SH CONFIGURATION` and `.SH FILES`: where settings are read and the
/// commented default file, which names every key.
fn configuration(out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, ".SH CONFIGURATION")?;
    writeln!(
        out,
        "Settings are read from \\fI$XDG_CONFIG_HOME/daynotes/config.yaml\\fR (else \
         \\fI~/.config/daynotes/config.yaml\\fR), or the file \\fB\\-\\-config\\fR names. \
         Every key is optional; an unknown key is an error that names the valid ones. \
         \\fBdaynotes config \\-\\-default\\fR prints this file:"
    )?;
    writeln!(out, ".PP")?;
    writeln!(out, ".nf")?;
    writeln!(out, ".RS 4")?;
    for line in daynotes_core::config::DEFAULT_YAML.lines() {
        writeln!(out, "{}", roff(line))?;
    }
    writeln!(out, ".RE")?;
    writeln!(out, ".fi")?;
    writeln!(out, ".SH FILES")?;
    for (place, what) in [
        (
            "$XDG_CONFIG_HOME/daynotes/config.yaml",
            "the settings (see CONFIGURATION)",
        ),
        (
            "$XDG_STATE_HOME/daynotes/review\\-*.json",
            "the review schedule of each notes file, never beside the notes",
        ),
        (
            "$XDG_STATE_HOME/daynotes/place\\-*.json",
            "where the viewer was left in each notes file or folder",
        ),
    ] {
        writeln!(out, ".TP")?;
        writeln!(out, "\\fI{place}\\fR")?;
        writeln!(out, "{what}")?;
    }
    Ok(())
}

/// `.SH EXAMPLES`: the command line's examples.
fn examples(out: &mut dyn Write, cmd: &clap::Command) -> std::io::Result<()> {
    let Some(after) = cmd.get_after_help() else {
        return Ok(());
    };
    writeln!(out, ".SH EXAMPLES")?;
    writeln!(out, ".nf")?;
    for line in after.to_string().lines().skip_while(|l| l.ends_with(':')) {
        writeln!(out, "{}", roff(line))?;
    }
    writeln!(out, ".fi")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page() -> String {
        let mut out = Vec::new();
        man(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn the_page_holds_the_commands_keys_and_configuration() {
        let page = page();
        let header = page
            .lines()
            .find(|l| !l.starts_with(".ie") && !l.starts_with(".el"));
        assert!(
            header.is_some_and(|h| h.starts_with(".TH daynotes 1")),
            "{page}"
        );
        for section in [
            ".SH NAME",
            ".SH SYNOPSIS",
            ".SH OPTIONS",
            ".SH COMMANDS",
            ".SS list",
            ".SS on\\-this\\-day",
            ".SH VIEWER KEYS",
            ".SS In the calendar",
            ".SS Anywhere",
            ".SH CONFIGURATION",
            ".SH FILES",
            ".SH EXAMPLES",
        ] {
            assert!(page.contains(section), "{section}");
        }
        assert!(page.contains("\\-\\-depth"), "list's own option");
        assert!(page.contains("# open_at: last"), "the default config");
        assert!(page.contains("\\fBCtrl\\-c\\fR"), "a key");
    }

    #[test]
    fn no_page_is_named_that_does_not_exist() {
        let page = page();
        // Only this page: no daynotes-list(1) and the like.
        for (i, _) in page.match_indices("(1)") {
            let before = &page[..i];
            let word = before.rsplit([' ', '\n', '(']).next().unwrap_or("");
            assert_eq!(word, "daynotes", "{}", &page[i.saturating_sub(40)..i + 3]);
        }
    }

    #[test]
    fn roff_control_characters_are_escaped() {
        assert_eq!(roff(".hidden"), "\\&.hidden");
        assert_eq!(roff("a-b \\n"), "a\\-b \\en");
    }
}
