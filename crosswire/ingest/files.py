"""Expand command-line inputs (files, folders, globs, ``-``) into input files."""

from __future__ import annotations

import glob
import io
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable

from ..model import Rejection

#: File endings a folder walk picks up; files named explicitly are always read.
ARTICLE_SUFFIXES = (
    ".txt", ".text", ".json", ".jsonl", ".ndjson", ".html", ".htm", ".xhtml",
    ".xml", ".rss", ".atom", ".warc", ".warc.gz", ".arc.gz", ".jsonl.gz", ".json.gz", ".ndjson.gz",
)


@dataclass(frozen=True)
class InputFile:
    """One input to read: a file on disk or standard input."""

    name: str
    open: Callable[[], BinaryIO]
    size: int | None


def _disk(path: Path) -> InputFile:
    try:
        size: int | None = path.stat().st_size
    except OSError:
        size = None
    return InputFile(name=str(path), open=lambda: open(path, "rb"), size=size)


def _stdin() -> InputFile:
    data = sys.stdin.buffer.read()
    return InputFile(name="<stdin>", open=lambda: io.BytesIO(data), size=len(data))


def _wanted(path: Path) -> bool:
    name = path.name.lower()
    return not name.startswith(".") and name.endswith(ARTICLE_SUFFIXES)


def iter_inputs(paths: Iterable[str]) -> Iterator[InputFile | Rejection]:
    """Yield every input file named by ``paths``, in a stable order.

    Folders are walked recursively (hidden entries skipped, only article file
    types); patterns with ``*``, ``?`` or ``[`` are expanded as globs (``**``
    recursive); ``-`` is standard input. A path that names nothing is yielded
    as a :class:`Rejection`.
    """
    seen: set[str] = set()
    for raw in paths:
        if raw == "-":
            yield _stdin()
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                Path(root) / f
                for root, dirs, files in os.walk(path)
                for f in files
                if not any(part.startswith(".") for part in Path(root).relative_to(path).parts)
            )
            candidates = [p for p in found if _wanted(p)]
        elif path.exists():
            candidates = [path]
        elif any(ch in raw for ch in "*?["):
            candidates = [Path(p) for p in sorted(glob.glob(raw, recursive=True)) if Path(p).is_file()]
            if not candidates:
                yield Rejection(raw, "no file matches this pattern")
                continue
        else:
            yield Rejection(raw, "no such file or folder")
            continue
        for p in candidates:
            key = str(p.resolve())
            if key not in seen:  # a file named twice is read once
                seen.add(key)
                yield _disk(p)
