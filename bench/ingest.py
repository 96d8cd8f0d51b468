"""Ingest benchmark: articles per second end to end into SQLite.

    python bench/ingest.py [--n 10000] [--words 600] [--workdir DIR] [--keep] [--seed 0] [--profile]

1. generates ``n`` synthetic articles (bench/corpus.py) as one JSONL file in a
   temporary folder outside the repo (timed separately);
2. times ``ingest_paths([file], store)`` into a fresh SQLite file: reading and
   JSON parsing, cleaning, language ID, MinHash near-duplicate marking, storing;
3. times a second run over the same file (idempotent re-ingest: all unchanged);
4. checks the stored languages against the generated ones (target ≥ 98 %) and
   the marked near-duplicates against the generated copies;
5. prints the figures and writes them to bench/results/ingest.json.

``--profile`` additionally ingests once more into another fresh store with
per-stage timers wrapped around the pipeline's functions and with cProfile,
and prints where the time goes (it never changes the timed run's figures).
"""

from __future__ import annotations

import argparse
import cProfile
import collections
import io
import json
import os
import platform
import pstats
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import write_jsonl  # noqa: E402

from crosswire.pipeline import ingest_paths  # noqa: E402
from crosswire.settings import DEFAULT_SETTINGS  # noqa: E402
from crosswire.store import open_store  # noqa: E402

TARGET = 300.0  # articles/s on 2 cores
LANG_TARGET = 98.0  # % of articles whose detected language is the generated one
RESULTS = HERE / "results" / "ingest.json"
DEFAULT_LANGS = DEFAULT_SETTINGS.languages


