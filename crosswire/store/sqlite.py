"""The SQLite article store (WAL mode; one transaction per ingest batch)."""

from __future__ import annotations

import json
import re
import sqlite3

try:
    import fcntl
except ImportError:  # not on Windows: there, jobs are not locked across processes
    fcntl = None  # type: ignore[assignment]
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from ..model import Article, Rejection
from .migrations import LATEST_VERSION, MIGRATIONS

_ARTICLE_COLUMNS = (
    "id, url, source, lang, lang_confidence, declared_lang, published, published_precision, "
    "title, text, origin, content_hash, duplicate_of, ingested_at"
)
_CHUNK = 500  # stay well below SQLite's bound-parameter limit


#: orderings of the story list
_STORY_ORDER = {
    "recent": "last_seen IS NULL, last_seen DESC, n_articles DESC, id",
    "size": "n_articles DESC, last_seen IS NULL, last_seen DESC, id",
}
#: joins from ``articles a`` to its group ``g`` (whose ``story_id`` is the story)
_TO_STORY = "JOIN memberships m ON m.article_id = a.id JOIN groups g ON g.id = m.group_id"
_WORD = re.compile(r"\w+")


def fts_query(text: str) -> str:
    """An FTS5 query from free text: every word must occur (the last one as a prefix).

    Words are quoted, so FTS syntax in user input (quotes, ``NEAR``, ``*``, ``-``) is
    read as plain words and cannot make the query fail.
    """
    words = _WORD.findall(text)
    if not words:
        return '""'
    return " ".join(f'"{w}"' for w in words[:-1]) + f' "{words[-1]}"*'


class StoreError(RuntimeError):
    """The database cannot be opened or written."""


def utcnow() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _chunks(items: Sequence, size: int = _CHUNK) -> Iterator[Sequence]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _row_to_article(row: sqlite3.Row) -> Article:
    return Article(
        id=row["id"], url=row["url"], source=row["source"], lang=row["lang"],
        lang_confidence=row["lang_confidence"], declared_lang=row["declared_lang"],
        published=row["published"], precision=row["published_precision"], title=row["title"],
        text=row["text"], origin=row["origin"], content_hash=row["content_hash"],
        duplicate_of=row["duplicate_of"], ingested_at=row["ingested_at"],
    )


