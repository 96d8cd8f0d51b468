"""The PostgreSQL store: the same API and SQL as the SQLite one (``base.py``), for several
processes (ingest runs, the web app, the watcher) writing one database at once.

The connection is in autocommit mode; ``transaction()`` opens an explicit one. Jobs that
read state and write it back (clustering) hold a session advisory lock on a connection of
their own, so the lock outlives any failed transaction and dies with the process.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from .base import BaseStore, StoreError
from .dialect import mask_url, to_pyformat
from .pg_migrations import LATEST_PG_VERSION, PG_MIGRATIONS, SEARCH_CONFIG

try:
    import psycopg
    from psycopg.types.string import StrDumperUnknown
except ImportError:  # reported when a PostgreSQL URL is opened
    psycopg = None  # type: ignore[assignment]
    StrDumperUnknown = object  # type: ignore[assignment,misc]

_WORD = re.compile(r"\w+")
#: advisory lock that serialises migrations of one database
_MIGRATE_LOCK = "migrate"


def _lock_key(name: str) -> int:
    """A signed 64-bit advisory lock key for a job name (per database, as all advisory locks)."""
    return int.from_bytes(hashlib.sha256(f"crosswire:{name}".encode()).digest()[:8], "big", signed=True)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def ts_query(text: str) -> str:
    """A ``to_tsquery`` query from free text: every word must occur (the last one as a prefix).

    Each word is quoted, so tsquery syntax in user input (``&``, ``|``, ``!``, ``:*``) is
    read as plain words and cannot make the query fail; no words match nothing.
    """
    words = _WORD.findall(text)
    if not words:
        return ""
    return " & ".join(f"'{w}'" for w in words[:-1]) + (" & " if len(words) > 1 else "") + f"'{words[-1]}':*"


class Row(tuple):
    """A result row addressable by index and by column name, like ``sqlite3.Row``."""

    def __new__(cls, values: Sequence[Any], index: dict[str, int]) -> Row:
        row = super().__new__(cls, values)
        row._index = index  # type: ignore[attr-defined]
        return row

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])  # type: ignore[attr-defined]
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._index)  # type: ignore[attr-defined]


def _row_factory(cursor: Any) -> Callable[[Sequence[Any]], Any]:
    if cursor.description is None:
        return tuple
    index = {c.name: i for i, c in enumerate(cursor.description)}
    return lambda values: Row(values, index)


class _NulFreeStr(StrDumperUnknown):  # type: ignore[misc,valid-type]
    """PostgreSQL text cannot hold NUL characters (SQLite's can): they are dropped."""

    def dump(self, obj: str) -> Any:
        return super().dump(obj.replace("\x00", "") if "\x00" in obj else obj)


class PgConnection:
    """A psycopg connection used like an ``sqlite3`` one: ``?`` placeholders, rows by name
    and index, and database errors raised as ``StoreError`` naming the database."""

    def __init__(self, url: str, label: str) -> None:
        self.label = label
        try:
            self.raw = psycopg.connect(url, autocommit=True, row_factory=_row_factory,
                                       connect_timeout=10, application_name="crosswire")
        except psycopg.Error as exc:
            raise StoreError(f"{label}: cannot open database ({_one_line(exc)})") from None
        self.raw.adapters.register_dumper(str, _NulFreeStr)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        try:
            return self.raw.execute(to_pyformat(sql), params)
        except psycopg.Error as exc:
            raise StoreError(f"{self.label}: {_one_line(exc)}") from exc

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        rows = list(rows)
        if not rows:
            return
        try:
            with self.raw.cursor() as cur:
                cur.executemany(to_pyformat(sql), rows)
        except psycopg.Error as exc:
            raise StoreError(f"{self.label}: {_one_line(exc)}") from exc

    def script(self, sql: str) -> None:
        """Run several statements (no parameters), e.g. a migration."""
        try:
            self.raw.execute(sql.encode("utf-8"))  # bytes: sent as is, no placeholder parsing
        except psycopg.Error as exc:
            raise StoreError(f"{self.label}: {_one_line(exc)}") from exc

    def close(self) -> None:
        self.raw.close()


class PostgresStore(BaseStore):
    """Articles, rejections, runs, stories and facts in one PostgreSQL database."""

    _NO_LIMIT = "ALL"
    _LIKE = "ILIKE"
    _LANG_CLAUSE = "(stories.langs::jsonb -> CAST(? AS TEXT)) IS NOT NULL"
    _SEARCH_FROM = f"articles a CROSS JOIN to_tsquery('{SEARCH_CONFIG}', ?) AS q(q)"
    _SEARCH_WHERE = "a.search_vector @@ q.q"
    # title 4 : text 1, as SQLite's bm25(articles_fts, 4.0, 1.0); weights are {D, C, B, A}
    _SEARCH_RANK = "ts_rank('{0.25, 0.25, 0.25, 1.0}', a.search_vector, q.q) DESC"
    _SNIPPET = (f"ts_headline('{SEARCH_CONFIG}', a.text, q.q, 'StartSel=' || chr(2) || ', StopSel=' || chr(3) || "
                "', MaxWords=24, MinWords=12, ShortWord=0, MaxFragments=1, FragmentDelimiter=\" … \"')")
    _SEARCH_COUNT = f"SELECT count(*) FROM {_SEARCH_FROM} WHERE {_SEARCH_WHERE}"
    _ID_ORDER = True

    def __init__(self, url: str) -> None:
        super().__init__()
        self._url = url
        self.path = mask_url(url)
        if psycopg is None:
            raise StoreError(f"{self.path}: cannot open database (the psycopg driver is not installed: "
                             "pip install 'psycopg[binary]')")
        self.db = PgConnection(url, self.path)
        try:
            self.migrate()
        except BaseException:
            self.db.close()
            raise

    # -- schema -----------------------------------------------------------
    @property
    def schema_version(self) -> int:
        if self.db.execute("SELECT to_regclass('crosswire_schema')").fetchone()[0] is None:
            return 0
        row = self.db.execute("SELECT max(version) FROM crosswire_schema").fetchone()
        return int(row[0] or 0)

    def migrate(self) -> None:
        """Apply every migration newer than the database, each in its own transaction,
        under an advisory lock: two processes opening a new database migrate it once."""
        current = self.schema_version
        if current > LATEST_PG_VERSION:
            raise StoreError(f"{self.path}: schema version {current} is newer than this crosswire "
                             f"({LATEST_PG_VERSION})")
        for version, sql in PG_MIGRATIONS:
            if version <= current:
                continue
            with self.transaction() as db:
                db.execute("SELECT pg_advisory_xact_lock(?)", (_lock_key(_MIGRATE_LOCK),))
                db.execute("CREATE TABLE IF NOT EXISTS crosswire_schema (version BIGINT NOT NULL)")
                done = db.execute("SELECT coalesce(max(version), 0) FROM crosswire_schema").fetchone()[0]
                if version <= done:
                    continue  # another process got here first
                db.script(sql)
                db.execute("DELETE FROM crosswire_schema")
                db.execute("INSERT INTO crosswire_schema (version) VALUES (?)", (version,))

    @contextmanager
    def transaction(self) -> Iterator[PgConnection]:
        """All or nothing: a batch is written whole or not at all. Not nestable (as in SQLite,
        where a second BEGIN fails; PostgreSQL would only warn, then commit the outer one early)."""
        if self.db.raw.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
            raise StoreError(f"{self.path}: a transaction is already open on this connection")
        self.db.execute("BEGIN")
        try:
            yield self.db
        except BaseException:
            try:
                self.db.execute("ROLLBACK")
            except StoreError:
                pass  # the connection is gone: the server rolled back
            raise
        else:
            self.db.execute("COMMIT")

    def _acquire(self, name: str) -> Callable[[], None]:
        """A session advisory lock on a connection of its own (released when it closes)."""
        lock = PgConnection(self._url, self.path)
        try:
            lock.execute("SELECT pg_advisory_lock(?)", (_lock_key(name),))
        except BaseException:
            lock.close()
            raise
        return lock.close

    def close(self) -> None:
        self.db.close()

    def _replace_bands(self, db: Any, ids: Sequence[str], rows: Sequence[tuple[int, str]]) -> None:
        """As the base, in two statements over arrays instead of one round trip per row."""
        db.execute("DELETE FROM lsh_bands WHERE article_id = ANY(CAST(? AS TEXT[]))", (list(ids),))
        if rows:
            db.execute("INSERT INTO lsh_bands (key, article_id) SELECT * FROM unnest(CAST(? AS BIGINT[]), "
                       "CAST(? AS TEXT[]))", ([r[0] for r in rows], [r[1] for r in rows]))

    def _search_query(self, text: str) -> str:
        return ts_query(text)

    def data_version(self) -> int:
        """Changes whenever a transaction that wrote anything ends, here or elsewhere: the
        current snapshot (its horizon and the transactions still running) names exactly
        which writes a read can see, so an unchanged one means cached reads are still right."""
        snap = self.db.execute("SELECT pg_current_snapshot()::text").fetchone()[0]
        return int.from_bytes(hashlib.blake2b(snap.encode(), digest_size=8).digest(), "big")
