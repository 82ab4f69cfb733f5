//! The embedded store: one SQLite file.

use crate::{
    article_key, ArticleRow, Checkpoint, HitKind, Inserted, Result, SearchHit, Store, StoreError,
    StoredArticle, StoredStory, StoryRow,
};
use lagebild_model::{AnnotatedArticle, StoryAnalysis};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use std::path::Path;
use std::time::Duration;

/// Ordered migration scripts: `(schema version, SQL)`. A store at version `v` gets every
/// script above `v`, each in its own transaction together with the new `user_version`.
const MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("../migrations/0001_init.sql")),
    (2, include_str!("../migrations/0002_analysis_items.sql")),
];

/// Name of the story engine's row in the `engine` table.
const ENGINE: &str = "story";

fn sql(context: &'static str) -> impl FnOnce(rusqlite::Error) -> StoreError {
    move |source| StoreError::Sql { context, source }
}

fn json(context: impl Into<String>) -> impl FnOnce(serde_json::Error) -> StoreError {
    move |source| StoreError::Json {
        context: context.into(),
        source,
    }
}

/// A [`Store`] in one SQLite file (WAL journal, FTS5 search).
pub struct SqliteStore {
    conn: Connection,
}

impl SqliteStore {
    /// Open the store at `path`, creating and migrating it as needed.
    pub fn open(path: &Path) -> Result<Self> {
        let conn = Connection::open(path).map_err(|source| StoreError::Open {
            path: path.display().to_string(),
            source,
        })?;
        Self::init(conn, true)
    }

    /// Open an existing store at `path` (error [`StoreError::Missing`] when there is none);
    /// migrates it if it is older than this program.
    pub fn open_existing(path: &Path) -> Result<Self> {
        if !path.is_file() {
            return Err(StoreError::Missing(path.display().to_string()));
        }
        Self::open(path)
    }

    /// A store in memory (for tests and one-shot runs).
    pub fn open_in_memory() -> Result<Self> {
        let conn = Connection::open_in_memory().map_err(|source| StoreError::Open {
            path: ":memory:".into(),
            source,
        })?;
        Self::init(conn, false)
    }

    fn init(mut conn: Connection, wal: bool) -> Result<Self> {
        conn.busy_timeout(Duration::from_secs(10))
            .map_err(sql("setting the busy timeout"))?;
        if wal {
            // WAL: readers never block the writer, a crash never leaves a torn write.
            // synchronous=NORMAL: a committed article survives a killed process; only a power
            // cut can drop the last commits, never consistency.
            conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0))
                .map_err(sql("switching to WAL mode"))?;
        }
        conn.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")
            .map_err(sql("setting connection pragmas"))?;
        migrate(&mut conn)?;
        Ok(Self { conn })
    }

    /// The schema version of the open store.
    pub fn schema_version(&self) -> Result<i64> {
        user_version(&self.conn)
    }

    /// The latest schema version this program knows.
    pub fn latest_schema_version() -> i64 {
        MIGRATIONS.last().map_or(0, |m| m.0)
    }

    /// Run SQLite's own consistency checks (`integrity_check` and the FTS5 index check);
    /// returns the problems found, empty when the store is sound.
    pub fn check(&self) -> Result<Vec<String>> {
        let mut problems = Vec::new();
        let mut stmt = self
            .conn
            .prepare("PRAGMA integrity_check")
            .map_err(sql("checking integrity"))?;
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(sql("checking integrity"))?;
        for r in rows {
            let r = r.map_err(sql("checking integrity"))?;
            if r != "ok" {
                problems.push(r);
            }
        }
        for table in ["articles_fts", "analysis_fts"] {
            let stmt = format!("INSERT INTO {table} ({table}) VALUES ('integrity-check')");
            if let Err(e) = self.conn.execute(&stmt, []) {
                problems.push(format!("{table}: {e}"));
            }
        }
        Ok(problems)
    }
}

fn user_version(conn: &Connection) -> Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(sql("reading the schema version"))
}

