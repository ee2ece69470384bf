//! Cards written in the notes, read from the same cards written in
//! markdown, org, a Logseq journal and the bundled notes' plain shape
//! (`tests/fixtures/cards/`), each with its near misses, through
//! `review --cram --list --json` (every card, in notebook order).

use crate::common::daynotes;
use serde_json::Value;

const DIR: &str = "tests/fixtures/cards";

/// Every card of `file` as JSON.
fn cards_of(file: &str, config: Option<&str>) -> Vec<Value> {
    let path = format!("{DIR}/{file}");
    let mut cmd = daynotes(&["review", "--cram", "--list", "--json", &path]);
    if let Some(config) = config {
        let dir = cmd.home().config().join("daynotes");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("config.yaml"), config).unwrap();
    }
    let out = cmd.assert().success().get_output().stdout.clone();
    let json: Value = serde_json::from_slice(&out).unwrap();
    json.as_array().unwrap().clone()
}

/// Each card as `kind name`.
fn kinds(cards: &[Value]) -> Vec<String> {
    cards
        .iter()
        .map(|c| {
            format!(
                "{} {}",
                c["kind"].as_str().unwrap(),
                c["card"].as_str().unwrap()
            )
        })
        .collect()
}

fn card<'a>(cards: &'a [Value], name: &str) -> &'a Value {
    cards
        .iter()
        .find(|c| c["card"] == name)
        .unwrap_or_else(|| panic!("no card {name}: {:#?}", kinds(cards)))
}

#[test]
fn markdown() {
    let cards = cards_of("cards.md", None);
    let t = "2024-03-04 › Transport layer #exam";
    assert_eq!(
        kinds(&cards),
        [
            "basic 2024-03-04 › MTU".to_string(),
            format!("basic {t} › TCP"),
            format!("reversed {t} › UDP"),
            format!("reversed {t} › UDP (reversed)"),
            format!("basic {t} › What does the SYN flag ask for?"),
            format!("reversed {t} › Which port does HTTPS use?"),
            format!("reversed {t} › Which port does HTTPS use? (reversed)"),
            format!(
                "cloze {t} › A connection opens with a three-way handshake and closes in four steps. › [three-way handshake]"
            ),
            format!(
                "cloze {t} › A connection opens with a three-way handshake and closes in four steps. › [four steps]"
            ),
            format!(
                "cloze {t} › Congestion control: slow start doubles the window, congestion avoidance adds one… › [slow start]"
            ),
            format!(
                "cloze {t} › Congestion control: slow start doubles the window, congestion avoidance adds one… › [congestion avoidance]"
            ),
            format!("cloze {t} › Logseq style: TIME_WAIT lasts two MSL. › [TIME_WAIT]"),
            format!("basic {t} › What is a socket?"),
            // Every near miss stays text: the topic is a card of its own.
            "topic 2024-03-04 › Near misses".to_string(),
            "basic 2024-03-04 › Why does TCP need three steps? › seq".to_string(),
            // It holds a card, and asks a question: a card too.
            "topic 2024-03-04 › Why does TCP need three steps?".to_string(),
        ]
    );
    let syn = card(&cards, &format!("{t} › What does the SYN flag ask for?"));
    assert_eq!(
        syn["answer"],
        "a new connection, with the sender's first sequence number"
    );
    assert_eq!(syn["tags"], serde_json::json!(["exam"]));
    assert_eq!(syn["line"], 13);
    assert_eq!(syn["state"], "new");
    let back = card(
        &cards,
        &format!("{t} › Which port does HTTPS use? (reversed)"),
    );
    assert_eq!(
        (back["question"].as_str(), back["answer"].as_str()),
        (Some("443"), Some("Which port does HTTPS use?"))
    );
    let hint = card(
        &cards,
        &format!(
            "{t} › Congestion control: slow start doubles the window, congestion avoidance adds one… › [congestion avoidance]"
        ),
    );
    assert_eq!(
        hint["question"],
        "Congestion control: slow start doubles the window, [after ssthresh] adds one."
    );
    // A cloze's answer is its text, every gap filled.
    assert_eq!(
        hint["answer"],
        "Congestion control: slow start doubles the window, congestion avoidance adds one."
    );
    let socket = card(&cards, &format!("{t} › What is a socket?"));
    assert_eq!(
        socket["answer"],
        "- an IP address and a port\n- one end of a connection"
    );
}

#[test]
fn org() {
    let cards = cards_of("cards.org", None);
    let t = "2024-03-05 › Internet layer";
    assert_eq!(
        kinds(&cards),
        [
            "basic 2024-03-05 › TTL".to_string(),
            format!("basic {t} › IP"),
            format!("reversed {t} › ICMP"),
            format!("reversed {t} › ICMP (reversed)"),
            format!("basic {t} › What does ARP find?"),
            format!("reversed {t} › Default gateway"),
            format!("reversed {t} › Default gateway (reversed)"),
            format!("cloze {t} › A packet is split when it is larger than the MTU. › [MTU]"),
            format!("cloze {t} › IPv4 addresses are 32 bits, IPv6 ones 128 bits. › [32]"),
            format!("cloze {t} › IPv4 addresses are 32 bits, IPv6 ones 128 bits. › [128]"),
            format!("cloze {t} › NAT rewrites addresses at the border. › [NAT]"),
            format!("basic {t} › What is a subnet mask?"),
            "topic 2024-03-05 › Near misses".to_string(),
            "basic 2024-03-05 › Why is the TTL there? › hop".to_string(),
            "topic 2024-03-05 › Why is the TTL there?".to_string(),
        ]
    );
    let bits = card(
        &cards,
        &format!("{t} › IPv4 addresses are 32 bits, IPv6 ones 128 bits. › [128]"),
    );
    assert_eq!(
        bits["question"],
        "IPv4 addresses are 32 bits, IPv6 ones [how many] bits."
    );
    // Org's own tags are the card's.
    assert_eq!(bits["tags"], serde_json::json!(["exam"]));
}

