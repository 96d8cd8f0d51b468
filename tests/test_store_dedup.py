"""Near-duplicates, idempotent re-ingest, migrations and crash consistency."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace

import pytest

from crosswire.ingest import iter_inputs
from crosswire.pipeline import Ingestor
from crosswire.settings import DEFAULT_SETTINGS
from crosswire.store import StoreError, open_store
from crosswire.store.migrations import LATEST_VERSION

from .conftest import PROSE, ingest, write

LONG_EN = PROSE["en"] + " " + (
    "Officials in the capital said the first payments would reach bank accounts before Christmas. "
    "Economists warned that prices could stay high for years, and that the plan did little for renters. "
    "A spokesman for the largest union said workers would keep pressing for higher wages this spring."
)


def _jsonl(path, records):
    return write(path, "".join(json.dumps(r) + "\n" for r in records))


def test_syndicated_copy_is_kept_and_marked(store, tmp_path):
    copy_text = LONG_EN.replace("several billion pounds", "billions of pounds") + " (Reporting by A. Writer)"
    f = _jsonl(tmp_path / "a.jsonl", [
        {"id": "orig", "url": "https://reuters.com/1", "title": "Energy plan", "text": LONG_EN},
        {"id": "copy", "url": "https://other.com/1", "title": "UK energy plan unveiled", "text": copy_text},
        {"id": "other", "url": "https://bbc.co.uk/2", "title": "Other", "text": PROSE["de"]},
    ])
    report = ingest(store, f)
    assert report.stored == 3 and report.duplicates == 1
    assert store.get_article("copy").duplicate_of == "orig"
    assert store.get_article("orig").duplicate_of is None
    assert store.get_article("other").duplicate_of is None
    assert store.count_articles(duplicates=False) == 2


def test_copy_of_a_copy_points_to_the_original_across_runs_and_batches(store, tmp_path):
    small = replace(DEFAULT_SETTINGS, batch_size=1)
    texts = [LONG_EN, LONG_EN + " One more line.", LONG_EN + " One more line. And another."]
    for i, t in enumerate(texts):
        f = _jsonl(tmp_path / f"{i}.jsonl", [{"id": f"v{i}", "url": f"https://site{i}.com/x", "text": t}])
        Ingestor(store, settings=small).ingest(iter_inputs([str(f)]))
    assert store.get_article("v1").duplicate_of == "v0"
    assert store.get_article("v2").duplicate_of == "v0"


def test_different_articles_on_one_topic_are_not_duplicates(store, tmp_path):
    other = ("The government on Tuesday presented new help for households hit by energy bills, "
             "but ministers disagreed on the size of the package. Unions called it too small, "
             "and employers said it would fuel inflation. A vote is planned for next month.")
    f = _jsonl(tmp_path / "a.jsonl", [{"id": "a", "text": LONG_EN}, {"id": "b", "text": other}])
    assert ingest(store, f).duplicates == 0


def test_reingest_is_idempotent(store, tmp_path):
    f = _jsonl(tmp_path / "a.jsonl", [{"id": f"r{i}", "text": PROSE[lang]} for i, lang in enumerate(PROSE)])
    first = ingest(store, f)
    snapshot = [a.to_dict() for a in store.articles()]
    second = ingest(store, f)
    assert first.stored == len(PROSE) and second.stored == 0 and second.unchanged == len(PROSE)
    assert [a.to_dict() for a in store.articles()] == snapshot


def test_ids_are_stable_without_declared_ids(tmp_path):
    f = write(tmp_path / "a.txt", "Tittel\n\n" + PROSE["nb"])
    ids = []
    for name in ("one.db", "two.db"):
        with open_store(tmp_path / name) as s:
            ingest(s, f)
            ids.append([a.id for a in s.articles()])
    assert ids[0] == ids[1] and len(ids[0][0]) == 16


def test_changed_content_at_the_same_url_updates_the_article(store, tmp_path):
    f1 = _jsonl(tmp_path / "a.jsonl", [{"url": "https://nrk.no/1", "title": "Første", "text": PROSE["nb"]}])
    f2 = _jsonl(tmp_path / "b.jsonl", [{"url": "https://nrk.no/1", "title": "Oppdatert", "text": PROSE["nb"] + " Nye opplysninger."}])
    ingest(store, f1)
    report = ingest(store, f2)
    assert report.updated == 1 and report.stored == 0
    (a,) = store.articles()
    assert a.title == "Oppdatert" and a.text.endswith("Nye opplysninger.")
    assert a.duplicate_of is None  # not a duplicate of its own earlier version


def test_schema_is_versioned(tmp_path):
    path = tmp_path / "v.db"
    with open_store(path) as s:
        assert s.schema_version == LATEST_VERSION
    with open_store(path) as s:  # reopening applies nothing twice
        assert s.schema_version == LATEST_VERSION
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="newer than this crosswire"):
        open_store(path)


def test_wal_mode(store):
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_not_a_database(tmp_path):
    bad = write(tmp_path / "junk.db", b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open database"):
        open_store(bad)


def test_a_failing_batch_writes_nothing_and_a_rerun_completes(store, tmp_path, monkeypatch):
    records = [{"id": f"k{i}", "text": PROSE[lang] + f" Sak {i}."} for i, lang in enumerate(list(PROSE) * 2)]
    f = _jsonl(tmp_path / "a.jsonl", records)
    small = replace(DEFAULT_SETTINGS, batch_size=4)
    calls = {"n": 0}
    original = store.write_batch

    def crash_on_second_batch(**kw):
        calls["n"] += 1
        if calls["n"] == 2:
            # die halfway through the transaction: after the insert, before commit
            with store.transaction() as db:
                db.execute("INSERT INTO rejected (origin, reason, first_seen, last_seen) VALUES ('x','y','z','z')")
                raise KeyboardInterrupt("killed")
        return original(**kw)

    monkeypatch.setattr(store, "write_batch", crash_on_second_batch)
    with pytest.raises(KeyboardInterrupt):
        Ingestor(store, settings=small).ingest(iter_inputs([str(f)]))
    assert store.count_articles() == 4  # the first batch, whole; nothing of the second
    assert not [r for r in store.rejections() if r["origin"] == "x"]
    monkeypatch.setattr(store, "write_batch", original)
    report = Ingestor(store, settings=small).ingest(iter_inputs([str(f)]))
    assert report.unchanged == 4 and report.stored == len(records) - 4
    assert sorted(a.id for a in store.articles()) == sorted(r["id"] for r in records)


def test_filters(store, tmp_path):
    f = _jsonl(tmp_path / "a.jsonl", [
        {"id": "m", "source": "vg.no", "published": "2022-01", "text": PROSE["nb"]},
        {"id": "d", "source": "nrk.no", "published": "2022-01-20", "text": PROSE["nn"]},
        {"id": "o", "source": "www.vg.no", "published": "2021-12-31", "text": PROSE["nb"] + " Mer."},
    ])
    ingest(store, f)
    ids = lambda **kw: sorted(a.id for a in store.articles(**kw))  # noqa: E731
    assert ids(lang="nn") == ["d"]
    assert ids(source="vg.no") == ["m", "o"]
    assert ids(since="2022-01-15") == ["d", "m"]  # a month-dated article overlaps mid-month
    assert ids(until="2022-01-10") == ["m", "o"]
    assert ids(since="2022-02") == []


def test_declared_language_is_kept_only_when_trusted(tmp_path):
    # a Bokmål text that declares itself Danish; and one that declares an unsupported code
    records = [
        {"id": "a", "lang": "da", "title": "Strømstøtte", "text": PROSE["nb"]},
        {"id": "b", "lang": "xx", "title": "Strømstøtte", "text": PROSE["nb"]},
    ]
    src = _jsonl(tmp_path / "in.jsonl", records)
    detected = open_store(tmp_path / "d.db")
    Ingestor(detected).ingest(iter_inputs([str(src)]))
    assert {a.id: a.lang for a in detected.articles()} == {"a": "nb", "b": "nb"}
    trusted = open_store(tmp_path / "t.db")
    Ingestor(trusted, settings=replace(DEFAULT_SETTINGS, trust_declared_lang=True)).ingest(iter_inputs([str(src)]))
    got = {a.id: (a.lang, a.lang_confidence) for a in trusted.articles()}
    assert got["a"] == ("da", 1.0)
    assert got["b"][0] == "nb"  # an unsupported declaration is detected as usual
