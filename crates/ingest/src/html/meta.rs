//! Page metadata: title, publication date and time, authors, outlet, canonical URL, language.
//!
//! Sources in order of trust: Open Graph / article meta tags, JSON-LD (`NewsArticle` and
//! kin, also inside `@graph`), other meta names (Dublin Core, `date`, `author`, …), microdata
//! (`itemprop`), `<time datetime>`, a visible stamp labelled as the publication, bylines, and
//! finally the URL.

use super::Extracted;
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

/// Everything but the main text.
pub(super) fn metadata(doc: &Html, url: Option<&str>) -> Extracted {
    let page = Page::new(doc);
    let canonical = page
        .link_rel("canonical")
        .or_else(|| page.meta(&["og:url"]))
        .filter(|u| u.starts_with("http"))
        .or_else(|| url.map(str::to_string));
    let outlet = outlet(&page, url.or(canonical.as_deref()));
    let title = title(&page, outlet.as_deref());
    // A site name that repeats the headline (`Headline - Outlet`) keeps only the outlet part.
    let outlet = outlet.map(|o| {
        TITLE_SEPARATORS
            .iter()
            .find_map(|sep| o.strip_prefix(title.as_str())?.strip_prefix(sep))
            .map_or(o.clone(), |rest| rest.trim().to_string())
    });
    let norm = |s: &str| -> String {
        s.to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect()
    };
    let outlet_n = outlet.as_deref().map(norm).unwrap_or_default();
    // The outlet credited as author is no author.
    let authors: Vec<String> = authors(&page)
        .into_iter()
        .filter(|a| {
            let n = norm(a);
            outlet_n.is_empty()
                || !(n == outlet_n
                    || (n.len() >= 4 && outlet_n.contains(&n))
                    || n.contains(&outlet_n))
        })
        .collect();
    let (published, published_time) = match published(&page) {
        Some((d, t)) => (Some(d), t),
        None => (None, None),
    };
    Extracted {
        title,
        text: String::new(),
        published,
        published_time,
        authors,
        outlet,
        url: canonical,
        language: language(&page),
    }
}

/// The parsed page and its JSON-LD objects.
struct Page<'a> {
    doc: &'a Html,
    ld: Vec<Value>,
}

fn sel(s: &str) -> Option<Selector> {
    Selector::parse(s).ok()
}

/// Visible text of an element, white space collapsed.
fn text_of(e: &ElementRef) -> String {
    e.text()
        .flat_map(str::split_whitespace)
        .collect::<Vec<_>>()
        .join(" ")
}

impl<'a> Page<'a> {
    fn new(doc: &'a Html) -> Self {
        let mut ld = Vec::new();
        if let Some(s) = sel(r#"script[type="application/ld+json"]"#) {
            for script in doc.select(&s) {
                let raw: String = script.text().collect();
                if let Ok(v) = serde_json::from_str::<Value>(raw.trim()) {
                    flatten(v, &mut ld, 0);
                }
            }
        }
        // Article-like objects first, in document order otherwise.
        ld.sort_by_key(|v| !is_article(v));
        Page { doc, ld }
    }

    /// First non-empty `content` of a meta tag whose property, name or itemprop is one of
    /// `keys` (case-insensitive), in the order of `keys`.
    fn meta(&self, keys: &[&str]) -> Option<String> {
        let s = sel("meta[content]")?;
        for key in keys {
            for m in self.doc.select(&s) {
                let v = m.value();
                let hit = ["property", "name", "itemprop", "http-equiv"]
                    .iter()
                    .filter_map(|a| v.attr(a))
                    .any(|a| a.trim().eq_ignore_ascii_case(key));
                if hit {
                    let c = clean(v.attr("content").unwrap_or(""));
                    if !c.is_empty() {
                        return Some(c);
                    }
                }
            }
        }
        None
    }

