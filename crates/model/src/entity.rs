//! Named entities and their mentions within one article.

use crate::Span;
use serde::{Deserialize, Serialize};

/// Entity type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityType {
    /// Person.
    #[serde(rename = "PER")]
    Per,
    /// Organisation.
    #[serde(rename = "ORG")]
    Org,
    /// Place.
    #[serde(rename = "LOC")]
    Loc,
    /// Other named thing.
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityType {
    /// The tag as written in BIO output and JSON (`PER`, `ORG`, `LOC`, `MISC`).
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityType::Per => "PER",
            EntityType::Org => "ORG",
            EntityType::Loc => "LOC",
            EntityType::Misc => "MISC",
        }
    }
}

/// How a mention refers to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// A name (`Wladimir Putin`, `Putin`, `Nato`).
    Name,
    /// A role phrase standing for the entity (`der Kremlchef`).
    Role,
    /// A pronoun (`er`, `sie`).
    Pronoun,
}

/// One mention of an entity in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Where it stands in the article text.
    pub span: Span,
    /// Name, role or pronoun.
    pub kind: MentionKind,
}

/// One entity of an article, with all its mentions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Canonical name: the longest name mention (`Wladimir Putin`).
    pub name: String,
    /// Type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Other surface forms seen (`Putin`, `Kremlchef`).
    pub aliases: Vec<String>,
    /// Normalised roles (`Präsident`, `Kreml-Berater`).
    pub roles: Vec<String>,
    /// Mentions in text order.
    pub mentions: Vec<Mention>,
}
