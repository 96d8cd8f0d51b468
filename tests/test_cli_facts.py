"""Figures, claims and names through the CLI on the real seeds (skipped without them)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from crosswire.cli import EXIT_USAGE, app
from crosswire.store import open_store

runner = CliRunner()


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    from .conftest import SEEDS

    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not available")
    db = str(tmp_path_factory.mktemp("facts") / "f.db")
    res = runner.invoke(app, ["run", str(SEEDS), "--db", db, "--quiet"])
    assert res.exit_code == 0, res.output
    with open_store(db) as s:
        (story,) = {v for v in s.story_of_articles().values()}
        ids = {a.origin.rsplit("/", 1)[-1][:3]: a.id for a in s.articles()}
    return db, story, ids


def _rows(db: str, story: str) -> dict[tuple[str, str], dict]:
    data = json.loads(runner.invoke(app, ["figures", story, "--db", db, "--json"]).stdout)
    return {(r["category"], r["subject"]): r for r in data["figures"]}


def test_seed_figure_table_shows_the_disputed_tolls(seeded):
    db, story, _ = seeded
    rows = _rows(db, story)
    killed = rows[("killed", "people")]
    values = {r["low"] for r in killed["reports"]}
    assert {164, 160, 26} <= values and killed["status"] == "disagree"
    arrested = rows[("arrested", "people")]
    assert {r["low"] for r in arrested["reports"]} == {8000, 3000} and arrested["status"] == "disagree"
    assert {r["qualifier"] for r in arrested["reports"]} == {"nearly", "more_than"}
    assert {r["attribution"] for r in arrested["reports"]} == {"interior_ministry"}
    security = rows[("killed", "security_forces")]
    assert {r["low"] for r in security["reports"]} == {8, 16, 18}
    langs = {r["lang"] for row in rows.values() for r in row["reports"]}
    assert langs == {"nb", "nn", "nl"}
    text = runner.invoke(app, ["figures", story, "--db", db]).stdout
    assert "DISAGREE" in text and "164" in text and "8.000" in text


def test_claims_give_evidence_with_spans(seeded):
    db, _, ids = seeded
    data = json.loads(runner.invoke(app, ["claims", ids["000"], "--db", db, "--json"]).stdout)
    with open_store(db) as s:
        text = s.get_article(ids["000"]).text
    assert data["lang"] == "nn" and len(data["figures"]) >= 5
    for f in data["figures"]:
        if f["span_start"] >= 0:
            assert f["value_text"] in text[f["span_start"] : f["span_end"]]
            assert f["sentence"] in text
    keys = {n["key"] for n in data["names"]}
    assert any(n["surface"] == "Tokajev" for n in data["names"]) and len(keys) >= 5
    assert runner.invoke(app, ["claims", "nope", "--db", db]).exit_code == EXIT_USAGE


def test_story_names_merge_spellings(seeded):
    db, story, _ = seeded
    data = json.loads(runner.invoke(app, ["names", story, "--db", db, "--json"]).stdout)
    by_form = {f: n for n in data["names"] for f in n["forms"]}
    assert by_form["Kassym-Jomart Tokajev"]["key"] == by_form["Kassym-Jomart Tokayev"]["key"]
    assert by_form["Putin"]["key"] == by_form["Poetin"]["key"]  # nn and nl spellings
    assert set(by_form["Tokajev"]["languages"]) >= {"nb", "nn", "nl"}
    kz = by_form.get("Kasakhstan") or by_form.get("Kazachstan")
    assert kz["country"] == "KZ" and kz["kind"] == "place"
    assert runner.invoke(app, ["names", "st-none", "--db", db]).exit_code == EXIT_USAGE
