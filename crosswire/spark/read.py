"""Inputs for Spark: list them on the driver, read them in tasks with the single-machine readers.

Local paths are expanded exactly as ``crosswire ingest`` does (``iter_inputs``)
and each task opens its files itself (on a cluster the path must be visible to
the executors, e.g. a shared mount). URIs with a scheme (``hdfs://``, ``s3a://``,
``file://``) are listed with Hadoop's FileSystem and their bytes shipped by
``binaryFiles``. Every item carries its place in the input order,
``(file index, item index)``, which is the order a single-machine run stores
articles in: near-duplicate marks depend on it.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from pathlib import PurePosixPath
from urllib.parse import urlparse

from ..ingest import InputFile, iter_inputs, read_input
from ..ingest.files import ARTICLE_SUFFIXES
from ..model import RawDoc, Rejection
from ..settings import Settings

#: ``(file index, item index)``: the single-machine input order
Order = tuple[int, int]


def is_uri(path: str) -> bool:
    """Whether ``path`` names a Hadoop-compatible URI rather than a local path."""
    return "://" in path


def _wanted(rel: str) -> bool:
    """Folder walks take article file types only and skip hidden entries (as ``iter_inputs``)."""
    parts = PurePosixPath(rel).parts
    return bool(parts) and not any(p.startswith((".", "_")) for p in parts) and parts[-1].lower().endswith(ARTICLE_SUFFIXES)


def _hadoop_files(sc, uri: str) -> list[str] | Rejection:
    """Files named by ``uri`` (a file, a folder walked recursively, or a glob), sorted."""
    jvm = sc._jvm
    path = jvm.org.apache.hadoop.fs.Path(uri)
    try:
        fs = path.getFileSystem(sc._jsc.hadoopConfiguration())
        statuses = fs.globStatus(path)
    except Exception as exc:  # py4j wraps every Java exception (unknown scheme, no access)
        return Rejection(uri, f"cannot list ({str(exc).splitlines()[0][:200]})")
    if statuses is None:
        return Rejection(uri, "no such file or folder")
    if len(statuses) == 0:
        return Rejection(uri, "no file matches this pattern")
    out: list[str] = []
    for st in statuses:
        if not st.isDirectory():
            out.append(st.getPath().toString())
            continue
        root = st.getPath().toString().rstrip("/")
        found = []
        files = fs.listFiles(st.getPath(), True)
        while files.hasNext():
            name = files.next().getPath().toString()
            if _wanted(name[len(root) :].lstrip("/")):
                found.append(name)
        out.extend(sorted(found))
    return out


def list_inputs(sc, paths: Sequence[str]) -> tuple[list[tuple[int, str, bool]], list[Rejection]]:
    """``(file index, name, is_uri)`` of every input file in order, and what names nothing."""
    files: list[tuple[int, str, bool]] = []
    rejections: list[Rejection] = []
    seen: set[str] = set()
    for raw in paths:
        if raw == "-":
            rejections.append(Rejection("-", "standard input cannot be read by a Spark job: name files"))
            continue
        if is_uri(raw):
            got = _hadoop_files(sc, raw)
            if isinstance(got, Rejection):
                rejections.append(got)
                continue
            names = [(n, True) for n in got]
        else:
            names = []
            for inp in iter_inputs([raw]):
                if isinstance(inp, Rejection):
                    rejections.append(inp)
                else:
                    names.append((inp.name, False))
        for name, uri in names:
            if name not in seen:  # a file named twice is read once
                seen.add(name)
                files.append((len(files), name, uri))
    return files, rejections


def _uri_path(name: str) -> str:
    return urlparse(name).path


def read_local(index: int, name: str, settings: Settings) -> Iterator[tuple[Order, RawDoc | Rejection]]:
    """Every item of one local file, numbered in reading order (runs in a task)."""
    for inp in iter_inputs([name]):
        items = [inp] if isinstance(inp, Rejection) else read_input(inp, settings=settings)
        for i, item in enumerate(items):
            yield (index, i), item


def read_bytes(index: int, name: str, data: bytes, settings: Settings) -> Iterator[tuple[Order, RawDoc | Rejection]]:
    """Every item of one file shipped as bytes (runs in a task)."""
    inp = InputFile(name=name, open=lambda: io.BytesIO(data), size=len(data))
    for i, item in enumerate(read_input(inp, settings=settings)):
        yield (index, i), item


def read_rdd(sc, files: list[tuple[int, str, bool]], settings: Settings):
    """An RDD of ``(order, RawDoc | Rejection)`` for every file (one task per local file)."""
    local = [(i, n) for i, n, uri in files if not uri]
    remote = {_uri_path(n): (i, n) for i, n, uri in files if uri}
    parts = []
    if local:
        parts.append(
            sc.parallelize(local, len(local)).flatMap(lambda f: read_local(f[0], f[1], settings))
        )
    if remote:
        def from_bytes(kv: tuple[str, bytes]) -> Iterator[tuple[Order, RawDoc | Rejection]]:
            index, name = remote[_uri_path(kv[0])]
            return read_bytes(index, name, kv[1], settings)

        parts.append(sc.binaryFiles(",".join(n for _, n in remote.values())).flatMap(from_bytes))
    if not parts:
        return sc.emptyRDD()
    return parts[0] if len(parts) == 1 else sc.union(parts)
