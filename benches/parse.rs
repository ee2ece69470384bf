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

#[divan::bench(sample_count = 20)]
fn generated_20mb(b: Bencher) {
    let text = daynotes::generate::notes(20_000_000, 1);
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
