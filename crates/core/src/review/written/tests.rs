//! Each syntax found in a piece of notes, with its near misses.

use super::*;

/// Each card as `line kind: question → answer`.
fn found(text: &str) -> Vec<String> {
    scan(text, &[], &Syntax::default())
        .iter()
        .map(|w| match &w.shape {
            Shape::Cloze(c) => {
                let sides: Vec<String> = c.numbers().iter().map(|&n| c.side(n).question).collect();
                format!("{} cloze: {}", w.line, sides.join(" | ").replace('\n', "⏎"))
            }
            shape => format!(
                "{} {}: {} → {}",
                w.line,
                if *shape == Shape::Basic {
                    "basic"
                } else {
                    "both"
                },
                w.question.replace('\n', "⏎"),
                w.answer.replace('\n', "⏎")
            ),
        })
        .collect()
}

#[test]
fn every_syntax_in_one_body() {
    let text = "\
TCP::Transmission Control Protocol
- port 443:::HTTPS

What does SYN carry?
?
the client's first
sequence number

握手有几次
??
三次

the ==three-way== handshake opens, ==four== steps close
- {{c1::SYN}} then {{c2::SYN-ACK::reply}}
- 脏读: {{cloze 读到未提交的数据}}
";
    assert_eq!(
        found(text),
        [
            "0 basic: TCP → Transmission Control Protocol",
            "1 both: port 443 → HTTPS",
            "3 basic: What does SYN carry? → the client's first⏎sequence number",
            "8 both: 握手有几次 → 三次",
            "12 cloze: the […] handshake opens, four steps close | the three-way handshake opens, […] steps close",
            "13 cloze: […] then SYN-ACK | SYN then [reply]",
            "14 cloze: 脏读: […]",
        ]
    );
}

#[test]
fn logseq_card_blocks_and_their_properties() {
    let text = "\
- What is a pod? #card
  card-last-interval:: 3.86
  card-repeats:: 1
\t- the smallest unit
\t- holds containers
- 隔离级别 #card
\t- 读未提交
\t\t- {{cloze 能读到未提交的数据}}
- # Motivation #card
\t- errors of both kinds
- no tag here
";
    assert_eq!(
        found(text),
        [
            "0 basic: What is a pod? → - the smallest unit⏎- holds containers",
            "5 cloze: 隔离级别⏎- 读未提交⏎    - […]",
            "8 basic: Motivation → - errors of both kinds",
        ]
    );
}

#[test]
fn nothing_in_code_and_no_property_is_a_card() {
    let text = "\
```rust
let v = Vec::new(); // a::b
x ==y==
?
```
tags:: net
collapsed:: true
#+begin_src sh
echo a::b
#+end_src
`q::a` in code
";
    assert_eq!(found(text), Vec::<String>::new());
}

#[test]
fn multiline_needs_both_sides_and_stops_at_headings() {
    // A lone `?` with nothing above or below is text.
    assert_eq!(found("?\nanswer"), Vec::<String>::new());
    assert_eq!(found("question\n?\n\nlater"), Vec::<String>::new());
    // A section title between is a wall: the question is the line after it.
    let cards = scan("**Title**\nq\n?\na", &[0], &Syntax::default());
    assert_eq!(cards.len(), 1);
    assert_eq!((cards[0].line, cards[0].question.as_str()), (1, "q"));
}

/// In a list, the question is the item before the `?` line, the answer
/// what follows up to the next item as far out.
#[test]
fn multiline_cards_inside_a_list() {
    let text = "- earlier item\n- what is a jumbo frame?\n  ?\n  more than 1500 bytes\n- next item";
    assert_eq!(
        found(text),
        ["1 basic: what is a jumbo frame? → more than 1500 bytes"]
    );
}

#[test]
fn a_title_makes_its_topic_a_card() {
    let s = Syntax::default();
    let (w, body) = title_card(
        "What is a pod? #card",
        "card-repeats:: 1\n- smallest unit",
        &s,
    )
    .unwrap();
    assert!(body);
    assert_eq!(
        (w.question.as_str(), w.answer.as_str()),
        ("What is a pod?", "- smallest unit")
    );
    let (w, body) = title_card("TCP::Transmission Control Protocol", "", &s).unwrap();
    assert!(!body);
    assert_eq!(w.answer, "Transmission Control Protocol");
    assert!(title_card("cards of my own", "", &s).is_none());
    assert!(title_card("#cards are not #card-like", "x", &s).is_none());
}
