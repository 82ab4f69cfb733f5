//! Persistence of what the pipeline produced: articles, stories, their analyses.
//!
//! Analysis never needs the store; the store keeps results and feeds them back for
//! incremental runs. [`Store`] is the interface; [`SqliteStore`] the embedded implementation
//! (one SQLite file, WAL mode, versioned migrations, FTS5 search); [`PgStore`] the server
//! implementation for deployments where several processes ingest and read at once (PostgreSQL,
//! versioned migrations under an advisory lock, `tsvector` search).
//!
//! Guarantees every implementation keeps:
//! - **Idempotent**: an article is keyed by the hash of its normalised text; inserting it again
//!   changes nothing ([`Inserted::Duplicate`]).
//! - **Atomic per article**: an article, its annotations, its story membership and its search
//!   entry are written in one transaction; an interrupted run leaves no half-written article.
//! - **Resumable**: the story engine's state is checkpointed with the arrival number
//!   ([`Checkpoint::seq`]) of the last article it had seen; articles stored after the
//!   checkpoint are handed back in order by [`Store::for_each_article_after`] so the engine can
//!   catch up. Stories whose analysis lags behind their articles stay marked
//!   ([`StoryRow::stale`]) until a new analysis is stored.

#![warn(missing_docs)]

mod postgres;
mod query;
mod sqlite;

pub use self::postgres::{is_postgres_url, redact_url, PgStore};
pub use query::fts_query;
pub use sqlite::SqliteStore;

use lagebild_model::{AnnotatedArticle, StoryAnalysis};
use serde::{Deserialize, Serialize};

/// Errors of the store, each with what was being done.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database could not be opened or created.
    #[error("cannot open store {path}: {source}")]
    Open {
        /// The database path.
        path: String,
        /// The underlying error.
        source: rusqlite::Error,
    },
    /// The store file does not exist (read commands do not create one).
    #[error("no store at {0} (run `lagebild ingest` first, or pass --db)")]
    Missing(String),
    /// The store was written by a newer version of Lagebild.
    #[error(
        "store schema version {found} is newer than this program knows ({known}); upgrade lagebild"
    )]
    TooNew {
        /// Version found in the file.
        found: i64,
        /// Latest version this program knows.
        known: i64,
    },
    /// A migration script failed.
    #[error("migration to schema version {version} failed: {source}")]
    Migration {
        /// The version being migrated to.
        version: i64,
        /// The underlying error.
        source: rusqlite::Error,
    },
    /// A database operation failed.
    #[error("{context}: {source}")]
    Sql {
        /// What was being done.
        context: &'static str,
        /// The underlying error.
        source: rusqlite::Error,
    },
    /// The PostgreSQL server could not be reached, or refused the connection.
    #[error("cannot open store {url}: {}", self::postgres::message(.error))]
    PgConnect {
        /// The connection URL, without its password.
        url: String,
        /// The underlying error.
        error: ::postgres::Error,
    },
    /// A PostgreSQL migration script failed.
    #[error("migration to schema version {version} failed: {}", self::postgres::message(.error))]
    PgMigration {
        /// The version being migrated to.
        version: i64,
        /// The underlying error.
        error: ::postgres::Error,
    },
    /// A PostgreSQL operation failed.
    #[error("{context}: {}", self::postgres::message(.error))]
    Postgres {
        /// What was being done.
        context: &'static str,
        /// The underlying error.
        error: ::postgres::Error,
    },
    /// The connection's `search_path` names no schema that exists, so there is nowhere to
    /// create the store.
    #[error("no schema to hold the store at {0} (create the schema named in search_path first)")]
    NoSchema(String),
    /// An analysis was given for a story that has no articles in the store.
    #[error("storing a story analysis: no story {0} in the store")]
    NoSuchStory(String),
    /// Stored JSON could not be written or read back.
    #[error("{context}: {source}")]
    Json {
        /// What was being done.
        context: String,
        /// The underlying error.
        source: serde_json::Error,
    },
}

/// Result of the store's operations.
pub type Result<T> = std::result::Result<T, StoreError>;

/// Outcome of [`Store::insert_article`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inserted {
    /// Stored as a new article with this arrival number.
    Added {
        /// Arrival number (increasing).
        seq: i64,
    },
    /// An article with the same hash was already stored (under this id); nothing changed.
    Duplicate {
        /// The id under which the text is stored.
        id: String,
    },
}

