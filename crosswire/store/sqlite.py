"""The SQLite article store (WAL mode; one transaction per ingest batch)."""

from __future__ import annotations

import re
import sqlite3
import time

try:
    import fcntl
except ImportError:  # not on Windows: there, jobs are not locked across processes
    fcntl = None  # type: ignore[assignment]
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .base import BaseStore, StoreError, utcnow
from .migrations import LATEST_VERSION, MIGRATIONS

__all__ = ["SQLiteStore", "StoreError", "fts_query", "utcnow"]

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


class SQLiteStore(BaseStore):
    """Articles, rejections and ingest runs in one SQLite file."""

    _SEARCH_FROM = "articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
    _SEARCH_WHERE = "articles_fts MATCH ?"
    _SEARCH_RANK = "bm25(articles_fts, 4.0, 1.0)"
    _SNIPPET = "snippet(articles_fts, 1, char(2), char(3), '…', 24)"
    _SEARCH_COUNT = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?"

    def __init__(self, path: str | Path) -> None:
        super().__init__()
        self.path = str(path)
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA busy_timeout=10000")
            self._use_wal()
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open database ({exc})") from None

    def _use_wal(self) -> None:
        """Switch to write-ahead logging. On a new file another process opening it at the same
        moment can hold the lock this needs, and SQLite then fails at once instead of calling
        the busy handler: retry for as long as the busy time-out would have waited."""
        for attempt in range(200):
            try:
                self.db.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or attempt == 199:
                    raise
                time.sleep(0.05)

    # -- schema -----------------------------------------------------------
    @property
    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

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
                # BEGIN IMMEDIATE holds the write lock: another process that opened the same new
                # file may have applied this version since ``current`` was read.
                if self.schema_version >= version:
                    continue
                pending = ""
                for piece in sql.split(";"):
                    pending += piece + ";"
                    if sqlite3.complete_statement(pending):
                        if pending.strip(" \n;"):
                            self.db.execute(pending)
                        pending = ""
                self.db.execute(f"PRAGMA user_version = {int(version)}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing: a batch is written whole or not at all."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        else:
            self.db.execute("COMMIT")

    def _acquire(self, name: str) -> Callable[[], None]:
        """A lock file beside the database holds the job lock (flock)."""
        if self.path == ":memory:" or fcntl is None:
            return lambda: None  # nothing else can open an in-memory database
        fh = open(f"{self.path}.{name}.lock", "a+b")
        try:
            fcntl.flock(fh, fcntl.LOCK_EX)
        except BaseException:
            fh.close()
            raise

        def release() -> None:
            try:
                fcntl.flock(fh, fcntl.LOCK_UN)
            finally:
                fh.close()

        return release

    def close(self) -> None:
        self.db.close()

    def _search_query(self, text: str) -> str:
        return fts_query(text)

    def data_version(self) -> int:
        """SQLite's ``PRAGMA data_version``: changes whenever another connection (or process)
        commits to the database, so an unchanged value means cached reads are still right."""
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])
