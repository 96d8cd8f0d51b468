"""Story-level reconciliation: which source reports which figure, and do they agree?

A story's figures are grouped by what they count: the category and, for counts
of people, whether they are security forces or everyone else (protesters,
civilians, "armed criminals" as a source calls them: the same dead, counted
and named differently by different sources). Each report becomes an interval
from its value and qualifier; two reports are compatible when their intervals
overlap. A group is

- ``single_source``: one source only;
- ``agree``: every pair of reports is compatible;
- ``updated``: every conflict is a later report (by at least ``update_hours``,
  at a precision that can tell) from the same attribution, from an official
  one, or replacing an unattributed one: the later figure supersedes;
- ``disagree``: some conflict is not an update: different values at about the
  same time, or from a weaker attribution.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field

from ..ingest.dates import interval
from ..model import Article

#: subjects counted as security forces; every other subject of a count of people is "people"
SECURITY = frozenset({"security_forces", "police", "soldiers", "military", "officers", "troops"})
#: categories that count people, grouped by subject class
PEOPLE_CATEGORIES = frozenset({"killed", "injured", "arrested", "missing", "displaced"})
#: attributions whose later figure supersedes someone else's earlier one
OFFICIAL_PREFIXES = ("interior_ministry", "health_ministry", "ministry", "government", "president", "police",
                     "state_tv", "prosecutor", "army", "emergency")
# Journalists' "more than 3,000" means a figure near 3,000, not any figure above it.
_OPEN_FACTOR = 1.5


@dataclass
class Report:
    """One source's value for one figure."""

    article_id: str
    source: str | None
    lang: str
    published: str | None
    value_text: str
    low: float | None
    high: float | None
    kind: str
    qualifier: str
    subject: str
    subject_text: str | None
    attribution: str | None
    attribution_text: str | None
    sentence: str
    interval: tuple[float, float]
    time: tuple[float, float] | None = field(default=None, repr=False)

    def to_dict(self) -> dict[str, object]:
        d = asdict(self)
        d.pop("time")
        d["interval"] = [self.interval[0], None if math.isinf(self.interval[1]) else self.interval[1]]
        return d


@dataclass
class FigureRow:
    """One thing counted in a story, every source's value for it, and the verdict."""

    category: str
    subject: str
    status: str
    reports: list[Report]
    low: float | None
    high: float | None
    latest: Report | None = None
    conflicts: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def sources(self) -> int:
        return len({r.source or r.article_id for r in self.reports})

    def to_dict(self) -> dict[str, object]:
        return {
            "category": self.category, "subject": self.subject, "status": self.status,
            "range": [self.low, self.high], "sources": self.sources,
            "latest": self.latest.to_dict() if self.latest else None,
            "conflicts": [{"a": a, "b": b, "verdict": v} for a, b, v in self.conflicts],
            "reports": [r.to_dict() for r in self.reports],
        }


def value_interval(low: float | None, high: float | None, kind: str, qualifier: str) -> tuple[float, float]:
    """The values a report allows, from its number and qualifier."""
    lo = low if low is not None else 0.0
    hi = high if high is not None else lo
    if kind == "range" or kind == "vague":
        return lo, hi
    v = hi
    if qualifier in ("at_least", "more_than"):
        return v, v * _OPEN_FACTOR
    if qualifier == "nearly":
        return v * 0.85, v
    if qualifier == "about":
        return v * 0.8, v * 1.2
    if qualifier == "up_to":
        return 0.0, v
    return lo, hi


def _compatible(a: Report, b: Report) -> bool:
    return a.interval[0] <= b.interval[1] + 1e-9 and b.interval[0] <= a.interval[1] + 1e-9


def _official(attribution: str | None) -> bool:
    return bool(attribution) and attribution.startswith(OFFICIAL_PREFIXES)  # type: ignore[union-attr]


