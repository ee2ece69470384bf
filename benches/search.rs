//! Search speed on generated notes (`cargo bench --bench search`): the scan
//! of a prepared index (the viewer's case: folded copy already built), the
//! fold itself, the streaming count (`search --count`) and the picker's
//! ranking.

use divan::counter::BytesCount;
use divan::{Bencher, black_box};

use daynotes_core::load::from_text;
use daynotes_core::search::fuzzy::{Ranker, entries};
use daynotes_core::search::stream::count_reader;
use daynotes_core::search::{Index, Matcher, Query, fold};

fn main() {
    divan::main();
}

const MB: usize = 20;

fn text() -> String {
    daynotes_core::generate::notes(MB * 1_000_000, 1)
}

/// One keystroke's scan over a prepared index, for queries that need
/// different folding: none (`握手`, `SSE`), ASCII (`sse`), full (`ж`), and
/// a regex; and a literal that also matches by pinyin (`search.pinyin`).
#[divan::bench(args = ["握手", "SSE", "sse", "tcp握手", "ж", "regex:seq=\\w+", "pinyin:woshou"], sample_count = 20)]
fn scan_prepared(b: Bencher, q: &str) {
    let nb = from_text("bench", text());
    let index = Index::new(&nb);
    index.prepare(&nb, 0);
    let query = match (q.strip_prefix("regex:"), q.strip_prefix("pinyin:")) {
        (Some(r), _) => Query::regex(r),
        (_, Some(p)) => Query {
            pinyin: true,
            ..Query::literal(p)
        },
        _ => Query::literal(q),
    };
    let m = Matcher::new(&query).unwrap();
    b.counter(BytesCount::new(nb.sources[0].text.len()))
        .bench(|| index.search(&nb, black_box(&m)).len());
}

/// Building a folded copy: the whole fold (once per notebook in the
/// viewer), and the ASCII one an ASCII query searches (`search sse`, a
/// slice of the file at a time).
#[divan::bench(args = ["full", "ascii"], sample_count = 20)]
fn fold(b: Bencher, how: &str) {
    let t = text();
    let fold_into = match how {
        "ascii" => fold::fold_ascii_into,
        _ => fold::fold_into,
    };
    let mut out = Vec::new();
    b.counter(BytesCount::of_str(&t))
        .bench_local(|| fold_into(black_box(&t), &mut out));
}

/// `daynotes search --count` minus the file system: read, check and count.
#[divan::bench(args = ["sse", "tcp握手"], sample_count = 20)]
fn count_streaming(b: Bencher, q: &str) {
    let t = text();
    let m = Matcher::new(&Query::literal(q)).unwrap();
    b.counter(BytesCount::of_str(&t))
        .bench(|| count_reader(&m, black_box(t.as_bytes())).unwrap());
}

/// The picker ranking every topic and section title of the notes; ASCII
/// words are also matched by pinyin against the titles they do not match
/// directly (`ws`: 握手, `wsmxysch`: 为什么需要三次握手).
#[divan::bench(args = ["部署 容器", "sse 部署", "ws", "tcp", "wsmxysch"], sample_count = 20)]
fn picker_rank(b: Bencher, typed: &str) {
    let nb = from_text("bench", text());
    let all = entries(&nb);
    let mut ranker = Ranker::default();
    // The titles are made ready once and kept, as in the picker.
    ranker.prepare(&all);
    b.bench_local(|| ranker.rank(&all, black_box(typed)).len());
}

/// What a keystroke in the picker waits for on 20 MB of notes (about
/// 100,000 titles): the first screen (30 rows) of the ranking, with the
/// titles made ready beforehand as the picker's thread does when it opens.
/// The target is 50 ms.
#[divan::bench(args = ["w", "ws", "tcp", "wsmxysch", "sse 部署", "部署 容器"], sample_count = 20)]
fn picker_first_screen(b: Bencher, typed: &str) {
    let nb = from_text("bench", text());
    let all = entries(&nb);
    let mut ranker = Ranker::default();
    ranker.prepare(&all);
    b.bench_local(|| ranker.first_screen(&all, black_box(typed), 30).len());
}

/// Making the titles ready: each in the matcher's form and its pinyin,
/// on every thread (done once, when the picker opens).
#[divan::bench(sample_count = 10)]
fn picker_prepare(b: Bencher) {
    let nb = from_text("bench", text());
    let all = entries(&nb);
    b.bench_local(|| {
        let mut ranker = Ranker::default();
        ranker.prepare(&all);
        ranker
    });
}

/// One keystroke in the viewer on 10 MB of notes, until every hit has
/// arrived and been grouped (the search thread included).
#[divan::bench(args = ["sse", "握手"], sample_count = 20)]
fn keystroke_10mb(b: Bencher, q: &str) {
    use daynotes_view::app::{Action, App};
    let nb = from_text("bench", daynotes_core::generate::notes(10_000_000, 1));
    let mut app = App::new(nb);
    app.update(Action::SearchStart);
    // Warm: the folded copy is built once, on the thread, at the prompt.
    app.update(Action::Input('x'));
    app.finish_search();
    b.bench_local(|| {
        app.update(Action::EraseAll);
        for c in q.chars() {
            app.update(Action::Input(c));
        }
        app.finish_search();
        app.search.current.as_ref().map_or(0, |c| c.hits.len())
    });
}
