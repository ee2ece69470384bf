//! Why notes could not be read: each error names the file or folder it is
//! about, and reads as one line (`notes.txt: binary file (it holds a NUL
//! byte)`); the binary prints it after `daynotes: error: `.

use std::fmt::Display;
use std::path::{Path, PathBuf};

/// Why notes could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// The file or folder at `path` cannot be read, and why.
    #[error("{}: {why}", path.display())]
    Path {
        /// The file or folder.
        path: PathBuf,
        /// Why, in words.
        why: String,
    },
    /// Another program wrote the file while it was read.
    #[error("{} changed while it was read; try again", crate::sanitize::one_line(&path.display().to_string()))]
    Changed {
        /// The file.
        path: PathBuf,
    },
    /// What went wrong with notes found through `origin`
    /// (`$DAYNOTES_FILE`, `config notes`).
    #[error("{origin}: {error}")]
    Through {
        /// Where the path came from.
        origin: &'static str,
        /// What went wrong.
        error: Box<LoadError>,
    },
}

impl LoadError {
    /// The file or folder at `path` cannot be read because of `why`.
    pub fn path(path: &Path, why: impl Display) -> LoadError {
        LoadError::Path {
            path: path.to_path_buf(),
            why: why.to_string(),
        }
    }

    /// Why, without the path.
    pub fn why(&self) -> String {
        match self {
            LoadError::Path { why, .. } => why.clone(),
            LoadError::Changed { .. } => "changed while it was read".into(),
            LoadError::Through { error, .. } => error.why(),
        }
    }

    /// This error, said to come through `origin`.
    pub fn through(self, origin: &'static str) -> LoadError {
        LoadError::Through {
            origin,
            error: Box::new(self),
        }
    }
}

/// A result whose error is a [`LoadError`].
pub type Result<T> = std::result::Result<T, LoadError>;
