"""Bad input: one clear line naming the file (and line/record), kept in `rejected`,
the run goes on, and nothing already stored is lost or changed."""

from __future__ import annotations

import gzip
import io
import json
import os
from dataclasses import replace

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crosswire.pipeline import Ingestor, ingest_paths
from crosswire.ingest import iter_inputs
from crosswire.settings import DEFAULT_SETTINGS

from .conftest import PROSE, ingest, write


@pytest.fixture
def stored(store, tmp_path):
    """A store that already holds one good article; returns its snapshot."""
    ingest(store, write(tmp_path / "good" / "ok.json", json.dumps({"id": "keep", "title": "Keep me", "text": PROSE["en"]})))
    return [a.to_dict() for a in store.articles()]


def _check(store, stored, report, origin: str, reason: str) -> None:
    matching = [r for r in report.rejections if r.origin == origin]
    assert matching, f"no rejection for {origin}: {report.rejections}"
    assert reason in matching[0].reason
    assert "\n" not in str(matching[0])
    rows = store.rejections()
    assert any(r["origin"] == origin and reason in r["reason"] for r in rows)
    # everything stored before is still there, unchanged
    now = {a["id"]: a for a in (x.to_dict() for x in store.articles())}
    for before in stored:
        assert now[before["id"]] == before


def test_empty_file(store, stored, tmp_path):
    f = write(tmp_path / "empty.txt", "")
    _check(store, stored, ingest(store, f), str(f), "empty file")


def test_whitespace_only_file(store, stored, tmp_path):
    f = write(tmp_path / "blank.txt", "  \n\n \t")
    _check(store, stored, ingest(store, f), str(f), "empty")


def test_binary_junk(store, stored, tmp_path):
    f = write(tmp_path / "junk.txt", os.urandom(20_000))
    _check(store, stored, ingest(store, f), str(f), "binary content")


def test_undecodable_but_legacy_encoded_text_is_read(store, stored, tmp_path):
    f = write(tmp_path / "latin.txt", ("Blåbær og ærfugl\n\n" + PROSE["nb"]).encode("cp1252"))
    report = ingest(store, f)
    assert report.stored == 1 and not report.rejections
    assert any(a.title == "Blåbær og ærfugl" for a in store.articles())


def test_malformed_json_lines_do_not_stop_the_file(store, stored, tmp_path):
    lines = [
        json.dumps({"id": "j1", "text": PROSE["de"]}),
        '{"id": "j2", "text": "unterminated',
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "j4", "title": "no text"}),
        json.dumps({"id": "j5", "text": PROSE["es"], "published": "2999-01-01"}),
        json.dumps({"id": "j6", "text": PROSE["nl"]}),
    ]
    f = write(tmp_path / "mixed.jsonl", "\n".join(lines))
    report = ingest(store, f)
    assert {a.id for a in store.articles()} >= {"j1", "j6"}
    assert store.get_article("j2") is None and store.get_article("j5") is None
    _check(store, stored, report, f"{f}:2", "malformed JSON line")
    _check(store, stored, report, f"{f}:3", "expected a JSON object")
    _check(store, stored, report, f"{f}:4", "no text field")
    _check(store, stored, report, f"{f}:5", "in the future")


def test_malformed_json_file(store, stored, tmp_path):
    f = write(tmp_path / "broken.json", '[{"id": "b1", "text": "x"},')
    _check(store, stored, ingest(store, f), str(f), "malformed JSON")


def test_absurd_date_in_json(store, stored, tmp_path):
    f = write(tmp_path / "old.json", json.dumps({"id": "o", "text": PROSE["en"], "published": "0999-05-01"}))
    _check(store, stored, ingest(store, f), str(f), "absurd date")


def test_broken_html_without_text(store, stored, tmp_path):
    f = write(tmp_path / "broken.html", "<html><head><title>x</title></head><body><div><script>var a=1;</scr")
    _check(store, stored, ingest(store, f), str(f), "no main text")


def test_broken_feed_xml(store, stored, tmp_path):
    f = write(tmp_path / "bad.rss", '<?xml version="1.0"?><rss><channel><title>x</title><item><title>a</ti')
    report = ingest(store, f)
    _check(store, stored, report, str(f), "malformed feed XML")


