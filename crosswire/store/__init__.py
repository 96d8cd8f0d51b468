"""Store stage: where articles, rejections and (later) stories are kept."""

from __future__ import annotations

from pathlib import Path

from .sqlite import SQLiteStore, StoreError

__all__ = ["SQLiteStore", "StoreError", "open_store"]


def open_store(db: str | Path) -> SQLiteStore:
    """Open (creating and migrating as needed) the store named by ``db``.

    ``db`` is a path to an SQLite file (``sqlite:///path`` also works).
    """
    text = str(db)
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///"):]
    elif "://" in text:
        scheme = text.split("://", 1)[0]
        raise StoreError(f"unsupported database URL scheme {scheme!r} (use an SQLite file path)")
    return SQLiteStore(text)
