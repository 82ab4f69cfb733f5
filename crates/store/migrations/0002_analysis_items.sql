-- Lagebild store, schema version 2: quotes and facts of stored analyses move into a plain table
-- indexed by story, with the full-text index as its external content. Replacing a story's
-- entries no longer scans the whole index (version 1 filtered an UNINDEXED FTS5 column).

DROP TABLE analysis_fts;

CREATE TABLE analysis_items (
    rowid   INTEGER PRIMARY KEY,
    story   TEXT NOT NULL,
    kind    TEXT NOT NULL,
    article TEXT,
    text    TEXT NOT NULL
);
CREATE INDEX analysis_items_story ON analysis_items (story);

CREATE VIRTUAL TABLE analysis_fts USING fts5 (
    text,
    content = 'analysis_items', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER analysis_items_ai AFTER INSERT ON analysis_items BEGIN
    INSERT INTO analysis_fts (rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER analysis_items_ad AFTER DELETE ON analysis_items BEGIN
    INSERT INTO analysis_fts (analysis_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
CREATE TRIGGER analysis_items_au AFTER UPDATE OF text ON analysis_items BEGIN
    INSERT INTO analysis_fts (analysis_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
    INSERT INTO analysis_fts (rowid, text) VALUES (new.rowid, new.text);
END;

-- Re-index the analyses already stored.
INSERT INTO analysis_items (story, kind, article, text)
    SELECT s.id, 'quote', json_extract(q.value, '$.article'), json_extract(q.value, '$.text')
    FROM stories s, json_each(s.analysis, '$.quotes') q
    WHERE s.analysis IS NOT NULL AND json_extract(q.value, '$.text') IS NOT NULL;
INSERT INTO analysis_items (story, kind, article, text)
    SELECT s.id, 'fact', NULL, json_extract(f.value, '$.text')
    FROM stories s, json_each(s.analysis, '$.facts') f
    WHERE s.analysis IS NOT NULL AND json_extract(f.value, '$.text') IS NOT NULL;
