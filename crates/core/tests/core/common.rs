//! What the core's tests share: the bundled notes and the fixtures of the
//! repository's `tests/`.

#![allow(dead_code)]

use std::path::PathBuf;

/// The bundled notes.
pub const SAMPLE: &str = include_str!("../../../../notes/study-notes.txt");

/// `name` under the repository's `tests/fixtures` (`""`: the folder itself).
pub fn fixture(name: &str) -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    if name.is_empty() {
        root
    } else {
        root.join(name)
    }
}

/// The bundled notes, read.
pub fn seed() -> daynotes_core::notes::Notebook {
    daynotes_core::load::from_text("study-notes.txt", SAMPLE.to_string())
}

/// A temporary directory holding `files` (name, text), made with their
/// folders.
pub fn dir_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    for (name, text) in files {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("its folder");
        }
        std::fs::write(path, text).expect("the file");
    }
    dir
}
