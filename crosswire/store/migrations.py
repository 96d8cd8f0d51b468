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

LATEST_VERSION = MIGRATIONS[-1][0]
