//! The card rule on the bundled notes and on small notes of every kind.

use super::*;
use crate::load::from_text;

fn keys(text: &str, rule: &CardRule) -> Vec<String> {
    cards(&from_text("t", text.into()), rule)
        .into_iter()
        .map(|c| c.key)
        .collect()
}

/// The card rule on the bundled notes: the seven topics with something
/// under their title (four have nothing yet), and the one section that
/// asks a question.
#[test]
fn the_cards_of_the_seed() {
    let nb = from_text("seed", crate::SAMPLE.into());
    let all = cards(&nb, &CardRule::default());
    let names: Vec<&str> = all.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(
        names,
        [
            "8.22 › tcp握手",
            "8.22 › tcp握手 › 为什么需要三次握手？",
            "8.22 › 如何保证服务器的服务不中断，中断了如何处理",
            "8.23 › http长轮询",
            "8.23 › 服务器发送事件SSE",
            "8.23 › 容器化部署能够实现服务不中断主要是通过以下几个核心机制",
            "8.24 › 储存桶和数据库存数据有什么区别",
            "8.30 › 接口失效",
        ]
    );
    // The section card: its heading's line, its text up to the next
    // section of its level.
    let why = &all[1];
    assert_eq!(why.kind, Kind::Section);
    assert_eq!((why.node, why.line), (NodeId::section(0, 0, 3), 19));
    let Face::Node { answer, .. } = &why.face else {
        panic!("a section card shows its text")
    };
    let text = nb.text(0, *answer);
    assert!(text.contains("防止失效连接请求"), "{text}");
    assert!(!text.contains("四次挥手"), "{text}");
    // The topic's answer leaves it folded: the text around it stays.
    let Face::Node { answer, folded } = &all[0].face else {
        panic!("a topic card")
    };
    assert_eq!(folded.len(), 1);
    assert_eq!(folded[0].title, "为什么需要三次握手？");
    let topic = node_text(&nb, 0, *answer, folded);
    assert!(topic.contains("第三次握手"), "{topic}");
    assert!(topic.contains("四次挥手"), "{topic}");
    assert!(!topic.contains("防止失效连接请求"), "{topic}");
    // Without section cards: the topics alone, nothing folded.
    let rule = CardRule {
        sections: false,
        ..CardRule::default()
    };
    assert_eq!(cards(&nb, &rule).len(), 7);
    // Empty topics kept: the one with nothing under its title too.
    let rule = CardRule {
        empty_topics: true,
        ..CardRule::default()
    };
    let kept = cards(&nb, &rule);
    assert_eq!(kept.len(), 12);
    assert_eq!(kept[2].key, "8.22 › 在开发阶段，建议加上时间消耗记录");
}

/// A topic inserted above keeps every card's name: the names hold
/// dates and titles, not numbers or lines.
#[test]
fn names_survive_an_insertion_above() {
    let before =
        "8.22:\n    1.tcp握手\n        为什么？：\n            因为\n    2.cookie\n        x\n";
    let after = "8.22:\n    1.新的\n        y\n    2.tcp握手\n        为什么？：\n            因为\n    3.cookie\n        x\n";
    let rule = CardRule::default();
    let old = keys(before, &rule);
    let new = keys(after, &rule);
    assert_eq!(
        old,
        [
            "8.22 › tcp握手",
            "8.22 › tcp握手 › 为什么？",
            "8.22 › cookie"
        ]
    );
    assert_eq!(new[0], "8.22 › 新的");
    assert_eq!(new[1..], old[..]);
    let lines: Vec<usize> = cards(&from_text("t", after.into()), &rule)
        .iter()
        .map(|c| c.line)
        .collect();
    assert_eq!(lines, [2, 4, 5, 7]);
}

/// The name found for one topic alone is the name among all cards.
#[test]
fn a_topic_alone_has_its_card_name() {
    let text = "8.22:\n    1.a\n      x\n    2.a\n      x\n8.22:\n    1.a\n      x\n8.23:\n    1.a\n      x\n";
    let nb = from_text("t", text.into());
    let rule = CardRule::default();
    for card in cards(&nb, &rule) {
        let (d, t) = (card.node.day_index(), card.node.topic_index().unwrap());
        assert_eq!(topic_key(&nb, d, t, &rule), Some(card.key));
    }
    assert_eq!(topic_key(&nb, 1, 0, &rule).as_deref(), Some("8.22 › a (3)"));
}

#[test]
fn same_names_are_numbered_and_years_can_be_dropped() {
    let text = "2025\n8.22:\n    1.a\n      x\n    2.a\n      y\n";
    assert_eq!(
        keys(text, &CardRule::default()),
        ["2025-08-22 › a", "2025-08-22 › a (2)"]
    );
    let rule = CardRule {
        drop_years: true,
        ..CardRule::default()
    };
    assert_eq!(keys(text, &rule), ["8.22 › a", "8.22 › a (2)"]);
}

/// Each card as `kind key`.
fn kinds(text: &str) -> Vec<String> {
    cards(&from_text("n.md", text.into()), &CardRule::default())
        .iter()
        .map(|c| format!("{} {}", c.kind.name(), c.key))
        .collect()
}

/// ```text
/// 2024-01-05 (preamble: a card)
/// ├─ Ports              holds cards, asks nothing: no card of its own
/// ├─ Why TCP?           holds a card and asks: both
/// └─ Empty              nothing under it: no card
/// ```
#[test]
fn written_cards_replace_their_topic_unless_it_asks() {
    let text = "\
## 2024-01-05
capital of France::Paris
### Ports
443:::HTTPS
the ==three-way== handshake
### Why TCP?
reliable delivery
- ordering :: kept in order
### Empty
";
    assert_eq!(
        kinds(text),
        [
            "basic 2024-01-05 › capital of France",
            "reversed 2024-01-05 › Ports › 443",
            "reversed 2024-01-05 › Ports › 443 (reversed)",
            "cloze 2024-01-05 › Ports › the three-way handshake › [three-way]",
            "basic 2024-01-05 › Why TCP? › ordering",
            "topic 2024-01-05 › Why TCP?",
        ]
    );
}

#[test]
fn a_logseq_card_block_is_its_topic_s_card() {
    let text = "\
- What is a pod? #card
  card-repeats:: 2
\t- the smallest unit
- plain block
\t- with a child
";
    let nb = from_text("journals/2024_01_04.md", text.into());
    let all = cards(&nb, &CardRule::default());
    let names: Vec<(&str, &str)> = all
        .iter()
        .map(|c| (c.kind.name(), c.key.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("basic", "2024-01-04 › What is a pod?"),
            ("topic", "2024-01-04 › plain block"),
        ]
    );
    let w = all[0].face.written().unwrap();
    assert_eq!(w.answer, "- the smallest unit");
}
