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

/// Writes about `bytes` bytes of notes in the bundled notes' own shape:
/// dates without a year (`8.22:`, `8.23： `, `8.24`) a year after another
/// with no year line, two or three numbered topics a day (2.7 on average),
/// short lines (about 36 bytes), bold sub-headings with lists under them,
/// now and then a fence or a table.
pub fn seed_shaped(bytes: usize, seed: u64) -> String {
    let mut rng = Rng(seed.max(1));
    let mut out = String::with_capacity(bytes + 4096);
    let (mut month, mut day) = (1, 1);
    while out.len() < bytes {
        day += 1 + rng.below(3);
        if day > 28 {
            day = 1 + rng.below(3);
            month = month % 12 + 1;
        }
        match rng.below(3) {
            0 => out.push_str(&format!("{month}.{day}:\n")),
            1 => out.push_str(&format!("{month}.{day}： \n")),
            _ => out.push_str(&format!("{month}.{day}\n")),
        }
        let topics = [1, 2, 3, 3, 4, 3][rng.below(6)];
        for n in 1..=topics {
            out.push_str(&format!("    {n}."));
            let words = 2 + rng.below(3);
            sentence(&mut out, &mut rng, words);
            out.push('\n');
            if rng.below(5) == 0 {
                continue; // a topic of its title alone
            }
            for _ in 0..1 + rng.below(3) {
                out.push_str("        **");
                sentence(&mut out, &mut rng, 2);
                out.push_str("**：\n");
                for _ in 0..2 + rng.below(3) {
                    out.push_str("        - ");
                    let words = 3 + rng.below(4);
                    sentence(&mut out, &mut rng, words);
                    out.push('\n');
                }
                match rng.below(12) {
                    0 => fence(&mut out, &mut rng),
                    1 => table(&mut out, &mut rng),
                    _ => {}
                }
            }
        }
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

    #[test]
    fn seed_shaped_notes_are_year_less_days_of_short_lines() {
        let text = super::seed_shaped(300_000, 3);
        let p = crate::parse::parse(&text);
        assert!(p.days.iter().all(|d| d.date.year.is_none()));
        let topics: usize = p.days.iter().map(|d| d.topics.len()).sum();
        let per_day = topics as f64 / p.days.len() as f64;
        assert!((2.4..3.0).contains(&per_day), "{per_day} topics a day");
        let lines = text.lines().count();
        let mean = text.len() as f64 / lines as f64;
        assert!((34.0..38.0).contains(&mean), "{mean} bytes a line");
        // Without years, a date comes again after a year: the only finding.
        assert!(
            p.warnings
                .iter()
                .all(|w| w.message.starts_with("duplicate date")),
            "{:?}",
            &p.warnings[..3.min(p.warnings.len())]
        );
    }
}
