//! What the viewer's tests share: the bundled notes, the fixtures of the
//! repository's `tests/`, and the viewer on a test terminal
//! ([`daynotes_view::testing`]).

#![allow(dead_code)]

use std::path::PathBuf;

pub use daynotes_view::testing::*;

/// The bundled notes.
pub const SAMPLE: &str = include_str!("../../../../notes/study-notes.txt");

/// `name` under the repository's `tests/fixtures`.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name)
}

/// The bundled notes, read.
pub fn seed() -> daynotes_core::notes::Notebook {
    daynotes_core::load::from_text("study-notes.txt", SAMPLE.to_string())
}

/// The viewer on the bundled notes.
pub fn seed_screen(width: u16, height: u16) -> Screen {
    Screen::new(seed(), width, height)
}
