"""Evaluation: pair scores against human judgements, stories against gold labels."""

from __future__ import annotations

import csv
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..represent.dense import Embedder, cached_vectors
from ..represent.lexical import DocumentFrequencies
from ..represent.profile import Profile, parse, profile
from ..store.base import BaseStore
from .background import DenseBackground, LexicalBackground
from .features import pair_features


@dataclass(frozen=True)
class Pair:
    id1: str
    id2: str
    overall: float


def read_pairs(path: str | Path) -> list[Pair]:
    """Pairs CSV with at least ``id1, id2, overall`` (SemEval-2022 Task 8 layout works)."""
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        missing = {"id1", "id2", "overall"} - set(reader.fieldnames or [])
        if missing:
            raise ValueError(f"{path}: missing columns {', '.join(sorted(missing))}")
        return [Pair(r["id1"].strip(), r["id2"].strip(), float(r["overall"])) for r in reader]


def profiles_for(store: BaseStore, ids: Iterable[str], *, embedder: Embedder | None = None,
                 dense: bool = True, df_from_store: bool = False) -> dict[str, Profile]:
    """Profiles of stored articles, dense vectors from the store's cache (computed
    and cached when missing). Document frequencies are those the clusterer keeps
    in the store (``df_from_store``) or are counted over the given articles."""
    wanted = sorted(set(ids))
    arts = {a.id: a for a in (store.get_article(i) for i in wanted) if a is not None}
    parsed = {i: parse(a) for i, a in arts.items()}
    df = DocumentFrequencies()
    if df_from_store:
        for lang, (docs, counts) in store.document_frequencies().items():
            df.load(lang, docs, counts)
    else:
        for p in parsed.values():
            df.add(p.lang, set(p.body_terms) | set(p.title_terms))
    vecs: dict[str, np.ndarray] = {}
    if dense:
        vecs = cached_vectors(store, list(arts.values()), embedder or Embedder())
    return {i: profile(p, df, dense=vecs.get(i)) for i, p in parsed.items()}


def background_of(profiles: Mapping[str, Profile]) -> DenseBackground:
    """The dense background of a corpus, from its vectors in id order."""
    bg = DenseBackground()
    for i in sorted(profiles):
        p = profiles[i]
        if p.dense is not None:
            bg.add(p.lang, p.dense)
    return bg


def lexical_background_of(profiles: Mapping[str, Profile]) -> LexicalBackground:
    """The lexical background of a corpus, from its term vectors in id order."""
    lb = LexicalBackground()
    for i in sorted(profiles):
        lb.add(profiles[i].lang, profiles[i].terms)
    return lb


def pair_table(pairs: Sequence[Pair], profiles: Mapping[str, Profile]) -> tuple[list[dict[str, float]], list[Pair], list[str]]:
    """Features of every pair whose two articles are known, the pairs kept, and their language pairs."""
    feats, kept, langs = [], [], []
    bg = background_of(profiles)
    lb = lexical_background_of(profiles)
    for p in pairs:
        a, b = profiles.get(p.id1), profiles.get(p.id2)
        if a is None or b is None:
            continue
        feats.append(pair_features(a, b, bg, lb))
        kept.append(p)
        langs.append(f"{a.lang}-{b.lang}")
    return feats, kept, langs


def pearson(x: Sequence[float], y: Sequence[float]) -> float:
    if len(x) < 3:
        return math.nan
    xa, ya = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if xa.std() == 0 or ya.std() == 0:
        return math.nan
    return float(np.corrcoef(xa, ya)[0, 1])


def pearson_report(scores: Sequence[float], pairs: Sequence[Pair], langs: Sequence[str]) -> dict[str, object]:
    """Pearson of similarity scores with the gold ``overall`` (sign flipped: higher is more similar)."""
    gold = [-p.overall for p in pairs]
    per: dict[str, dict[str, float]] = {}
    groups: dict[str, list[int]] = defaultdict(list)
    for i, lp in enumerate(langs):
        groups[lp].append(i)
    for lp, idx in sorted(groups.items()):
        per[lp] = {"pearson": round(pearson([scores[i] for i in idx], [gold[i] for i in idx]), 4), "n": len(idx)}
    return {"pearson": round(pearson(scores, gold), 4), "n": len(pairs), "per_pair": per}


def bcubed(pred: Mapping[str, str], gold: Mapping[str, str]) -> dict[str, float]:
    """BCubed precision, recall and F1 of a clustering over the items both label."""
    items = [i for i in gold if i in pred]
    if not items:
        return {"precision": math.nan, "recall": math.nan, "f1": math.nan, "n": 0}
    by_pred: dict[str, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for i in items:
        by_pred[pred[i]].add(i)
        by_gold[gold[i]].add(i)
    prec = rec = 0.0
    for i in items:
        same_pred = by_pred[pred[i]]
        same_gold = by_gold[gold[i]]
        both = len(same_pred & same_gold)
        prec += both / len(same_pred)
        rec += both / len(same_gold)
    p, r = prec / len(items), rec / len(items)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "n": len(items)}


def cluster_counts(pred: Mapping[str, str], gold: Mapping[str, str]) -> dict[str, int]:
    items = [i for i in gold if i in pred]
    return {"items": len(items), "gold_clusters": len({gold[i] for i in items}),
            "predicted_clusters": len({pred[i] for i in items}),
            "largest_predicted": max(Counter(pred[i] for i in items).values(), default=0)}


def read_gold_labels(path: str | Path) -> dict[str, str]:
    """``id → gold story`` from a JSONL whose records carry ``cluster`` or ``story``."""
    import json

    gold: dict[str, str] = {}
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: malformed JSON line ({exc.msg})") from None
            label = rec.get("cluster", rec.get("story"))
            if rec.get("id") is not None and label is not None:
                gold[str(rec["id"])] = str(label)
    return gold
