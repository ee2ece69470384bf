//! Bytes → text. UTF-8 (with or without a BOM), UTF-16 with a BOM and
//! GB18030/GBK are decoded; invalid UTF-8 bytes become U+FFFD with a warning
//! naming their lines; binary files are refused: a NUL byte anywhere (in
//! UTF-16, a NUL character), or mostly bytes that are not text.

use std::fmt;

use encoding_rs::{Encoding, GB18030, UTF_8};

use crate::notes::{Shared, SourceText, Warning};

/// Decoded text and what was noticed on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a BOM.
    pub text: SourceText,
    /// The encoding's name (`UTF-8`, `UTF-16LE`, `gb18030` …).
    pub encoding: &'static str,
    /// Findings (line 0 for the whole file), with `source: 0`.
    pub warnings: Vec<Warning>,
}

/// Why bytes were refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// A NUL byte (in UTF-16, a NUL character).
    NulByte,
    /// Mostly bytes that are not text.
    NotText,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::NulByte => write!(f, "binary file (it holds a NUL byte)"),
            DecodeError::NotText => write!(f, "binary file (mostly bytes that are not text)"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// How many leading bytes the binary checks look at.
const SNIFF: usize = 8 * 1024;

/// True when `bytes` start with a UTF-16 byte order mark, where NUL bytes
/// are half of ordinary characters.
fn utf16(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF])
}

/// Checks a file's first bytes before the rest is read: one holding a NUL
/// byte (outside UTF-16) is refused at once.
pub fn sniff(head: &[u8]) -> Result<(), DecodeError> {
    if !utf16(head) && memchr::memchr(0, head).is_some() {
        return Err(DecodeError::NulByte);
    }
    Ok(())
}

/// Decodes a notes file's bytes held elsewhere (a mapped file): plain
/// UTF-8 (with or without a BOM) is checked once, on every thread the
/// machine has, and read in place; anything else is copied and decoded as
/// [`decode`] does, with the same results and messages.
pub fn decode_shared(bytes: Shared) -> Result<Decoded, DecodeError> {
    decode_shared_seeing(bytes, &|_, _| {})
}

/// [`decode_shared`], the text of plain UTF-8 shown to `see` a quarter
/// megabyte at a time as it is checked ([`SourceText::shared_seeing`]);
/// a text decoded otherwise is not shown.
pub fn decode_shared_seeing(
    bytes: Shared,
    see: &(dyn Fn(usize, &str) + Sync),
) -> Result<Decoded, DecodeError> {
    let all = (*bytes).as_ref();
    let bom = match Encoding::for_bom(all) {
        None => Some(0),
        Some((enc, len)) if enc == UTF_8 => Some(len),
        Some(_) => None,
    };
    if let Some(start) = bom
        && let Some(text) = SourceText::shared_seeing(bytes.clone(), start, see)
    {
        return Ok(Decoded {
            text,
            encoding: "UTF-8",
            warnings: Vec::new(),
        });
    }
    decode(all.to_vec())
}

/// Decodes a notes file's bytes.
pub fn decode(bytes: Vec<u8>) -> Result<Decoded, DecodeError> {
    if !utf16(&bytes) && memchr::memchr(0, &bytes).is_some() {
        return Err(DecodeError::NulByte);
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(&bytes) {
        if enc == UTF_8 {
            let mut bytes = bytes;
            bytes.drain(..bom_len);
            return Ok(utf8(bytes, "UTF-8"));
        }
        let (text, _, had_errors) = enc.decode(&bytes);
        if memchr::memchr(0, text.as_bytes()).is_some() {
            return Err(DecodeError::NulByte);
        }
        let mut warnings = vec![file_warning(format!("decoded from {}", enc.name()))];
        if had_errors {
            warnings.push(file_warning(format!(
                "some bytes are not valid {}: shown as U+FFFD",
                enc.name()
            )));
        }
        return Ok(Decoded {
            text: text.into_owned().into(),
            encoding: enc.name(),
            warnings,
        });
    }
    let bytes = match valid_utf8(bytes) {
        Ok(text) => {
            return Ok(Decoded {
                text: text.into(),
                encoding: "UTF-8",
                warnings: Vec::new(),
            });
        }
        Err(bytes) => bytes,
    };
    if mostly_binary(head(&bytes)) {
        return Err(DecodeError::NotText);
    }
    let (text, had_errors) = GB18030.decode_without_bom_handling(&bytes);
    if !had_errors && looks_chinese(&text) {
        return Ok(Decoded {
            text: text.into_owned().into(),
            encoding: GB18030.name(),
            warnings: vec![file_warning("decoded from GB18030 (GBK)".into())],
        });
    }
    Ok(utf8(bytes, "UTF-8"))
}

/// The leading bytes the binary checks look at.
fn head(bytes: &[u8]) -> &[u8] {
    &bytes[..bytes.len().min(SNIFF)]
}

/// `bytes` as a String, without a copy, when they are all valid UTF-8;
/// else `bytes` back. simdutf8 checks several times faster than the
/// standard library, and a notes file may be 100 MB.
#[allow(
    unsafe_code,
    reason = "one validation of a large file (simdutf8), not two"
)]
fn valid_utf8(bytes: Vec<u8>) -> Result<String, Vec<u8>> {
    if simdutf8::basic::from_utf8(&bytes).is_err() {
        return Err(bytes);
    }
    // SAFETY: simdutf8 has just validated every byte as UTF-8.
    Ok(unsafe { String::from_utf8_unchecked(bytes) })
}

