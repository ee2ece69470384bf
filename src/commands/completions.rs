//! `daynotes completions SHELL`: generated from the clap definitions, so
//! it never disagrees with `--help` (as `daynotes man`, in [`super::man`]).

use std::io::Write;

use clap::CommandFactory;

use crate::cli::Cli;

/// Writes the completion script for `shell`.
pub fn completions(shell: clap_complete::Shell, out: &mut dyn Write) -> anyhow::Result<()> {
    let mut cmd = Cli::command();
    clap_complete::generate(shell, &mut cmd, "daynotes", out);
    Ok(())
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
}
