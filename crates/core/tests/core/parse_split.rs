//! A text read in pieces on several threads gives exactly what one pass
//! over it gives, wherever it is cut: on the bundled notes, every dialect,
//! generated notes (the seed's shape and markdown), and texts mixed from
//! the lines of all of them.

use daynotes_core::parse::heading::{Verdict, day_heading};
use daynotes_core::parse::{Parsed, parse, parse_cut_at, parse_in_one, pieces_in, pieces_of};
use proptest::prelude::*;

fn fixtures() -> Vec<(String, String)> {
    let mut out = vec![("seed".to_string(), crate::common::SAMPLE.to_string())];
    let dirs = [
        crate::common::fixture("dialects"),
        crate::common::fixture("learnt"),
        crate::common::fixture(""),
    ];
    for dir in dirs {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                let text = std::fs::read_to_string(&path).unwrap();
                out.push((path.display().to_string(), text));
            }
        }
    }
    out.push((
        "journal".into(),
        std::fs::read_to_string(crate::common::fixture("daily/journal.txt")).unwrap(),
    ));
    out
}

/// The byte offset of every line start but the first.
fn line_starts(text: &str) -> Vec<usize> {
    text.match_indices('\n')
        .map(|(i, _)| i + 1)
        .filter(|&i| i < text.len())
        .collect()
}

/// Parses `text` cut at `cuts`, holds it to the whole pass's result, and
/// says how many pieces were taken as their threads read them.
#[track_caller]
fn same(text: &str, cuts: &[usize], whole: &Parsed, what: &str) -> usize {
    let (cut, taken) = parse_cut_at(text, cuts);
    if &cut != whole {
        // Say what differs first, not two trees of a thousand lines.
        assert_eq!(
            cut.days.len(),
            whole.days.len(),
            "{what}: days, cut at {cuts:?}"
        );
        for (a, b) in cut.days.iter().zip(&whole.days) {
            assert_eq!(a, b, "{what}: a day, cut at {cuts:?}");
        }
        assert_eq!(cut.warnings, whole.warnings, "{what}: cut at {cuts:?}");
        assert_eq!(cut, *whole, "{what}: cut at {cuts:?}");
    }
    taken
}

#[test]
fn every_single_cut_of_every_fixture() {
    for (name, text) in fixtures() {
        let whole = parse_in_one(&text);
        let mut taken = 0;
        for at in line_starts(&text) {
            taken += same(&text, &[at], &whole, &name);
        }
        if name == "seed" {
            // Its days after the first: 8.23, 8.24, 8.30, 9.1, 9.11.
            assert_eq!(taken, whole.days.len() - 1);
        }
    }
}

#[test]
fn cuts_by_two_and_three_of_the_bundled_notes() {
    let text = crate::common::SAMPLE;
    let whole = parse_in_one(text);
    let starts = line_starts(text);
    for (i, &a) in starts.iter().enumerate().step_by(3) {
        for &b in starts[i + 1..].iter().step_by(5) {
            same(text, &[a, b], &whole, "seed");
        }
    }
    for w in starts.windows(3).step_by(7) {
        same(text, w, &whole, "seed");
    }
}

#[test]
fn generated_notes_cut_anywhere() {
    for text in [
        daynotes_core::generate::notes(300_000, 7),
        daynotes_core::generate::markdown_notes(300_000, 7),
    ] {
        let whole = parse_in_one(&text);
        let starts = line_starts(&text);
        for at in starts.iter().step_by(97) {
            same(&text, &[*at], &whole, "generated");
        }
        let n = starts.len();
        same(
            &text,
            &[starts[n / 4], starts[n / 2], starts[3 * n / 4]],
            &whole,
            "generated",
        );
        // Cut at day headings that name their year, each piece is taken
        // as its thread read it.
        let dated: Vec<usize> = starts
            .iter()
            .copied()
            .filter(|&at| {
                // `2023-01-10` alone, or `## 2023-01-02 - review`.
                let line = text[at..].lines().next().unwrap_or_default();
                let date = |s: &str| {
                    s.len() >= 10
                        && s.as_bytes()[..4].iter().all(u8::is_ascii_digit)
                        && s.as_bytes()[4] == b'-'
                };
                line.strip_prefix("## ")
                    .map_or(line.len() == 10 && date(line), date)
            })
            .collect();
        assert!(dated.len() > 20, "{}", dated.len());
        for at in dated.iter().step_by(dated.len() / 10) {
            assert_eq!(same(&text, &[*at], &whole, "generated, at a day"), 1);
        }
        let three = [
            dated[dated.len() / 4],
            dated[dated.len() / 2],
            dated[dated.len() * 3 / 4],
        ];
        assert_eq!(same(&text, &three, &whole, "generated, at three days"), 3);
    }
}

