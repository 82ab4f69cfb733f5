//! Speech: who said what.

use crate::Span;
use serde::{Deserialize, Serialize};

/// How the speech is rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// Words in quotation marks.
    Direct,
    /// Konjunktiv or `dass` clause after a speech cue.
    Indirect,
    /// A speech act without its words (`Putin lehnte ab`, `laut X`).
    Reported,
}

/// Epistemic status of a statement, from the firmest to the weakest; a quote is always at
/// least attributed, a fact's passage may be stated by the outlet itself.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Epistemic {
    /// Stated by the outlet itself (passages of facts only).
    Asserted,
    /// Plain attribution (`teilte mit`, `laut`, `nach Angaben`).
    #[default]
    Attributed,
    /// Hedged (`soll`, `angeblich`, `offenbar`).
    Hedged,
    /// Denied or disputed (`bestreiten`, `dementieren`; for a fact's passage also the quote
    /// right before `X wies den Vorwurf zurück`).
    Denied,
}

/// One quote in one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Direct, indirect or reported.
    pub kind: QuoteKind,
    /// The content span (without quotation marks).
    pub span: Span,
    /// The content text.
    pub text: String,
    /// Speaker as resolved: canonical entity name, or the description as written.
    pub speaker: Option<String>,
    /// Index into the article's entities, when the speaker is a linked entity.
    pub speaker_entity: Option<usize>,
    /// Where the speaker is mentioned for this quote, if in the text.
    pub speaker_span: Option<Span>,
    /// The cue (speech verb or attribution phrase), as written.
    pub cue: Option<String>,
    /// Where the cue stands.
    pub cue_span: Option<Span>,
    /// Epistemic status.
    pub epistemic: Epistemic,
}
