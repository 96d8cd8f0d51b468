"""Feeds file, back-off, per-host pacing and drop-folder settling of crosswire watch."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from crosswire.watch.feedlist import Feed, FeedLineError, parse_line, read_feed_list
from crosswire.watch.folders import DropFolder
from crosswire.model import RawDoc
from crosswire.watch.runner import entry_key
from crosswire.watch.schedule import FeedState, HostLimiter, backoff_delay


class Clock:
    """A clock the code under test reads and sleeps on: no real waiting."""

    def __init__(self, t: float = 1_700_000_000.0) -> None:
        self.t = t
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.t += max(0.0, seconds)


def test_feed_lines():
    assert parse_line("https://www.nrk.no/nyheiter/siste.rss lang=nn source=NRK every=600") == Feed(
        url="https://www.nrk.no/nyheiter/siste.rss", lang="nn", source="NRK", every=600.0)
    assert parse_line('  http://x.example/feed   source="NOS Nieuws"  # the Dutch one') == Feed(
        url="http://x.example/feed", source="NOS Nieuws")
    assert parse_line("http://x.example/feed#top lang=no").lang == "nb"  # '#' inside a URL is not a comment
    assert parse_line("http://x.example/feed#top").url == "http://x.example/feed#top"
    assert parse_line("# a comment") is None and parse_line("   ") is None


@pytest.mark.parametrize("line, message", [
    ("ftp://x.example/feed", "not an http(s) URL"),
    ("www.nrk.no/rss", "not an http(s) URL"),
    ("http:///feed", "URL has no host"),
    ("http://x.example/feed language=nb", "unknown option 'language=nb'"),
    ("http://x.example/feed nb", "unknown option 'nb'"),
    ("http://x.example/feed lang=norsk", "not an ISO 639-1 language code"),
    ("http://x.example/feed every=5", "below 10 seconds"),
    ("http://x.example/feed every=soon", "not a number of seconds"),
    ("http://x.example/feed lang=nb lang=nn", "lang= given twice"),
    ("http://x.example/feed source=", "source= needs a value"),
    ('http://x.example/feed source="NRK', "no closing quotation"),
])
def test_bad_feed_lines(line, message):
    with pytest.raises(FeedLineError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_line(line)


def test_feed_file_names_file_and_line_and_keeps_the_rest(tmp_path: Path):
    path = tmp_path / "feeds.txt"
    path.write_text("# feeds\nhttps://a.example/rss lang=nb\n\nnot a url\nhttps://b.example/atom every=60\n"
                    "https://a.example/rss\n", encoding="utf-8")
    feeds, problems = read_feed_list(path)
    assert [f.url for f in feeds] == ["https://a.example/rss", "https://b.example/atom"]
    assert feeds[1].where == f"{path}:5"
    assert [str(p) for p in problems] == [f"{path}:4: not an http(s) URL: 'not'",
                                          f"{path}:6: feed already listed on line 2"]


def test_backoff_doubles_up_to_the_cap():
    assert [backoff_delay(n, 300, 3600) for n in (1, 2, 3, 4, 50)] == [600, 1200, 2400, 3600, 3600]
    assert backoff_delay(1, 7200, 3600) == 7200  # a failing feed is never polled more often than a healthy one


def test_feed_state_records_failures_and_success():
    s = FeedState()
    assert s.due(0, 300)
    assert s.failed(1000, 300, 3600, "HTTP 500") == 600
    assert (s.failures, s.next_poll, s.last_error) == (1, 1600, "HTTP 500")
    assert not s.due(1000 + 300, 300) and s.due(1600 - 10, 300)  # due a little early (cron slack)
    assert s.failed(1600, 300, 3600, "HTTP 503", retry_after=3000) == 3000  # the server asked for longer
    assert s.failed(4600, 300, 3600, "HTTP 503", retry_after=10**6) == 3600  # …but never beyond the cap
    s.succeeded(9000, 300, etag='"e"', last_modified=None)
    assert (s.failures, s.next_poll, s.etag, s.last_error) == (0, 9300, '"e"', None)
    assert FeedState.from_row(s.to_row()) == s


def test_host_limiter_spaces_requests_per_host():
    clock = Clock(100.0)
    limiter = HostLimiter(2.0, clock=clock, sleep=clock.sleep)
    limiter.wait("a.example")
    limiter.wait("b.example")  # another host: no wait
    assert clock.slept == []
    clock.t += 0.5
    limiter.wait("A.example")  # same host, any case
    assert clock.slept == [1.5]
    clock.t += 5
    limiter.wait("a.example")
    assert clock.slept == [1.5]


def test_host_limiter_gives_threads_separate_turns():
    """Six threads asking for one host at once: the k-th to go goes k intervals after the start."""
    import threading
    import time

    limiter = HostLimiter(0.2, clock=time.monotonic, sleep=time.sleep)
    start = threading.Barrier(6)
    went: list[float] = []

    def ask() -> None:
        start.wait(5)
        limiter.wait("one.example")
        went.append(time.monotonic())

    t0 = time.monotonic()
    threads = [threading.Thread(target=ask) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert len(went) == 6
    went.sort()
    assert all(went[k] >= t0 + k * 0.2 for k in range(6)), [round(x - t0, 3) for x in went]


def test_drop_folder_waits_until_a_file_settles(tmp_path: Path):
    clock = Clock()
    folder = DropFolder(tmp_path, settle=2.0, clock=clock)
    f = tmp_path / "a.jsonl"
    f.write_text('{"text": "one"}\n')
    (tmp_path / ".hidden.json").write_text("{}")
    (tmp_path / "b.jsonl.part").write_text("{}")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.json").write_text("{}")
    assert folder.ready() == [] and folder.waiting == 1  # first sight: not yet
    clock.t += 1
    with f.open("a") as out:  # still being written
        out.write('{"text": "two"}\n')
    assert folder.ready() == []
    clock.t += 1.5
    assert folder.ready() == []  # unchanged for 1.5 s only
    clock.t += 0.5
    assert folder.ready() == [f]
    done = folder.finish(f, ok=True)
    assert done == tmp_path / "done" / "a.jsonl" and done.exists() and not f.exists()
    f.write_text("again")
    os.utime(f, ns=(1, 1))
    folder.ready()
    clock.t += 2
    assert folder.ready() == [f]
    assert folder.finish(f, ok=False) == tmp_path / "failed" / "a.jsonl"
    f.write_text("and again")
    f2 = tmp_path / "x.warc.gz"
    f2.write_bytes(b"\x1f\x8b")
    folder.ready()
    clock.t += 2
    assert folder.ready() == [f, f2]
    assert folder.finish(f, ok=True) == tmp_path / "done" / "a.1.jsonl"  # a free name, the type kept
    (tmp_path / "done" / "x.warc.gz").write_bytes(b"")
    assert folder.finish(f2, ok=True) == tmp_path / "done" / "x.1.warc.gz"


def test_entry_key_is_the_link_else_the_content():
    linked = RawDoc(origin="f#entry 1", text="Body", title="T", url=" https://x.example/a ")
    assert entry_key(linked) == "https://x.example/a"
    bare = RawDoc(origin="f#entry 2", text="Body", title="T")
    assert entry_key(bare).startswith("sha:")
    assert entry_key(RawDoc(origin="g#entry 9", text="body ", title="t")) == entry_key(bare)  # same content
    assert entry_key(RawDoc(origin="f#entry 2", text="Other body", title="T")) != entry_key(bare)