/// One stored article as listed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleRow {
    /// Arrival number.
    pub seq: i64,
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
    /// Story the article belongs to.
    pub story: String,
    /// Where it was read from.
    pub source: String,
    /// Hash of the normalised text.
    pub hash: String,
}

/// One stored article with everything kept about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredArticle {
    /// Arrival number.
    pub seq: i64,
    /// Story the article belongs to.
    pub story: String,
    /// When it was stored (UTC, RFC 3339).
    pub ingested_at: String,
    /// The article (metadata, cleaned text, removed boilerplate) and its annotations.
    #[serde(flatten)]
    pub doc: AnnotatedArticle,
}

/// One stored story as listed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryRow {
    /// Story id.
    pub id: String,
    /// Title (from the analysis, or the first article's headline until analysed).
    pub title: String,
    /// Article ids in arrival order.
    pub articles: Vec<String>,
    /// True once an analysis is stored.
    pub analysed: bool,
    /// True while articles have joined since the stored analysis.
    pub stale: bool,
}

/// One stored story with its latest analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredStory {
    /// The story as listed.
    #[serde(flatten)]
    pub row: StoryRow,
    /// The latest analysis, if any.
    pub analysis: Option<StoryAnalysis>,
}

/// What a search hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    /// An article's title or text.
    Article,
    /// A quote of a stored story analysis.
    Quote,
    /// A fact of a stored story analysis.
    Fact,
}

/// One full-text search hit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    /// What matched.
    pub kind: HitKind,
    /// Story id.
    pub story: String,
    /// Article id (the article, or the article the quote is from); null for facts.
    pub article: Option<String>,
    /// Headline of the article, or the story title for facts.
    pub title: String,
    /// Matching passage, matched words in `[` `]`.
    pub snippet: String,
    /// Character ranges `[start, end)` of the matched words in `snippet` (each inside its
    /// brackets), so that a `[` or `]` of the text itself is not taken for a mark.
    #[serde(default)]
    pub matches: Vec<[usize; 2]>,
    /// Relevance within its kind, higher is better (BM25 in SQLite, `ts_rank` in PostgreSQL):
    /// it orders hits of one kind and means nothing across kinds or backends.
    pub score: f64,
}

/// Marks the backends put around matched words of a snippet before [`mark_snippet`] turns
/// them into brackets: characters of the private use area, which news text does not use.
pub(crate) const MATCH_OPEN: char = '\u{E000}';
/// See [`MATCH_OPEN`].
pub(crate) const MATCH_CLOSE: char = '\u{E001}';

/// A snippet with its matched words between [`MATCH_OPEN`] and [`MATCH_CLOSE`] as the snippet
/// shown (the marks as `[` `]`) and the character ranges of the matched words in it.
pub(crate) fn mark_snippet(raw: &str) -> (String, Vec<[usize; 2]>) {
    let mut out = String::with_capacity(raw.len());
    let mut matches = Vec::new();
    let (mut at, mut open) = (0, None);
    for c in raw.chars() {
        match c {
            MATCH_OPEN => {
                out.push('[');
                at += 1;
                open = Some(at);
            }
            MATCH_CLOSE => {
                if let Some(start) = open.take() {
                    matches.push([start, at]);
                }
                out.push(']');
                at += 1;
            }
            c => {
                out.push(c);
                at += 1;
            }
        }
    }
    (out, matches)
}

/// The story engine's saved state.
#[derive(Debug, Clone, PartialEq)]
pub struct Checkpoint {
    /// The serialised engine (JSON).
    pub state: String,
    /// Arrival number of the last article the engine had seen.
    pub seq: i64,
}

/// Persistence of articles, stories, analyses and the story engine's state.
///
/// Writes take `&mut self`; every write method is one transaction.
pub trait Store {
    /// The id and story of the article stored with this hash, if any.
    fn find_hash(&self, hash: &str) -> Result<Option<(String, String)>>;

    /// True when some stored article has this id.
    fn has_id(&self, id: &str) -> Result<bool>;

    /// Store an annotated article as a member of `story`, and mark the story stale, in one
    /// transaction. Keyed by `doc.article.hash` (see [`content_hash`] when empty): a second
    /// insert of the same hash changes nothing. The id must not be taken by another text.
    fn insert_article(&mut self, doc: &AnnotatedArticle, story: &str) -> Result<Inserted>;

