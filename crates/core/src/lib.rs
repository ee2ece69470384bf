//! daynotes-core: dated study notes as plain data, and everything done
//! with them that needs no terminal.
//!
//! The path of the data: file → [`load`] ([`decode`]) → [`parse`] →
//! [`notes::Notebook`] → [`outline`], [`search`], [`review`], [`stats`],
//! [`export`], [`links`], [`tags`], [`tasks`]. The configuration's values
//! are read here too ([`config`]); the review state and the viewer's other
//! files live in the state directory ([`state_dir`]).
//!
//! No terminal crate is a dependency of this crate: the compiler, not a
//! convention, keeps the viewer out of it. Errors at its surface are typed
//! ([`load::LoadError`], [`config::ConfigError`]); the binary gives them
//! their context.
//!
//! These docs are for working on daynotes, so they name private items too:
//! build them with `cargo doc --document-private-items`.
#![allow(rustdoc::private_intra_doc_links)]

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
mod pairs;
pub mod parse;
mod prefetch;
pub mod prose;
pub mod review;
pub mod sanitize;
pub mod search;
pub mod state_dir;
pub mod stats;
pub mod tags;
pub mod tasks;
pub mod wake;

/// The bundled notes, which many tests read.
#[cfg(test)]
pub(crate) const SAMPLE: &str = include_str!("../../../notes/study-notes.txt");
