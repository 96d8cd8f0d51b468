"""Several processes on one SQLite store at once: each article placed once, the schema migrated once."""

from __future__ import annotations

from crosswire.cli import sample_path
from crosswire.pipeline import cluster_pending, ingest_paths
from crosswire.store import open_store

from .conftest import at_once


def _cluster(db: str, start, out) -> None:
    store = open_store(db)
    start.wait()  # both processes load the clusterer state at the same moment
    try:
        out.put(("ok", cluster_pending(store, link=False).placed))
    except Exception as exc:  # reported to the test, which names it
        out.put(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        store.close()


def test_two_processes_clustering_at_once_place_each_article_once(tmp_path):
    db = str(tmp_path / "c.db")
    store = open_store(db)
    ingest_paths([str(sample_path())], store)
    n = store.count_articles()
    store.close()
    results = at_once(_cluster, [(db,)] * 2)
    assert [r for r in results if r[0] == "error"] == []
    assert sorted(r[1] for r in results) == [0, n]  # one placed everything, the other found nothing left
    store = open_store(db)
    placed = store.db.execute("SELECT count(*), count(DISTINCT article_id) FROM memberships").fetchone()
    assert tuple(placed) == (n, n)
    store.close()


def _open_new(db: str, start, out) -> None:
    start.wait()  # every process finds the file new, or older than this crosswire
    try:
        with open_store(db) as s:
            out.put(("ok", s.schema_version))
    except Exception as exc:  # reported to the test, which names it
        out.put(("error", f"{type(exc).__name__}: {exc}"))


def test_processes_opening_a_new_sqlite_database_at_once_migrate_it_once(tmp_path):
    from crosswire.store.migrations import LATEST_VERSION

    for attempt in range(5):  # the race is narrow: try it a few times
        db = str(tmp_path / f"new{attempt}.db")
        results = at_once(_open_new, [(db,)] * 4)
        assert [r for r in results if r[0] == "error"] == []
        assert [r[1] for r in results] == [LATEST_VERSION] * 4