#[test]
fn a_large_text_is_read_in_pieces_alike() {
    // Over two pieces' worth, so that `parse` cuts it where it chooses.
    for text in [
        daynotes_core::generate::notes(17_000_000, 3),
        daynotes_core::generate::markdown_notes(17_000_000, 3),
    ] {
        assert_eq!(parse(&text), parse_in_one(&text));
        // Every piece is taken as read: the cuts fall where they should.
        let (pieces, taken) = pieces_of(&text);
        assert_eq!(taken, pieces - 1, "{pieces} pieces");
    }
}

/// Cut into any number of pieces, each piece starts at a day heading of
/// the file's own kind and is taken as read, in every generator's shape:
/// a dated list item under markdown days (`- 2024-01-03 deadline` under
/// `## 2024-01-02`) is body text, and a piece cut there would be read
/// again by the piece before, the parse on one core.
#[test]
fn every_piece_starts_at_a_day_of_the_files_kind() {
    for text in [
        daynotes_core::generate::notes(6_000_000, 5),
        daynotes_core::generate::markdown_notes(6_000_000, 5),
        daynotes_core::generate::seed_shaped(6_000_000, 5),
    ] {
        for pieces in 2..=12 {
            let (cut, taken) = pieces_in(&text, pieces);
            assert_eq!((cut, taken), (pieces, pieces - 1), "{}", &text[..40]);
        }
    }
}

/// Lines of every kind the parser tells apart, to mix.
fn pool() -> Vec<String> {
    let mut lines: Vec<String> = fixtures()
        .iter()
        .flat_map(|(_, t)| t.lines().map(str::to_string).collect::<Vec<_>>())
        .collect();
    lines.extend(
        [
            "2023",
            "2024年",
            "# 2022",
            "## Week 8",
            "8.22:",
            "12.30",
            "1.2",
            "2.30",
            "2024-01-02",
            "2025-08-22 – 复习",
            "## 2024-01-02",
            "### 2024-01-03 evening",
            "- 2024-01-05 deadline",
            "**2024-01-06**",
            "    8.23",
            "```",
            "    ```yaml",
            "~~~",
            "[2024-01-02 09:00] entry",
            "    1.tcp握手",
            "    2、topic",
            "        **重点**：",
            "        - item",
            "09:00 standup",
            "3.14",
            "on 8.22 we met",
            "\tmixed \t indent",
            "",
            "",
        ]
        .map(String::from),
    );
    lines
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn mixed_lines_cut_anywhere(
        picks in prop::collection::vec(any::<prop::sample::Index>(), 1..120),
        cuts in prop::collection::vec(any::<prop::sample::Index>(), 1..4),
        crlf in any::<bool>(),
    ) {
        let pool = pool();
        let end = if crlf { "\r\n" } else { "\n" };
        let text: String = picks.iter().map(|i| format!("{}{end}", i.get(&pool))).collect();
        let starts = line_starts(&text);
        prop_assume!(!starts.is_empty());
        // Most cuts at lines that read as day headings (where a piece is
        // taken unless the state before says otherwise), one anywhere.
        let days: Vec<usize> = starts
            .iter()
            .copied()
            .filter(|&at| {
                let line = text[at..].lines().next().unwrap_or_default().trim();
                !line.is_empty() && matches!(day_heading(line), Verdict::Day(_))
            })
            .collect();
        let among = if days.is_empty() { &starts } else { &days };
        let mut at: Vec<usize> = cuts.iter().map(|i| *i.get(among)).collect();
        at.push(*cuts[0].get(&starts));
        at.sort_unstable();
        at.dedup();
        let whole = parse_in_one(&text);
        prop_assert_eq!(parse_cut_at(&text, &at).0, whole);
    }
}

