//! CommonMark's own examples, each shown as the body of a daily note the
//! way the viewer shows it: the text a browser would show of each example
//! must all be on screen, in order.
//!
//! The examples come from the spec test file pulldown-cmark's source ships
//! (found through `cargo metadata`: the crate is a dependency, so its
//! source is wherever cargo keeps it). Without it the test says so and the
//! examples written here still run.
//!
//! What is compared: the example's expected HTML with its tags taken off
//! and entities decoded, less whitespace and the marks a line-by-line
//! layout draws as structure (`*` `-` `+` a bullet, `>` a bar, `#` a
//! heading, fences a frame; in an example with `[[`, a wiki link's
//! brackets and an embed's `!`). Examples that CommonMark reads as indented code are left
//! out: in notes, indentation is indentation.

use std::path::PathBuf;

use daynotes_view::app::doc::{Doc, DocId};
use daynotes_view::markdown::{Painter, Wait};
use daynotes_view::theme::Theme;

/// Characters the layout draws as structure rather than as text.
const MARKS: &[char] = &['*', '-', '+', '>', '#', '`', '~', '=', '|'];

/// Every row of every day of `text` read as the daily note of 2024-01-02.
fn shown(text: &str) -> String {
    let nb = daynotes_core::load::from_text("2024-01-02.md", text.to_string());
    let painter = Painter::new(Wait::Done);
    let md = Theme::dark().md;
    let mut out = String::new();
    for d in 0..nb.days.len() {
        let names = daynotes_view::label::Weekdays::learn(&nb);
        let extras = daynotes_view::app::doc_links::Extras::default();
        let doc = Doc::build(&nb, DocId::Day(d), 120, &md, &painter, names, &extras);
        for line in &doc.lines {
            for span in &line.spans {
                out.push_str(&span.content);
            }
            out.push('\n');
        }
    }
    out
}

/// The text a browser shows of `html`, tags off, entities decoded.
fn html_text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// What is compared of a text: no whitespace, no marks.
fn letters(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !MARKS.contains(c))
        .collect()
}

/// True when every character of `want` is in `got`, in order.
fn kept_in_order(want: &str, got: &str) -> bool {
    let mut rest = got.chars();
    want.chars().all(|w| rest.any(|g| g == w))
}

/// True when CommonMark reads part of `markdown` as indented code: its
/// HTML has a code block and no line of it opens a fence.
fn indented_code(markdown: &str, html: &str) -> bool {
    let fence = markdown.lines().any(|l| {
        let t = l.trim_start_matches(' ');
        l.len() - t.len() < 4 && (t.starts_with("```") || t.starts_with("~~~"))
    });
    html.contains("<pre><code>") && !fence
}

/// The spec examples as (markdown, html), in the order of the spec.
fn spec_examples() -> Option<Vec<(String, String)>> {
    let file = spec_file()?;
    let text = std::fs::read_to_string(file).ok()?;
    let raw = |from: &str, key: &str| -> Option<(String, usize)> {
        let open = format!("let {key} = r##\"");
        let start = from.find(&open)? + open.len();
        let len = from[start..].find("\"##;")?;
        Some((from[start..start + len].to_string(), start + len))
    };
    let mut out = Vec::new();
    let mut at = 0;
    while let Some((markdown, end)) = raw(&text[at..], "original") {
        let (html, end2) = raw(&text[at + end..], "expected")?;
        out.push((markdown, html));
        at += end + end2;
    }
    (!out.is_empty()).then_some(out)
}

/// pulldown-cmark's spec test file, where cargo keeps the crate's source:
/// in its registry (the version the lock file names), else where `cargo
/// metadata` says.
fn spec_file() -> Option<PathBuf> {
    let in_suite = |dir: PathBuf| Some(dir.join("tests/suite/spec.rs")).filter(|f| f.is_file());
    registry_source()
        .and_then(in_suite)
        .or_else(|| metadata_source().and_then(in_suite))
}

/// `$CARGO_HOME/registry/src/*/pulldown-cmark-VERSION`.
fn registry_source() -> Option<PathBuf> {
    let lock = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.lock")).ok()?;
    let key = "name = \"pulldown-cmark\"\nversion = \"";
    let at = lock.find(key)? + key.len();
    let version = &lock[at..at + lock[at..].find('"')?];
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))?;
    std::fs::read_dir(home.join("registry/src"))
        .ok()?
        .flatten()
        .map(|index| index.path().join(format!("pulldown-cmark-{version}")))
        .find(|dir| dir.is_dir())
}