def test_html_served_instead_of_feed_has_no_entries(store, stored, tmp_path):
    f = write(tmp_path / "notafeed.xml", "<?xml version='1.0'?><root><a>1</a></root>")
    _check(store, stored, ingest(store, f), str(f), "no entries")


def _warc_with_pages(n: int) -> bytes:
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    for i in range(n):
        body = f"<html><head><title>Story {i}</title></head><body><article><h1>Story {i}</h1><p>{PROSE['en']}</p><p>Item {i}.</p></article></body></html>"
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(f"https://example.com/{i}", "response",
                                            payload=io.BytesIO(body.encode()), http_headers=http))
    return buf.getvalue()


def test_truncated_warc_keeps_the_records_before_the_cut(store, stored, tmp_path):
    data = _warc_with_pages(3)
    f = write(tmp_path / "cut.warc.gz", data[: int(len(data) * 0.8)])
    report = ingest(store, f)
    assert report.stored >= 1
    assert any("truncated or corrupt WARC" in r.reason and r.origin.startswith(f"{f}#record") for r in report.rejections)
    _check(store, stored, report, report.rejections[-1].origin, "truncated or corrupt WARC")


def test_truncated_gzip_jsonl(store, stored, tmp_path):
    lines = "".join(json.dumps({"id": f"z{i}", "text": PROSE["es"] + f" Nota {i}."}) + "\n" for i in range(50))
    data = gzip.compress(lines.encode())
    f = write(tmp_path / "cut.jsonl.gz", data[: len(data) // 2])
    report = ingest(store, f)
    _check(store, stored, report, str(f), "truncated or corrupt compressed file")


def test_huge_single_document_is_rejected_unread(store, stored, tmp_path):
    f = tmp_path / "huge.txt"
    with open(f, "wb") as fh:
        fh.write(b"Title\n\n")
        fh.write((PROSE["en"] + "\n").encode() * (50_000_000 // len(PROSE["en"])))
    assert f.stat().st_size >= 49_000_000
    _check(store, stored, ingest(store, f), str(f), "document too large")


def test_huge_jsonl_line_is_rejected_and_the_next_line_read(store, stored, tmp_path):
    small = replace(DEFAULT_SETTINGS, max_document_bytes=100_000)
    f = tmp_path / "big.jsonl"
    f.write_text(json.dumps({"id": "big", "text": "word " * 50_000}) + "\n" + json.dumps({"id": "after", "text": PROSE["nl"]}) + "\n")
    report = Ingestor(store, settings=small).ingest(iter_inputs([str(f)]))
    assert store.get_article("after") is not None and store.get_article("big") is None
    _check(store, stored, report, f"{f}:1", "document too large")


def test_missing_path_and_empty_glob(store, stored, tmp_path):
    report = ingest_paths([str(tmp_path / "nope.txt"), str(tmp_path / "*.nothing")], store)
    _check(store, stored, report, str(tmp_path / "nope.txt"), "no such file")
    _check(store, stored, report, str(tmp_path / "*.nothing"), "no file matches")


def test_text_that_cleans_to_nothing(store, stored, tmp_path):
    f = write(tmp_path / "chrome.txt", "Overskrift\n\nFoto: NTB\n\nDel på Facebook\n")
    _check(store, stored, ingest(store, f), str(f), "no article text")


def test_run_goes_on_after_bad_files(store, stored, tmp_path):
    write(tmp_path / "in" / "1.txt", b"")
    write(tmp_path / "in" / "2.txt", os.urandom(5000))
    write(tmp_path / "in" / "3.txt", "Gode nyheter\n\n" + PROSE["nb"])
    report = ingest(store, tmp_path / "in")
    assert report.stored == 1 and report.rejected == 2


def test_same_failure_twice_is_kept_once(store, stored, tmp_path):
    f = write(tmp_path / "empty.txt", "")
    ingest(store, f)
    ingest(store, f)
    rows = [r for r in store.rejections() if r["origin"] == str(f)]
    assert len(rows) == 1 and rows[0]["times"] == 2
