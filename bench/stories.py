"""Stories benchmark: pair-score Pearson, gold checks, throughput and scale.

    python bench/stories.py [--parts pearson,gold,throughput,scale]
                            [--store-size 100000] [--stream 2000]
                            [--scale-sizes 10000,100000] [--workdir DIR]

Parts (all by default except that ``scale`` uses ``--scale-sizes``):

* ``pearson``: 5-fold cross-validated Pearson of the pair score with the gold
  ``overall`` of the SemEval-2022 Task 8 training pairs in
  ../shared/data/semeval2022-task8-mono (skipped without it), per language,
  beside the dense-only and lexical-only baselines (runs
  scripts/train_pair_model.py into a temporary model file; needs scikit-learn,
  ``pip install -e '.[train]'``). Dense vectors are cached in the work folder.
* ``gold``: the five seeds (../shared/seeds) fed with the whole built-in sample:
  do the seeds form exactly one story that no sample article joins? And the
  sample's BCubed precision/recall/F1 against its gold labels.
* ``throughput``: a store already holding ``--store-size`` generated articles
  (ingested and placed in stories) takes ``--stream`` more ~600-word articles:
  ingest + clustering + store, end to end, in articles/s, for a running stream
  (``end_to_end_articles_per_s``: the one-time start-up of models, word lists and
  clusterer state is reported apart as ``startup_s``) and for one cold run
  (``end_to_end_with_startup_articles_per_s``); once with articles parsed in
  process (``in_process``) and once with the default ``parse_workers`` (parsing
  one batch ahead in a worker process, ``default``). Cross-language
  linking (dense model) is measured separately, in representatives/s: it runs
  behind placement (``crosswire run --no-link``, then a later ``run``).
* ``scale``: per-article clustering cost (ms, parsing in process; of which writing
  to the store: ``store_write_ms_per_article``) for 1,000 new articles streaming
  into stores of each size in ``--scale-sizes`` and the peak memory. A bigger store is built from a copy of the biggest smaller one in the
  work folder (the generated stream is prefix-stable).

Generated articles come from bench/corpus.py (see its docstring). Results go to
bench/results/stories.json; figures of a part that did not run are kept from
the previous run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))


from crosswire.cli import sample_path  # noqa: E402
from crosswire.cluster.evaluate import bcubed, read_gold_labels  # noqa: E402
from crosswire.cluster.stream import StoryClusterer  # noqa: E402
from crosswire.pipeline import cluster_pending, ingest_paths  # noqa: E402
from crosswire.represent.parallel import parsed_chunks  # noqa: E402
from crosswire.settings import DEFAULT_SETTINGS  # noqa: E402
from crosswire.store import open_store  # noqa: E402

RESULTS = HERE / "results" / "stories.json"
SEMEVAL = ROOT.parent / "shared" / "data" / "semeval2022-task8-mono"
SEEDS = ROOT.parent / "shared" / "seeds"


def peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def part_pearson(work: Path) -> dict:
    if not (SEMEVAL / "pairs.csv").exists():
        return {"skipped": "../shared/data/semeval2022-task8-mono not available"}
    out = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "train_pair_model.py"),
         "--articles", str(SEMEVAL / "articles.jsonl"), "--pairs", str(SEMEVAL / "pairs.csv"),
         "--db", str(work / "semeval.db"), "--out", str(work / "pair_model.json")],
        check=True, capture_output=True, text=True,
    )
    report = json.loads(out.stdout)
    per_lang = lambda r: {k: v["pearson"] for k, v in r["per_pair"].items()}  # noqa: E731
    return {
        "pairs": report["pairs"],
        "target": 0.80,
        "pearson_cv": report["cv"]["full"]["pearson"],
        "pearson_cv_per_language": per_lang(report["cv"]["full"]),
        "meets_target": report["cv"]["full"]["pearson"] >= 0.80,
        "variants_cv": {k: v["pearson"] for k, v in report["cv"].items()},
        "baseline_dense_only": report["baselines"]["dense"]["pearson"],
        "baseline_dense_only_per_language": per_lang(report["baselines"]["dense"]),
        "baseline_lexical_only": report["baselines"]["lexical"]["pearson"],
        "baseline_lexical_only_per_language": per_lang(report["baselines"]["lexical"]),
    }


def part_gold(work: Path) -> dict:
    store = open_store(work / "gold.db")
    paths = [str(sample_path())] + ([str(SEEDS)] if SEEDS.is_dir() else [])
    ingest_paths(paths, store)
    t = time.perf_counter()
    cluster_pending(store)
    seconds = time.perf_counter() - t
    pred = store.story_of_articles()
    gold = read_gold_labels(sample_path())
    result: dict = {"sample_bcubed": bcubed(pred, gold), "target_f1": 0.95, "cluster_seconds": round(seconds, 1)}
    result["sample_meets_target"] = result["sample_bcubed"]["f1"] >= 0.95
    if SEEDS.is_dir():
        seeds = [a.id for a in store.articles() if a.origin.startswith(str(SEEDS))]
        stories = {pred[i] for i in seeds}
        members = {a for a, s in pred.items() if s in stories}
        result["seeds"] = {
            "seed_articles": len(seeds),
            "stories_of_seeds": len(stories),
            "sample_articles_in_seed_story": len(members - set(seeds)),
            "ok": len(stories) == 1 and members == set(seeds),
        }
    store.close()
    return result


def _prefill(work: Path, size: int) -> Path:
    """A store holding ``size`` generated articles, placed in stories (cached in work/).

    The generated stream is prefix-stable, so a bigger store starts from a copy of the
    biggest smaller one already in ``work`` and only ingests and places the rest: the
    1,000,000-article store then costs the 900,000 articles beyond the 100,000 one.
    """
    db = work / f"store-{size}.db"
    if db.exists():
        return db
    smaller = sorted(
        (int(p.stem.split("-")[1]), p) for p in work.glob("store-*.db")
        if p.stem.split("-")[1].isdigit() and int(p.stem.split("-")[1]) < size
    )
    tmp = work / f"store-{size}.tmp.db"
    start = smaller[-1][0] if smaller else 0
    if smaller and not tmp.exists():  # else an interrupted prefill resumes: stored articles are skipped
        _copy_db(smaller[-1][1], tmp)
    src = work / f"prefill-{size}.jsonl"
    from corpus import generate_articles

    with open(src, "w", encoding="utf-8") as fh:
        for i, rec in enumerate(generate_articles(size, seed=1)):
            if i >= start:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    store = open_store(tmp)
    t = time.perf_counter()
    # the fixture trusts the generator's language labels (detection agrees on 99.97 %): the
    # measured stream in _stream_into detects languages as usual
    ingest_paths([str(src)], store, settings=replace(DEFAULT_SETTINGS, trust_declared_lang=True))
    t_ingest = time.perf_counter() - t
    t = time.perf_counter()
    cluster_pending(store, link=False)
    t_cluster = time.perf_counter() - t
    store.close()
    for suffix in ("", "-wal", "-shm"):
        if Path(str(tmp) + suffix).exists():
            os.replace(str(tmp) + suffix, str(db) + suffix)
    n = size - start
    print(f"prefilled {size} (+{n}): ingest {n / t_ingest:.0f}/s, placement {n / t_cluster:.0f}/s", file=sys.stderr)
    src.unlink()
    return db


def _copy_db(src: Path, dst: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        p = Path(str(dst) + suffix)
        if p.exists():
            p.unlink()
        if Path(str(src) + suffix).exists():
            shutil.copy(str(src) + suffix, str(p))


def _stream_into(db_src: Path, work: Path, n: int, *, link_sample: int = 0, workers: int = 0) -> dict:
    db = work / "stream.db"
    _copy_db(db_src, db)
    # new articles continue the same generated stream, after what the store holds; kept in
    # the work folder, since reaching article 1,000,000 of the generator takes minutes
    size = int(db_src.stem.split("-")[1])
    src = work / f"stream-{size}+{n}.jsonl"
    if not src.exists():
        from corpus import generate_articles

        part = src.with_suffix(".part")
        with open(part, "w", encoding="utf-8") as fh:
            for i, rec in enumerate(generate_articles(size + n, seed=1)):
                if i >= size:
                    fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        os.replace(part, src)
    store = open_store(db)
    t0 = time.perf_counter()
    ingest_paths([str(src)], store)
    t1 = time.perf_counter()
    clusterer = StoryClusterer(store)
    ids = clusterer.pending()
    clusterer._load()  # the clusterer's state (document frequencies, active groups): once per process
    # models and dictionaries load on first use, once per process: keep that out of the per-article cost
    from crosswire.represent.profile import parse

    for x in ids[:50]:
        parse(store.get_article(x))
    t_load = time.perf_counter()
    # the share of placement spent writing to the store (one transaction per batch): what
    # grows with the size of the store's indexes, as against the in-memory decisions
    save_s = 0.0
    save = clusterer._save

    def timed_save(*args):
        nonlocal save_s
        t = time.perf_counter()
        try:
            return save(*args)
        finally:
            save_s += time.perf_counter() - t

    clusterer._save = timed_save
    chunks = ([store.get_article(x) for x in ids[i : i + 256]] for i in range(0, len(ids), 256))
    for chunk, parsed in parsed_chunks(chunks, workers=workers):
        clusterer.partial_fit(chunk, parsed)
    t2 = time.perf_counter()
    out = {
        "store_articles_before": size,
        "new_articles": n,
        "parse_workers": workers,
        "ingest_s": round(t1 - t0, 2),
        "cluster_s": round(t2 - t1, 2),
        "startup_s": round(t_load - t1, 2),
        # a running stream pays the start-up (models, word lists, clusterer state) once
        "end_to_end_articles_per_s": round(n / ((t1 - t0) + (t2 - t_load)), 1),
        "end_to_end_with_startup_articles_per_s": round(n / (t2 - t0), 1),
        "cluster_ms_per_article": round(1000 * (t2 - t_load) / n, 3),
        "store_write_ms_per_article": round(1000 * save_s / n, 3),
    }
    if link_sample:
        t = time.perf_counter()
        linked = clusterer.link(limit=link_sample)
        out["link_representatives"] = linked
        out["link_representatives_per_s"] = round(linked / (time.perf_counter() - t), 2)
    store.close()
    return out


def part_throughput(work: Path, store_size: int, n: int) -> dict:
    db = _prefill(work, store_size)
    # parsing in process and in one worker process one batch ahead (the default), in one run
    res = {"in_process": _stream_into(db, work, n), "default": _stream_into(db, work, n, link_sample=32,
                                                                           workers=DEFAULT_SETTINGS.parse_workers)}
    res["target_articles_per_s"] = 100.0
    res["meets_target"] = res["default"]["end_to_end_articles_per_s"] >= 100.0
    res["peak_rss_mb"] = peak_rss_mb()
    return res


def part_scale(work: Path, sizes: list[int]) -> dict:
    rows = {}
    for size in sizes:
        rows[str(size)] = _stream_into(_prefill(work, size), work, 1000)
    costs = [r["cluster_ms_per_article"] for r in rows.values()]
    return {
        "per_size": rows,
        "cost_ratio_largest_to_smallest": round(costs[-1] / costs[0], 2) if costs and costs[0] else None,
        "target_ratio": 2.0,
        "peak_rss_mb": peak_rss_mb(),
        "memory_target_mb_at_1M": 4096,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--parts", default="pearson,gold,throughput,scale")
    ap.add_argument("--store-size", type=int, default=100_000)
    ap.add_argument("--stream", type=int, default=2000)
    ap.add_argument("--scale-sizes", default="10000,100000")
    ap.add_argument("--workdir", default=None, help="keeps generated stores between runs (default: a temp dir)")
    args = ap.parse_args(argv)
    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="crosswire-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    parts = args.parts.split(",")
    if "pearson" in parts:
        results["pearson"] = part_pearson(work)
        print(json.dumps(results["pearson"], indent=1))
    if "gold" in parts:
        results["gold"] = part_gold(work)
        print(json.dumps(results["gold"], indent=1))
    if "throughput" in parts:
        results["throughput"] = part_throughput(work, args.store_size, args.stream)
        print(json.dumps(results["throughput"], indent=1))
    if "scale" in parts:
        results["scale"] = part_scale(work, [int(x) for x in args.scale_sizes.split(",")])
        print(json.dumps(results["scale"], indent=1))
    results["machine"] = {"cpus": os.cpu_count(), "python": platform.python_version(),
                          "timestamp": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")}
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=1) + "\n")
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
