"""What every store back-end shares: the store API and its SQL, written once.

The SQL here is portable between SQLite and PostgreSQL: ``?`` placeholders (the
PostgreSQL connection translates them), upserts as ``INSERT ... ON CONFLICT``, and
``RETURNING``. What differs (connection, migrations, transactions, job locks, full-text
search, JSON, limits, ``LIKE`` case) is a hook that each back-end fills in.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Any

from ..model import Article, Rejection

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
#: article columns an update (or a concurrent insert of the same id) replaces
_UPDATABLE = ("url", "source", "lang", "lang_confidence", "declared_lang", "published", "published_precision",
              "title", "text", "origin", "content_hash", "duplicate_of", "minhash")


class StoreError(RuntimeError):
    """The database cannot be opened or written."""


def utcnow() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _chunks(items: Sequence, size: int = _CHUNK) -> Iterator[Sequence]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _dates(clauses: list[str], args: list[object], since: str | None, until: str | None, *,
           first: str, last: str) -> None:
    """Add the ``since``/``until`` filters on a span from column ``first`` to ``last``.

    Dates compare at their own precision: a coarse date overlaps ``since`` when ``since``
    starts with it, and ``until`` compares at its precision, so its whole day is included.
    """
    if since:
        clauses.append(f"({last} >= ? OR ? LIKE {last} || '%')")
        args += [since, since]
    if until:
        clauses.append(f"substr({first}, 1, length(CAST(? AS TEXT))) <= ?")
        args += [until, until]


def _row_to_article(row: Any) -> Article:
    return Article(
        id=row["id"], url=row["url"], source=row["source"], lang=row["lang"],
        lang_confidence=row["lang_confidence"], declared_lang=row["declared_lang"],
        published=row["published"], precision=row["published_precision"], title=row["title"],
        text=row["text"], origin=row["origin"], content_hash=row["content_hash"],
        duplicate_of=row["duplicate_of"], ingested_at=row["ingested_at"],
    )


class BaseStore:
    """Articles, rejections, ingest runs, stories and facts in one database.

    ``db`` is the connection (``execute``/``executemany`` with ``?`` placeholders; rows
    addressable by index and by column name); SQL outside the store uses it, and
    ``transaction()`` for writes.
    """

    #: a description of the database for messages (never a password)
    path: str
    db: Any
    #: ``LIMIT`` with no bound
    _NO_LIMIT = "-1"
    #: ``LIKE`` that ignores ASCII case (SQLite's ``LIKE`` does)
    _LIKE = "LIKE"
    #: stories whose ``langs`` JSON object has the key ``?``
    _LANG_CLAUSE = "EXISTS (SELECT 1 FROM json_each(stories.langs) WHERE key = ?)"
    #: full-text search: FROM (articles as ``a``) and WHERE with one ``?``, the rank
    #: (ascending is best), the snippet (hits between \x02 and \x03) and the count query
    _SEARCH_FROM = ""
    _SEARCH_WHERE = ""
    _SEARCH_RANK = ""
    _SNIPPET = ""
    _SEARCH_COUNT = ""
    #: write articles in id order (needs ``duplicate_of`` checked at commit: a copy may sort
    #: before its original); not needed where one writer at a time holds the whole database
    _ID_ORDER = False

    def __init__(self) -> None:
        self._locks: dict[str, int] = {}  # job lock name -> depth held by this store object

    # -- back-end hooks ----------------------------------------------------------
    @property
    def schema_version(self) -> int:
        raise NotImplementedError

    def migrate(self) -> None:
        raise NotImplementedError

    def transaction(self) -> Any:
        """A context manager: all or nothing, yielding ``db``."""
        raise NotImplementedError

    def _acquire(self, name: str) -> Callable[[], None]:
        """Take the cross-process lock ``name`` (waiting for it); returns its release."""
        raise NotImplementedError

    def _search_query(self, text: str) -> str:
        """The bound value of the search WHERE/FROM for free text."""
        raise NotImplementedError

    def data_version(self) -> int:
        """A number that changes whenever another connection commits a change."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    # -- shared -------------------------------------------------------------------
    @contextmanager
    def job_lock(self, name: str) -> Iterator[None]:
        """Exclusive, across processes, for a job that reads state and writes it back
        (clustering): a second process waits instead of placing the same articles.

        Re-entrant for this store object.
        """
        if name in self._locks:
            self._locks[name] += 1
            try:
                yield
            finally:
                self._locks[name] -= 1
            return
        release = self._acquire(name)
        self._locks[name] = 1
        try:
            yield
        finally:
            del self._locks[name]
            release()

    def __enter__(self) -> BaseStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _page(self, limit: int | None, offset: int = 0) -> tuple[str, list[object]]:
        """``LIMIT ... OFFSET ?`` and its arguments (no bound when ``limit`` is None)."""
        if limit is None:
            return f"LIMIT {self._NO_LIMIT} OFFSET ?", [offset]
        return "LIMIT ? OFFSET ?", [limit, offset]

    def rows_in(self, sql: str, ids: Sequence[object], *params: object) -> Iterator[Any]:
        """Rows of ``sql`` (which holds ``{marks}`` inside ``IN (...)``) for ``ids``, queried in chunks
        below SQLite's parameter limit; ``params`` bind before the ids."""
        for chunk in _chunks(list(ids)):
            yield from self.db.execute(sql.format(marks=",".join("?" * len(chunk))), [*params, *chunk])

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
        """Store one ingest batch in a single transaction.

        Safe beside another writer: a "new" article that another process stored meanwhile
        is updated instead (when its content differs), and its band keys are replaced, not
        doubled. Where writers run side by side (``_ID_ORDER``), articles are written in id
        order, so two writers lock them in the same order and cannot deadlock.
        """
        band_keys = band_keys or {}
        now = utcnow()
        if self._ID_ORDER:
            new = sorted(new, key=lambda a: a.id)
            updated = sorted(updated, key=lambda a: a.id)
        upsert = ", ".join(f"{c} = excluded.{c}" for c in _UPDATABLE)
        with self.transaction() as db:
            db.executemany(
                f"INSERT INTO articles ({_ARTICLE_COLUMNS}, minhash) VALUES ({','.join('?' * 15)}) "
                f"ON CONFLICT (id) DO UPDATE SET {upsert}, updated_at = excluded.ingested_at "
                "WHERE articles.content_hash <> excluded.content_hash",
                [
                    (a.id, a.url, a.source, a.lang, a.lang_confidence, a.declared_lang, a.published,
                     a.precision, a.title, a.text, a.origin, a.content_hash, a.duplicate_of,
                     a.ingested_at or now, a.minhash)
                    for a in new
                ],
            )
            for a in updated:
                db.execute(
                    "UPDATE articles SET url=?, source=?, lang=?, lang_confidence=?, declared_lang=?, "
                    "published=?, published_precision=?, title=?, text=?, origin=?, content_hash=?, "
                    "duplicate_of=?, minhash=?, updated_at=? WHERE id=?",
                    (a.url, a.source, a.lang, a.lang_confidence, a.declared_lang, a.published, a.precision,
                     a.title, a.text, a.origin, a.content_hash, a.duplicate_of, a.minhash, now, a.id),
                )
            self._replace_bands(db, [a.id for a in [*new, *updated]],
                                [(k, aid) for aid, keys in sorted(band_keys.items()) for k in keys])
            db.executemany(
                "INSERT INTO rejected (origin, reason, first_seen, last_seen) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (origin, reason) DO UPDATE SET last_seen = excluded.last_seen, "
                "times = rejected.times + 1",
                [(r.origin, r.reason, now, now) for r in rejections],
            )

    def _replace_bands(self, db: Any, ids: Sequence[str], rows: Sequence[tuple[int, str]]) -> None:
        """Replace the LSH band keys of articles ``ids`` by ``rows`` (key, article id)."""
        db.executemany("DELETE FROM lsh_bands WHERE article_id = ?", [(i,) for i in ids])
        db.executemany("INSERT INTO lsh_bands (key, article_id) VALUES (?, ?)", rows)

    def start_run(self, inputs: Iterable[str]) -> int:
        with self.transaction() as db:
            row = db.execute("INSERT INTO runs (started_at, inputs) VALUES (?, ?) RETURNING id",
                             (utcnow(), "\n".join(inputs))).fetchone()
            return int(row[0])

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
                "INSERT INTO embeddings (article_id, model, vec) VALUES (?, ?, ?) "
                "ON CONFLICT (article_id) DO UPDATE SET model = excluded.model, vec = excluded.vec",
                [(aid, model, blob) for aid, blob in sorted(vecs.items())],
            )

    # -- queries --------------------------------------------------------------
    def get_article(self, article_id: str) -> Article | None:
        row = self.db.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)).fetchone()
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
        page, page_args = self._page(limit, offset)
        sql = f"SELECT {_ARTICLE_COLUMNS} FROM articles {where} ORDER BY published IS NULL, published, id {page}"
        return [_row_to_article(r) for r in self.db.execute(sql, [*args, *page_args])]

    def _filters(self, *, lang: str | None, source: str | None, since: str | None, until: str | None,
                 duplicates: bool) -> tuple[str, list[object]]:
        clauses: list[str] = []
        args: list[object] = []
        if lang:
            clauses.append("lang = ?")
            args.append(lang)
        if source:
            clauses.append(f"(source = ? OR source {self._LIKE} ?)")
            args += [source, f"%.{source}"]
        _dates(clauses, args, since, until, first="published", last="published")
        if not duplicates:
            clauses.append("duplicate_of IS NULL")
        return ("WHERE " + " AND ".join(clauses)) if clauses else "", args

    def count_articles(self, **filters: object) -> int:
        where, args = self._filters(
            lang=filters.get("lang"), source=filters.get("source"), since=filters.get("since"),  # type: ignore[arg-type]
            until=filters.get("until"), duplicates=bool(filters.get("duplicates", True)),  # type: ignore[arg-type]
        )
        return int(self.db.execute(f"SELECT count(*) FROM articles {where}", args).fetchone()[0])

    def document_frequencies(self) -> dict[str, tuple[int, dict[str, int]]]:
        """``lang → (documents, term → document count)`` as the clusterer left them."""
        out: dict[str, tuple[int, dict[str, int]]] = {}
        for lang, n in self.db.execute("SELECT lang, n FROM df_docs").fetchall():
            counts = {r[0]: r[1] for r in self.db.execute("SELECT term, n FROM df_terms WHERE lang = ?", (lang,))}
            out[lang] = (int(n), counts)
        return out

    # -- stories ----------------------------------------------------------------
    def resolve_story(self, story_id: str) -> str | None:
        """The current id of a story, following merge aliases."""
        if self.db.execute("SELECT 1 FROM stories WHERE id = ?", (story_id,)).fetchone():
            return story_id
        row = self.db.execute("SELECT story_id FROM story_aliases WHERE alias = ?", (story_id,)).fetchone()
        return row[0] if row else None

    def stories(self, *, since: str | None = None, until: str | None = None, lang: str | None = None,
                active_only: bool = False, limit: int | None = None, offset: int = 0,
                source: str | None = None, text: str | None = None, sort: str = "recent") -> list[dict[str, object]]:
        """Story summaries, most recently active first (``sort="size"``: largest first).

        ``source`` keeps stories with an article from that source (or a subdomain);
        ``text`` keeps stories with an article whose title or text matches (see ``search``).
        """
        where, args = self._story_filters(since=since, until=until, lang=lang, active_only=active_only,
                                          source=source, text=text)
        page, page_args = self._page(limit, offset)
        rows = self.db.execute(f"SELECT * FROM stories {where} ORDER BY {_STORY_ORDER[sort]} {page}",
                               [*args, *page_args])
        return [self._story_dict(r) for r in rows]

    def count_stories(self, **filters: str | bool | None) -> int:
        """How many stories ``stories(**filters)`` would list without a limit."""
        where, args = self._story_filters(**filters)  # type: ignore[arg-type]
        return int(self.db.execute(f"SELECT count(*) FROM stories {where}", args).fetchone()[0])

    def _story_filters(self, *, since: str | None = None, until: str | None = None, lang: str | None = None,
                       active_only: bool = False, source: str | None = None,
                       text: str | None = None) -> tuple[str, list[object]]:
        clauses: list[str] = []
        args: list[object] = []
        _dates(clauses, args, since, until, first="first_seen", last="last_seen")
        if lang:
            clauses.append(self._LANG_CLAUSE)
            args.append(lang)
        if active_only:
            clauses.append("dormant = 0")
        if source:
            clauses.append(f"stories.id IN (SELECT g.story_id FROM articles a {_TO_STORY} "
                           f"WHERE a.source = ? OR a.source {self._LIKE} ?)")
            args += [source, f"%.{source}"]
        if text:
            clauses.append(f"stories.id IN (SELECT g.story_id FROM {self._SEARCH_FROM} {_TO_STORY} "
                           f"WHERE {self._SEARCH_WHERE})")
            args.append(self._search_query(text))
        return ("WHERE " + " AND ".join(clauses)) if clauses else "", args

    @staticmethod
    def _story_dict(r: Any) -> dict[str, object]:
        d = dict(r)
        d["langs"] = json.loads(d["langs"])
        d["top_names"] = json.loads(d["top_names"])
        d["dormant"] = bool(d["dormant"])
        return d

    def story(self, story_id: str) -> dict[str, object] | None:
        sid = self.resolve_story(story_id)
        if sid is None:
            return None
        row = self.db.execute("SELECT * FROM stories WHERE id = ?", (sid,)).fetchone()
        d = self._story_dict(row)
        d["aliases"] = [r[0] for r in self.db.execute(
            "SELECT alias FROM story_aliases WHERE story_id = ? ORDER BY alias", (sid,))]
        return d

    def story_articles(self, story_id: str) -> list[Article]:
        """Articles of a story in stream order."""
        sid = self.resolve_story(story_id) or story_id
        rows = self.db.execute(
            f"SELECT {', '.join('a.' + c.strip() for c in _ARTICLE_COLUMNS.split(','))} FROM articles a "
            "JOIN memberships m ON m.article_id = a.id JOIN groups g ON g.id = m.group_id "
            "WHERE g.story_id = ? ORDER BY m.seq", (sid,),
        )
        return [_row_to_article(r) for r in rows]

    def story_of_articles(self) -> dict[str, str]:
        """article id → story id, for every clustered article."""
        return {r[0]: r[1] for r in self.db.execute(
            "SELECT m.article_id, g.story_id FROM memberships m JOIN groups g ON g.id = m.group_id")}

    # -- facts -------------------------------------------------------------------
    FIGURE_COLUMNS = ("category", "noun", "value_low", "value_high", "value_kind", "value_text", "magnitude",
                      "qualifier", "subject", "subject_text", "attribution", "attribution_text", "sentence",
                      "span_start", "span_end")

    def facts_pending(self, version: int, *, limit: int | None = None) -> list[str]:
        """Ids of articles not yet through fact extraction of ``version``."""
        page, page_args = self._page(limit)
        rows = self.db.execute(
            "SELECT a.id FROM articles a LEFT JOIN facts_done f ON f.article_id = a.id "
            f"WHERE f.article_id IS NULL OR f.version < ? ORDER BY a.id {page}", (version, *page_args),
        )
        return [r[0] for r in rows]

    def write_facts(self, version: int, facts: dict[str, tuple[list[dict], list[dict]]]) -> None:
        """Replace the figures and names of each article (``id → (figures, names)``) in one transaction.

        The article's ``facts_done`` row is written first: a second process writing facts of
        the same article waits on it, then replaces these rows rather than adding to them.
        """
        cols = self.FIGURE_COLUMNS
        with self.transaction() as db:
            for aid, (figs, names) in sorted(facts.items()):
                db.execute("INSERT INTO facts_done (article_id, version) VALUES (?, ?) "
                           "ON CONFLICT (article_id) DO UPDATE SET version = excluded.version", (aid, version))
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

    def article_figures(self, article_ids: Sequence[str]) -> list[dict[str, object]]:
        """Stored figures of the given articles, in text order."""
        sql = "SELECT * FROM figures WHERE article_id IN ({marks}) ORDER BY article_id, span_start"
        return [dict(r) for r in self.rows_in(sql, article_ids)]

    def article_names(self, article_ids: Sequence[str]) -> list[dict[str, object]]:
        """Stored names of the given articles."""
        sql = "SELECT * FROM article_names WHERE article_id IN ({marks}) ORDER BY article_id, key"
        return [dict(r) for r in self.rows_in(sql, article_ids)]

    def rejections(self, *, limit: int | None = None) -> list[dict[str, object]]:
        page, page_args = self._page(limit)
        rows = self.db.execute(
            f"SELECT origin, reason, first_seen, last_seen, times FROM rejected ORDER BY last_seen DESC, id DESC {page}",
            page_args,
        )
        return [dict(r) for r in rows]

    def stats(self) -> dict[str, object]:
        """Counts for a summary: articles, duplicates, per language, rejections."""
        db = self.db
        return {
            "articles": db.execute("SELECT count(*) FROM articles").fetchone()[0],
            "duplicates": db.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0],
            "languages": {r[0]: r[1] for r in db.execute(
                "SELECT lang, count(*) FROM articles GROUP BY lang ORDER BY count(*) DESC, lang")},
            "sources": db.execute("SELECT count(DISTINCT source) FROM articles").fetchone()[0],
            "rejected": db.execute("SELECT count(*) FROM rejected").fetchone()[0],
            "stories": db.execute("SELECT count(*) FROM stories").fetchone()[0],
            "clustered": db.execute("SELECT count(*) FROM memberships").fetchone()[0],
        }

    # -- watch (live monitoring) ---------------------------------------------------
    _WATCH_FEED_COLUMNS = ("etag", "last_modified", "failures", "next_poll", "last_polled", "last_ok", "last_error")

    def watch_feed_states(self) -> dict[str, dict[str, object]]:
        """``url → polling state`` of every feed the watcher has polled."""
        rows = self.db.execute(f"SELECT url, {', '.join(self._WATCH_FEED_COLUMNS)} FROM watch_feeds")
        return {r["url"]: {c: r[c] for c in self._WATCH_FEED_COLUMNS} for r in rows}

    def save_watch_feed(self, url: str, state: dict[str, object]) -> None:
        """Insert or replace the polling state of one feed (keys as in ``watch_feed_states``)."""
        cols = self._WATCH_FEED_COLUMNS
        with self.transaction() as db:
            db.execute(
                f"INSERT INTO watch_feeds (url, {', '.join(cols)}) VALUES (?, {', '.join('?' * len(cols))}) "
                f"ON CONFLICT (url) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in cols)}",
                (url, *(state.get(c) for c in cols)),
            )

    def watch_seen(self, keys: Sequence[str]) -> set[str]:
        """Which of ``keys`` (entry links or content hashes) the watcher has already taken."""
        return {r[0] for r in self.rows_in("SELECT key FROM watch_seen WHERE key IN ({marks})", keys)}

    def mark_watch_seen(self, feed: str, keys: Iterable[str], *, listed: Iterable[str] = (),
                        now: str | None = None) -> None:
        """Record ``keys`` as taken from ``feed``, and that ``listed`` keys (the feed's whole
        answer, taken earlier or now) were listed at ``now`` (UTC text; default: the present)."""
        now = now or utcnow()
        with self.transaction() as db:
            db.executemany("INSERT INTO watch_seen (key, feed, first_seen, last_seen) VALUES (?, ?, ?, ?) "
                           "ON CONFLICT DO NOTHING", [(k, feed, now, now) for k in sorted(keys)])
            db.executemany("UPDATE watch_seen SET last_seen = ? WHERE key = ? AND last_seen < ?",
                           [(now, k, now) for k in sorted(set(listed))])

    def forget_watch_seen(self, before: str) -> int:
        """Forget the entries no feed has listed since ``before`` (UTC text); returns how many."""
        with self.transaction() as db:
            return db.execute("DELETE FROM watch_seen WHERE last_seen < ?", (before,)).rowcount

    # -- web app and HTTP API ----------------------------------------------------------
    def search(self, text: str, *, limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, object]]]:
        """Articles whose title or text contain every word of ``text`` (the last one as a
        prefix), best first; words are read as plain words, never as query syntax.

        Returns ``(total matches, rows)``; each row has the article's metadata, its story id
        (None before clustering) and ``snippet``: text around the match with each hit
        between ``\\x02`` and ``\\x03`` (callers escape the text, then mark the hits).
        """
        query = self._search_query(text)
        total = self.db.execute(self._SEARCH_COUNT, (query,)).fetchone()[0]
        rows = self.db.execute(
            "SELECT a.id, a.title, a.lang, a.source, a.published, a.duplicate_of, g.story_id, "
            f"{self._SNIPPET} AS snippet FROM {self._SEARCH_FROM} "
            "LEFT JOIN memberships m ON m.article_id = a.id LEFT JOIN groups g ON g.id = m.group_id "
            f"WHERE {self._SEARCH_WHERE} ORDER BY {self._SEARCH_RANK}, a.id LIMIT ? OFFSET ?",
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
        newest = self.db.execute("SELECT coalesce(max(seq), 0) FROM memberships").fetchone()[0]
        rows = self.db.execute(
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
        row = self.db.execute("SELECT coalesce(duplicate_of, id) FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return []
        rows = self.db.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE (id = ? OR duplicate_of = ?) AND id != ? "
            "ORDER BY published IS NULL, published, id", (row[0], row[0], article_id),
        )
        return [_row_to_article(r) for r in rows]
