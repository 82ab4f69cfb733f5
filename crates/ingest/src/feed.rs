//! RSS 2.0, RSS 1.0 and Atom feeds. An item with full content (`content:encoded`, Atom
//! `content`) is an article; an item with only a summary (`description`, `summary`) is kept as a
//! teaser (`teaser: true`).

use crate::clean::Draft;
use crate::IngestError;
use quick_xml::escape::{resolve_html5_entity, unescape_with};
use quick_xml::events::Event;
use quick_xml::Reader;
use std::collections::BTreeMap;

/// Elements whose end closes a paragraph in inline XHTML content.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "section",
];

/// Parse a decoded feed into one draft per item. A malformed feed yields one error and no
/// items.
pub(crate) fn parse(xml: &str, stem: &str, source: &str) -> Result<Vec<Draft>, IngestError> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().trim_text(false);
    let mut items = Vec::new();
    let mut channel_title: Option<String> = None;
    let mut saw_root = false;
    // Current item: fields by element name, plus the Atom link.
    let mut item: Option<BTreeMap<String, String>> = None;
    let mut field: Option<String> = None;
    let mut depth_in_field = 0usize;
    let mut in_channel_title = false;
    let mut skip_text = false;
    let mut path: Vec<String> = Vec::new();
    let err = |e: &dyn std::fmt::Display, pos: u64| {
        IngestError::new(source, format!("malformed XML at byte {pos}: {e}"))
    };
    loop {
        let ev = reader
            .read_event()
            .map_err(|e| err(&e, reader.error_position()))?;
        let (start, is_empty_tag) = match &ev {
            Event::Start(e) => (Some(e.clone()), false),
            Event::Empty(e) => (Some(e.clone()), true),
            _ => (None, false),
        };
        match ev {
            Event::Start(_) | Event::Empty(_) => {
                let Some(e) = start else { continue };
                let qname = String::from_utf8_lossy(e.name().as_ref()).to_lowercase();
                let local = String::from_utf8_lossy(e.local_name().as_ref()).to_lowercase();
                if !saw_root {
                    saw_root = true;
                    if !matches!(local.as_str(), "rss" | "feed" | "rdf") {
                        return Err(IngestError::new(
                            source,
                            format!("not a feed: root element <{qname}>"),
                        ));
                    }
                }
                if item.is_none() && (local == "item" || local == "entry") {
                    item = Some(BTreeMap::new());
                } else if let Some(it) = item.as_mut() {
                    if field.is_none() {
                        if local == "link" {
                            let rel = attr(&e, "rel");
                            if let Some(href) = attr(&e, "href") {
                                if rel.as_deref().is_none_or(|r| r == "alternate") {
                                    it.entry("link".into()).or_insert(href);
                                }
                            }
                        }
                        if !is_empty_tag {
                            field = Some(qname.clone());
                            depth_in_field = 0;
                        }
                    } else if !is_empty_tag {
                        depth_in_field += 1;
                        skip_text = matches!(local.as_str(), "email" | "uri");
                        if local == "script" || local == "style" {
                            skip_text = true;
                        }
                    } else if BLOCKS.contains(&local.as_str()) {
                        if let Some(f) = &field {
                            it.entry(f.clone()).or_default().push('\n');
                        }
                    }
                } else if local == "title"
                    && !is_empty_tag
                    && path.last().is_some_and(|p| p == "channel" || p == "feed")
                {
                    in_channel_title = true;
                }
                if !is_empty_tag {
                    path.push(local);
                }
            }
            Event::End(e) => {
                let local = String::from_utf8_lossy(e.local_name().as_ref()).to_lowercase();
                path.pop();
                in_channel_title = false;
                if item.is_some() && field.is_some() && depth_in_field > 0 {
                    depth_in_field -= 1;
                    skip_text = false;
                    if BLOCKS.contains(&local.as_str()) {
                        if let (Some(it), Some(f)) = (item.as_mut(), &field) {
                            it.entry(f.clone()).or_default().push_str("\n\n");
                        }
                    }
                } else if field.is_some() {
                    field = None;
                } else if local == "item" || local == "entry" {
                    if let Some(it) = item.take() {
                        items.push(it);
                    }
                }
            }
            Event::Text(t) => {
                let raw = String::from_utf8_lossy(t.as_ref()).into_owned();
                let s = unescape_with(&raw, resolve_html5_entity)
                    .map(|c| c.into_owned())
                    .unwrap_or(raw);
                if in_channel_title && item.is_none() {
                    channel_title.get_or_insert_with(String::new).push_str(&s);
                } else if let (Some(it), Some(f)) = (item.as_mut(), &field) {
                    if !skip_text {
                        it.entry(f.clone()).or_default().push_str(&s);
                    }
                }
            }
            Event::CData(c) => {
                let s = String::from_utf8_lossy(c.as_ref()).into_owned();
                if in_channel_title && item.is_none() {
                    channel_title.get_or_insert_with(String::new).push_str(&s);
                } else if let (Some(it), Some(f)) = (item.as_mut(), &field) {
                    it.entry(f.clone()).or_default().push_str(&s);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_root {
        return Err(IngestError::new(source, "not a feed: no root element"));
    }
    if !path.is_empty() {
        return Err(IngestError::new(
            source,
            "malformed XML: unexpected end of file",
        ));
    }
    let outlet = channel_title
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty());
    Ok(items
        .into_iter()
        .enumerate()
        .filter_map(|(n, it)| to_draft(it, n + 1, stem, source, outlet.clone()))
        .collect())
}

/// An attribute's unescaped value.
fn attr(e: &quick_xml::events::BytesStart, key: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == key.as_bytes())
            .then(|| a.unescape_value().ok().map(|v| v.into_owned()))
            .flatten()
    })
}

