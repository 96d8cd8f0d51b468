"""WARC / WARC.gz crawls: HTML responses extracted record by record (warcio)."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..model import RawDoc, Rejection
from .decode import DecodeError, decode
from .html import extract_page
from .plaintext import FormatError

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


class _GzipCheck:
    """Pass reads through while checking that every gzip member is complete.

    warcio stops quietly at a truncated gzip member, which would pass a cut
    crawl off as a whole one; this wrapper notices.
    """

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._inflate = zlib.decompressobj(wbits=31)
        self._partial = False
        self.corrupt: str | None = None

    def read(self, n: int = -1) -> bytes:
        data = self._stream.read(n)
        pending = data
        while pending and self.corrupt is None:
            try:
                self._inflate.decompress(pending)
            except zlib.error as exc:
                self.corrupt = f"corrupt gzip data ({exc})"
                break
            if not self._inflate.eof:
                self._partial = True
                break
            pending = self._inflate.unused_data
            self._inflate = zlib.decompressobj(wbits=31)
            self._partial = False
        return data

    def check(self) -> str | None:
        """After the whole stream was read: why it is incomplete, or None."""
        if self.corrupt:
            return self.corrupt
        return "the last gzip member is cut short" if self._partial else None


def read_warc(stream: BinaryIO, *, name: str, max_bytes: int) -> Iterator[RawDoc | Rejection]:
    """Stream the HTML responses of a WARC file; never loads the whole file.

    A truncated or corrupt archive yields the records read so far and one
    rejection saying where reading stopped.
    """
    n = 0
    head = stream.read(2)
    stream.seek(0)
    checker = _GzipCheck(stream) if head == b"\x1f\x8b" else None
    try:
        for record in ArchiveIterator(checker or stream, arc2warc=True):
            n += 1
            if record.rec_type != "response":
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI")
            origin = f"{name}#record {n} ({uri})" if uri else f"{name}#record {n}"
            http = record.http_headers
            if http is None:
                continue
            status = http.get_statuscode()
            ctype = (http.get_header("Content-Type") or "").lower()
            if status != "200" or not ctype.startswith(_HTML_TYPES):
                continue  # redirects, images and scripts are not articles
            payload = record.content_stream().read(max_bytes + 1)
            if len(payload) > max_bytes:
                yield Rejection(origin, f"document too large (over {max_bytes // 1_000_000} MB)")
                continue
            if record.raw_stream.limit > 0:  # fewer bytes than the record header promised
                yield Rejection(origin, "truncated or corrupt WARC, reading stopped (record cut short)")
                return
            try:
                html = decode(payload, declared=_charset(ctype))
                yield extract_page(html, origin=origin, url=uri)
            except (DecodeError, FormatError) as exc:
                yield Rejection(origin, str(exc))
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        yield Rejection(f"{name}#record {n + 1}", f"truncated or corrupt WARC, reading stopped ({reason})")
        return
    if checker is not None and (problem := checker.check()):
        yield Rejection(f"{name}#record {n + 1}", f"truncated or corrupt WARC, reading stopped ({problem})")
