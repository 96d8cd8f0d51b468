"""The watch loop: poll due feeds, read settled files of the drop folders, then
place every new article in a story (and link a bounded number across languages)
in the same round.

Feed state (ETag, Last-Modified, failures, next poll) and the entries already
taken live in the store, so a restart resumes where the last run stopped and
takes nothing twice. A feed's state is saved only after its new entries are
stored, so a crash in between makes the next run read the feed again (and the
store recognises what it already holds).
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from email.message import Message
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from ..ingest import iter_inputs
from ..ingest.decode import DecodeError, decode
from ..ingest.feed import read_feed
from ..ingest.html import extract_page
from ..ingest.plaintext import FormatError
from ..ingest.sniff import sniff
from ..model import RawDoc, Rejection
from ..pipeline import IngestReport, Ingestor, cluster_pending, content_hash
from ..settings import DEFAULT_SETTINGS, Settings
from ..store import Store, StoreError
from .feedlist import Feed, FeedLineError, check_url
from .fetch import FetchError, FetchPolicy, Resolver, Response, fetch, resolve
from .folders import DropFolder
from .schedule import FeedState, HostLimiter

Log = Callable[[str], None]


class FeedProblem(Exception):
    """A feed that answered, but with nothing usable (HTML, broken XML, no entries)."""


@dataclass
class WatchReport:
    """What one or more rounds did; ``problems`` holds every line logged as a problem."""

    rounds: int = 0
    polled: int = 0
    not_modified: int = 0
    failed: int = 0
    pages: int = 0
    stored: int = 0
    updated: int = 0
    files_done: int = 0
    files_failed: int = 0
    placed: int = 0
    linked: int = 0
    problems: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {k: v for k, v in vars(self).items() if isinstance(v, int)}


def _content_charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    msg = Message()
    msg["Content-Type"] = content_type
    return msg.get_param("charset")  # type: ignore[return-value]


def entry_key(doc: RawDoc) -> str:
    """What makes a feed entry the same entry on the next poll: its link, else its content."""
    return doc.url.strip() if doc.url and doc.url.strip() else "sha:" + content_hash(doc.title, doc.text)


class Watcher:
    """Follows ``feeds`` and drop folders ``dirs`` into ``store``; see :func:`watch`."""

    def __init__(
        self,
        store: Store,
        feeds: Sequence[Feed] = (),
        dirs: Sequence[str | Path] = (),
        *,
        settings: Settings = DEFAULT_SETTINGS,
        every: float | None = None,
        allow_private: bool = False,
        link: bool = True,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] | None = None,
        stop: threading.Event | None = None,
        log: Log | None = None,
        info: Log | None = None,
        resolver: Resolver = resolve,
    ) -> None:
        self.store = store
        self.feeds = list(feeds)
        self.settings = settings
        self.every = every or settings.watch_every_seconds
        self.link = link
        self.clock = clock
        self.stop = stop or threading.Event()
        self.sleep = sleep or (lambda s: self.stop.wait(max(0.0, s)) and None)
        self._log = log or (lambda line: None)
        self._info = info or (lambda line: None)
        self.resolver = resolver
        self.policy = FetchPolicy.from_settings(settings, allow_private=allow_private)
        self.limiter = HostLimiter(settings.watch_host_interval_seconds, clock=clock, sleep=self.sleep)
        self.folders = [DropFolder(d, settle=settings.watch_settle_seconds, clock=clock) for d in dirs]
        self.ingestor = Ingestor(store, settings=settings)
        saved = store.watch_feed_states()
        self.states = {f.url: FeedState.from_row(saved.get(f.url)) for f in self.feeds}
        self._embedder = None
        # articles or representatives may wait from an earlier run; later, only new articles make work
        self._unplaced = self._link_backlog = True
        self._report = WatchReport()

    # -- helpers --------------------------------------------------------------
    def _problem(self, line: str) -> None:
        self._report.problems.append(line)
        self._log(line)

    def _interval(self, feed: Feed) -> float:
        return feed.every or self.every

    def _get(self, url: str, **conditional: str | None) -> Response:
        self.limiter.wait(urlsplit(url).hostname or "")
        return fetch(url, policy=self.policy, resolver=self.resolver, **conditional)

    def _store(self, docs: list[RawDoc], rejections: list[Rejection]) -> IngestReport:
        """Clean, identify, de-duplicate and store ``docs`` as ``crosswire ingest`` does."""
        report = self.ingestor.ingest_docs(docs, rejections)
        for r in report.rejections:
            self._problem(f"skipped: {r}")
        self._report.stored += report.stored
        self._report.updated += report.updated
        return report

    # -- feeds ------------------------------------------------------------------
    def _needs_page(self, doc: RawDoc) -> bool:
        """A short entry (a summary) with a link: its page holds the article."""
        return bool(doc.url) and len(doc.text) < self.settings.watch_summary_chars

    def _full_text(self, doc: RawDoc) -> RawDoc:
        """The entry with the text of its linked page (the summary if the page fails or says less)."""
        assert doc.url
        try:
            check_url(doc.url)
            resp = self._get(doc.url)
            page = extract_page(decode(resp.body, declared=_content_charset(resp.content_type)),
                                origin=doc.origin, url=doc.url)
        except Exception as exc:  # a bad page costs its entry the full text, never the feed
            self._problem(f"page {doc.url} ({doc.origin}): {_reason(exc)}; the feed's summary is kept")
            return doc
        self._report.pages += 1
        if len(page.text) <= len(doc.text):
            return doc
        return replace(
            doc, text=page.text, title=doc.title or page.title, source=doc.source or page.source,
            declared_lang=doc.declared_lang or page.declared_lang, origin=f"{doc.origin} ({doc.url})",
            published=doc.published or page.published,
            precision=doc.precision if doc.published else page.precision,
        )

    def _take_feed(self, feed: Feed, resp: Response) -> bool:
        """Store the new entries of a fetched feed; False if interrupted before all were taken."""
        fmt = sniff("", resp.body[:4096])  # by content: a URL ending in .rss may still serve HTML
        if fmt in ("html", "json", "jsonl", "warc", "gzip"):
            what = {"html": "an HTML page", "json": "JSON", "jsonl": "JSON"}.get(fmt, fmt)
            raise FeedProblem(f"not a feed: the server sent {what} ({resp.content_type or 'no Content-Type'})")
        if not resp.body.strip():
            raise FeedProblem("empty response")
        items = list(read_feed(resp.body, name=feed.url))
        docs = [d for d in items if isinstance(d, RawDoc)]
        rejections = [r for r in items if isinstance(r, Rejection)]
        if not docs:
            raise FeedProblem(rejections[0].reason if rejections else "feed has no entries")
        fresh: dict[str, RawDoc] = {}
        for doc in docs:
            doc = replace(doc, url=urljoin(resp.url, doc.url.strip()) if doc.url else None,  # relative links
                          source=feed.source or doc.source, declared_lang=feed.lang or doc.declared_lang)
            fresh.setdefault(entry_key(doc), doc)
        for key in self.store.watch_seen(list(fresh)):
            del fresh[key]
        taken: dict[str, RawDoc] = {}
        complete = True
        for key, doc in fresh.items():
            if self._needs_page(doc):
                if self.stop.is_set():  # stopping: no more page fetches; the feed is read again next run
                    complete = False
                    continue
                doc = self._full_text(doc)
            taken[key] = doc
        report = self._store(list(taken.values()), rejections)
        self.store.mark_watch_seen(feed.url, taken)
        if taken:
            self._info(f"{feed.url}: {len(taken)} new entries of {len(docs)}: {report.stored} articles stored, "
                       f"{report.updated} updated")
        return complete

    def _poll(self, feed: Feed, state: FeedState) -> None:
        interval = self._interval(feed)
        self._report.polled += 1
        try:
            resp = self._get(feed.url, etag=state.etag, last_modified=state.last_modified)
            if resp.status == 304:
                self._report.not_modified += 1
                complete = True
            else:
                complete = self._take_feed(feed, resp)
            if complete:
                state.succeeded(self.clock(), interval, etag=resp.etag, last_modified=resp.last_modified)
            # interrupted: state unchanged, so the next run fetches the whole feed again
        except (StoreError, sqlite3.Error):
            raise  # the store is broken: no point going on
        except Exception as exc:  # one bad feed must not stop the others
            reason = _reason(exc)
            retry = exc.retry_after if isinstance(exc, FetchError) else None
            delay = state.failed(self.clock(), interval, self.settings.watch_backoff_cap_seconds, reason, retry_after=retry)
            self._report.failed += 1
            self.store.write_batch(rejections=[Rejection(feed.url, reason)])
            self._problem(f"failed: {feed.url}: {reason}; next try in {_duration(delay)} (failure {state.failures})")
        self.store.save_watch_feed(feed.url, state.to_row())

    # -- folders ------------------------------------------------------------------
    def _take_file(self, folder: DropFolder, path: Path) -> None:
        """Ingest one settled file and move it to done/ or failed/."""
        try:
            report = self.ingestor.ingest(list(iter_inputs([str(path)])))
        except (StoreError, sqlite3.Error):
            raise
        except Exception as exc:  # readers reject bad input themselves; this is a bug, kept to this file
            report = IngestReport(rejections=[Rejection(str(path), _reason(exc))])
        self._report.stored += report.stored
        self._report.updated += report.updated
        for r in report.rejections:
            self._problem(f"skipped: {r}")
        ok = report.stored + report.updated + report.unchanged > 0
        if not ok and not report.rejections:
            self._problem(f"skipped: {path}: no article in the file")
        try:
            target = folder.finish(path, ok=ok)
        except OSError as exc:
            self._problem(f"cannot move {path} out of the drop folder ({exc.strerror or exc}); it is ignored until restart")
            return
        if ok:
            self._report.files_done += 1
        else:
            self._report.files_failed += 1
        self._info(f"{path}: {report.stored} articles stored, {report.updated} updated, {report.unchanged} already "
                   f"stored → {target}")

    # -- the round ---------------------------------------------------------------
    def _cluster(self) -> None:
        """Place new articles now (and read their figures); link at most ``watch_link_per_round``
        representatives across languages."""
        from ..cluster.stream import StoryClusterer
        from ..facts.stage import extract_pending
        from ..represent.dense import Embedder

        if self._unplaced:
            self._report.placed += cluster_pending(self.store, settings=self.settings, link=False).placed
            extract_pending(self.store)
            self._unplaced = False
        if self.link and self._link_backlog:
            self._embedder = self._embedder or Embedder()  # the dense model loads once per process
            limit = self.settings.watch_link_per_round
            with self.store.job_lock("cluster"):  # the web app or a run may cluster at the same time
                linked = StoryClusterer(self.store, settings=self.settings, embedder=self._embedder).link(limit=limit)
            self._report.linked += linked
            self._link_backlog = linked >= limit

    def round(self, *, feeds: bool = True) -> WatchReport:
        """Poll every due feed, read every settled file, cluster; returns this round's report."""
        self._report = WatchReport(rounds=1)
        if feeds:
            for feed in self.feeds:
                if self.stop.is_set():
                    break
                if self.states[feed.url].due(self.clock(), self._interval(feed)):
                    self._poll(feed, self.states[feed.url])
        for folder in self.folders:
            try:
                ready = folder.ready()
            except OSError as exc:
                self._problem(f"failed: {folder.path}: cannot list the drop folder ({exc.strerror or exc})")
                continue
            for path in ready:
                if self.stop.is_set():
                    break
                self._take_file(folder, path)
        if self._report.stored or self._report.updated:
            self._unplaced = self._link_backlog = True
        if not self.stop.is_set():
            self._cluster()
        return self._report

    def next_wake(self) -> float:
        """Clock time of the next thing to do: a feed falling due or a folder scan."""
        now = self.clock()
        times = [s.next_poll if s.next_poll is not None else now for s in self.states.values()]
        if self.folders or (self.link and self._link_backlog):
            times.append(now + self.settings.watch_scan_seconds)
        return min(times, default=now + self.every)

    def run(self, *, once: bool = False) -> WatchReport:
        """Rounds until stopped (``stop`` set, e.g. by SIGTERM), or one round with ``once``."""
        total = WatchReport()
        while not self.stop.is_set():
            _add(total, self.round())
            if once:
                if any(f.waiting for f in self.folders) and not self.stop.is_set():
                    # files seen for the first time need a second look to count as settled
                    self.sleep(self.settings.watch_settle_seconds)
                    _add(total, self.round(feeds=False))
                    total.rounds -= 1
                break
            self.sleep(max(0.5, self.next_wake() - self.clock()))
        return total


def _reason(exc: Exception) -> str:
    """One line saying why: our own errors speak for themselves, others name their type."""
    known = (FetchError, FeedProblem, FeedLineError, FormatError, DecodeError)
    text = str(exc) if isinstance(exc, known) else f"unexpected {type(exc).__name__}: {exc}"
    return " ".join(text.split())


def _add(total: WatchReport, r: WatchReport) -> None:
    for k, v in r.counts().items():
        setattr(total, k, getattr(total, k) + v)
    total.problems.extend(r.problems)


def _duration(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


def watch(
    store: Store,
    feeds: Iterable[Feed],
    dirs: Iterable[str | Path] = (),
    *,
    once: bool = False,
    every: float | None = None,
    **options,
) -> WatchReport:
    """Follow ``feeds`` and drop folders ``dirs`` into ``store``: one round with ``once``,
    else until ``options['stop']`` (a ``threading.Event``) is set. Other options: see :class:`Watcher`."""
    return Watcher(store, list(feeds), list(dirs), every=every, **options).run(once=once)