/// One item's fields into a draft; items without any text are dropped.
fn to_draft(
    it: BTreeMap<String, String>,
    n: usize,
    stem: &str,
    source: &str,
    outlet: Option<String>,
) -> Option<Draft> {
    let get = |keys: &[&str]| {
        keys.iter()
            .filter_map(|k| it.get(*k))
            .map(|v| v.trim())
            .find(|v| !v.is_empty())
            .map(str::to_string)
    };
    let full = get(&["content:encoded", "content"]).map(|c| fragment_text(&c));
    let summary = get(&["description", "summary", "media:description"]).map(|c| fragment_text(&c));
    let (body, teaser) = match (full.filter(|f| !f.trim().is_empty()), summary) {
        (Some(f), _) => (f, false),
        (None, Some(s)) if !s.trim().is_empty() => (s, true),
        _ => return None,
    };
    let link = get(&["link"]);
    let id = get(&["guid", "id"])
        .or_else(|| link.clone())
        .unwrap_or_else(|| format!("{stem}-{n}"));
    let authors = get(&["dc:creator", "author"])
        .map(|a| {
            a.split([',', ';', '\n'])
                .map(|x| x.trim().to_string())
                .filter(|x| !x.is_empty() && !x.contains('@'))
                .collect()
        })
        .unwrap_or_default();
    Some(Draft {
        id,
        source: format!("{source}#{n}"),
        title: get(&["title"]).map(|t| fragment_text(&t)),
        body,
        published: get(&["pubdate", "dc:date", "published", "updated", "date"]),
        published_time: None,
        outlet,
        url: link,
        authors,
        language: get(&["dc:language", "language"]),
        teaser,
    })
}

