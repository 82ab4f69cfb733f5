//! The server store: PostgreSQL, for deployments where several processes ingest and read at
//! once.
//!
//! One store lives in one schema: the first schema of the connection's `search_path`
//! (`public` unless the URL says otherwise, e.g. `?options=-c%20search_path%3Dnews`). The
//! schema is versioned by numbered scripts in `migrations/pg/`, applied under a
//! database-wide advisory lock so that processes starting at once never migrate twice.
//!
//! Writers: every write method is one transaction; an article is keyed by its hash
//! (`INSERT … ON CONFLICT (hash) DO NOTHING`), so two sessions storing the same text store it
//! once. The story engine is a single sequential state: whoever ingests holds the store's
//! ingest lock ([`PgStore::lock_ingest`], a session-level advisory lock that the server
//! releases when the connection ends, also when the process is killed) from loading the
//! checkpoint to saving it.

use crate::query::{parse, tsquery_sql};
use crate::{
    article_key, ArticleRow, Checkpoint, HitKind, Inserted, Result, SearchHit, Store, StoreError,
    StoredArticle, StoredStory, StoryRow,
};
use ::postgres::fallible_iterator::FallibleIterator;
use ::postgres::types::ToSql;
use ::postgres::{Client, GenericClient, NoTls, Row, Statement};
use lagebild_model::{AnnotatedArticle, StoryAnalysis};
use std::borrow::Cow;
use std::cell::{RefCell, RefMut};

/// Ordered migration scripts: `(schema version, SQL)`. A store at version `v` gets every script
/// above `v`, each in its own transaction together with its row in `schema_version`.
const MIGRATIONS: &[(i64, &str)] = &[(1, include_str!("../migrations/pg/0001_init.sql"))];

/// Name of the story engine's row in the `engine` table.
const ENGINE: &str = "story";

/// The text search configuration the schema creates (`simple` with `unaccent`).
const SEARCH_CONFIG: &str = "lagebild_search";

/// Advisory lock key under which migrations run: one per database, since the `unaccent`
/// extension is shared by all schemas.
const MIGRATION_LOCK: i64 = 0x4c61_6765_6269_6c01;

/// Characters read as spaces before text is split into words (in the schema's `search`
/// columns, in queries and for headlines), so that words split as in SQLite's `unicode61`.
/// Each is ASCII and becomes an ASCII space: positions in the text stay the same.
const SEPARATORS: &str = "/@.:-";

/// The SQL expression of `text` with [`SEPARATORS`] read as spaces.
fn separated(text: &str) -> String {
    format!(
        "translate({text}, '{SEPARATORS}', '{}')",
        " ".repeat(SEPARATORS.len())
    )
}

/// `text` with [`SEPARATORS`] read as spaces, as [`separated`] does in SQL.
fn fold_separators(text: &str) -> String {
    text.chars()
        .map(|c| if SEPARATORS.contains(c) { ' ' } else { c })
        .collect()
}

/// Marks `ts_headline` puts around matched words; [`crate::mark_snippet`] turns them into
/// `[` `]`.
const OPEN: char = crate::MATCH_OPEN;
const CLOSE: char = crate::MATCH_CLOSE;

/// Options of `ts_headline`: about 16 words around the best match.
fn headline_options() -> String {
    format!(
        "StartSel={OPEN}, StopSel={CLOSE}, MaxWords=16, MinWords=8, ShortWord=0, \
         MaxFragments=1, FragmentDelimiter=…"
    )
}