/// The crate's directory as `cargo metadata` gives it, for this machine's
/// platform.
fn metadata_source() -> Option<PathBuf> {
    let rustc = std::process::Command::new("rustc")
        .arg("-vV")
        .output()
        .ok()?;
    let rustc = String::from_utf8(rustc.stdout).ok()?;
    let host = rustc.lines().find_map(|l| l.strip_prefix("host: "))?;
    let out = std::process::Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--offline"])
        .args(["--filter-platform", host])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .ok()?;
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).ok()?;
    let manifest = meta["packages"]
        .as_array()?
        .iter()
        .find(|p| p["name"] == "pulldown-cmark")?["manifest_path"]
        .as_str()?
        .to_string();
    Some(PathBuf::from(manifest).parent()?.to_path_buf())
}

#[test]
fn the_spec_examples_keep_their_text_in_order() {
    let Some(examples) = spec_examples() else {
        eprintln!(
            "skipped: pulldown-cmark's spec examples (tests/suite/spec.rs in its source) \
             were not found through `cargo metadata`; the examples of this file still run"
        );
        return;
    };
    assert!(examples.len() > 600, "{} examples", examples.len());
    let (mut with_text, mut indented, mut misses) = (0, 0, Vec::new());
    for (n, (markdown, html)) in examples.iter().enumerate() {
        let want = letters(&html_text(html));
        if want.is_empty() {
            continue;
        }
        if indented_code(markdown, html) {
            indented += 1;
            continue;
        }
        with_text += 1;
        let mut got = letters(&shown(markdown));
        let mut want = want;
        // `[[x]]` is a wiki link to daynotes (a link to the day or title
        // x, drawn as x): its brackets are marks there, not text.
        if markdown.contains("[[") {
            // `![[x]]` embeds x: the `!` is a mark too.
            want = letters(&html_text(html).replace("![[", "[["));
            want.retain(|c| c != '[' && c != ']');
            got.retain(|c| c != '[' && c != ']');
        }
        if !kept_in_order(&want, &got) {
            misses.push(format!("example {}: {markdown:?} shows {got:?}", n + 1));
        }
    }
    eprintln!(
        "{} of {with_text} examples with text keep it in order ({indented} read as \
         indented code left out)",
        with_text - misses.len()
    );
    assert!(misses.is_empty(), "{misses:#?}");
}

/// Examples in the spec's spirit, written here, each with the text shown
/// of its body (the day's heading row and blank rows left out).
const OWN: &[(&str, &str)] = &[
    // Emphasis by the flanking rules: a space inside the markers is text.
    ("__ not bold__", "__ not bold__"),
    ("__not bold __", "__not bold __"),
    ("** not bold**", "** not bold**"),
    ("**not bold **", "**not bold **"),
    (
        "a line with __ spaced__ markers",
        "a line with __ spaced__ markers",
    ),
    ("keep_snake__case__names", "keep_snake__case__names"),
    // And bold is still bold (the markers go).
    ("**bold**", "bold"),
    ("__bold__ and *it*", "bold and it"),
    ("a **bold** word", "a bold word"),
    // Raw HTML blocks are kept as written.
    (
        "<textarea>\n*kept*\n\n_kept_\n</textarea>\n*read*",
        "<textarea>\n*kept*\n_kept_\n</textarea>\nread",
    ),
    ("<pre>\n*as is*\n</pre>", "<pre>\n*as is*\n</pre>"),
    ("<div>\n*as is*\n\n*read*", "<div>\n*as is*\nread"),
    ("<!-- a *comment* -->\n*read*", "<!-- a *comment* -->\nread"),
    (
        "<details>\n<summary>*Why?*</summary>",
        "<details>\n<summary>*Why?*</summary>",
    ),
    // A tag inside a line is inline HTML, the rest of the line markdown.
    ("text <b>and</b> *more*", "text <b>and</b> more"),
];

#[test]
fn examples_written_here_show_their_text() {
    for (markdown, want) in OWN {
        let got: Vec<String> = shown(markdown)
            .lines()
            .skip(1)
            .map(str::trim_end)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect();
        assert_eq!(got.join("\n"), *want, "{markdown:?}");
    }
}
