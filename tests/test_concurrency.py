"""Two processes clustering one store at once place every article exactly once."""

from __future__ import annotations

import multiprocessing

from crosswire.cli import sample_path
from crosswire.pipeline import cluster_pending, ingest_paths
from crosswire.store import open_store


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
    ctx = multiprocessing.get_context("spawn")
    start, out = ctx.Barrier(2), ctx.Queue()
    procs = [ctx.Process(target=_cluster, args=(db, start, out)) for _ in range(2)]
    for p in procs:
        p.start()
    results = [out.get(timeout=300) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    assert [r for r in results if r[0] == "error"] == []
    assert sorted(r[1] for r in results) == [0, n]  # one placed everything, the other found nothing left
    store = open_store(db)
    placed = store.db.execute("SELECT count(*), count(DISTINCT article_id) FROM memberships").fetchone()
    assert tuple(placed) == (n, n)
    store.close()
