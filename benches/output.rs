//! The commands' writers, on a notebook already parsed, into a sink: how
//! fast `list`, `search` and `export` turn the tree into text
//! (`cargo bench --bench output`; 20 MB of generated notes unless
//! `DAYNOTES_BENCH_MB` says otherwise).

use std::io::sink;
use std::sync::OnceLock;

use daynotes::commands::{Output, list, search};
use daynotes_core::notes::Notebook;
use daynotes_core::search::{Hit, Matcher, Query, walk};
use daynotes_view::theme::Theme;
use divan::Bencher;
use divan::counter::BytesCount;

fn main() {
    divan::main();
}

fn notebook() -> &'static Notebook {
    static NB: OnceLock<Notebook> = OnceLock::new();
    NB.get_or_init(|| {
        let mb: usize = std::env::var("DAYNOTES_BENCH_MB")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(20);
        daynotes_core::load::from_text(
            "notes.txt",
            daynotes_core::generate::notes(mb * 1_000_000, 1),
        )
    })
}

fn bytes() -> BytesCount {
    BytesCount::new(notebook().sources[0].text.len())
}

fn plain() -> Output {
    Output {
        terminal: false,
        color: false,
        theme: Theme::plain(),
        depth: daynotes_view::theme::ColourDepth::True,
    }
}

#[divan::bench(args = [1, 3], sample_count = 10)]
fn list_outline(b: Bencher, depth: u8) {
    let nb = notebook();
    let out = plain();
    b.counter(bytes())
        .bench(|| list::write_outline(nb, depth, &out.theme.ui, false, &mut sink()));
}

#[divan::bench(sample_count = 10)]
fn export_json(b: Bencher) {
    let nb = notebook();
    b.counter(bytes())
        .bench(|| daynotes_core::export::json::write(nb, &mut sink()));
}

#[divan::bench(sample_count = 3)]
fn export_yaml(b: Bencher) {
    let nb = notebook();
    b.counter(bytes())
        .bench(|| daynotes_core::export::yaml::write(nb, &mut sink()));
}

/// The hits of `timeout` (a line in every 500 bytes or so), found once.
fn hits() -> &'static (Matcher, Vec<Hit>) {
    static HITS: OnceLock<(Matcher, Vec<Hit>)> = OnceLock::new();
    HITS.get_or_init(|| {
        let m = Matcher::new(&Query::literal("timeout")).expect("a query");
        let hits = walk::hits(notebook(), &m);
        (m, hits)
    })
}

#[divan::bench(sample_count = 10)]
fn search_find_and_place(b: Bencher) {
    let m = &hits().0;
    b.counter(bytes()).bench(|| walk::hits(notebook(), m).len());
}

#[divan::bench(sample_count = 10)]
fn search_lines(b: Bencher) {
    let (m, hits) = hits();
    let out = plain();
    b.counter(bytes())
        .bench(|| search::write_hits(notebook(), m, hits, &out, &mut sink()));
}

#[divan::bench(sample_count = 10)]
fn search_json(b: Bencher) {
    let (m, hits) = hits();
    b.counter(bytes())
        .bench(|| search::write_json(notebook(), m, hits, &mut sink()).map_err(|e| e.to_string()));
}
