"""Drop folders: files that appear are read once their size and mtime have settled,
then moved to ``done/`` (at least one article taken) or ``failed/`` (nothing usable).

Only files directly in the folder with an article file type are picked up (the
same types a folder walk of ``crosswire ingest`` reads); hidden files, other
types (``.part``, ``.tmp``) and sub-folders are left alone, so a writer may also
write under a temporary name and rename when done.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ..ingest.files import ARTICLE_SUFFIXES

DONE, FAILED = "done", "failed"


def _wanted(name: str) -> bool:
    lower = name.lower()
    return not lower.startswith(".") and lower.endswith(ARTICLE_SUFFIXES)


class DropFolder:
    """One drop folder; ``ready()`` lists the files to read now, ``finish()`` moves one away."""

    def __init__(self, path: str | Path, *, settle: float, clock: Callable[[], float]) -> None:
        self.path = Path(path)
        self.settle = settle
        self.clock = clock
        #: name → (size, mtime_ns, when that size/mtime was first seen)
        self._seen: dict[str, tuple[int, int, float]] = {}
        #: files that could not be moved away: not read again by this process
        self._stuck: set[str] = set()

    def ready(self) -> list[Path]:
        """Files unchanged for at least ``settle`` seconds, oldest name first.

        A file still being written changes size or mtime between scans and waits;
        a new file is never ready on the scan that first sees it (unless ``settle`` is 0).
        """
        now = self.clock()
        seen: dict[str, tuple[int, int, float]] = {}
        ready: list[Path] = []
        with os.scandir(self.path) as entries:
            for entry in entries:
                if entry.name in self._stuck or not _wanted(entry.name):
                    continue
                try:
                    if not entry.is_file(follow_symlinks=False):
                        continue
                    st = entry.stat(follow_symlinks=False)
                except OSError:  # vanished between listing and stat
                    continue
                prev = self._seen.get(entry.name)
                since = prev[2] if prev and prev[:2] == (st.st_size, st.st_mtime_ns) else now
                seen[entry.name] = (st.st_size, st.st_mtime_ns, since)
                if now - since >= self.settle:
                    ready.append(Path(entry.path))
        self._seen = seen
        return sorted(ready)

    @property
    def waiting(self) -> int:
        """Files seen on the last scan that are not settled yet."""
        now = self.clock()
        return sum(1 for *_, since in self._seen.values() if now - since < self.settle)

    def finish(self, path: Path, *, ok: bool) -> Path:
        """Move ``path`` into ``done/`` or ``failed/`` (a free name: ``a.json``, ``a.1.json``…).

        Raises ``OSError`` when it cannot be moved; the file is then ignored until restart.
        """
        self._seen.pop(path.name, None)
        target_dir = self.path / (DONE if ok else FAILED)
        try:
            target_dir.mkdir(exist_ok=True)
            suffix = "".join(path.suffixes[-2:]) if path.name.lower().endswith(".gz") else path.suffix
            stem = path.name[: len(path.name) - len(suffix)] if suffix else path.name
            target, n = target_dir / path.name, 0
            while target.exists():
                n += 1
                target = target_dir / f"{stem}.{n}{suffix}"
            os.replace(path, target)
        except OSError:
            self._stuck.add(path.name)
            raise
        return target
