//! Stories and their cross-source analysis: the shapes of SPEC §2.1 (`analyze --format json`).
//!
//! Field names here are the JSON contract; add fields freely, never rename or remove one.

use crate::{EntityType, Epistemic};
use serde::{Deserialize, Serialize};

/// The whole output of an analysis run.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Every article read, cleaned.
    pub articles: Vec<ArticleSummary>,
    /// Every story with its analysis.
    pub stories: Vec<StoryAnalysis>,
}

/// An article as listed in the analysis output.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleSummary {
    /// Article id.
    pub id: String,
    /// Headline.
    pub title: String,
    /// `YYYY-MM-DD` or null.
    pub published: Option<String>,
    /// Outlet or null.
    pub outlet: Option<String>,
    /// ISO 639-1 code.
    pub language: String,
    /// Agency credits.
    pub credits: Vec<String>,
    /// Id of the story the article belongs to.
    pub story: String,
    /// Cleaned text; every offset in the output counts chars in it.
    pub text: String,
}

/// One story and its cross-source analysis.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StoryAnalysis {
    /// Story id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Article ids, in arrival order.
    pub articles: Vec<String>,
    /// Outlets of the articles, sorted.
    #[serde(default)]
    pub outlets: Vec<String>,
    /// Earliest publication date of its articles, `YYYY-MM-DD`.
    #[serde(default)]
    pub first_published: Option<String>,
    /// Latest publication date of its articles, `YYYY-MM-DD`.
    #[serde(default)]
    pub last_published: Option<String>,
    /// Entities merged across articles.
    pub entities: Vec<StoryEntity>,
    /// Quotes, one entry per report.
    pub quotes: Vec<StoryQuote>,
    /// Dated events, ordered.
    pub timeline: Vec<TimelineEntry>,
    /// Facts with their evidence.
    pub facts: Vec<Fact>,
    /// Where outlets disagree.
    pub divergences: Vec<Divergence>,
    /// Shared agency copy between article pairs.
    pub wire_copy: Vec<WireCopy>,
    /// Independent origins: groups of articles linked by shared copy or the same agency credit.
    #[serde(default)]
    pub origins: Vec<Vec<String>>,
    /// Cited extractive briefing.
    pub briefing: Vec<BriefingSentence>,
}

/// An entity merged across the articles of a story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryEntity {
    /// Canonical name.
    pub name: String,
    /// Type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Other spellings and forms.
    pub aliases: Vec<String>,
    /// Roles gathered from all outlets.
    pub roles: Vec<String>,
    /// Articles mentioning it.
    pub articles: Vec<String>,
}

/// One report of a quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryQuote {
    /// Speaker name or description.
    pub speaker: Option<String>,
    /// `direct`, `indirect` or `reported`.
    pub kind: crate::QuoteKind,
    /// The quoted content.
    pub text: String,
    /// Cue phrase.
    pub cue: Option<String>,
    /// Article id.
    pub article: String,
    /// Char offset of the content in the article text.
    pub start: usize,
    /// Char offset of the end of the content.
    pub end: usize,
    /// Quote group: reports of the same utterance (across articles) share this number.
    #[serde(default)]
    pub group: usize,
}

/// One dated event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: String,
    /// What happened (a representative sentence).
    pub text: String,
    /// Articles reporting it.
    pub articles: Vec<String>,
    /// Where it is stated: one citation per article.
    #[serde(default)]
    pub citations: Vec<Citation>,
}

/// A passage of one article supporting a fact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// Article id.
    pub article: String,
    /// The sentence.
    pub text: String,
    /// Char offset in the article text.
    pub start: usize,
    /// Char end offset.
    pub end: usize,
    /// How firmly the passage makes the statement.
    #[serde(default = "asserted")]
    pub status: Epistemic,
}

/// The status of a passage stored before passages had one.
fn asserted() -> Epistemic {
    Epistemic::Asserted
}

/// A statement with all its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// Representative text.
    pub text: String,
    /// Articles stating it.
    pub articles: Vec<String>,
    /// Number of independent origins among those articles.
    pub origins: usize,
    /// Supporting passages.
    pub evidence: Vec<Evidence>,
    /// True when only one article states it.
    #[serde(default)]
    pub single_source: bool,
    /// Denied when a passage of its evidence is; else the firmest status among its evidence
    /// (hedged only when every passage hedges it).
    #[serde(default = "asserted")]
    pub status: Epistemic,
}

/// What outlets disagree about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DivergenceKind {
    /// Different numbers or quantities.
    Number,
    /// Same words, different speaker.
    Attribution,
    /// Different evaluative wording.
    Wording,
    /// Different dates.
    Date,
    /// Statements that contradict each other.
    Contradiction,
    /// Anything else.
    Other,
}

/// One side of a divergence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Variant {
    /// The variant as written.
    pub text: String,
    /// Articles carrying it.
    pub articles: Vec<String>,
}

/// A divergence between outlets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Divergence {
    /// Kind.
    pub kind: DivergenceKind,
    /// One-line human summary.
    pub summary: String,
    /// The variants.
    pub variants: Vec<Variant>,
}

/// Shared copy between two articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WireCopy {
    /// The two article ids.
    pub articles: Vec<String>,
    /// Number of near-identical passages.
    pub passages: usize,
    /// Some of the shared passages.
    pub examples: Vec<String>,
    /// Agency credits the two articles share.
    #[serde(default)]
    pub shared_credits: Vec<String>,
}

/// A citation of a briefing sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Citation {
    /// Article id.
    pub article: String,
    /// Char offset.
    pub start: usize,
    /// Char end offset.
    pub end: usize,
}

/// One briefing sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BriefingSentence {
    /// The sentence.
    pub text: String,
    /// Where it comes from.
    pub citations: Vec<Citation>,
}
