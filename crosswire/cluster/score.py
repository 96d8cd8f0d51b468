"""The pair score: P(two articles, or groups, report the same story).

One calibrated function combines the parts from :func:`pair_features`. It is a
logistic model learned from labelled pairs (``scripts/train_pair_model.py``,
shipped as ``pair_model.json``) with three variants chosen by what the pair
offers, so that a missing part never counts as evidence against:

- ``full``: same language with dense vectors: dense and lexical similarity,
  each against the background of unrelated articles of the language
  (``dense_z``, ``lexical_z``), names, figures;
- ``cross``: different languages: dense_z, names, figures (lexical overlap
  across languages is near zero and says nothing);
- ``cheap``: no dense vectors yet: lexical_z, names, figures.

A part that is missing (no vector) takes the training mean: neutral evidence.

Labelled pairs carry no reliable dates, so time is not learned: the content
probability is multiplied by a time factor that is 1 within ``grace_days`` and
halves every ``half_life_days`` beyond.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from ..represent.profile import Profile
from .background import DenseBackground, LexicalBackground
from .features import pair_features

MODEL_FILE = Path(str(files("crosswire.cluster") / "pair_model.json"))


@dataclass(frozen=True)
class LogisticVariant:
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float

    def logit(self, x: dict[str, float]) -> float:
        z = self.intercept
        for name, mu, sd, w in zip(self.features, self.mean, self.scale, self.coef):
            z += w * (x[name] - mu) / sd
        return z


@dataclass(frozen=True)
class Score:
    """A pair score with its parts, for ``crosswire similar`` and for debugging."""

    p: float
    p_content: float
    time_factor: float
    variant: str
    parts: dict[str, float]

    def to_dict(self) -> dict[str, object]:
        clean = {k: (None if isinstance(v, float) and math.isnan(v) else round(v, 4)) for k, v in self.parts.items()}
        return {"p": round(self.p, 4), "p_content": round(self.p_content, 4),
                "time_factor": round(self.time_factor, 4), "variant": self.variant, "parts": clean}


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


class PairScorer:
    """Loads ``pair_model.json`` and scores profiles."""

    def __init__(self, path: Path | str = MODEL_FILE) -> None:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        self.version: int = data["version"]
        self.meta: dict = data.get("meta", {})
        self.variants = {
            name: LogisticVariant(
                features=tuple(v["features"]), mean=tuple(v["mean"]), scale=tuple(v["scale"]),
                coef=tuple(v["coef"]), intercept=float(v["intercept"]),
            )
            for name, v in data["variants"].items()
        }
        self.grace_days: float = data["time"]["grace_days"]
        self.half_life_days: float = data["time"]["half_life_days"]

    def variant_for(self, parts: dict[str, float]) -> str:
        if parts["same_lang"] < 0.5:
            return "cross"
        return "cheap" if math.isnan(parts["dense"]) else "full"

    def time_factor(self, gap: float) -> float:
        if math.isnan(gap) or gap <= self.grace_days:
            return 1.0
        return 0.5 ** ((gap - self.grace_days) / self.half_life_days)

    def score_parts(self, parts: dict[str, float], *, variant: str | None = None) -> Score:
        name = variant or self.variant_for(parts)
        model = self.variants[name]
        x = dict(parts)
        for feat, mu in zip(model.features, model.mean):
            if math.isnan(x[feat]):
                x[feat] = mu
        p_content = _sigmoid(model.logit(x))
        tf = self.time_factor(parts["gap_days"])
        return Score(p=p_content * tf, p_content=p_content, time_factor=tf, variant=name, parts=parts)

    def score(self, a: Profile, b: Profile, *, variant: str | None = None,
              background: DenseBackground | None = None,
              lexical_background: LexicalBackground | None = None) -> Score:
        """P(same story) of two profiles, with the parts that made it."""
        return self.score_parts(pair_features(a, b, background, lexical_background), variant=variant)
