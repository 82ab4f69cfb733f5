-- Lagebild store on PostgreSQL, schema version 1: articles, stories, quotes and facts of their
-- analyses, full-text search, engine state. Every object lives in the first schema of the
-- session's search_path (one store per schema). Applied by `PgStore` in one transaction under
-- an advisory lock, together with the row in `schema_version`.

-- Search folds diacritics as SQLite's `remove_diacritics` does (`fahre` finds `Fähre`): the
-- `simple` configuration with the `unaccent` dictionary in front of it for words that are not
-- plain ASCII. Words are split as SQLite's `unicode61` splits them: PostgreSQL's parser would
-- read `Graz/Wien` as a file name, `Bild.de` as a host, `2.30` as a number and
-- `Wehra-Hochwasser` as one word besides its parts, so `/ @ . : -` are read as spaces
-- (`translate`, which keeps every character's position; queries are translated alike). The extension ships with PostgreSQL (contrib) and is trusted, so the owner of
-- the database may create it; it is shared by every schema of the database.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION lagebild_search (COPY = pg_catalog.simple);
DO $$
DECLARE
    dict_schema text;
BEGIN
    SELECT n.nspname INTO dict_schema
    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname = 'unaccent';
    EXECUTE format(
        'ALTER TEXT SEARCH CONFIGURATION lagebild_search
             ALTER MAPPING FOR word, numword, hword, numhword, hword_part, hword_numpart
             WITH %I.unaccent, pg_catalog.simple',
        dict_schema);
END
$$;

-- Articles in arrival order. `seq` is the arrival number; `hash` (of the normalised text) is the
-- key for idempotent ingest. `doc` holds the whole AnnotatedArticle as JSON text (read back
-- as a whole, never queried); the other columns repeat what listing and search need. `search`
-- indexes the title (weight A) and the first 200,000 characters of the text (weight D):
-- a tsvector is limited to 1 MB, and no news article comes near that length.
CREATE TABLE articles (
    seq         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id          text NOT NULL UNIQUE,
    hash        text NOT NULL UNIQUE,
    story       text NOT NULL,
    title       text NOT NULL,
    published   text,
    outlet      text,
    language    text NOT NULL,
    source      text NOT NULL,
    text        text NOT NULL,
    doc         text NOT NULL,
    ingested_at timestamptz NOT NULL DEFAULT now(),
    search      tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('lagebild_search', translate(title, '/@.:-', '     ')), 'A')
        || setweight(
            to_tsvector('lagebild_search', translate(left(text, 200000), '/@.:-', '     ')), 'D')
    ) STORED
);
CREATE INDEX articles_story ON articles (story, seq);
CREATE INDEX articles_search ON articles USING gin (search);

-- Stories. `analysis` is the latest StoryAnalysis as JSON text (NULL until analysed); `stale`
-- is true while articles have joined since that analysis.
CREATE TABLE stories (
    id          text PRIMARY KEY,
    title       text NOT NULL,
    first_seq   bigint NOT NULL,
    analysis    text,
    stale       boolean NOT NULL DEFAULT true,
    analysed_at timestamptz
);
CREATE INDEX stories_first_seq ON stories (first_seq);
CREATE INDEX stories_stale ON stories (first_seq) WHERE stale;

-- Quotes and facts of the stored analyses, for search. Rewritten with each analysis.
CREATE TABLE analysis_items (
    item    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    story   text NOT NULL,
    kind    text NOT NULL CHECK (kind IN ('quote', 'fact')),
    article text,
    text    text NOT NULL,
    search  tsvector GENERATED ALWAYS AS (
        to_tsvector('lagebild_search', translate(left(text, 200000), '/@.:-', '     '))
    ) STORED
);
CREATE INDEX analysis_items_story ON analysis_items (story);
CREATE INDEX analysis_items_search ON analysis_items USING gin (search);

-- The JSON documents are large (an annotated article is about 30 KB); lz4 compresses them
-- several times faster than the default pglz. Servers before 14, or built without lz4, keep pglz.
DO $$
BEGIN
    IF current_setting('server_version_num')::int >= 140000 THEN
        BEGIN
            EXECUTE 'ALTER TABLE articles ALTER COLUMN doc SET COMPRESSION lz4,
                                          ALTER COLUMN text SET COMPRESSION lz4';
            EXECUTE 'ALTER TABLE stories ALTER COLUMN analysis SET COMPRESSION lz4';
        EXCEPTION WHEN feature_not_supported THEN
            NULL;
        END;
    END IF;
END
$$;

-- Serialised state of the story engine and the last article seq it has seen.
CREATE TABLE engine (
    name  text PRIMARY KEY,
    state text NOT NULL,
    seq   bigint NOT NULL
);
