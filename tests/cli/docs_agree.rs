//! The user guide in `docs/` agrees with the program: every command and
//! every option `--help` knows is written about there, every option the
//! command-line guide names exists, and every key of the viewer's table is
//! in the guide to the keys. (The manual page is made from the program
//! itself, so it cannot disagree; the guide is written by hand, so it can.)

use std::collections::BTreeSet;

use clap::CommandFactory;
use daynotes::cli::Cli;

fn doc(name: &str) -> String {
    let path = format!("{}/docs/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn all_docs() -> String {
    let dir = format!("{}/docs", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("docs/")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".md"))
        .collect();
    names.sort();
    names.iter().map(|n| doc(n)).collect::<Vec<_>>().join("\n")
}

/// Every command's name (with its path of parent commands) and its long
/// options, `--help` and `--version` aside.
fn commands() -> Vec<(String, BTreeSet<String>)> {
    fn walk(cmd: &clap::Command, path: &str, out: &mut Vec<(String, BTreeSet<String>)>) {
        let flags = cmd
            .get_arguments()
            .filter(|a| !a.is_hide_set())
            .filter_map(|a| a.get_long())
            .filter(|l| !matches!(*l, "help" | "version"))
            .map(|l| format!("--{l}"))
            .collect();
        out.push((path.to_string(), flags));
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            let name = sub.get_name();
            if name == "help" {
                continue;
            }
            walk(sub, format!("{path} {name}").trim(), out);
        }
    }
    let mut cmd = Cli::command();
    cmd.build();
    let mut out = Vec::new();
    walk(&cmd, "", &mut out);
    out
}

/// The `--options` a text names.
fn options_in(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (i, _) in text.match_indices("--") {
        let before = text[..i].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '-') {
            continue;
        }
        let name: String = text[i + 2..]
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || *c == '-')
            .collect();
        if name.len() > 1 {
            found.insert(format!("--{}", name.trim_end_matches('-')));
        }
    }
    found
}

#[test]
fn every_command_and_option_is_in_the_guide() {
    let guide = all_docs();
    let mut missing = Vec::new();
    for (command, flags) in commands() {
        if !command.is_empty() && !guide.contains(&format!("daynotes {command}")) {
            missing.push(format!("the command `daynotes {command}`"));
        }
        for flag in flags {
            if !options_in(&guide).contains(&flag) {
                let of = if command.is_empty() {
                    "daynotes"
                } else {
                    &command
                };
                missing.push(format!("{flag} of {of}"));
            }
        }
    }
    assert!(missing.is_empty(), "not in docs/: {missing:#?}");
}

#[test]
fn every_option_the_command_line_guide_names_exists() {
    let known: BTreeSet<String> = commands().into_iter().flat_map(|(_, f)| f).collect();
    // Lines that run other programs (cargo, rg, mdcat, an editor) name
    // their options, not ours.
    let ours: String = doc("command-line.md")
        .lines()
        .filter(|l| {
            let l = l.trim_start().trim_start_matches("$ ");
            !["cargo ", "rg ", "mdcat ", "code ", "hyperfine "]
                .iter()
                .any(|p| l.starts_with(p))
        })
        .collect::<Vec<_>>()
        .join("\n");
    // What a mistyped option is told is quoted as it comes.
    let ours = ours.replace("'--yeer'", "");
    let unknown: Vec<String> = options_in(&ours)
        .into_iter()
        .filter(|o| !known.contains(o) && o != "--help" && o != "--version")
        .collect();
    assert!(
        unknown.is_empty(),
        "docs/command-line.md names options daynotes does not have: {unknown:?}"
    );
}

#[test]
fn every_key_of_the_table_is_in_the_guide_to_keys() {
    let keys = doc("keys.md") + &doc("studying.md") + &doc("notebook.md") + &doc("search.md");
    let mut missing = Vec::new();
    for b in daynotes_view::keymap::Keymap::default().bindings() {
        for k in b.keys.iter() {
            let label = daynotes_view::keymap::label(k);
            if !keys.contains(&format!("`{label}`")) {
                missing.push(format!("{label} ({})", b.help));
            }
        }
    }
    missing.sort();
    missing.dedup();
    assert!(missing.is_empty(), "keys not in docs/keys.md: {missing:#?}");
}
