"""Story commands of the CLI on a small corpus written here (clustered for real)."""

from __future__ import annotations

import csv
import json

import pytest
from typer.testing import CliRunner

from crosswire.cli import EXIT_USAGE, app
from crosswire.cluster.stream import StoryClusterer
from crosswire.store import open_store

runner = CliRunner()

# Two events, each reported in English and German on the same day, and a third
# event a month later.
EVENTS = [
    ("q1", "en", "2023-05-02T08:00:00Z", "Earthquake kills 12 in Ardabil",
     "A magnitude 6.0 earthquake struck Ardabil province in Iran on Tuesday, killing at least 12 people and "
     "injuring 140, the Red Crescent said. Governor Hamid Rostami said 300 homes were damaged in Meshginshahr."),
    ("q2", "de", "2023-05-02T11:00:00Z", "Erdbeben in Ardabil: zwölf Tote",
     "Ein Erdbeben der Stärke 6,0 hat am Dienstag die iranische Provinz Ardabil erschüttert. Mindestens 12 "
     "Menschen starben, 140 wurden verletzt, teilte der Rote Halbmond mit. Gouverneur Hamid Rostami sagte, "
     "in Meschginschahr seien 300 Häuser beschädigt."),
    ("f1", "en", "2023-05-02T09:00:00Z", "Ferry runs aground off Bergen",
     "A passenger ferry with 210 people on board ran aground near Bergen in Norway on Tuesday morning. "
     "Police said eight passengers were taken to hospital with minor injuries; the Norwegian Coastal "
     "Administration has opened an investigation into the MS Nordlys."),
    ("f2", "de", "2023-05-02T12:00:00Z", "Fähre vor Bergen auf Grund gelaufen",
     "Vor Bergen in Norwegen ist am Dienstagmorgen eine Fähre mit 210 Menschen an Bord auf Grund gelaufen. "
     "Acht Passagiere kamen laut Polizei leicht verletzt ins Krankenhaus; die norwegische Küstenverwaltung "
     "untersucht den Unfall der MS Nordlys."),
    ("e1", "en", "2023-06-20T10:00:00Z", "Parliament passes budget",
     "Lawmakers in Lisbon approved the 2024 budget on Tuesday after a long debate over taxes on housing, "
     "with 116 votes in favour and 110 against, Prime Minister Luís Mendes said."),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli")
    src = folder / "events.jsonl"
    src.write_text("".join(json.dumps({"id": i, "lang": lang, "published": d, "title": t, "text": x,
                                       "story": i[0]}) + "\n" for i, lang, d, t, x in EVENTS), encoding="utf-8")
    path = str(folder / "c.db")
    res = runner.invoke(app, ["run", str(src), "--db", path, "--quiet"])
    assert res.exit_code == 0, res.output
    return path, src


def _story_of(path: str) -> dict[str, str]:
    with open_store(path) as s:
        return s.story_of_articles()


def test_cross_language_reports_of_one_event_share_a_story(db):
    path, _ = db
    m = _story_of(path)
    assert m["q1"] == m["q2"] and m["f1"] == m["f2"]
    assert len({m["q1"], m["f1"], m["e1"]}) == 3


def test_stories_and_show(db):
    path, _ = db
    rows = json.loads(runner.invoke(app, ["stories", "--db", path, "--json"]).stdout)
    assert len(rows) == 3
    assert rows[0]["last_seen"] == "2023-06-20T10:00:00Z"  # most recently active first
    quake = next(r for r in rows if r["title"] and "Ardabil" in r["title"])
    assert quake["langs"] == {"en": 1, "de": 1} and quake["n_articles"] == 2
    rows_de = json.loads(runner.invoke(app, ["stories", "--db", path, "--json", "--lang", "de"]).stdout)
    assert len(rows_de) == 2
    rows_since = json.loads(runner.invoke(app, ["stories", "--db", path, "--json", "--since", "2023-06-01"]).stdout)
    assert [r["title"] for r in rows_since] == ["Parliament passes budget"]
    shown = json.loads(runner.invoke(app, ["show", quake["id"], "--db", path, "--json"]).stdout)
    assert {a["id"] for a in shown["articles"]} == {"q1", "q2"}
    assert shown["first_seen"] == "2023-05-02T08:00:00Z" and shown["sources"] == []
    assert any("rostami" in k for k in shown["top_names"])
    text = runner.invoke(app, ["show", quake["id"], "--db", path]).stdout
    assert "Ardabil" in text and "q2" in text
    assert runner.invoke(app, ["show", "st-nope", "--db", path]).exit_code == EXIT_USAGE


def test_similar_explains_the_score(db):
    path, _ = db
    same = json.loads(runner.invoke(app, ["similar", "q1", "q2", "--db", path, "--json"]).stdout)
    other = json.loads(runner.invoke(app, ["similar", "q1", "f2", "--db", path, "--json"]).stdout)
    assert same["variant"] == other["variant"] == "cross"
    assert same["p"] > other["p"]
    assert same["parts"]["names_shared"] > other["parts"]["names_shared"]
    assert same["parts"]["figures"] > 0 and same["parts"]["gap_days"] == 0.125  # 3 hours apart
    text = runner.invoke(app, ["similar", "q1", "q2", "--db", path]).stdout
    assert "P(same story)" in text and "dense_z" in text
    assert runner.invoke(app, ["similar", "q1", "zzz", "--db", path]).exit_code == EXIT_USAGE


def test_merged_story_id_stays_valid_as_an_alias(db, tmp_path):
    path, _ = db
    copy = tmp_path / "m.db"
    with open_store(path) as s:
        s.db.execute("VACUUM INTO ?", (str(copy),))
    m = _story_of(str(copy))
    with open_store(copy) as store:
        c = StoryClusterer(store)
        c._load()
        with store.transaction() as tx:
            touched = c._union(tx, [("g-q1", "g-e1", 0.9)])
            c._refresh_stories(tx, touched)
        keep, gone = m["q1"], m["e1"]  # q1's story started first and keeps its id
        assert store.resolve_story(gone) == keep
        assert store.story(gone)["id"] == keep and gone in store.story(keep)["aliases"]
        assert store.story(keep)["n_articles"] == 3
    rows = json.loads(runner.invoke(app, ["show", gone, "--db", str(copy), "--json"]).stdout)
    assert rows["id"] == keep


def test_eval_pairs_and_clusters(db, tmp_path):
    _, src = db
    pairs = tmp_path / "pairs.csv"
    with open(pairs, "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id1", "id2", "overall"])
        for a, b, o in [("q1", "q2", 1.0), ("f1", "f2", 1.0), ("q1", "f1", 4.0), ("q2", "e1", 4.0),
                        ("f2", "e1", 4.0), ("q1", "missing", 1.0)]:
            w.writerow([a, b, o])
    res = runner.invoke(app, ["eval", "pairs", "--articles", str(src), "--pairs", str(pairs), "--json"])
    assert res.exit_code == 0, res.output
    report = json.loads(res.stdout)
    assert report["n"] == 5 and report["pearson"] > 0.8
    assert set(report["per_pair"]) == {"en-de", "en-en", "de-en"}
    res = runner.invoke(app, ["eval", "clusters", "--articles", str(src), "--json"])
    out = json.loads(res.stdout)
    assert out["f1"] == 1.0 and out["gold_clusters"] == 3 and out["predicted_clusters"] == 3


def test_eval_rejects_bad_pairs_file(tmp_path):
    bad = tmp_path / "p.csv"
    bad.write_text("a,b\n1,2\n")
    src = tmp_path / "a.jsonl"
    src.write_text("")
    res = runner.invoke(app, ["eval", "pairs", "--articles", str(src), "--pairs", str(bad)])
    assert res.exit_code == EXIT_USAGE and "missing columns" in res.output
