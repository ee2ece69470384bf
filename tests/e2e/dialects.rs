//! Notes written in other shapes, in the real binary: days in the outline,
//! content rendered as markdown, `]` and `[` in time, a search.

use crate::harness::Term;

const DIR: &str = "tests/fixtures/dialects";

#[test]
fn markdown_heading_days_open_with_their_topics_rendered() {
    let path = format!("{DIR}/iso-headings.md");
    let mut term = Term::start(&[&path], 100, 30);
    let first = term.wait_for("2024-01-02");
    // The outline: days with the weekday, `###` topics under them.
    assert!(first.contains("▾ 2024-01-02 Tue (2)"), "{first}");
    assert!(first.contains("SQL"), "{first}");
    assert!(first.contains("2024-01-03 review day Wed"), "{first}");
    // The title and intro, outside every day, are shown above the first.
    assert!(first.contains("Learning log"), "{first}");
    // Down to the SQL topic: rendered, the numbered list and the code fence
    // drawn as such, markers gone.
    term.send("j");
    let sql = term.wait_for("┌ SQL");
    assert!(sql.contains("1. select the tables"), "{sql}");
    assert!(sql.contains("SELECT * FROM t;"), "{sql}");
    assert!(!sql.contains("```"), "{sql}");
    assert!(!sql.contains("####"), "{sql}");
    // `]` goes to the next day.
    term.send("]");
    term.wait_for("┌ 2024-01-03 review day");
    term.send("q");
    assert!(term.wait_exit().success());
}

#[test]
fn a_newest_first_log_steps_back_in_time_with_open_bracket() {
    let path = format!("{DIR}/newest-first.md");
    let mut term = Term::start(&[&path], 100, 30);
    let first = term.wait_for("2023-07-12");
    assert!(first.contains("Attention Is All You Need"), "{first}");
    // The file's own order in the outline: newest first.
    let rows: Vec<&str> = first.lines().filter(|l| l.contains("▾ 2023-")).collect();
    assert!(
        rows[0].contains("2023-07-12") && rows[2].contains("2023-06-01"),
        "{first}"
    );
    // `[` goes to the earlier date, which is further down the file; `]`
    // back up to the later one.
    term.send("[");
    term.wait_for("┌ 2023-06-29");
    term.send("]");
    term.wait_for("┌ 2023-07-12");
    term.send("]");
    term.wait_for("no later day");
    // A search finds a bullet topic's nested text.
    term.send("/residual\r");
    let hit = term.wait_for("hit 1/1");
    assert!(hit.contains("┌ ResNet: residual connections"), "{hit}");
    term.send("q");
    assert!(term.wait_exit().success());
}