/// The snippet as the SQLite store writes it, from a headline of `text` with its separators
/// read as spaces: the passage as written in `text`, matched words between [`OPEN`] and
/// [`CLOSE`], `…` where the
/// text goes on, and the punctuation that `ts_headline` leaves off at either end (an opening
/// quotation mark, a full stop) where nothing else follows.
fn frame_snippet(headline: &str, text: &str) -> String {
    let plain: String = headline
        .chars()
        .filter(|c| *c != OPEN && *c != CLOSE)
        .collect();
    let marks = |c: char, written: &mut dyn Iterator<Item = char>| match c {
        OPEN | CLOSE => c,
        c => written.next().unwrap_or(c),
    };
    let found = Some(fold_separators(text))
        .and_then(|folded| folded.find(&plain))
        .filter(|_| !plain.is_empty());
    let Some(at) = found else {
        return headline
            .chars()
            .map(|c| marks(c, &mut std::iter::empty()))
            .collect();
    };
    // Separators are ASCII and became ASCII spaces: byte offsets are those of `text`.
    let mut written = text[at..at + plain.len()].chars();
    let marked: String = headline.chars().map(|c| marks(c, &mut written)).collect();
    let (before, after) = (&text[..at], &text[at + plain.len()..]);
    let head = if before.chars().any(char::is_alphanumeric) {
        "…"
    } else {
        before.trim_start()
    };
    let tail = if after.chars().any(char::is_alphanumeric) {
        "…"
    } else {
        after.trim_end()
    };
    format!("{head}{marked}{tail}")
}

/// Ranking weights of `ts_rank` for the labels D, C, B, A: the title (A) counts three times
/// as much as the text (D), as in the SQLite store's BM25 weights.
const RANK_WEIGHTS: &str = "'{0.1, 0.1, 0.1, 0.3}'";

fn pg(context: &'static str) -> impl FnOnce(::postgres::Error) -> StoreError {
    move |error| StoreError::Postgres { context, error }
}

fn json(context: impl Into<String>) -> impl FnOnce(serde_json::Error) -> StoreError {
    move |source| StoreError::Json {
        context: context.into(),
        source,
    }
}

/// One line describing a PostgreSQL error: the server's message with its detail and hint, or
/// the client's error with its cause.
pub(crate) fn message(error: &::postgres::Error) -> String {
    let text = match error.as_db_error() {
        Some(db) => {
            let mut m = format!("{}: {}", db.severity(), db.message());
            if let Some(detail) = db.detail() {
                m.push_str(&format!(" ({detail})"));
            }
            if let Some(hint) = db.hint() {
                m.push_str(&format!(" (hint: {hint})"));
            }
            m
        }
        None => {
            let mut m = error.to_string();
            let mut cause = std::error::Error::source(error);
            while let Some(c) = cause {
                m.push_str(&format!(": {c}"));
                cause = c.source();
            }
            m
        }
    };
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True when `db` is a PostgreSQL connection URL (`postgres://…` or `postgresql://…`).
pub fn is_postgres_url(db: &str) -> bool {
    db.starts_with("postgres://") || db.starts_with("postgresql://")
}

/// A connection URL fit to be shown: without a password (in the user part or as a parameter).
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    let authority = match authority.rsplit_once('@') {
        Some((user, host)) => {
            let user = user.split_once(':').map_or(user, |(u, _)| u);
            format!("{user}@{host}")
        }
        None => authority.to_string(),
    };
    let tail = match tail.split_once('?') {
        Some((path, query)) => {
            let kept: Vec<&str> = query
                .split('&')
                .filter(|p| !p.starts_with("password="))
                .collect();
            if kept.is_empty() {
                path.to_string()
            } else {
                format!("{path}?{}", kept.join("&"))
            }
        }
        None => tail.to_string(),
    };
    format!("{scheme}://{authority}{tail}")
}

/// PostgreSQL's `text` cannot hold NUL characters; they are dropped from the columns that
/// repeat the article (its JSON keeps them, escaped).
fn no_nul(s: &str) -> Cow<'_, str> {
    if s.contains('\0') {
        Cow::Owned(s.replace('\0', ""))
    } else {
        Cow::Borrowed(s)
    }
}

/// 64-bit FNV-1a, for advisory lock keys derived from names.
fn fnv64(text: &str) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    i64::from_ne_bytes(h.to_ne_bytes())
}

fn get<'a, T: ::postgres::types::FromSql<'a>>(row: &'a Row, idx: usize) -> Result<T> {
    row.try_get(idx).map_err(pg("reading a result row"))
}

fn parse_doc(seq: i64, text: &str) -> Result<AnnotatedArticle> {
    serde_json::from_str(text).map_err(json(format!("reading stored article #{seq}")))
}