/// The fixtures, and generated notes of the three shapes (the project's,
/// markdown, the seed's), at sizes parsed in one piece and in several: what
/// a parse that makes less is held to the whole parse on.
fn texts_of_every_shape() -> Vec<String> {
    let mut texts: Vec<String> = fixtures().into_iter().map(|(_, t)| t).collect();
    texts.push(daynotes_core::generate::notes(2_000_000, 9));
    texts.push(daynotes_core::generate::markdown_notes(2_000_000, 9));
    texts.push(daynotes_core::generate::seed_shaped(2_000_000, 9));
    texts.push(daynotes_core::generate::notes(17_000_000, 4));
    texts.push(daynotes_core::generate::seed_shaped(17_000_000, 4));
    texts
}

/// Without section headings (`list --depth 1`, `check`), every day, topic
/// and finding is the whole parse's; only the sections are left empty. Such
/// a parse passes over deep body lines without reading them one by one
/// (in the seed's shape, most lines): the notes' own shape is among the
/// texts, at sizes that are read in one piece and in several.
#[test]
fn a_parse_without_sections_is_the_whole_parse_less_its_sections() {
    for text in &texts_of_every_shape() {
        assert_same_less_sections(text);
    }
}

/// Without findings (`list`, `search`), every day, topic and section is
/// the whole parse's, and there are no warnings; but a text without days
/// is still noted, as every command says so.
#[test]
fn a_parse_without_findings_is_the_whole_parse_less_its_warnings() {
    use daynotes_core::notes::SourceText;
    use daynotes_core::parse::{Wanted, parse_wanted};
    let mut texts: Vec<String> = fixtures().into_iter().map(|(_, t)| t).collect();
    // Year-less dates over many years: thousands of duplicates, and days
    // out of order; in one piece and in several.
    texts.push(daynotes_core::generate::seed_shaped(2_000_000, 9));
    texts.push(daynotes_core::generate::seed_shaped(17_000_000, 4));
    texts.push("no dates here\njust text\n".to_string());
    let mut warned = 0;
    for text in &texts {
        let text = SourceText::from(text.as_str());
        for sections in [true, false] {
            let wanted = |findings| Wanted {
                sections,
                findings,
                topics: true,
            };
            let mut whole = parse_wanted(&text, wanted(true));
            let quiet = parse_wanted(&text, wanted(false));
            warned += usize::from(!whole.warnings.is_empty());
            if whole.days.is_empty() {
                assert_eq!(quiet.warnings, whole.warnings);
            } else {
                assert!(quiet.warnings.is_empty(), "{:?}", quiet.warnings);
                whole.warnings.clear();
            }
            assert_eq!(quiet, whole);
        }
    }
    assert!(warned > 4, "some texts have findings to leave out");
}

/// [`a_parse_without_sections_is_the_whole_parse_less_its_sections`] for
/// `text`.
fn assert_same_less_sections(text: &str) {
    let whole = parse_in_one(text);
    let alone = daynotes_core::parse::parse_deep(text, false);
    assert_eq!(alone.warnings, whole.warnings);
    assert_eq!(alone.dividers, whole.dividers);
    assert_eq!(
        (alone.leading, alone.newest_first),
        (whole.leading, whole.newest_first)
    );
    assert_eq!(alone.days.len(), whole.days.len());
    for (a, w) in alone.days.iter().zip(&whole.days) {
        assert_eq!(
            (a.date, &a.title, a.heading, a.preamble),
            (w.date, &w.title, w.heading, w.preamble)
        );
        assert_eq!(
            a.topics.len(),
            w.topics.len(),
            "the day at line {}",
            w.line()
        );
        for (x, y) in a.topics.iter().zip(w.topics.iter()) {
            assert!(x.sections().is_empty());
            assert_eq!(
                (x.number, x.heading, x.body(), x.title(), x.starred),
                (y.number, y.heading, y.body(), y.title(), y.starred)
            );
        }
    }
}