    /// One article by id.
    fn article(&self, id: &str) -> Result<Option<StoredArticle>>;

    /// Every article in arrival order.
    fn articles(&self) -> Result<Vec<ArticleRow>>;

    /// Number of stored articles.
    fn article_count(&self) -> Result<u64>;

    /// Call `f(seq, story, doc)` for every article stored after arrival number `seq`, in
    /// arrival order, one at a time.
    fn for_each_article_after(
        &self,
        seq: i64,
        f: &mut dyn FnMut(i64, &str, AnnotatedArticle),
    ) -> Result<()>;

    /// The annotated articles of a story in arrival order; at most the `limit` latest.
    fn story_docs(&self, story: &str, limit: usize) -> Result<Vec<AnnotatedArticle>>;

    /// Every story, ordered by first arrival.
    fn stories(&self) -> Result<Vec<StoryRow>>;

    /// Ids of the stories whose stored analysis lags behind their articles.
    fn stale_stories(&self) -> Result<Vec<String>>;

    /// One story with its latest analysis.
    fn story(&self, id: &str) -> Result<Option<StoredStory>>;

    /// Store the latest analysis of a story (it must have articles): replaces the previous one,
    /// updates the title, clears the stale mark, re-indexes its quotes and facts.
    fn put_analysis(&mut self, analysis: &StoryAnalysis) -> Result<()>;

    /// Full-text search: articles (title and text), then quotes and facts of the stored
    /// analyses; at most `limit` hits of each group, best first. See [`fts_query`] for the
    /// query syntax.
    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>>;

    /// The saved story engine state.
    fn checkpoint(&self) -> Result<Option<Checkpoint>>;

    /// Save the story engine state.
    fn put_checkpoint(&mut self, checkpoint: &Checkpoint) -> Result<()>;
}

/// Hash of a text after normalisation (Unicode whitespace runs collapsed to one space, ends
/// trimmed): 128-bit FNV-1a, 32 hex digits. Used when a reader left [`lagebild_model::Article::hash`]
/// empty.
pub fn content_hash(text: &str) -> String {
    const PRIME: u128 = 0x0000000001000000000000000000013B;
    let mut h: u128 = 0x6c62272e07bb014262b821756295c58d;
    let mut feed = |bytes: &[u8]| {
        for b in bytes {
            h ^= u128::from(*b);
            h = h.wrapping_mul(PRIME);
        }
    };
    let mut first = true;
    for word in text.split_whitespace() {
        if !first {
            feed(b" ");
        }
        first = false;
        feed(word.as_bytes());
    }
    format!("{h:032x}")
}

/// The key an article is stored under: its own hash, or [`content_hash`] of its text.
pub fn article_key(article: &lagebild_model::Article) -> String {
    if article.hash.is_empty() {
        content_hash(&article.text)
    } else {
        article.hash.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_hash_ignores_whitespace_layout() {
        let a = content_hash("Der Rat tagte  am Dienstag.\n\nEr beschloss nichts.");
        let b = content_hash(" Der Rat tagte am Dienstag. Er beschloss nichts. ");
        assert_eq!(a, b);
        assert_eq!(a.len(), 32);
        assert_ne!(
            a,
            content_hash("Der Rat tagte am Mittwoch. Er beschloss nichts.")
        );
        assert_ne!(content_hash("ab c"), content_hash("a bc"));
    }

    #[test]
    fn snippet_marks_become_brackets_with_their_ranges() {
        let raw = format!("Die [Klage] gegen die {MATCH_OPEN}Fähre{MATCH_CLOSE} läuft");
        let (shown, matches) = mark_snippet(&raw);
        assert_eq!(shown, "Die [Klage] gegen die [Fähre] läuft");
        assert_eq!(matches, vec![[23, 28]]);
        let words: Vec<String> = matches
            .iter()
            .map(|[a, b]| shown.chars().skip(*a).take(b - a).collect())
            .collect();
        assert_eq!(words, ["Fähre"]);
        assert_eq!(
            mark_snippet("ohne Treffer"),
            ("ohne Treffer".into(), vec![])
        );
        assert_eq!(
            mark_snippet(&format!("{MATCH_CLOSE}a")).1,
            Vec::<[usize; 2]>::new()
        );
    }
}