fn migrate(conn: &mut Connection) -> Result<()> {
    let known = SqliteStore::latest_schema_version();
    let found = user_version(conn)?;
    if found > known {
        return Err(StoreError::TooNew { found, known });
    }
    for (version, script) in MIGRATIONS.iter().filter(|m| m.0 > found) {
        let err = |source| StoreError::Migration {
            version: *version,
            source,
        };
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Exclusive)
            .map_err(err)?;
        // Another process may have migrated while we waited for the lock.
        if user_version(&tx)? >= *version {
            continue;
        }
        tx.execute_batch(script).map_err(err)?;
        tx.execute_batch(&format!("PRAGMA user_version = {version}"))
            .map_err(err)?;
        tx.commit().map_err(err)?;
    }
    Ok(())
}

fn row_to_article(r: &rusqlite::Row<'_>) -> rusqlite::Result<ArticleRow> {
    Ok(ArticleRow {
        seq: r.get(0)?,
        id: r.get(1)?,
        title: r.get(2)?,
        published: r.get(3)?,
        outlet: r.get(4)?,
        language: r.get(5)?,
        story: r.get(6)?,
        source: r.get(7)?,
        hash: r.get(8)?,
    })
}

const ARTICLE_COLUMNS: &str = "seq, id, title, published, outlet, language, story, source, hash";

fn parse_doc(seq: i64, text: &str) -> Result<AnnotatedArticle> {
    serde_json::from_str(text).map_err(json(format!("reading stored article #{seq}")))
}

impl SqliteStore {
    fn story_articles(&self, story: &str) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM articles WHERE story = ?1 ORDER BY seq")
            .map_err(sql("listing a story's articles"))?;
        let ids = stmt
            .query_map([story], |r| r.get(0))
            .map_err(sql("listing a story's articles"))?
            .collect::<rusqlite::Result<Vec<String>>>()
            .map_err(sql("listing a story's articles"))?;
        Ok(ids)
    }

    fn story_row(&self, id: &str, title: String, analysed: bool, stale: bool) -> Result<StoryRow> {
        Ok(StoryRow {
            articles: self.story_articles(id)?,
            id: id.to_string(),
            title,
            analysed,
            stale,
        })
    }
}

impl Store for SqliteStore {
    fn find_hash(&self, hash: &str) -> Result<Option<(String, String)>> {
        self.conn
            .prepare_cached("SELECT id, story FROM articles WHERE hash = ?1")
            .and_then(|mut s| {
                s.query_row([hash], |r| Ok((r.get(0)?, r.get(1)?)))
                    .optional()
            })
            .map_err(sql("looking up an article hash"))
    }

    fn has_id(&self, id: &str) -> Result<bool> {
        self.conn
            .prepare_cached("SELECT 1 FROM articles WHERE id = ?1")
            .and_then(|mut s| s.exists([id]))
            .map_err(sql("looking up an article id"))
    }

    fn insert_article(&mut self, doc: &AnnotatedArticle, story: &str) -> Result<Inserted> {
        let a = &doc.article;
        let hash = article_key(a);
        let body =
            serde_json::to_string(doc).map_err(json(format!("encoding article {}", a.id)))?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql("starting an article transaction"))?;
        let existing: Option<String> = tx
            .prepare_cached("SELECT id FROM articles WHERE hash = ?1")
            .and_then(|mut s| s.query_row([&hash], |r| r.get(0)).optional())
            .map_err(sql("looking up an article hash"))?;
        if let Some(id) = existing {
            return Ok(Inserted::Duplicate { id });
        }
        tx.prepare_cached(
            "INSERT INTO articles (id, hash, story, title, published, outlet, language, source, text, doc)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )
        .and_then(|mut s| {
            s.execute(params![
                a.id,
                hash,
                story,
                a.title,
                a.published,
                a.outlet,
                a.language,
                a.source,
                a.text,
                body
            ])
        })
        .map_err(sql("storing an article"))?;
        let seq = tx.last_insert_rowid();
        tx.prepare_cached(
            "INSERT INTO stories (id, title, first_seq, stale) VALUES (?1, ?2, ?3, 1)
             ON CONFLICT (id) DO UPDATE SET stale = 1",
        )
        .and_then(|mut s| s.execute(params![story, a.title, seq]))
        .map_err(sql("updating the article's story"))?;
        tx.commit().map_err(sql("committing an article"))?;
        Ok(Inserted::Added { seq })
    }

