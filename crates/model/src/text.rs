//! Sentences, tokens and quantities.

use crate::Span;
use serde::{Deserialize, Serialize};

/// Coarse class of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// A word (letters, possibly with hyphens, apostrophes or a trailing abbreviation dot).
    Word,
    /// A number, ordinal, date or time written with digits.
    Number,
    /// Punctuation, including quotation marks.
    Punct,
    /// Anything else (symbols, URLs, emoji).
    Other,
}

/// One token.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Token {
    /// Where it stands in the article text.
    pub span: Span,
    /// Its class.
    pub kind: TokenKind,
}

/// One sentence with its tokens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    /// Where it stands in the article text.
    pub span: Span,
    /// Its tokens, in order, all inside `span`.
    pub tokens: Vec<Token>,
}

/// A number or quantity with its unit (`fünf Stunden`, `28-Punkte-Plan`, `ein Fünftel`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// Where it stands in the article text.
    pub span: Span,
    /// Numeric value.
    pub value: f64,
    /// Unit or counted noun, normalised (`stunde`, `punkt`, `prozent`), if any.
    pub unit: Option<String>,
    /// Qualifier such as `fast`, `mehr als`, `rund`, if any.
    pub qualifier: Option<String>,
}
