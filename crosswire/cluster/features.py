"""What the pair score compares: profiles of articles (or groups) and their features.

Features are chosen so that they also work across languages, where lexical
overlap is near zero: dense similarity, shared name keys, shared figures and
the time gap carry those decisions.
"""

from __future__ import annotations

import math
from collections import Counter

import numpy as np

from ..represent.lexical import cosine
from ..represent.profile import Profile
from .background import DenseBackground, LexicalBackground

DAY = 86400.0
#: priors only: for pairs scored without a stream's background (never updated)
_PRIOR_BACKGROUND = DenseBackground()
_PRIOR_LEXICAL = LexicalBackground()


def _overlap(a: Counter[str], b: Counter[str]) -> tuple[float, float]:
    """Jaccard of the key sets, and log(1 + number of shared keys)."""
    if not a or not b:
        return 0.0, 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    shared = sum(1 for k in small if k in large)
    return shared / (len(a) + len(b) - shared), math.log1p(shared)


def gap_days(a: tuple[float, float] | None, b: tuple[float, float] | None) -> float | None:
    """Days between two time spans (0 when they overlap); None when either is undated."""
    if a is None or b is None:
        return None
    gap = max(a[0] - b[1], b[0] - a[1], 0.0)
    return gap / DAY


def pair_features(a: Profile, b: Profile, background: DenseBackground | None = None,
                  lexical_background: LexicalBackground | None = None) -> dict[str, float]:
    """The parts of the pair score. ``dense`` (and ``dense_z``, its distance from
    the background of the two languages) is NaN when a vector is missing,
    ``gap_days`` NaN when a date is."""
    names_jaccard, names_shared = _overlap(a.names, b.names)
    fa, fb = a.figures, b.figures
    figs = len(fa & fb) / len(fa | fb) if fa and fb else 0.0
    dense = float(np.dot(a.dense, b.dense)) if a.dense is not None and b.dense is not None else math.nan
    gap = gap_days(a.span, b.span)
    bg = background or _PRIOR_BACKGROUND
    lexical = cosine(a.terms, b.terms)
    lb = lexical_background or _PRIOR_LEXICAL
    return {
        "dense": dense,
        "dense_z": bg.z(dense, a.lang, b.lang) if not math.isnan(dense) else math.nan,
        "lexical": lexical,
        # across languages lexical overlap says nothing, so it has no z-score
        "lexical_z": lb.z(lexical, a.lang) if a.lang == b.lang else math.nan,
        "names_jaccard": names_jaccard,
        "names_shared": names_shared,
        "figures": figs,
        "same_lang": 1.0 if a.lang == b.lang else 0.0,
        "gap_days": math.nan if gap is None else gap,
    }
