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
from crosswire.represent.dense import MODEL_NAME, Embedder, lead_text, to_blob
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
    have = store.embeddings([a.id for a in arts], MODEL_NAME)
    todo = [a for a in arts if a.id not in have]
    emb = Embedder()
    t0 = time.time()
    for i in range(0, len(todo), args.batch):
        chunk = todo[i : i + args.batch]
        vecs = emb.embed([lead_text(a.title, a.text) for a in chunk])
        store.put_embeddings({a.id: to_blob(v) for a, v in zip(chunk, vecs)}, MODEL_NAME)
        done = i + len(chunk)
        print(f"\r{done}/{len(todo)} embedded, {done / (time.time() - t0):.1f}/s", end="", file=sys.stderr)
    print(file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
