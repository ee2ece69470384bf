//! `daynotes search` finds its hits first and places them after, by one
//! walk beside the tree, where it used to build the viewer's index of every
//! node: the same lines, places and order, held here two ways.
//!
//! - the walk's hits equal the index's on the bundled notes, generated
//!   notes in the seed's shape and in markdown, a folder of daily notes
//!   and several files merged by date;
//! - the printed output (lines and JSON) is byte for byte what the build
//!   before the change printed, as FNV-1a digests of it recorded then, on
//!   the bundled notes and on 5 MB of generated notes;
//! - `search QUERY FILE`, which finds its lines while the file is parsed,
//!   prints what the ordinary way prints of the same file.

use crate::common::{daynotes, daynotes_in};
use daynotes_core::notes::Notebook;
use daynotes_core::search::{Index, Matcher, Query, walk};

const SEED: &str = "notes/study-notes.txt";

fn same_hits(nb: &Notebook, queries: &[&str], what: &str) {
    for q in queries {
        let m = Matcher::new(&Query::literal(*q)).unwrap();
        let walked = walk::hits(nb, &m);
        let indexed = Index::streaming(nb).search(nb, &m);
        assert!(!walked.is_empty(), "{what}: {q} finds something");
        assert_eq!(walked, indexed, "{what}: {q}");
    }
    // Every line with text: on a large file, more hits than one thread
    // places.
    for regex in ["^\\s*[-*] ", "."] {
        let m = Matcher::new(&Query::regex(regex)).unwrap();
        assert_eq!(
            walk::hits(nb, &m),
            Index::streaming(nb).search(nb, &m),
            "{what}: {regex}"
        );
    }
}

