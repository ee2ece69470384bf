//! Reading the program's raw output: the escape sequences it wrote, and
//! whether it left the terminal as it found it.

use crate::harness::Term;

/// One escape sequence found in the output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seq {
    /// `ESC [ params final`, e.g. `?1049h` or `1;1H`.
    Csi(String),
    /// `ESC` followed by anything but `[`: the byte after the ESC.
    Other(u8),
}

/// Every escape sequence in `raw`, in order.
pub fn sequences(raw: &[u8]) -> Vec<Seq> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(at) = raw[i..].iter().position(|&b| b == 0x1b) {
        let start = i + at + 1;
        match raw.get(start) {
            Some(b'[') => {
                // Parameter and intermediate bytes are 0x20..=0x3f; the final
                // byte is 0x40..=0x7e.
                let body = &raw[start + 1..];
                let len = body
                    .iter()
                    .position(|b| (0x40..=0x7e).contains(b))
                    .map_or(body.len(), |p| p + 1);
                out.push(Seq::Csi(String::from_utf8_lossy(&body[..len]).into_owned()));
                i = start + 1 + len;
            }
            Some(&b) => {
                out.push(Seq::Other(b));
                i = start + 1;
            }
            None => {
                out.push(Seq::Other(0));
                i = start;
            }
        }
    }
    out
}

/// True when `needle` occurs in `haystack`.
pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn last_index(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

const ENTER_ALT: &[u8] = b"\x1b[?1049h";
const LEAVE_ALT: &[u8] = b"\x1b[?1049l";
const SHOW_CURSOR: &[u8] = b"\x1b[?25h";
const MOUSE_OFF: &[u8] = b"\x1b[?1000l";
const SYNC_BEGIN: &[u8] = b"\x1b[?2026h";
const SYNC_END: &[u8] = b"\x1b[?2026l";

/// Checks that the program, now exited, left the terminal usable: main
/// screen, cursor shown, mouse reporting off, no frame left open, and that
/// its output ends with the sequences that do so.
#[track_caller]
pub fn assert_restored(term: &Term) {
    term.with_screen(|s| {
        assert!(!s.alternate_screen(), "still on the alternate screen");
        assert!(!s.hide_cursor(), "cursor left hidden");
        assert_eq!(
            s.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse reporting left on"
        );
    });
    let raw = term.raw();
    let entered = last_index(&raw, ENTER_ALT).expect("the program entered the alternate screen");
    let left = last_index(&raw, LEAVE_ALT).expect("the program left the alternate screen");
    assert!(left > entered, "the last alternate screen was not left");
    // A synchronized update left open would freeze a terminal's display.
    let begun = last_index(&raw, SYNC_BEGIN).expect("frames are synchronized updates");
    let ended = last_index(&raw, SYNC_END).expect("frames are synchronized updates");
    assert!(ended > begun, "the last frame's update was not ended");
    let teardown = &raw[entered..];
    assert!(
        contains(teardown, MOUSE_OFF),
        "mouse capture was not disabled"
    );
    // After leaving the alternate screen nothing but "show cursor" follows.
    let mut tail = &raw[left + LEAVE_ALT.len()..];
    while let Some(rest) = tail.strip_prefix(SHOW_CURSOR) {
        tail = rest;
    }
    assert!(
        tail.is_empty(),
        "output after the restore: {:?}",
        String::from_utf8_lossy(tail)
    );
}

#[test]
fn sequences_are_split_at_their_final_byte() {
    let raw = b"a\x1b[?1049hb\x1b[1;2Hc\x1b]52;c;x\x07\x1bPq\x1b\\";
    assert_eq!(
        sequences(raw),
        vec![
            Seq::Csi("?1049h".into()),
            Seq::Csi("1;2H".into()),
            Seq::Other(b']'),
            Seq::Other(b'P'),
            Seq::Other(b'\\'),
        ]
    );
}
