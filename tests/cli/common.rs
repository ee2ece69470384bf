//! What the binary's tests share: the one way to run the binary (each run
//! with a home of its own), the bundled notes, the viewer on a test
//! terminal ([`daynotes_view::testing`]), and directories of notes files.

// Each test file uses a different part of this.
#![allow(dead_code)]

use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};

use daynotes_core::notes::Notebook;

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_daynotes");

/// The variables through which a user's shell changes what daynotes reads,
/// shows or runs: no run of the binary sees them unless a test sets them.
const USER_VARIABLES: [&str; 4] = ["DAYNOTES_FILE", "NO_COLOR", "VISUAL", "EDITOR"];

/// The environment of one run of the binary: its own empty `HOME`,
/// `XDG_CONFIG_HOME` and `XDG_STATE_HOME` (removed when this is dropped),
/// and none of [`USER_VARIABLES`]. No configuration or state of the
/// person running the tests can change an outcome.
pub struct Home {
    root: tempfile::TempDir,
}

impl Home {
    pub fn new() -> Home {
        let root = tempfile::Builder::new()
            .prefix("daynotes-test-home")
            .tempdir()
            .expect("a temporary home");
        for dir in ["home", "config", "state"] {
            std::fs::create_dir(root.path().join(dir)).expect("a directory of the home");
        }
        Home { root }
    }

    /// `HOME`.
    pub fn home(&self) -> PathBuf {
        self.root.path().join("home")
    }

    /// `XDG_STATE_HOME`.
    pub fn state(&self) -> PathBuf {
        self.root.path().join("state")
    }

    /// `XDG_CONFIG_HOME`.
    pub fn config(&self) -> PathBuf {
        self.root.path().join("config")
    }

    /// Each variable and its value; `None` removes it.
    fn vars(&self) -> Vec<(&'static str, Option<PathBuf>)> {
        let mut vars = vec![
            ("HOME", Some(self.home())),
            ("XDG_CONFIG_HOME", Some(self.config())),
            ("XDG_STATE_HOME", Some(self.state())),
        ];
        vars.extend(USER_VARIABLES.map(|v| (v, None)));
        vars
    }

    /// The binary with this environment, for a run with pipes.
    pub fn command(&self) -> assert_cmd::Command {
        assert_cmd::Command::from_std(self.std_command())
    }

    /// [`Home::command`] as the standard library's, for a child read while
    /// it runs.
    pub fn std_command(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(BIN);
        for (var, value) in self.vars() {
            match value {
                Some(value) => cmd.env(var, value),
                None => cmd.env_remove(var),
            };
        }
        cmd
    }

    /// `program` with this environment, for a run on a pseudo-terminal.
    pub fn pty_command(&self, program: &str) -> portable_pty::CommandBuilder {
        let mut cmd = portable_pty::CommandBuilder::new(program);
        for (var, value) in self.vars() {
            match value {
                Some(value) => cmd.env(var, value),
                None => cmd.env_remove(var),
            }
        }
        cmd
    }
}

/// `daynotes ARGS` run in `dir` with a [`Home`] of its own, which lives as
/// long as the command. Everything of assert_cmd's `Command` works on it.
pub fn daynotes_in(dir: &Path, args: &[&str]) -> Daynotes {
    let home = Home::new();
    let mut cmd = home.command();
    cmd.current_dir(dir).args(args);
    Daynotes { cmd, home }
}

/// `daynotes ARGS` run in the crate's directory (where
/// `notes/study-notes.txt` is), with a [`Home`] of its own.
pub fn daynotes(args: &[&str]) -> Daynotes {
    daynotes_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

/// A command and the home it runs with.
pub struct Daynotes {
    cmd: assert_cmd::Command,
    home: Home,
}

impl Daynotes {
    /// The run's home, for a test that puts a file in it.
    pub fn home(&self) -> &Home {
        &self.home
    }
}

impl Deref for Daynotes {
    type Target = assert_cmd::Command;
    fn deref(&self) -> &Self::Target {
        &self.cmd
    }
}

impl DerefMut for Daynotes {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.cmd
    }
}

pub fn seed() -> Notebook {
    daynotes_core::load::from_text("study-notes.txt", daynotes::SAMPLE.to_string())
}

pub use daynotes_view::testing::*;

/// The viewer on the bundled notes.
pub fn seed_screen(width: u16, height: u16) -> Screen {
    Screen::new(seed(), width, height)
}

/// A temporary directory holding `files` (path relative to it, text);
/// subdirectories are made as needed.
pub fn dir_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}
