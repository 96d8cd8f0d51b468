"""The built-in sample corpus: its promised shape, and how the pipeline reads it."""

from __future__ import annotations

import json
from collections import defaultdict

import pytest
from typer.testing import CliRunner

from crosswire.cli import app, sample_path

from .conftest import ingest

SAMPLE = sample_path()
GOLD = json.loads((SAMPLE.parent / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_sample_has_the_promised_shape(records):
    assert len(records) >= 60
    langs = {r["lang"] for r in records}
    assert len(langs) >= 7 and {"nb", "nn", "nl", "en", "de", "es"} <= langs
    stories: dict[str, set[str]] = defaultdict(set)
    for r in records:
        stories[r["story"]].add(r["lang"])
    assert len(stories) >= 8
    assert sum(1 for ls in stories.values() if len(ls) >= 3) >= 5
    assert len({r["id"] for r in records}) == len(records)
    for copy, original in GOLD["duplicates"].items():
        by_id = {r["id"]: r for r in records}
        assert by_id[copy]["story"] == by_id[original]["story"]
    text = " ".join(r["text"] for r in records)
    assert "Tokajev" not in text and "Tokayev" not in text  # no seed story in the sample


def test_sample_ingests_cleanly_with_the_right_languages(store, records):
    report = ingest(store, SAMPLE)
    assert report.stored == len(records) and not report.rejections
    detected = {a.id: a.lang for a in store.articles()}
    assert detected == {r["id"]: r["lang"] for r in records}


def test_sample_syndicated_copies_are_found_and_nothing_else(store):
    report = ingest(store, SAMPLE)
    marked = {a.id: a.duplicate_of for a in store.articles() if a.duplicate_of}
    assert marked == GOLD["duplicates"]
    assert report.duplicates == len(GOLD["duplicates"])


def test_sample_chrome_is_removed(store):
    ingest(store, SAMPLE)
    for a in store.articles():
        for para in a.text.split("\n\n"):
            assert not para.startswith(("Les også", "Les òg", "Lees ook", "Read more", "Sist oppdatert", "©")), (a.id, para)
            assert "Foto:" not in para, (a.id, para)


def test_make_run_equivalent(tmp_path):
    res = CliRunner().invoke(app, ["run", "--sample", "--db", str(tmp_path / "s.db"), "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["run"]["stored"] >= 60 and data["run"]["rejected"] == 0
