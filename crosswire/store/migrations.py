"""Versioned schema migrations for the SQLite store.

Append a new ``(version, sql)`` entry to change the schema; never edit one
that has shipped. ``PRAGMA user_version`` records how far a database is.
"""

from __future__ import annotations

MIGRATIONS: list[tuple[int, str]] = [
    (
        1,
        """
        CREATE TABLE articles (
            id                  TEXT PRIMARY KEY,
            url                 TEXT,
            source              TEXT,
            lang                TEXT NOT NULL,
            lang_confidence     REAL NOT NULL,
            declared_lang       TEXT,
            published           TEXT,
            published_precision TEXT,
            title               TEXT,
            text                TEXT NOT NULL,
            origin              TEXT NOT NULL,
            content_hash        TEXT NOT NULL,
            duplicate_of        TEXT REFERENCES articles(id),
            ingested_at         TEXT NOT NULL,
            updated_at          TEXT,
            minhash             BLOB
        );
        CREATE INDEX articles_lang ON articles(lang);
        CREATE INDEX articles_source ON articles(source);
        CREATE INDEX articles_published ON articles(published);
        CREATE INDEX articles_duplicate_of ON articles(duplicate_of);
        CREATE INDEX articles_content_hash ON articles(content_hash);

        -- LSH band keys of the MinHash signatures (near-duplicate candidates)
        CREATE TABLE lsh_bands (
            key        INTEGER NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE
        );
        CREATE INDEX lsh_bands_key ON lsh_bands(key);
        CREATE INDEX lsh_bands_article ON lsh_bands(article_id);

        -- every input that could not be used, each failure kept once
        CREATE TABLE rejected (
            id          INTEGER PRIMARY KEY,
            origin      TEXT NOT NULL,
            reason      TEXT NOT NULL,
            first_seen  TEXT NOT NULL,
            last_seen   TEXT NOT NULL,
            times       INTEGER NOT NULL DEFAULT 1,
            UNIQUE (origin, reason)
        );

        CREATE TABLE runs (
            id          INTEGER PRIMARY KEY,
            started_at  TEXT NOT NULL,
            finished_at TEXT,
            inputs      TEXT NOT NULL,
            stored      INTEGER NOT NULL DEFAULT 0,
            updated     INTEGER NOT NULL DEFAULT 0,
            unchanged   INTEGER NOT NULL DEFAULT 0,
            duplicates  INTEGER NOT NULL DEFAULT 0,
            rejected    INTEGER NOT NULL DEFAULT 0
        );
        """,
    ),
]

MIGRATIONS.append(
    (
        2,
        """
        -- dense vectors (float16), computed once per article and model
        CREATE TABLE embeddings (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            model      TEXT NOT NULL,
            vec        BLOB NOT NULL
        );

        -- streaming document frequencies per language
        CREATE TABLE df_docs (lang TEXT PRIMARY KEY, n INTEGER NOT NULL);
        CREATE TABLE df_terms (
            lang TEXT NOT NULL,
            term TEXT NOT NULL,
            n    INTEGER NOT NULL,
            PRIMARY KEY (lang, term)
        ) WITHOUT ROWID;

        -- monolingual groups: the first level of clustering
        CREATE TABLE groups (
            id          TEXT PRIMARY KEY,
            lang        TEXT NOT NULL,
            story_id    TEXT NOT NULL,
            first_seen  TEXT,
            last_seen   TEXT,
            n_articles  INTEGER NOT NULL,
            state       TEXT NOT NULL
        );
        CREATE INDEX groups_story ON groups(story_id);
        CREATE INDEX groups_last_seen ON groups(last_seen);

        -- which group (and so which story) each article joined, in stream order
        CREATE TABLE memberships (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            group_id   TEXT NOT NULL REFERENCES groups(id),
            seq        INTEGER NOT NULL UNIQUE,
            score      REAL
        );
        CREATE INDEX memberships_group ON memberships(group_id);

        -- group representatives: their profile frozen when they joined, so that
        -- linking decisions do not depend on when linking runs
        CREATE TABLE reps (
            seq        INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL UNIQUE,
            group_id   TEXT NOT NULL,
            lang       TEXT NOT NULL,
            span_end   REAL,
            profile    TEXT NOT NULL,
            linked     INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX reps_pending ON reps(linked, seq);
        CREATE INDEX reps_lang ON reps(lang, seq);
        CREATE INDEX reps_span_end ON reps(span_end);

        -- links between groups (possibly across languages) that make one story
        CREATE TABLE group_links (
            a     TEXT NOT NULL,
            b     TEXT NOT NULL,
            score REAL NOT NULL,
            PRIMARY KEY (a, b)
        ) WITHOUT ROWID;

        CREATE TABLE stories (
            id          TEXT PRIMARY KEY,
            first_seen  TEXT,
            last_seen   TEXT,
            n_articles  INTEGER NOT NULL,
            n_sources   INTEGER NOT NULL,
            langs       TEXT NOT NULL,
            title       TEXT,
            title_lang  TEXT,
            top_names   TEXT NOT NULL,
            dormant     INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX stories_last_seen ON stories(last_seen);

        -- ids of stories merged into another stay valid
        CREATE TABLE story_aliases (alias TEXT PRIMARY KEY, story_id TEXT NOT NULL);

        CREATE TABLE cluster_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """,
    )
)

