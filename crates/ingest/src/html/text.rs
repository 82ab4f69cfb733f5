//! Main text: trafilatura's content, rendered as paragraphs, minus boilerplate lines.

use scraper::{ElementRef, Html, Node};

/// Lines that are never article text (cookie banners, share widgets, teaser headings, …),
/// one lower-case pattern a line: `=text` matches the whole line, `^text` its start.
const BOILERPLATE: &str = include_str!("../../resources/html-boilerplate.txt");

/// Main text of a page, paragraphs separated by blank lines; empty when none is found.
pub(super) fn main_text(html: &str, doc: &Html, url: Option<&str>) -> String {
    let content_html = std::panic::catch_unwind(|| trafilatura_html(html, url))
        .ok()
        .flatten();
    let paragraphs = match content_html {
        Some(c) => render(&Html::parse_fragment(&c).root_element()),
        None => Vec::new(),
    };
    let paragraphs = if paragraphs.is_empty() {
        fallback(doc)
    } else {
        paragraphs
    };
    let mut paragraphs = paragraphs;
    if let Some(lead) = lead(doc, &paragraphs) {
        paragraphs.insert(0, lead);
    }
    let text = rules().filter(paragraphs).join("\n\n");
    // A few stray words (a lone link, a button label) are no main text.
    if text.split_whitespace().count() < MIN_WORDS {
        return String::new();
    }
    text
}

/// Fewer words than this are not an article's text.
const MIN_WORDS: usize = 5;

fn rules() -> &'static Rules<'static> {
    static RULES: std::sync::OnceLock<Rules<'static>> = std::sync::OnceLock::new();
    RULES.get_or_init(|| Rules::parse(BOILERPLATE))
}

/// White space collapsed, for comparing texts.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The article's lead (standfirst), which extractors often drop because it sits in a
/// `teaser`/`intro` box above the body: the first element before the main text that is marked
/// as lead, intro, teaser, summary or description (or repeats the meta description), reads as
/// prose (ends a sentence, little link text) and is not already in the text.
fn lead(doc: &Html, paragraphs: &[String]) -> Option<String> {
    let first = paragraphs.first()?;
    let probe: String = squash(first).chars().take(40).collect();
    let description = ["og:description", "description"].iter().find_map(|k| {
        let s =
            scraper::Selector::parse(&format!(r#"meta[property="{k}"], meta[name="{k}"]"#)).ok()?;
        doc.select(&s)
            .find_map(|m| m.value().attr("content").map(squash))
            .filter(|d| d.chars().count() >= 60)
    });
    let marked = |e: &ElementRef| {
        let v = e.value();
        let class = v.attr("class").unwrap_or("").to_ascii_lowercase();
        let id = v.attr("id").unwrap_or("").to_ascii_lowercase();
        v.attr("itemprop") == Some("description")
            || [
                "lead",
                "intro",
                "teaser",
                "standfirst",
                "summary",
                "abstract",
                "kicker-text",
                "subline",
            ]
            .iter()
            .any(|k| class.contains(k) || id.contains(k))
    };
    let whole: String = paragraphs.join(" ");
    let whole = squash(&whole);
    for node in doc.root_element().descendants() {
        let Some(e) = ElementRef::wrap(node) else {
            continue;
        };
        let name = e.value().name();
        if matches!(name, "script" | "style" | "head" | "meta" | "noscript") {
            continue;
        }
        if e.children().any(|c| {
            c.value()
                .as_text()
                .is_some_and(|t| squash(t).contains(&probe))
        }) {
            // Reached the main text: no lead before it.
            return None;
        }
        if !matches!(name, "p" | "div" | "h2" | "section" | "span" | "strong") {
            continue;
        }
        let starts_description = || {
            description.as_deref().is_some_and(|d| {
                e.children()
                    .find_map(|c| c.value().as_text().map(|t| squash(t)))
                    .is_some_and(|t| t.chars().count() >= 20 && d.starts_with(&t))
            })
        };
        if !(marked(&e) || starts_description()) {
            continue;
        }
        let text = squash(&render(&e).join(" "));
        let n = text.chars().count();
        if !(80..=1500).contains(&n) {
            continue;
        }
        if text.contains(&probe) || whole.contains(&text) {
            continue;
        }
        let inside_furniture = e
            .ancestors()
            .filter_map(ElementRef::wrap)
            .any(|a| matches!(a.value().name(), "a" | "nav" | "aside" | "footer" | "li"));
        let link_chars: usize = e
            .descendants()
            .filter_map(ElementRef::wrap)
            .filter(|d| d.value().name() == "a")
            .map(|a| squash(&a.text().collect::<String>()).chars().count())
            .sum();
        let prose = text.ends_with(['.', '!', '?', '“', '"', '«', '»', ')']);
        if !inside_furniture && link_chars * 5 < n && prose {
            return Some(render(&e).join("\n"));
        }
    }
    None
}

/// The content HTML trafilatura finds, if any.
fn trafilatura_html(html: &str, url: Option<&str>) -> Option<String> {
    let mut opts = trafilatura::Options::default();
    opts.enable_fallback = true;
    opts.exclude_comments = true;
    opts.original_url = url.and_then(|u| url::Url::parse(u).ok());
    let r = trafilatura::extract(html, &opts).ok()?;
    (!r.content_html.trim().is_empty()).then_some(r.content_html)
}

/// Tags that end a paragraph.
fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "blockquote"
            | "pre"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "table"
            | "thead"
            | "tbody"
            | "tr"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "figure"
            | "form"
            | "hr"
            | "address"
            | "details"
            | "summary"
            | "body"
            | "html"
            | "head"
            | "center"
    )
}

