"""The command line, through Typer's runner, against real SQLite files."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from crosswire.cli import EXIT_OK, EXIT_SKIPPED, EXIT_STORE, EXIT_USAGE, app

from .conftest import PROSE, write

runner = CliRunner()


def _run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def test_ingest_then_list_with_filters(tmp_path):
    db = str(tmp_path / "c.db")
    recs = [
        {"id": "n1", "source": "vg.no", "title": "Bokmål", "text": PROSE["nb"]},
        {"id": "n2", "source": "nrk.no", "title": "Nynorsk", "text": PROSE["nn"]},
        {"id": "n3", "source": "nos.nl", "title": "Nederlands", "text": PROSE["nl"]},
    ]
    f = write(tmp_path / "a.jsonl", "".join(json.dumps(r) + "\n" for r in recs))
    res = _run("ingest", str(f), "--db", db)
    assert res.exit_code == EXIT_OK, res.output
    assert "3 new articles" in res.output
    res = _run("articles", "--db", db, "--lang", "nn", "--json")
    assert res.exit_code == EXIT_OK
    rows = json.loads(res.stdout)
    assert [r["id"] for r in rows] == ["n2"] and rows[0]["lang"] == "nn" and rows[0]["text"].startswith("Regjeringa")
    rows = json.loads(_run("articles", "--db", db, "--source", "vg.no", "--json").stdout)
    assert [r["id"] for r in rows] == ["n1"]
    table = _run("articles", "--db", db).stdout
    assert "Nederlands" in table and "3 of 3 articles" in table


def test_skipped_inputs_are_named_and_give_exit_1(tmp_path):
    db = str(tmp_path / "c.db")
    write(tmp_path / "in" / "good.txt", "God tittel\n\n" + PROSE["nb"])
    write(tmp_path / "in" / "empty.txt", "")
    res = _run("ingest", str(tmp_path / "in"), "--db", db, "--quiet")
    assert res.exit_code == EXIT_SKIPPED
    assert f"skipped: {tmp_path / 'in' / 'empty.txt'}: empty file" in res.output
    assert "new articles" not in res.output  # --quiet drops the summary
    res = _run("rejected", "--db", db, "--json")
    assert [r["reason"] for r in json.loads(res.stdout)] == ["empty file"]


def test_nothing_to_read_is_a_usage_error(tmp_path):
    res = _run("ingest", str(tmp_path / "missing.txt"), "--db", str(tmp_path / "c.db"))
    assert res.exit_code == EXIT_USAGE and "no such file" in res.output
    res = _run("run", "--db", str(tmp_path / "c.db"))
    assert res.exit_code == EXIT_USAGE


def test_bad_database_gives_exit_3(tmp_path):
    bad = write(tmp_path / "bad.db", b"garbage" * 1000)
    f = write(tmp_path / "a.txt", "Title\n\n" + PROSE["en"])
    res = _run("ingest", str(f), "--db", str(bad))
    assert res.exit_code == EXIT_STORE and "cannot open database" in res.output


def test_stdin(tmp_path):
    db = str(tmp_path / "c.db")
    lines = [json.dumps({"id": "s1", "text": PROSE["es"]}), json.dumps({"id": "s2", "text": PROSE["nl"]})]
    res = _run("ingest", "-", "--db", db, input="\n".join(lines) + "\n")
    assert res.exit_code == EXIT_OK, res.output
    rows = {r["id"]: r for r in json.loads(_run("articles", "--db", db, "--json").stdout)}
    assert rows["s2"]["lang"] == "nl" and rows["s2"]["origin"] == "<stdin>:2"
    assert rows["s1"]["lang"] == "es"


def test_article_and_stats_json(tmp_path):
    db = str(tmp_path / "c.db")
    f = write(tmp_path / "a.json", json.dumps({"id": "x", "title": "Titel", "text": PROSE["de"]}))
    _run("ingest", str(f), "--db", db)
    a = json.loads(_run("article", "x", "--db", db, "--json").stdout)
    assert a["title"] == "Titel" and a["lang"] == "de"
    assert _run("article", "nope", "--db", db).exit_code == EXIT_USAGE
    s = json.loads(_run("stats", "--db", db, "--json").stdout)
    assert s["articles"] == 1 and s["languages"] == {"de": 1}


def test_json_summary_of_a_run(tmp_path):
    f = write(tmp_path / "a.txt", "Title\n\n" + PROSE["en"])
    res = _run("run", str(f), "--db", str(tmp_path / "c.db"), "--json")
    data = json.loads(res.stdout)
    assert data["run"]["stored"] == 1 and data["store"]["articles"] == 1 and data["skipped"] == []


def test_trust_lang_keeps_the_declared_language(tmp_path):
    f = write(tmp_path / "a.jsonl", json.dumps({"id": "x", "lang": "nn", "text": PROSE["nb"]}) + "\n")
    for flag, expected in (([], "nb"), (["--trust-lang"], "nn")):
        db = str(tmp_path / f"c{len(flag)}.db")
        assert _run("ingest", str(f), "--db", db, *flag).exit_code == EXIT_OK
        rows = json.loads(_run("articles", "--db", db, "--json").stdout)
        assert [r["lang"] for r in rows] == [expected]