MIGRATIONS.append(
    (
        3,
        """
        -- figures (numeric claims) found in each article, with their evidence
        CREATE TABLE figures (
            id               INTEGER PRIMARY KEY,
            article_id       TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            category         TEXT NOT NULL,
            noun             TEXT,
            value_low        REAL,
            value_high       REAL,
            value_kind       TEXT NOT NULL,
            value_text       TEXT NOT NULL,
            magnitude        INTEGER,
            qualifier        TEXT NOT NULL,
            subject          TEXT NOT NULL,
            subject_text     TEXT,
            attribution      TEXT,
            attribution_text TEXT,
            sentence         TEXT NOT NULL,
            span_start       INTEGER NOT NULL,
            span_end         INTEGER NOT NULL
        );
        CREATE INDEX figures_article ON figures(article_id);

        -- names found in each article: key, the form written, kind, count
        CREATE TABLE article_names (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            key        TEXT NOT NULL,
            surface    TEXT NOT NULL,
            kind       TEXT NOT NULL,
            count      INTEGER NOT NULL,
            country    TEXT,
            PRIMARY KEY (article_id, key, surface)
        ) WITHOUT ROWID;
        CREATE INDEX article_names_key ON article_names(key);

        -- which articles went through fact extraction, and with which extractor version
        CREATE TABLE facts_done (article_id TEXT PRIMARY KEY, version INTEGER NOT NULL) WITHOUT ROWID;
        """,
    )
)

MIGRATIONS.append(
    (
        4,
        """
        -- the first term vectors of each language, in processing order: the lexical background
        CREATE TABLE lex_background (
            seq   INTEGER PRIMARY KEY,
            lang  TEXT NOT NULL,
            terms TEXT NOT NULL
        );
        """,
    )
)

MIGRATIONS.append(
    (
        5,
        """
        -- live monitoring (crosswire watch): per-feed polling state, so a restart resumes
        CREATE TABLE watch_feeds (
            url           TEXT PRIMARY KEY,
            etag          TEXT,
            last_modified TEXT,
            failures      INTEGER NOT NULL DEFAULT 0,
            next_poll     REAL,
            last_polled   TEXT,
            last_ok       TEXT,
            last_error    TEXT
        );

        -- feed entries already taken (by link, else content hash): each becomes an article once
        CREATE TABLE watch_seen (
            key        TEXT PRIMARY KEY,
            feed       TEXT NOT NULL,
            first_seen TEXT NOT NULL
        ) WITHOUT ROWID;
        """,
    )
)

MIGRATIONS.append(
    (
        6,
        """
        -- for the web app and HTTP API: full-text search over article titles and text.
        -- External content: the text lives once, in articles; triggers keep the index current
        -- on every insert, update and delete, whoever writes.
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content='articles', content_rowid='rowid',
            tokenize='unicode61 remove_diacritics 2'
        );
        INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
        END;
        CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
            INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;

        -- the story list's two orders (newest, largest), read from an index rather than sorted
        CREATE INDEX stories_recent ON stories (last_seen IS NULL, last_seen DESC, n_articles DESC, id);
        CREATE INDEX stories_size ON stories (n_articles DESC, last_seen IS NULL, last_seen DESC, id);
        """,
    )
)

MIGRATIONS.append(
    (
        7,
        """
        -- when a feed last listed the entry: entries no feed has listed for a while are
        -- forgotten (settings.watch_forget_days), so the table stops growing with every entry
        ALTER TABLE watch_seen ADD COLUMN last_seen TEXT;
        UPDATE watch_seen SET last_seen = first_seen;
        CREATE INDEX watch_seen_last_seen ON watch_seen (last_seen);
        """,
    )
)

LATEST_VERSION = MIGRATIONS[-1][0]
