//! Articles as read and cleaned by the `ingest` stage.

use serde::{Deserialize, Serialize};

/// What kind of boilerplate a removed line was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BoilerplateKind {
    /// Picture caption or photo credit (`(Bild: EPA/…)`).
    Caption,
    /// Video teaser line or its time stamp (`02.12.2025 | 3:37 min`).
    Video,
    /// Social-media embed leftovers (`pic.twitter.com/…`, `— Name (@handle) …`).
    Embed,
    /// Live-blog, newsletter or "read more" teaser.
    Teaser,
    /// Source or credit footer (`Quelle: AFP, dpa`).
    SourceFooter,
    /// Date or time stamp line, byline, section label and similar page furniture.
    Furniture,
    /// Anything else removed.
    Other,
}

/// One line or passage removed from the text, kept on record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Removed {
    /// Why it was removed.
    pub kind: BoilerplateKind,
    /// The removed text as it stood in the input.
    pub text: String,
}

/// An article after reading and cleaning: the unit every later stage works on.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id: file stem, JSON Lines `id`, or WARC record id.
    pub id: String,
    /// Headline.
    pub title: String,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Publication time of day, `HH:MM`, where known.
    pub published_time: Option<String>,
    /// Outlet name (meta tag, URL host or `source:` header).
    pub outlet: Option<String>,
    /// Source URL, where known.
    pub url: Option<String>,
    /// Authors from the byline.
    pub authors: Vec<String>,
    /// Agency credits (`dpa`, `AFP`, `Dow Jones`, …), normalised names.
    pub credits: Vec<String>,
    /// ISO 639-1 language code (`de`, `en`), or `und` when undetermined.
    pub language: String,
    /// Cleaned main text; every span of every annotation points into it (char offsets).
    pub text: String,
    /// Boilerplate removed from the text, kept on record.
    pub removed: Vec<Removed>,
    /// True for a feed item that carried only a summary.
    pub teaser: bool,
    /// Where it was read from (path, `-` for stdin, plus record number for containers).
    pub source: String,
    /// Hex hash of the normalised text: the key for idempotent storage.
    pub hash: String,
}
