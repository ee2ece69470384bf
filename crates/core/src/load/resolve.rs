//! Which notes to open when none is named, and the first read of them: a
//! path given, else `$DAYNOTES_FILE`, else the config's `notes`, else
//! `./notes/`, else the bundled sample; a large file is read a glimpse
//! first for the viewer.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::glimpse::{Pending, read_head};
use super::{
    ENV_FILE, GLIMPSE_BYTES, GLIMPSE_OVER, LoadOptions, LoadTimes, Result, dir, from_text,
    load_with, read_file,
};
use crate::notes::Notebook;

/// Notes read, with where they came from.
#[derive(Debug)]
pub struct Loaded {
    /// The notes.
    pub notebook: Notebook,
    /// Says which notes were used (`reading notes.txt (from $DAYNOTES_FILE)`).
    pub origin: String,
    /// The file or directory read (what to watch and read again); `None`
    /// for the bundled sample.
    pub target: Option<PathBuf>,
    /// How long it took.
    pub times: LoadTimes,
    /// With [`LoadOptions::glimpse`] and a large file: the whole file, to
    /// read and parse on a thread; `notebook` then holds only its
    /// beginning.
    pub pending: Option<Pending>,
}

/// Finds the notes to open: `path` when given; else `$DAYNOTES_FILE`; else
/// the config's `notes`; else `./notes/` when it holds notes files; else the
/// `sample`, the notes bundled with the program. [`Loaded::origin`] says
/// which was used.
pub fn resolve(
    path: Option<&Path>,
    configured: Option<&Path>,
    options: LoadOptions,
    sample: &str,
) -> Result<Loaded> {
    let loaded = |target: &Path, origin: String| -> Result<Loaded> {
        let large = |p: &Path| {
            std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.len() > GLIMPSE_OVER as u64)
        };
        if options.glimpse && large(target) {
            let mut times = LoadTimes::default();
            let (file, pending) = match read_head(target, &mut times)? {
                Some(head) => (head, None),
                None => (read_file(target, false, &mut times)?, Some(())),
            };
            let t = Instant::now();
            let notebook = file.glimpse(GLIMPSE_BYTES);
            times.parse = t.elapsed();
            let pending = match pending {
                None => Pending::Read(target.to_path_buf()),
                Some(()) => Pending::Decoded(file),
            };
            return Ok(Loaded {
                notebook,
                origin,
                target: Some(target.to_path_buf()),
                times,
                pending: Some(pending),
            });
        }
        if options.glimpse && target.is_dir() {
            let mut times = LoadTimes::default();
            if let Some(notebook) = super::glimpse::folder_glimpse(target, options, &mut times)? {
                let whole = LoadOptions {
                    glimpse: false,
                    ..options
                };
                return Ok(Loaded {
                    notebook,
                    origin,
                    target: Some(target.to_path_buf()),
                    times,
                    pending: Some(Pending::Folder(target.to_path_buf(), whole)),
                });
            }
        }
        let (notebook, times) = load_with(target, options)?;
        Ok(Loaded {
            notebook,
            origin,
            target: Some(target.to_path_buf()),
            times,
            pending: None,
        })
    };
    if let Some(path) = path {
        return loaded(path, format!("reading {}", path.display()));
    }
    if let Some(env) = std::env::var_os(ENV_FILE).filter(|v| !v.is_empty()) {
        let path = PathBuf::from(env);
        let origin = format!("reading {} (from ${ENV_FILE})", path.display());
        return loaded(&path, origin).map_err(|e| e.through("$DAYNOTES_FILE"));
    }
    if let Some(path) = configured {
        let path = expand_home(path);
        let origin = format!("reading {} (from the config)", path.display());
        return loaded(&path, origin).map_err(|e| e.through("config notes"));
    }
    let dir = Path::new("notes");
    if dir.is_dir() && dir::files(dir, options.recursive).is_ok_and(|l| !l.notes.is_empty()) {
        return loaded(dir, "reading ./notes/".to_string());
    }
    Ok(Loaded {
        notebook: from_text("study-notes.txt (bundled sample)", sample.to_string()),
        origin: "no notes file given and no ./notes/ directory: showing the bundled sample notes"
            .into(),
        target: None,
        times: LoadTimes::default(),
        pending: None,
    })
}

/// `~/x` with the home directory put in.
fn expand_home(path: &Path) -> PathBuf {
    match (path.strip_prefix("~"), std::env::var_os("HOME")) {
        (Ok(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => path.to_path_buf(),
    }
}