    /// All non-empty `content`s of meta tags named `key`.
    fn meta_all(&self, key: &str) -> Vec<String> {
        let Some(s) = sel("meta[content]") else {
            return Vec::new();
        };
        self.doc
            .select(&s)
            .filter(|m| {
                ["property", "name"]
                    .iter()
                    .filter_map(|a| m.value().attr(a))
                    .any(|a| a.trim().eq_ignore_ascii_case(key))
            })
            .map(|m| clean(m.value().attr("content").unwrap_or("")))
            .filter(|c| !c.is_empty())
            .collect()
    }

    fn link_rel(&self, rel: &str) -> Option<String> {
        let s = sel("link[rel][href]")?;
        self.doc
            .select(&s)
            .find(|l| {
                l.value()
                    .attr("rel")
                    .is_some_and(|r| r.split_whitespace().any(|x| x.eq_ignore_ascii_case(rel)))
            })
            .and_then(|l| l.value().attr("href"))
            .map(|h| h.trim().to_string())
            .filter(|h| !h.is_empty())
    }

    /// First string value of `key` among the JSON-LD objects.
    fn ld_str(&self, key: &str) -> Option<String> {
        self.ld
            .iter()
            .filter_map(|v| v.get(key))
            .find_map(|v| match v {
                Value::String(s) => Some(clean(s)).filter(|s| !s.is_empty()),
                _ => None,
            })
    }

    /// First element matching `css` and its text.
    fn first_text(&self, css: &str) -> Option<String> {
        let s = sel(css)?;
        self.doc
            .select(&s)
            .map(|e| text_of(&e))
            .find(|t| !t.is_empty())
    }
}

/// JSON-LD objects, `@graph` and arrays unpacked (depth-limited).
fn flatten(v: Value, out: &mut Vec<Value>, depth: usize) {
    if depth > 4 {
        return;
    }
    match v {
        Value::Array(a) => a.into_iter().for_each(|x| flatten(x, out, depth + 1)),
        Value::Object(mut o) => {
            if let Some(g) = o.remove("@graph") {
                flatten(g, out, depth + 1);
            }
            if !o.is_empty() {
                out.push(Value::Object(o));
            }
        }
        _ => {}
    }
}

fn is_article(v: &Value) -> bool {
    let t = |s: &str| {
        s.ends_with("Article") || matches!(s, "BlogPosting" | "Report" | "LiveBlogPosting")
    };
    match v.get("@type") {
        Some(Value::String(s)) => t(s),
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).any(t),
        _ => false,
    }
}

/// Decode leftover entities and collapse white space.
fn clean(s: &str) -> String {
    let s = s
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ");
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---- title ------------------------------------------------------------------------------

const TITLE_SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " › ", " « ",
];

/// Drop a site name appended (or prepended) to a headline: `Headline | Outlet`,
/// `Outlet - Headline`, `Headline | Outlet | Slogan`.
pub(super) fn strip_site(title: &str, outlet: Option<&str>) -> String {
    let norm = |s: &str| {
        s.to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
    };
    let outlet_n = outlet.map(norm).unwrap_or_default();
    let matches_outlet = |p: &str| {
        let n = norm(p);
        !outlet_n.is_empty() && !n.is_empty() && (outlet_n.contains(&n) || n.contains(&outlet_n))
    };
    let words = |p: &str| p.split_whitespace().count();
    let mut title = title.trim().to_string();
    // Each round removes one segment; a few rounds cover `Headline | Section | Outlet`.
    for _ in 0..3 {
        let before = title.clone();
        for sep in TITLE_SEPARATORS {
            let parts: Vec<&str> = title.split(sep).collect();
            if parts.len() < 2 {
                continue;
            }
            if let Some(i) = (1..parts.len()).find(|&i| matches_outlet(parts[i])) {
                title = parts[..i].join(sep).trim().to_string();
                break;
            }
            if matches_outlet(parts[0]) {
                title = parts[1..].join(sep).trim().to_string();
                break;
            }
            // Without a known outlet: a short last part (≤ 4 words) after a longer headline.
            let last = parts[parts.len() - 1];
            let head = parts[..parts.len() - 1].join(sep);
            if words(last) <= 4 && words(&head) >= 3 {
                title = head.trim().to_string();
                break;
            }
        }
        if title == before {
            break;
        }
    }
    title
}