    fn article(&self, id: &str) -> Result<Option<StoredArticle>> {
        let row: Option<(i64, String, String, String)> = self
            .conn
            .query_row(
                "SELECT seq, story, ingested_at, doc FROM articles WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()
            .map_err(sql("reading an article"))?;
        row.map(|(seq, story, ingested_at, doc)| {
            Ok(StoredArticle {
                seq,
                story,
                ingested_at,
                doc: parse_doc(seq, &doc)?,
            })
        })
        .transpose()
    }

    fn articles(&self) -> Result<Vec<ArticleRow>> {
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY seq"
            ))
            .map_err(sql("listing articles"))?;
        let rows = stmt
            .query_map([], row_to_article)
            .map_err(sql("listing articles"))?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(sql("listing articles"))?;
        Ok(rows)
    }

    fn article_count(&self) -> Result<u64> {
        self.conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))
            .map(|n| n.unsigned_abs())
            .map_err(sql("counting articles"))
    }

    fn for_each_article_after(
        &self,
        seq: i64,
        f: &mut dyn FnMut(i64, &str, AnnotatedArticle),
    ) -> Result<()> {
        let mut stmt = self
            .conn
            .prepare("SELECT seq, story, doc FROM articles WHERE seq > ?1 ORDER BY seq")
            .map_err(sql("reading articles after the checkpoint"))?;
        let mut rows = stmt
            .query([seq])
            .map_err(sql("reading articles after the checkpoint"))?;
        while let Some(r) = rows
            .next()
            .map_err(sql("reading articles after the checkpoint"))?
        {
            let seq: i64 = r.get(0).map_err(sql("reading an article row"))?;
            let story: String = r.get(1).map_err(sql("reading an article row"))?;
            let doc: String = r.get(2).map_err(sql("reading an article row"))?;
            f(seq, &story, parse_doc(seq, &doc)?);
        }
        Ok(())
    }

    fn story_docs(&self, story: &str, limit: usize) -> Result<Vec<AnnotatedArticle>> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT seq, doc FROM (SELECT seq, doc FROM articles WHERE story = ?1
                 ORDER BY seq DESC LIMIT ?2) ORDER BY seq",
            )
            .map_err(sql("reading a story's articles"))?;
        let mut rows = stmt
            .query(params![story, limit])
            .map_err(sql("reading a story's articles"))?;
        let mut docs = Vec::new();
        while let Some(r) = rows.next().map_err(sql("reading a story's articles"))? {
            let seq: i64 = r.get(0).map_err(sql("reading an article row"))?;
            let doc: String = r.get(1).map_err(sql("reading an article row"))?;
            docs.push(parse_doc(seq, &doc)?);
        }
        Ok(docs)
    }

    fn stories(&self) -> Result<Vec<StoryRow>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT id, title, analysis IS NOT NULL, stale FROM stories ORDER BY first_seq",
            )
            .map_err(sql("listing stories"))?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, bool>(2)?,
                    r.get::<_, bool>(3)?,
                ))
            })
            .map_err(sql("listing stories"))?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(sql("listing stories"))?;
        rows.into_iter()
            .map(|(id, title, analysed, stale)| self.story_row(&id, title, analysed, stale))
            .collect()
    }

    fn stale_stories(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id FROM stories WHERE stale = 1 ORDER BY first_seq")
            .map_err(sql("listing stale stories"))?;
        let ids = stmt
            .query_map([], |r| r.get(0))
            .map_err(sql("listing stale stories"))?
            .collect::<rusqlite::Result<Vec<String>>>()
            .map_err(sql("listing stale stories"))?;
        Ok(ids)
    }

    fn story(&self, id: &str) -> Result<Option<StoredStory>> {
        let row: Option<(String, Option<String>, bool)> = self
            .conn
            .query_row(
                "SELECT title, analysis, stale FROM stories WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .map_err(sql("reading a story"))?;
        let Some((title, analysis, stale)) = row else {
            return Ok(None);
        };
        let analysis: Option<StoryAnalysis> = analysis
            .map(|a| serde_json::from_str(&a))
            .transpose()
            .map_err(json(format!("reading the analysis of story {id}")))?;
        Ok(Some(StoredStory {
            row: self.story_row(id, title, analysis.is_some(), stale)?,
            analysis,
        }))
    }

    fn put_analysis(&mut self, analysis: &StoryAnalysis) -> Result<()> {
        let id = analysis.id.as_str();
        let body = serde_json::to_string(analysis)
            .map_err(json(format!("encoding the analysis of story {id}")))?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql("starting an analysis transaction"))?;
        let title = analysis.title.trim();
        let changed = tx
            .execute(
                "UPDATE stories SET analysis = ?2, stale = 0,
                     title = CASE WHEN ?3 = '' THEN title ELSE ?3 END,
                     analysed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
                 WHERE id = ?1",
                params![id, body, title],
            )
            .map_err(sql("storing a story analysis"))?;
        if changed == 0 {
            return Err(StoreError::Sql {
                context: "storing a story analysis",
                source: rusqlite::Error::QueryReturnedNoRows,
            });
        }
        tx.execute("DELETE FROM analysis_items WHERE story = ?1", [id])
            .map_err(sql("re-indexing a story analysis"))?;
        {
            let mut ins = tx
                .prepare_cached(
                    "INSERT INTO analysis_items (story, kind, article, text) VALUES (?1, ?2, ?3, ?4)",
                )
                .map_err(sql("re-indexing a story analysis"))?;
            for q in &analysis.quotes {
                ins.execute(params![id, "quote", q.article, q.text])
                    .map_err(sql("indexing a quote"))?;
            }
            for f in &analysis.facts {
                ins.execute(params![id, "fact", Option::<&str>::None, f.text])
                    .map_err(sql("indexing a fact"))?;
            }
        }
        tx.commit().map_err(sql("committing a story analysis"))?;
        Ok(())
    }

    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let Some(q) = crate::fts_query(query) else {
            return Ok(Vec::new());
        };
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let mut hits = Vec::new();
        let mut stmt = self
            .conn
            .prepare(
                "SELECT a.id, a.story, a.title,
                        snippet(articles_fts, 1, char(57344), char(57345), '…', 16),
                        bm25(articles_fts, 3.0, 1.0) AS score
                 FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
                 WHERE articles_fts MATCH ?1
                 ORDER BY score, a.seq LIMIT ?2",
            )
            .map_err(sql("searching articles"))?;
        let rows = stmt
            .query_map(params![q, limit], |r| {
                let (snippet, matches) = crate::mark_snippet(&r.get::<_, String>(3)?);
                Ok(SearchHit {
                    kind: HitKind::Article,
                    article: Some(r.get(0)?),
                    story: r.get(1)?,
                    title: r.get(2)?,
                    snippet,
                    matches,
                    score: -r.get::<_, f64>(4)?,
                })
            })
            .map_err(sql("searching articles"))?;
        for h in rows {
            hits.push(h.map_err(sql("searching articles"))?);
        }
        let mut stmt = self
            .conn
            .prepare(
                "SELECT f.kind, f.story, f.article,
                        coalesce(a.title, s.title, ''),
                        snippet(analysis_fts, 0, char(57344), char(57345), '…', 16),
                        bm25(analysis_fts) AS score
                 FROM analysis_fts JOIN analysis_items f ON f.rowid = analysis_fts.rowid
                 LEFT JOIN articles a ON a.id = f.article
                 LEFT JOIN stories s ON s.id = f.story
                 WHERE analysis_fts MATCH ?1
                 ORDER BY score, f.rowid LIMIT ?2",
            )
            .map_err(sql("searching quotes and facts"))?;
        let rows = stmt
            .query_map(params![q, limit], |r| {
                let kind: String = r.get(0)?;
                let (snippet, matches) = crate::mark_snippet(&r.get::<_, String>(4)?);
                Ok(SearchHit {
                    kind: if kind == "quote" {
                        HitKind::Quote
                    } else {
                        HitKind::Fact
                    },
                    story: r.get(1)?,
                    article: r.get(2)?,
                    title: r.get(3)?,
                    snippet,
                    matches,
                    score: -r.get::<_, f64>(5)?,
                })
            })
            .map_err(sql("searching quotes and facts"))?;
        for h in rows {
            hits.push(h.map_err(sql("searching quotes and facts"))?);
        }
        Ok(hits)
    }

    fn checkpoint(&self) -> Result<Option<Checkpoint>> {
        self.conn
            .query_row(
                "SELECT state, seq FROM engine WHERE name = ?1",
                [ENGINE],
                |r| {
                    Ok(Checkpoint {
                        state: r.get(0)?,
                        seq: r.get(1)?,
                    })
                },
            )
            .optional()
            .map_err(sql("reading the story engine state"))
    }

    fn put_checkpoint(&mut self, checkpoint: &Checkpoint) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO engine (name, state, seq) VALUES (?1, ?2, ?3)
                 ON CONFLICT (name) DO UPDATE SET state = excluded.state, seq = excluded.seq",
                params![ENGINE, checkpoint.state, checkpoint.seq],
            )
            .map_err(sql("saving the story engine state"))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lagebild_model::{Article, Fact};
    use std::path::PathBuf;

    fn doc(id: &str, title: &str, text: &str) -> AnnotatedArticle {
        AnnotatedArticle {
            article: Article {
                id: id.into(),
                title: title.into(),
                published: Some("2025-03-04".into()),
                outlet: Some("Kurier am Abend".into()),
                language: "de".into(),
                text: text.into(),
                source: format!("{id}.txt"),
                ..Default::default()
            },
            ..Default::default()
        }
    }

    fn sample(i: usize) -> AnnotatedArticle {
        doc(
            &format!("a{i}"),
            &format!("Meldung Nummer {i}"),
            &format!(
                "Der Gemeinderat von Kleinfeld hat am Dienstag über Vorlage {i} beraten. \
                 Die Bürgermeisterin sagte, man müsse sparen. {}",
                "Weitere Einzelheiten folgen. ".repeat(i % 7 + 1)
            ),
        )
    }

    fn temp_db(name: &str) -> (PathBuf, PathBuf) {
        let dir =
            std::env::temp_dir().join(format!("lagebild-store-test-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        (dir.join("t.db"), dir)
    }

    #[test]
    fn fresh_store_is_migrated_to_the_latest_version() {
        let (path, dir) = temp_db("migrate");
        let s = SqliteStore::open(&path).expect("open");
        assert_eq!(
            s.schema_version().expect("v"),
            SqliteStore::latest_schema_version()
        );
        let mode: String = s
            .conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .expect("mode");
        assert_eq!(mode, "wal");
        drop(s);
        // Reopening applies nothing twice.
        let s = SqliteStore::open(&path).expect("reopen");
        assert!(s.check().expect("check").is_empty());
        s.conn
            .execute_batch("PRAGMA user_version = 99")
            .expect("bump");
        drop(s);
        match SqliteStore::open(&path) {
            Err(StoreError::TooNew { found: 99, .. }) => {}
            Err(e) => panic!("wrong error {e}"),
            Ok(_) => panic!("a newer store must not be opened"),
        }
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn a_version_1_store_is_migrated_with_its_analyses_reindexed() {
        let (path, dir) = temp_db("v1");
        {
            let conn = Connection::open(&path).expect("open");
            conn.execute_batch(MIGRATIONS[0].1).expect("v1 schema");
            conn.execute_batch("PRAGMA user_version = 1").expect("v1");
            let d = sample(1);
            conn.execute(
                "INSERT INTO articles (id, hash, story, title, language, source, text, doc)
                 VALUES ('a1', 'h1', 's1', ?1, 'de', 'x', ?2, ?3)",
                params![
                    d.article.title,
                    d.article.text,
                    serde_json::to_string(&d).expect("json")
                ],
            )
            .expect("article");
            let analysis = StoryAnalysis {
                id: "s1".into(),
                title: "Haushalt".into(),
                facts: vec![Fact {
                    text: "Der Kämmerer legte den Haushaltsentwurf vor.".into(),
                    articles: vec!["a1".into()],
                    origins: 1,
                    evidence: vec![],
                    single_source: true,
                    status: lagebild_model::Epistemic::Asserted,
                }],
                ..Default::default()
            };
            conn.execute(
                "INSERT INTO stories (id, title, first_seq, analysis, stale) VALUES ('s1', 'Haushalt', 1, ?1, 0)",
                [serde_json::to_string(&analysis).expect("json")],
            )
            .expect("story");
        }
        let s = SqliteStore::open(&path).expect("migrate");
        assert_eq!(
            s.schema_version().expect("v"),
            SqliteStore::latest_schema_version()
        );
        assert!(s.check().expect("check").is_empty());
        let hits = s.search("Haushaltsentwurf", 10).expect("search");
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert_eq!(hits[0].kind, HitKind::Fact);
        assert_eq!(hits[0].story, "s1");
        assert_eq!(s.search("Vorlage", 10).expect("search").len(), 1);
        drop(s);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn open_existing_refuses_a_missing_file() {
        let (path, dir) = temp_db("missing");
        assert!(matches!(
            SqliteStore::open_existing(&path),
            Err(StoreError::Missing(_))
        ));
        assert!(!path.exists());
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn search_indexes_stay_sound_when_analyses_are_replaced() {
        // The behaviour of search is checked on every backend in `tests/behaviour.rs`; this
        // checks SQLite's own FTS5 indexes after entries were written and deleted.
        let mut s = SqliteStore::open_in_memory().expect("open");
        s.insert_article(&sample(1), "s1").expect("ins");
        for facts in [1, 0, 2] {
            s.put_analysis(&StoryAnalysis {
                id: "s1".into(),
                facts: (0..facts)
                    .map(|i| Fact {
                        text: format!("Der Rat beschloss Vorlage {i}."),
                        articles: vec!["a1".into()],
                        origins: 1,
                        evidence: vec![],
                        single_source: true,
                        status: lagebild_model::Epistemic::Asserted,
                    })
                    .collect(),
                ..Default::default()
            })
            .expect("put");
        }
        assert_eq!(s.search("beschloss", 10).expect("search").len(), 2);
        assert!(s.check().expect("check").is_empty());
    }

    /// Child half of [`a_killed_writer_leaves_a_consistent_store`]: commits some articles,
    /// then dies inside an open transaction that has written a lot.
    #[test]
    fn crash_child() {
        let Ok(path) = std::env::var("LAGEBILD_STORE_CRASH_CHILD") else {
            return;
        };
        let mut s = SqliteStore::open(Path::new(&path)).expect("open");
        for i in 0..20 {
            s.insert_article(&sample(i), "s1").expect("ins");
        }
        // Keep the page cache tiny so the open transaction spills pages into the WAL.
        s.conn
            .execute_batch("PRAGMA cache_size = 2")
            .expect("cache");
        let tx = s
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .expect("tx");
        for i in 20..60 {
            let d = sample(i);
            tx.execute(
                "INSERT INTO articles (id, hash, story, title, language, source, text, doc)
                 VALUES (?1, ?2, 's1', ?3, 'de', 'x', ?4, '{}')",
                params![
                    d.article.id,
                    crate::article_key(&d.article),
                    d.article.title,
                    d.article.text.repeat(40)
                ],
            )
            .expect("write");
        }
        std::process::abort();
    }

    #[test]
    fn a_killed_writer_leaves_a_consistent_store() {
        let (path, dir) = temp_db("crash");
        let status = std::process::Command::new(std::env::current_exe().expect("exe"))
            .args([
                "--exact",
                "sqlite::tests::crash_child",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("LAGEBILD_STORE_CRASH_CHILD", &path)
            .stderr(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .status()
            .expect("spawn child");
        assert!(!status.success(), "the child must die mid-transaction");
        let wal = path.with_extension("db-wal");
        assert!(wal.exists(), "the child left its WAL behind");

        let mut s = SqliteStore::open(&path).expect("reopen after crash");
        assert!(s.check().expect("check").is_empty());
        assert_eq!(s.article_count().expect("n"), 20, "only committed articles");
        let fts: i64 = s
            .conn
            .query_row("SELECT count(*) FROM articles_fts", [], |r| r.get(0))
            .expect("fts");
        assert_eq!(fts, 20);
        // Resume: everything again, the first 20 are duplicates.
        let mut added = 0;
        for i in 0..60 {
            if let Inserted::Added { .. } = s.insert_article(&sample(i), "s1").expect("ins") {
                added += 1;
            }
        }
        assert_eq!(added, 40);
        assert_eq!(s.article_count().expect("n"), 60);
        assert_eq!(s.search("Vorlage", 100).expect("s").len(), 60);
        drop(s);
        let _ = std::fs::remove_dir_all(dir);
    }
}
