"""Exact re-ingests and near-duplicate marks across the whole input, as one machine would set them.

A single-machine run stores articles in input order and marks each one a copy
of the root of its most similar earlier stored article (MinHash estimate at or
above the threshold, among articles sharing an LSH band key). Here band keys
are grouped in Spark, similarities of candidate pairs computed in tasks, and
only the pairs above the threshold reach the driver, which resolves roots in
input order (each root depends on the earlier marks).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..model import Article
from ..settings import Settings
from ..text.dedup import NearDuplicateIndex
from .read import Order


def resolve_ids(occurrences: Iterable[tuple[Order, Article, list[int]]]) -> tuple[tuple[Order, Article, list[int]], int, int]:
    """The stored version of one id among its occurrences, with counts ``(unchanged, updated)``.

    As in ``Ingestor``: a later occurrence with the same content is an exact
    re-ingest, one with new content updates the article.
    """
    occ = sorted(occurrences, key=lambda o: o[0])
    winner, unchanged, updated = occ[0], 0, 0
    for o in occ[1:]:
        if o[1].content_hash == winner[1].content_hash:
            unchanged += 1
        else:
            winner, updated = o, updated + 1
    return winner, unchanged, updated


def bucket_pairs(members: Iterable[tuple[Order, str]]) -> Iterator[tuple[str, tuple[Order, str, Order]]]:
    """Every ``(later id, (later order, earlier id, earlier order))`` in one LSH bucket."""
    ms = sorted(members)
    for i in range(1, len(ms)):
        for j in range(i):
            yield ms[i][1], (ms[i][0], ms[j][1], ms[j][0])


def similar_pairs(winners, settings: Settings):
    """Candidate pairs at or above the duplicate threshold: an RDD of
    ``(later order, later id, earlier order, earlier id, similarity)``.

    ``winners`` is an RDD of ``(id, (order, Article, band keys))``.
    """
    threshold = settings.duplicate_threshold
    sigs = winners.mapValues(lambda v: v[1].minhash)
    pairs = (
        winners.flatMap(lambda kv: [(k, (kv[1][0], kv[0])) for k in kv[1][2]])
        .groupByKey()
        .flatMap(lambda kv: bucket_pairs(kv[1]))
        .distinct()
    )
    with_later = pairs.join(sigs).map(lambda kv: (kv[1][0][1], (kv[1][0][2], kv[0], kv[1][0][0], kv[1][1])))
    # (earlier id, ((earlier order, later id, later order, later sig), earlier sig))
    scored = with_later.join(sigs).map(lambda kv: (
        kv[1][0][2], kv[1][0][1], kv[1][0][0], kv[0],
        NearDuplicateIndex.similarity(NearDuplicateIndex.from_bytes(kv[1][0][3]), NearDuplicateIndex.from_bytes(kv[1][1])),
    ))
    return scored.filter(lambda r: r[4] >= threshold)


def resolve_marks(matches: Iterable[tuple[Order, str, Order, str, float]]) -> dict[str, str]:
    """``id → root`` of every near-copy, deciding articles in input order.

    The best match is the most similar earlier article (ties: the earliest); a
    copy points at that article's own root, so marks never chain.
    """
    best: dict[str, tuple[Order, float, Order, str]] = {}
    for later_order, later, earlier_order, earlier, sim in matches:
        cur = best.get(later)
        if cur is None or sim > cur[1] or (sim == cur[1] and earlier_order < cur[2]):
            best[later] = (later_order, sim, earlier_order, earlier)
    marks: dict[str, str] = {}
    for later, (_, _, _, earlier) in sorted(best.items(), key=lambda kv: kv[1][0]):
        marks[later] = marks.get(earlier, earlier)
    return marks
