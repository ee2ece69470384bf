//! Finding the user's place again after the notes were edited on disk: by
//! date and title, not by index. Each test edits the bundled notes the way
//! a person would and checks where the selection lands.

use daynotes_core::dates::Axis;
use daynotes_core::load::from_text;
use daynotes_core::notes::Notebook;
use daynotes_core::outline::{NodeId, Place, section_path};

fn seed_text() -> String {
    crate::common::SAMPLE.to_string()
}

fn notes(text: String) -> Notebook {
    from_text("study-notes.txt", text)
}

/// `8.23 › 2. 服务器发送事件SSE › 特点`: what the status bar would say.
fn name(nb: &Notebook, id: NodeId) -> String {
    let day = &nb.days[id.day_index()];
    let mut parts = vec![day.date.to_string()];
    if let Some(t) = id.topic_index().map(|t| &day.topics[t]) {
        parts.push(t.numbered_title());
        if let Some(k) = id.section_index() {
            parts.extend(
                section_path(t, k)
                    .iter()
                    .map(|s| t.section_title(s).to_string()),
            );
        }
    }
    parts.join(" › ")
}

/// Where `id` of the seed lands after `edit`.
fn after(id: NodeId, edit: impl FnOnce(String) -> String) -> String {
    let old = notes(seed_text());
    let new = notes(edit(seed_text()));
    name(&new, moved(&old, id, &new))
}

/// Where `id` of `old` is in `new`, the years of both assumed to be 2025.
fn moved(old: &Notebook, id: NodeId, new: &Notebook) -> NodeId {
    let place = Place::of(old, id, &Axis::new(old, 2025)).expect("a node of the old notes");
    place
        .find(new, &Axis::new(new, 2025))
        .expect("some place in the new notes")
}

// 8.22 › 3. 如何保证服务器的服务不中断，中断了如何处理
//   › 服务中断后的处理 › 2. 问题诊断            (section 7 in pre-order)
fn diagnose() -> NodeId {
    NodeId::section(0, 2, 7)
}

#[test]
fn the_nested_section_is_named_as_expected() {
    let nb = notes(seed_text());
    assert_eq!(
        name(&nb, diagnose()),
        "8.22 › 3. 如何保证服务器的服务不中断，中断了如何处理 › 服务中断后的处理 › 2. 问题诊断"
    );
}

#[test]
fn a_day_inserted_before_does_not_move_the_selection() {
    let got = after(diagnose(), |t| format!("8.1\n    1.新的一天\n{t}"));
    assert!(got.starts_with("8.22 › 3."), "{got}");
    assert!(got.ends_with("服务中断后的处理 › 2. 问题诊断"), "{got}");
}

#[test]
fn a_section_inserted_before_does_not_move_the_selection() {
    let got = after(diagnose(), |t| {
        t.replacen(
            "**服务中断后的处理**",
            "**新的小节**：\n        新内容\n        **服务中断后的处理**",
            1,
        )
    });
    assert!(got.ends_with("服务中断后的处理 › 2. 问题诊断"), "{got}");
}

#[test]
fn a_renamed_section_falls_back_to_its_topic() {
    let got = after(diagnose(), |t| t.replacen("问题诊断", "查找原因", 1));
    assert_eq!(got, "8.22 › 3. 如何保证服务器的服务不中断，中断了如何处理");
}

#[test]
fn a_renamed_topic_falls_back_to_its_number() {
    let sse = NodeId::topic(1, 1);
    let got = after(sse, |t| t.replacen("服务器发送事件SSE", "SSE", 1));
    assert_eq!(got, "8.23 › 2. SSE");
}

#[test]
fn a_topic_gone_altogether_falls_back_to_its_day() {
    // 8.30 has one topic; it is removed (renamed and renumbered would do
    // the same).
    let got = after(NodeId::topic(3, 0), |t| {
        t.replacen("    1.接口失效\n", "", 1)
    });
    assert_eq!(got, "8.30");
}

#[test]
fn a_day_gone_falls_back_to_the_nearest_date() {
    // 8.30 removed: 9.1 is two days away, 8.24 six.
    let got = after(NodeId::day(3), |t| t.replacen("8.30：\n", "", 1));
    assert!(got.starts_with("9.1"), "{got}");
}

#[test]
fn a_day_gone_at_the_turn_of_a_yearless_year_falls_back_across_it() {
    //  12.20   12.31 (removed)   1.1   — no year written anywhere: the
    //  parser's rollover puts 1.1 in the next year, one day after 12.31.
    let text = "12.20\n    1.a\n12.31\n    1.b\n1.1\n    1.c\n";
    let old = notes(text.to_string());
    let new = notes(text.replacen("12.31\n    1.b\n", "", 1));
    let found = moved(&old, NodeId::day(1), &new);
    assert_eq!(new.days[found.day_index()].date.to_string(), "1.1");
}

#[test]
fn the_same_date_in_another_file_is_not_taken_for_this_one() {
    let a = "8.22\n    1.from a\n";
    let b = "8.22\n    1.from b\n";
    let mut old = Notebook::default();
    for (path, text) in [("a.txt", a), ("b.txt", b)] {
        let one = from_text(path, text.to_string());
        merge(&mut old, one);
    }
    let place = Place::of(&old, NodeId::topic(1, 0), &Axis::new(&old, 2025)).unwrap();
    // b.txt now comes first (say, renamed); the day is still b's.
    let mut new = Notebook::default();
    merge(&mut new, from_text("b.txt", b.to_string()));
    merge(&mut new, from_text("a.txt", a.to_string()));
    let found = place.find(&new, &Axis::new(&new, 2025)).unwrap();
    assert_eq!(found, NodeId::topic(0, 0));
    assert_eq!(new.days[0].topics[0].title(), "from b");
}

#[test]
fn nothing_is_found_in_empty_notes() {
    let old = notes(seed_text());
    let axis = Axis::new(&old, 2025);
    let place = Place::of(&old, NodeId::day(0), &axis).unwrap();
    let empty = Notebook::default();
    assert_eq!(place.find(&empty, &Axis::new(&empty, 2025)), None);
    assert_eq!(Place::of(&old, NodeId::day(99), &axis), None);
}

/// Appends `one`'s single source and its days to `nb`.
fn merge(nb: &mut Notebook, one: Notebook) {
    let base = nb.sources.len();
    nb.days.extend(one.days.into_iter().map(|mut d| {
        d.source += base;
        d
    }));
    nb.sources.extend(one.sources);
}
