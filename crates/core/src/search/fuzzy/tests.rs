use super::*;
use crate::load::from_text;

fn seed() -> Vec<Entry> {
    entries(&from_text("seed", crate::SAMPLE.to_string()))
}

fn ranked(typed: &str) -> Vec<String> {
    let all = seed();
    Ranker::default()
        .rank(&all, typed)
        .into_iter()
        .map(|i| all[i].label.clone())
        .collect()
}

#[test]
fn every_topic_and_section_with_its_date() {
    let all = seed();
    assert_eq!(all[0].label, "8.22 › tcp握手");
    assert_eq!(all[0].node, NodeId::topic(0, 0));
    assert_eq!(all[1].label, "8.22 › tcp握手 › 第一次握手（SYN）");
    let sse = all
        .iter()
        .position(|e| e.label == "8.23 › 服务器发送事件SSE")
        .expect("the SSE topic");
    assert_eq!(all[sse].node, NodeId::topic(1, 1));
    assert_eq!(all[sse + 1].label, "8.23 › 服务器发送事件SSE › 特点");
    // nested sections carry their parent's title
    assert!(
        all.iter()
            .any(|e| e.label == "8.22 › 如何保证服务器的服务不中断，中断了如何处理 › 预防服务中断的策略 › 1. 高可用架构"),
        "{all:#?}"
    );
}

#[test]
fn ranking_on_the_seed() {
    // The topic whose title is the query comes before its sections,
    // which hold it only through their parent.
    let sse = ranked("sse");
    assert_eq!(sse[0], "8.23 › 服务器发送事件SSE");
    // The four titles holding SSE, then those that spell s…s…e in
    // pinyin (是什么: shi shen).
    assert!(sse[..4].iter().all(|l| l.contains("SSE")), "{sse:#?}");
    assert!(sse[4..].iter().all(|l| !l.contains("SSE")), "{sse:#?}");

    // Chinese, by characters, not necessarily adjacent.
    let got = ranked("握手");
    assert_eq!(got[0], "8.22 › tcp握手");
    let scattered = ranked("容器部署");
    assert!(
        scattered[0].contains("容器化部署"),
        "best is a title with 容器…部署: {scattered:#?}"
    );

    // Several words must all match.
    let both = ranked("8.23 场景");
    assert!(
        both.len() >= 2
            && both
                .iter()
                .all(|l| l.starts_with("8.23") && l.contains("场景"))
    );
    assert!(ranked("qqqqqqqq").is_empty());
    // Narrowing a ranking gives the ranking of the longer pattern.
    let all = seed();
    let mut r = Ranker::default();
    let first = r.rank(&all, "部");
    let narrowed = r.rank_among(&all, first, "部署");
    assert_eq!(narrowed, r.rank(&all, "部署"));
    let mut typed = Ranker::default();
    for (i, _) in "部署 8.2".char_indices().skip(1) {
        let t = &"部署 8.2"[..i];
        assert_eq!(typed.rank_typed(&all, t), r.rank(&all, t), "{t}");
    }
    assert_eq!(ranked("  ").len(), seed().len());
}

/// Chinese titles found by pinyin, below the titles found directly.
#[test]
fn pinyin_finds_chinese_titles() {
    let ws = ranked("ws");
    assert!(
        ws.iter().any(|l| l == "8.22 › tcp握手"),
        "ws finds 握手: {ws:#?}"
    );
    let why = ranked("wsmxysch");
    assert_eq!(why[0], "8.22 › tcp握手 › 为什么需要三次握手？", "{why:#?}");
    assert_eq!(ranked("woshou")[0], "8.22 › tcp握手");
    assert_eq!(ranked("tcpws")[0], "8.22 › tcp握手");
    // A word found directly still comes first.
    let cookie = ranked("cookie");
    assert_eq!(cookie[0], "9.1 › cookie是什么");
    // Pinyin and a direct word together.
    assert_eq!(ranked("9.1 sm")[0], "9.1 › cookie是什么");
    // Narrowing keeps giving the ranking of the longer pattern.
    let all = seed();
    let mut typed = Ranker::default();
    let mut whole = Ranker::default();
    for t in ["w", "ws", "wsm", "wsmx"] {
        assert_eq!(typed.rank_typed(&all, t), whole.rank(&all, t), "{t}");
    }
}

/// The first screen is the start of the whole ranking, whichever way
/// it is found, on one thread or many.
#[test]
fn the_first_screen_is_the_start_of_the_ranking() {
    // Enough titles to be shared out among threads.
    let text = crate::generate::notes(2_000_000, 3);
    let all = entries(&from_text("gen", text));
    assert!(all.len() > 2 * ONE_THREAD, "{}", all.len());
    let mut r = Ranker::default();
    for typed in [
        "w",
        "ws",
        "tcp",
        "wsmxysch",
        "sse 部署",
        "部署 容器",
        "Tcp",
        "!ws",
    ] {
        let whole = r.rank(&all, typed);
        let first = r.first_screen(&all, typed, 30);
        assert!(whole.starts_with(&first), "{typed}");
        assert!(first.len() >= 30.min(whole.len()), "{typed}");
        // One thread gives the same.
        let mut one = Ranker::default();
        let among: Vec<usize> = (0..all.len()).collect();
        let mut by_one = Vec::new();
        for part in among.chunks(ONE_THREAD - 1) {
            by_one.extend(one.rank_among(&all, part.iter().copied(), typed));
        }
        let mut sorted_whole = whole.clone();
        sorted_whole.sort_unstable();
        by_one.sort_unstable();
        assert_eq!(by_one, sorted_whole, "{typed}: the same titles");
    }
}

/// The bytes' check before scoring never turns a match away.
#[test]
fn the_quick_check_never_loses_a_match() {
    let labels = [
        "8.22 › tcp握手",
        "9.1 › Cookie是什么",
        "café › naïve résumé",
        "ＦＵＬＬ width",
        "Kelvin \u{212A} sign",
        "a › b › c",
    ];
    let all: Vec<Entry> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| Entry {
            node: NodeId::topic(0, i),
            label: l.to_string(),
        })
        .collect();
    for typed in [
        "cafe", "naive", "full", "k sign", "cookie", "Cookie", "握手", "a b", "tcp", "résumé",
    ] {
        let pattern = Pattern::parse(typed, CaseMatching::Smart, Normalization::Smart);
        let mut m = nucleo_matcher::Matcher::new(Config::DEFAULT);
        let mut buf = Vec::new();
        let direct: Vec<usize> = (0..all.len())
            .filter(|&i| {
                pattern
                    .score(Utf32Str::new(&all[i].label, &mut buf), &mut m)
                    .is_some()
            })
            .collect();
        let mut ranked = Ranker::default().rank(&all, typed);
        ranked.retain(|i| direct.contains(i));
        ranked.sort_unstable();
        assert_eq!(ranked, direct, "{typed}");
    }
}

#[test]
fn pinyin_positions_mark_the_characters() {
    let mut r = Ranker::default();
    assert_eq!(r.positions("8.22 › tcp握手", "woshou"), [10, 11]);
    assert_eq!(r.positions("8.22 › tcp握手", "tcp ws"), [7, 8, 9, 10, 11]);
    assert!(r.positions("8.22 › tcp握手", "qq").is_empty());
}

#[test]
fn positions_mark_the_matched_characters() {
    let mut r = Ranker::default();
    assert_eq!(r.positions("8.22 › tcp握手", "握手"), [10, 11]);
    assert!(r.positions("8.22 › tcp握手", "xyz").is_empty());
}
