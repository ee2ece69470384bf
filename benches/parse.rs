//! Parse speed on the seed and on generated notes (`cargo bench --bench parse`).

use divan::counter::BytesCount;
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

#[divan::bench]
fn seed(b: Bencher) {
    b.counter(BytesCount::of_str(daynotes::SAMPLE))
        .bench(|| daynotes::parse::parse(black_box(daynotes::SAMPLE)));
}

/// Generated notes of `DAYNOTES_BENCH_MB` megabytes (20 unless set; 100
/// for the figure in the README). Each parse after the first reuses the
/// memory the one before freed, so this is the steady speed, as on a reload;
/// `examples/parse-file` times the first parse of a fresh process.
#[divan::bench(sample_count = 10)]
fn generated(b: Bencher) {
    let mb: usize = std::env::var("DAYNOTES_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let text = daynotes::generate::notes(mb * 1_000_000, 1);
    b.counter(BytesCount::of_str(&text))
        .bench(|| daynotes::parse::parse(black_box(&text)));
}

#[divan::bench(sample_count = 20)]
fn decode_20mb(b: Bencher) {
    let text = daynotes::generate::notes(20_000_000, 1);
    b.counter(BytesCount::of_str(&text)).bench(|| {
        daynotes::decode::decode(black_box(text.as_bytes().to_vec())).map(|d| d.text.len())
    });
}