/// Statements prepared once per connection: those run once per article or per story analysis.
struct Prepared {
    find_hash: Statement,
    has_id: Statement,
    insert_article: Statement,
    upsert_story: Statement,
    story_docs: Statement,
    update_analysis: Statement,
    delete_items: Statement,
    insert_items: Statement,
}

/// A [`Store`] in a PostgreSQL schema.
pub struct PgStore {
    client: RefCell<Client>,
    prepared: Prepared,
    /// The schema holding the store.
    schema: String,
    /// Key of the store's ingest lock (derived from the schema).
    ingest_key: i64,
    ingest_locked: bool,
}

impl PgStore {
    /// Connect to `url` (`postgres://user[:password]@host[:port]/database[?options]`) and
    /// open the store in the connection's current schema, creating and migrating it as needed.
    pub fn open(url: &str) -> Result<Self> {
        let mut client = connect(url)?;
        let schema = current_schema(&mut client, url)?;
        migrate(&mut client)?;
        Self::init(client, schema)
    }

    /// Open an existing store (error [`StoreError::Missing`] when the schema holds none);
    /// migrates it if it is older than this program.
    pub fn open_existing(url: &str) -> Result<Self> {
        let mut client = connect(url)?;
        let schema = current_schema(&mut client, url)?;
        if !has_version_table(&mut client)? {
            return Err(StoreError::Missing(redact_url(url)));
        }
        migrate(&mut client)?;
        Self::init(client, schema)
    }

    fn init(mut client: Client, schema: String) -> Result<Self> {
        let prepare = |client: &mut Client, sql: &str| {
            client
                .prepare(sql)
                .map_err(pg("preparing the store's statements"))
        };
        let prepared = Prepared {
            find_hash: prepare(
                &mut client,
                "SELECT id, story FROM articles WHERE hash = $1",
            )?,
            has_id: prepare(&mut client, "SELECT 1 FROM articles WHERE id = $1")?,
            insert_article: prepare(
                &mut client,
                "INSERT INTO articles
                     (id, hash, story, title, published, outlet, language, source, text, doc)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                 ON CONFLICT (hash) DO NOTHING
                 RETURNING seq",
            )?,
            upsert_story: prepare(
                &mut client,
                "INSERT INTO stories (id, title, first_seq, stale) VALUES ($1, $2, $3, true)
                 ON CONFLICT (id) DO UPDATE SET stale = true",
            )?,
            story_docs: prepare(
                &mut client,
                "SELECT seq, doc FROM (SELECT seq, doc FROM articles WHERE story = $1
                 ORDER BY seq DESC LIMIT $2) latest ORDER BY seq",
            )?,
            update_analysis: prepare(
                &mut client,
                "UPDATE stories SET analysis = $2, stale = false,
                     title = CASE WHEN $3 = '' THEN title ELSE $3 END,
                     analysed_at = now()
                 WHERE id = $1",
            )?,
            delete_items: prepare(&mut client, "DELETE FROM analysis_items WHERE story = $1")?,
            insert_items: prepare(
                &mut client,
                "INSERT INTO analysis_items (story, kind, article, text)
                 SELECT $1, kind, article, text
                 FROM unnest($2::text[], $3::text[], $4::text[])
                      WITH ORDINALITY AS item (kind, article, text, n)
                 ORDER BY n",
            )?,
        };
        let ingest_key = fnv64(&format!("lagebild ingest {schema}"));
        Ok(Self {
            client: RefCell::new(client),
            prepared,
            schema,
            ingest_key,
            ingest_locked: false,
        })
    }

    fn client(&self) -> RefMut<'_, Client> {
        self.client.borrow_mut()
    }

    /// The schema holding the store.
    pub fn schema(&self) -> &str {
        &self.schema
    }

    /// The schema version of the open store.
    pub fn schema_version(&self) -> Result<i64> {
        read_version(&mut *self.client())
    }

    /// The latest schema version this program knows.
    pub fn latest_schema_version() -> i64 {
        MIGRATIONS.last().map_or(0, |m| m.0)
    }

    /// Take the store's ingest lock if no other session holds it; returns whether it was
    /// taken. The lock is a session-level advisory lock keyed by the schema: it is held until
    /// [`PgStore::unlock_ingest`] or until this store is dropped (the server releases it when
    /// the connection ends, so a killed process never leaves it behind).
    pub fn try_lock_ingest(&mut self) -> Result<bool> {
        if self.ingest_locked {
            return Ok(true);
        }
        let row = self
            .client()
            .query_one("SELECT pg_try_advisory_lock($1)", &[&self.ingest_key])
            .map_err(pg("taking the ingest lock"))?;
        self.ingest_locked = get(&row, 0)?;
        Ok(self.ingest_locked)
    }

    /// Take the store's ingest lock, waiting while another session holds it (see
    /// [`PgStore::try_lock_ingest`]).
    pub fn lock_ingest(&mut self) -> Result<()> {
        if !self.ingest_locked {
            self.client()
                .execute("SELECT pg_advisory_lock($1)", &[&self.ingest_key])
                .map_err(pg("waiting for the ingest lock"))?;
            self.ingest_locked = true;
        }
        Ok(())
    }

    /// Release the ingest lock taken by this store, if any.
    pub fn unlock_ingest(&mut self) -> Result<()> {
        if self.ingest_locked {
            self.client()
                .execute("SELECT pg_advisory_unlock($1)", &[&self.ingest_key])
                .map_err(pg("releasing the ingest lock"))?;
            self.ingest_locked = false;
        }
        Ok(())
    }

    fn story_articles(&self, story: &str) -> Result<Vec<String>> {
        let rows = self
            .client()
            .query(
                "SELECT id FROM articles WHERE story = $1 ORDER BY seq",
                &[&story],
            )
            .map_err(pg("listing a story's articles"))?;
        rows.iter().map(|r| get(r, 0)).collect()
    }
}