/// Text of an HTML fragment (feed content): tags dropped, block ends become paragraph breaks,
/// entities decoded, `script`/`style` skipped, whitespace inside paragraphs collapsed.
pub(crate) fn fragment_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    let mut skip_until: Option<&str> = None;
    while !rest.is_empty() {
        match rest.find('<') {
            Some(lt) => {
                if skip_until.is_none() {
                    out.push_str(&rest[..lt]);
                }
                let after = &rest[lt..];
                let Some(gt) = after.find('>') else {
                    if skip_until.is_none() {
                        out.push_str(after);
                    }
                    break;
                };
                let tag = after[1..gt].trim().to_lowercase();
                let closing = tag.starts_with('/');
                let name: String = tag
                    .trim_start_matches('/')
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect();
                if let Some(end) = skip_until {
                    if closing && name == end {
                        skip_until = None;
                    }
                } else if !closing && (name == "script" || name == "style") {
                    skip_until = Some(if name == "script" { "script" } else { "style" });
                } else if name == "br" {
                    out.push('\n');
                } else if BLOCKS.contains(&name.as_str()) {
                    out.push_str("\n\n");
                }
                rest = &after[gt + 1..];
            }
            None => {
                if skip_until.is_none() {
                    out.push_str(rest);
                }
                break;
            }
        }
    }
    let decoded = unescape_with(&out, resolve_html5_entity)
        .map(|c| c.into_owned())
        .unwrap_or(out);
    decoded
        .replace('\u{a0}', " ")
        .split("\n\n")
        .map(|p| {
            p.lines()
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Beispielbote</title><link>https://beispielbote.example/</link>
<item><title>Fähre fällt aus</title><link>https://beispielbote.example/faehre</link>
<guid>fb-1</guid><pubDate>Tue, 05 Mar 2024 09:30:00 +0100</pubDate><dc:creator>Anna Beispiel</dc:creator>
<description>Kurz: Die Fähre fällt aus.</description>
<content:encoded><![CDATA[<p>Die Fähre nach Föhr fällt wegen Sturms aus.</p><p>Die Reederei nennt &bdquo;Sicherheitsgründe&ldquo;.</p>]]></content:encoded></item>
<item><title>Nur ein Anriss</title><link>https://beispielbote.example/anriss</link>
<description>Die Gemeinde plant &amp; baut &#8211; mehr morgen.</description></item>
</channel></rss>"#;

    #[test]
    fn rss_full_and_teaser_items() {
        let d = parse(RSS, "feed", "feed.xml").unwrap();
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].title.as_deref(), Some("Fähre fällt aus"));
        assert_eq!(d[0].id, "fb-1");
        assert!(!d[0].teaser);
        assert_eq!(
            d[0].body,
            "Die Fähre nach Föhr fällt wegen Sturms aus.\n\nDie Reederei nennt „Sicherheitsgründe“."
        );
        assert_eq!(d[0].outlet.as_deref(), Some("Beispielbote"));
        assert_eq!(d[0].authors, ["Anna Beispiel"]);
        assert_eq!(
            d[0].url.as_deref(),
            Some("https://beispielbote.example/faehre")
        );
        assert!(d[1].teaser);
        assert_eq!(d[1].body, "Die Gemeinde plant & baut – mehr morgen.");
        assert_eq!(d[1].id, "https://beispielbote.example/anriss");
    }

    const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atomblatt</title>
<entry><title>Straßenbahn kommt</title><id>tag:atomblatt,2024:1</id>
<link rel="alternate" href="https://atomblatt.example/bahn"/><published>2024-04-01T08:00:00Z</published>
<author><name>Ben Muster</name><email>ben@atomblatt.example</email></author>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Die Straßenbahn fährt ab Mai.</p><p>Der Bau beginnt bald.</p></div></content></entry>
<entry><title>Kurzmeldung</title><id>tag:atomblatt,2024:2</id><summary type="html">&lt;p&gt;Nur kurz.&lt;/p&gt;</summary></entry>
</feed>"#;

    #[test]
    fn atom_entries() {
        let d = parse(ATOM, "a", "a.atom").unwrap();
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].url.as_deref(), Some("https://atomblatt.example/bahn"));
        assert_eq!(d[0].authors, ["Ben Muster"]);
        assert_eq!(d[0].published.as_deref(), Some("2024-04-01T08:00:00Z"));
        assert_eq!(
            d[0].body,
            "Die Straßenbahn fährt ab Mai.\n\nDer Bau beginnt bald."
        );
        assert!(!d[0].teaser);
        assert_eq!(d[1].body, "Nur kurz.");
        assert!(d[1].teaser);
        assert_eq!(d[0].outlet.as_deref(), Some("Atomblatt"));
    }

    #[test]
    fn malformed_feeds_are_errors() {
        assert!(parse(
            "<rss><channel><item><title>x</item></channel></rss>",
            "m",
            "m"
        )
        .is_err());
        assert!(parse("<rss><channel><item><title>offen", "m", "m").is_err());
        assert!(parse("<html><body>kein Feed</body></html>", "m", "m").is_err());
        assert!(parse("einfach Text", "m", "m").is_err());
    }
}
