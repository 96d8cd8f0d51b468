"""Every reader, through the whole ingest pipeline into a real SQLite store."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crosswire.pipeline import iter_docs

from .conftest import PROSE, ingest, write


def _titles(store) -> dict[str, str | None]:
    return {a.lang: a.title for a in store.articles()}


def test_plain_text_first_line_is_title(store, tmp_path):
    f = write(tmp_path / "a.txt", "\n\nStrømstøtte til alle\n\n" + PROSE["nb"])
    report = ingest(store, f)
    assert report.stored == 1 and not report.rejections
    (a,) = store.articles()
    assert a.title == "Strømstøtte til alle"
    assert a.text.startswith("Regjeringen la fram") and "Strømstøtte til alle" not in a.text
    assert a.lang == "nb" and a.published is None and a.origin == str(f)


def test_plain_text_whose_first_line_is_prose_has_no_title(store, tmp_path):
    f = write(tmp_path / "a.txt", PROSE["en"])
    ingest(store, f)
    (a,) = store.articles()
    assert a.title is None and a.text.startswith("The government on Tuesday")


def test_seed_header_chrome_title_and_lead(store, tmp_path):
    chrome = write(tmp_path / "s1.txt", " date 2022-03 utenriks\n\nKrisa i kraftmarknaden\n\n" + PROSE["nn"])
    title = write(tmp_path / "s2.txt", " date 2021-11 Ny plan for energy bills\n\n" + PROSE["en"])
    lead = write(tmp_path / "s3.txt", " date 2020-02 Het kabinet komt met een nieuw plan voor hoge rekeningen.\n\n" + PROSE["nl"])
    report = ingest(store, chrome, title, lead)
    assert report.stored == 3
    by_lang = {a.lang: a for a in store.articles()}
    assert by_lang["nn"].title == "Krisa i kraftmarknaden"
    assert "utenriks" not in by_lang["nn"].text and "utenriks" not in (by_lang["nn"].title or "")
    assert (by_lang["nn"].published, by_lang["nn"].precision) == ("2022-03", "month")
    assert by_lang["en"].title == "Ny plan for energy bills" and by_lang["en"].published == "2021-11"
    assert by_lang["nl"].title is None
    assert by_lang["nl"].text.startswith("Het kabinet komt met een nieuw plan voor hoge rekeningen.")
    assert by_lang["nl"].precision == "month"


def test_own_json_schema_array(store, tmp_path):
    recs = [
        {"id": "x1", "url": "https://www.nrk.no/a/1", "source": "nrk.no", "lang": "nb",
         "published": "2023-02-01T10:00:00+01:00", "title": "Strømstøtte", "text": PROSE["nb"]},
        {"id": "x2", "url": "https://nos.nl/artikel/2", "lang": "nl", "published": "2023-02-02",
         "title": "Energiesteun", "text": PROSE["nl"]},
    ]
    ingest(store, write(tmp_path / "batch.json", json.dumps(recs)))
    a = store.get_article("x1")
    assert a is not None and a.source == "nrk.no" and a.url == "https://www.nrk.no/a/1"
    assert (a.published, a.precision) == ("2023-02-01T09:00:00Z", "second")
    assert a.origin.endswith("batch.json[0]")
    b = store.get_article("x2")
    assert b is not None and b.source == "nos.nl" and b.precision == "day"  # source from the URL


def test_news_please_fields(store, tmp_path):
    rec = {"url": "https://www.spiegel.de/politik/a-1.html", "source_domain": "spiegel.de",
           "title": "Entlastungspaket", "maintext": PROSE["de"], "description": "Kurz.",
           "date_publish": "2023-02-01 08:30:00", "language": "de", "authors": ["A. Autor"]}
    ingest(store, write(tmp_path / "np.json", json.dumps(rec)))
    (a,) = store.articles()
    assert a.source == "spiegel.de" and a.title == "Entlastungspaket" and a.lang == "de"
    assert a.text.startswith("Die Regierung") and a.published == "2023-02-01T08:30:00Z"
    assert a.declared_lang == "de"


def test_trafilatura_json_fields(store, tmp_path):
    rec = {"title": "Plan de ayudas", "source": "https://elpais.com/economia/1.html",
           "source-hostname": "El País", "hostname": "elpais.com", "date": "2023-02-01",
           "raw_text": PROSE["es"], "text": PROSE["es"], "language": "es", "fingerprint": "abc"}
    ingest(store, write(tmp_path / "t.json", json.dumps(rec)))
    (a,) = store.articles()
    assert a.url == "https://elpais.com/economia/1.html" and a.source == "El País"
    assert a.lang == "es" and a.published == "2023-02-01"


def test_jsonl_stream_with_line_origins(store, tmp_path):
    lines = [json.dumps({"id": f"l{i}", "lang": lang, "title": f"T{i}", "text": PROSE[lang]})
             for i, lang in enumerate(["en", "de", "es"])]
    ingest(store, write(tmp_path / "a.jsonl", "\n".join(lines) + "\n"))
    arts = {a.id: a for a in store.articles()}
    assert set(arts) == {"l0", "l1", "l2"}
    assert arts["l2"].origin.endswith("a.jsonl:3") and arts["l2"].lang == "es"


def test_gzipped_jsonl(store, tmp_path):
    data = gzip.compress((json.dumps({"id": "g1", "title": "Gz", "text": PROSE["en"]}) + "\n").encode())
    report = ingest(store, write(tmp_path / "a.jsonl.gz", data))
    assert report.stored == 1 and store.get_article("g1") is not None


HTML_PAGE = """<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">
<title>Energiesteun voor huishoudens | NOS</title>
<meta property="og:site_name" content="NOS">
<meta property="article:published_time" content="2023-02-01T10:15:00+01:00">
<link rel="canonical" href="https://nos.nl/artikel/123">
</head><body>
<nav><a href="/">Home</a> <a href="/binnenland">Binnenland</a></nav>
<article><h1>Energiesteun voor huishoudens</h1>
<p>{p1}</p><p>{p2}</p></article>
<footer>© NOS 2023 · Privacy · Cookies</footer></body></html>"""


def test_html_page(store, tmp_path):
    half = PROSE["nl"].split(". ")
    html = HTML_PAGE.format(p1=". ".join(half[:3]) + ".", p2=". ".join(half[3:]))
    ingest(store, write(tmp_path / "page.html", html))
    (a,) = store.articles()
    assert a.title == "Energiesteun voor huishoudens"
    assert a.source == "NOS" and a.lang == "nl" and a.published == "2023-02-01"
    assert "Cookies" not in a.text and "Binnenland" not in a.text
    assert a.text.count("\n\n") >= 1  # paragraphs kept


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>NRK Nyheter</title><link>https://www.nrk.no/</link>
<language>nb</language>
<item><title>Strømstøtte vedtatt</title><link>https://www.nrk.no/norge/1</link>
<pubDate>Wed, 01 Feb 2023 10:00:00 +0100</pubDate>
<description><![CDATA[<p>{nb}</p>]]></description></item>
<item><title>Tom sak</title><link>https://www.nrk.no/norge/2</link>
<pubDate>Wed, 01 Feb 2023 11:00:00 +0100</pubDate></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Tagesschau</title><id>urn:ts</id>
<updated>2023-02-01T12:00:00Z</updated>
<entry><title>Entlastung beschlossen</title><link href="https://www.tagesschau.de/1.html"/>
<id>urn:ts:1</id><updated>2023-02-01T12:00:00Z</updated><published>2023-02-01T11:00:00Z</published>
<summary>Kurze Zusammenfassung.</summary>
<content type="html">&lt;p&gt;{de}&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_feed_entries(store, tmp_path):
    report = ingest(store, write(tmp_path / "nrk.rss", RSS.format(nb=PROSE["nb"])))
    assert report.stored == 1
    (a,) = store.articles()
    assert a.source == "NRK Nyheter" and a.url == "https://www.nrk.no/norge/1"
    assert a.title == "Strømstøtte vedtatt" and a.published == "2023-02-01T09:00:00Z" and a.lang == "nb"
    # the second entry has no content: named with its entry number
    assert [r.origin for r in report.rejections] == [f"{tmp_path / 'nrk.rss'}#entry 2"]


def test_atom_feed_prefers_content_over_summary(store, tmp_path):
    ingest(store, write(tmp_path / "ts.xml", ATOM.format(de=PROSE["de"])))
    (a,) = store.articles()
    assert a.source == "Tagesschau" and a.lang == "de" and a.text.startswith("Die Regierung")
    assert a.published == "2023-02-01T11:00:00Z"


def _warc_bytes(pages: list[tuple[str, str, str]], *, gz: bool) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for uri, ctype, body in pages:
        payload = body.encode("utf-8")
        http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        rec = writer.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=http)
        writer.write_record(rec)
    return buf.getvalue()


def _pages() -> list[tuple[str, str, str]]:
    en = PROSE["en"].split(". ")
    es = PROSE["es"].split(". ")
    return [
        ("https://www.bbc.co.uk/news/1", "text/html; charset=utf-8",
         HTML_PAGE.replace("NOS", "BBC").format(p1=". ".join(en[:3]) + ".", p2=". ".join(en[3:]))),
        ("https://www.bbc.co.uk/logo.png", "image/png", "not an article"),
        ("https://elpais.com/2", "text/html", HTML_PAGE.format(p1=". ".join(es[:3]) + ".", p2=". ".join(es[3:]))),
    ]


def test_warc_and_warc_gz(store, tmp_path):
    plain = write(tmp_path / "crawl.warc", _warc_bytes(_pages(), gz=False))
    report = ingest(store, plain)
    assert report.stored == 2 and not report.rejections
    urls = {a.url for a in store.articles()}
    assert urls == {"https://www.bbc.co.uk/news/1", "https://elpais.com/2"}
    assert {a.lang for a in store.articles()} == {"en", "es"}
    gz = write(tmp_path / "crawl.warc.gz", _warc_bytes(_pages(), gz=True))
    report = ingest(store, gz)
    assert report.unchanged == 2 and report.stored == 0  # same URLs, same content: idempotent


def test_folders_recurse_and_globs_expand(store, tmp_path):
    write(tmp_path / "in" / "a.txt", "Tittel én\n\n" + PROSE["nb"])
    write(tmp_path / "in" / "deep" / "b.json", json.dumps({"id": "b", "text": PROSE["de"]}))
    write(tmp_path / "in" / "deep" / "image.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    write(tmp_path / "in" / ".hidden" / "c.txt", PROSE["en"])
    report = ingest(store, tmp_path / "in")
    assert report.files == 2 and report.stored == 2  # the image and hidden folder are not read
    assert not report.rejections
    other = tmp_path / "other"
    write(other / "x1.txt", PROSE["es"])
    write(other / "x2.txt", PROSE["en"])
    write(other / "y.txt", PROSE["nl"])
    report = ingest(store, str(other / "x*.txt"))
    assert report.files == 2 and report.stored == 2


def test_iter_docs_reads_without_storing(tmp_path):
    f = write(tmp_path / "a.txt", "Title here\n\n" + PROSE["en"])
    (doc,) = list(iter_docs([str(f)]))
    assert doc.title == "Title here"
