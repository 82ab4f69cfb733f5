//! Bytes to text: byte-order marks, declared charsets, UTF-8 validation and detection of the
//! legacy encodings German sites still serve (Windows-1252, ISO-8859-1, ISO-8859-15).
//!
//! Rules, in order:
//! 1. A byte-order mark (UTF-8, UTF-16LE/BE) wins and is stripped.
//! 2. Bytes that look binary (NUL bytes, many control bytes) are rejected.
//! 3. Valid UTF-8 that contains non-ASCII characters is UTF-8 whatever was declared: legacy
//!    text is practically never valid multi-byte UTF-8, while mislabelled UTF-8 is common.
//! 4. A declared, known label (WHATWG names, so `latin1` means Windows-1252) is used if it
//!    decodes without errors.
//! 5. Otherwise the bytes are detected: UTF-8 if valid, else ISO-8859-15 when the euro sign
//!    position `0xA4` is used and no Windows-1252 punctuation (`0x80–0x9F`) occurs, else
//!    Windows-1252 (a superset of ISO-8859-1's printable characters).
//!
//! Text whose decoded form is mostly control characters is rejected as undecodable.

use encoding_rs::{Encoding, ISO_8859_15, UTF_8, WINDOWS_1252};

/// Why bytes could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// No bytes at all (or only a byte-order mark / whitespace).
    #[error("empty input")]
    Empty,
    /// NUL bytes or a high share of control bytes: not text.
    #[error("binary content (not text)")]
    Binary,
    /// Decoding produced mostly control or replacement characters.
    #[error("undecodable text (tried {0})")]
    Undecodable(&'static str),
}

/// How many leading bytes are inspected for binary content.
const SNIFF_LEN: usize = 8192;

/// Decode `bytes` to a `String`; `declared` is a charset label from a header, meta tag or XML
/// declaration, if any. See the module documentation for the rules.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> Result<String, DecodeError> {
    decode_with_encoding(bytes, declared).map(|(text, _)| text)
}

/// Like [`decode`], also naming the encoding that was used (`UTF-8`, `windows-1252`, …).
pub fn decode_with_encoding(
    bytes: &[u8],
    declared: Option<&str>,
) -> Result<(String, &'static str), DecodeError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return finish(text.into_owned(), had_errors, enc.name());
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(DecodeError::Empty);
    }
    if looks_binary(bytes) {
        return Err(DecodeError::Binary);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        // Pure ASCII is the same in every candidate; non-ASCII valid UTF-8 is UTF-8.
        return finish(s.to_owned(), false, UTF_8.name());
    }
    if let Some(enc) = declared.and_then(|l| Encoding::for_label(l.trim().as_bytes())) {
        // UTF-16 labels on bytes without a BOM are nearly always wrong for HTML; skip them.
        if enc != UTF_8 && enc.is_ascii_compatible() {
            let (text, had_errors) = enc.decode_without_bom_handling(bytes);
            if !had_errors {
                return finish(text.into_owned(), false, enc.name());
            }
        }
    }
    let enc = detect_legacy(bytes);
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    finish(text.into_owned(), had_errors, enc.name())
}

/// Pick among the single-byte legacy encodings for bytes that are not UTF-8.
fn detect_legacy(bytes: &[u8]) -> &'static Encoding {
    let has_c1 = bytes.iter().any(|&b| (0x80..=0x9F).contains(&b));
    let has_a4 = bytes.contains(&0xA4);
    if has_a4 && !has_c1 {
        ISO_8859_15
    } else {
        WINDOWS_1252
    }
}

/// NUL bytes or more than 10 % control bytes (other than tab, newline, carriage return, form
/// feed, escape) in the first [`SNIFF_LEN`] bytes.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B))
        .count();
    control * 10 > head.len()
}

/// Reject decoded text that is mostly replacement or control characters.
fn finish(
    text: String,
    had_errors: bool,
    name: &'static str,
) -> Result<(String, &'static str), DecodeError> {
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    let mut total = 0usize;
    let mut bad = 0usize;
    for c in text.chars().take(SNIFF_LEN) {
        total += 1;
        if c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C')) {
            bad += 1;
        }
    }
    if bad * 10 > total || (had_errors && bad * 50 > total) {
        return Err(DecodeError::Undecodable(name));
    }
    if text.contains('\0') {
        return Err(DecodeError::Binary);
    }
    Ok((text, name))
}

/// Find the charset an HTML document declares in its first 1024 bytes (`<meta charset=…>` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">`), or an XML declaration's
/// `encoding="…"`. Returns the label as written.
pub fn sniff_declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    if lower.starts_with(b"<?xml") {
        let end = find(&lower, b"?>").unwrap_or(lower.len());
        if let Some(p) = find(&lower[..end], b"encoding") {
            return label_after(&head[p + 8..end]);
        }
    }
    let mut from = 0;
    while let Some(p) = find(&lower[from..], b"<meta") {
        let start = from + p;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        if let Some(c) = find(&lower[start..end], b"charset") {
            if let Some(label) = label_after(&head[start + c + 7..end]) {
                return Some(label);
            }
        }
        from = end;
    }
    None
}

