//! Parse speed on the seed and on generated notes (`cargo bench --bench parse`).

use daynotes_core::parse::ends::{Masks, Path};
use divan::counter::BytesCount;
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

#[divan::bench]
fn seed(b: Bencher) {
    b.counter(BytesCount::of_str(daynotes::SAMPLE))
        .bench(|| daynotes_core::parse::parse(black_box(daynotes::SAMPLE)));
}

/// `DAYNOTES_BENCH_MB` megabytes in bytes (20 unless set).
fn bench_bytes() -> usize {
    let mb: usize = std::env::var("DAYNOTES_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    mb * 1_000_000
}

/// Generated notes of `DAYNOTES_BENCH_MB` megabytes (20 unless set; 100
/// for the figure in the README). Each parse after the first reuses the
/// memory the one before freed, so this is the steady speed, as on a reload;
/// `examples/parse-file` times the first parse of a fresh process.
#[divan::bench(sample_count = 10)]
fn generated(b: Bencher) {
    let text = daynotes_core::generate::notes(bench_bytes(), 1);
    b.counter(BytesCount::of_str(&text))
        .bench(|| daynotes_core::parse::parse(black_box(&text)));
}

/// The same on one thread (`parse_in_one`): what each piece of the
/// parse above runs at.
#[divan::bench(sample_count = 10)]
fn generated_one_thread(b: Bencher) {
    let text = daynotes_core::generate::notes(bench_bytes(), 1);
    b.counter(BytesCount::of_str(&text))
        .bench(|| daynotes_core::parse::parse_in_one(black_box(&text)));
}

/// The same in markdown (`## YYYY-MM-DD` days, `###` topics, everything at
/// the margin): every line goes through the decorated-heading checks.
#[divan::bench(sample_count = 10)]
fn generated_markdown(b: Bencher) {
    let text = daynotes_core::generate::markdown_notes(bench_bytes(), 1);
    b.counter(BytesCount::of_str(&text))
        .bench(|| daynotes_core::parse::parse(black_box(&text)));
}

/// Notes in the seed's shape, days and topics alone (`list --depth 1`):
/// deep body lines are passed over without being read one by one
/// (`parse::deep`), against the same text with sections.
#[divan::bench(sample_count = 10, args = [false, true])]
fn seed_shaped(b: Bencher, sections: bool) {
    let text = daynotes_core::generate::seed_shaped(bench_bytes(), 1);
    b.counter(BytesCount::of_str(&text))
        .bench(|| daynotes_core::parse::parse_deep(black_box(&text), sections));
}

#[divan::bench(sample_count = 20)]
fn decode_20mb(b: Bencher) {
    let text = daynotes_core::generate::notes(20_000_000, 1);
    b.counter(BytesCount::of_str(&text)).bench(|| {
        daynotes_core::decode::decode(black_box(text.as_bytes().to_vec())).map(|d| d.text.len())
    });
}

/// The line-end and control masks of 1 MB of generated notes, by each path
/// this processor runs: bytes (the reference), SWAR (the portable path, used
/// where there is no SSE2), SSE2, AVX2.
#[divan::bench(args = paths_here())]
fn masks(b: Bencher, path: Path) {
    let masks = Masks::new(path).expect("only paths this processor runs");
    let text = daynotes_core::generate::notes(1_000_000, 1);
    let bytes = text.as_bytes();
    b.counter(BytesCount::of_str(&text)).bench(|| {
        let mut fold = 0u64;
        for at in (0..bytes.len()).step_by(64) {
            let block = masks.block(black_box(bytes), at);
            fold ^= block.ends ^ block.cr.rotate_left(1) ^ block.control.rotate_left(2);
        }
        fold
    });
}

fn paths_here() -> Vec<Path> {
    Path::ALL
        .into_iter()
        .filter(|&path| Masks::new(path).is_some())
        .collect()
}
