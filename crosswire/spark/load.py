"""Load a Spark run into a crosswire SQLite store through the store's own API.

Articles, band keys, rejections and facts are written as ``crosswire run``
writes them. Stories in a store are the streaming clusterer's state (groups,
representatives, term statistics) that later runs continue from, and only the
clusterer itself writes that state consistently; so the store's articles are
placed by ``StoryClusterer`` with the parses made in Spark and the
representatives' vectors the windows already computed (no re-parsing, no
re-embedding), and the result is checked against the Parquet stories.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..cluster.stream import StoryClusterer
from ..facts.stage import EXTRACTOR_VERSION
from ..represent.dense import MODEL_NAME
from ..settings import Settings
from ..store import SQLiteStore

if TYPE_CHECKING:
    from .job import JobReport


def same_partition(a: dict[str, str], b: dict[str, str]) -> bool:
    """Whether two ``item → cluster`` maps group the same items together (ids aside)."""
    def blocks(m: dict[str, str]) -> set[frozenset[str]]:
        out: dict[str, set[str]] = {}
        for item, c in m.items():
            out.setdefault(c, set()).add(item)
        return {frozenset(s) for s in out.values()}

    return a.keys() == b.keys() and blocks(a) == blocks(b)


def load_store(db: str, inputs: Sequence[str], analysed, story: dict[str, str], vectors: dict[str, bytes],
               report: JobReport, *, settings: Settings, link: bool) -> bool:
    """Write everything into the store at ``db``; returns whether its stories equal ``story``.

    ``analysed`` is the job's RDD of ``(order, article, parsed, figures, names, band keys)``;
    it reaches the driver one partition at a time, in input order.
    """
    parsed = {}
    with SQLiteStore(db) as store:
        run_id = store.start_run(inputs)
        pending_rejections = list(report.rejections)
        batch: list = []

        def flush() -> None:
            arts = [an[1] for an in batch]
            known = store.content_hashes([a.id for a in arts])
            store.write_batch(
                new=[a for a in arts if a.id not in known],
                updated=[a for a in arts if a.id in known and known[a.id] != a.content_hash],
                band_keys={an[1].id: an[5] for an in batch if known.get(an[1].id) != an[1].content_hash},
                rejections=pending_rejections,
            )
            pending_rejections.clear()
            store.write_facts(EXTRACTOR_VERSION, {an[1].id: (an[3], an[4]) for an in batch})
            batch.clear()

        for an in analysed.sortBy(lambda an: an[0]).toLocalIterator():
            batch.append(an)
            parsed[an[1].id] = an[2]
            if len(batch) >= settings.batch_size:
                flush()
        if batch or pending_rejections:
            flush()
        store.put_embeddings(vectors, MODEL_NAME)
        clusterer = StoryClusterer(store, settings=settings)
        ids = clusterer.pending()
        for i in range(0, len(ids), settings.batch_size):
            arts = [a for a in (store.get_article(x) for x in ids[i : i + settings.batch_size]) if a is not None]
            clusterer.partial_fit(arts, parsed)
        if link:
            clusterer.link()
        store.finish_run(run_id, {"stored": report.articles, "updated": report.updated, "unchanged": report.unchanged,
                                  "duplicates": report.duplicates, "rejected": len(report.rejections), "files": report.files})
        placed = store.story_of_articles()
    return same_partition({k: v for k, v in placed.items() if k in story}, story)
