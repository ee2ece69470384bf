//! Nothing is lost: for any input, the parse's node spans, in order, cover
//! the text exactly once, and their line numbers agree with the text; and
//! the export holds every non-blank line, as text or as the heading line it
//! names.

use std::collections::HashSet;

use daynotes_core::export::Export;
use daynotes_core::load::from_text;
use proptest::prelude::*;

fn check(text: &str) -> Result<(), TestCaseError> {
    check_as("p", text)
}

/// [`check`] of a text read as the file `name` (a daily note when the name
/// is a date).
fn check_as(name: &str, text: &str) -> Result<(), TestCaseError> {
    let nb = from_text(name, text.to_string());
    let src = &nb.sources[0].text;
    let spans = nb.node_spans(0);
    let mut at = 0;
    for n in &spans {
        prop_assert_eq!(n.span.start(), at, "gap or overlap before {:?}", n);
        let line = 1 + daynotes_core::notes::lines(&src[..n.span.start()]).count()
            - usize::from(n.span.start() > 0 && !src[..n.span.start()].ends_with(['\n', '\r']));
        prop_assert_eq!(n.span.line(), line, "line number of {:?}", n);
        at = n.span.end();
    }
    prop_assert_eq!(at, src.len());
    check_export(name, text)
}

/// Every non-blank line of `text` is in the export: in a text (outside,
/// preamble, body) or as the line a day or topic names.
fn check_export(name: &str, text: &str) -> Result<(), TestCaseError> {
    let nb = from_text(name, text.to_string());
    let e = Export::new(&nb);
    // Blank as the notes read it: spaces, tabs and any other white space
    // (a line of no-break spaces says nothing, and is not exported alone).
    let bare = |l: &str| {
        let l = l.trim_matches([' ', '\t']);
        if daynotes_core::notes::is_blank(l) {
            String::new()
        } else {
            l.to_string()
        }
    };
    let mut texts: Vec<&str> = e.outside.iter().map(|o| o.text.as_str()).collect();
    let mut headings = HashSet::new();
    for day in &e.days {
        headings.insert(day.line);
        texts.push(&day.preamble);
        for topic in &day.topics {
            headings.insert(topic.line);
            texts.push(&topic.body);
        }
    }
    let held: HashSet<String> = texts
        .iter()
        .flat_map(|t| daynotes_core::notes::lines(t))
        .map(bare)
        .collect();
    for (i, line) in daynotes_core::notes::lines(&nb.sources[0].text).enumerate() {
        let line = bare(line);
        if line.is_empty() || headings.contains(&(i + 1)) {
            continue;
        }
        prop_assert!(
            held.contains(&line),
            "line {} {:?} is not in the export",
            i + 1,
            line
        );
    }
    Ok(())
}

/// Lines in the notes' own vocabulary, so that random files hit every rule.
fn notes_line() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("8.22:".to_string()),
        Just("8.23： ".to_string()),
        Just("2025".to_string()),
        Just("12.31".to_string()),
        Just("2.30:".to_string()),
        Just("    1.tcp握手".to_string()),
        Just("    （2）标题".to_string()),
        Just("        **第一次握手（SYN）**：".to_string()),
        Just("        **1. 高可用架构**：".to_string()),
        Just("        # heading".to_string()),
        Just("    选择存储桶服务当：".to_string()),
        Just("        ```yaml".to_string()),
        Just("        ```".to_string()),
        Just("        | a | b |".to_string()),
        Just("        - item".to_string()),
        Just("\t\tx".to_string()),
        Just(" \tmixed".to_string()),
        Just("".to_string()),
        Just("  ".to_string()),
        Just("# Learning log".to_string()),
        Just("## 2024-01-02".to_string()),
        Just("##  2023.6.29".to_string()),
        Just("### Day 3: March 5, 2024".to_string()),
        Just("### Day 9-10: March 2 & 3, 2017".to_string()),
        Just("# 2022년 2월".to_string()),
        Just("## Week 8".to_string()),
        Just("## February 2017".to_string()),
        Just("**2024-01-02**: review".to_string()),
        Just("- 2024-01-05 deadline".to_string()),
        Just("* 2024-01-02".to_string()),
        Just("** <2024-01-02 Tue>".to_string()),
        Just("*** org topic".to_string()),
        Just("2022/02/14 [OFFLINE]".to_string()),
        Just("2024年1月2日 星期二 晴".to_string()),
        Just("8.1笔记".to_string()),
        Just("3.14".to_string()),
        Just("1.5 hours".to_string()),
        Just("09:00 standup".to_string()),
        Just("##### 11:15 PM".to_string()),
        Just("**Today's Progress**:".to_string()),
        Just("- [[Kubernetes]] pods".to_string()),
        Just("\t- nested TODO".to_string()),
        Just("### SQL".to_string()),
        Just("<details><summary>2024-01-03</summary>".to_string()),
        Just("Feb 22, 2017".to_string()),
        Just("## 07.02.2024".to_string()),
        Just("13/02/2024 notes".to_string()),
        Just("## 2024 Feb 10".to_string()),
        Just("【2024-02-06】".to_string()),
        Just("- [[Jan 2nd, 2024]]".to_string()),
        Just("## [[2024-01-03]]".to_string()),
        Just("一、TCP".to_string()),
        Just("十二．复习".to_string()),
        Just("1. step".to_string()),
        Just("[2024-01-07 09:00 AM] Standup. @work".to_string()),
        Just("[2024-01-07 02:30 PM] * starred".to_string()),
        Just("[2024-01-08 08:15] Tests. *".to_string()),
        Just("---".to_string()),
        Just("title: front".to_string()),
        "[ -~\u{4e00}-\u{4e20}\t\u{1b}\u{9b}]{0,12}",
    ];
    piece
}

fn notes_text() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(notes_line(), 0..40),
        prop::sample::select(vec!["\n", "\r\n", "\r"]),
        any::<bool>(),
    )
        .prop_map(|(lines, eol, final_eol)| {
            let mut s = lines.join(eol);
            if final_eol {
                s.push_str(eol);
            }
            s
        })
}

/// The seed with lines deleted, duplicated, re-indented or re-terminated.
fn mutated_seed() -> impl Strategy<Value = String> {
    let seed: Vec<String> = daynotes_core::notes::lines(crate::common::SAMPLE)
        .map(str::to_string)
        .collect();
    let n = seed.len();
    prop::collection::vec((0..n, 0u8..6), 0..30).prop_map(move |edits| {
        let mut lines = seed.clone();
        for (i, op) in edits {
            if lines.is_empty() {
                break;
            }
            let i = i % lines.len();
            match op {
                0 => {
                    lines.remove(i);
                }
                1 => {
                    let l = lines[i].clone();
                    lines.insert(i, l);
                }
                2 => lines[i] = format!("\t{}", lines[i].trim_start()),
                3 => lines[i] = format!("  {}", lines[i]),
                4 => lines[i] = lines[i].trim_start().to_string(),
                _ => lines[i].push('\r'),
            }
        }
        lines.join("\n")
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_strings(s in any::<String>()) {
        check(&s)?;
    }

    #[test]
    fn notes_shaped_text(s in notes_text()) {
        check(&s)?;
    }

    #[test]
    fn mutated_copies_of_the_seed(s in mutated_seed()) {
        check(&s)?;
    }

    #[test]
    fn daily_notes(s in notes_text()) {
        check_as("2024-01-02.md", &s)?;
        check_as("2024-01-02.md", &format!("---\ntitle: t\n---\n# T\n{s}"))?;
    }
}