fn connect(url: &str) -> Result<Client> {
    let mut client = Client::connect(url, NoTls).map_err(|error| StoreError::PgConnect {
        url: redact_url(url),
        error,
    })?;
    // The durability of the SQLite store (WAL, synchronous=NORMAL): a killed process never
    // loses a committed article; a crash of the server may lose the last commits (in order, so
    // never consistency) instead of waiting for a disk flush at every article. A URL that sets
    // `synchronous_commit` itself (in `options`) keeps its setting.
    if !url.contains("synchronous_commit") {
        client
            .batch_execute("SET synchronous_commit = off")
            .map_err(pg("setting synchronous_commit"))?;
    }
    Ok(client)
}

fn current_schema(client: &mut Client, url: &str) -> Result<String> {
    let row = client
        .query_one("SELECT current_schema()", &[])
        .map_err(pg("reading the current schema"))?;
    get::<Option<String>>(&row, 0)?.ok_or_else(|| StoreError::NoSchema(redact_url(url)))
}

fn has_version_table(client: &mut impl GenericClient) -> Result<bool> {
    let row = client
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM pg_tables
                            WHERE schemaname = current_schema() AND tablename = 'schema_version')",
            &[],
        )
        .map_err(pg("looking for the store's schema"))?;
    get(&row, 0)
}

fn read_version(client: &mut impl GenericClient) -> Result<i64> {
    if !has_version_table(client)? {
        return Ok(0);
    }
    let row = client
        .query_one("SELECT coalesce(max(version), 0) FROM schema_version", &[])
        .map_err(pg("reading the schema version"))?;
    get(&row, 0)
}

fn migrate(client: &mut Client) -> Result<()> {
    let known = PgStore::latest_schema_version();
    let found = read_version(client)?;
    if found > known {
        return Err(StoreError::TooNew { found, known });
    }
    for (version, script) in MIGRATIONS.iter().filter(|m| m.0 > found) {
        let version = *version;
        let err = |error| StoreError::PgMigration { version, error };
        let mut tx = client.transaction().map_err(err)?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
            .map_err(err)?;
        // Another process may have migrated while we waited for the lock.
        let now = read_version(&mut tx)?;
        if now > known {
            return Err(StoreError::TooNew { found: now, known });
        }
        if now >= version {
            continue;
        }
        tx.batch_execute(
            "CREATE TABLE IF NOT EXISTS schema_version (
                 version    bigint PRIMARY KEY,
                 applied_at timestamptz NOT NULL DEFAULT now()
             )",
        )
        .map_err(err)?;
        tx.batch_execute(script).map_err(err)?;
        tx.execute(
            "INSERT INTO schema_version (version) VALUES ($1)",
            &[&version],
        )
        .map_err(err)?;
        tx.commit().map_err(err)?;
    }
    Ok(())
}

