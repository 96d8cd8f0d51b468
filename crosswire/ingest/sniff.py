"""Tell an input's format from its name and first bytes."""

from __future__ import annotations

import re
from typing import Literal

Format = Literal["warc", "jsonl", "json", "feed", "html", "seed", "text", "gzip"]

SEED_HEADER = re.compile(r"^\s?date (\d{4}-\d{2}) ?(.*)$")
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_ROOT = re.compile(rb"<(?:!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE)


def sniff(name: str, head: bytes) -> Format:
    """Guess the format of a file called ``name`` starting with ``head``."""
    lower = name.lower()
    if head[:2] == b"\x1f\x8b":
        return "warc" if ".warc" in lower or ".arc" in lower else "gzip"
    if head.startswith(b"WARC/"):
        return "warc"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if lower.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if lower.endswith(".json") or start[:1] in (b"{", b"["):
        # one object per line is JSONL even when named .json
        first_line = start.split(b"\n", 1)[0].strip()
        if start[:1] == b"{" and first_line.endswith(b"}") and b"\n{" in start:
            return "jsonl"
        return "json"
    if lower.endswith((".rss", ".atom")) or _FEED_ROOT.search(head[:2048]):
        return "feed"
    if lower.endswith((".html", ".htm", ".xhtml")) or _HTML_ROOT.search(head[:2048]):
        return "html"
    if lower.endswith(".xml"):
        return "feed"
    if SEED_HEADER.match(head.split(b"\n", 1)[0].decode("utf-8", "replace").lstrip("\ufeff")):
        return "seed"
    return "text"
