//! Plain text articles: the headline on the first line; optionally a first line
//! ` date YYYY-MM-DD` (which may carry more text: the headline or a byline), or a header block
//! of `title:`, `date:`, `source:`, `url:`, `author:` lines ended by a blank line.

use crate::clean::Draft;
use regex::Regex;
use std::sync::LazyLock;

static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*date\s+(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?)(?:\s+(.*))?$")
        .expect("date line")
});
static HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(title|titel|date|datum|published|source|quelle|outlet|url|link|author|authors|autor|language|lang|id):\s*(.*)$")
        .expect("header")
});

/// Headlines longer than this are taken as body text (the file has no headline line).
const MAX_HEADLINE_CHARS: usize = 300;

/// Parse a decoded plain-text article.
pub(crate) fn parse(text: &str, stem: &str, source: &str) -> Draft {
    let mut d = Draft {
        id: stem.to_string(),
        source: source.to_string(),
        ..Default::default()
    };
    let lines: Vec<&str> = text.lines().collect();
    let mut i = lines
        .iter()
        .position(|l| !l.trim().is_empty())
        .unwrap_or(lines.len());
    if i >= lines.len() {
        return d;
    }

    if let Some(c) = DATE_LINE.captures(lines[i]) {
        d.published = Some(c[1].to_string());
        let rest = c.get(2).map_or("", |m| m.as_str().trim());
        i += 1;
        if !rest.is_empty() {
            d.title = Some(rest.to_string());
        }
    } else if is_header_block(&lines[i..]) {
        while i < lines.len() && !lines[i].trim().is_empty() {
            if let Some(c) = HEADER.captures(lines[i].trim()) {
                let v = c[2].trim().to_string();
                if !v.is_empty() {
                    match c[1].to_lowercase().as_str() {
                        "title" | "titel" => d.title = Some(v),
                        "date" | "datum" | "published" => d.published = Some(v),
                        "source" | "quelle" | "outlet" => d.outlet = Some(v),
                        "url" | "link" => d.url = Some(v),
                        "author" | "authors" | "autor" => d.authors.extend(
                            v.split([',', ';'])
                                .flat_map(|a| a.split(" und "))
                                .flat_map(|a| a.split(" and "))
                                .map(|a| a.trim().to_string())
                                .filter(|a| !a.is_empty()),
                        ),
                        "language" | "lang" => d.language = Some(v),
                        "id" => d.id = v,
                        _ => {}
                    }
                }
            }
            i += 1;
        }
    }

    if d.title.is_none() {
        if let Some(j) = (i..lines.len()).find(|&j| !lines[j].trim().is_empty()) {
            let t = lines[j].trim();
            if t.chars().count() <= MAX_HEADLINE_CHARS {
                d.title = Some(t.to_string());
                i = j + 1;
            }
        }
    }
    d.body = lines.get(i..).unwrap_or_default().join("\n");
    d
}

/// The first lines are `key: value` headers (at least one known key, all lines headers) ended
/// by a blank line.
fn is_header_block(lines: &[&str]) -> bool {
    let block: Vec<&str> = lines
        .iter()
        .take_while(|l| !l.trim().is_empty())
        .copied()
        .collect();
    !block.is_empty()
        && block.len() < lines.len()
        && block.len() <= 12
        && block.iter().all(|l| HEADER.is_match(l.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_first_line() {
        let d = parse("Neue Brücke eröffnet\n\nDie Brücke ist frei.", "a", "a.txt");
        assert_eq!(d.title.as_deref(), Some("Neue Brücke eröffnet"));
        assert_eq!(d.body.trim(), "Die Brücke ist frei.");
        assert_eq!(d.id, "a");
    }

    #[test]
    fn date_line_with_headline_or_byline() {
        let d = parse(" date 2024-05-06 Streik am Flughafen\n\nText.", "b", "b");
        assert_eq!(d.published.as_deref(), Some("2024-05-06"));
        assert_eq!(d.title.as_deref(), Some("Streik am Flughafen"));
        let d = parse(
            " date 2024-05-06 Von Anna Beispiel und Ben Muster\n\nText folgt hier.",
            "c",
            "c",
        );
        assert_eq!(d.title.as_deref(), Some("Von Anna Beispiel und Ben Muster"));
        let d = parse(" date 2024-05-06\nÜberschrift\nText.", "c", "c");
        assert_eq!(d.title.as_deref(), Some("Überschrift"));
        assert_eq!(d.body, "Text.");
    }

    #[test]
    fn header_block() {
        let t = "title: Hafen erweitert\ndate: 2023-11-02\nsource: Nordkurier Beispiel\nurl: https://example.org/hafen\nauthor: Anna Beispiel, Ben Muster\n\nDer Hafen wird größer.";
        let d = parse(t, "h", "h.txt");
        assert_eq!(d.title.as_deref(), Some("Hafen erweitert"));
        assert_eq!(d.published.as_deref(), Some("2023-11-02"));
        assert_eq!(d.outlet.as_deref(), Some("Nordkurier Beispiel"));
        assert_eq!(d.url.as_deref(), Some("https://example.org/hafen"));
        assert_eq!(d.authors, ["Anna Beispiel", "Ben Muster"]);
        assert_eq!(d.body.trim(), "Der Hafen wird größer.");
    }

    #[test]
    fn colon_headline_is_not_a_header() {
        let d = parse("Quelle: unbekannt – ein Rätsel\nText.", "q", "q");
        assert_eq!(d.title.as_deref(), Some("Quelle: unbekannt – ein Rätsel"));
    }
}