const ARTICLE_COLUMNS: &str = "seq, id, title, published, outlet, language, story, source, hash";

fn row_to_article(r: &Row) -> Result<ArticleRow> {
    Ok(ArticleRow {
        seq: get(r, 0)?,
        id: get(r, 1)?,
        title: get(r, 2)?,
        published: get(r, 3)?,
        outlet: get(r, 4)?,
        language: get(r, 5)?,
        story: get(r, 6)?,
        source: get(r, 7)?,
        hash: get(r, 8)?,
    })
}

impl Store for PgStore {
    fn find_hash(&self, hash: &str) -> Result<Option<(String, String)>> {
        let row = self
            .client()
            .query_opt(&self.prepared.find_hash, &[&hash])
            .map_err(pg("looking up an article hash"))?;
        row.map(|r| Ok((get(&r, 0)?, get(&r, 1)?))).transpose()
    }

    fn has_id(&self, id: &str) -> Result<bool> {
        self.client()
            .query_opt(&self.prepared.has_id, &[&id])
            .map(|r| r.is_some())
            .map_err(pg("looking up an article id"))
    }

    fn insert_article(&mut self, doc: &AnnotatedArticle, story: &str) -> Result<Inserted> {
        let a = &doc.article;
        let hash = article_key(a);
        let body =
            serde_json::to_string(doc).map_err(json(format!("encoding article {}", a.id)))?;
        let mut client = self.client.borrow_mut();
        let mut tx = client
            .transaction()
            .map_err(pg("starting an article transaction"))?;
        if let Some(r) = tx
            .query_opt(&self.prepared.find_hash, &[&hash])
            .map_err(pg("looking up an article hash"))?
        {
            return Ok(Inserted::Duplicate { id: get(&r, 0)? });
        }
        let title = no_nul(&a.title);
        let inserted = tx
            .query_opt(
                &self.prepared.insert_article,
                &[
                    &no_nul(&a.id),
                    &hash,
                    &story,
                    &title,
                    &a.published.as_deref().map(no_nul),
                    &a.outlet.as_deref().map(no_nul),
                    &no_nul(&a.language),
                    &no_nul(&a.source),
                    &no_nul(&a.text),
                    &body,
                ],
            )
            .map_err(pg("storing an article"))?;
        let Some(row) = inserted else {
            // Another session stored the same text after our look-up; it is committed now.
            let r = tx
                .query_one(&self.prepared.find_hash, &[&hash])
                .map_err(pg("looking up an article hash"))?;
            return Ok(Inserted::Duplicate { id: get(&r, 0)? });
        };
        let seq: i64 = get(&row, 0)?;
        tx.execute(&self.prepared.upsert_story, &[&story, &title, &seq])
            .map_err(pg("updating the article's story"))?;
        tx.commit().map_err(pg("committing an article"))?;
        Ok(Inserted::Added { seq })
    }

    fn article(&self, id: &str) -> Result<Option<StoredArticle>> {
        let row = self
            .client()
            .query_opt(
                "SELECT seq, story,
                        to_char(ingested_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),
                        doc
                 FROM articles WHERE id = $1",
                &[&id],
            )
            .map_err(pg("reading an article"))?;
        row.map(|r| {
            let seq: i64 = get(&r, 0)?;
            Ok(StoredArticle {
                seq,
                story: get(&r, 1)?,
                ingested_at: get(&r, 2)?,
                doc: parse_doc(seq, get(&r, 3)?)?,
            })
        })
        .transpose()
    }