/// Tags whose text is never shown.
fn is_hidden(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "iframe"
            | "button"
            | "select"
            | "option"
            | "textarea"
            | "input"
            | "head"
            | "title"
            | "figcaption"
    )
}

/// Paragraph builder: collapses white space, breaks at block boundaries.
#[derive(Default)]
struct Paragraphs {
    done: Vec<String>,
    line: String,
}

impl Paragraphs {
    fn push_text(&mut self, s: &str) {
        for (i, w) in s.split(char::is_whitespace).enumerate() {
            if i > 0 && !self.line.is_empty() && !self.line.ends_with([' ', '\n']) {
                self.line.push(' ');
            }
            self.line.push_str(w);
        }
    }

    fn line_break(&mut self) {
        let t = self.line.trim_end_matches(' ').len();
        self.line.truncate(t);
        if !self.line.is_empty() && !self.line.ends_with('\n') {
            self.line.push('\n');
        }
    }

    fn cell_break(&mut self) {
        if !self.line.is_empty() && !self.line.ends_with([' ', '\n']) {
            self.line.push(' ');
        }
    }

    fn end(&mut self) {
        let p = self
            .line
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        if !p.is_empty() {
            self.done.push(p);
        }
        self.line.clear();
    }
}

/// Render an element's visible text as paragraphs.
pub(super) fn render(root: &ElementRef) -> Vec<String> {
    let mut out = Paragraphs::default();
    walk(root, &mut out);
    out.end();
    out.done
}

fn walk(el: &ElementRef, out: &mut Paragraphs) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => out.push_text(t),
            Node::Element(e) => {
                let tag = e.name();
                if is_hidden(tag) {
                    continue;
                }
                let Some(c) = ElementRef::wrap(child) else {
                    continue;
                };
                if tag == "br" {
                    out.line_break();
                } else if matches!(tag, "td" | "th") {
                    out.cell_break();
                    walk(&c, out);
                    out.cell_break();
                } else if is_block(tag) {
                    out.end();
                    walk(&c, out);
                    out.end();
                } else {
                    walk(&c, out);
                }
            }
            _ => {}
        }
    }
}

/// When trafilatura finds nothing: the paragraphs of `<article>` or `<main>` (else of the
/// body) that are not mostly link text.
fn fallback(doc: &Html) -> Vec<String> {
    let sel = |s: &str| scraper::Selector::parse(s).ok();
    let container = ["article", "main", "[role=main]", "body"]
        .iter()
        .filter_map(|s| sel(s))
        .find_map(|s| doc.select(&s).next());
    let (Some(container), Some(blocks), Some(links)) = (
        container,
        sel("p, h1, h2, h3, h4, li, blockquote, pre"),
        sel("a"),
    ) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for b in container.select(&blocks) {
        // Nested blocks are rendered by their outermost match only.
        if b.ancestors()
            .filter_map(ElementRef::wrap)
            .take_while(|a| a.id() != container.id())
            .any(|a| blocks.matches(&a))
        {
            continue;
        }
        let text: String = render(&b).join("\n");
        let n = text.chars().count();
        if n == 0 {
            continue;
        }
        let link: usize = b
            .select(&links)
            .map(|a| a.text().map(|t| t.trim().chars().count()).sum::<usize>())
            .sum();
        if link * 2 < n {
            out.push(text);
        }
    }
    out
}

/// Boilerplate line patterns.
struct Rules<'a> {
    whole: Vec<&'a str>,
    prefix: Vec<&'a str>,
    section: Vec<&'a str>,
}

impl<'a> Rules<'a> {
    fn parse(data: &'a str) -> Self {
        let mut r = Rules {
            whole: Vec::new(),
            prefix: Vec::new(),
            section: Vec::new(),
        };
        for line in data.lines().map(str::trim) {
            if let Some(w) = line.strip_prefix('=') {
                r.whole.push(w);
            } else if let Some(p) = line.strip_prefix('^') {
                r.prefix.push(p);
            } else if let Some(p) = line.strip_prefix('>') {
                r.section.push(p);
            }
        }
        r
    }

    /// Lower-cased paragraph without trailing punctuation, if short enough to be furniture.
    fn key(p: &str) -> Option<String> {
        (p.chars().count() <= 200).then(|| {
            p.to_lowercase()
                .trim_end_matches([':', '.', '!', '?', ' ', '…'])
                .to_string()
        })
    }

    /// A short paragraph that matches a line pattern (long ones are text whatever they start
    /// with).
    fn is_boilerplate(&self, p: &str) -> bool {
        Self::key(p).is_some_and(|l| {
            self.whole.iter().any(|w| l == *w) || self.prefix.iter().any(|w| l.starts_with(w))
        })
    }

    fn is_section(&self, p: &str) -> bool {
        Self::key(p).is_some_and(|l| self.section.iter().any(|w| l == *w))
    }

    /// Drop boilerplate paragraphs, and teaser sections: a heading such as `Mehr zum Thema`
    /// with the short (headline-like) paragraphs under it; in the last third of the text,
    /// everything after such a heading.
    fn filter(&self, paragraphs: Vec<String>) -> Vec<String> {
        let total: usize = paragraphs.iter().map(|p| p.len()).sum();
        let mut out = Vec::new();
        let mut seen = 0usize;
        let mut in_teasers = false;
        for p in paragraphs {
            seen += p.len();
            if self.is_section(&p) {
                if (seen - p.len()) * 3 >= total * 2 {
                    break;
                }
                in_teasers = true;
                continue;
            }
            if in_teasers {
                let headline_like = p.chars().count() < 120
                    && !p.trim_end().ends_with(['.', '!', '?', ':', '“', '"']);
                if headline_like {
                    continue;
                }
                in_teasers = false;
            }
            if !self.is_boilerplate(&p) {
                out.push(p);
            }
        }
        out
    }
}