fn title(page: &Page, outlet: Option<&str>) -> String {
    let candidates = [
        page.meta(&["og:title", "twitter:title"]),
        page.ld_str("headline"),
        page.first_text("article h1")
            .or_else(|| page.first_text("h1")),
        page.first_text("title"),
    ];
    candidates
        .into_iter()
        .flatten()
        .map(|t| strip_site(&t, outlet))
        .find(|t| !t.is_empty())
        .unwrap_or_default()
}

// ---- date and time ----------------------------------------------------------------------

/// `(YYYY-MM-DD, HH:MM)` from ISO 8601 (`2026-11-21T14:05:00+01:00`, `2026-11-21 14:05`),
/// German (`21.11.2026, 14:05 Uhr`) or compact (`20261121`) forms.
pub(super) fn parse_datetime(s: &str) -> Option<(String, Option<String>)> {
    let s = s.trim();
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let valid = |y: u32, m: u32, d: u32| {
        (1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)
    };
    let time_of = |rest: &str| -> Option<String> {
        let rest = rest
            .trim_start_matches(['T', ' ', ',', '/', '-', '|'])
            .trim_start();
        let rest = rest.strip_prefix("um ").unwrap_or(rest);
        let b = rest.as_bytes();
        let h_len = b.iter().take_while(|c| c.is_ascii_digit()).count();
        if !(1..=2).contains(&h_len) || b.get(h_len) != Some(&b':') {
            return None;
        }
        let m = rest.get(h_len + 1..h_len + 3)?;
        let h: u32 = rest[..h_len].parse().ok()?;
        let mi: u32 = m.parse().ok()?;
        (h < 24 && mi < 60).then(|| format!("{h:02}:{mi:02}"))
    };
    // ISO: YYYY-MM-DD
    if s.len() >= 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-' && s.is_char_boundary(10)
    {
        let (y, m, d) = (&s[..4], &s[5..7], &s[8..10]);
        if digits(y) && digits(m) && digits(d) {
            let (yy, mm, dd) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
            if valid(yy, mm, dd) {
                return Some((format!("{y}-{m}-{d}"), time_of(&s[10..])));
            }
        }
    }
    // German: D.M.YYYY
    let mut parts = s.splitn(3, '.');
    if let (Some(d), Some(m), Some(rest)) = (parts.next(), parts.next(), parts.next()) {
        let (d, m) = (d.trim(), m.trim());
        let y: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if digits(d) && digits(m) && y.len() == 4 && d.len() <= 2 && m.len() <= 2 {
            let (yy, mm, dd) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
            if valid(yy, mm, dd) {
                return Some((format!("{yy:04}-{mm:02}-{dd:02}"), time_of(&rest[4..])));
            }
        }
    }
    // Compact: YYYYMMDD
    if s.len() == 8 && digits(s) {
        let (yy, mm, dd) = (
            s[..4].parse().ok()?,
            s[4..6].parse().ok()?,
            s[6..].parse().ok()?,
        );
        if valid(yy, mm, dd) {
            return Some((format!("{yy:04}-{mm:02}-{dd:02}"), None));
        }
    }
    None
}