#[test]
fn logseq_journal() {
    let cards = cards_of("logseq/journals/2024_03_06.md", None);
    let d = "2024-03-06";
    assert_eq!(
        kinds(&cards),
        [
            format!("basic {d} › Link layer day #exam › Ethernet"),
            format!("reversed {d} › Link layer day #exam › VLAN"),
            format!("reversed {d} › Link layer day #exam › VLAN (reversed)"),
            format!("basic {d} › What does a switch learn?"),
            format!(
                "cloze {d} › 隔离级别 - 读未提交 - 能读到别的事务未提交的数据 - 可串行化 - 事务一个接一个执行 › [能读到别的事务未提交的数据, 事务一个接一个执行]"
            ),
            format!(
                "cloze {d} › A frame carries a preamble and a frame check sequence › [preamble]"
            ),
            format!(
                "cloze {d} › A frame carries a preamble and a frame check sequence › [frame check sequence]"
            ),
            format!("cloze {d} › ARP replies are broadcast only when asked for › [broadcast]"),
            format!("basic {d} › Notes on framing › what is a jumbo frame?"),
            // Code on a bullet and a path stay text.
            format!("topic {d} › Near misses"),
        ]
    );
    // Logseq's own review data is no part of the answer.
    let switch = card(&cards, &format!("{d} › What does a switch learn?"));
    assert_eq!(
        switch["answer"],
        "- which port each MAC address is behind\n- from the source address of every frame"
    );
    // The block's clozes hidden together.
    let levels = &cards[4];
    assert_eq!(
        levels["question"],
        "隔离级别\n- 读未提交\n    - […]\n- 可串行化\n    - […]"
    );
}

#[test]
fn plain_notes_like_the_bundled_ones() {
    let cards = cards_of("cards-plain.txt", None);
    let t = "3.7 › 路由协议";
    assert_eq!(
        kinds(&cards),
        [
            "basic 3.7 › OSPF".to_string(),
            format!("basic {t} › RIP"),
            format!("reversed {t} › BGP"),
            format!("reversed {t} › BGP (reversed)"),
            format!("basic {t} › 距离矢量协议的缺点是什么？"),
            format!("reversed {t} › 默认路由"),
            format!("reversed {t} › 默认路由 (reversed)"),
            format!("cloze {t} › OSPF使用Dijkstra算法计算最短路径树。 › [Dijkstra]"),
            format!("cloze {t} › OSPF使用Dijkstra算法计算最短路径树。 › [最短路径树]"),
            format!("cloze {t} › RIP的最大跳数是15，超过即不可达。 › [15]"),
            format!("cloze {t} › RIP的最大跳数是15，超过即不可达。 › [不可达]"),
            format!("cloze {t} › 水平分割可以防止路由环路。 › [水平分割]"),
            "topic 3.7 › 无关的内容".to_string(),
            "basic 3.7 › 为什么需要TTL？ › 跳数".to_string(),
            "topic 3.7 › 为什么需要TTL？".to_string(),
        ]
    );
    let hint = card(
        &cards,
        &format!("{t} › RIP的最大跳数是15，超过即不可达。 › [不可达]"),
    );
    assert_eq!(hint["question"], "RIP的最大跳数是15，超过即[一个词]。");
}

/// The separators are settings; highlights and empty topics can be
/// turned off and on.
#[test]
fn settings_change_what_is_a_card() {
    let config = "review:\n  cloze_highlights: false\n  separators:\n    inline: \";;\"\n    inline_reversed: \";;;\"\n";
    let cards = cards_of("cards-plain.txt", Some(config));
    let names = kinds(&cards);
    assert!(!names.iter().any(|n| n.contains("OSPF使用")), "{names:#?}");
    assert!(!names.iter().any(|n| n.ends_with("› RIP")), "{names:#?}");
    // `{{c1::…}}` is not a highlight: still read.
    assert!(names.iter().any(|n| n.contains("[15]")), "{names:#?}");
    // The bundled notes: four topics have nothing under their title.
    let seed = |config| cards_of("../../../notes/study-notes.txt", config).len();
    assert_eq!(seed(None), 8);
    assert_eq!(seed(Some("review:\n  empty_topics: true\n")), 12);
    // A separator that cannot be one is an error naming it.
    let mut bad = daynotes(&["review", "--list", "notes/study-notes.txt"]);
    let dir = bad.home().config().join("daynotes");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("config.yaml"),
        "review:\n  separators:\n    inline: \": :\"\n",
    )
    .unwrap();
    let out = bad.assert().code(2).get_output().stderr.clone();
    let err = String::from_utf8(out).unwrap();
    assert!(
        err.contains("separators.inline: \": :\" is not a separator"),
        "{err}"
    );
}