#[test]
fn the_walk_places_hits_as_the_index_does() {
    let seed = daynotes_core::load::from_text("seed", daynotes::SAMPLE.to_string());
    same_hits(&seed, &["sse", "握手", "a", "服务", "http"], "seed");
    let text = daynotes_core::generate::notes(3_000_000, 5);
    let nb = daynotes_core::load::from_text("gen.txt", text);
    same_hits(&nb, &["timeout", "握手", "retry", "2023"], "generated");
    let text = daynotes_core::generate::markdown_notes(3_000_000, 5);
    let nb = daynotes_core::load::from_text("gen.md", text);
    same_hits(&nb, &["timeout", "握手", "review", "##"], "markdown");
    for dir in ["tests/fixtures/daily", "tests/fixtures/dialects"] {
        let nb = daynotes_core::load::load(std::path::Path::new(dir)).unwrap();
        same_hits(&nb, &["a", "2024", "e"], dir);
    }
    let daily = tempfile::tempdir().unwrap();
    for (path, text) in daynotes_core::generate::daily_notes(400, 3) {
        let path = daily.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let nb = daynotes_core::load::load(daily.path()).unwrap();
    same_hits(&nb, &["a", "timeout", "握手"], "daily notes");
    // Lines ended by `\r\n` and by a lone `\r`, text before the first day
    // and between years: each hit's line is numbered on from the node
    // before it.
    let hostile = std::fs::read_to_string("tests/fixtures/hostile-notes.txt").unwrap();
    let crlf = daynotes_core::generate::seed_shaped(200_000, 3).replace('\n', "\r\n");
    let lone = daynotes::SAMPLE
        .replace("\n    2.", "\r    2.")
        .replace("\n- ", "\r- ");
    assert!(lone.contains('\r'));
    for (name, text) in [("hostile", hostile), ("crlf", crlf), ("lone cr", lone)] {
        let nb = daynotes_core::load::from_text(name, text);
        same_hits(&nb, &["e", "1"], name);
    }
}

/// FNV-1a, 64 bits: a digest that stays the same from one Rust to the next.
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The digest of `search QUERY FILE` and `search --json QUERY FILE` (run in
/// `dir`, or here), and the lines.
fn digests(dir: Option<&std::path::Path>, query: &str, file: &str) -> (u64, u64, usize) {
    let run = |args: &[&str]| match dir {
        Some(dir) => daynotes_in(dir, args).output().unwrap(),
        None => daynotes(args).output().unwrap(),
    };
    let plain = run(&["search", query, file]);
    let json = run(&["search", "--json", query, file]);
    let lines = plain.stdout.iter().filter(|&&b| b == b'\n').count();
    (fnv(&plain.stdout), fnv(&json.stdout), lines)
}

#[test]
fn output_is_what_it_was_on_the_bundled_notes() {
    // Recorded with the build before hits were found first.
    let recorded = [
        ("sse", 0x3e9b_ac3a_330b_af2b, 0xddc3_1692_1e0d_5914, 3),
        ("握手", 0xb02e_f841_7520_bdb3, 0x77de_2091_aa00_869a, 6),
        ("a", 0x3c88_dece_8c86_e593, 0x4fdb_6d47_833a_e55e, 23),
    ];
    for (query, plain, json, lines) in recorded {
        assert_eq!(digests(None, query, SEED), (plain, json, lines), "{query}");
    }
}

#[test]
fn output_is_what_it_was_on_generated_notes() {
    // `gen-notes --mb 5 --seed 1`, as the build before printed it.
    let dir = tempfile::tempdir().unwrap();
    let text = daynotes_core::generate::notes(5_000_000, 1);
    std::fs::write(dir.path().join("notes.txt"), text).unwrap();
    let recorded = [
        (
            "timeout",
            0x906f_4b58_d30f_dd2f,
            0x90eb_6395_bdf5_bb57,
            9024,
        ),
        ("握手", 0x12e5_9a99_bf64_ad73, 0x6498_9e47_510b_1a86, 13724),
        ("retry", 0x2a4f_6bed_42d3_6528, 0x93d4_c485_4c67_04dc, 9354),
    ];
    for (query, plain, json, lines) in recorded {
        let got = digests(Some(dir.path()), query, "notes.txt");
        assert_eq!(got, (plain, json, lines), "{query}");
    }
}

/// `search QUERY FILE` finds its lines while the file is parsed; the same
/// file read the ordinary way (named by `DAYNOTES_FILE`, not on the command
/// line) prints the same lines, places and document: notes of every
/// dialect, daily notes named by their date, text before the first day and
/// after year lines, matches in day headings, topic titles and sections,
/// code fences, controls, a file with a BOM, one in UTF-16 and a large one
/// that is mapped.
#[test]
fn found_while_parsing_prints_what_the_ordinary_way_prints() {
    let dir = tempfile::tempdir().unwrap();
    let mut files: Vec<std::path::PathBuf> = Vec::new();
    for d in ["tests/fixtures/dialects", "tests/fixtures/daily"] {
        for entry in std::fs::read_dir(d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                files.push(std::fs::canonicalize(path).unwrap());
            }
        }
    }
    for f in ["tests/fixtures/hostile-notes.txt", SEED] {
        files.push(std::fs::canonicalize(f).unwrap());
    }
    let seed = daynotes::SAMPLE;
    let bom = dir.path().join("bom.txt");
    std::fs::write(&bom, [b"\xEF\xBB\xBF", seed.as_bytes()].concat()).unwrap();
    let utf16 = dir.path().join("utf16.txt");
    let wide: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(seed.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    std::fs::write(&utf16, wide).unwrap();
    let large = dir.path().join("2023 notes.md");
    std::fs::write(
        &large,
        daynotes_core::generate::markdown_notes(3_000_000, 7),
    )
    .unwrap();
    files.extend([bom, utf16, large]);
    let run = |args: &[&str], env: Option<&std::path::Path>| {
        let mut cmd = daynotes(args);
        if let Some(file) = env {
            cmd.env("DAYNOTES_FILE", file);
        }
        let out = cmd.output().unwrap();
        (out.status.code(), out.stdout)
    };
    let mut compared = 0;
    for file in &files {
        let path = file.to_str().unwrap();
        for query in ["a", "2024", "#", "握手"] {
            for mode in ["--json", "--color=always"] {
                let early = run(&["search", mode, query, path], None);
                let ordinary = run(&["search", mode, query], Some(file));
                assert!(early == ordinary, "search {mode} {query} {path}");
                compared += usize::from(early.0 == Some(0));
            }
        }
    }
    assert!(compared > 40, "most searches find something: {compared}");
}