def peak_rss_mb() -> float:
    # ru_maxrss is in KiB on Linux, bytes on macOS
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(rss / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def fresh_store(path: Path):
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return open_store(path)


def truth(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """``id → generated lang`` and ``copy id → original id`` from the JSONL file."""
    langs: dict[str, str] = {}
    copies: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            langs[rec["id"]] = rec["lang"]
            if "copy_of" in rec:
                copies[rec["id"]] = rec["copy_of"]
    return langs, copies


# -- per-stage profile -------------------------------------------------------------

class StageTimer:
    """Wrap pipeline functions with wall-clock timers, grouped by stage."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = collections.defaultdict(float)
        self.calls: dict[str, int] = collections.defaultdict(int)
        self._undo: list[tuple[object, str, object]] = []

    def wrap(self, owner: object, name: str, stage: str) -> None:
        original = getattr(owner, name)
        seconds, calls = self.seconds, self.calls
        clock = time.perf_counter

        def timed(*args, **kwargs):
            t = clock()
            try:
                return original(*args, **kwargs)
            finally:
                seconds[stage] += clock() - t
                calls[stage] += 1

        setattr(owner, name, timed)
        self._undo.append((owner, name, original))

    def restore(self) -> None:
        for owner, name, original in reversed(self._undo):
            setattr(owner, name, original)
        self._undo.clear()


def stage_profile(jsonl: Path, db: Path, n: int) -> dict[str, object]:
    """Ingest once more with stage timers (and cProfile on a second pass)."""
    import crosswire.pipeline as pl
    from crosswire.store.sqlite import SQLiteStore
    from crosswire.text.dedup import NearDuplicateIndex
    from crosswire.text.langid import LanguageIdentifier

    timer = StageTimer()
    timer.wrap(pl.Ingestor, "ingest", "total")
    timer.wrap(pl.Ingestor, "_store_batch", "batches (all but reading)")
    timer.wrap(pl, "clean_title", "cleaning")
    timer.wrap(pl, "clean_text", "cleaning")
    timer.wrap(LanguageIdentifier, "identify_many", "language ID")
    timer.wrap(pl, "content_hash", "content hash")
    timer.wrap(NearDuplicateIndex, "signature", "minhash signature")
    timer.wrap(NearDuplicateIndex, "band_keys", "LSH band keys")
    timer.wrap(NearDuplicateIndex, "best_match", "duplicate decision (similarity)")
    timer.wrap(SQLiteStore, "content_hashes", "SQLite: known ids lookup")
    timer.wrap(SQLiteStore, "lsh_candidates", "SQLite: LSH candidate lookup")
    timer.wrap(SQLiteStore, "write_batch", "SQLite: write batch")
    store = fresh_store(db)
    try:
        t = time.perf_counter()
        ingest_paths([str(jsonl)], store)
        wall = time.perf_counter() - t
    finally:
        timer.restore()
        store.close()

    s = timer.seconds
    total = s["total"]
    reading = total - s["batches (all but reading)"]
    inner = sum(v for k, v in s.items() if k not in ("total", "batches (all but reading)"))
    stages = {
        "reading + JSON + dates (iterating the input)": reading,
        "cleaning": s["cleaning"],
        "language ID": s["language ID"],
        "minhash signature": s["minhash signature"],
        "LSH band keys": s["LSH band keys"],
        "duplicate decision (similarity)": s["duplicate decision (similarity)"],
        "SQLite: LSH candidate lookup": s["SQLite: LSH candidate lookup"],
        "SQLite: known ids lookup": s["SQLite: known ids lookup"],
        "SQLite: write batch": s["SQLite: write batch"],
        "content hash": s["content hash"],
        "other (Article objects, loops)": s["batches (all but reading)"] - inner,
    }
    print(f"\nStage profile (timers only, {n} articles, {wall:.2f} s wall, {n / wall:.0f} articles/s):")
    for name, sec in sorted(stages.items(), key=lambda kv: -kv[1]):
        print(f"  {name:48s} {sec:7.2f} s  {100 * sec / total:5.1f} %  {1e3 * sec / n:6.3f} ms/article")

    # cProfile pass: function-level detail
    store = fresh_store(db)
    prof = cProfile.Profile()
    try:
        prof.enable()
        ingest_paths([str(jsonl)], store)
        prof.disable()
    finally:
        store.close()
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out)
    stats.sort_stats("tottime").print_stats(25)
    print("\ncProfile, top 25 functions by own time:")
    print("\n".join(out.getvalue().splitlines()[:60]))
    load_s = model_load_seconds()
    print(f"\nlanguage model loading (lazy, first batch in a fresh process, {len(DEFAULT_LANGS)} languages): "
          f"{load_s:.2f} s, paid once per process inside the timed run")
    return {"wall_seconds": round(wall, 3), "langid_model_load_seconds": round(load_s, 2),
            "stages_seconds": {k: round(v, 3) for k, v in stages.items()}}


def model_load_seconds() -> float:
    """One-off cost of lingua's lazy model loading, as the timed run pays it.

    In a fresh process: the first ``identify_many`` over 256 generated
    articles minus a second call over the same texts.
    """
    import subprocess

    code = (
        "import sys, time; sys.path.insert(0, sys.argv[1]); from corpus import generate_articles; "
        "from crosswire.text.langid import LanguageIdentifier; from crosswire.settings import DEFAULT_SETTINGS as S; "
        "texts = [r['text'] for r in generate_articles(256, seed=99)]; "
        "li = LanguageIdentifier(languages=S.languages, sample_chars=S.lang_sample_chars); "
        "t = time.perf_counter(); li.identify_many(texts); t1 = time.perf_counter() - t; "
        "t = time.perf_counter(); li.identify_many(texts); t2 = time.perf_counter() - t; "
        "print(t1 - t2)"
    )
    out = subprocess.run([sys.executable, "-c", code, str(HERE)], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


# -- main -------------------------------------------------------------------------

@contextmanager
def workdir(path: str | None, keep: bool):
    if path:
        d = Path(path)
        d.mkdir(parents=True, exist_ok=True)
        yield d
        return
    d = Path(tempfile.mkdtemp(prefix="crosswire-bench-"))
    try:
        yield d
    finally:
        if keep:
            print(f"kept {d}")
        else:
            shutil.rmtree(d, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--n", type=int, default=10_000, help="articles to generate (default 10000)")
    p.add_argument("--words", type=int, default=600, help="words per article (default 600)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--workdir", help="folder for the JSONL file and database (default: a new temp folder)")
    p.add_argument("--keep", action="store_true", help="keep the temp folder")
    p.add_argument("--profile", action="store_true", help="also print a per-stage and a cProfile breakdown")
    p.add_argument("--results", default=str(RESULTS), help=f"where to write the JSON (default {RESULTS})")
    a = p.parse_args(argv)

    with workdir(a.workdir, a.keep) as d:
        jsonl = d / "articles.jsonl"
        db = d / "bench.db"

        print(f"generating {a.n} articles of ~{a.words} words into {jsonl} ...", flush=True)
        t = time.perf_counter()
        write_jsonl(jsonl, a.n, seed=a.seed, words=a.words)
        gen_s = time.perf_counter() - t
        file_mb = jsonl.stat().st_size / 1e6
        print(f"  {gen_s:.2f} s ({a.n / gen_s:.0f} articles/s), {file_mb:.1f} MB", flush=True)
        rss_after_gen = peak_rss_mb()

        store = fresh_store(db)
        load_before = [round(x, 2) for x in os.getloadavg()]
        if load_before[0] > 0.5 * cpu_count():
            print(f"  warning: load average {load_before[0]} before the run: another process is busy, "
                  "figures will be low", flush=True)
        print("ingesting ...", flush=True)
        cpu0 = time.process_time()
        t = time.perf_counter()
        report = ingest_paths([str(jsonl)], store)
        ingest_s = time.perf_counter() - t
        cpu_s = time.process_time() - cpu0
        counts = report.counts()
        print(f"  {ingest_s:.2f} s, {a.n / ingest_s:.1f} articles/s (cpu {cpu_s:.1f} s), {counts}", flush=True)

        print("re-ingesting the same file ...", flush=True)
        t = time.perf_counter()
        rerun = ingest_paths([str(jsonl)], store)
        rerun_s = time.perf_counter() - t
        rerun_counts = rerun.counts()
        print(f"  {rerun_s:.2f} s, {a.n / rerun_s:.1f} articles/s, {rerun_counts}", flush=True)
        peak = peak_rss_mb()

        # -- checks against the generated truth ---------------------------------
        gen_lang, copies = truth(jsonl)
        stats = store.stats()
        articles = store.articles(limit=None)
        mismatches: collections.Counter[str] = collections.Counter()
        agree = 0
        marked: dict[str, str] = {}
        for art in articles:
            want = gen_lang.get(art.id)
            if art.lang == want:
                agree += 1
            else:
                mismatches[f"{want}->{art.lang}"] += 1
            if art.duplicate_of:
                marked[art.id] = art.duplicate_of
        store.close()
        agree_pct = 100.0 * agree / max(1, len(gen_lang))
        true_dups = sum(1 for aid in marked if aid in copies)
        db_mb = sum(Path(f"{db}{s}").stat().st_size for s in ("", "-wal") if Path(f"{db}{s}").exists()) / 1e6

        result = {
            "n": a.n,
            "words": a.words,
            "seed": a.seed,
            "seconds": round(ingest_s, 3),
            "articles_per_s": round(a.n / ingest_s, 1),
            "target_articles_per_s": TARGET,
            "meets_target": a.n / ingest_s >= TARGET,
            "cpu_seconds": round(cpu_s, 3),
            "rerun_seconds": round(rerun_s, 3),
            "rerun_articles_per_s": round(a.n / rerun_s, 1),
            "rerun_all_unchanged": rerun_counts["unchanged"] == a.n and rerun_counts["stored"] == 0,
            "counts": counts,
            "rerun_counts": rerun_counts,
            "duplicates_marked": stats["duplicates"],
            "expected_duplicates": len(copies),
            "duplicates_marked_that_are_copies": true_dups,
            "duplicate_recall_pct": round(100.0 * true_dups / max(1, len(copies)), 2),
            "languages": stats["languages"],
            "generated_languages": dict(collections.Counter(gen_lang.values()).most_common()),
            "language_agreement_pct": round(agree_pct, 2),
            "language_agreement_target_pct": LANG_TARGET,
            "language_agreement_ok": agree_pct >= LANG_TARGET,
            "language_mismatches": dict(mismatches.most_common()),
            "generation_seconds": round(gen_s, 3),
            "generation_articles_per_s": round(a.n / gen_s, 1),
            "jsonl_mb": round(file_mb, 1),
            "db_mb": round(db_mb, 1),
            "peak_rss_mb": peak,
            "peak_rss_mb_after_generation": rss_after_gen,
            "cpu_count": cpu_count(),
            "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version,
            "platform": platform.platform(),
            "loadavg_before": load_before,
            "timestamp": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        }

        print()
        print(f"ingest:       {result['articles_per_s']:.1f} articles/s ({ingest_s:.2f} s for {a.n}) "
              f"-> target {TARGET:.0f}/s {'MET' if result['meets_target'] else 'NOT MET'}")
        print(f"re-ingest:    {result['rerun_articles_per_s']:.1f} articles/s ({rerun_s:.2f} s), "
              f"all unchanged: {result['rerun_all_unchanged']}")
        print(f"duplicates:   {result['duplicates_marked']} marked, {result['expected_duplicates']} generated "
              f"({true_dups} of the marked are generated copies)")
        print(f"languages:    {agree_pct:.2f} % agree with the generated ones "
              f"({'OK' if result['language_agreement_ok'] else 'BELOW'} {LANG_TARGET:.0f} %)"
              + (f"; mismatches {dict(mismatches.most_common(6))}" if mismatches else ""))
        print(f"per language: {stats['languages']}")
        print(f"peak RSS:     {peak} MB; cpus {result['cpu_count']}; python {result['python']}; "
              f"db {result['db_mb']} MB")

        if a.profile:
            result["profile"] = stage_profile(jsonl, d / "profile.db", a.n)

        out = Path(a.results)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nwrote {out}")
    return 0 if result["language_agreement_ok"] and result["rerun_all_unchanged"] else 1


if __name__ == "__main__":
    sys.exit(main())
