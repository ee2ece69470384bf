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
//! The state directory is shared with other programs and other viewers,
//! so the file is written as a new file of a random name, created only if
//! no file has that name (`O_EXCL`) and never through a link
//! (`O_NOFOLLOW`), flushed, then renamed over the old one: a reader sees
//! the old place or the new one, never half of either, and a link planted
//! in the directory is never written through. It is read without
//! following a link, as a regular file of at most [`MAX_BYTES`].

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use crate::outline::Place;

/// The largest place file read: a place is a date and a few titles.
pub const MAX_BYTES: u64 = 64 * 1024;

/// The file keeping the place of the notes at `target`, in `dir`.
pub fn file_for(dir: &Path, target: &Path) -> PathBuf {
    let key = std::fs::canonicalize(target).unwrap_or_else(|_| target.to_path_buf());
    let key = key.to_string_lossy();
    let stem: String = Path::new(key.as_ref())
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .take(40)
        .collect();
    // FNV-1a: the same name from every build, so the place is found again.
    let hash = key.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    dir.join(format!("place-{stem}-{hash:016x}.json"))
}

/// The place kept for the notes at `target`, if there is one that can be
/// read.
pub fn load(dir: &Path, target: &Path) -> Option<Place> {
    let text = read_plain(&file_for(dir, target)).ok()?;
    serde_json::from_str(&text).ok()
}

/// Keeps `place` for the notes at `target`.
pub fn save(dir: &Path, target: &Path, place: &Place) -> io::Result<()> {
    let mut text = serde_json::to_string(place).map_err(io::Error::other)?;
    text.push('\n');
    write_whole(&file_for(dir, target), text.as_bytes())
}

/// Opens `path` without following a link (on Unix).
fn open_no_link(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    options.open(path)
}

/// The text of the regular file at `path`, read without following a link,
/// at most [`MAX_BYTES`].
fn read_plain(path: &Path) -> io::Result<String> {
    let file = open_no_link(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() || meta.len() > MAX_BYTES {
        return Err(io::Error::other("not a small regular file"));
    }
    let mut text = String::new();
    file.take(MAX_BYTES).read_to_string(&mut text)?;
    Ok(text)
}

/// Writes `bytes` as the whole of `path`: a new file of a random name in
/// the same directory (created, never opened if it exists, never through a
/// link), flushed, then renamed over `path`.
fn write_whole(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let (tmp, mut file) = new_file(dir)?;
    let written = file
        .write_all(bytes)
        .and_then(|()| file.sync_all())
        .and_then(|()| std::fs::rename(&tmp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// A file of a new random name in `dir`, created for writing (`O_EXCL`,
/// `O_NOFOLLOW`, owner only); a name taken is tried again.
fn new_file(dir: &Path) -> io::Result<(PathBuf, File)> {
    let mut last = None;
    for _ in 0..16 {
        let tmp = dir.join(format!(".place-{:016x}.tmp", fastrand::u64(..)));
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.custom_flags(libc::O_NOFOLLOW).mode(0o600);
        }
        match options.open(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("no free name")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::Axis;
    use crate::load::from_text;
    use crate::outline::NodeId;

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
