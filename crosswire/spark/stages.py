"""Per-partition work of the Spark job, done with the single-machine functions.

Everything here runs in executor (Python worker) processes. The costly models
(language detector, MinHash permutations, word lists, gazetteers) are built
once per process and kept in module-level caches; Spark reuses its Python
workers, so they load once per worker, never per record or per task.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..facts.stage import figure_rows, name_rows
from ..model import Article, RawDoc, Rejection
from ..pipeline import Ingestor, IngestReport
from ..represent.profile import Parsed, parse
from ..settings import Settings
from ..store import SQLiteStore
from .read import Order

_INGESTORS: dict[Settings, Ingestor] = {}


def ingestor(settings: Settings) -> Ingestor:
    """This process's Ingestor (language detector and MinHash), over an empty in-memory store:
    exact re-ingests are decided across the whole input by the job, not here."""
    if settings not in _INGESTORS:
        _INGESTORS[settings] = Ingestor(SQLiteStore(":memory:"), settings=settings)
    return _INGESTORS[settings]


#: an article of the text stage: ``(order, article with minhash, LSH band keys)``
Prepared = tuple[Order, Article, list[int]]


def prepare_partition(items: Iterable[tuple[Order, RawDoc]], settings: Settings
                      ) -> Iterator[tuple[str, Prepared | tuple[Order, Rejection]]]:
    """Clean, identify the language of and sign every document: ``("a", Prepared)``
    per article and ``("r", (order, Rejection))`` per document without text."""
    ing = ingestor(settings)
    batch: list[tuple[Order, RawDoc]] = []

    def flush() -> Iterator[tuple[str, Prepared | tuple[Order, Rejection]]]:
        # origins are unique per document, so they map results back to input places
        where = {}
        for order, doc in batch:
            where.setdefault(doc.origin, order)
        report = IngestReport()
        new, updated = ing.prepare([d for _, d in batch], report)
        for rej in report.rejections:
            yield "r", (where.get(rej.origin, batch[0][0]), rej)
        for a in new + updated:
            sig = ing.dedup.signature(a.text)
            a.minhash = ing.dedup.to_bytes(sig)
            yield "a", (where[a.origin], a, ing.dedup.band_keys(sig))
        batch.clear()

    for item in items:
        batch.append(item)
        if len(batch) >= settings.batch_size:
            yield from flush()
    if batch:
        yield from flush()


#: what the later stages need of an article: parse for clustering, figure and name rows
Analysed = tuple[Order, Article, Parsed, list[dict], list[dict]]


def analyse(order: Order, article: Article) -> Analysed:
    """Parse (lemmas, name keys, figures for clustering) and extract figures and names."""
    return order, article, parse(article), figure_rows(article), name_rows(article)