def _later(b: Report, a: Report, hours: float) -> bool:
    """True when b was reported clearly after a (spans apart by ``hours``)."""
    if a.time is None or b.time is None:
        return False
    return b.time[0] - a.time[1] >= hours * 3600 or (a.time[1] == a.time[0] and b.time[0] - a.time[0] >= hours * 3600)


def group_key(fig: Mapping[str, object]) -> tuple[str, str]:
    category = str(fig["category"])
    subject = str(fig.get("subject") or "people")
    if category in PEOPLE_CATEGORIES:
        return category, "security_forces" if subject in SECURITY else "people"
    if category == "other":
        return category, str(fig.get("noun") or subject)
    return category, subject


def reconcile(figures: Sequence[Mapping[str, object]], articles: Mapping[str, Article], *,
              update_hours: float = 6.0) -> list[FigureRow]:
    """Group a story's figures and judge each group (see the module docstring)."""
    groups: dict[tuple[str, str], list[Report]] = defaultdict(list)
    for f in figures:
        art = articles.get(str(f["article_id"]))
        if art is None:
            continue
        low, high = f.get("value_low"), f.get("value_high")
        rep = Report(
            article_id=art.id, source=art.source, lang=art.lang, published=art.published,
            value_text=str(f["value_text"]), low=low, high=high, kind=str(f["value_kind"]),  # type: ignore[arg-type]
            qualifier=str(f["qualifier"]), subject=str(f["subject"]), subject_text=f.get("subject_text"),  # type: ignore[arg-type]
            attribution=f.get("attribution"), attribution_text=f.get("attribution_text"),  # type: ignore[arg-type]
            sentence=str(f["sentence"]),
            interval=value_interval(low, high, str(f["value_kind"]), str(f["qualifier"])),  # type: ignore[arg-type]
            time=interval(art.published, art.precision),
        )
        groups[group_key(f)].append(rep)
    rows = []
    for (category, subject), reps in groups.items():
        # one article repeating its own figure is one report
        seen: set[tuple[str, float, float]] = set()
        unique = []
        for r in sorted(reps, key=lambda r: (r.time[0] if r.time else math.inf, r.article_id)):
            key = (r.article_id, r.interval[0], r.interval[1])
            if key not in seen:
                seen.add(key)
                unique.append(r)
        rows.append(_judge(category, subject, unique, update_hours))
    order = ["killed", "injured", "arrested", "missing", "displaced", "deployed", "crowd", "vehicles", "buildings",
             "money", "other"]
    rows.sort(key=lambda r: (order.index(r.category) if r.category in order else len(order), r.subject != "people",
                             r.subject, -len(r.reports)))
    return rows


def _judge(category: str, subject: str, reps: list[Report], update_hours: float) -> FigureRow:
    finite = [x for r in reps for x in (r.low, r.high) if x is not None]
    row = FigureRow(category=category, subject=subject, status="agree", reports=reps,
                    low=min(finite) if finite else None, high=max(finite) if finite else None)
    if len({r.source or r.article_id for r in reps}) <= 1:
        row.status = "single_source"
        row.latest = reps[-1]
        return row
    verdicts = []
    for i, a in enumerate(reps):
        for b in reps[i + 1 :]:
            if a.article_id == b.article_id or _compatible(a, b):
                continue
            early, late = (a, b) if not _later(a, b, update_hours) else (b, a)
            if _later(late, early, update_hours) and (
                late.attribution == early.attribution or _official(late.attribution) or not early.attribution
            ):
                verdict = "updated"
            else:
                verdict = "disagree"
            row.conflicts.append((early.article_id, late.article_id, verdict))
            verdicts.append(verdict)
    if not verdicts:
        row.status = "agree"
    elif all(v == "updated" for v in verdicts):
        row.status = "updated"
    else:
        row.status = "disagree"
    row.latest = max(reps, key=lambda r: (r.time[0] if r.time else -math.inf))
    return row
