//! daynotes: a terminal viewer for dated study notes — the command line
//! and the terminal, over the notes of `daynotes_core` and the viewer of
//! `daynotes_view`.
//!
//! ```text
//! daynotes (this crate)   main, cli, commands, tui (the runner), watch, editor
//!     │                   ├── daynotes_view   app, ui, keymap, markdown, theme
//!     └───────────────────┴── daynotes_core   notes, parse, load, search, review…
//! ```
//!
//! These docs are for working on daynotes, so they name private items too:
//! build them with `cargo doc --document-private-items`.
#![allow(rustdoc::private_intra_doc_links)]

pub mod ansi;
pub mod cli;
pub mod commands;
pub mod editor;
pub mod resume;
pub mod timings;
pub mod tui;
pub mod watch;

/// The sample notebook bundled into the binary, shown when no notes file is
/// found.
pub const SAMPLE: &str = include_str!("../notes/study-notes.txt");
