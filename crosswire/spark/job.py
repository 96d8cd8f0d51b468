"""The Spark batch job: inputs → Parquet (articles, stories, figures, names, rejected) [→ database].

Stages (``run_job``):

1. **read** (one task per local file, or ``binaryFiles`` for URIs): the
   single-machine readers; every item numbered in input order.
2. **text** (parallel partitions): clean, ids, language, MinHash signature and
   LSH band keys (``Ingestor.prepare``; models cached per worker process).
3. **ids and near-duplicates**: occurrences of one id resolved as one machine
   would (re-ingest or update); band keys grouped, candidate pairs scored in
   tasks, marks resolved on the driver in input order (``dedup.py``).
4. **analyse** (parallel): parse for clustering, figures and names.
5. **stories**: time windows clustered in parallel, merged on the driver
   (``windows.py``).
6. **write**: Parquet under ``OUT_DIR``; with ``db``, the articles, facts and
   stories loaded into a crosswire SQLite store (``load.py``).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from pyspark import StorageLevel

from ..cluster.stream import order_key
from ..model import RawDoc, Rejection
from ..settings import DEFAULT_SETTINGS, Settings
from . import output
from .dedup import resolve_ids, resolve_marks, similar_pairs
from .read import is_uri, list_inputs, read_rdd
from .session import spark_session
from .stages import analyse, prepare_partition
from .windows import cluster_window, merge_windows, windows_of


@dataclass
class JobReport:
    """What one Spark run did; ``rejections`` in input order."""

    files: int = 0
    articles: int = 0
    unchanged: int = 0
    updated: int = 0
    duplicates: int = 0
    windows: int = 0
    stories: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    #: with a database: whether its stories (placed there by the streaming clusterer) equal the Parquet ones
    db_agrees: bool | None = None

    def counts(self) -> dict[str, object]:
        return {"files": self.files, "articles": self.articles, "unchanged": self.unchanged, "updated": self.updated,
                "duplicates": self.duplicates, "rejected": len(self.rejections), "windows": self.windows,
                "stories": self.stories, "seconds": {k: round(v, 2) for k, v in self.seconds.items()},
                "db_agrees": self.db_agrees}


def _out(out_dir: str, name: str) -> str:
    return f"{out_dir.rstrip('/')}/{name}" if is_uri(out_dir) else str(Path(out_dir).resolve() / name)


def run_job(
    inputs: Sequence[str],
    out_dir: str,
    *,
    spark=None,
    master: str | None = None,
    db: str | None = None,
    link: bool = True,
    settings: Settings = DEFAULT_SETTINGS,
    log: Callable[[str], None] | None = None,
) -> JobReport:
    """Run the whole batch pipeline over ``inputs``; ``log`` gets one line per rejection."""
    if settings.spark_window_days <= 0:
        raise ValueError("spark_window_days must be > 0")
    spark = spark or spark_session(master)
    sc = spark.sparkContext
    parts = settings.spark_partitions or 2 * sc.defaultParallelism
    report = JobReport()
    clock = time.monotonic()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.monotonic()
        report.seconds[stage] = now - clock
        clock = now

    # 1-2: read, text
    files, listed = list_inputs(sc, inputs)
    report.files = len(files)
    raw = read_rdd(sc, files, settings).persist(StorageLevel.MEMORY_AND_DISK)
    docs = raw.filter(lambda kv: isinstance(kv[1], RawDoc))
    prepared = docs.repartition(parts).mapPartitions(lambda it: prepare_partition(it, settings))
    prepared.persist(StorageLevel.MEMORY_AND_DISK)
    rejected = raw.filter(lambda kv: isinstance(kv[1], Rejection)).union(
        prepared.filter(lambda x: x[0] == "r").map(lambda x: x[1])
    ).collect()
    report.rejections = listed + [r for _, r in sorted(rejected, key=lambda kv: kv[0])]
    if log:
        for r in report.rejections:
            log(f"skipped: {r}")

    # 3: ids and near-duplicates
    resolved = (prepared.filter(lambda x: x[0] == "a").map(lambda x: (x[1][1].id, x[1]))
                .groupByKey(parts).mapValues(resolve_ids).persist(StorageLevel.MEMORY_AND_DISK))
    report.articles, report.unchanged, report.updated = resolved.map(lambda kv: (1, kv[1][1], kv[1][2])).fold(
        (0, 0, 0), lambda x, y: (x[0] + y[0], x[1] + y[1], x[2] + y[2]))
    winners = resolved.mapValues(lambda v: v[0])
    marks = sc.broadcast(resolve_marks(similar_pairs(winners, settings).collect()))
    report.duplicates = len(marks.value)
    raw.unpersist()
    lap("read_text_dedup")

    # 4: analyse
    def marked(v):
        order, a, keys = v
        a.duplicate_of = marks.value.get(a.id)
        return (*analyse(order, a), keys)

    analysed = winners.values().map(marked).persist(StorageLevel.MEMORY_AND_DISK)

    # 5: stories in windows
    latest = analysed.map(lambda an: an[2].span[0] if an[2].span else -math.inf).fold(-math.inf, max)
    prepared.unpersist()  # only now: ``analysed`` is cached, nothing upstream runs again
    resolved.unpersist()
    by_window = analysed.flatMap(lambda an: [
        (w, (owned, order_key(an[1]), an[1], an[2])) for w, owned in windows_of(an[2].span, settings, latest)
    ])
    # a window with replayed articles only would just replay decisions made already
    wins = sorted(by_window.filter(lambda kv: kv[1][0]).keys().distinct().collect())
    report.windows = len(wins)
    slot = {w: i for i, w in enumerate(wins)}  # one window per task: Spark balances tasks, not keys
    placed = (by_window.filter(lambda kv: kv[0] in slot).partitionBy(max(1, len(wins)), lambda w: slot[w])
              .mapPartitions(lambda it: _cluster_partition(it, settings, link)).collect())
    story, aliases = merge_windows(r[1:] for r in placed if r[0] == "m")
    report.stories = len(set(story.values()))
    lap("analyse_cluster")

    # 6: write
    story_of = sc.broadcast(story)
    alias_of: dict[str, list[str]] = {}
    for alias, sid in aliases.items():
        alias_of.setdefault(sid, []).append(alias)
    aliases_b = sc.broadcast(alias_of)
    write = lambda rdd, schema, name: spark.createDataFrame(rdd, schema).write.mode("overwrite").parquet(_out(out_dir, name))  # noqa: E731
    write(analysed.map(lambda an: output.article_row(an[1], story_of.value.get(an[1].id))), output.ARTICLES, "articles")
    write(analysed.flatMap(lambda an: [output.figure_row(an[1], story_of.value.get(an[1].id), f) for f in an[3]]),
          output.FIGURES, "figures")
    write(analysed.flatMap(lambda an: [output.name_row(an[1], n) for n in an[4]]), output.NAMES, "names")
    write(analysed.map(lambda an: (story_of.value[an[1].id], (order_key(an[1]), replace(an[1], text=""))))
          .groupByKey().map(lambda kv: output.story_row(kv[0], kv[1], aliases_b.value.get(kv[0], []))),
          output.STORIES, "stories")
    write(sc.parallelize([output.rejection_row(r) for r in report.rejections], 1), output.REJECTED, "rejected")
    lap("write")

    if db:
        from .load import load_store

        vectors = {r[1]: r[2] for r in placed if r[0] == "v"}
        report.db_agrees = load_store(db, inputs, analysed, story, vectors, report, settings=settings, link=link)
        lap("database")
    analysed.unpersist()
    for b in (marks, story_of, aliases_b):
        b.unpersist()
    return report


def _cluster_partition(items, settings: Settings, link: bool):
    """The one window of a partition (see ``partitionBy`` above), clustered."""
    rows = list(items)
    if rows:
        yield from cluster_window(rows[0][0], (v for _, v in rows), settings, link=link)
