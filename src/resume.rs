//! Where the viewer was left, kept for the next time it opens the same
//! notes: one small JSON file per notes file or directory under the state
//! directory (`$XDG_STATE_HOME/daynotes/`, where the review state is),
//! named after the notes and a hash of their absolute path.
//!
//! ```text
//! ~/.local/state/daynotes/place-study-notes-5d1c….json
//! {"date":{"year":null,"month":8,"day":23},"topic":{"title":"服务器发送事件SSE",…},…}
//! ```
//!
//! The file is written and read as every file of the state directory is
//! ([`daynotes_core::state_dir`]): replaced whole by a new file of a random name,
//! never through a link; read as a regular file of at most [`MAX_BYTES`].

use std::io;
use std::path::{Path, PathBuf};

use daynotes_core::outline::Place;

/// The largest place file read: a place is a date and a few titles.
pub const MAX_BYTES: u64 = 64 * 1024;

/// The file keeping the place of the notes at `target`, in `dir`.
pub fn file_for(dir: &Path, target: &Path) -> PathBuf {
    let key = std::fs::canonicalize(target).unwrap_or_else(|_| target.to_path_buf());
    daynotes_core::state_dir::file_for(dir, "place", &key.to_string_lossy())
}

/// The place kept for the notes at `target`, if there is one that can be
/// read.
pub fn load(dir: &Path, target: &Path) -> Option<Place> {
    let (bytes, _) =
        daynotes_core::state_dir::read_no_link(&file_for(dir, target), MAX_BYTES).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// Keeps `place` for the notes at `target`; nothing when the state
/// directory is in the notes (beside the notes file, or in the folder).
pub fn save(dir: &Path, target: &Path, place: &Place) -> io::Result<()> {
    let (notes, folder) = if target.is_dir() {
        (target, true)
    } else {
        (target.parent().unwrap_or(Path::new(".")), false)
    };
    if daynotes_core::state_dir::inside_notes(dir, notes, folder) {
        return Ok(());
    }
    let mut text = serde_json::to_string(place).map_err(io::Error::other)?;
    text.push('\n');
    daynotes_core::state_dir::replace(&file_for(dir, target), text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use daynotes_core::dates::Axis;
    use daynotes_core::load::from_text;
    use daynotes_core::outline::NodeId;

    #[test]
    fn a_place_kept_is_found_again() {
        let dir = tempfile::tempdir().unwrap();
        let notes = dir.path().join("notes.txt");
        std::fs::write(&notes, crate::SAMPLE).unwrap();
        let nb = from_text("notes.txt", crate::SAMPLE.into());
        let axis = Axis::new(&nb, 2025);
        let sse = NodeId::topic(1, 1);
        let place = Place::of(&nb, sse, &axis).unwrap();
        let state = dir.path().join("state");
        save(&state, &notes, &place).unwrap();
        let again = load(&state, &notes).expect("read back");
        assert_eq!(again.find(&nb, &axis), Some(sse));
        // The file alone is left: no temporary one.
        let names: Vec<_> = std::fs::read_dir(&state).unwrap().flatten().collect();
        assert_eq!(names.len(), 1);
        assert!(
            names[0]
                .file_name()
                .to_string_lossy()
                .starts_with("place-notes-"),
            "{names:?}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_in_the_place_of_the_file_is_neither_read_nor_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let notes = dir.path().join("notes.txt");
        std::fs::write(&notes, "8.22:\n").unwrap();
        let state = dir.path().join("state");
        std::fs::create_dir(&state).unwrap();
        let elsewhere = dir.path().join("elsewhere.json");
        std::fs::write(&elsewhere, "kept").unwrap();
        let file = file_for(&state, &notes);
        std::os::unix::fs::symlink(&elsewhere, &file).unwrap();
        assert!(load(&state, &notes).is_none(), "not read through the link");
        let nb = from_text("notes.txt", "8.22:\n".into());
        let place = Place::of(&nb, NodeId::day(0), &Axis::new(&nb, 2025)).unwrap();
        save(&state, &notes, &place).unwrap();
        // The link was replaced, the file it pointed at untouched.
        assert_eq!(std::fs::read_to_string(&elsewhere).unwrap(), "kept");
        assert!(!file.symlink_metadata().unwrap().file_type().is_symlink());
        assert!(load(&state, &notes).is_some());
    }

    #[test]
    fn no_place_is_kept_inside_the_notes() {
        let dir = tempfile::tempdir().unwrap();
        let notes = dir.path().join("notes.txt");
        std::fs::write(&notes, "8.22:\n").unwrap();
        let nb = from_text("notes.txt", "8.22:\n".into());
        let place = Place::of(&nb, NodeId::day(0), &Axis::new(&nb, 2025)).unwrap();
        save(dir.path(), &notes, &place).unwrap();
        assert!(load(dir.path(), &notes).is_none(), "not beside the notes");
        save(&dir.path().join("state"), dir.path(), &place).unwrap();
        assert!(!dir.path().join("state").exists(), "not in the folder");
    }

    #[test]
    fn what_cannot_be_read_is_no_place() {
        let dir = tempfile::tempdir().unwrap();
        let notes = dir.path().join("n.txt");
        let file = file_for(dir.path(), &notes);
        std::fs::write(&file, "{not json").unwrap();
        assert!(load(dir.path(), &notes).is_none());
        std::fs::write(&file, vec![b' '; MAX_BYTES as usize + 1]).unwrap();
        assert!(load(dir.path(), &notes).is_none());
    }
}
