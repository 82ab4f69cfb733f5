//! The vocabulary of Lagebild: plain data types shared by every stage.
//!
//! No logic lives here beyond invariants. Every annotation is a [`Span`] (character offsets
//! into an article's cleaned text) plus typed data, so that any claim can be shown in its
//! source. Each module is owned by the stage that produces its data:
//! [`article`] by `ingest`, [`text`], [`entity`], [`quote`], [`time`] by `nlp`,
//! [`story`] by `story`; [`calendar`] is the date arithmetic every stage shares.

pub mod article;
pub mod calendar;
pub mod entity;
pub mod quote;
pub mod span;
pub mod story;
pub mod text;
pub mod time;

pub use article::*;
pub use entity::*;
pub use quote::*;
pub use span::*;
pub use story::*;
pub use text::*;
pub use time::*;

/// An article together with every annotation the `nlp` stage added to it.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct AnnotatedArticle {
    /// The article as read and cleaned.
    pub article: Article,
    /// Sentences and their tokens.
    pub sentences: Vec<Sentence>,
    /// Entities of this article, each with its mentions.
    pub entities: Vec<Entity>,
    /// Direct, indirect and reported speech.
    pub quotes: Vec<Quote>,
    /// Temporal expressions, normalised against the publication date.
    pub timexes: Vec<TimeExpr>,
    /// Numbers and quantities with units.
    pub quantities: Vec<Quantity>,
    /// The event date of each sentence (same index as `sentences`), ISO value or `None`.
    pub sentence_dates: Vec<Option<String>>,
}
