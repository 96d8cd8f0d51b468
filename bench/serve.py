"""Web app and API benchmark: story page server time and GET /api/stories throughput.

    python bench/serve.py [--n 3000] [--seconds 10] [--threads 8]

1. A store of ``n`` generated ~600-word articles (bench/corpus.py) goes through the
   real stages: ingest, placement in stories (``cluster_pending(link=False)``: the
   dense cross-language linking is the stories benchmark's business and takes minutes),
   and facts.
2. One story of 500 articles: the generated events have 5–30 articles each, so whole
   groups of several events are relabelled into one story (SQL on groups/stories); its
   articles keep their own figures and names, so the page has a real 500-article
   figure table, name list and timeline to build.
3. ``crosswire serve`` runs in its own process. Story page: the server time of
   ``GET /stories/{id}`` (the app's ``Server-Timing`` header), first request (figure
   table computed) and the median of the next ones (table cached); target < 300 ms.
4. Throughput: this process runs ``--threads`` keep-alive clients against
   ``GET /api/stories`` (first page, 50 stories with sources and disputed flags) for
   ``--seconds``; target ≥ 200 requests/s on 2 cores (server and client share them).
   When ``wrk`` is installed it measures the same again: a C client leaves more of
   the cores to the server. Both run twice: as served (answers cached until the store
   changes) and with the list cache off (every answer queried and encoded). The load
   average is recorded: other work on the machine lowers every figure.

Results: bench/results/serve.json.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import write_jsonl  # noqa: E402

from crosswire.facts.stage import extract_pending  # noqa: E402
from crosswire.pipeline import cluster_pending, ingest_paths  # noqa: E402
from crosswire.store import open_store  # noqa: E402

RESULTS = HERE / "results" / "serve.json"
BIG = 500
PAGE_TARGET_MS, RPS_TARGET = 300.0, 200.0


def build_store(db: Path, n: int) -> dict[str, float]:
    """Ingest, place and extract facts of ``n`` generated articles; seconds per stage."""
    src = write_jsonl(db.parent / "articles.jsonl", n)
    times = {}
    with open_store(db) as store:
        t = time.perf_counter()
        ingest_paths([str(src)], store)
        times["ingest_s"] = time.perf_counter() - t
        t = time.perf_counter()
        cluster_pending(store, link=False)
        times["cluster_s"] = time.perf_counter() - t
        t = time.perf_counter()
        extract_pending(store)
        times["facts_s"] = time.perf_counter() - t
    return {k: round(v, 1) for k, v in times.items()}


def make_big_story(db: Path, size: int = BIG) -> str:
    """Relabel whole groups into one story until it has ``size`` articles; its id."""
    with open_store(db) as store, store.transaction() as con:
        groups = con.execute("SELECT id, story_id, n_articles FROM groups ORDER BY n_articles DESC, id").fetchall()
        chosen, total = [], 0
        for gid, _, n in groups:
            if total >= size:
                break
            chosen.append(gid)
            total += n
        target = groups[0][1]
        marks = ",".join("?" * len(chosen))
        old = {r[0] for r in con.execute(f"SELECT DISTINCT story_id FROM groups WHERE id IN ({marks})", chosen)}
        con.execute(f"UPDATE groups SET story_id = ? WHERE id IN ({marks})", [target, *chosen])
        for sid in old - {target}:
            if not con.execute("SELECT 1 FROM groups WHERE story_id = ?", (sid,)).fetchone():
                con.execute("DELETE FROM stories WHERE id = ?", (sid,))
                con.execute("INSERT OR REPLACE INTO story_aliases (alias, story_id) VALUES (?, ?)", (sid, target))
        arts = con.execute(
            "SELECT a.lang, a.source, a.published FROM articles a JOIN memberships m ON m.article_id = a.id "
            "JOIN groups g ON g.id = m.group_id WHERE g.story_id = ?", (target,)).fetchall()
        langs: dict[str, int] = {}
        for lang, _, _ in arts:
            langs[lang] = langs.get(lang, 0) + 1
        dates = sorted(p for _, _, p in arts if p)
        con.execute("UPDATE stories SET n_articles = ?, n_sources = ?, langs = ?, first_seen = ?, last_seen = ? "
                    "WHERE id = ?", (len(arts), len({s for _, s, _ in arts if s}),
                                     json.dumps(dict(sorted(langs.items(), key=lambda kv: -kv[1]))),
                                     dates[0], dates[-1], target))
    return target


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, *, list_cache: bool = True) -> tuple[subprocess.Popen, int]:
    """``crosswire serve`` in its own process (``list_cache=False``: the same app with the
    story-list cache off, to measure the work of every answer)."""
    port = _free_port()
    cmd = [sys.executable, "-m", "crosswire", "serve", "--db", str(db), "--port", str(port)]
    if not list_cache:
        cmd = [sys.executable, "-c", (
            "import uvicorn; from crosswire.serve.app import create_app; "
            "from crosswire.serve.config import ServeSettings; "
            f"uvicorn.run(create_app({str(db)!r}, settings=ServeSettings(list_cache=False)), "
            f"host='127.0.0.1', port={port}, log_level='warning')")]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            get(port, "/api/stories?limit=1")
            return proc, port
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("the server did not start")


def get(port: int, path: str, conn: http.client.HTTPConnection | None = None) -> tuple[int, dict[str, str], bytes]:
    c = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    c.request("GET", path)
    r = c.getresponse()
    body = r.read()
    if conn is None:
        c.close()
    return r.status, {k.lower(): v for k, v in r.getheaders()}, body


def server_ms(headers: dict[str, str]) -> float:
    return float(headers["server-timing"].split("dur=")[1])


def page_times(port: int, story: str, repeat: int = 15) -> dict[str, object]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    samples, walls = [], []
    for _ in range(repeat + 1):
        t = time.perf_counter()
        status, headers, body = get(port, f"/stories/{story}", conn)
        walls.append((time.perf_counter() - t) * 1000)
        assert status == 200 and body.count(b'class="report"') > 0
        samples.append(server_ms(headers))
    warm = statistics.median(samples[1:])
    return {"story_articles": BIG, "first_ms": round(samples[0], 1), "median_ms": round(warm, 1),
            "max_warm_ms": round(max(samples[1:]), 1), "median_wall_ms": round(statistics.median(walls[1:]), 1),
            "html_kb": round(len(body) / 1024, 1), "target_ms": PAGE_TARGET_MS,
            "meets_target": samples[0] < PAGE_TARGET_MS and warm < PAGE_TARGET_MS}


def throughput(port: int, seconds: float, threads: int) -> dict[str, object]:
    stop = time.perf_counter() + seconds
    counts, errors, latencies = [0] * threads, [0] * threads, [[] for _ in range(threads)]

    def worker(i: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.perf_counter() < stop:
            t = time.perf_counter()
            status, _, body = get(port, "/api/stories", conn)
            latencies[i].append((time.perf_counter() - t) * 1000)
            if status == 200 and body.startswith(b'{"total"'):
                counts[i] += 1
            else:
                errors[i] += 1
        conn.close()

    started = time.perf_counter()
    pool = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    elapsed = time.perf_counter() - started
    lat = sorted(x for xs in latencies for x in xs)
    rps = sum(counts) / elapsed
    return {"endpoint": "GET /api/stories (50 per page)", "seconds": round(elapsed, 1), "threads": threads,
            "requests": sum(counts), "errors": sum(errors), "requests_per_s": round(rps, 1),
            "p50_ms": round(lat[len(lat) // 2], 1), "p99_ms": round(lat[int(len(lat) * 0.99)], 1),
            "target_per_s": RPS_TARGET, "meets_target": rps >= RPS_TARGET and not sum(errors)}


def throughput_wrk(port: int, seconds: float, threads: int) -> dict[str, object]:
    """The same measurement with wrk (a C client: leaves more of the 2 cores to the server)."""
    out = subprocess.run(["wrk", "-t", "2", "-c", str(threads), "-d", f"{seconds:.0f}s", "--latency",
                          f"http://127.0.0.1:{port}/api/stories"], capture_output=True, text=True, check=True).stdout
    rps = float(out.split("Requests/sec:")[1].split()[0])
    lat = {line.split()[0]: line.split()[1] for line in out.splitlines() if line.strip().startswith(("50%", "99%"))}
    errors = int(out.split("Non-2xx or 3xx responses:")[1].split()[0]) if "Non-2xx" in out else 0
    return {"endpoint": "GET /api/stories (50 per page)", "client": "wrk", "seconds": seconds, "connections": threads,
            "requests_per_s": round(rps, 1), "p50": lat.get("50%"), "p99": lat.get("99%"), "errors": errors,
            "target_per_s": RPS_TARGET, "meets_target": rps >= RPS_TARGET and not errors}


def measure_lists(port: int, args: argparse.Namespace, label: str) -> dict[str, object]:
    """``GET /api/stories`` throughput with the Python client, and with wrk when installed."""
    get(port, "/api/stories")  # warm the figure tables of the first page
    rate = throughput(port, args.seconds, args.threads)
    print(f"GET /api/stories, {label}: {rate['requests_per_s']} requests/s with {args.threads} Python client "
          f"threads (p50 {rate['p50_ms']} ms, p99 {rate['p99_ms']} ms, {rate['errors']} errors; "
          f"target ≥ {RPS_TARGET:.0f})", flush=True)
    out: dict[str, object] = {"python_client": rate}
    if shutil.which("wrk"):
        w = throughput_wrk(port, args.seconds, args.threads)
        print(f"GET /api/stories, {label}: {w['requests_per_s']} requests/s with wrk, {args.threads} connections "
              f"(p50 {w['p50']}, p99 {w['p99']}, {w['errors']} errors)", flush=True)
        out["wrk"] = w
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=3000, help="generated articles in the store")
    ap.add_argument("--seconds", type=float, default=10.0, help="length of the throughput run")
    ap.add_argument("--threads", type=int, default=8, help="client threads")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="crosswire-bench-serve-") as tmp:
        db = Path(tmp) / "serve.db"
        print(f"building a store of {args.n} articles …", flush=True)
        build = build_store(db, args.n)
        story = make_big_story(db)
        with open_store(db) as s:
            stats = s.stats()
        proc, port = start_server(db)
        try:
            page = page_times(port, story)
            print(f"story page, {BIG} articles: first {page['first_ms']} ms, then median {page['median_ms']} ms "
                  f"server time (target < {PAGE_TARGET_MS:.0f})", flush=True)
            rates = measure_lists(port, args, "list cache on (store unchanged)")
        finally:
            proc.terminate()
            proc.wait(timeout=10)
        proc, port = start_server(db, list_cache=False)
        try:
            rates_uncached = measure_lists(port, args, "list cache off (every answer computed)")
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    result = {
        "store": {"articles": stats["articles"], "stories": stats["stories"], **build},
        "story_page": page, "api_stories": rates, "api_stories_uncached": rates_uncached,
        "load_average_1m": round(os.getloadavg()[0], 2),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"written {RESULTS.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
