//! HTML pages: main text and metadata.
//!
//! The main text comes from the `trafilatura` crate (a port of trafilatura, with its readability
//! and jusText fallbacks enabled), rendered by [`text`] as paragraphs separated by blank lines
//! and filtered once more against boilerplate lines (`resources/html-boilerplate.txt`).
//! Metadata (title, date and time, authors, outlet, canonical URL, language) is read by
//! [`meta`] from meta tags, JSON-LD, `<time>`, bylines and the URL. See `docs/extraction.md`
//! for the candidates measured and why this one was chosen.

mod meta;
mod text;

/// Main text and metadata of one page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extracted {
    /// Headline.
    pub title: String,
    /// Main text, paragraphs separated by blank lines.
    pub text: String,
    /// Publication date `YYYY-MM-DD`, where found.
    pub published: Option<String>,
    /// Publication time `HH:MM`, where found.
    pub published_time: Option<String>,
    /// Authors.
    pub authors: Vec<String>,
    /// Outlet (site name), where found.
    pub outlet: Option<String>,
    /// Canonical URL, where found.
    pub url: Option<String>,
    /// Declared language (`de`, `en`), where found.
    pub language: Option<String>,
}

/// Extract main text and metadata from a decoded HTML page; `url` helps find the outlet.
pub fn extract(html: &str, url: Option<&str>) -> Extracted {
    let doc = scraper::Html::parse_document(html);
    let mut out = meta::metadata(&doc, url);
    out.text = text::main_text(html, &doc, out.url.as_deref().or(url));
    out
}

/// The charset a page declares in its first bytes: a byte-order mark, `<meta charset=…>` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">`. Lower-case label, as written.
pub fn sniff_charset(bytes: &[u8]) -> Option<String> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Some("utf-8".into());
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return Some("utf-16le".into());
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return Some("utf-16be".into());
    }
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let start = from + pos;
        let end = find(&lower[start..], b">").map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let mut rest = &tag[c + b"charset".len()..];
            rest = trim_start(rest);
            if let Some(r) = rest.strip_prefix(b"=") {
                let r = trim_start(r);
                let r = r
                    .strip_prefix(b"\"")
                    .or_else(|| r.strip_prefix(b"'"))
                    .unwrap_or(r);
                let label: String = r
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':'))
                    .map(|&b| b as char)
                    .collect();
                if !label.is_empty() {
                    return Some(label);
                }
            }
        }
        from = end;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn trim_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

/// Decode the raw bytes of an HTML page: the declared charset (see [`sniff_charset`]) when it
/// is known and fits, else UTF-8 when the bytes are valid UTF-8, else Windows-1252 (the
/// superset of ISO-8859-1 that browsers use). Never fails; undecodable bytes become U+FFFD.
pub fn decode_html(bytes: &[u8]) -> String {
    let declared = sniff_charset(bytes);
    let enc = declared
        .as_deref()
        .and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes()));
    match enc {
        // A page that says UTF-8 but is not is far more often Windows-1252 than broken.
        Some(e) if e == encoding_rs::UTF_8 => match std::str::from_utf8(bytes) {
            Ok(s) => s.trim_start_matches('\u{feff}').to_string(),
            Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
        },
        Some(e) => e.decode(bytes).0.into_owned(),
        None => match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
        },
    }
}

#[cfg(test)]
mod tests;
