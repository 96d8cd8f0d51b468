"""Figures benchmark: extraction speed and precision/recall against the gold files.

    python bench/figures.py [--n 2000]

* speed: figure + name extraction (the facts stage's per-article work) on ``n``
  generated ~600-word articles (bench/corpus.py), in articles/s on one process;
  target ≥ 200/s. Models and word lists load first, outside the timing.
* quality: precision and recall of the extracted figures against
  crosswire/facts/gold/seeds.json (the five seeds in ../shared/seeds, skipped
  without them; target ≥ 0.9 each) and crosswire/facts/gold/sample.json (the
  built-in sample; target ≥ 0.95 each).
* real-text quality: figures of real es/fr/en articles of the SemEval-2022 Task 8
  *training* split in ../shared/data (skipped without it), annotated by annotators
  who never saw the extractor, its tests or its gold (bench/gold/README.md):
  ``dev`` and ``dev2`` (35 and 32 articles; rules were fixed after reading their
  misses) and ``test`` (34 other articles; never used to change a rule: the honest
  figure). Scored at four levels: category + value, + qualifier, + subject, +
  attribution (= the strict match of the other two). ``other`` figures are left out on both sides (not
  annotated). No target: a measure to improve against.

Results: bench/results/figures.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from corpus import generate_articles  # noqa: E402

from crosswire.cli import sample_path  # noqa: E402
from crosswire.facts.figures import extract_figures, figure_key, score_figures  # noqa: E402
from crosswire.facts.stage import figure_rows, name_rows  # noqa: E402
from crosswire.model import Article  # noqa: E402
from crosswire.pipeline import iter_docs  # noqa: E402
from crosswire.text.clean import clean_text  # noqa: E402

GOLD = ROOT / "crosswire" / "facts" / "gold"
REAL_GOLD = {part: HERE / "gold" / f"semeval-train-figures-{part}.json" for part in ("dev", "dev2", "test")}
SEEDS = ROOT.parent / "shared" / "seeds"
SEMEVAL = ROOT.parent / "shared" / "data" / "semeval2022-task8-mono" / "articles.jsonl"
RESULTS = HERE / "results" / "figures.json"


def _article(aid: str, lang: str, title: str | None, text: str) -> Article:
    return Article(id=aid, url=None, source=None, lang=lang, lang_confidence=1.0, published=None,
                   precision=None, title=title, text=text, origin=aid, content_hash="")


def speed(n: int) -> dict:
    arts = [_article(r["id"] if "id" in r else str(i), r["lang"], r["title"], r["text"])
            for i, r in enumerate(generate_articles(n, seed=3))]
    for a in arts[:100]:  # load models and word lists for every language first
        figure_rows(a), name_rows(a)
    t = time.perf_counter()
    figs = names = 0
    for a in arts:
        figs += len(figure_rows(a))
        names += len(name_rows(a))
    s = time.perf_counter() - t
    words = sum(len(a.text.split()) for a in arts) / len(arts)
    return {"articles": n, "mean_words": round(words), "seconds": round(s, 2),
            "articles_per_s": round(n / s, 1), "figures_per_article": round(figs / n, 2),
            "names_per_article": round(names / n, 2), "target_articles_per_s": 200.0,
            "meets_target": n / s >= 200.0}


def quality_sample() -> dict:
    gold = json.loads((GOLD / "sample.json").read_text(encoding="utf-8"))
    recs = [json.loads(line) for line in sample_path().read_text(encoding="utf-8").splitlines() if line.strip()]
    pred, want = [], []
    for r in recs:
        text = clean_text(r["text"], title=r["title"])
        pred += [(r["id"], f) for f in extract_figures(text, r["lang"], title=r["title"])]
        want += [(r["id"], g) for g in gold.get(r["id"], [])]
    return _score_per_article(pred, want, target=0.95)


def quality_seeds() -> dict:
    if not SEEDS.is_dir():
        return {"skipped": "../shared/seeds not available"}
    gold = json.loads((GOLD / "seeds.json").read_text(encoding="utf-8"))
    pred, want = [], []
    for doc in iter_docs([str(SEEDS)]):
        name = Path(doc.origin).name
        text = clean_text(doc.text, title=doc.title)
        lang = "nn" if name.startswith("000") else "nl" if name.startswith("004") else "nb"
        pred += [(name, f) for f in extract_figures(text, lang, title=doc.title)]
        want += [(name, g) for g in gold.get(name, [])]
    return _score_per_article(pred, want, target=0.9)


def quality_real(part: str) -> dict:
    """Precision and recall at four levels of strictness on one real-text gold set (see the docstring)."""
    if not SEMEVAL.is_file():
        return {"skipped": f"{SEMEVAL} not available"}
    gold = json.loads(REAL_GOLD[part].read_text(encoding="utf-8"))
    recs = {}
    with SEMEVAL.open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["id"] in gold:
                recs[r["id"]] = r
    levels = {"value": 3, "qualifier": 4, "subject": 5, "strict": 6}  # figure_key fields compared
    counts = {name: [0, 0, 0] for name in levels}  # matched, predicted, gold
    per_lang: dict[str, list[int]] = {}
    for aid, want in gold.items():
        r = recs[aid]
        text = clean_text(r["text"], title=r["title"])
        pred = [_real_key(f) for f in extract_figures(text, r["lang"], title=r["title"]) if f.category != "other"]
        gold_keys = [_real_key(g) for g in want]
        for name, n in levels.items():
            p, g = Counter(k[:n] for k in set(pred)), Counter(k[:n] for k in set(gold_keys))
            m = sum((p & g).values())
            counts[name][0] += m
            counts[name][1] += sum(p.values())
            counts[name][2] += sum(g.values())
            if name == "value":
                lang = per_lang.setdefault(r["lang"], [0, 0, 0, 0])
                lang[0] += 1
                lang[1] += m
                lang[2] += sum(p.values())
                lang[3] += sum(g.values())
    out: dict = {"articles": len(gold), "by_level": {}}
    for name, (m, np_, ng) in counts.items():
        out["by_level"][name] = {"matched": m, "predicted": np_, "gold": ng, "precision": _ratio(m, np_),
                                 "recall": _ratio(m, ng)}
    out["value_level_by_lang"] = {lang: {"articles": a, "matched": m, "predicted": np_, "gold": ng,
                                         "precision": _ratio(m, np_), "recall": _ratio(m, ng)}
                                  for lang, (a, m, np_, ng) in sorted(per_lang.items())}
    return out


def _real_key(f: object) -> tuple:
    """figure_key with a person's or body's key cut to its last word: the annotator wrote
    names in full ("@Pedro Sánchez"), the extractor keys a person by the surname."""
    k = figure_key(f)  # type: ignore[arg-type]
    attr = k[5].split()[-1] if isinstance(k[5], str) and " " in k[5] else k[5]
    return (*k[:5], attr)


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def _score_per_article(pred: list, want: list, *, target: float) -> dict:
    matched = predicted = gold = 0
    for key in sorted({k for k, _ in pred} | {k for k, _ in want}):
        s = score_figures([f for k, f in pred if k == key], [g for k, g in want if k == key])
        m = _count(s["matched"])
        matched += m
        predicted += m + _count(s["spurious"])  # repeated mentions of one figure count once
        gold += m + _count(s["missed"])
    p = matched / predicted if predicted else 0.0
    r = matched / gold if gold else 0.0
    return {"predicted": predicted, "gold": gold, "matched": matched, "precision": round(p, 4),
            "recall": round(r, 4), "target": target, "meets_target": p >= target and r >= target}


def _count(x: object) -> int:
    return x if isinstance(x, int) else len(x)  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000)
    args = ap.parse_args(argv)
    results = {"seeds": quality_seeds(), "sample": quality_sample(),
               **{f"real_{part}": quality_real(part) for part in REAL_GOLD}, "speed": speed(args.n),
               "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
               "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                           "timestamp": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")}}
    print(json.dumps(results, indent=1))
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
