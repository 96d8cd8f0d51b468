"""Ingest a JSONL of articles into a store and cache their dense embeddings.

Used to prepare evaluation data (e.g. the SemEval pairs) once; the vectors stay
cached in the store, so training and evaluation runs afterwards are fast.

    python scripts/embed_articles.py ARTICLES.jsonl --db /tmp/semeval.db
"""

from __future__ import annotations

import argparse
import sys
import time

from crosswire.pipeline import ingest_paths
from crosswire.represent.dense import Embedder, cached_vectors
from crosswire.store import open_store


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("articles")
    ap.add_argument("--db", required=True)
    ap.add_argument("--batch", type=int, default=16)
    args = ap.parse_args(argv)
    store = open_store(args.db)
    report = ingest_paths([args.articles], store)
    print(f"ingested: {report.counts()}", file=sys.stderr)
    arts = store.articles()
    t0 = time.time()

    def progress(done: int, total: int) -> None:
        print(f"\r{done}/{total} embedded, {done / (time.time() - t0):.1f}/s", end="", file=sys.stderr)

    cached_vectors(store, store.articles(), Embedder(), batch=args.batch, progress=progress)
    print(file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