/// UTF-8 bytes to a String, without a copy when they are valid.
fn utf8(bytes: Vec<u8>, name: &'static str) -> Decoded {
    match String::from_utf8(bytes) {
        Ok(text) => Decoded {
            text: text.into(),
            encoding: name,
            warnings: Vec::new(),
        },
        Err(e) => {
            let bytes = e.into_bytes();
            let lines = invalid_lines(&bytes);
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let mut listed: Vec<String> = lines.iter().take(20).map(usize::to_string).collect();
            if lines.len() > 20 {
                listed.push(format!("and {} more", lines.len() - 20));
            }
            let warnings = vec![Warning {
                source: 0,
                line: lines.first().copied().unwrap_or(0),
                message: format!(
                    "invalid UTF-8 bytes shown as U+FFFD on line{} {}",
                    if lines.len() == 1 { "" } else { "s" },
                    listed.join(", ")
                ),
            }];
            Decoded {
                text: text.into(),
                encoding: name,
                warnings,
            }
        }
    }
}

/// Line numbers (1-based) holding invalid UTF-8.
fn invalid_lines(bytes: &[u8]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut rest = bytes;
    let mut offset = 0;
    while let Err(e) = std::str::from_utf8(rest) {
        let bad = offset + e.valid_up_to();
        let line = 1 + bytecount_lines(&bytes[..bad]);
        if out.last() != Some(&line) {
            out.push(line);
        }
        let skip = e.valid_up_to() + e.error_len().unwrap_or(rest.len() - e.valid_up_to()).max(1);
        offset += skip;
        rest = &rest[skip.min(rest.len())..];
    }
    out
}

/// Line terminators in `bytes` (`\r\n` counted once).
fn bytecount_lines(bytes: &[u8]) -> usize {
    let lf = memchr::memchr_iter(b'\n', bytes).count();
    let cr_alone = memchr::memchr_iter(b'\r', bytes)
        .filter(|&i| bytes.get(i + 1) != Some(&b'\n'))
        .count();
    lf + cr_alone
}

/// More than 30 % of the bytes are C0 controls other than whitespace.
fn mostly_binary(head: &[u8]) -> bool {
    let odd = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    odd * 10 > head.len() * 3
}

/// GB18030 accepts almost any byte string; accept it only when it gives
/// mostly CJK text rather than mojibake.
fn looks_chinese(text: &str) -> bool {
    let mut cjk = 0usize;
    let mut other = 0usize;
    for c in text.chars().filter(|c| !c.is_ascii()) {
        if ('\u{4E00}'..='\u{9FFF}').contains(&c)
            || ('\u{3000}'..='\u{303F}').contains(&c)
            || ('\u{FF00}'..='\u{FFEF}').contains(&c)
        {
            cjk += 1;
        } else {
            other += 1;
        }
    }
    cjk > 0 && cjk >= other * 4
}

fn file_warning(message: String) -> Warning {
    Warning {
        source: 0,
        line: 0,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom() {
        let d = decode(b"\xEF\xBB\xBF8.22\n".to_vec()).unwrap();
        assert_eq!(d.text, "8.22\n");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn utf16_both_orders() {
        let text = "8.22：\n    1.握手\n";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in text.encode_utf16() {
            le.extend(u.to_le_bytes());
            be.extend(u.to_be_bytes());
        }
        for bytes in [le, be] {
            let d = decode(bytes).unwrap();
            assert_eq!(d.text, text);
            assert!(d.warnings[0].message.contains("UTF-16"));
        }
    }

    #[test]
    fn gb18030_chinese() {
        let (bytes, _, _) =
            GB18030.encode("8.22：\n    1.tcp握手\n        三次握手是建立可靠连接的机制\n");
        let d = decode(bytes.into_owned()).unwrap();
        assert!(d.text.contains("三次握手"));
        assert_eq!(d.encoding, "gb18030");
        assert!(d.warnings[0].message.contains("GB18030"));
    }

    #[test]
    fn invalid_bytes_become_replacement_with_lines() {
        let d = decode(b"8.22\nok\nbad \xFF here\nfine\n\xC3".to_vec()).unwrap();
        assert!(d.text.contains("bad \u{FFFD} here"));
        assert!(
            d.warnings[0].message.ends_with("lines 3, 5"),
            "{:?}",
            d.warnings
        );
        assert_eq!(d.warnings[0].line, 3);
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(
            decode(b"PK\x03\x04\0\0".to_vec()),
            Err(DecodeError::NulByte)
        );
        let noise: Vec<u8> = (0..4000u32)
            .map(|i| [1u8, 2, 3, 0x80, 0xFF][(i % 5) as usize])
            .collect();
        assert_eq!(decode(noise), Err(DecodeError::NotText));
    }
}
