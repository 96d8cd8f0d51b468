"""The records that flow between stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Precision = Literal["year", "month", "day", "minute", "second"]


@dataclass(slots=True)
class RawDoc:
    """One article as a reader found it, before cleaning and language ID."""

    origin: str
    """Where it came from: ``path``, ``path:LINE``, ``path#entry N``, ``path@offset``."""
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    declared_lang: str | None = None
    published: str | None = None
    """Normalised date text at its own precision (``2022-01``, ``2022-01-07``,
    ``2022-01-07T06:14:00Z``); see :mod:`crosswire.ingest.dates`."""
    precision: Precision | None = None
    external_id: str | None = None


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be used, and why (one line for the user)."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


@dataclass(slots=True)
class Article:
    """A cleaned, identified article as stored."""

    id: str
    url: str | None
    source: str | None
    lang: str
    lang_confidence: float
    published: str | None
    precision: Precision | None
    title: str | None
    text: str
    origin: str
    content_hash: str
    duplicate_of: str | None = None
    ingested_at: str | None = None
    declared_lang: str | None = None
    minhash: bytes | None = field(default=None, repr=False)

    def to_dict(self, *, with_text: bool = True) -> dict[str, object]:
        d: dict[str, object] = {
            "id": self.id,
            "url": self.url,
            "source": self.source,
            "lang": self.lang,
            "lang_confidence": self.lang_confidence,
            "published": self.published,
            "published_precision": self.precision,
            "title": self.title,
            "origin": self.origin,
            "content_hash": self.content_hash,
            "duplicate_of": self.duplicate_of,
            "ingested_at": self.ingested_at,
        }
        if with_text:
            d["text"] = self.text
        return d
