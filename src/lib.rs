//! daynotes: a terminal viewer for dated study notes.
//!
//! The path of the data: file → [`decode`] → [`parse`] → [`notes::Notebook`]
//! → ([`outline`], [`search`], [`review`], [`stats`]) → [`app`] → [`ui`].
//! The domain modules (`notes`, `decode`, `parse`, `dates`, `load`,
//! `outline`, `sanitize`, `search`, `review`, `stats`) import no terminal
//! crate.

pub mod action;
pub mod ansi;
pub mod app;
pub mod cli;
pub mod clipboard;
pub mod commands;
pub mod config;
pub mod dates;
pub mod decode;
pub mod editor;
pub mod export;
#[doc(hidden)]
pub mod generate;
pub mod keymap;
pub mod label;
pub mod layout;
pub mod load;
pub mod markdown;
pub mod notes;
pub mod outline;
pub mod parse;
pub mod review;
pub mod sanitize;
pub mod search;
pub mod stats;
pub mod text;
pub mod theme;
pub mod timings;
pub mod tui;
pub mod ui;
pub mod wake;
pub mod watch;

/// The sample notebook bundled into the binary, shown when no notes file is
/// found.
pub const SAMPLE: &str = include_str!("../notes/study-notes.txt");
