//! The seed notes parse into exactly the outline the user sees in the file.

use daynotes_core::notes::{Notebook, Topic};

/// One line per day, one per topic (with its sections), like the outline in
/// the format description:
/// `  1 tcp握手 (2): 第一次握手（SYN） (5), …` and nested groups on their own
/// lines as `      group (31) > child (33), …`.
fn outline(nb: &Notebook) -> String {
    let mut out = String::new();
    for day in &nb.days {
        out += &format!("{} (line {})\n", day.date, day.line());
        for t in &day.topics {
            let number = t.number.map(|n| n.to_string()).unwrap_or_default();
            out += &format!("  {number} {} ({})", t.title(), t.line());
            let nested = t.sections().iter().any(|s| s.depth() > 0);
            if nested {
                out += "\n";
                for (k, s) in t.children(None) {
                    let title = t.section_title(s);
                    out += &format!("      {title} ({}) > {}\n", s.line(), flat(t, Some(k)));
                }
            } else if t.sections().is_empty() {
                out += "\n";
            } else {
                out += &format!(": {}\n", flat(t, None));
            }
        }
    }
    out
}

/// The sections directly under `parent`, in a row.
fn flat(t: &Topic, parent: Option<usize>) -> String {
    t.children(parent)
        .map(|(_, s)| format!("{} ({})", t.section_title(s), s.line()))
        .collect::<Vec<_>>()
        .join(", ")
}

#[test]
fn seed_outline_is_exact() {
    let nb = daynotes_core::load::from_text("seed", crate::common::SAMPLE.to_string());
    let expected = "\
8.22 (line 1)
  1 tcp握手 (2): 第一次握手（SYN） (5), 第二次握手（SYN+ACK） (9), 第三次握手（ACK） (14), 为什么需要三次握手？ (19), 四次挥手断开连接 (24)
  2 在开发阶段，建议加上时间消耗记录 (28)
  3 如何保证服务器的服务不中断，中断了如何处理 (30)
      预防服务中断的策略 (31) > 1. 高可用架构 (33), 2. 容错机制 (39), 3. 监控告警 (45), 4. 容器化部署 (51)
      服务中断后的处理 (67) > 1. 立即响应 (69), 2. 问题诊断 (74), 3. 服务恢复 (79), 4. 事后总结 (85)
8.23 (line 90)
  1 http长轮询 (91): 工作原理 (93), 优点 (99), 缺点 (104), 适用场景 (109)
  2 服务器发送事件SSE (115): 特点 (118), 与其他技术对比 (124), 适用场景 (132)
  3 容器化部署能够实现服务不中断主要是通过以下几个核心机制 (139)
8.24 (line 145)
  1 储存桶和数据库存数据有什么区别 (146): 选择存储桶服务当 (147), 选择数据库服务当 (156), 大多数现代应用都是混合使用 (166)
8.30 (line 171)
  1 接口失效 (172)
9.1 (line 175)
  1 cookie是什么 (176)
  2 HTTP headers理论上不区分大小写，但签名算法对此很敏感。 (178)
9.11 (line 180)
  1 网路层级 (181)
";
    assert_eq!(outline(&nb), expected);
    assert!(
        nb.days.iter().all(|d| d.date.year.is_none()),
        "no year is invented"
    );
}

#[test]
fn seed_nodes_cover_every_byte() {
    let nb = daynotes_core::load::from_text("seed", crate::common::SAMPLE.to_string());
    let text = nb.sources[0].text.as_str();
    let spans = nb.node_spans(0);
    let joined: String = spans.iter().map(|n| n.span.slice(text)).collect();
    assert_eq!(joined, text);
}
