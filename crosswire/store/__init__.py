"""Store stage: where articles, rejections, stories and facts are kept (SQLite or PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

from .base import BaseStore, StoreError
from .dialect import is_postgres_url
from .sqlite import SQLiteStore

__all__ = ["BaseStore", "SQLiteStore", "Store", "StoreError", "open_store"]

#: any store back-end (the API every one of them has)
Store = BaseStore


def open_store(db: str | Path) -> BaseStore:
    """Open (creating and migrating as needed) the store named by ``db``.

    ``postgresql://user:pass@host/db`` (or ``postgres://``) is a PostgreSQL database;
    anything else a path to an SQLite file (``sqlite:///path`` also works).
    """
    text = str(db)
    if is_postgres_url(text):
        from .postgres import PostgresStore

        return PostgresStore(text)
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///"):]
    elif "://" in text:
        scheme = text.split("://", 1)[0]
        raise StoreError(f"unsupported database URL scheme {scheme!r} (use an SQLite file path or "
                         "postgresql://user:pass@host/db)")
    return SQLiteStore(text)
