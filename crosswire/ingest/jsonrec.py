"""Map JSON records (our schema, news-please, trafilatura) to raw documents."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from ..model import RawDoc
from .dates import parse_date
from .plaintext import FormatError

# First present, non-empty field wins. Our own schema comes first, then
# news-please (maintext, date_publish, language, source_domain) and
# trafilatura's JSON output (raw_text, hostname, sitename, source = URL).
_ID = ("id", "_id", "article_id", "fingerprint")
_URL = ("url", "link", "source_url", "canonical_url")
_SOURCE = ("source", "source_domain", "source-hostname", "sitename", "hostname", "outlet", "publisher")
_LANG = ("lang", "language")
_DATE = ("published", "date_publish", "date", "publish_date", "pubDate", "published_at", "datePublished")
_TITLE = ("title", "headline", "title_page", "title_rss")
_TEXT = ("text", "maintext", "raw_text", "body", "content", "description")


def _first(obj: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = obj.get(key)
        if value not in (None, "", []):
            return value
    return None


def _as_text(value: Any, field: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "\n\n".join(value)
    raise FormatError(f"field {field!r} must be text, not {type(value).__name__}")


def domain_of(url: str | None) -> str | None:
    """The host of ``url`` without a leading ``www.``."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def record_to_doc(obj: Any, *, origin: str) -> RawDoc:
    """Build a :class:`RawDoc` from one JSON object or raise ``FormatError``/``DateError``."""
    if not isinstance(obj, dict):
        raise FormatError(f"expected a JSON object, got {type(obj).__name__}")
    text = _as_text(_first(obj, _TEXT), "text")
    if not text or not text.strip():
        raise FormatError("no text field (text, maintext, raw_text, body, content or description)")
    url = _as_text(_first(obj, _URL), "url")
    source = None
    for key in _SOURCE:
        value = _as_text(obj.get(key) or None, key)
        if value and value.startswith(("http://", "https://")):
            url = url or value  # trafilatura puts the page URL in "source"
        elif value and value.strip():
            source = value.strip()
            break
    source = source or domain_of(url)
    ext_id = _first(obj, _ID)
    published, precision = parse_date(_first(obj, _DATE))
    lang = _as_text(_first(obj, _LANG), "lang")
    return RawDoc(
        origin=origin,
        text=text,
        title=_as_text(_first(obj, _TITLE), "title"),
        url=url,
        source=source,
        declared_lang=lang.strip().lower() if lang else None,
        published=published,
        precision=precision,
        external_id=str(ext_id) if ext_id is not None else None,
    )
