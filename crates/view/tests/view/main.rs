//! The viewer's tests, drawn on a test terminal: whole screens (insta snapshots), the calendar's colours, the help, search, the picker, review, labels, widths, markdown and its code colours, the CommonMark examples. One test binary of modules.

mod calendar_colours;
mod code_colours;
mod common;
mod commonmark;
mod dates_tui;
mod day_labels;
mod markdown_props;
mod markdown_seed;
mod overlays_cjk;
mod review_screen;
mod search_app;
mod study_tui;
mod tui_snapshots;
