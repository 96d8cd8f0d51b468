"""PostgreSQL: the same schema, commands, search and API as SQLite, and several processes
writing one database at once. A real server runs for the session (tests/pgserver.py);
tests taking ``db_url`` or ``any_store`` run on both back-ends."""

from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from crosswire.cli import app, sample_path
from crosswire.model import Article, Rejection
from crosswire.serve.app import create_app
from crosswire.store import StoreError, open_store
from crosswire.store.dialect import mask_url, to_pyformat
from crosswire.store.migrations import MIGRATIONS
from crosswire.store.pg_migrations import PG_MIGRATIONS, PG_ONLY_COLUMNS

from .conftest import SEEDS, at_once
from .webdata import built_db, have_seeds

runner = CliRunner()


def _article(aid: str, title: str, text: str) -> Article:
    return Article(id=aid, url=None, source=None, lang="nb", lang_confidence=1.0, published=None,
                   precision=None, title=title, text=text, origin="test", content_hash="h-" + aid)


# -- schema ---------------------------------------------------------------------------------


def _sqlite_schema(con: sqlite3.Connection) -> tuple[dict[str, set[str]], set[str]]:
    tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
              if not r[0].startswith(("sqlite_", "articles_fts"))]  # FTS5 and its shadow tables
    cols = {t: {r[1] for r in con.execute(f"PRAGMA table_info({t})")} for t in tables}
    indexes = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")}
    # the full-text index: an FTS5 table here, a GIN index of the same name on PostgreSQL
    indexes |= {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")}
    return cols, indexes


def _pg_schema(con) -> tuple[dict[str, set[str]], set[str]]:
    cols: dict[str, set[str]] = {}
    for table, col in con.execute("SELECT table_name, column_name FROM information_schema.columns "
                                  "WHERE table_schema = 'public'"):
        if (table, col) not in PG_ONLY_COLUMNS:
            cols.setdefault(table, set()).add(col)
    # indexes made by PRIMARY KEY / UNIQUE are implicit in SQLite too
    indexes = {r[0] for r in con.execute("SELECT indexname FROM pg_indexes WHERE schemaname = 'public' "
                                         "AND indexname NOT IN (SELECT conname FROM pg_constraint)")}
    return cols, indexes


def test_both_migration_lists_give_the_same_tables_columns_and_indexes_at_every_version(pg_url, tmp_path):
    import psycopg

    assert [v for v, _ in MIGRATIONS] == [v for v, _ in PG_MIGRATIONS]
    lite = sqlite3.connect(tmp_path / "m.db")
    with psycopg.connect(pg_url, autocommit=True) as pg:
        for (version, sql), (_, pg_sql) in zip(MIGRATIONS, PG_MIGRATIONS):
            lite.executescript(sql)
            pg.execute(pg_sql.encode())
            got_lite, got_pg = _sqlite_schema(lite), _pg_schema(pg)
            assert got_pg[0] == got_lite[0], f"tables or columns differ at version {version}"
            assert got_pg[1] == got_lite[1], f"indexes differ at version {version}"
    lite.close()
    assert "articles" in got_lite[0] and "stories" in got_lite[0]


def test_migrations_run_once_even_when_two_processes_open_a_new_database_at_once(pg_url):
    results: list[object] = []

    def open_one() -> None:
        try:
            with open_store(pg_url) as s:
                results.append(s.schema_version)
        except Exception as exc:  # reported by the assert below
            results.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert results == [PG_MIGRATIONS[-1][0]] * 3
    with open_store(pg_url) as s:
        s.db.execute("UPDATE crosswire_schema SET version = version + 1")
    with pytest.raises(StoreError, match="newer than this crosswire"):
        open_store(pg_url)


# -- opening and errors ------------------------------------------------------------------------


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize("scheme", ["postgresql", "postgres"])
def test_an_unreachable_database_is_one_line_naming_it_without_the_password(scheme):
    url = f"{scheme}://news:s3cret@127.0.0.1:{_closed_port()}/crosswire"
    with pytest.raises(StoreError) as caught:
        open_store(url)
    message = str(caught.value)
    assert message.startswith(f"{scheme}://news:***@127.0.0.1:") and "cannot open database" in message
    assert "s3cret" not in message and "\n" not in message
    res = runner.invoke(app, ["stats", "--db", url])
    assert res.exit_code == 3
    lines = [line for line in res.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "news:***@" in lines[0] and "s3cret" not in res.output


@pytest.mark.parametrize("command", [["stats"], ["stories"], ["serve"], ["ingest", str(sample_path())],
                                     ["watch", "--dir", "."]])
def test_every_command_stops_with_exit_3_on_an_unreachable_database(command):
    url = f"postgresql://news:s3cret@127.0.0.1:{_closed_port()}/crosswire"
    res = runner.invoke(app, [*command, "--db", url])
    assert res.exit_code == 3, res.output
    assert "news:***@" in res.output and "s3cret" not in res.output


def test_upserts_replace_rows_on_both(any_store):
    s = any_store
    s.save_watch_feed("https://a/rss", {"etag": "1", "failures": 2, "next_poll": 1.5})
    s.save_watch_feed("https://a/rss", {"etag": "2", "failures": 0, "next_poll": 2.25})
    assert s.watch_feed_states() == {"https://a/rss": {"etag": "2", "last_modified": None, "failures": 0,
                                                       "next_poll": 2.25, "last_polled": None, "last_ok": None,
                                                       "last_error": None}}
    s.mark_watch_seen("f", ["k1", "k2"], now="2026-01-01T00:00:00Z")
    s.mark_watch_seen("g", ["k2", "k3"], listed=["k1", "k2", "k3"], now="2026-01-20T00:00:00Z")
    assert s.watch_seen(["k1", "k3", "k9"]) == {"k1", "k3"}
    rows = {r[0]: tuple(r[1:]) for r in s.db.execute("SELECT key, feed, first_seen, last_seen FROM watch_seen")}
    assert rows == {"k1": ("f", "2026-01-01T00:00:00Z", "2026-01-20T00:00:00Z"),
                    "k2": ("f", "2026-01-01T00:00:00Z", "2026-01-20T00:00:00Z"),
                    "k3": ("g", "2026-01-20T00:00:00Z", "2026-01-20T00:00:00Z")}
    s.mark_watch_seen("f", [], listed=["k3"], now="2026-02-01T00:00:00Z")
    assert s.forget_watch_seen("2026-01-25T00:00:00Z") == 2
    assert s.watch_seen(["k1", "k2", "k3"]) == {"k3"}
    s.write_batch(new=[_article("e1", "T", "Tekst om noe som skjedde.")])
    s.put_embeddings({"e1": b"\x00\x01"}, "m1")
    s.put_embeddings({"e1": b"\x02\x03"}, "m2")
    assert s.embeddings(["e1"], "m2") == {"e1": b"\x02\x03"} and s.embeddings(["e1"], "m1") == {}
    for _ in range(2):
        s.write_facts(1, {"e1": ([], [{"key": "oslo", "surface": "Oslo", "kind": "place", "count": 1}])})
    assert [n["surface"] for n in s.article_names(["e1"])] == ["Oslo"] and s.facts_pending(1) == []
    assert s.facts_pending(3) == ["e1"]  # a newer extractor reads it again
    s.write_batch(rejections=[Rejection("f.txt", "empty file")])
    s.write_batch(rejections=[Rejection("f.txt", "empty file")])
    assert [r["times"] for r in s.rejections()] == [2]


def test_placeholders_and_urls():
    assert to_pyformat("SELECT '?', \"a?\", x FROM t WHERE a LIKE '%' || ? AND b = ?") == (
        "SELECT '?', \"a?\", x FROM t WHERE a LIKE '%%' || %s AND b = %s")
    assert to_pyformat("SELECT 'it''s ?' WHERE c = ?") == "SELECT 'it''s ?' WHERE c = %s"
    assert mask_url("postgresql://u:p%40ss@h:5/db?sslmode=require&password=x") == (
        "postgresql://u:***@h:5/db?sslmode=require&password=***")
    assert mask_url("postgresql://h/db") == "postgresql://h/db"


def test_rows_read_by_name_and_index_and_text_keeps_its_bytes(any_store):
    text = "Ferja gikk på grunn utenfor Bergen i går kveld, melder Kystverket."
    any_store.write_batch(new=[_article("a1", "Ferje", text)])
    row = any_store.db.execute("SELECT id, title FROM articles WHERE id = ?", ("a1",)).fetchone()
    assert (row[0], row["title"]) == ("a1", "Ferje") and dict(row) == {"id": "a1", "title": "Ferje"}
    got = any_store.get_article("a1")
    assert got.text == text and got.lang_confidence == 1.0
    run = any_store.start_run(["x"])
    assert any_store.start_run(["y"]) == run + 1  # ids count up, as SQLite's rowids


def test_a_transaction_is_all_or_nothing_and_cannot_be_nested(any_store):
    count = lambda: any_store.db.execute("SELECT count(*) FROM runs").fetchone()[0]  # noqa: E731
    with pytest.raises(KeyboardInterrupt):
        with any_store.transaction() as db:
            db.execute("INSERT INTO runs (started_at, inputs) VALUES (?, ?)", ("t", "x"))
            raise KeyboardInterrupt
    assert count() == 0
    with pytest.raises(Exception, match="transaction"):
        with any_store.transaction() as db:
            db.execute("INSERT INTO runs (started_at, inputs) VALUES (?, ?)", ("t", "x"))
            with any_store.transaction():
                pass
    assert count() == 0  # the outer one rolled back too
    any_store.start_run(["y"])  # and no transaction was left open
    assert count() == 1


# -- search --------------------------------------------------------------------------------------


def test_search_finds_every_word_with_the_last_as_a_prefix_and_marks_the_hits(any_store):
    s = any_store
    s.write_batch(new=[
        _article("n1", "Tokajev snakker", "Presidenten talte til folket i Almaty om krisen."),
        _article("n2", "Ferje på grunn", "Ferja gikk på grunn utenfor Bergen."),
        _article("n3", "Bergen", "Statsministeren besøkte Bergen og Almaty."),
    ])
    assert s.search("tokajev")[0] == 1
    total, rows = s.search("almaty")
    assert total == 2 and {r["id"] for r in rows} == {"n1", "n3"}
    assert "\x02Almaty\x03" in rows[0]["snippet"]
    assert [r["id"] for r in s.search("bergen")[1]][0] == "n3"  # a title hit ranks first
    assert {r["id"] for r in s.search("almaty presid")[1]} == {"n1"}  # the last word as a prefix
    assert s.search("presid almaty")[0] == 0  # but only the last
    assert s.search('"NEAR( AND * - & | ! :*')[0] == 0  # query syntax is read as words
    assert s.search("   ")[0] == 0
    # the index follows updates and deletes, whoever writes
    art = s.get_article("n1")
    art.text, art.content_hash = "Ordføreren i Tromsø la fram budsjettet.", "h2"
    s.write_batch(updated=[art])
    assert s.search("almaty")[0] == 1 and s.search("tromsø")[1][0]["id"] == "n1"
    with s.transaction() as db:
        db.execute("DELETE FROM articles WHERE id = ?", ("n3",))
    assert s.search("almaty")[0] == 0
    assert s.count_stories(text="tromsø") == 0  # nothing clustered yet


def test_search_folds_accents_and_marks_the_original_spelling(any_store):
    s = any_store
    s.write_batch(new=[
        _article("f1", "Tokaïev s'adresse à la nation", "Le président Tokaïev a parlé à Almaty."),
        _article("f2", "Reuters", "President Tokayev spoke; the Élysée said nothing."),
    ])
    for query in ("tokaiev", "Tokaïev", "TOKAÏ"):
        total, rows = s.search(query)
        assert total == 1 and rows[0]["id"] == "f1", query
        assert "\x02Tokaïev\x03" in rows[0]["snippet"]
    assert [r["id"] for r in s.search("elysee")[1]] == ["f2"]
    assert s.search("tokayev")[0] == 1  # folding accents does not merge spellings: names do that


def test_version_7_upgrades_a_version_6_database_in_place(db_url, monkeypatch):
    """Stored articles become searchable with accents folded, and entries the watcher took
    get a last-seen time, without losing a row."""
    from crosswire.store import postgres, sqlite

    with monkeypatch.context() as m:
        m.setattr(sqlite, "MIGRATIONS", MIGRATIONS[:6])
        m.setattr(sqlite, "LATEST_VERSION", 6)
        m.setattr(postgres, "PG_MIGRATIONS", PG_MIGRATIONS[:6])
        m.setattr(postgres, "LATEST_PG_VERSION", 6)
        with open_store(db_url) as old:
            assert old.schema_version == 6
            old.write_batch(new=[_article("u1", "Tokaïev", "Le président Tokaïev a parlé.")])
            with old.transaction() as db:
                db.execute("INSERT INTO watch_seen (key, feed, first_seen) VALUES (?, ?, ?)",
                           ("https://a/1", "https://a/rss", "2026-01-01T00:00:00Z"))
    with open_store(db_url) as new:
        assert new.schema_version == 7
        assert [r["id"] for r in new.search("tokaiev")[1]] == ["u1"]
        rows = [tuple(r) for r in new.db.execute("SELECT key, last_seen FROM watch_seen")]
        assert rows == [("https://a/1", "2026-01-01T00:00:00Z")]
        assert new.forget_watch_seen("2026-01-02T00:00:00Z") == 1


# -- job lock and change detection ---------------------------------------------------------------


def test_job_lock_keeps_a_second_store_waiting_until_the_first_lets_go(db_url):
    first, second = open_store(db_url), open_store(db_url)
    got = threading.Event()

    def take() -> None:
        with second.job_lock("cluster"):
            got.set()

    with first.job_lock("cluster"):
        with first.job_lock("cluster"):  # re-entrant for one store
            pass
        waiter = threading.Thread(target=take)
        waiter.start()
        assert not got.wait(0.7)
    assert got.wait(10)
    waiter.join(10)
    with first.job_lock("facts"), second.job_lock("cluster"):  # names are separate locks
        pass
    first.close()
    second.close()


def test_data_version_changes_when_another_connection_commits(db_url):
    reader, writer = open_store(db_url), open_store(db_url)
    before = reader.data_version()
    reader.stats()
    assert reader.data_version() == before  # reads change nothing
    writer.start_run(["x"])
    after = reader.data_version()
    assert after != before
    assert reader.data_version() == after
    reader.close()
    writer.close()


# -- the whole pipeline on PostgreSQL, against the same run on SQLite ------------------------------


@pytest.fixture(scope="module")
def pg_run(pg_server) -> str:
    """``crosswire run [seeds] --sample`` into a PostgreSQL database (as webdata.built_db does
    into SQLite)."""
    url = pg_server.database()
    args = ["run", *([str(SEEDS)] if have_seeds() else []), "--sample", "--db", url, "--quiet"]
    res = runner.invoke(app, args)
    assert res.exit_code == 0, res.output
    yield url
    pg_server.drop(url)


def test_run_on_postgres_makes_the_stories_figures_and_names_of_sqlite(pg_run):
    with open_store(pg_run) as pg, open_store(built_db()) as lite:
        assert pg.stats() == lite.stats()
        assert pg.story_of_articles() == lite.story_of_articles()
        assert pg.stories() == lite.stories()
        ids = [a.id for a in lite.articles()]
        strip = lambda rows: [{k: v for k, v in r.items() if k != "id"} for r in rows]  # noqa: E731
        assert strip(pg.article_figures(ids)) == strip(lite.article_figures(ids))
        assert pg.article_names(ids) == lite.article_names(ids)
        assert [a.id for a in pg.articles()] == ids
        if have_seeds():
            seeds = [a.id for a in pg.articles() if a.origin.startswith(str(SEEDS))]
            stories = pg.story_of_articles()
            assert len(seeds) == 5 and len({stories[i] for i in seeds}) == 1  # the seeds are one story


def _stable(data: object) -> object:
    """``data`` without the times at which each database was written."""
    if isinstance(data, dict):
        return {k: _stable(v) for k, v in data.items() if k not in ("ingested_at", "updated_at")}
    if isinstance(data, list):
        return [_stable(v) for v in data]
    return data


def _cli_json(args: list[str]) -> object:
    res = runner.invoke(app, args)
    assert res.exit_code == 0, (args, res.output)
    return _stable(json.loads(res.stdout))


def test_every_read_command_answers_the_same_on_both(pg_run):
    lite = str(built_db())
    stories = _cli_json(["stories", "--json", "--db", lite])
    sid = stories[0]["id"]
    with open_store(lite) as s:
        arts = [a.id for a in s.story_articles(sid)]
    commands = [["articles", "--json"], ["articles", "--lang", "nb", "--json"], ["stories", "--json"],
                ["stories", "--lang", "nl", "--json"], ["show", sid, "--json"], ["figures", sid, "--json"],
                ["names", sid, "--json"], ["claims", arts[0], "--json"], ["article", arts[0], "--json"],
                ["rejected", "--json"], ["similar", arts[0], arts[-1], "--json"]]
    for cmd in commands:
        assert _cli_json([*cmd, "--db", pg_run]) == _cli_json([*cmd, "--db", lite]), cmd
    stats = _cli_json(["stats", "--json", "--db", pg_run])
    assert stats == _cli_json(["stats", "--json", "--db", lite])


def test_api_reads_answer_the_same_on_both(pg_run):
    with TestClient(create_app(pg_run)) as pg, TestClient(create_app(str(built_db()))) as lite:
        listing = lite.get("/api/stories").json()
        sid = listing["stories"][0]["id"]
        aid = lite.get(f"/api/stories/{sid}/articles").json()["articles"][0]["id"]
        paths = ["/api/stories", "/api/stories?sort=size&limit=5", "/api/stories?lang=nb", "/api/stories?q=presidente",
                 "/api/stories?source=nrk.no", f"/api/stories/{sid}", f"/api/stories/{sid}/figures",
                 f"/api/stories/{sid}/articles", f"/api/articles/{aid}", "/api/updates?after=0"]
        for path in paths:
            a, b = pg.get(path), lite.get(path)
            assert a.status_code == b.status_code == 200, path
            assert _stable(a.json()) == _stable(b.json()), path
        for q in ("president", "milit", "sécurité", "explosion", "tues"):  # accents folded on both
            a, b = pg.get("/api/search", params={"q": q}).json(), lite.get("/api/search", params={"q": q}).json()
            assert a["total"] == b["total"] > 0, q
            assert {r["id"] for r in a["results"]} == {r["id"] for r in b["results"]}, q
            assert any(seg["kind"] == "hit" for r in a["results"] for seg in r["snippet"]), q
        for page in ("/", f"/stories/{sid}", "/search?q=president"):
            assert pg.get(page).status_code == 200, page


def test_watch_and_eval_take_a_postgres_database(pg_url, pg_server, tmp_path):
    drop = tmp_path / "drop"
    drop.mkdir()
    line = next(iter(sample_path().read_text(encoding="utf-8").splitlines()))
    (drop / "one.jsonl").write_text(line + "\n", encoding="utf-8")
    res = runner.invoke(app, ["watch", "--dir", str(drop), "--once", "--no-link", "--quiet", "--db", pg_url])
    assert res.exit_code == 0, res.output
    with open_store(pg_url) as s:
        assert [a.id for a in s.articles()] == [json.loads(line)["id"]]
        assert s.stats()["clustered"] == 1
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(sample_path().read_text(encoding="utf-8").splitlines()[:12]) + "\n", encoding="utf-8")
    evals = [_cli_json(["eval", "clusters", "--articles", str(gold), "--json", "--quiet", "--db", db])
             for db in (pg_server.database(), str(tmp_path / "eval.db"))]
    assert evals[0] == evals[1] and evals[0]["f1"] > 0


# -- several processes on one database ------------------------------------------------------------


def _ingest_at_once(db: str, path: str, start, out) -> None:
    from crosswire.ingest import iter_inputs
    from crosswire.pipeline import Ingestor

    store = open_store(db)
    ingestor = Ingestor(store)
    ingestor.langid.identify_many(["Dette er en norsk tekst om været i dag."], [None])  # models loaded first
    start.wait()  # both look for stored copies before either has written
    try:
        out.put(("ok", ingestor.ingest(iter_inputs([path])).stored))
    except Exception as exc:  # reported to the test, which names it
        out.put(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        store.close()


def test_two_processes_ingesting_the_same_articles_at_once_store_each_once(db_url):
    results = at_once(_ingest_at_once, [(db_url, str(sample_path()))] * 2)
    assert [r for r in results if r[0] == "error"] == []
    n = len(sample_path().read_text(encoding="utf-8").splitlines())
    with open_store(db_url) as s:
        assert s.count_articles() == n
        bands = s.db.execute("SELECT count(*), count(DISTINCT article_id) FROM lsh_bands").fetchone()
        doubled = s.db.execute("SELECT count(*) FROM (SELECT article_id, key FROM lsh_bands "
                               "GROUP BY article_id, key HAVING count(*) > 1) AS d").fetchone()[0]
        assert bands[1] == n and doubled == 0


def _split_sample(tmp_path: Path) -> tuple[Path, Path]:
    """Two overlapping halves of the sample: a third of the articles is in both."""
    lines = sample_path().read_text(encoding="utf-8").splitlines()
    third = len(lines) // 3
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text("\n".join(lines[: 2 * third]) + "\n", encoding="utf-8")
    b.write_text("\n".join(lines[third:]) + "\n", encoding="utf-8")
    return a, b


def test_two_runs_and_the_web_app_at_once_lose_nothing_and_place_each_article_once(pg_url, tmp_path):
    half_a, half_b = _split_sample(tmp_path)
    cmd = [sys.executable, "-m", "crosswire", "run", "--no-link", "--quiet", "--db", pg_url]
    procs = [subprocess.Popen([*cmd, str(p)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for p in (half_a, half_b)]
    statuses: set[int] = set()
    seen_stories = 0
    deadline = time.monotonic() + 600
    with TestClient(create_app(pg_url)) as client:  # the web app reads while both runs write
        while any(p.poll() is None for p in procs) and time.monotonic() < deadline:
            for path in ("/api/stories", "/api/search?q=president", "/api/updates?after=0"):
                r = client.get(path)
                statuses.add(r.status_code)
                if path == "/api/stories":
                    seen_stories = max(seen_stories, r.json()["total"])
            time.sleep(0.2)
        outs = [p.communicate(timeout=60) for p in procs]
        assert [p.returncode for p in procs] == [0, 0], outs
        final = client.get("/api/stories").json()["total"]
    assert statuses == {200}
    n = len(sample_path().read_text(encoding="utf-8").splitlines())
    with open_store(pg_url) as s, open_store(built_db()) as ref:
        assert s.count_articles() == n
        placed = s.db.execute("SELECT count(*), count(DISTINCT article_id) FROM memberships").fetchone()
        assert tuple(placed) == (n, n)
        # every story is made of its groups' articles, and every group's story exists
        assert s.db.execute("SELECT sum(n_articles) FROM stories").fetchone()[0] == n
        orphans = s.db.execute("SELECT count(*) FROM groups g LEFT JOIN stories st ON st.id = g.story_id "
                               "WHERE st.id IS NULL").fetchone()[0]
        assert orphans == 0 and final == s.stats()["stories"] >= seen_stories
        # the two ingest runs were really at the same time (to the second)
        (s1, f1), (s2, f2) = s.db.execute("SELECT started_at, finished_at FROM runs ORDER BY id").fetchall()
        assert s1 <= f2 and s2 <= f1
        # facts of each article once, as a single run finds them
        ids = [a.id for a in s.articles()]
        count = lambda rows: sorted((r["article_id"], r["value_text"], r["span_start"]) for r in rows)  # noqa: E731
        assert count(s.article_figures(ids)) == count(ref.article_figures(ids))
        assert s.article_names(ids) == ref.article_names(ids)
