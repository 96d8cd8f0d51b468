"""crosswire watch end to end: real HTTP servers on 127.0.0.1, a store, drop folders, a fake clock."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest

from crosswire.settings import DEFAULT_SETTINGS
from crosswire.store import open_store
from crosswire.watch import Feed, Watcher, watch

from .conftest import PROSE, write
from .test_watch_units import Clock
from .watch_server import endless, page, redirect, rss, serve, slow, static, status

FAST = replace(DEFAULT_SETTINGS, watch_timeout_seconds=0.5, watch_deadline_seconds=2.0,
               watch_max_response_bytes=200_000, watch_host_interval_seconds=1.0,
               watch_settle_seconds=2.0, watch_summary_chars=300, watch_every_seconds=300.0)
LANGS = ["en", "de", "es", "nl", "nb", "nn"]


@pytest.fixture
def site():
    s, stop = serve()
    yield s
    stop()


def _entry(site, n: int, *, full: bool = False) -> dict[str, str]:
    """Entry ``n``: a one-line summary and a page in language LANGS[n] (or the full text in the feed)."""
    text = f"{PROSE[LANGS[n % len(LANGS)]]}\n\nReference {n}: story number {n} of the wire."
    e = {"link": site.url(f"/story/{n}"), "title": f"Story {n}", "summary": f"Short teaser {n}."}
    if full:
        e["content"] = text
    else:
        site.routes[f"/story/{n}"] = static(page(f"Story {n}", text), "text/html; charset=utf-8")
    return e


def _watcher(store, feeds, dirs=(), *, clock, lines=None, **kw) -> Watcher:
    return Watcher(store, feeds, dirs, settings=kw.pop("settings", FAST), allow_private=kw.pop("allow_private", True),
                   link=False, clock=clock, sleep=clock.sleep, log=(lines if lines is not None else []).append, **kw)


def _count(store, table: str) -> int:
    return store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_new_entries_become_articles_once_with_their_full_page(site, store):
    entries = [_entry(site, 0), _entry(site, 1)]
    site.routes["/feed"] = static(rss(entries), etag='"v1"')
    clock = Clock()
    w = _watcher(store, [Feed(site.url("/feed"))], clock=clock)

    r = w.round()
    assert (r.polled, r.stored, r.pages, r.placed, r.problems) == (1, 2, 2, 2, [])
    arts = {a.url: a for a in store.articles()}
    assert set(arts) == {site.url("/story/0"), site.url("/story/1")}
    a0 = arts[site.url("/story/0")]
    assert "Reference 0: story number 0" in a0.text and "government" in a0.text  # the page, not the teaser
    assert (a0.title, a0.source, a0.lang, a0.published) == ("Story 0", "Test Wire", "en", "2023-03-06T10:00:00Z")
    assert a0.origin == f"{site.url('/feed')}#entry 1 ({site.url('/story/0')})"
    assert store.stats()["clustered"] == 2 and store.stats()["stories"] >= 1  # placed in the same round
    assert _count(store, "facts_done") == 2
    assert clock.slept == [1.0, 1.0]  # the two pages on the feed's host waited their turn

    # not due yet: no request at all
    clock.t += 100
    assert w.round().polled == 0 and site.hits["/feed"] == 1
    # due: conditional GET, 304, nothing new
    clock.t += 200
    r = w.round()
    assert (r.polled, r.not_modified, r.stored) == (1, 1, 0)
    assert site.headers["/feed"][-1]["If-None-Match"] == '"v1"'
    # the feed changes: only the new entry is fetched and stored
    site.routes["/feed"] = static(rss([_entry(site, 2)] + entries), etag='"v2"')
    clock.t += 300
    r = w.round()
    assert (r.stored, r.pages, r.placed) == (1, 1, 1)
    assert [site.hits[f"/story/{i}"] for i in range(3)] == [1, 1, 1]
    assert store.stats()["articles"] == 3 and store.stats()["clustered"] == 3


def test_full_text_feeds_need_no_page_and_feed_options_apply(site, store):
    site.routes["/full"] = static(rss([_entry(site, 3, full=True)], title="Omroep"))
    w = _watcher(store, [Feed(site.url("/full"), source="NOS", lang="nl")], clock=Clock())
    r = w.round()
    assert (r.stored, r.pages) == (1, 0)
    a = store.articles()[0]
    assert (a.source, a.declared_lang, a.lang) == ("NOS", "nl", "nl")
    assert a.origin == f"{site.url('/full')}#entry 1"


def test_relative_links_are_resolved_against_the_feed(site, store):
    e = _entry(site, 5)
    e["link"] = "/story/5"
    site.routes["/news/feed"] = static(rss([e]))
    r = _watcher(store, [Feed(site.url("/news/feed"))], clock=Clock()).round()
    assert (r.stored, r.pages) == (1, 1)
    assert store.articles()[0].url == site.url("/story/5")


def test_a_page_that_fails_keeps_the_summary_and_is_not_retried(site, store):
    long_summary = PROSE["de"]  # long enough to be an article, shorter than the summary limit below
    site.routes["/feed"] = static(rss([{"link": site.url("/story/missing"), "title": "Bericht",
                                        "summary": long_summary}]))
    lines: list[str] = []
    w = _watcher(store, [Feed(site.url("/feed"))], clock=(clock := Clock()), lines=lines,
                 settings=replace(FAST, watch_summary_chars=1000))
    r = w.round()
    assert r.stored == 1 and r.failed == 0
    assert lines == [f"page {site.url('/story/missing')} ({site.url('/feed')}#entry 1): HTTP 404 Not Found; "
                     "the feed's summary is kept"]
    assert store.articles()[0].text.startswith("Die Regierung hat am Dienstag")
    clock.t += 300
    w.round()
    assert site.hits["/story/missing"] == 1 and store.stats()["articles"] == 1


def test_last_modified_alone_gives_304(site, store):
    lm = "Mon, 06 Mar 2023 12:00:00 GMT"
    site.routes["/feed"] = static(rss([_entry(site, 0, full=True)]), last_modified=lm)
    clock = Clock()
    w = _watcher(store, [Feed(site.url("/feed"), every=60)], clock=clock)
    assert w.round().stored == 1
    clock.t += 60
    r = w.round()
    assert (r.polled, r.not_modified) == (1, 1)
    assert site.headers["/feed"][-1]["If-Modified-Since"] == lm and "If-None-Match" not in site.headers["/feed"][-1]


def test_a_page_the_reader_chokes_on_costs_only_its_full_text(site, store, monkeypatch):
    from crosswire.watch import runner

    def broken(html: str, **kw: object) -> None:
        raise RuntimeError("reader bug")

    monkeypatch.setattr(runner, "extract_page", broken)
    site.routes["/feed"] = static(rss([{"link": site.url("/story/0"), "title": "T",
                                        "summary": "A teaser long enough to be kept as the article text."}]))
    _entry(site, 0)
    lines: list[str] = []
    r = _watcher(store, [Feed(site.url("/feed"))], clock=Clock(), lines=lines).round()
    assert (r.stored, r.failed) == (1, 0)
    assert lines[0].endswith("unexpected RuntimeError: reader bug; the feed's summary is kept")


def test_bad_feeds_are_logged_and_the_others_go_on(site, store):
    site.routes["/good"] = static(rss([_entry(site, 0)]))
    site.routes["/broken"] = static("<rss><channel><item><title>oops</item></channel>")
    site.routes["/html"] = static(page("Home", PROSE["en"]), "text/html")
    site.routes["/e500"] = status(500)
    site.routes["/loop"] = redirect("/loop2")
    site.routes["/loop2"] = redirect("/loop")
    site.routes["/slow"] = slow(1.5)
    site.routes["/huge"] = endless()
    bad = ["/broken", "/html", "/missing", "/e500", "/loop", "/slow", "/huge"]
    feeds = [Feed(site.url(p)) for p in bad[:3]] + [Feed(site.url("/good"))] + [Feed(site.url(p)) for p in bad[3:]]
    lines: list[str] = []
    w = _watcher(store, feeds, clock=Clock(), lines=lines)
    r = w.round()
    assert (r.polled, r.failed, r.stored) == (8, 7, 1)
    assert len(lines) == 7  # one line per bad feed
    reasons = {p: next(ln for ln in lines if ln.startswith(f"failed: {site.url(p)}: ")) for p in bad}
    assert "malformed feed XML" in reasons["/broken"]
    assert "not a feed: the server sent an HTML page (text/html)" in reasons["/html"]
    assert "HTTP 404" in reasons["/missing"] and "HTTP 500" in reasons["/e500"]
    assert "redirect loop" in reasons["/loop"] and "timed out" in reasons["/slow"]
    assert "too large" in reasons["/huge"]
    assert all(ln.endswith("next try in 10 min (failure 1)") for ln in lines)
    states = store.watch_feed_states()
    assert states[site.url("/good")]["failures"] == 0 and states[site.url("/e500")]["failures"] == 1
    assert {r["origin"] for r in store.rejections()} == {site.url(p) for p in bad}


def test_failures_back_off_exponentially_and_recover(site, store):
    site.routes["/feed"] = status(503)
    clock = Clock()
    start = clock.t
    settings = replace(FAST, watch_backoff_cap_seconds=1000.0)
    w = _watcher(store, [Feed(site.url("/feed"), every=100)], clock=clock, settings=settings)
    polls = []
    for _ in range(40):  # 40 ticks of 50 s
        before = site.hits["/feed"]
        w.round()
        if site.hits["/feed"] > before:
            polls.append(clock.t - start)
        clock.t += 50
    # failures at 0, +200, +400 (=600), +800 (=1400), then capped at +1000
    assert polls == [0, 200, 600, 1400]
    assert store.watch_feed_states()[site.url("/feed")]["failures"] == 4
    site.routes["/feed"] = static(rss([_entry(site, 0, full=True)]))
    clock.t = start + 2400
    r = w.round()
    assert r.stored == 1
    state = store.watch_feed_states()[site.url("/feed")]
    assert (state["failures"], state["next_poll"], state["last_error"]) == (0, clock.t + 100, None)


def test_a_restart_resumes_without_duplicates(site, tmp_path):
    db = tmp_path / "w.db"
    entries = [_entry(site, 0), _entry(site, 1)]
    site.routes["/feed"] = static(rss(entries))  # no ETag: every poll gets the whole feed
    clock = Clock()
    with open_store(db) as store:
        _watcher(store, [Feed(site.url("/feed"))], clock=clock).round()
        assert store.stats()["articles"] == 2
    site.routes["/feed"] = static(rss([_entry(site, 2)] + entries))
    with open_store(db) as store:
        w = _watcher(store, [Feed(site.url("/feed"))], clock=clock)
        assert w.round().polled == 0  # the saved schedule holds across the restart
        clock.t += 300
        r = w.round()
        assert (r.polled, r.stored, r.pages) == (1, 1, 1)
        assert store.stats()["articles"] == 3 and store.stats()["clustered"] == 3
    assert [site.hits[f"/story/{i}"] for i in range(3)] == [1, 1, 1]


def test_entries_no_feed_lists_any_more_are_forgotten_and_a_return_is_no_duplicate(site, store):
    a, b, c = (_entry(site, n, full=True) for n in range(3))
    site.routes["/feed"] = static(rss([a, b]))
    clock = Clock()
    start = clock.t
    infos: list[str] = []
    w = _watcher(store, [Feed(site.url("/feed"))], clock=clock, settings=replace(FAST, watch_forget_days=30.0),
                 info=infos.append)

    def seen() -> set[str]:
        return {r[0] for r in store.db.execute("SELECT key FROM watch_seen")}

    assert w.round().stored == 2
    clock.t = start + 20 * 86400
    site.routes["/feed"] = static(rss([b, c]))  # a has left the feed; b is still listed
    assert w.round().stored == 1
    clock.t = start + 35 * 86400
    w.round()
    assert seen() == {b["link"], c["link"]}  # a: last listed 35 days ago
    assert "forgot 1 feed entries no feed has listed for 30 days" in infos
    site.routes["/feed"] = static(rss([a, b, c]))  # a comes back
    clock.t += 300
    r = w.round()
    assert (r.stored, r.updated, r.problems) == (0, 0, [])  # the store knows it: no duplicate
    assert store.stats()["articles"] == 3 and seen() == {a["link"], b["link"], c["link"]}


def test_private_addresses_are_refused_without_the_flag(site, store):
    site.routes["/feed"] = static(rss([_entry(site, 0)]))
    lines: list[str] = []
    w = _watcher(store, [Feed(site.url("/feed"))], clock=Clock(), lines=lines, allow_private=False)
    r = w.round()
    assert (r.failed, r.stored) == (1, 0) and site.hits["/feed"] == 0
    assert "resolves to 127.0.0.1, a loopback address (allowed only with --allow-private)" in lines[0]


def test_pages_linked_from_a_feed_are_guarded_too(site, store, monkeypatch):
    """The feed host passes the guard; an entry linking to a private address does not get fetched."""
    from crosswire.watch import fetch as fetch_mod

    real = fetch_mod.address_problem
    monkeypatch.setattr(fetch_mod, "address_problem",
                        lambda ip, *, allow_private: None if ip == "127.0.0.1" else real(ip, allow_private=allow_private))
    port = site.base.rsplit(":", 1)[1]
    site.routes["/feed"] = static(rss([{"link": f"http://intranet.test:{port}/secret", "title": "Inside",
                                        "summary": "A short teaser about the secret report, published today."}]))
    lines: list[str] = []
    names = {"intranet.test": ["10.0.0.3"]}
    w = _watcher(store, [Feed(site.url("/feed"))], clock=Clock(), lines=lines, allow_private=False,
                 resolver=lambda host, p: names.get(host, ["127.0.0.1"]))
    assert w.round().stored == 1  # the summary, since the page was refused
    assert "resolves to 10.0.0.3, a private or reserved address" in lines[0]
    assert site.hits["/secret"] == 0


def test_drop_folder_files_are_read_once_when_settled(store, tmp_path):
    incoming = tmp_path / "incoming"
    good = write(incoming / "a.jsonl", f'{{"id": "a1", "title": "One", "text": "{PROSE["en"]}"}}\n')
    bad = write(incoming / "b.json", '{"text": ')
    write(incoming / "notes.md", "ignored")
    clock = Clock()
    lines: list[str] = []
    w = _watcher(store, [], [incoming], clock=clock, lines=lines)
    assert w.round().stored == 0  # seen, not yet settled
    with (incoming / "a.jsonl").open("a", encoding="utf-8") as f:  # still being written
        f.write(f'{{"id": "a2", "title": "Two", "text": "{PROSE["de"]}"}}\n')
    clock.t += 2
    r = w.round()
    assert (r.stored, r.files_done, r.files_failed) == (0, 0, 1)  # b.json settled; a.jsonl changed
    assert (incoming / "failed" / "b.json").exists() and not bad.exists()
    assert lines == [f"skipped: {bad}: malformed JSON at line 1, column 10: Expecting value"]
    clock.t += 2
    r = w.round()
    assert (r.stored, r.files_done, r.placed) == (2, 1, 2)
    assert (incoming / "done" / "a.jsonl").exists() and not good.exists()
    assert (incoming / "notes.md").exists()
    # the same file dropped again: read, recognised, nothing new
    write(incoming / "a.jsonl", (incoming / "done" / "a.jsonl").read_text(encoding="utf-8"))
    w.round()
    clock.t += 2
    r = w.round()
    assert (r.stored, r.files_done) == (0, 1) and store.stats()["articles"] == 2
    assert (incoming / "done" / "a.1.jsonl").exists()


def test_once_does_one_round_and_settles_new_files(site, store, tmp_path):
    site.routes["/feed"] = static(rss([_entry(site, 0, full=True)]))
    incoming = tmp_path / "in"
    write(incoming / "x.jsonl", f'{{"id": "x1", "text": "{PROSE["nl"]}"}}\n')
    clock = Clock()
    report = watch(store, [Feed(site.url("/feed"))], [incoming], once=True, settings=FAST, allow_private=True,
                   link=False, clock=clock, sleep=clock.sleep)
    assert (report.rounds, report.polled, report.stored, report.files_done) == (1, 1, 2, 1)
    assert clock.slept == [FAST.watch_settle_seconds]  # one second look at the new file, no other waiting
    assert site.hits["/feed"] == 1


def test_stop_is_honoured_between_feeds(site, store):
    for p in ("/a", "/b", "/c"):
        site.routes[p] = static(rss([_entry(site, 0, full=True)]))
    stop = threading.Event()
    site.on_request = lambda path: stop.set() if path == "/a" else None  # SIGTERM arrives during the first poll
    clock = Clock()
    # one worker: the feeds after /a have not started when the stop comes
    w = _watcher(store, [Feed(site.url(p)) for p in ("/a", "/b", "/c")], clock=clock, stop=stop, workers=1)
    report = w.run()  # without stop this would loop for ever
    assert (report.rounds, report.polled) == (1, 1)
    assert (site.hits["/a"], site.hits["/b"], site.hits["/c"]) == (1, 0, 0)
    assert store.stats()["articles"] == 1  # the feed under way was finished and stored
    assert set(store.watch_feed_states()) == {site.url("/a")}


def test_a_slow_feed_holds_up_no_other(site, store):
    """Feeds are polled by several workers: the fast feed's request (and its page) arrive
    while the slow feed's server is still answering."""
    arrived = threading.Event()
    overlapped: list[bool] = []

    def held(h) -> None:  # answers once the other feed's page was asked for, or after 5 s
        overlapped.append(arrived.wait(5.0))
        static(rss([_entry(site, 0, full=True)]))(h)

    site.routes["/held"] = held
    site.routes["/fast"] = static(rss([_entry(site, 1)]))
    site.on_request = lambda path: arrived.set() if path == "/story/1" else None
    settings = replace(FAST, watch_timeout_seconds=10.0, watch_deadline_seconds=20.0, watch_host_interval_seconds=0.1)
    lines: list[str] = []
    w = Watcher(store, [Feed(site.url("/held")), Feed(site.url("/fast"))], settings=settings, allow_private=True,
                link=False, workers=2, log=lines.append)  # the real clock: the requests truly overlap
    r = w.round()
    assert overlapped == [True]
    assert (r.polled, r.stored, r.pages, r.failed, lines) == (2, 2, 1, 0, [])
    assert {a.url for a in store.articles()} == {site.url("/story/0"), site.url("/story/1")}
    states = store.watch_feed_states()
    assert all(states[site.url(p)]["failures"] == 0 and states[site.url(p)]["next_poll"] for p in ("/held", "/fast"))