class SQLiteStore:
    """Articles, rejections and ingest runs in one SQLite file."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._locks: dict[str, list] = {}  # job lock name -> [lock file, depth]
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.execute("PRAGMA busy_timeout=10000")
            self.migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open database ({exc})") from None

    # -- schema -----------------------------------------------------------
    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> None:
        """Apply every migration newer than the database, each in its own transaction.

        Statements are split on ";" (rejoined until SQLite sees a complete statement, so
        trigger bodies survive), so migration SQL must keep ";" out of comments.
        """
        current = self.schema_version
        if current > LATEST_VERSION:
            raise StoreError(
                f"{self.path}: schema version {current} is newer than this crosswire ({LATEST_VERSION})"
            )
        for version, sql in MIGRATIONS:
            if version <= current:
                continue
            with self.transaction():
                pending = ""
                for piece in sql.split(";"):
                    pending += piece + ";"
                    if sqlite3.complete_statement(pending):
                        if pending.strip(" \n;"):
                            self._db.execute(pending)
                        pending = ""
                self._db.execute(f"PRAGMA user_version = {int(version)}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing: a batch is written whole or not at all."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        else:
            self._db.execute("COMMIT")

    @contextmanager
    def job_lock(self, name: str) -> Iterator[None]:
        """Exclusive, across processes, for a job that reads state and writes it back
        (clustering): a second process waits instead of placing the same articles.

        Re-entrant for this store object; a lock file beside the database holds it.
        """
        held = self._locks.get(name)
        if held is not None:
            held[1] += 1
            try:
                yield
            finally:
                held[1] -= 1
            return
        if self.path == ":memory:" or fcntl is None:
            yield  # nothing else can open an in-memory database
            return
        fh = open(f"{self.path}.{name}.lock", "a+b")
        try:
            fcntl.flock(fh, fcntl.LOCK_EX)
            self._locks[name] = [fh, 1]
            try:
                yield
            finally:
                del self._locks[name]
                fcntl.flock(fh, fcntl.LOCK_UN)
        finally:
            fh.close()

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def rows_in(self, sql: str, ids: Sequence[object], *params: object) -> Iterator[sqlite3.Row]:
        """Rows of ``sql`` (which holds ``{marks}`` inside ``IN (...)``) for ``ids``, queried in chunks
        below SQLite's parameter limit; ``params`` bind before the ids."""
        for chunk in _chunks(list(ids)):
            yield from self._db.execute(sql.format(marks=",".join("?" * len(chunk))), [*params, *chunk])

    # -- reads used by ingest ---------------------------------------------
    def content_hashes(self, ids: Sequence[str]) -> dict[str, str]:
        """``id → content_hash`` for the ids already stored."""
        return {r[0]: r[1] for r in self.rows_in("SELECT id, content_hash FROM articles WHERE id IN ({marks})", ids)}

    def lsh_candidates(self, keys: Sequence[int]) -> list[tuple[str, str | None, bytes]]:
        """``(id, duplicate_of, minhash)`` of stored articles sharing any band key."""
        sql = ("SELECT a.id, a.duplicate_of, a.minhash FROM articles a WHERE a.id IN "
               "(SELECT article_id FROM lsh_bands WHERE key IN ({marks}))")
        out = {r[0]: (r[0], r[1], r[2]) for r in self.rows_in(sql, list(set(keys)))}
        return list(out.values())

    # -- writes -------------------------------------------------------------
    def write_batch(
        self,
        *,
        new: Sequence[Article] = (),
        updated: Sequence[Article] = (),
        band_keys: dict[str, list[int]] | None = None,
        rejections: Sequence[Rejection] = (),
    ) -> None:
        """Store one ingest batch in a single transaction."""
        band_keys = band_keys or {}
        now = utcnow()
        with self.transaction() as db:
            db.executemany(
                f"INSERT INTO articles ({_ARTICLE_COLUMNS}, minhash) VALUES ({','.join('?' * 15)})",
                [
                    (a.id, a.url, a.source, a.lang, a.lang_confidence, a.declared_lang, a.published,
                     a.precision, a.title, a.text, a.origin, a.content_hash, a.duplicate_of,
                     a.ingested_at or now, a.minhash)
                    for a in new
                ],
            )
            for a in updated:
                db.execute("DELETE FROM lsh_bands WHERE article_id = ?", (a.id,))
                db.execute(
                    "UPDATE articles SET url=?, source=?, lang=?, lang_confidence=?, declared_lang=?, "
                    "published=?, published_precision=?, title=?, text=?, origin=?, content_hash=?, "
                    "duplicate_of=?, minhash=?, updated_at=? WHERE id=?",
                    (a.url, a.source, a.lang, a.lang_confidence, a.declared_lang, a.published, a.precision,
                     a.title, a.text, a.origin, a.content_hash, a.duplicate_of, a.minhash, now, a.id),
                )
            db.executemany(
                "INSERT INTO lsh_bands (key, article_id) VALUES (?, ?)",
                [(k, aid) for aid, keys in band_keys.items() for k in keys],
            )
            db.executemany(
                "INSERT INTO rejected (origin, reason, first_seen, last_seen) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (origin, reason) DO UPDATE SET last_seen = excluded.last_seen, times = times + 1",
                [(r.origin, r.reason, now, now) for r in rejections],
            )

    def start_run(self, inputs: Iterable[str]) -> int:
        with self.transaction() as db:
            cur = db.execute("INSERT INTO runs (started_at, inputs) VALUES (?, ?)", (utcnow(), "\n".join(inputs)))
            return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, counts: dict[str, int]) -> None:
        with self.transaction() as db:
            db.execute(
                "UPDATE runs SET finished_at=?, stored=?, updated=?, unchanged=?, duplicates=?, rejected=? WHERE id=?",
                (utcnow(), counts.get("stored", 0), counts.get("updated", 0), counts.get("unchanged", 0),
                 counts.get("duplicates", 0), counts.get("rejected", 0), run_id),
            )

    # -- embeddings -----------------------------------------------------------
    def embeddings(self, ids: Sequence[str], model: str) -> dict[str, bytes]:
        """Cached vectors (as stored blobs) of the given articles for ``model``."""
        sql = "SELECT article_id, vec FROM embeddings WHERE model = ? AND article_id IN ({marks})"
        return {r[0]: r[1] for r in self.rows_in(sql, ids, model)}

    def put_embeddings(self, vecs: dict[str, bytes], model: str) -> None:
        with self.transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO embeddings (article_id, model, vec) VALUES (?, ?, ?)",
                [(aid, model, blob) for aid, blob in vecs.items()],
            )

    # -- queries --------------------------------------------------------------
    def get_article(self, article_id: str) -> Article | None:
        row = self._db.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)).fetchone()
        return _row_to_article(row) if row else None

    def articles(
        self,
        *,
        lang: str | None = None,
        source: str | None = None,
        since: str | None = None,
        until: str | None = None,
        duplicates: bool = True,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Article]:
        """Stored articles, oldest publication first (undated last), filtered.

        ``since``/``until`` compare dates at the article's own precision: an
        article dated ``2022-01`` matches ``since=2022-01-15``.
        """
        where, args = self._filters(lang=lang, source=source, since=since, until=until, duplicates=duplicates)
        sql = (f"SELECT {_ARTICLE_COLUMNS} FROM articles {where} "
               "ORDER BY published IS NULL, published, id LIMIT ? OFFSET ?")
        rows = self._db.execute(sql, [*args, -1 if limit is None else limit, offset])
        return [_row_to_article(r) for r in rows]

    @staticmethod
    def _filters(*, lang: str | None, source: str | None, since: str | None, until: str | None,
                 duplicates: bool) -> tuple[str, list[object]]:
        clauses: list[str] = []
        args: list[object] = []
        if lang:
            clauses.append("lang = ?")
            args.append(lang)
        if source:
            clauses.append("(source = ? OR source LIKE ?)")
            args += [source, f"%.{source}"]
        if since:
            # a coarse date overlaps `since` when `since` starts with it
            clauses.append("(published >= ? OR ? LIKE published || '%')")
            args += [since, since]
        if until:
            # compare at `until`'s precision so the whole `until` day is included
            clauses.append("substr(published, 1, length(?)) <= ?")
            args += [until, until]
        if not duplicates:
            clauses.append("duplicate_of IS NULL")
        return ("WHERE " + " AND ".join(clauses)) if clauses else "", args

    def count_articles(self, **filters: object) -> int:
        where, args = self._filters(
            lang=filters.get("lang"), source=filters.get("source"), since=filters.get("since"),  # type: ignore[arg-type]
            until=filters.get("until"), duplicates=bool(filters.get("duplicates", True)),  # type: ignore[arg-type]
        )
        return int(self._db.execute(f"SELECT count(*) FROM articles {where}", args).fetchone()[0])

    def document_frequencies(self) -> dict[str, tuple[int, dict[str, int]]]:
        """``lang → (documents, term → document count)`` as the clusterer left them."""
        out: dict[str, tuple[int, dict[str, int]]] = {}
        for lang, n in self._db.execute("SELECT lang, n FROM df_docs").fetchall():
            counts = dict(self._db.execute("SELECT term, n FROM df_terms WHERE lang = ?", (lang,)).fetchall())
            out[lang] = (int(n), counts)
        return out

    # -- stories ----------------------------------------------------------------
    def resolve_story(self, story_id: str) -> str | None:
        """The current id of a story, following merge aliases."""
        if self._db.execute("SELECT 1 FROM stories WHERE id = ?", (story_id,)).fetchone():
            return story_id
        row = self._db.execute("SELECT story_id FROM story_aliases WHERE alias = ?", (story_id,)).fetchone()
        return row[0] if row else None

    def stories(self, *, since: str | None = None, until: str | None = None, lang: str | None = None,
                active_only: bool = False, limit: int | None = None, offset: int = 0,
                source: str | None = None, text: str | None = None, sort: str = "recent") -> list[dict[str, object]]:
        """Story summaries, most recently active first (``sort="size"``: largest first).

        ``source`` keeps stories with an article from that source (or a subdomain);
        ``text`` keeps stories with an article whose title or text matches (see ``fts_query``).
        """
        where, args = self._story_filters(since=since, until=until, lang=lang, active_only=active_only,
                                          source=source, text=text)
        order = _STORY_ORDER[sort]
        rows = self._db.execute(
            f"SELECT * FROM stories {where} ORDER BY {order} LIMIT ? OFFSET ?",
            [*args, -1 if limit is None else limit, offset],
        )
        return [self._story_dict(r) for r in rows]

    def count_stories(self, **filters: str | bool | None) -> int:
        """How many stories ``stories(**filters)`` would list without a limit."""
        where, args = self._story_filters(**filters)  # type: ignore[arg-type]
        return int(self._db.execute(f"SELECT count(*) FROM stories {where}", args).fetchone()[0])

    @staticmethod
    def _story_filters(*, since: str | None = None, until: str | None = None, lang: str | None = None,
                       active_only: bool = False, source: str | None = None,
                       text: str | None = None) -> tuple[str, list[object]]:
        clauses: list[str] = []
        args: list[object] = []
        if since:
            clauses.append("(last_seen >= ? OR ? LIKE last_seen || '%')")
            args += [since, since]
        if until:
            clauses.append("substr(first_seen, 1, length(?)) <= ?")
            args += [until, until]
        if lang:
            clauses.append("EXISTS (SELECT 1 FROM json_each(stories.langs) WHERE key = ?)")
            args.append(lang)
        if active_only:
            clauses.append("dormant = 0")
        if source:
            clauses.append(f"stories.id IN (SELECT g.story_id FROM articles a {_TO_STORY} "
                           "WHERE a.source = ? OR a.source LIKE ?)")
            args += [source, f"%.{source}"]
        if text:
            clauses.append(f"stories.id IN (SELECT g.story_id FROM articles_fts JOIN articles a "
                           f"ON a.rowid = articles_fts.rowid {_TO_STORY} WHERE articles_fts MATCH ?)")
            args.append(fts_query(text))
        return ("WHERE " + " AND ".join(clauses)) if clauses else "", args

    @staticmethod
    def _story_dict(r: sqlite3.Row) -> dict[str, object]:
        d = dict(r)
        d["langs"] = json.loads(d["langs"])
        d["top_names"] = json.loads(d["top_names"])
        d["dormant"] = bool(d["dormant"])
        return d

    def story(self, story_id: str) -> dict[str, object] | None:
        sid = self.resolve_story(story_id)
        if sid is None:
            return None
        row = self._db.execute("SELECT * FROM stories WHERE id = ?", (sid,)).fetchone()
        d = self._story_dict(row)
        d["aliases"] = [r[0] for r in self._db.execute("SELECT alias FROM story_aliases WHERE story_id = ? ORDER BY alias", (sid,))]
        return d

    def story_articles(self, story_id: str) -> list[Article]:
        """Articles of a story in stream order."""
        sid = self.resolve_story(story_id) or story_id
        rows = self._db.execute(
            f"SELECT {', '.join('a.' + c.strip() for c in _ARTICLE_COLUMNS.split(','))} FROM articles a "
            "JOIN memberships m ON m.article_id = a.id JOIN groups g ON g.id = m.group_id "
            "WHERE g.story_id = ? ORDER BY m.seq", (sid,),
        )
        return [_row_to_article(r) for r in rows]

    def story_of_articles(self) -> dict[str, str]:
        """article id → story id, for every clustered article."""
        return dict(self._db.execute(
            "SELECT m.article_id, g.story_id FROM memberships m JOIN groups g ON g.id = m.group_id"
        ).fetchall())

    # -- facts -------------------------------------------------------------------
    FIGURE_COLUMNS = ("category", "noun", "value_low", "value_high", "value_kind", "value_text", "magnitude",
                      "qualifier", "subject", "subject_text", "attribution", "attribution_text", "sentence",
                      "span_start", "span_end")

    def facts_pending(self, version: int, *, limit: int | None = None) -> list[str]:
        """Ids of articles not yet through fact extraction of ``version``."""
        rows = self._db.execute(
            "SELECT a.id FROM articles a LEFT JOIN facts_done f ON f.article_id = a.id "
            "WHERE f.article_id IS NULL OR f.version < ? ORDER BY a.id LIMIT ?",
            (version, -1 if limit is None else limit),
        )
        return [r[0] for r in rows]

    def write_facts(self, version: int, facts: dict[str, tuple[list[dict], list[dict]]]) -> None:
        """Replace the figures and names of each article (``id → (figures, names)``) in one transaction."""
        cols = self.FIGURE_COLUMNS
        with self.transaction() as db:
            for aid, (figs, names) in facts.items():
                db.execute("DELETE FROM figures WHERE article_id = ?", (aid,))
                db.execute("DELETE FROM article_names WHERE article_id = ?", (aid,))
                db.executemany(
                    f"INSERT INTO figures (article_id, {', '.join(cols)}) VALUES (?, {', '.join('?' * len(cols))})",
                    [(aid, *(f.get(c) for c in cols)) for f in figs],
                )
                db.executemany(
                    "INSERT INTO article_names (article_id, key, surface, kind, count, country) VALUES (?, ?, ?, ?, ?, ?)",
                    [(aid, n["key"], n["surface"], n["kind"], n["count"], n.get("country")) for n in names],
                )
                db.execute("INSERT OR REPLACE INTO facts_done (article_id, version) VALUES (?, ?)", (aid, version))

    def article_figures(self, article_ids: Sequence[str]) -> list[dict[str, object]]:
        """Stored figures of the given articles, in text order."""
        sql = "SELECT * FROM figures WHERE article_id IN ({marks}) ORDER BY article_id, span_start"
        return [dict(r) for r in self.rows_in(sql, article_ids)]

    def article_names(self, article_ids: Sequence[str]) -> list[dict[str, object]]:
        """Stored names of the given articles."""
        sql = "SELECT * FROM article_names WHERE article_id IN ({marks}) ORDER BY article_id, key"
        return [dict(r) for r in self.rows_in(sql, article_ids)]

    def rejections(self, *, limit: int | None = None) -> list[dict[str, object]]:
        rows = self._db.execute(
            "SELECT origin, reason, first_seen, last_seen, times FROM rejected ORDER BY last_seen DESC, id DESC LIMIT ?",
            (-1 if limit is None else limit,),
        )
        return [dict(r) for r in rows]

    def stats(self) -> dict[str, object]:
        """Counts for a summary: articles, duplicates, per language, rejections."""
        db = self._db
        return {
            "articles": db.execute("SELECT count(*) FROM articles").fetchone()[0],
            "duplicates": db.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0],
            "languages": dict(db.execute("SELECT lang, count(*) FROM articles GROUP BY lang ORDER BY count(*) DESC").fetchall()),
            "sources": db.execute("SELECT count(DISTINCT source) FROM articles").fetchone()[0],
            "rejected": db.execute("SELECT count(*) FROM rejected").fetchone()[0],
            "stories": db.execute("SELECT count(*) FROM stories").fetchone()[0],
            "clustered": db.execute("SELECT count(*) FROM memberships").fetchone()[0],
        }

    # -- watch (live monitoring) ---------------------------------------------------
    _WATCH_FEED_COLUMNS = ("etag", "last_modified", "failures", "next_poll", "last_polled", "last_ok", "last_error")

    def watch_feed_states(self) -> dict[str, dict[str, object]]:
        """``url → polling state`` of every feed the watcher has polled."""
        rows = self._db.execute(f"SELECT url, {', '.join(self._WATCH_FEED_COLUMNS)} FROM watch_feeds")
        return {r["url"]: {c: r[c] for c in self._WATCH_FEED_COLUMNS} for r in rows}

    def save_watch_feed(self, url: str, state: dict[str, object]) -> None:
        """Insert or replace the polling state of one feed (keys as in ``watch_feed_states``)."""
        cols = self._WATCH_FEED_COLUMNS
        with self.transaction() as db:
            db.execute(
                f"INSERT OR REPLACE INTO watch_feeds (url, {', '.join(cols)}) VALUES (?, {', '.join('?' * len(cols))})",
                (url, *(state.get(c) for c in cols)),
            )

    def watch_seen(self, keys: Sequence[str]) -> set[str]:
        """Which of ``keys`` (entry links or content hashes) the watcher has already taken."""
        return {r[0] for r in self.rows_in("SELECT key FROM watch_seen WHERE key IN ({marks})", keys)}

    def mark_watch_seen(self, feed: str, keys: Iterable[str]) -> None:
        with self.transaction() as db:
            db.executemany("INSERT OR IGNORE INTO watch_seen (key, feed, first_seen) VALUES (?, ?, ?)",
                           [(k, feed, utcnow()) for k in keys])

    # -- web app and HTTP API ----------------------------------------------------------
    def search(self, text: str, *, limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, object]]]:
        """Articles whose title or text match ``text`` (see ``fts_query``), best first.

        Returns ``(total matches, rows)``; each row has the article's metadata, its story id
        (None before clustering) and ``snippet``: text around the match with each hit
        between ``\\x02`` and ``\\x03`` (callers escape the text, then mark the hits).
        """
        query = fts_query(text)
        total = self._db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", (query,)).fetchone()[0]
        rows = self._db.execute(
            "SELECT a.id, a.title, a.lang, a.source, a.published, a.duplicate_of, g.story_id, "
            "snippet(articles_fts, 1, char(2), char(3), '…', 24) AS snippet "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            "LEFT JOIN memberships m ON m.article_id = a.id LEFT JOIN groups g ON g.id = m.group_id "
            "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 4.0, 1.0), a.id LIMIT ? OFFSET ?",
            (query, limit, offset),
        )
        return int(total), [dict(r) for r in rows]

    def stories_of(self, article_ids: Sequence[str]) -> dict[str, str]:
        """article id → story id, for the given articles that are clustered."""
        sql = "SELECT m.article_id, g.story_id FROM memberships m JOIN groups g ON g.id = m.group_id WHERE m.article_id IN ({marks})"
        return {r[0]: r[1] for r in self.rows_in(sql, article_ids)}

    def placements_since(self, seq: int, *, limit: int = 200) -> tuple[int, list[str]]:
        """Stories that gained articles after placement ``seq``: ``(newest seq, story ids)``.

        ``seq`` is the clusterer's stream counter (``memberships.seq``), so a client that
        remembers the newest seq it saw asks only for what changed since.
        """
        newest = self._db.execute("SELECT coalesce(max(seq), 0) FROM memberships").fetchone()[0]
        rows = self._db.execute(
            "SELECT g.story_id FROM memberships m JOIN groups g ON g.id = m.group_id WHERE m.seq > ? "
            "GROUP BY g.story_id ORDER BY max(m.seq) DESC LIMIT ?", (seq, limit),
        )
        return int(newest), [r[0] for r in rows]

    def story_aliases(self, story_ids: Sequence[str]) -> dict[str, list[str]]:
        """story id → the old ids merged into it."""
        out: dict[str, list[str]] = {}
        for r in self.rows_in("SELECT alias, story_id FROM story_aliases WHERE story_id IN ({marks}) ORDER BY alias",
                              story_ids):
            out.setdefault(r[1], []).append(r[0])
        return out

    def near_duplicates(self, article_id: str) -> list[Article]:
        """The other members of an article's near-duplicate family (its original and the copies)."""
        row = self._db.execute("SELECT coalesce(duplicate_of, id) FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return []
        rows = self._db.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE (id = ? OR duplicate_of = ?) AND id != ? "
            "ORDER BY published IS NULL, published, id", (row[0], row[0], article_id),
        )
        return [_row_to_article(r) for r in rows]

    def data_version(self) -> int:
        """SQLite's ``PRAGMA data_version``: changes whenever another connection (or process)
        commits to the database, so an unchanged value means cached reads are still right."""
        return int(self._db.execute("PRAGMA data_version").fetchone()[0])
