"""HTML pages: main text, title, date and site name via trafilatura."""

from __future__ import annotations

import logging

import lxml.html
import trafilatura
from lxml.etree import ParserError

from ..model import RawDoc
from .dates import DateError, parse_date
from .jsonrec import domain_of
from .plaintext import FormatError

# trafilatura logs every page it cannot parse; we report rejections ourselves.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article")


def extract_page(html: str, *, origin: str, url: str | None = None) -> RawDoc:
    """Extract one article from an HTML page or raise ``FormatError``."""
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except (ValueError, TypeError, ParserError) as exc:  # trafilatura bubbles some parse errors
        raise FormatError(f"unparsable HTML ({exc})") from None
    if doc is None or not (doc.text or "").strip():
        raise FormatError("no main text found in the HTML")
    title = (doc.title or "").strip() or None
    lines = doc.text.split("\n")
    if title and lines and lines[0].strip() == title:
        lines = lines[1:]
    try:
        published, precision = parse_date(doc.date)
    except DateError:
        # a page's own date is a guess by the extractor: better none than nonsense
        published, precision = None, None
    page_url = url or doc.url
    return RawDoc(
        origin=origin,
        title=title,
        text="\n\n".join(line for line in lines if line.strip()),
        url=page_url,
        source=(doc.sitename or "").strip() or domain_of(page_url) or doc.hostname,
        declared_lang=doc.language,
        published=published,
        precision=precision,
    )


def fragment_text(fragment: str) -> str:
    """Text of an HTML fragment (feed content) with block elements as paragraphs."""
    if "<" not in fragment:
        return fragment
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError):
        return fragment
    for el in root.iter(*_BLOCKS):
        el.tail = "\n\n" + (el.tail or "")
    for el in root.iter("script", "style"):
        el.drop_tree()
    return root.text_content()