/// The value after `=` (quoted or not) at the start of `rest`.
fn label_after(rest: &[u8]) -> Option<String> {
    let rest = rest.strip_prefix(b"\0").unwrap_or(rest);
    let s = std::str::from_utf8(rest).ok()?;
    let s = s.trim_start().strip_prefix('=')?.trim_start();
    let s = s.trim_start_matches(['"', '\'']);
    let label: String = s
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    (!label.is_empty()).then_some(label)
}

/// Byte-substring search.
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Decode an HTML or XML document: the declared charset is `http` (from a transport header,
/// if any) or else the one the document declares itself.
pub fn decode_markup(bytes: &[u8], http: Option<&str>) -> Result<String, DecodeError> {
    let declared = http
        .map(str::to_owned)
        .or_else(|| sniff_declared_charset(bytes));
    decode(bytes, declared.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "Die Bürgermeisterin sagte: „Wir müssen größer denken“ – für 5 € am Tag.";

    fn legacy(enc: &'static Encoding, s: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = enc.encode(s);
        assert!(!unmappable);
        bytes.into_owned()
    }

    #[test]
    fn utf8_plain_and_with_bom() {
        assert_eq!(decode(SAMPLE.as_bytes(), None).unwrap(), SAMPLE);
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(SAMPLE.as_bytes());
        assert_eq!(decode(&bom, None).unwrap(), SAMPLE);
    }

    #[test]
    fn utf8_wins_over_wrong_label() {
        assert_eq!(
            decode(SAMPLE.as_bytes(), Some("iso-8859-1")).unwrap(),
            SAMPLE
        );
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in SAMPLE.encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&bytes, None).unwrap(), SAMPLE);
        let mut be = vec![0xFE, 0xFF];
        for u in SAMPLE.encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&be, None).unwrap(), SAMPLE);
    }

    #[test]
    fn windows_1252_undeclared_and_declared() {
        let bytes = legacy(WINDOWS_1252, SAMPLE);
        assert_eq!(decode(&bytes, None).unwrap(), SAMPLE);
        assert_eq!(decode(&bytes, Some("windows-1252")).unwrap(), SAMPLE);
        // A wrong UTF-8 label on legacy bytes: detection takes over.
        assert_eq!(decode(&bytes, Some("utf-8")).unwrap(), SAMPLE);
        assert_eq!(
            decode_with_encoding(&bytes, None).unwrap().1,
            "windows-1252"
        );
    }

    #[test]
    fn latin1_undeclared() {
        let s = "Straße, Übergröße, Bären à la carte";
        let bytes: Vec<u8> = s.chars().map(|c| c as u32 as u8).collect();
        assert_eq!(decode(&bytes, None).unwrap(), s);
        assert_eq!(decode(&bytes, Some("ISO-8859-1")).unwrap(), s);
    }

    #[test]
    fn iso_8859_15_euro() {
        let s = "Preis: 30 € für Größe XL";
        let bytes = legacy(ISO_8859_15, s);
        assert_eq!(bytes.iter().filter(|&&b| b == 0xA4).count(), 1);
        assert_eq!(decode(&bytes, None).unwrap(), s);
        assert_eq!(decode(&bytes, Some("iso-8859-15")).unwrap(), s);
        assert_eq!(decode_with_encoding(&bytes, None).unwrap().1, "ISO-8859-15");
    }

    #[test]
    fn unknown_label_falls_back_to_detection() {
        let bytes = legacy(WINDOWS_1252, SAMPLE);
        assert_eq!(decode(&bytes, Some("x-klingon")).unwrap(), SAMPLE);
    }

    #[test]
    fn empty_and_binary_rejected() {
        assert_eq!(decode(b"", None), Err(DecodeError::Empty));
        assert_eq!(decode(b"  \n\t ", None), Err(DecodeError::Empty));
        assert_eq!(decode(&[0xEF, 0xBB, 0xBF], None), Err(DecodeError::Empty));
        let png = [
            0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D,
        ];
        assert_eq!(decode(&png, None), Err(DecodeError::Binary));
        let noise: Vec<u8> = (0..4000u32).map(|i| (i * 7 % 32) as u8).collect();
        assert!(decode(&noise, None).is_err());
    }

    #[test]
    fn sniff_meta_and_xml() {
        let html = b"<html><head><meta charset=\"ISO-8859-15\"><title>x</title>";
        assert_eq!(sniff_declared_charset(html).as_deref(), Some("ISO-8859-15"));
        let old =
            b"<head><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1252\">";
        assert_eq!(sniff_declared_charset(old).as_deref(), Some("windows-1252"));
        let xml = b"<?xml version=\"1.0\" encoding='iso-8859-1'?><rss>";
        assert_eq!(sniff_declared_charset(xml).as_deref(), Some("iso-8859-1"));
        assert_eq!(sniff_declared_charset(b"<html><body>"), None);
    }

    #[test]
    fn decode_markup_uses_meta() {
        let body = "Größe: 30 € für Bären";
        let page = format!("<meta charset=\"iso-8859-15\"><p>{body}</p>");
        let bytes = legacy(ISO_8859_15, &page);
        assert!(decode_markup(&bytes, None).unwrap().contains(body));
    }
}
