"""Ingest stage: turn input files of any supported format into raw documents.

``read_input`` reads one :class:`~crosswire.ingest.files.InputFile` and yields
:class:`~crosswire.model.RawDoc` for every usable article and
:class:`~crosswire.model.Rejection` for everything else; it never raises for
bad input.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from ..model import RawDoc, Rejection
from ..settings import DEFAULT_SETTINGS, Settings
from .dates import DateError
from .decode import DecodeError, decode
from .feed import read_feed
from .files import InputFile, iter_inputs
from .html import extract_page
from .jsonrec import record_to_doc
from .plaintext import FormatError, read_plain, read_seed
from .sniff import sniff
from .warc import read_warc

__all__ = ["InputFile", "iter_inputs", "read_input"]

_RECORD_ERRORS = (FormatError, DateError, DecodeError)


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def _read_capped(stream: BinaryIO, name: str, limit: int) -> bytes:
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise FormatError(f"document too large (over {_mb(limit)})")
    return data


def _json_records(stream: BinaryIO, *, name: str, settings: Settings) -> Iterator[RawDoc | Rejection]:
    """A JSON file: one object, an array of objects, or (fallback) JSON lines."""
    data = _read_capped(stream, name, settings.max_json_file_bytes)
    text = decode(data)
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # several objects: it is JSON lines after all
            lines = ((ln, len(ln)) for ln in text.encode("utf-8").splitlines(True))
            yield from _jsonl_lines(lines, name=name, settings=settings)
            return
        yield Rejection(name, f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}")
        return
    items = obj if isinstance(obj, list) else (obj.get("articles") if isinstance(obj, dict) and isinstance(obj.get("articles"), list) else [obj])
    for i, item in enumerate(items):
        origin = f"{name}[{i}]" if len(items) > 1 or isinstance(obj, list) else name
        try:
            yield record_to_doc(item, origin=origin)
        except _RECORD_ERRORS as exc:
            yield Rejection(origin, str(exc))


def _jsonl_lines(lines: Iterator[tuple[bytes, int]], *, name: str, settings: Settings) -> Iterator[RawDoc | Rejection]:
    for lineno, (raw, size) in enumerate(lines, 1):
        origin = f"{name}:{lineno}"
        if size > settings.max_document_bytes:
            yield Rejection(origin, f"document too large ({_mb(size)} over {_mb(settings.max_document_bytes)})")
            continue
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            try:
                line = decode(raw)
            except DecodeError as exc:
                yield Rejection(origin, str(exc))
                continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejection(origin, f"malformed JSON line (column {exc.colno}: {exc.msg})")
            continue
        try:
            yield record_to_doc(obj, origin=origin)
        except _RECORD_ERRORS as exc:
            yield Rejection(origin, str(exc))


def _capped_lines(stream: BinaryIO, limit: int) -> Iterator[tuple[bytes, int]]:
    """``(line, size)`` pairs; an over-long line is skipped unread beyond ``limit``."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        size = len(line)
        if size > limit and not line.endswith(b"\n"):
            while chunk := stream.readline(1 << 20):
                size += len(chunk)
                if chunk.endswith(b"\n"):
                    break
            line = b""
        yield line, size


def _dispatch(stream: BinaryIO, *, name: str, fmt: str, settings: Settings) -> Iterator[RawDoc | Rejection]:
    if fmt == "warc":
        yield from read_warc(stream, name=name, max_bytes=settings.max_document_bytes)
    elif fmt == "jsonl":
        yield from _jsonl_lines(_capped_lines(stream, settings.max_document_bytes), name=name, settings=settings)
    elif fmt == "json":
        yield from _json_records(stream, name=name, settings=settings)
    else:
        data = _read_capped(stream, name, settings.max_document_bytes)
        if fmt == "feed":
            if not data.strip():
                raise DecodeError("empty")
            yield from read_feed(data, name=name)
            return
        text = decode(data)
        if fmt == "html":
            yield extract_page(text, origin=name)
        elif fmt == "seed":
            yield read_seed(text, origin=name)
        else:
            yield read_plain(text, origin=name)


def read_input(inp: InputFile, *, settings: Settings = DEFAULT_SETTINGS) -> Iterator[RawDoc | Rejection]:
    """Yield the documents of one input file, and a rejection for each unusable part."""
    name = inp.name
    if inp.size == 0:
        yield Rejection(name, "empty file")
        return
    try:
        stream = inp.open()
    except OSError as exc:
        yield Rejection(name, f"cannot open ({exc.strerror or exc})")
        return
    try:
        head = stream.read(4096)
        stream.seek(0)
        fmt = sniff(name, head)
        single = fmt in ("html", "seed", "text")
        if single and inp.size is not None and inp.size > settings.max_document_bytes:
            yield Rejection(name, f"document too large ({_mb(inp.size)} over {_mb(settings.max_document_bytes)})")
            return
        if fmt == "gzip":
            inner = name[: -len(".gz")] if name.lower().endswith(".gz") else name
            with gzip.GzipFile(fileobj=stream) as gz:
                head = gz.read(4096)
            stream.seek(0)
            gz = gzip.GzipFile(fileobj=stream)
            yield from _dispatch(gz, name=name, fmt=sniff(inner, head), settings=settings)  # type: ignore[arg-type]
        else:
            yield from _dispatch(stream, name=name, fmt=fmt, settings=settings)
    except _RECORD_ERRORS as exc:
        yield Rejection(name, str(exc))
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield Rejection(name, f"truncated or corrupt compressed file ({exc})")
    except OSError as exc:
        yield Rejection(name, f"read error ({exc.strerror or exc})")
    finally:
        stream.close()
