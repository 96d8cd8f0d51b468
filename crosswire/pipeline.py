"""The pipeline, as one linear function per job: ingest → text → store.

``ingest_paths`` reads every input, cleans and identifies each article, marks
near-duplicates and stores them batch by batch; each batch is one transaction,
so a run killed midway leaves a consistent store that a rerun completes.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from .ingest import InputFile, iter_inputs, read_input
from .model import Article, RawDoc, Rejection
from .settings import DEFAULT_SETTINGS, Settings
from .store import SQLiteStore
from .store.sqlite import utcnow
from .text.clean import clean_text, clean_title
from .text.dedup import NearDuplicateIndex
from .text.langid import LanguageIdentifier, normalise_code


@dataclass
class IngestReport:
    """What one run did; ``rejections`` lists every skipped input with its reason."""

    files: int = 0
    stored: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    stored_ids: list[str] = field(default_factory=list)

    @property
    def rejected(self) -> int:
        return len(self.rejections)

    def counts(self) -> dict[str, int]:
        return {"files": self.files, "stored": self.stored, "updated": self.updated,
                "unchanged": self.unchanged, "duplicates": self.duplicates, "rejected": self.rejected}


#: ``progress(event, report)`` with event ``"file"`` (a file was opened) or ``"batch"``
Progress = Callable[[str, IngestReport], None]

_WS = re.compile(r"\s+")
_SAFE_ID = re.compile(r"[^\w.:-]+")


def content_hash(title: str | None, text: str) -> str:
    """Hash of the normalised title and text: equal for exact re-ingests."""
    norm = _WS.sub(" ", f"{title or ''}\n{text}".casefold()).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:32]


def article_id(doc: RawDoc, chash: str) -> str:
    """A stable id: the declared id, else one derived from the URL, else from the content."""
    if doc.external_id:
        ext = _SAFE_ID.sub("-", doc.external_id.strip())[:200]
        if ext:
            return ext
    basis = doc.url.strip() if doc.url else chash
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


class Ingestor:
    """Turns raw documents into stored articles; holds the (costly) models once."""

    def __init__(self, store: SQLiteStore, *, settings: Settings = DEFAULT_SETTINGS) -> None:
        self.store = store
        self.settings = settings
        self.langid = LanguageIdentifier(
            languages=settings.languages, min_confidence=settings.min_lang_confidence,
            min_letters=settings.min_lang_letters, sample_chars=settings.lang_sample_chars,
            trust_declared=settings.trust_declared_lang,
        )
        self.dedup = NearDuplicateIndex(
            num_perm=settings.minhash_perm, bands=settings.lsh_bands,
            threshold=settings.duplicate_threshold, shingle_words=settings.shingle_words,
        )

    # -- text stage ---------------------------------------------------------
    def _prepare(self, docs: list[RawDoc], report: IngestReport) -> tuple[list[Article], list[Article]]:
        """Clean, identify and build articles; returns ``(new, updated)``.

        Exact re-ingests are recognised by id and content hash right after
        cleaning, before the costly language identification.
        """
        cleaned: list[tuple[RawDoc, str | None, str, str, str]] = []
        for doc in docs:
            title = clean_title(doc.title)
            text = clean_text(doc.text, title=title)
            if len(text) < self.settings.min_text_chars:
                report.rejections.append(Rejection(doc.origin, f"no article text ({len(text)} characters after cleaning)"))
                continue
            chash = content_hash(title, text)
            cleaned.append((doc, title, text, chash, article_id(doc, chash)))
        known = self.store.content_hashes([c[4] for c in cleaned])
        fresh = []
        seen: set[str] = set()
        for c in cleaned:
            if c[4] in seen or known.get(c[4]) == c[3]:
                report.unchanged += 1  # exact re-ingest (or the same record twice)
                continue
            seen.add(c[4])
            fresh.append(c)
        langs = self.langid.identify_many(
            [f"{t}\n\n{x}" if t else x for _, t, x, _, _ in fresh], [d.declared_lang for d, *_ in fresh]
        )
        new: list[Article] = []
        updated: list[Article] = []
        for (doc, title, text, chash, aid), (lang, conf) in zip(fresh, langs):
            article = Article(
                id=aid, url=doc.url, source=doc.source, lang=lang,
                lang_confidence=conf, published=doc.published, precision=doc.precision,
                title=title, text=text, origin=doc.origin, content_hash=chash,
                declared_lang=normalise_code(doc.declared_lang) or doc.declared_lang,
            )
            (updated if aid in known else new).append(article)
        return new, updated

    def prepare(self, docs: list[RawDoc], report: IngestReport) -> tuple[list[Article], list[Article]]:
        """The text stage alone (clean, ids, language), for engines that mark near-duplicates
        and store elsewhere (``crosswire.spark``); ``(new, updated)`` against this store."""
        return self._prepare(docs, report)

    # -- near-duplicates and store ---------------------------------------------
    def _store_batch(self, docs: list[RawDoc], rejections: list[Rejection], report: IngestReport) -> None:
        before = len(report.rejections)
        new, updated = self._prepare(docs, report)
        band_keys: dict[str, list[int]] = {}
        batch_index: dict[int, list[tuple[str, str | None, bytes]]] = {}
        for a in new + updated:
            sig = self.dedup.signature(a.text)
            a.minhash = self.dedup.to_bytes(sig)
            keys = self.dedup.band_keys(sig)
            band_keys[a.id] = keys
            candidates = {cid: (cid, dup, blob) for cid, dup, blob in self.store.lsh_candidates(keys) if cid != a.id}
            for k in keys:
                for cid, dup, blob in batch_index.get(k, ()):
                    candidates.setdefault(cid, (cid, dup, blob))
            roots = {cid: dup or cid for cid, dup, _ in candidates.values()}
            match = self.dedup.best_match(sig, ((cid, self.dedup.from_bytes(blob)) for cid, _, blob in candidates.values() if blob))
            a.duplicate_of = roots[match[0]] if match else None
            if a.duplicate_of == a.id:
                a.duplicate_of = None
            if a.duplicate_of:
                report.duplicates += 1
            for k in keys:
                batch_index.setdefault(k, []).append((a.id, a.duplicate_of, a.minhash))

        self.store.write_batch(new=new, updated=updated, band_keys=band_keys,
                               rejections=rejections + report.rejections[before:])
        report.stored += len(new)
        report.updated += len(updated)
        report.stored_ids.extend(a.id for a in new + updated)
        report.rejections[before:before] = rejections

    def ingest_docs(self, docs: Sequence[RawDoc], rejections: Sequence[Rejection] = ()) -> IngestReport:
        """Clean, identify, de-duplicate and store documents read elsewhere (feed entries,
        API posts), batch by batch; ``rejections`` are recorded with the first batch."""
        report = IngestReport()
        size = self.settings.batch_size
        for i in range(0, max(len(docs), 1 if rejections else 0), size):
            self._store_batch(list(docs[i : i + size]), list(rejections) if i == 0 else [], report)
        return report

    def ingest(self, inputs: Iterable[InputFile | Rejection], *, progress: Progress | None = None) -> IngestReport:
        """Read, clean, identify, de-duplicate and store everything in ``inputs``."""
        report = IngestReport()
        docs: list[RawDoc] = []
        rejections: list[Rejection] = []

        def flush() -> None:
            if docs or rejections:
                self._store_batch(docs, rejections, report)
                docs.clear()
                rejections.clear()
                if progress:
                    progress("batch", report)

        for inp in inputs:
            if isinstance(inp, Rejection):
                rejections.append(inp)
                continue
            report.files += 1
            if progress:
                progress("file", report)
            for item in read_input(inp, settings=self.settings):
                (rejections if isinstance(item, Rejection) else docs).append(item)  # type: ignore[arg-type]
                if len(docs) >= self.settings.batch_size:
                    flush()
        flush()
        return report


def ingest_paths(
    paths: Iterable[str],
    store: SQLiteStore,
    *,
    settings: Settings = DEFAULT_SETTINGS,
    progress: Progress | None = None,
) -> IngestReport:
    """The ingest job: every file, folder, glob or ``-`` in ``paths`` into ``store``."""
    paths = list(paths)
    run_id = store.start_run(paths)
    report = Ingestor(store, settings=settings).ingest(iter_inputs(paths), progress=progress)
    store.finish_run(run_id, report.counts())
    return report


@dataclass
class ClusterReport:
    """What one clustering pass did."""

    placed: int = 0
    linked: int = 0
    stories: int = 0


def cluster_pending(
    store: SQLiteStore,
    *,
    settings: Settings = DEFAULT_SETTINGS,
    link: bool = True,
    progress: Callable[[str, int, int], None] | None = None,
) -> ClusterReport:
    """The cluster job: place every stored article not yet in a story (in
    publication order), then link group representatives across languages."""
    # another process (web app, watcher, a second run) may cluster the same store: one at a
    # time, each from the state the previous one left
    with store.job_lock("cluster"):
        return _cluster_locked(store, settings=settings, link=link, progress=progress)


def _cluster_locked(store: SQLiteStore, *, settings: Settings, link: bool,
                    progress: Callable[[str, int, int], None] | None) -> ClusterReport:
    from .cluster.stream import StoryClusterer
    from .represent.parallel import parsed_chunks

    clusterer = StoryClusterer(store, settings=settings)
    ids = clusterer.pending()
    report = ClusterReport()
    chunks = (
        [a for a in (store.get_article(x) for x in ids[i : i + settings.batch_size]) if a is not None]
        for i in range(0, len(ids), settings.batch_size)
    )
    # a pool costs a fork and model loading in each worker: worth it for long runs only
    workers = settings.parse_workers if len(ids) >= settings.parse_pool_min else 0
    for chunk, parsed in parsed_chunks(chunks, workers=workers):
        clusterer.partial_fit(chunk, parsed)
        report.placed += len(chunk)
        if progress:
            progress("placed", report.placed, len(ids))
    if link:
        report.linked = clusterer.link(progress=(lambda d, t: progress("linked", d, t)) if progress else None)
    report.stories = int(store.stats()["stories"])  # type: ignore[arg-type]
    return report


def iter_docs(paths: Iterable[str], *, settings: Settings = DEFAULT_SETTINGS) -> Iterator[RawDoc | Rejection]:
    """Every raw document (and rejection) of ``paths``, without storing: for tools and tests."""
    for inp in iter_inputs(paths):
        if isinstance(inp, Rejection):
            yield inp
        else:
            yield from read_input(inp, settings=settings)
