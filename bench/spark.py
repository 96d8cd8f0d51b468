"""Spark batch pipeline benchmark: throughput with 1 and 2 local executor cores.

    python bench/spark.py [--n 100000] [--per-day 1500] [--masters 'local[1],local[2]']
                          [--window-days 28] [--link] [--workdir DIR]

Generates ``--n`` articles with bench/corpus.py (~600 words, 9 languages, 3 %
near-copies, ``--per-day`` articles a day) into one JSONL file, then runs ``crosswire.spark.run_job`` on it
once per master, each in a fresh SparkSession: read → text → near-duplicates →
parse and facts → stories in time windows → Parquet. Reports articles/s end to
end (the session start-up is reported apart as ``startup_s``), the seconds of
each stage, the near-copies found against the corpus's own count, and BCubed of
the stories against the corpus's event labels. Cross-language linking (dense e5
vectors of group representatives) is off unless ``--link``: at 3-10 vectors/s
it would dominate, and it runs inside the window tasks, so it scales the same way.

Results go to bench/results/spark.json.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpus import write_jsonl  # noqa: E402
from crosswire.cluster.evaluate import bcubed, read_gold_labels  # noqa: E402
from crosswire.settings import DEFAULT_SETTINGS  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "spark.json"


def tree_cpu_seconds() -> float:
    """CPU seconds (user + system, with waited-for children) of this process and all its
    descendants: the driver, the Spark JVM and its Python workers (Linux /proc)."""
    import os

    tick = os.sysconf("SC_CLK_TCK")
    stats: dict[int, tuple[int, float]] = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        stats[int(pid)] = (int(fields[1]), sum(int(f) for f in fields[11:15]) / tick)
    tree, todo = set(), [os.getpid()]
    while todo:
        p = todo.pop()
        tree.add(p)
        todo.extend(c for c, (ppid, _) in stats.items() if ppid == p and c not in tree)
    return sum(stats[p][1] for p in tree if p in stats)


def one_run(master: str, corpus: Path, work: Path, *, window_days: float, link: bool) -> dict:
    """One job on ``corpus`` with ``master``, in a fresh SparkSession."""
    from dataclasses import replace

    from crosswire.spark import run_job
    from crosswire.spark.session import spark_session

    started = time.monotonic()
    spark = spark_session(master)
    startup = time.monotonic() - started
    cores = spark.sparkContext.defaultParallelism
    out = work / f"out-{cores}"
    settings = replace(DEFAULT_SETTINGS, spark_window_days=window_days)
    t0, cpu0, load0 = time.monotonic(), tree_cpu_seconds(), os.getloadavg()[0]
    report = run_job([str(corpus)], str(out), spark=spark, link=link, settings=settings)
    seconds, cpu = time.monotonic() - t0, tree_cpu_seconds() - cpu0
    load1 = os.getloadavg()[0]
    pred = {r["id"]: r["story_id"] for r in spark.read.parquet(str(out / "articles")).select("id", "story_id").collect()}
    spark.stop()
    counts = report.counts()
    return {
        "master": master, "cores": cores, "seconds": round(seconds, 1), "startup_s": round(startup, 1),
        "articles_per_s": round(report.articles / seconds, 1), "stage_seconds": counts["seconds"],
        # CPU of the whole job: with other work on the machine, wall time says less than this
        "cpu_seconds": round(cpu, 1), "cpu_per_wall": round(cpu / seconds, 2),
        "load_average_before_after": [round(load0, 2), round(load1, 2)],
        "articles": report.articles, "duplicates": report.duplicates, "windows": report.windows,
        "stories": report.stories, "bcubed": bcubed(pred, read_gold_labels(corpus)),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--per-day", type=float, default=1500.0, help="articles a day: sets the time span, so the windows")
    ap.add_argument("--masters", default="local[1],local[2]")
    ap.add_argument("--window-days", type=float, default=DEFAULT_SETTINGS.spark_window_days)
    ap.add_argument("--link", action="store_true", help="also link representatives across languages (dense model)")
    ap.add_argument("--workdir", default=None)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="crosswire-bench-spark-") as tmp:
        work = Path(args.workdir or tmp)
        corpus = work / f"corpus-{args.n}-{args.per_day:g}.jsonl"
        if not corpus.exists():
            write_jsonl(corpus, args.n, per_day=args.per_day)
        runs = []
        for master in args.masters.split(","):
            run = one_run(master, corpus, work, window_days=args.window_days, link=args.link)
            runs.append(run)
            print(f"{master}: {run['articles']} articles in {run['seconds']} s = {run['articles_per_s']}/s "
                  f"(start-up {run['startup_s']} s; stages {run['stage_seconds']}; {run['cpu_seconds']} CPU s, "
                  f"{run['cpu_per_wall']} cores busy on average); {run['duplicates']} near-copies, "
                  f"{run['stories']} stories in {run['windows']} windows, BCubed F1 {run['bcubed']['f1']}", flush=True)
    result = {
        "n": args.n, "words": 600, "per_day": args.per_day, "window_days": args.window_days, "link": args.link, "runs": runs,
        "expected_duplicates": int(args.n * 0.03),
        "speedup": round(runs[0]["seconds"] / runs[-1]["seconds"], 2) if len(runs) > 1 else None,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if result["speedup"]:
        print(f"speed-up {runs[-1]['master']} over {runs[0]['master']}: {result['speedup']}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
