//! HTML pages: main text and metadata.
//!
//! The main text comes from the `trafilatura` crate (a port of trafilatura, with its readability
//! and jusText fallbacks enabled), rendered by `text` as paragraphs separated by blank lines
//! and completed with the lead when the extractor dropped it; paragraphs that are page
//! furniture (`resources/html-boilerplate.txt`) are filtered out.
//! Metadata (title, date and time, authors, outlet, canonical URL, language) is read by
//! `meta` from meta tags, JSON-LD, `<time>`, bylines and the URL. See `docs/extraction.md`
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

#[cfg(test)]
mod tests;
