//! How long one body takes to lay out: the seed's biggest topic, a 5 MB
//! single line, a 1 MB body of 20k lines, and fenced blocks of 1000 and 20k
//! lines with and without code colours. Rendering happens once per (body,
//! width); frames only draw the cached rows. Code colours are made on the
//! painter's thread: the fence benchmarks colour with a fresh painter each
//! time (waiting until done), `fence_1000_lines_coloured_before` lays out
//! again with the colours kept. `first_code_colours` is what the first
//! coloured fence of a session costs on top: loading the bundled grammars
//! and colour schemes and compiling the yaml grammar's patterns.

use daynotes_core::notes::{dedent, lines};
use daynotes_view::markdown::{Painter, Wait, render, render_with};
use daynotes_view::theme::Theme;

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

/// `n` lines of about 50 bytes, made of the seed's lines run together
/// (20k lines ≈ 1 MB). Fence lines are left out: one would turn the rest
/// into code, which is the cheap case.
fn many_lines(n: usize) -> String {
    let seed: Vec<&str> = lines(daynotes::SAMPLE)
        .filter(|l| !l.trim_start().starts_with("```"))
        .collect();
    let mut seed = seed.iter().copied().cycle();
    let mut out = String::new();
    for _ in 0..n {
        let mut line = String::new();
        while line.len() < 50 {
            line.push_str(seed.next().unwrap_or_default());
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
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

/// The worst case found: a 5 MB line that is nothing but inline markup.
#[divan::bench(sample_count = 3)]
fn line_5mb_dense_markup(bencher: divan::Bencher) {
    let unit = "**a *b [c](d) `e` ~~f~~ <g> ";
    let body = unit.repeat((5 << 20) / unit.len());
    let md = Theme::dark().md;
    bencher.bench(|| render(divan::black_box(&body), 100, &md));
}

/// A fence of `n` yaml lines, the seed's compose file over and over.
fn yaml_fence(n: usize) -> String {
    let seed: Vec<&str> = lines(daynotes::SAMPLE)
        .skip_while(|l| !l.trim_start().starts_with("```yaml"))
        .skip(1)
        .take_while(|l| !l.trim_start().starts_with("```"))
        .collect();
    let body: Vec<&str> = seed.iter().copied().cycle().take(n).collect();
    dedent(&format!("```yaml\n{}\n```", body.join("\n")))
}

#[divan::bench(args = ["dark", "plain"])]
fn fence_1000_lines(bencher: divan::Bencher, theme: &str) {
    let body = yaml_fence(1000);
    let md = match theme {
        "plain" => Theme::plain().md,
        _ => Theme::dark().md,
    };
    // The grammars are loaded once per process, before timing starts.
    let _ = render(&yaml_fence(3), 100, &md);
    bencher.bench(|| render_with(divan::black_box(&body), 100, &md, &Painter::new(Wait::Done)));
}

/// A layout of a fence whose colours are ready: what the viewer pays when
/// it lays a document out again.
#[divan::bench]
fn fence_1000_lines_coloured_before(bencher: divan::Bencher) {
    let body = yaml_fence(1000);
    let md = Theme::dark().md;
    let painter = Painter::new(Wait::Done);
    let _ = render_with(&body, 100, &md, &painter);
    bencher.bench(|| render_with(divan::black_box(&body), 100, &md, &painter));
}

/// A fence far past the colouring budget: only its first 32 KB are
/// coloured.
#[divan::bench(sample_count = 10)]
fn fence_20k_lines_dark(bencher: divan::Bencher) {
    let body = yaml_fence(20_000);
    let md = Theme::dark().md;
    let _ = render(&yaml_fence(3), 100, &md);
    bencher.bench(|| render_with(divan::black_box(&body), 100, &md, &Painter::new(Wait::Done)));
}

/// A session's first coloured fence, from nothing: the same calls the
/// renderer makes on first use, with fresh sets each time.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn first_code_colours() {
    use syntect::easy::HighlightLines;
    use syntect::highlighting::ThemeSet;
    use syntect::parsing::SyntaxSet;
    let syntaxes = SyntaxSet::load_defaults_newlines();
    let schemes = ThemeSet::load_defaults();
    let yaml = syntaxes.find_syntax_by_token("yaml").unwrap();
    let mut h = HighlightLines::new(yaml, &schemes.themes["base16-ocean.dark"]);
    for line in lines(&yaml_fence(12)) {
        divan::black_box(h.highlight_line(&format!("{line}\n"), &syntaxes).unwrap());
    }
}
