"""The watch loop: poll due feeds (several at once, on worker threads that only
fetch and parse), read settled files of the drop folders, then place every new
article in a story (and link a bounded number across languages) in the same round.

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
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
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
from .schedule import FeedState, HostLimiter, iso

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


@dataclass
class _Poll:
    """One poll of one feed as it passes from the worker threads to the store."""

    feed: Feed
    state: FeedState
    resp: Response | None = None
    fresh: dict[str, RawDoc] = field(default_factory=dict)
    """entries by key: all of the answer's, then the new ones (with their pages' text)"""
    listed: list[str] = field(default_factory=list)
    """the keys of all the answer's entries"""
    entries: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    pages: int = 0
    problems: list[str] = field(default_factory=list)
    error: Exception | None = None
    complete: bool = True
    """False when a stop cut the page fetches short: the feed is read again next run"""
    skipped: bool = False


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
        workers: int | None = None,
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
        self.workers = workers or settings.watch_workers
        if self.workers < 1:
            raise ValueError(f"workers must be at least 1, not {self.workers}")
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
    # A poll runs in two network steps on worker threads (read the feed; fetch the pages of
    # its new entries) with the store in between and after, on the calling thread only: a
    # slow feed or host holds up no other, and the store never sees two threads.
    def _needs_page(self, doc: RawDoc) -> bool:
        """A short entry (a summary) with a link: its page holds the article."""
        return bool(doc.url) and len(doc.text) < self.settings.watch_summary_chars

    def _full_text(self, doc: RawDoc, poll: _Poll) -> RawDoc:
        """The entry with the text of its linked page (the summary if the page fails or says less)."""
        assert doc.url
        try:
            check_url(doc.url)
            resp = self._get(doc.url)
            page = extract_page(decode(resp.body, declared=_content_charset(resp.content_type)),
                                origin=doc.origin, url=doc.url)
        except Exception as exc:  # a bad page costs its entry the full text, never the feed
            poll.problems.append(f"page {doc.url} ({doc.origin}): {_reason(exc)}; the feed's summary is kept")
            return doc
        poll.pages += 1
        if len(page.text) <= len(doc.text):
            return doc
        return replace(
            doc, text=page.text, title=doc.title or page.title, source=doc.source or page.source,
            declared_lang=doc.declared_lang or page.declared_lang, origin=f"{doc.origin} ({doc.url})",
            published=doc.published or page.published,
            precision=doc.precision if doc.published else page.precision,
        )

    def _read_feed(self, poll: _Poll) -> _Poll:
        """Worker: fetch the feed (conditional GET) and read its entries."""
        if self.stop.is_set():  # stopping: feeds not yet started wait for the next run
            poll.skipped = True
            return poll
        feed, state = poll.feed, poll.state
        try:
            resp = poll.resp = self._get(feed.url, etag=state.etag, last_modified=state.last_modified)
            if resp.status == 304:
                return poll
            fmt = sniff("", resp.body[:4096])  # by content: a URL ending in .rss may still serve HTML
            if fmt in ("html", "json", "jsonl", "warc", "gzip"):
                what = {"html": "an HTML page", "json": "JSON", "jsonl": "JSON"}.get(fmt, fmt)
                raise FeedProblem(f"not a feed: the server sent {what} ({resp.content_type or 'no Content-Type'})")
            if not resp.body.strip():
                raise FeedProblem("empty response")
            items = list(read_feed(resp.body, name=feed.url))
            docs = [d for d in items if isinstance(d, RawDoc)]
            poll.rejections = [r for r in items if isinstance(r, Rejection)]
            if not docs:
                raise FeedProblem(poll.rejections[0].reason if poll.rejections else "feed has no entries")
            poll.entries = len(docs)
            for doc in docs:
                doc = replace(doc, url=urljoin(resp.url, doc.url.strip()) if doc.url else None,  # relative links
                              source=feed.source or doc.source, declared_lang=feed.lang or doc.declared_lang)
                poll.fresh.setdefault(entry_key(doc), doc)
        except Exception as exc:  # one bad feed must not stop the others
            poll.error = exc
        return poll

    def _fetch_pages(self, poll: _Poll) -> _Poll:
        """Worker: the full text of each new entry that is only a summary."""
        for key, doc in list(poll.fresh.items()):
            if not self._needs_page(doc):
                continue
            if self.stop.is_set():  # stopping: no more page fetches; the feed is read again next run
                poll.complete = False
                del poll.fresh[key]
                continue
            poll.fresh[key] = self._full_text(doc, poll)
        return poll

    def _feed_read(self, poll: _Poll) -> bool:
        """Caller: drop the entries already taken; True if pages remain to fetch, else the poll is done."""
        if poll.error is None and poll.resp is not None and poll.resp.status != 304:
            poll.listed = list(poll.fresh)
            for key in self.store.watch_seen(poll.listed):
                del poll.fresh[key]
            if any(self._needs_page(d) for d in poll.fresh.values()):
                return True
        self._finish(poll)
        return False

    def _finish(self, poll: _Poll) -> None:
        """Caller: store the new entries, then save the feed's state (so a crash in between reads it again)."""
        feed, state = poll.feed, poll.state
        interval = self._interval(feed)
        self._report.polled += 1
        self._report.pages += poll.pages
        for line in poll.problems:
            self._problem(line)
        try:
            if poll.error is not None:
                raise poll.error
            assert poll.resp is not None
            if poll.resp.status == 304:
                self._report.not_modified += 1
            else:
                report = self._store(list(poll.fresh.values()), poll.rejections)
                self.store.mark_watch_seen(feed.url, poll.fresh, listed=poll.listed, now=iso(self.clock()))
                if poll.fresh:
                    self._info(f"{feed.url}: {len(poll.fresh)} new entries of {poll.entries}: {report.stored} "
                               f"articles stored, {report.updated} updated")
            if poll.complete:
                state.succeeded(self.clock(), interval, etag=poll.resp.etag, last_modified=poll.resp.last_modified)
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

    def _poll_due(self) -> None:
        """Poll every due feed, ``workers`` at a time; results are stored as they come in."""
        now = self.clock()
        due = [f for f in self.feeds if self.states[f.url].due(now, self._interval(f))]
        if not due:
            return
        pool = ThreadPoolExecutor(max_workers=min(self.workers, len(due)), thread_name_prefix="crosswire-watch")
        try:
            # (feed's place in the list, step): results of one wait are taken in list order
            running: dict[Future[_Poll], tuple[int, str]] = {
                pool.submit(self._read_feed, _Poll(f, self.states[f.url])): (i, "feed") for i, f in enumerate(due)}
            while running:
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in sorted(done, key=running.__getitem__):
                    i, step = running.pop(future)
                    poll = future.result()
                    if step == "pages":
                        self._finish(poll)
                    elif not poll.skipped and self._feed_read(poll):
                        running[pool.submit(self._fetch_pages, poll)] = (i, "pages")
        finally:
            # on a store error: start nothing new, let requests under way end (each has a deadline)
            pool.shutdown(wait=True, cancel_futures=True)
        # entries that left every feed long ago will not be listed again; if one is, the
        # store still recognises the article (it is then counted as unchanged)
        days = self.settings.watch_forget_days
        forgotten = self.store.forget_watch_seen(iso(self.clock() - days * 86400))
        if forgotten:
            self._info(f"forgot {forgotten} feed entries no feed has listed for {days:g} days")

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
        if feeds and not self.stop.is_set():
            self._poll_due()
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
