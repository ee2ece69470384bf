//! daynotes-view: the notes drawn in a terminal.
//!
//! Two parts in one crate, the first serving the second:
//!
//! - rendering: markdown laid out as styled lines at a width
//!   ([`markdown`]), the one [`theme`], display widths ([`text`]), names of
//!   days and topics ([`label`]), where boxes go ([`layout`]), the
//!   clipboard's escape ([`clipboard`]);
//! - the viewer: keys ([`keymap`]) make [`action::Action`]s, [`app::App`]
//!   changes its state by them, [`ui`] draws it.
//!
//! They are one crate because the viewer is the only user of rendering but
//! `show`, which draws one document as the viewer does: a crate of its own
//! would have one caller and the same dependencies. What reads and models
//! the notes is `daynotes_core`; what talks to the terminal and the
//! command line is the `daynotes` binary.
#![allow(rustdoc::private_intra_doc_links)]

pub mod action;
pub mod app;
pub mod clipboard;
pub mod keymap;
pub mod label;
pub mod layout;
pub mod markdown;
pub mod testing;
pub mod text;
pub mod theme;
pub mod ui;

/// The bundled notes, which many tests read.
#[cfg(test)]
pub(crate) const SAMPLE: &str = include_str!("../../../notes/study-notes.txt");