def test_a_stop_lets_the_polls_under_way_finish_and_starts_no_other(site, store):
    for p in ("/a", "/b", "/c", "/d"):
        site.routes[p] = static(rss([_entry(site, "abcd".index(p[1]), full=True)]), etag=f'"{p}"')
    stop = threading.Event()
    # two workers take /a and /b; the stop comes with /b's request, and /a answers only then
    site.on_request = lambda path: stop.set() if path == "/b" else stop.wait(5) if path == "/a" else None
    w = _watcher(store, [Feed(site.url(p)) for p in ("/a", "/b", "/c", "/d")], clock=Clock(), stop=stop, workers=2)
    report = w.run()
    assert [site.hits[p] for p in ("/a", "/b", "/c", "/d")] == [1, 1, 0, 0]
    assert (report.rounds, report.polled, report.stored) == (1, 2, 2)
    states = store.watch_feed_states()  # both polls under way were finished, the others wait for the next run
    assert {u: s["etag"] for u, s in states.items()} == {site.url("/a"): '"/a"', site.url("/b"): '"/b"'}


def test_stopping_skips_page_fetches_and_the_next_run_takes_them(site, store):
    site.routes["/a"] = static(rss([_entry(site, 0, full=True), _entry(site, 1)]), etag='"a1"')
    stop = threading.Event()
    site.on_request = lambda path: stop.set()
    clock = Clock()
    w = _watcher(store, [Feed(site.url("/a"))], clock=clock, stop=stop)
    assert w.run().stored == 1 and site.hits["/story/1"] == 0
    state = store.watch_feed_states()[site.url("/a")]
    assert state["etag"] is None and state["next_poll"] is None  # so the feed is read whole again
    site.on_request = None
    r = _watcher(store, [Feed(site.url("/a"))], clock=clock).round()
    assert (r.polled, r.not_modified, r.stored, r.pages) == (1, 0, 1, 1)
    assert store.stats()["articles"] == 2


