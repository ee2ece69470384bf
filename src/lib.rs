//! daynotes: a terminal viewer for dated study notes.
//!
//! The path of the data: file → [`decode`] → [`parse`] → [`notes::Notebook`]
//! → ([`outline`], [`search`], [`review`], [`stats`]) → [`app`] → [`ui`].
//!
//! The modules stand in four layers, declared below from the bottom up; a
//! module imports only from its own layer and those below it
//! (`tests/layers.rs` checks it). The core imports no terminal crate and
//! nothing of the viewer.
//!
//! These docs are for working on daynotes, so they name private items too:
//! build them with `cargo doc --document-private-items`.
#![allow(rustdoc::private_intra_doc_links)]

// The core: plain Rust over the notes (and the configuration file).
pub mod blocks;
pub mod config;
pub mod dates;
pub mod decode;
pub mod export;
#[doc(hidden)]
pub mod generate;
pub mod links;
pub mod load;
pub mod math;
pub mod notes;
pub mod outline;
pub mod parse;
pub mod prose;
pub mod review;
pub mod sanitize;
pub mod search;
pub mod state_dir;
pub mod stats;
pub mod tags;
pub mod tasks;

// What the viewer and the commands share: how text is shown, named and
// copied, where boxes go, and the loop's wake-up call.
pub mod clipboard;
pub mod label;
pub mod layout;
pub mod markdown;
pub mod text;
pub mod theme;
pub mod wake;

// The viewer: actions, the keys that make them, the state they change,
// the drawing of it.
pub mod action;
pub mod app;
pub mod keymap;
pub mod ui;

// The edges: the command line, the configuration, the terminal and the
// world outside it.
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