/// Body lines deeper than their topics, and the lines that end a run of
/// them: fences, tabs, carriage returns, control characters, shallower
/// numbers, deeper numbers and headings, and lines that head sections
/// (bold, `#`, a colon at the end) with the lines under them.
fn deep_pool() -> Vec<String> {
    let mut lines = pool();
    lines.extend(
        [
            "        plain body text 网络连接",
            "          deeper still",
            "        - a bullet, long enough to cross the end of one block of sixty-four bytes",
            "        ```",
            "        ~~~",
            "        - ```yaml",
            "        a `code` word",
            "        \ttab inside",
            "     \t mixed",
            "        bell \u{7}",
            "        next line \u{85} control",
            "        middle · dot and\u{a0}no-break",
            "        3.deeper number",
            "      4.between",
            "    5.topic",
            "  1.shallower",
            "        8.24",
            "        ## 2024-01-02",
            "        **bold**：",
            "        colon line:",
            "        冒号行：",
            "        colon then spaces:   ",
            "          under the colon",
            "        __under__",
            "        # hash heading",
            "        - item: with a colon inside",
            "        ",
            "    ",
        ]
        .map(String::from),
    );
    lines
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn deep_lines_passed_over_change_nothing(
        picks in prop::collection::vec(any::<prop::sample::Index>(), 1..160),
        crlf in any::<bool>(),
    ) {
        let pool = deep_pool();
        let end = if crlf { "\r\n" } else { "\n" };
        let text: String = picks.iter().map(|i| format!("{}{end}", i.get(&pool))).collect();
        assert_same_less_sections(&text);
        // A sketch completed reads every line of every day one by one:
        // the parse that passes lines over must be the same.
        let mut every = vec![0];
        every.extend(line_starts(&text));
        for sections in [true, false] {
            let read = daynotes_core::parse::sketch(&text, sections).complete(&text, &every);
            prop_assert_eq!(daynotes_core::parse::parse_deep(&text, sections), read);
        }
    }
}

/// A sketch completed for every line is the whole parse, with and without
/// sections, in one piece and in several (17 MB); completed for some lines,
/// the days that hold them are the whole parse's and the others keep their
/// text as preamble, without topics.
#[test]
fn a_sketch_completed_is_the_whole_parse() {
    let mut texts: Vec<String> = fixtures().into_iter().map(|(_, t)| t).collect();
    texts.push(daynotes_core::generate::seed_shaped(2_000_000, 5));
    texts.push(daynotes_core::generate::markdown_notes(2_000_000, 9));
    texts.push(daynotes_core::generate::seed_shaped(17_000_000, 4));
    for text in &texts {
        for sections in [true, false] {
            let whole = daynotes_core::parse::parse_deep(text, sections);
            let mut every = vec![0];
            every.extend(line_starts(text));
            let full = daynotes_core::parse::sketch(text, sections).complete(text, &every);
            if full != whole {
                assert_eq!(full.days.len(), whole.days.len());
                for (a, b) in full.days.iter().zip(&whole.days) {
                    assert_eq!(a, b);
                }
                assert_eq!(full, whole);
            }
            // Every third day's heading line asked for.
            let asked: Vec<usize> = whole
                .days
                .iter()
                .step_by(3)
                .map(|d| d.heading.start())
                .collect();
            let some = daynotes_core::parse::sketch(text, sections).complete(text, &asked);
            assert_eq!(some.days.len(), whole.days.len());
            assert_eq!(some.warnings, whole.warnings);
            for (i, (a, w)) in some.days.iter().zip(&whole.days).enumerate() {
                if i % 3 == 0 || a.heading.is_empty() {
                    // Asked for, or a day of journal entries (read whole).
                    assert_eq!(a, w);
                } else {
                    assert!(a.topics.is_empty());
                    let end = w.topics.last().map_or(w.preamble.end(), |t| t.body().end());
                    assert_eq!(
                        (a.date, a.heading, a.preamble.start(), a.preamble.end()),
                        (w.date, w.heading, w.preamble.start(), end)
                    );
                }
            }
        }
    }
}

