//! The binary's tests: every command run as a user runs it, each with a home of its own (`common::Home`); the files it refuses, its memory, the mapped file rewritten, the watcher. One test binary of modules; the terminal's own tests are `tests/e2e`.

mod cli_dates;
mod cli_errors;
mod cli_output;
mod cli_resolve;
mod cli_safety;
mod common;
mod config_errors;
mod daily;
mod dialects;
mod dialects_learnt;
mod docs_agree;
mod editor_argv;
mod hermetic;
mod load_dirs;
mod mapped;
mod markdown_ansi;
mod notebook_cli;
mod screenshot;
mod search_cli;
mod search_line_ends;
mod search_same;
mod special_files;
mod study_cli;
mod watch_events;
mod watch_reload;
mod widths;