def test_cli_watch_once(site, tmp_path):
    from typer.testing import CliRunner

    from crosswire.cli import app

    site.routes["/feed"] = static(rss([_entry(site, 0, full=True), _entry(site, 4, full=True)]), etag='"x"')
    feeds = write(tmp_path / "feeds.txt", f"# test feeds\n{site.url('/feed')} source=Wire lang=en\nnrk.no/rss\n")
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    args = ["watch", "--feeds", str(feeds), "--once", "--no-link", "--db", db]

    refused = runner.invoke(app, args)
    assert refused.exit_code == 1 and site.hits["/feed"] == 0
    assert f"skipped: {feeds}:3: not an http(s) URL: 'nrk.no/rss'" in refused.output
    assert f"failed: {site.url('/feed')}: refused: 127.0.0.1 resolves to 127.0.0.1, a loopback address" in refused.output

    # the refusal backed off this feed; a new database starts afresh
    db = str(tmp_path / "cli2.db")
    args[-1] = db
    ok = runner.invoke(app, [*args, "--allow-private", "--workers", "3"])
    assert ok.exit_code == 1  # the bad line still counts as skipped
    assert "2 new articles" in ok.output and "2 placed in stories" in ok.output
    with open_store(db) as store:
        assert {a.source for a in store.articles()} == {"Wire"} and store.stats()["clustered"] == 2
    again = runner.invoke(app, [*args, "--allow-private"])
    assert "0 feed polls" in again.output and site.hits["/feed"] == 1  # not due yet

    assert runner.invoke(app, ["watch", "--dir", str(tmp_path / "nope"), "--db", db]).exit_code == 2
    assert runner.invoke(app, ["watch", "--db", db]).exit_code == 2
    assert runner.invoke(app, [*args, "--workers", "0"]).exit_code == 2
    assert runner.invoke(app, ["watch", "--feeds", str(tmp_path / "missing.txt"), "--db", db]).exit_code == 2


