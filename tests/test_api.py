"""The HTTP API and pages through the real app on a real SQLite file (FastAPI TestClient)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from crosswire.cli import app as cli
from crosswire.model import Article
from crosswire.serve.app import create_app
from crosswire.store import open_store
from crosswire.store.migrations import MIGRATIONS

from .webdata import copy_db, have_seeds

KEY = "test-key-123"
runner = CliRunner()


def _sample(article_id: str) -> dict:
    from crosswire.cli import sample_path

    for line in sample_path().read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["id"] == article_id:
            return rec
    raise KeyError(article_id)


@pytest.fixture(scope="module")
def ro(tmp_path_factory) -> tuple[TestClient, Path]:
    """A client on a module-wide copy, for tests that write nothing (or must not)."""
    db = copy_db(tmp_path_factory.mktemp("ro"))
    with TestClient(create_app(db, api_key=KEY)) as client:
        yield client, db


@pytest.fixture
def rw(tmp_path) -> tuple[TestClient, Path]:
    db = copy_db(tmp_path)
    with TestClient(create_app(db, api_key=KEY)) as client:
        yield client, db


def _counts(db: Path) -> tuple[int, int, int]:
    con = sqlite3.connect(db)
    try:
        return tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[return-value]
                     for t in ("articles", "rejected", "memberships"))
    finally:
        con.close()


def _story_of_sample(client: TestClient, article_id: str) -> str:
    return client.get(f"/api/articles/{article_id}").json()["story"]["id"]


# -- store: the search migration ----------------------------------------------------------


def test_search_migration_indexes_stored_articles_and_triggers_keep_it_current(tmp_path):
    path = tmp_path / "old.db"
    con = sqlite3.connect(path)
    fts = next(v for v, sql in MIGRATIONS if "articles_fts" in sql)
    before = [(v, sql) for v, sql in MIGRATIONS if v < fts]
    for _, sql in before:
        con.executescript(sql)
    con.execute("INSERT INTO articles (id, lang, lang_confidence, title, text, origin, content_hash, ingested_at) "
                "VALUES ('old1', 'nb', 1.0, 'Tokajev snakker', 'Presidenten talte til folket i Almaty.', 'x', 'h', 'now')")
    con.execute(f"PRAGMA user_version = {before[-1][0]}")
    con.commit()
    con.close()
    with open_store(path) as s:  # migrates to the newest version
        assert s.schema_version == MIGRATIONS[-1][0]
        total, rows = s.search("tokajev")
        assert total == 1 and rows[0]["id"] == "old1"
        assert "\x02Almaty\x03" in s.search("almaty")[1][0]["snippet"]
        art = s.get_article("old1")
        art.text, art.content_hash = "Statsministeren besøkte Bergen i går kveld.", "h2"
        new = Article(id="new1", url=None, source=None, lang="nb", lang_confidence=1.0, published=None,
                      precision=None, title="Ferje på grunn", text="Ferja gikk på grunn utenfor Bergen.",
                      origin="y", content_hash="h3")
        s.write_batch(new=[new], updated=[art])
        assert s.search("almaty")[0] == 0  # the old text left the index
        assert {r["id"] for r in s.search("bergen")[1]} == {"old1", "new1"}
        s.db.execute("DELETE FROM articles WHERE id = 'new1'")
        assert [r["id"] for r in s.search("bergen")[1]] == ["old1"]
        # FTS syntax typed by a user is read as words, never as a query error
        assert s.search('"NEAR( AND * -')[0] == 0


# -- reads --------------------------------------------------------------------------------


def test_story_list_filters_and_pages(ro):
    client, db = ro
    with open_store(db) as s:
        all_ids = [st["id"] for st in s.stories()]
    data = client.get("/api/stories", params={"limit": 500}).json()
    assert data["total"] == len(all_ids) and [st["id"] for st in data["stories"]] == all_ids
    first = client.get("/api/stories", params={"limit": 4}).json()["stories"]
    second = client.get("/api/stories", params={"limit": 4, "offset": 4}).json()["stories"]
    assert [st["id"] for st in first + second] == all_ids[:8]
    nn = client.get("/api/stories", params={"lang": "nn"}).json()
    assert 0 < nn["total"] < len(all_ids) and all("nn" in st["langs"] for st in nn["stories"])
    nrk = client.get("/api/stories", params={"source": "nrk.no"}).json()
    assert 0 < nrk["total"] < len(all_ids) and all("nrk.no" in st["sources"] for st in nrk["stories"])
    odda = {st["id"] for st in client.get("/api/stories", params={"q": "Odda"}).json()["stories"]}
    hits = client.get("/api/search", params={"q": "Odda", "limit": 500}).json()["results"]
    assert _story_of_sample(client, "s001") in odda and odda == {r["story_id"] for r in hits}
    assert len(odda) < len(all_ids)
    since = client.get("/api/stories", params={"since": "2024-01-01", "until": "2024-12-31"}).json()["stories"]
    assert since and all(st["last_seen"][:4] == "2024" or st["first_seen"][:4] == "2024" for st in since)
    sizes = [st["n_articles"] for st in client.get("/api/stories", params={"sort": "size"}).json()["stories"]]
    assert sizes == sorted(sizes, reverse=True) and len(set(sizes)) > 1
    flagged = {st["id"]: st["disputed"] for st in data["stories"]}
    assert True in flagged.values() and False in flagged.values()


def test_bad_query_parameters_get_a_json_error(ro):
    client, _ = ro
    for params in ({"limit": 0}, {"limit": "many"}, {"since": "last week"}, {"sort": "random"}, {"lang": "<b>"}):
        r = client.get("/api/stories", params=params)
        assert r.status_code == 422 and r.json()["error"] and r.json()["status"] == 422, params
    r = client.get("/api/stories/st-nothing")
    assert r.status_code == 404 and r.json() == {"error": "no story 'st-nothing'", "status": 404}
    assert client.get("/api/articles/nothing").status_code == 404
    assert client.get("/api/search").status_code == 422


def test_story_figures_and_names_are_the_cli_tables(ro):
    client, db = ro
    sid = _story_of_sample(client, "s001")
    cli_figs = json.loads(runner.invoke(cli, ["figures", sid, "--db", str(db), "--json"]).stdout)
    assert client.get(f"/api/stories/{sid}/figures").json() == cli_figs and cli_figs["figures"]
    cli_names = json.loads(runner.invoke(cli, ["names", sid, "--db", str(db), "--json"]).stdout)
    story = client.get(f"/api/stories/{sid}").json()
    assert story["names"] == cli_names["names"] and story["names"]
    assert sum(lang["articles"] for lang in story["timeline"]["languages"]) == story["n_articles"]
    assert {t["lang"] for t in story["titles"]} == set(story["langs"]) - {story["title_lang"]}


def test_merged_story_ids_resolve(ro, tmp_path):
    client, db = ro
    sid = _story_of_sample(client, "s001")
    con = sqlite3.connect(db)
    con.execute("INSERT OR REPLACE INTO story_aliases (alias, story_id) VALUES ('st-merged-away', ?)", (sid,))
    con.commit()
    con.close()
    assert client.get("/api/stories/st-merged-away").json()["id"] == sid
    assert client.get("/api/stories/st-merged-away/figures").json()["story"] == sid
    assert client.get("/api/stories/st-merged-away/articles").json()["story"] == sid
    seq = client.get("/api/updates").json()["seq"]
    live = client.get("/api/updates", params={"after": seq, "ids": f"st-merged-away,{sid},st-gone"}).json()
    assert live["moved"] == {"st-merged-away": sid, "st-gone": None} and [s["id"] for s in live["stories"]] == [sid]
    page = client.get("/stories/st-merged-away", follow_redirects=False)
    assert page.status_code == 301 and page.headers["location"] == f"/stories/{sid}"


def test_story_articles_page_through_and_filter(ro):
    client, _ = ro
    sid = _story_of_sample(client, "s001")
    whole = client.get(f"/api/stories/{sid}/articles").json()
    ids = [a["id"] for a in whole["articles"]]
    assert "s001" in ids and whole["total"] == len(ids) and "text" not in whole["articles"][0]
    paged = [a["id"] for off in range(0, len(ids), 2)
             for a in client.get(f"/api/stories/{sid}/articles", params={"limit": 2, "offset": off}).json()["articles"]]
    assert paged == ids
    nn = client.get(f"/api/stories/{sid}/articles", params={"lang": "nn"}).json()
    assert nn["total"] >= 1 and {a["lang"] for a in nn["articles"]} == {"nn"}


def test_article_has_text_facts_copies_and_story(ro):
    client, db = ro
    with open_store(db) as s:
        copy = next(a for a in s.articles() if a.duplicate_of)
    original = client.get(f"/api/articles/{copy.duplicate_of}").json()
    assert copy.id in original["near_duplicates"]
    got = client.get(f"/api/articles/{copy.id}").json()
    assert got["duplicate_of"] == copy.duplicate_of and got["text"] == copy.text
    art = client.get("/api/articles/s001").json()
    assert art["story"]["id"] == _story_of_sample(client, "s001")
    assert any(f["value_text"] in art["text"] for f in art["figures"]) and any(n["surface"] == "Odda" for n in art["names"])


def test_search_finds_words_with_snippets(ro):
    client, _ = ro
    data = client.get("/api/search", params={"q": "Odda"}).json()
    assert data["total"] >= 2 and "s001" in {r["id"] for r in data["results"]}
    for r in data["results"]:
        hits = [seg["text"] for seg in r["snippet"] if seg["kind"] == "hit"]
        assert hits and all(h.casefold() == "odda" for h in hits)
    assert client.get("/api/search", params={"q": 'NEAR("x" *'}).status_code == 200


@pytest.mark.skipif(not have_seeds(), reason="../shared/seeds is not available")
def test_seed_story_shows_the_disputed_death_toll(ro):
    client, _ = ro
    hit = client.get("/api/search", params={"q": "Tokajev"}).json()
    (sid,) = {s["id"] for s in hit["stories"]}
    rows = client.get(f"/api/stories/{sid}/figures").json()["figures"]
    killed = next(r for r in rows if (r["category"], r["subject"]) == ("killed", "people"))
    assert killed["status"] == "disagree" and {164, 26} <= {r["low"] for r in killed["reports"]}
    listed = client.get("/api/stories", params={"q": "Tokajev"}).json()["stories"]
    assert [s["id"] for s in listed] == [sid] and listed[0]["disputed"] is True


# -- pages --------------------------------------------------------------------------------


def test_long_figure_rows_show_every_distinct_value_first():
    from crosswire.facts.reconcile import FigureRow, Report
    from crosswire.serve.views import shown_reports

    def rep(i: int, value: float) -> Report:
        return Report(article_id=f"a{i}", source=f"s{i}", lang="en", published=None, value_text=str(value),
                      low=value, high=value, kind="exact", qualifier="none", subject="people", subject_text=None,
                      attribution=None, attribution_text=None, sentence="", interval=(value, value))

    reports = [rep(i, 10) for i in range(15)] + [rep(15, 12), rep(16, 10), rep(17, 40)]
    row = FigureRow(category="killed", subject="people", status="disagree", reports=reports, low=10, high=40)
    shown = shown_reports(row, 5)
    assert [r.article_id for r in shown] == ["a0", "a1", "a2", "a15", "a17"]
    assert shown_reports(row, 50) == reports



def test_pages_render_the_story(ro):
    client, _ = ro
    sid = _story_of_sample(client, "s001")
    home = client.get("/")
    assert home.status_code == 200 and f'data-story="{sid}"' in home.text and "/static/live.js" in home.text
    page = client.get(f"/stories/{sid}")
    story = client.get(f"/api/stories/{sid}").json()
    assert page.status_code == 200 and page.text.count('<tr class="report">') == sum(
        len(r["reports"]) for r in client.get(f"/api/stories/{sid}/figures").json()["figures"])
    assert page.text.count("<rect ") >= len(story["langs"]) and "<svg" in page.text
    assert client.get(f"/stories/{sid}", params={"figures": "all"}).text.count('<tr class="report">') == \
        page.text.count('<tr class="report">')
    assert all(f"/articles/{a}" in page.text for a in ("s001", "s002"))
    art = client.get("/articles/s001")
    assert art.status_code == 200 and '<mark class="name"' in art.text and '<mark class="figure"' in art.text
    assert client.get("/search", params={"q": "Odda"}).text.count('class="snippet"') >= 2
    missing = client.get("/stories/st-none")
    assert missing.status_code == 404 and "no story" in missing.text and missing.headers["content-type"].startswith("text/html")


# -- writes -------------------------------------------------------------------------------


def test_writes_need_the_key(ro, tmp_path):
    client, db = ro
    before = _counts(db)
    rec = {"text": "Ein heilt ny artikkel om noko som hende i går, med nok tekst til å bli lagra."}
    assert client.post("/api/articles", json=rec).status_code == 401
    assert client.post("/api/articles", json=rec, headers={"X-API-Key": "wrong"}).status_code == 401
    assert client.post("/api/articles", json=rec, params={"key": KEY}).status_code == 401  # headers only
    with TestClient(create_app(copy_db(tmp_path))) as keyless:
        r = keyless.post("/api/articles", json=rec, headers={"X-API-Key": KEY})
        assert r.status_code == 403 and "CROSSWIRE_API_KEY" in r.json()["error"]
    assert _counts(db) == before


BAD = [
    (b'{"text": "unterminated', 400, "malformed JSON"),
    (b"[]", 422, "no articles"),
    (b'["just a string"]', 422, "expected an article object"),
    (b'{"text": "Enough words here to be an article of some length, really.", "colour": "red"}', 422,
     "unknown field 'colour'"),
    (b'{"text": 12345}', 422, "articles[1].text: expected string, got int"),
    (b'{"title": "No text"}', 422, "missing field 'text'"),
    (b'{"text": "Enough words here to be an article of some length, really.", "published": "0999-05-01"}', 422,
     "absurd date 0999-05-01"),
    (b'{"text": "Enough words here to be an article of some length, really.", "published": "2999-01-01"}', 422,
     "in the future"),
    (b'{"text": "Too short."}', 422, "too short"),
]


@pytest.mark.parametrize(("body", "status", "message"), BAD, ids=[m for _, _, m in BAD])
def test_bad_posts_get_a_clear_error_and_write_nothing(ro, body, status, message):
    client, db = ro
    before = _counts(db)
    good = {"id": "fine", "text": "A perfectly good article that would be stored if the batch were valid."}
    batch = b"[" + json.dumps(good).encode() + b"," + body + b"]" if body.startswith(b"{") else body
    r = client.post("/api/articles", content=batch, headers={"X-API-Key": KEY, "Content-Type": "application/json"})
    assert r.status_code == status and message in r.json()["error"], r.json()
    assert _counts(db) == before


def test_oversized_and_wrong_kind_of_bodies(ro):
    client, db = ro
    before = _counts(db)
    headers = {"X-API-Key": KEY, "Content-Type": "application/json"}
    huge = json.dumps({"text": "x " * 3_000_000}).encode()
    r = client.post("/api/articles", content=huge, headers=headers)
    assert r.status_code == 413 and "too large" in r.json()["error"]
    chunked = (b"[" + b" " * 1_000_000 for _ in range(6))  # no Content-Length: counted while read
    r = client.post("/api/articles", content=chunked, headers=headers)
    assert r.status_code == 413 and "too large" in r.json()["error"]
    many = json.dumps([{"text": f"Article number {i} with enough text to be stored as one."} for i in range(101)])
    r = client.post("/api/articles", content=many, headers=headers)
    assert r.status_code == 413 and "too many articles" in r.json()["error"]
    r = client.post("/api/articles", content=b"text=hello", headers={"X-API-Key": KEY,
                                                                      "Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 415
    assert _counts(db) == before


def test_post_ingests_clusters_and_reports_the_story(rw):
    client, db = rw
    sid = _story_of_sample(client, "s001")
    n_before = client.get(f"/api/stories/{sid}").json()["n_articles"]
    seq = client.get("/api/updates").json()["seq"]
    listed = [client.get("/api/stories", params={"limit": 500}).json() for _ in range(3)]  # answers cached
    original = _sample("s001")
    copy = {**{k: original[k] for k in ("lang", "published", "title", "text")}, "id": "wire-copy-1",
            "source": "wire.example", "url": "https://wire.example/odda"}
    copy["text"] = copy["text"].replace("Four houses were swept away", "Three houses were swept away")
    other = {"id": "wire-new-1", "source": "wire.example", "lang": "en", "published": "2021-03-03T10:00:00Z",
             "title": "Glacier museum opens new hall in Fjærland",
             "text": "The Norwegian Glacier Museum in Fjærland opened a new exhibition hall on Wednesday, director "
                     "Tone Vassbotn said. The hall shows ice cores drilled on the Jostedal glacier."}
    r = client.post("/api/articles", json=[copy, other], headers={"Authorization": f"Bearer {KEY}"})
    assert r.status_code == 201, r.json()
    got = {a["id"]: a for a in r.json()["articles"]}
    assert got["wire-copy-1"]["story"]["id"] == sid and got["wire-copy-1"]["duplicate_of"] == "s001"
    assert got["wire-copy-1"]["story"]["n_articles"] == n_before + 1
    assert got["wire-new-1"]["story"]["id"] not in (None, sid) and got["wire-new-1"]["story"]["n_articles"] == 1
    assert client.get(f"/api/stories/{sid}").json()["n_articles"] == n_before + 1
    after = client.get("/api/stories", params={"limit": 500}).json()  # the cache saw the write
    new_sid = got["wire-new-1"]["story"]["id"]
    assert after["total"] == listed[-1]["total"] + 1 and new_sid in {s["id"] for s in after["stories"]}
    assert {s["id"]: s["n_articles"] for s in after["stories"]}[sid] == n_before + 1
    upd = client.get("/api/updates", params={"after": seq}).json()
    assert upd["seq"] == seq + 2 and {s["id"] for s in upd["stories"]} == {sid, got["wire-new-1"]["story"]["id"]}
    assert {r["id"] for r in client.get("/api/search", params={"q": "Fjærland"}).json()["results"]} == {"wire-new-1"}
    assert client.get("/api/articles/wire-new-1").json()["names"]  # facts extracted right away
    again = client.post("/api/articles", json=other, headers={"X-API-Key": KEY})
    assert again.status_code == 200 and again.json()["articles"][0]["status"] == "unchanged"
    changed = client.post("/api/articles", json={**other, "text": other["text"] + " It opens to visitors in May."},
                          headers={"X-API-Key": KEY})
    assert changed.status_code == 201 and changed.json()["articles"][0]["status"] == "updated"
    assert client.get("/api/articles/wire-new-1").json()["text"].endswith("visitors in May.")
    assert _counts(db)[0] == _counts(db)[2]  # every stored article is placed in a story


def test_article_text_is_escaped_everywhere(rw):
    client, _ = rw
    evil = {"id": "evil", "lang": "en", "title": "<script>alert('t')</script> Harbour fire",
            "text": "A fire broke out in the harbour <img src=x onerror=alert(1)> on Monday, the fire "
                    "service said. Twelve boats were damaged and 30 people were evacuated.",
            "url": "javascript:alert(2)", "source": "<b>bad</b>"}
    r = client.post("/api/articles", json=evil, headers={"X-API-Key": KEY})
    assert r.status_code == 201
    sid = r.json()["articles"][0]["story"]["id"]
    for url in ("/articles/evil", f"/stories/{sid}", "/search?q=harbour", "/"):
        html = client.get(url).text
        assert "<script>alert" not in html and "<img src=x" not in html and "<b>bad</b>" not in html, url
        assert 'href="javascript:' not in html, url
    assert "&lt;script&gt;" in client.get("/articles/evil").text


def test_locked_reads_need_the_key(tmp_path):
    with TestClient(create_app(copy_db(tmp_path), api_key=KEY, lock_reads=True)) as client:
        assert client.get("/api/stories").status_code == 401
        assert client.get("/").status_code == 401
        assert client.get("/api/stories", headers={"X-API-Key": KEY}).status_code == 200
        assert client.get("/", params={"key": KEY}).status_code == 200  # sets the cookie
        assert client.get("/api/stories").status_code == 200
    with pytest.raises(ValueError):
        create_app(tmp_path / "x.db", lock_reads=True)


def test_cli_serve_refuses_locked_reads_without_a_key(tmp_path, monkeypatch):
    monkeypatch.delenv("CROSSWIRE_API_KEY", raising=False)
    res = runner.invoke(cli, ["serve", "--db", str(tmp_path / "s.db"), "--host", "0.0.0.0"])
    assert res.exit_code == 2 and "no API key" in res.output
    empty = tmp_path / "key"
    empty.write_text("")
    res = runner.invoke(cli, ["serve", "--db", str(tmp_path / "s.db"), "--key-file", str(empty)])
    assert res.exit_code == 2 and "cannot read the API key" in res.output


def test_api_explorer_works_offline(ro):
    client, _ = ro
    page = client.get("/docs")
    assert page.status_code == 200
    assert "/static/swagger/swagger-ui-bundle.js" in page.text and "cdn" not in page.text.lower()
    js = client.get("/static/swagger/swagger-ui-bundle.js")
    assert js.status_code == 200 and len(js.content) > 100_000
    spec = client.get("/openapi.json").json()
    assert "/api/stories" in spec["paths"] and "post" in spec["paths"]["/api/articles"]