fn published(page: &Page) -> Option<(String, Option<String>)> {
    let metas = page.meta(&[
        "article:published_time",
        "og:article:published_time",
        "og:published_time",
        "datePublished",
        "publish-date",
        "publishdate",
        "pubdate",
        "date",
        "dc.date.issued",
        "dcterms.issued",
        "dc.date",
        "dcterms.date",
        "dc.date.created",
        "dcterms.created",
        "parsely-pub-date",
        "sailthru.date",
        "article.published",
        "published_time",
    ]);
    let time_el = || {
        let s = sel("time[datetime]")?;
        let pick = |e: &ElementRef| e.value().attr("datetime").and_then(parse_datetime);
        let all: Vec<ElementRef> = page.doc.select(&s).collect();
        all.iter()
            .filter(|e| {
                e.value().attr("pubdate").is_some()
                    || e.value().attr("itemprop") == Some("datePublished")
            })
            .find_map(pick)
            .or_else(|| all.iter().find_map(pick))
    };
    [
        metas.as_deref().and_then(parse_datetime),
        page.ld_str("datePublished")
            .as_deref()
            .and_then(parse_datetime),
        sel(r#"[itemprop="datePublished"]"#).and_then(|s| {
            page.doc.select(&s).find_map(|e| {
                let v = e.value();
                v.attr("content")
                    .or(v.attr("datetime"))
                    .map(str::to_string)
                    .or_else(|| Some(text_of(&e)))
                    .as_deref()
                    .and_then(parse_datetime)
            })
        }),
        time_el(),
        page.ld_str("dateCreated")
            .as_deref()
            .and_then(parse_datetime),
        page.meta(&["article:modified_time", "dateModified", "last-modified"])
            .as_deref()
            .and_then(parse_datetime),
        visible_stamp(page),
    ]
    .into_iter()
    .flatten()
    .next()
}

/// A short element whose whole text is a stamp labelled as the publication (`Published: 12
/// August 2026, 14:05 BST`, `Veröffentlicht am 12.08.2026`): pages without a date in their
/// markup often show one, in a byline or under the text.
fn visible_stamp(page: &Page) -> Option<(String, Option<String>)> {
    let s = sel("p, span, div, li, small, time")?;
    page.doc.select(&s).find_map(|e| {
        let t = text_of(&e);
        (t.len() <= 120)
            .then(|| crate::clean::publication_stamp(&t))
            .flatten()
    })
}

// ---- authors ----------------------------------------------------------------------------

/// Split an author field (`Anna Berg und Jonas Kühn`, `A. Berg, J. Kühn`) into names.
pub(super) fn split_names(s: &str) -> Vec<String> {
    let s = s.trim();
    let s = [
        "Von ",
        "von ",
        "By ",
        "by ",
        "Text: ",
        "Autor: ",
        "Autorin: ",
        "Author: ",
    ]
    .iter()
    .find_map(|p| s.strip_prefix(p))
    .unwrap_or(s);
    // A company with its address (`Verlag GmbH, Stadt, Land`) names no person.
    let organisation = [
        " GmbH",
        " AG",
        " e.V.",
        "Verlag",
        " Ltd",
        " Inc",
        " LLC",
        "Redaktion",
    ]
    .iter()
    .any(|o| s.contains(o));
    if organisation {
        return Vec::new();
    }
    let mut out = Vec::new();
    for part in s.split([',', ';', '&', '/', '|']) {
        for name in part.split(" und ").flat_map(|p| p.split(" and ")) {
            // a credit in brackets after the name (`Jens Weber (dpa)`) is none of it
            let n = name
                .split('(')
                .next()
                .unwrap_or(name)
                .trim()
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
            let n = crate::clean::without_agency(n);
            if plausible_name(n) {
                out.push(capitalised(n));
            }
        }
    }
    out
}

