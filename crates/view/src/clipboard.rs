//! Copying through the terminal: OSC 52 asks the terminal itself to put
//! text on the clipboard, which works over ssh and in tmux (with
//! `set-clipboard on`) where no clipboard program is reachable.
//!
//! What is copied: a topic's text as the file has it ([`topic_text`]), or
//! its `date › topic` path (named as the status bar names it).
//!
//! The text is base64-encoded, so whatever the notes hold (escape sequences
//! included) travels as letters and digits and cannot act on the terminal.

use base64::Engine as _;

use daynotes_core::notes::Notebook;

/// The most text copied at once; terminals cap OSC 52 payloads too.
pub const LIMIT: usize = 100 * 1024;

/// The OSC 52 sequence that copies `text`, or the text's size when it is
/// over [`LIMIT`].
pub fn osc52(text: &str) -> Result<String, usize> {
    if text.len() > LIMIT {
        return Err(text.len());
    }
    let payload = base64::engine::general_purpose::STANDARD.encode(text);
    Ok(format!("\x1b]52;c;{payload}\x07"))
}

/// A size for a status message: `812 B`, `12.3 KB`.
pub fn size(bytes: usize) -> String {
    if bytes < 1024 {
        format!("{bytes} B")
    } else {
        format!("{:.1} KB", bytes as f64 / 1024.0)
    }
}

/// The text of topic `topic` of day `day` as the file has it: its heading
/// line and body lines, up to the last line that is not blank. `None` when
/// there is no such topic.
pub fn topic_text(nb: &Notebook, day: usize, topic: usize) -> Option<&str> {
    let d = nb.days.get(day)?;
    let t = d.topics.get(topic)?;
    let text = &nb.sources.get(d.source)?.text;
    let all = text.get(t.heading.start()..t.body().end().max(t.heading.end()))?;
    // Blank lines before the next topic belong to the body but not to what
    // anyone means by the topic; the last kept line keeps its line break.
    let kept = all.trim_end_matches([' ', '\t', '\r', '\n']).len();
    let end = all[kept..].find('\n').map_or(all.len(), |i| kept + i + 1);
    Some(&all[..end])
}

#[cfg(test)]
mod tests {
    use super::*;
    use daynotes_core::load::from_text;

    fn seed() -> Notebook {
        from_text("study-notes.txt", crate::SAMPLE.to_string())
    }

    #[test]
    fn a_topic_is_copied_as_written_from_heading_to_its_last_line() {
        let nb = seed();
        // 8.22 › 2. 在开发阶段，建议加上时间消耗记录: a heading with no body.
        assert_eq!(
            topic_text(&nb, 0, 1),
            Some("    2.在开发阶段，建议加上时间消耗记录\n")
        );
        // 8.23 › 2. 服务器发送事件SSE: heading, indented body, nothing of 3.
        let sse = topic_text(&nb, 1, 1).unwrap();
        assert!(sse.starts_with("    2.服务器发送事件SSE\n"), "{sse}");
        assert!(sse.contains("        **特点**"), "{sse}");
        assert!(sse.ends_with('\n') && !sse.ends_with("\n\n"), "{sse:?}");
        assert!(!sse.contains("容器化部署能够"), "{sse}");
        assert_eq!(topic_text(&nb, 1, 9), None);
        assert_eq!(topic_text(&nb, 99, 0), None);
    }

    #[test]
    fn the_payload_is_base64_between_osc_52_and_bel() {
        let seq = osc52("1.tcp握手\n\x1b[2J").unwrap();
        let payload = seq
            .strip_prefix("\x1b]52;c;")
            .and_then(|s| s.strip_suffix('\x07'))
            .unwrap();
        let back = base64::engine::general_purpose::STANDARD
            .decode(payload)
            .unwrap();
        assert_eq!(back, "1.tcp握手\n\x1b[2J".as_bytes());
        // The escape in the text is not in the sequence: only the frame's.
        assert_eq!(seq.matches('\x1b').count(), 1);
        let controls: Vec<(usize, u8)> =
            seq.bytes().enumerate().filter(|&(_, b)| b < 0x20).collect();
        assert_eq!(controls, [(0, 0x1b), (seq.len() - 1, 0x07)]);
        assert!(
            payload
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
        );
    }

    #[test]
    fn over_the_limit_is_refused_with_its_size() {
        let big = "字".repeat(LIMIT / 3 + 1);
        assert_eq!(osc52(&big), Err(big.len()));
        assert!(osc52(&"a".repeat(LIMIT)).is_ok());
        assert_eq!(size(812), "812 B");
        assert_eq!(size(240 * 1024 + 100), "240.1 KB");
    }
}
