//! A generator of notes in the seed's shape, for benchmarks and stress
//! tests: day headings of several forms, year lines and year changes,
//! numbered topics (some empty), bold sub-headings with numbered children,
//! lists, fenced code, pipe tables, Chinese and English text; and of the
//! same in markdown, with heading days ([`markdown`]). Deterministic for a
//! given seed.

mod markdown;
pub use markdown::{daily_notes, markdown_notes};

/// A small xorshift generator: no dependency, same output everywhere.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub(crate) fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

pub(crate) const WORDS_ZH: &[&str] = &[
    "服务器",
    "客户端",
    "连接",
    "请求",
    "响应",
    "数据库",
    "缓存",
    "负载均衡",
    "容器",
    "部署",
    "握手",
    "协议",
    "超时",
    "重试",
    "监控",
    "日志",
    "索引",
    "事务",
    "一致性",
    "网络",
];
pub(crate) const WORDS_EN: &[&str] = &[
    "TCP",
    "HTTP",
    "latency",
    "cache",
    "socket",
    "request",
    "retry",
    "timeout",
    "kernel",
    "buffer",
    "Kubernetes",
    "health check",
    "load balancer",
    "SSE",
    "WebSocket",
    "header",
];
const PUNCT: &[&str] = &["，", "、", "。", "：", "（注）", ", ", " - "];

/// Writes about `bytes` bytes of notes (never much more) from `seed`.
pub fn notes(bytes: usize, seed: u64) -> String {
    let mut rng = Rng(seed.max(1));
    let mut out = String::with_capacity(bytes + 4096);
    let mut year = 2023;
    let mut month = 1;
    let mut day = 1;
    out.push_str(&format!("{year}\n"));
    while out.len() < bytes {
        day += 1 + rng.below(3);
        if day > 28 {
            day = 1 + rng.below(3);
            month += 1;
            if month > 12 {
                month = 1;
                year += 1;
                if rng.below(2) == 0 {
                    out.push_str(&format!("\n{year}年\n"));
                }
            }
        }
        match rng.below(5) {
            0 => out.push_str(&format!("{month}.{day}:\n")),
            1 => out.push_str(&format!("{month}.{day}： \n")),
            2 => out.push_str(&format!("{month}.{day}\n")),
            3 => out.push_str(&format!("{month}月{day}日：\n")),
            _ => out.push_str(&format!("{year}-{month:02}-{day:02}\n")),
        }
        for n in 1..=1 + rng.below(4) {
            topic(&mut out, &mut rng, n);
        }
        out.push('\n');
    }
    out
}

pub(crate) fn sentence(out: &mut String, rng: &mut Rng, words: usize) {
    for i in 0..words {
        if i > 0 && rng.below(4) == 0 {
            out.push_str(rng.pick(PUNCT));
        }
        if rng.below(3) == 0 {
            out.push_str(rng.pick(WORDS_EN));
        } else {
            out.push_str(rng.pick(WORDS_ZH));
        }
    }
}

fn topic(out: &mut String, rng: &mut Rng, n: usize) {
    out.push_str(&format!("    {n}."));
    let words = 2 + rng.below(4);
    sentence(out, rng, words);
    out.push('\n');
    if rng.below(6) == 0 {
        out.push('\n');
        return; // an empty topic
    }
    let groups = 1 + rng.below(3);
    for g in 0..groups {
        out.push_str("        **");
        sentence(out, rng, 2);
        out.push_str("**：\n");
        if g == 0 && rng.below(3) == 0 {
            for k in 1..=3 {
                out.push_str(&format!("        **{k}. "));
                sentence(out, rng, 2);
                out.push_str("**：\n");
                list(out, rng);
            }
        } else {
            list(out, rng);
        }
        match rng.below(8) {
            0 => fence(out, rng),
            1 => table(out, rng),
            _ => {}
        }
        out.push_str("        \n");
    }
}

fn list(out: &mut String, rng: &mut Rng) {
    for _ in 0..2 + rng.below(4) {
        out.push_str("        - ");
        let words = 3 + rng.below(8);
        sentence(out, rng, words);
        out.push('\n');
    }
}

fn fence(out: &mut String, rng: &mut Rng) {
    out.push_str("        ```yaml\n        services:\n          app:\n");
    for _ in 0..1 + rng.below(4) {
        out.push_str(&format!("            retries: {}\n", rng.below(10)));
    }
    out.push_str("        ```\n");
}

fn table(out: &mut String, rng: &mut Rng) {
    out.push_str("        | 技术 | 方向 | 协议 |\n        |------|------|------|\n");
    for _ in 0..2 + rng.below(3) {
        out.push_str(&format!(
            "        | {} | {} | {} |\n",
            rng.pick(WORDS_EN),
            rng.pick(WORDS_ZH),
            rng.pick(WORDS_EN)
        ));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn generated_notes_parse_into_days_and_topics() {
        let text = super::notes(200_000, 7);
        assert!(text.len() >= 200_000 && text.len() < 210_000);
        let p = crate::parse::parse(&text);
        assert!(p.days.len() > 100);
        assert!(p.days.iter().all(|d| d.date.year.is_some()));
        assert!(
            p.warnings.is_empty(),
            "{:?}",
            &p.warnings[..3.min(p.warnings.len())]
        );
        assert_eq!(super::notes(1000, 7), super::notes(1000, 7));
    }
}