/// A name of several words written in capitals in a byline (`MARIA HOLLOWAY`) with only its
/// initials capitalised (`Maria Holloway`); other names as written (a short form such as `TK`
/// stays).
fn capitalised(n: &str) -> String {
    let caps = |w: &str| w.chars().count() > 1 && !w.chars().any(char::is_lowercase);
    if n.split_whitespace().count() < 2 || !n.split_whitespace().all(caps) {
        return n.to_string();
    }
    n.split_whitespace()
        .map(|w| {
            let mut cs = w.chars();
            let first = cs.next().map(String::from).unwrap_or_default();
            // after a hyphen or apostrophe a capital starts the next part (`ANNE-MARIE`)
            let mut out = first;
            let mut up = false;
            for c in cs {
                if up {
                    out.push(c);
                } else {
                    out.extend(c.to_lowercase());
                }
                up = matches!(c, '-' | '\'');
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Lower-case words allowed inside a person's name.
const NAME_PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "du", "zu", "zum", "und", "di", "da", "la", "le", "bin",
    "al", "ten", "ter", "y", "dos", "das",
];

/// A person's name: 1–5 words, each capitalised (but particles such as `von`), no digits,
/// not a URL.
fn plausible_name(n: &str) -> bool {
    let words = n.split_whitespace().count();
    (1..=5).contains(&words)
        && n.chars().next().is_some_and(|c| c.is_uppercase())
        && n.split_whitespace().all(|w| {
            w.chars().next().is_some_and(|c| !c.is_lowercase()) || NAME_PARTICLES.contains(&w)
        })
        && !n.chars().any(|c| c.is_ascii_digit() || c == '@')
        && !n.contains("http")
        && n.chars().count() <= 60
}

fn ld_authors(page: &Page) -> Vec<String> {
    let mut out = Vec::new();
    for v in &page.ld {
        let Some(a) = v.get("author") else { continue };
        let items: Vec<&Value> = match a {
            Value::Array(xs) => xs.iter().collect(),
            x => vec![x],
        };
        for it in items {
            match it {
                Value::String(s) => out.extend(split_names(s)),
                Value::Object(o) => {
                    if let Some(Value::String(n)) = o.get("name") {
                        out.extend(split_names(n));
                    }
                }
                _ => {}
            }
        }
        if !out.is_empty() {
            break;
        }
    }
    out
}

fn byline_authors(page: &Page) -> Vec<String> {
    let Some(s) = sel(
        r#"[rel="author"], [itemprop="author"], .byline, .author, .article-author, .author-name, .autor, .article__author"#,
    ) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for e in page.doc.select(&s) {
        let name_el = sel(r#"[itemprop="name"]"#).and_then(|n| e.select(&n).next());
        let t = name_el.map_or_else(|| text_of(&e), |n| text_of(&n));
        if t.chars().count() <= 80 {
            out.extend(split_names(&t));
        }
        if !out.is_empty() {
            break;
        }
    }
    out
}

fn authors(page: &Page) -> Vec<String> {
    let mut found: Vec<String> = page
        .meta_all("author")
        .iter()
        .chain(page.meta_all("article:author").iter())
        .chain(page.meta_all("dc.creator").iter())
        .flat_map(|s| split_names(s))
        .collect();
    if found.is_empty() {
        found = ld_authors(page);
    }
    if found.is_empty() {
        found = byline_authors(page);
    }
    let mut out: Vec<String> = Vec::new();
    for a in found {
        if !out.iter().any(|o| o.eq_ignore_ascii_case(&a)) {
            out.push(a);
        }
    }
    out
}

// ---- outlet, language ---------------------------------------------------------------------

fn outlet(page: &Page, url: Option<&str>) -> Option<String> {
    let publisher = || {
        page.ld.iter().find_map(|v| match v.get("publisher")? {
            Value::Object(o) => o.get("name")?.as_str().map(clean),
            Value::String(s) => Some(clean(s)),
            _ => None,
        })
    };
    page.meta(&[
        "og:site_name",
        "application-name",
        "publisher",
        "dc.publisher",
    ])
    .or_else(publisher)
    .filter(|s| !s.is_empty())
    .or_else(|| {
        let host = url::Url::parse(url?).ok()?.host_str()?.to_string();
        Some(host.strip_prefix("www.").unwrap_or(&host).to_string())
    })
}

fn language(page: &Page) -> Option<String> {
    let attr = sel("html[lang]").and_then(|s| {
        page.doc
            .select(&s)
            .next()
            .and_then(|h| h.value().attr("lang").map(str::to_string))
    });
    attr.or_else(|| page.meta(&["content-language", "og:locale", "dc.language", "language"]))
        .or_else(|| page.ld_str("inLanguage"))
        .and_then(|l| {
            let primary: String = l.trim().split(['-', '_']).next()?.to_ascii_lowercase();
            (primary.len() == 2 || primary.len() == 3)
                .then_some(primary)
                .filter(|p| p.chars().all(|c| c.is_ascii_lowercase()))
        })
}
