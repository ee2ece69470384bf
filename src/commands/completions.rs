//! `daynotes completions SHELL` and `daynotes man`: generated from the clap
//! definitions, so they never disagree with `--help`.

use std::io::Write;

use anyhow::Context;
use clap::CommandFactory;

use crate::cli::Cli;

/// Writes the completion script for `shell`.
pub fn completions(shell: clap_complete::Shell, out: &mut dyn Write) -> anyhow::Result<()> {
    let mut cmd = Cli::command();
    clap_complete::generate(shell, &mut cmd, "daynotes", out);
    Ok(())
}

/// Writes the manual page, in roff.
pub fn man(out: &mut dyn Write) -> anyhow::Result<()> {
    clap_mangen::Man::new(Cli::command())
        .render(out)
        .context("writing the manual page")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(f: impl FnOnce(&mut Vec<u8>)) -> String {
        let mut out = Vec::new();
        f(&mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn every_shell_gets_the_subcommands() {
        use clap_complete::Shell;
        for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
            let script = text(|o| completions(shell, o).unwrap());
            for sub in ["list", "show", "export", "check", "search", "completions"] {
                assert!(script.contains(sub), "{shell}: {sub}");
            }
            assert!(
                script.contains("date") && script.contains("year"),
                "{shell}"
            );
            assert!(script.contains("daynotes"), "{shell}");
        }
        let bash = text(|o| completions(clap_complete::Shell::Bash, o).unwrap());
        assert!(bash.contains("complete -F _daynotes"), "{bash}");
    }

    #[test]
    fn the_manual_page_is_roff() {
        let page = text(|o| man(o).unwrap());
        // A roff page: string definitions, then the title header.
        let header = page
            .lines()
            .find(|l| !l.starts_with(".ie") && !l.starts_with(".el"));
        assert!(
            header.is_some_and(|h| h.starts_with(".TH daynotes 1")),
            "{page}"
        );
        assert!(
            page.contains(".SH NAME") && page.contains(".SH SYNOPSIS"),
            "{page}"
        );
        assert!(page.contains("daynotes"));
        assert!(page.contains("\\-\\-year"), "{page}");
    }
}
