//! Text → days › topics › sections, in a linear pass over the lines (two
//! when the file's days are written in more than one way, see [`rules`]).
//!
//! Pure and infallible: every input gives a tree, and anything odd is kept in
//! the text and reported as a [`Warning`] with its line. Every line lands in
//! exactly one node ([`Notebook::node_spans`](crate::notes::Notebook::node_spans)
//! proves it), so nothing the user wrote is ever out of reach.
//!
//! ```text
//! 8.22:                      day heading (outermost indentation, a date)
//!     1.tcp握手               topic (the day's outermost numbered lines)
//!         **第一次握手**：      section (bold-only line) inside the body
//!         - 客户端发送SYN包     body
//! 2025                       year line: sets the year of the days after it
//!
//! # 2022년 2월               divider: a heading above the days' level
//! ## 2022/02/14 [OFFLINE]    day heading (decorated, see [`heading`])
//! ### SQL                    topic (the shallowest headings of the day)
//! ```
//!
//! Each day is read whole before its topics are chosen ([`day`]). The
//! markdown inside bodies is not parsed here: it is rendered per topic when
//! shown.

mod classify;
mod day;
mod divider;
pub mod ends;
mod entry;
pub mod heading;
mod lines;
mod pass;
pub mod rules;
mod sections;
mod trim;

use crate::notes::Day;
use crate::notes::{Divider, Span, Warning};
pub use classify::{bold_inner, clean_title, numbered};
pub use pass::MAX_WARNINGS;
use pass::Pass;
use rules::Rules;

/// The result of parsing one text. Days and warnings carry `source: 0`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parsed {
    /// Text before the first day heading or divider.
    pub leading: Span,
    /// Year lines and group headings, each with the lines after it that
    /// belong to no day.
    pub dividers: Vec<Divider>,
    /// Days in file order.
    pub days: Vec<Day>,
    /// Findings, in line order.
    pub warnings: Vec<Warning>,
    /// Most days follow a later one: the file runs newest first.
    pub newest_first: bool,
}

/// How many lines `check` names that look like day headings but are read
/// as text; the rest are counted in one more warning.
pub const NEAR_MISSES_SHOWN: usize = 20;

/// The finding of a text that has lines but no day: what starts a day.
pub const NO_DAYS: &str = "no day heading found: a day starts with a line such as 8.22:, \
2025-08-22, ## 2024-01-02, ### Day 3: March 5, 2024, 2024年1月2日 星期二 or - 2024-01-02";

/// Parses the text of a daily note, a file named by its date
/// (`2024-01-02.md`, whose `date` has its year): the whole file is that
/// day; `name_title` is what the name says after the date (`review` in
/// `2024-01-05 review.md`). See [`pass::daily`](pass) for its title and
/// front matter. Dates written in it as markdown headings still start days
/// of their own.
pub fn parse_daily(
    text: &str,
    date: crate::dates::HeadingDate,
    name_title: Option<&str>,
) -> Parsed {
    let rules = Rules {
        days: rules::Days::Like(heading::Deco::Atx(6)),
        newest_first: false,
    };
    let mut pass = Pass::new(text, rules);
    pass.begin_file_day(date, name_title);
    pass.run().0
}

/// Parses a whole notes text.
pub fn parse(text: &str) -> Parsed {
    debug_assert!(
        text.len() <= crate::notes::MAX_SOURCE_BYTES,
        "spans address at most 4 GiB; loading refuses more"
    );
    let first = Rules::default();
    let (parsed, seen) = Pass::new(text, first).run();
    match seen.settle(first) {
        Some(settled) => Pass::new(text, settled).run().0,
        None => parsed,
    }
}
