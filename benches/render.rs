//! How long one body takes to lay out: the seed's biggest topic, a 5 MB
//! single line, and a 1 MB body of 20k lines. Rendering happens once per
//! (body, width); frames only draw the cached rows.

use daynotes::markdown::render;
use daynotes::notes::{dedent, lines};
use daynotes::theme::Theme;

fn main() {
    divan::main();
}

/// Lines 31-88 of the seed: topic 3 of 8.22, with the yaml fence.
fn biggest_topic() -> String {
    let body: Vec<&str> = lines(daynotes::SAMPLE).skip(30).take(58).collect();
    dedent(&body.join("\n"))
}

/// The seed's text repeated into one line of about `bytes` bytes.
fn one_line(bytes: usize) -> String {
    let seed: String = lines(daynotes::SAMPLE).collect::<Vec<_>>().join(" ");
    seed.repeat(bytes / seed.len() + 1)
}

/// The seed repeated to `n` lines.
fn many_lines(n: usize) -> String {
    let seed: Vec<&str> = lines(daynotes::SAMPLE).collect();
    seed.iter()
        .cycle()
        .take(n)
        .copied()
        .collect::<Vec<_>>()
        .join("\n")
}

#[divan::bench(args = [100, 60])]
fn seed_biggest_topic(bencher: divan::Bencher, width: u16) {
    let body = biggest_topic();
    let md = Theme::dark().md;
    bencher.bench(|| render(divan::black_box(&body), width, &md));
}

#[divan::bench(sample_count = 5)]
fn line_5mb(bencher: divan::Bencher) {
    let body = one_line(5 << 20);
    let md = Theme::dark().md;
    bencher.bench(|| render(divan::black_box(&body), 100, &md));
}

#[divan::bench(sample_count = 5)]
fn body_20k_lines(bencher: divan::Bencher) {
    let body = many_lines(20_000);
    let md = Theme::dark().md;
    bencher.bench(|| render(divan::black_box(&body), 100, &md));
}