/// A file's text parsed as loading parses it (titles kept as places in
/// it; a mapped file's pieces numbered from the lines counted as its bytes
/// were checked) reads as the text parsed alone (titles copied, lines
/// counted), in one piece and in several; every title of the bundled notes and of the generated ones is
/// such a place.
#[test]
fn titles_read_from_the_text_are_the_copies() {
    let mut texts: Vec<(String, String)> = fixtures();
    texts.push((
        "seed-shaped".into(),
        daynotes_core::generate::seed_shaped(17_000_000, 4),
    ));
    texts.push((
        "markdown".into(),
        daynotes_core::generate::markdown_notes(2_000_000, 9),
    ));
    for (name, text) in &texts {
        // A text of its own, and bytes checked in place (a mapped file's
        // way, whose lines are counted as they are checked).
        let own = daynotes_core::notes::SourceText::from(text.as_str());
        let bytes: daynotes_core::notes::Shared = std::sync::Arc::new(text.clone().into_bytes());
        let shared = daynotes_core::notes::SourceText::shared(bytes, 0).unwrap();
        for (home, sections) in [(&own, true), (&own, false), (&shared, true)] {
            let copied = daynotes_core::parse::parse_deep(text, sections);
            let kept = daynotes_core::parse::parse_source(home, sections);
            assert_eq!(kept, copied, "{name}");
            // (A journal's entry titles are made from their lines: copies.)
            if ["seed", "seed-shaped", "markdown"].contains(&name.as_str()) {
                let mut topics = kept.days.iter().flat_map(|d| d.topics.iter()).peekable();
                assert!(topics.peek().is_some(), "{name}");
                assert!(topics.all(|t| t.titles_in_text()), "{name}");
            }
        }
    }
}

/// With topics counted and not made (`list --depth 1`), every day is the
/// whole parse's, its topics there only as their number:
///
/// ```text
/// made      8.22 [1.tcp握手, 2.udp, 3.dns]   counted 0
/// counted   8.22 []                           counted 3
/// ```
#[test]
fn a_parse_that_counts_topics_is_the_whole_parse_less_the_topics() {
    use daynotes_core::notes::SourceText;
    use daynotes_core::parse::{Wanted, parse_wanted};
    let mut counted_some = 0;
    for text in &texts_of_every_shape() {
        let text = SourceText::from(text.as_str());
        for findings in [true, false] {
            let wanted = |topics| Wanted {
                sections: false,
                findings,
                topics,
            };
            let mut made = parse_wanted(&text, wanted(true));
            let counted = parse_wanted(&text, wanted(false));
            for day in &mut made.days {
                assert_eq!(day.counted, 0);
                day.counted = u32::try_from(day.topics.len()).unwrap();
                counted_some += day.topics.len();
                day.topics = Box::default();
            }
            assert_eq!(counted, made);
        }
    }
    assert!(counted_some > 1000, "the texts have topics to count");
}

/// A search's parse (`parse_holding`, given the lines it found) is the
/// whole parse with the topics that hold none of them counted, not made:
/// every topic that holds a line is the whole parse's, sections and all,
/// so every line is placed where the whole parse places it. For words in
/// most lines, in few and in none, on texts of every shape, read in one
/// piece and in several.
#[test]
fn a_search_s_parse_is_the_whole_parse_less_the_topics_without_a_line() {
    use daynotes_core::notes::SourceText;
    use daynotes_core::parse::{Wanted, parse_holding, parse_wanted};
    use daynotes_core::search::{Matcher, Query, walk};
    let wanted = Wanted {
        sections: true,
        findings: false,
        topics: true,
    };
    let (mut dropped, mut kept) = (0, 0);
    for text in &texts_of_every_shape() {
        let source = SourceText::from(text.as_str());
        let whole = parse_wanted(&source, wanted);
        for query in ["timeout", "e", "握手", "zzqqxx", "2024"] {
            let m = Matcher::new(&Query::literal(query)).unwrap();
            let lines: Vec<u32> = walk::found_lines(text, &m)
                .iter()
                .map(|l| u32::try_from(l.line_start()).unwrap())
                .collect();
            let held = parse_holding(&source, wanted, &lines);
            let mut want = whole.clone();
            for day in &mut want.days {
                let holds = |t: &daynotes_core::notes::Topic| {
                    let (start, end) = (t.heading.start(), t.body().end().max(t.heading.end()));
                    let k = lines.partition_point(|&l| (l as usize) < start);
                    lines.get(k).is_some_and(|&l| (l as usize) < end)
                };
                let before = day.topics.len();
                day.topics = day.topics.iter().filter(|t| holds(t)).cloned().collect();
                let gone = before - day.topics.len();
                day.counted = u32::try_from(gone).unwrap();
                dropped += gone;
                kept += day.topics.len();
            }
            assert_eq!(held, want, "{query}");
        }
    }
    assert!(
        dropped > 1000 && kept > 1000,
        "{dropped} dropped, {kept} kept"
    );
}