    fn articles(&self) -> Result<Vec<ArticleRow>> {
        let rows = self
            .client()
            .query(
                &format!("SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY seq"),
                &[],
            )
            .map_err(pg("listing articles"))?;
        rows.iter().map(row_to_article).collect()
    }

    fn article_count(&self) -> Result<u64> {
        let row = self
            .client()
            .query_one("SELECT count(*) FROM articles", &[])
            .map_err(pg("counting articles"))?;
        Ok(get::<i64>(&row, 0)?.unsigned_abs())
    }

    fn for_each_article_after(
        &self,
        seq: i64,
        f: &mut dyn FnMut(i64, &str, AnnotatedArticle),
    ) -> Result<()> {
        let mut client = self.client();
        // Rows stream from the server as they are consumed: one article in memory at a time.
        let mut rows = client
            .query_raw(
                "SELECT seq, story, doc FROM articles WHERE seq > $1 ORDER BY seq",
                std::iter::once(seq),
            )
            .map_err(pg("reading articles after the checkpoint"))?;
        while let Some(r) = rows
            .next()
            .map_err(pg("reading articles after the checkpoint"))?
        {
            let seq: i64 = get(&r, 0)?;
            let story: &str = get(&r, 1)?;
            f(seq, story, parse_doc(seq, get(&r, 2)?)?);
        }
        Ok(())
    }

