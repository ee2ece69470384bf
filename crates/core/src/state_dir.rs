//! The state directory (`$XDG_STATE_HOME/daynotes`, else
//! `~/.local/state/daynotes`) and the one safe way to keep files in it,
//! shared by the review state and the place the viewer was left.
//!
//! The directory may hold anything another program put there, so nothing
//! in it is trusted: every file is opened without following a link
//! (`O_NOFOLLOW`) and without blocking (`O_NONBLOCK`: a FIFO cannot hold
//! daynotes up), must be a regular file, and is read only up to a cap; a
//! file is replaced by a new file of a random name (`O_EXCL`, mode 0600)
//! renamed over it, so a link at its name is replaced, never written
//! through; new directories are the user's alone (0700).

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use crate::load::read::{ReadError, read_capped};

/// Where state files live: `$XDG_STATE_HOME/daynotes`, else
/// `~/.local/state/daynotes`.
pub fn state_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_STATE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|h| !h.is_empty())
                .map(|h| PathBuf::from(h).join(".local").join("state"))
        })?;
    Some(base.join("daynotes"))
}

/// The file of `kind` kept for the notes known as `key` (an absolute
/// path), in `dir`: `KIND-study-notes-3f2a….json`, the notes' name made
/// safe and a hash of the key.
pub fn file_for(dir: &Path, kind: &str, key: &str) -> PathBuf {
    let name = Path::new(key)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem: String = name
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
    dir.join(format!("{kind}-{stem}-{:016x}.json", fnv1a(key.as_bytes())))
}

/// FNV-1a, 64 bits: a hash that stays the same across builds and
/// platforms, so a state file is found again by any daynotes.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// How a state file is opened.
#[derive(Debug, Clone, Copy)]
pub enum Access {
    /// To read.
    Read,
    /// To append to (it must be there).
    Append,
    /// To lock: made when missing.
    Lock,
}

/// Opens `path` without following a link or blocking, and only when it is
/// a regular file. A link is the error `a symbolic link`, a FIFO or device
/// `not a regular file (…)`, both of kind [`io::ErrorKind::Other`].
pub fn open_no_link(path: &Path, access: Access) -> io::Result<File> {
    let mut options = OpenOptions::new();
    match access {
        Access::Read => options.read(true),
        Access::Append => options.append(true),
        Access::Lock => options.read(true).write(true).create(true),
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
            .mode(0o600);
    }
    let file = options.open(path).map_err(|e| {
        // ELOOP: the name is a link.
        #[cfg(unix)]
        if e.raw_os_error() == Some(libc::ELOOP) {
            return io::Error::other("a symbolic link");
        }
        e
    })?;
    let meta = file.metadata()?;
    if !meta.file_type().is_file() {
        return Err(io::Error::other(format!(
            "not a regular file ({})",
            crate::load::read::kind_name(meta.file_type())
        )));
    }
    Ok(file)
}

/// The bytes of the regular file at `path` (no link followed), at most
/// `cap` of them (more is [`ReadError::TooLarge`]), and what the open file
/// says of itself.
pub fn read_no_link(path: &Path, cap: u64) -> Result<(Vec<u8>, std::fs::Metadata), ReadError> {
    let file = open_no_link(path, Access::Read).map_err(ReadError::Io)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if meta.len() > cap {
        return Err(ReadError::TooLarge);
    }
    let bytes = read_capped(&file, meta.len(), cap, |_| Ok(()))?;
    Ok((bytes, meta))
}

/// Puts `bytes` at `path` through a new file of a random name in the same
/// directory (made with `O_EXCL`, mode 0600), flushed, then renamed over
/// whatever was there (a link there is replaced, not followed).
pub fn replace(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    make_dir(dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".daynotes-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    // The rename itself is durable once the directory is flushed.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Makes `dir` and its missing parents, the new ones the user's alone.
pub fn make_dir(dir: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// The warning when the state directory `dir` is in the notes.
pub fn inside_warning(dir: &Path) -> String {
    crate::sanitize::one_line(&format!(
        "the review state would be written inside the notes ({}): ratings last for this run only",
        resolved(dir).display()
    ))
}

/// True when the state directory `dir` is where the notes are: the
/// directory of a notes file (`folder` false), or a notes folder or a
/// folder in it that its reading enters (`folder` true). Both are taken
/// with their links and `..` resolved.
pub fn inside_notes(dir: &Path, notes: &Path, folder: bool) -> bool {
    let (dir, notes) = (resolved(dir), resolved(notes));
    let Ok(rest) = dir.strip_prefix(&notes) else {
        return false;
    };
    if !folder {
        return rest.as_os_str().is_empty();
    }
    rest.components().all(|c| match c {
        Component::Normal(name) => {
            let name = name.to_string_lossy();
            !name.starts_with('.') && !crate::load::is_skipped_dir(&name)
        }
        _ => true,
    })
}

/// `path` absolute, with its links and `..` resolved as far as it exists;
/// the rest, which does not exist yet, added with `..` taken as a step
/// up.
pub fn resolved(path: &Path) -> PathBuf {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let parts: Vec<Component> = path.components().collect();
    for split in (1..=parts.len()).rev() {
        let head: PathBuf = parts[..split].iter().collect();
        if let Ok(mut out) = std::fs::canonicalize(&head) {
            for c in &parts[split..] {
                match c {
                    Component::ParentDir => {
                        out.pop();
                    }
                    Component::Normal(n) => out.push(n),
                    _ => {}
                }
            }
            return out;
        }
    }
    path
}
