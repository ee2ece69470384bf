//! The layers of the code, kept: each module imports only from the layers
//! below it, so that no two modules need each other.
//!
//! ```text
//! edges     main ─► commands ─► tui    cli, watch, editor, timings, ansi
//! viewer              ui ─► app ─► keymap ─► action
//! helpers   markdown, theme, layout, label, text, clipboard, wake
//! core      notes, parse, decode, dates, load, outline, search, review, stats, config, blocks
//! ```
//!
//! Every file under `src/` is read as text; each `crate::` path its code
//! names (also inside `use crate::{a, b}` groups and through `super::`
//! chains) is held against the rules below. Comments are left out: a
//! module's doc may say who uses it.

use std::path::{Path, PathBuf};

/// The core: plain Rust over the notes (and the config file), no terminal.
const DOMAIN: &[&str] = &[
    "notes",
    "parse",
    "decode",
    "dates",
    "load",
    "outline",
    "search",
    "sanitize",
    "review",
    "stats",
    "export",
    "generate",
    "config",
    "blocks",
    "state_dir",
    "links",
    "tags",
    "math",
    "tasks",
    "prose",
];

/// What the modules of a layer may not name.
fn forbidden(module: &str) -> Vec<&'static str> {
    let viewer = ["action", "keymap", "app", "ui", "tui", "commands"];
    let helpers = ["layout", "label", "text", "markdown", "theme"];
    match module {
        m if DOMAIN.contains(&m) => viewer.iter().chain(&helpers).copied().collect(),
        "action" => vec![
            "keymap", "app", "ui", "tui", "commands", "layout", "markdown",
        ],
        "layout" | "label" | "text" | "markdown" | "theme" | "wake" | "clipboard" => {
            viewer.to_vec()
        }
        "keymap" => vec!["app", "ui", "tui", "commands"],
        "app" => vec!["ui", "tui", "commands"],
        "ui" => vec!["tui", "commands"],
        "tui" => vec!["commands"],
        _ => Vec::new(),
    }
}

/// Terminal crates, which the notes core never uses.
const TERMINAL: &[&str] = &["ratatui", "crossterm"];

/// The module path of the file at `rel` (relative to `src/`): `app/search.rs`
/// is `["app", "search"]`, `ui/mod.rs` is `["ui"]`.
fn module_path(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// The top-level modules `text` names, written in the file at `path` (its
/// module path): `crate::x`, `crate::{x, y::z}`, `super::super::x` from
/// two levels down.
fn named_modules(text: &str, path: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let push_group = |rest: &str, out: &mut Vec<String>| {
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0;
            let mut item = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        out.push(ident(item.trim()));
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                item.push(c);
            }
            out.push(ident(item.trim()));
        } else {
            out.push(ident(rest));
        }
    };
    for (at, _) in text.match_indices("crate::") {
        // `$crate::` is a macro's own crate.
        if text[..at].ends_with('$') {
            continue;
        }
        push_group(&text[at + "crate::".len()..], &mut out);
    }
    for (at, _) in text.match_indices("super::") {
        if text[..at].ends_with("super::") {
            continue; // counted from the first of the chain
        }
        let mut rest = &text[at..];
        let mut up = 0;
        while let Some(r) = rest.strip_prefix("super::") {
            rest = r;
            up += 1;
        }
        // Only a chain that climbs to the crate's root names a top-level
        // module; a shorter one stays inside its own.
        if up == path.len() {
            push_group(rest, &mut out);
        }
    }
    out.retain(|m| !m.is_empty());
    out
}

/// `text` without its comment lines (`//`, `///`, `//!`).
fn code(text: &str) -> String {
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_module_imports_from_a_layer_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut broken = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(&src).unwrap();
        let path = module_path(rel);
        let Some(top) = path.first() else { continue };
        let text = code(&std::fs::read_to_string(file).unwrap());
        let banned = forbidden(top);
        for named in named_modules(&text, &path) {
            if banned.contains(&named.as_str()) {
                broken.push(format!("{}: names crate::{named}", rel.display()));
            }
        }
        if DOMAIN.contains(&top.as_str()) {
            for word in TERMINAL {
                if text.contains(&format!("{word}::")) {
                    broken.push(format!("{}: uses {word}", rel.display()));
                }
            }
        }
    }
    broken.sort();
    broken.dedup();
    assert!(
        broken.is_empty(),
        "imports against the layers:\n{}",
        broken.join("\n")
    );
    assert!(files.len() > 100, "read the sources: {}", files.len());
}

#[test]
fn paths_are_read_through_groups_and_super_chains() {
    let app_search = module_path(Path::new("app/search.rs"));
    assert_eq!(app_search, ["app", "search"]);
    assert_eq!(module_path(Path::new("ui/mod.rs")), ["ui"]);
    let named = named_modules(
        "use crate::ui::draw;\nuse crate::{label, tui::{a, b}, text};\n\
         use super::super::keymap::Keymap;\nuse super::Mode;",
        &app_search,
    );
    assert_eq!(named, ["ui", "label", "tui", "text", "keymap"]);
    assert!(
        code("/// [`crate::ui`]\nfn f() {}")
            .find("crate::ui")
            .is_none()
    );
    // The rule that keeps `app` below `ui`.
    assert!(forbidden("app").contains(&"ui"));
    assert!(!forbidden("ui").contains(&"app"));
}