    fn story_docs(&self, story: &str, limit: usize) -> Result<Vec<AnnotatedArticle>> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = self
            .client()
            .query(&self.prepared.story_docs, &[&story, &limit])
            .map_err(pg("reading a story's articles"))?;
        rows.iter()
            .map(|r| parse_doc(get(r, 0)?, get(r, 1)?))
            .collect()
    }

    fn stories(&self) -> Result<Vec<StoryRow>> {
        let rows = self
            .client()
            .query(
                "SELECT s.id, s.title, s.analysis IS NOT NULL, s.stale,
                        coalesce((SELECT array_agg(a.id ORDER BY a.seq) FROM articles a
                                  WHERE a.story = s.id), '{}')
                 FROM stories s ORDER BY s.first_seq, s.id",
                &[],
            )
            .map_err(pg("listing stories"))?;
        rows.iter()
            .map(|r| {
                Ok(StoryRow {
                    id: get(r, 0)?,
                    title: get(r, 1)?,
                    analysed: get(r, 2)?,
                    stale: get(r, 3)?,
                    articles: get(r, 4)?,
                })
            })
            .collect()
    }

    fn stale_stories(&self) -> Result<Vec<String>> {
        let rows = self
            .client()
            .query(
                "SELECT id FROM stories WHERE stale ORDER BY first_seq, id",
                &[],
            )
            .map_err(pg("listing stale stories"))?;
        rows.iter().map(|r| get(r, 0)).collect()
    }

    fn story(&self, id: &str) -> Result<Option<StoredStory>> {
        let row = self
            .client()
            .query_opt(
                "SELECT title, analysis, stale FROM stories WHERE id = $1",
                &[&id],
            )
            .map_err(pg("reading a story"))?;
        let Some(row) = row else {
            return Ok(None);
        };
        let title: String = get(&row, 0)?;
        let analysis: Option<&str> = get(&row, 1)?;
        let stale: bool = get(&row, 2)?;
        let analysis: Option<StoryAnalysis> = analysis
            .map(serde_json::from_str)
            .transpose()
            .map_err(json(format!("reading the analysis of story {id}")))?;
        Ok(Some(StoredStory {
            row: StoryRow {
                articles: self.story_articles(id)?,
                id: id.to_string(),
                title,
                analysed: analysis.is_some(),
                stale,
            },
            analysis,
        }))
    }

    fn put_analysis(&mut self, analysis: &StoryAnalysis) -> Result<()> {
        let id = analysis.id.as_str();
        let body = serde_json::to_string(analysis)
            .map_err(json(format!("encoding the analysis of story {id}")))?;
        let title = no_nul(analysis.title.trim());
        let mut kinds: Vec<&str> = Vec::new();
        let mut articles: Vec<Option<Cow<'_, str>>> = Vec::new();
        let mut texts: Vec<Cow<'_, str>> = Vec::new();
        for q in &analysis.quotes {
            kinds.push("quote");
            articles.push(Some(no_nul(&q.article)));
            texts.push(no_nul(&q.text));
        }
        for f in &analysis.facts {
            kinds.push("fact");
            articles.push(None);
            texts.push(no_nul(&f.text));
        }
        let mut client = self.client.borrow_mut();
        let mut tx = client
            .transaction()
            .map_err(pg("starting an analysis transaction"))?;
        // The story row is locked from here to the commit, so two sessions storing analyses
        // of one story take turns and the last one's quotes and facts are the ones indexed.
        let changed = tx
            .execute(&self.prepared.update_analysis, &[&id, &body, &title])
            .map_err(pg("storing a story analysis"))?;
        if changed == 0 {
            return Err(StoreError::NoSuchStory(id.to_string()));
        }
        tx.execute(&self.prepared.delete_items, &[&id])
            .map_err(pg("re-indexing a story analysis"))?;
        if !kinds.is_empty() {
            tx.execute(
                &self.prepared.insert_items,
                &[&id, &kinds, &articles, &texts],
            )
            .map_err(pg("indexing quotes and facts"))?;
        }
        tx.commit().map_err(pg("committing a story analysis"))?;
        Ok(())
    }

    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let groups = parse(query);
        if groups.is_empty() {
            return Ok(Vec::new());
        }
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let (tsquery, values) = tsquery_sql(&groups, SEARCH_CONFIG, 3);
        let values: Vec<String> = values.iter().map(|v| fold_separators(v)).collect();
        let article_text = separated("left(a.text, 200000)");
        let item_text = separated("f.text");
        let options = headline_options();
        let mut params: Vec<&(dyn ToSql + Sync)> = vec![&limit, &options];
        params.extend(values.iter().map(|v| v as &(dyn ToSql + Sync)));
        let mut client = self.client();
        let mut hits = Vec::new();
        // Rank and limit first, then build headlines for the hits only (ts_headline parses
        // the whole text again).
        let rows = client
            .query(
                &format!(
                    "WITH q AS (SELECT {tsquery} AS q),
                     best AS (
                         SELECT a.seq, ts_rank({RANK_WEIGHTS}, a.search, q.q, 1) AS score
                         FROM articles a, q WHERE a.search @@ q.q
                         ORDER BY score DESC, a.seq LIMIT $1)
                     SELECT a.id, a.story, a.title,
                            ts_headline('{SEARCH_CONFIG}', {article_text}, q.q, $2),
                            best.score::float8, left(a.text, 200000)
                     FROM best JOIN articles a ON a.seq = best.seq, q
                     ORDER BY best.score DESC, best.seq"
                ),
                &params,
            )
            .map_err(pg("searching articles"))?;
        for r in &rows {
            let (snippet, matches) = crate::mark_snippet(&frame_snippet(get(r, 3)?, get(r, 5)?));
            hits.push(SearchHit {
                kind: HitKind::Article,
                article: Some(get(r, 0)?),
                story: get(r, 1)?,
                title: get(r, 2)?,
                snippet,
                matches,
                score: get(r, 4)?,
            });
        }
        let rows = client
            .query(
                &format!(
                    "WITH q AS (SELECT {tsquery} AS q),
                     best AS (
                         SELECT f.item, ts_rank(f.search, q.q, 1) AS score
                         FROM analysis_items f, q WHERE f.search @@ q.q
                         ORDER BY score DESC, f.item LIMIT $1)
                     SELECT f.kind, f.story, f.article,
                            coalesce(a.title, s.title, ''),
                            ts_headline('{SEARCH_CONFIG}', {item_text}, q.q, $2),
                            best.score::float8, f.text
                     FROM best JOIN analysis_items f ON f.item = best.item
                          LEFT JOIN articles a ON a.id = f.article
                          LEFT JOIN stories s ON s.id = f.story,
                          q
                     ORDER BY best.score DESC, best.item"
                ),
                &params,
            )
            .map_err(pg("searching quotes and facts"))?;
        for r in &rows {
            let kind: &str = get(r, 0)?;
            let (snippet, matches) = crate::mark_snippet(&frame_snippet(get(r, 4)?, get(r, 6)?));
            hits.push(SearchHit {
                kind: if kind == "quote" {
                    HitKind::Quote
                } else {
                    HitKind::Fact
                },
                story: get(r, 1)?,
                article: get(r, 2)?,
                title: get(r, 3)?,
                snippet,
                matches,
                score: get(r, 5)?,
            });
        }
        Ok(hits)
    }

    fn checkpoint(&self) -> Result<Option<Checkpoint>> {
        let row = self
            .client()
            .query_opt("SELECT state, seq FROM engine WHERE name = $1", &[&ENGINE])
            .map_err(pg("reading the story engine state"))?;
        row.map(|r| {
            Ok(Checkpoint {
                state: get(&r, 0)?,
                seq: get(&r, 1)?,
            })
        })
        .transpose()
    }

    fn put_checkpoint(&mut self, checkpoint: &Checkpoint) -> Result<()> {
        self.client()
            .execute(
                "INSERT INTO engine (name, state, seq) VALUES ($1, $2, $3)
                 ON CONFLICT (name) DO UPDATE SET state = excluded.state, seq = excluded.seq",
                &[&ENGINE, &no_nul(&checkpoint.state), &checkpoint.seq],
            )
            .map_err(pg("saving the story engine state"))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_recognised_and_shown_without_password() {
        assert!(is_postgres_url("postgres://u@h/db"));
        assert!(is_postgres_url("postgresql://h/db"));
        assert!(!is_postgres_url("lagebild.db"));
        assert!(!is_postgres_url("postgres.db"));
        assert_eq!(
            redact_url("postgres://u:secret@h:5433/db?password=x&options=-c%20a%3Db"),
            "postgres://u@h:5433/db?options=-c%20a%3Db"
        );
        assert_eq!(redact_url("postgres://h/db"), "postgres://h/db");
        assert_eq!(redact_url("postgres://u@h"), "postgres://u@h");
        assert_eq!(redact_url("postgres://u:p@h?password=x"), "postgres://u@h");
    }

    #[test]
    fn snippets_are_framed_like_sqlite_ones() {
        let text = "„Wir schaffen das“, sagte sie. Dann ging sie.";
        let h = |s: &str| {
            s.replace('[', &OPEN.to_string())
                .replace(']', &CLOSE.to_string())
        };
        let frame_snippet =
            |headline: &str, text: &str| crate::mark_snippet(&frame_snippet(headline, text)).0;
        assert_eq!(
            frame_snippet(&h("Wir [schaffen] das"), text),
            "„Wir [schaffen] das…"
        );
        assert_eq!(
            frame_snippet(&h("sagte sie  Dann ging [sie]"), text),
            "…sagte sie. Dann ging [sie]."
        );
        assert_eq!(frame_snippet(&h("not [in] it"), text), "not [in] it");
        let text = "Graz/Wien – Der Verbund zieht sich zurück (Bild.de).";
        assert_eq!(
            frame_snippet(&h("Graz [Wien] – Der Verbund"), text),
            "Graz/[Wien] – Der Verbund…"
        );
        assert_eq!(
            frame_snippet(&h("zurück ([Bild] de"), text),
            "…zurück ([Bild].de)."
        );
    }

    #[test]
    fn the_schema_splits_words_as_the_queries_do() {
        let schema = MIGRATIONS[0].1;
        let literal = format!("'{SEPARATORS}', '{}')", " ".repeat(SEPARATORS.len()));
        assert_eq!(
            schema.matches(&literal).count(),
            3,
            "title, text, quotes and facts"
        );
        assert_eq!(
            fold_separators("Graz/Wien-Mitte 2.30"),
            "Graz Wien Mitte 2 30"
        );
    }

    #[test]
    fn lock_keys_differ_by_schema() {
        assert_ne!(
            fnv64("lagebild ingest public"),
            fnv64("lagebild ingest news")
        );
    }
}