def test_linking_is_bounded_per_round_and_the_backlog_drains(site, store):
    site.routes["/feed"] = static(rss([_entry(site, 0, full=True), _entry(site, 1, full=True)]))
    clock = Clock()
    w = Watcher(store, [Feed(site.url("/feed"))], settings=replace(FAST, watch_link_per_round=1),
                allow_private=True, link=True, clock=clock, sleep=clock.sleep)
    pending = lambda: store.db.execute("SELECT count(*) FROM reps WHERE linked = 0").fetchone()[0]  # noqa: E731
    r = w.round()
    assert (r.placed, r.linked, pending()) == (2, 1, 1)  # two new groups, one representative linked now
    assert (w.round().linked, pending()) == (1, 0)  # nothing new: the backlog goes on
    assert w.round().linked == 0 and _count(store, "embeddings") == 2


def test_sigterm_stops_the_watch_process_cleanly(site, tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    site.routes["/feed"] = static(rss([_entry(site, 0)]))
    feeds = write(tmp_path / "feeds.txt", f"{site.url('/feed')}\n")
    db = tmp_path / "sig.db"
    proc = subprocess.Popen([sys.executable, "-m", "crosswire", "watch", "--feeds", str(feeds), "--allow-private",
                             "--no-link", "--db", str(db)], stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "COLUMNS": "300"})
    try:
        lines = []
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:  # wait until the first round has stored the entry
            line = proc.stderr.readline()
            lines.append(line)
            if "articles stored" in line or not line:
                break
        assert "1 articles stored" in lines[-1]
        proc.send_signal(signal.SIGTERM)
        rest = proc.communicate(timeout=120)[1]
    finally:
        proc.kill()
    assert proc.returncode == 0, "".join(lines) + rest
    assert "stopping after the feeds or file under way" in rest and "1 pages, 1 new articles" in rest
    with open_store(db) as store:
        assert store.stats()["articles"] == 1
        assert store.watch_feed_states()[site.url("/feed")]["failures"] == 0
