-- Lagebild store, schema version 1: articles, stories, full-text search, engine state.

-- Articles in arrival order. `seq` is the arrival number; `hash` (of the normalised text) is the
-- key for idempotent ingest. `doc` holds the whole AnnotatedArticle as JSON (article metadata,
-- cleaned text, removed boilerplate, annotations); the other columns repeat what listing and
-- full-text search need.
CREATE TABLE articles (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    hash        TEXT NOT NULL UNIQUE,
    story       TEXT NOT NULL,
    title       TEXT NOT NULL,
    published   TEXT,
    outlet      TEXT,
    language    TEXT NOT NULL,
    source      TEXT NOT NULL,
    text        TEXT NOT NULL,
    doc         TEXT NOT NULL,
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX articles_story ON articles (story, seq);

-- Full-text index over title and text, kept in step with `articles` by triggers.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text,
    content = 'articles', content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
        VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
        VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

-- Stories. `analysis` is the latest StoryAnalysis as JSON (NULL until analysed); `stale` is 1
-- while articles have joined since that analysis.
CREATE TABLE stories (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    first_seq   INTEGER NOT NULL,
    analysis    TEXT,
    stale       INTEGER NOT NULL DEFAULT 1,
    analysed_at TEXT
);
CREATE INDEX stories_stale ON stories (stale);

-- Quotes and facts of the stored analyses, for search. Rewritten with each analysis.
CREATE VIRTUAL TABLE analysis_fts USING fts5 (
    story UNINDEXED, kind UNINDEXED, article UNINDEXED, text,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Serialised state of the story engine and the last article seq it has seen.
CREATE TABLE engine (
    name  TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    seq   INTEGER NOT NULL
);
