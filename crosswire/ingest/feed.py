"""RSS and Atom files: every entry becomes an article (feedparser)."""

from __future__ import annotations

from collections.abc import Iterator
from xml.sax import SAXException

import feedparser

from ..model import RawDoc, Rejection
from .dates import DateError, parse_date
from .html import fragment_text
from .jsonrec import domain_of


def read_feed(data: bytes, *, name: str) -> Iterator[RawDoc | Rejection]:
    """Yield one document per entry; a feed that does not parse is one rejection."""
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if parsed.get("bozo") and not entries:
        reason = parsed.get("bozo_exception")
        yield Rejection(name, f"malformed feed XML ({str(reason).splitlines()[0] if reason else 'unknown error'})")
        return
    if not entries:
        yield Rejection(name, "feed has no entries")
        return
    if isinstance(parsed.get("bozo_exception"), SAXException):
        # feedparser recovers what it can from broken XML: keep it, but say so
        first_line = str(parsed["bozo_exception"]).splitlines()[0]
        yield Rejection(name, f"malformed feed XML ({first_line}); {len(entries)} entries recovered")
    feed_title = (parsed.feed.get("title") or "").strip() or None
    feed_lang = parsed.feed.get("language")
    for i, entry in enumerate(entries, 1):
        origin = f"{name}#entry {i}"
        content = entry.get("content") or []
        body = next((c.get("value") for c in content if c.get("value")), None) or entry.get("summary")
        if not body or not body.strip():
            yield Rejection(origin, "entry has neither content nor summary")
            continue
        raw_date = entry.get("published") or entry.get("updated")
        try:
            published, precision = parse_date(raw_date)
        except DateError as exc:
            yield Rejection(origin, str(exc))
            continue
        link = entry.get("link")
        yield RawDoc(
            origin=origin,
            title=(entry.get("title") or "").strip() or None,
            text=fragment_text(body),
            url=link,
            source=feed_title or domain_of(link),
            declared_lang=(entry.get("language") or feed_lang or None),
            published=published,
            precision=precision,
            external_id=None,
        )
