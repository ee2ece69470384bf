//! Every test that runs the binary does so through `tests/cli/common.rs`, whose
//! builder gives each run its own empty `HOME`, `XDG_CONFIG_HOME` and
//! `XDG_STATE_HOME`: a command built by hand elsewhere would read the
//! configuration of whoever runs the tests.

use std::path::{Path, PathBuf};

/// The `.rs` files under `dir`, at any depth.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
    found
}

#[test]
fn only_the_common_builder_names_the_binary() {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let builder = tests.join("cli").join("common.rs");
    let files = sources(&tests);
    assert!(files.contains(&builder), "{files:?}");
    let by_hand: Vec<String> = files
        .iter()
        .filter(|f| **f != builder)
        .filter(|f| {
            let text = std::fs::read_to_string(f).unwrap();
            text.contains(concat!("CARGO_BIN_", "EXE"))
        })
        .map(|f| f.strip_prefix(&tests).unwrap().display().to_string())
        .collect();
    assert!(
        by_hand.is_empty(),
        "run the binary through common::daynotes or common::Home, not by hand in {by_hand:?}"
    );
}
