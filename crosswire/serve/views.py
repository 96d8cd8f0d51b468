"""What the web pages and the JSON API show, built from the store (one place for both).

Each function returns plain data (dicts, lists, dataclasses); ``pages`` renders it as
HTML and ``api`` as JSON. Story figure tables come from :func:`crosswire.facts.reconcile.reconcile`
and names from :func:`crosswire.facts.spellings.story_names`, as in the CLI.
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone

from ..facts.reconcile import FigureRow, Report, reconcile
from ..facts.spellings import story_names
from ..ingest.dates import interval
from ..model import Article
from ..store import Store
from .config import DEFAULT_SERVE, ServeSettings

#: colours of languages in the timeline (cycled)
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
           "#bcbd22", "#7f7f7f")


def figure_states(store: Store, story_ids: list[str]) -> dict[str, tuple[int, int]]:
    """story id → ``(figures, newest figure id)``: changes whenever the story's figures are
    written (re-extraction replaces rows, so new ids), in one query for all stories."""
    sql = ("SELECT g.story_id, count(*), max(f.id) FROM groups g JOIN memberships m ON m.group_id = g.id "
           "JOIN figures f ON f.article_id = m.article_id WHERE g.story_id IN ({marks}) GROUP BY g.story_id")
    out = {sid: (0, 0) for sid in story_ids}
    for sid, n, top in store.rows_in(sql, story_ids):
        out[sid] = (int(n), int(top))
    return out


class FigureTables:
    """Figure tables of stories, computed once per story state.

    A table only changes when its story gains articles or its figures are written, so it
    is kept under ``(article count, figure state)`` (see ``figure_states``); thread-safe.
    """

    def __init__(self) -> None:
        self._cache: dict[str, tuple[tuple[int, int, int], list[FigureRow]]] = {}
        self._lock = threading.Lock()

    def rows(self, store: Store, story: dict[str, object], articles: dict[str, Article] | None = None,
             *, state: tuple[int, int] | None = None) -> list[FigureRow]:
        """The figure table of ``story`` (``articles``: its articles by id, when already loaded;
        ``state``: its ``figure_states`` entry, when already known)."""
        sid = str(story["id"])
        state = figure_states(store, [sid])[sid] if state is None else state
        key = (int(story["n_articles"]), *state)  # type: ignore[call-overload]
        with self._lock:
            hit = self._cache.get(sid)
        if hit is not None and hit[0] == key:
            return hit[1]
        if articles is None:
            articles = {a.id: a for a in store.story_articles(sid)}
        rows = reconcile(store.article_figures(list(articles)), articles)
        with self._lock:
            self._cache[sid] = (key, rows)
        return rows

    def disputed(self, store: Store, story: dict[str, object], *, state: tuple[int, int] | None = None) -> bool:
        """True when some figure of the story is reported differently by different sources."""
        return any(r.status == "disagree" for r in self.rows(store, story, state=state))


def story_sources(store: Store, story_ids: list[str]) -> dict[str, list[tuple[str, int]]]:
    """story id → ``(source, articles)`` pairs, most articles first (one query for all stories)."""
    sql = ("SELECT g.story_id, a.source, count(*) FROM groups g JOIN memberships m ON m.group_id = g.id "
           "JOIN articles a ON a.id = m.article_id WHERE g.story_id IN ({marks}) AND a.source IS NOT NULL "
           "GROUP BY g.story_id, a.source")
    out: dict[str, list[tuple[str, int]]] = {sid: [] for sid in story_ids}
    for sid, source, n in store.rows_in(sql, story_ids):
        out[sid].append((source, n))
    for pairs in out.values():
        pairs.sort(key=lambda p: (-p[1], p[0]))
    return out


def story_rows(store: Store, stories: list[dict[str, object]], tables: FigureTables) -> list[dict[str, object]]:
    """Story summaries for a list: with their sources (most prolific first) and a disputed flag."""
    ids = [str(s["id"]) for s in stories]
    sources, states = story_sources(store, ids), figure_states(store, ids)
    return [{**s, "sources": [src for src, _ in sources[str(s["id"])]],
             "disputed": tables.disputed(store, s, state=states[str(s["id"])])} for s in stories]


# -- story page ---------------------------------------------------------------------------


def shown_reports(row: FigureRow, limit: int) -> list[Report]:
    """At most ``limit`` reports of a figure row, every distinct value first (so a
    disagreement stays visible in a long table), in the row's order."""
    if len(row.reports) <= limit:
        return row.reports
    picked: list[int] = []
    seen: set[tuple[float, float]] = set()
    for i, r in enumerate(row.reports):
        if r.interval not in seen and len(picked) < limit:
            seen.add(r.interval)
            picked.append(i)
    rest = [i for i in range(len(row.reports)) if i not in set(picked)]
    return [row.reports[i] for i in sorted(picked + rest[: limit - len(picked)])]


@dataclass
class Timeline:
    """Articles per language over time, laid out as a stacked bar chart (SVG units)."""

    width: int
    height: int
    bars: list[dict[str, object]]
    legend: list[tuple[str, str, int]]
    ticks: list[tuple[float, str]]
    unit: str


_UNITS = (("hour", 3600.0), ("6 hours", 6 * 3600.0), ("day", 86400.0), ("week", 7 * 86400.0),
          ("month", 30.44 * 86400.0), ("year", 365.25 * 86400.0))


def _tick_label(ts: float, step: float) -> str:
    d = datetime.fromtimestamp(ts, tz=timezone.utc)
    return d.strftime("%Y-%m-%d %H:%M") if step < 86400 else d.strftime("%Y-%m-%d") if step < 28 * 86400 else d.strftime("%Y-%m")


def timeline(articles: list[Article], settings: ServeSettings = DEFAULT_SERVE) -> Timeline:
    """Bucket articles by the start of their date span; bucket size chosen so at most
    ``timeline_buckets`` bars cover the story (undated articles are left out)."""
    width, height, pad = 720, 160, 24
    spans = [(span, a.lang) for a in articles if (span := interval(a.published, a.precision))]
    dated = [(span[0], lang) for span, lang in spans]
    # a bar is never narrower than the finest date given (a story known by month gets monthly bars)
    finest = min((span[1] - span[0] for span, _ in spans), default=0.0)
    langs = [lang for lang, _ in Counter(a.lang for a in articles).most_common()]
    colour = {lang: PALETTE[i % len(PALETTE)] for i, lang in enumerate(langs)}
    legend = [(lang, colour[lang], n) for lang, n in Counter(a.lang for a in articles).most_common()]
    if not dated:
        return Timeline(width, height, [], legend, [], "–")
    t0, t1 = min(t for t, _ in dated), max(t for t, _ in dated)
    unit, step = next(((u, s) for u, s in _UNITS if (t1 - t0) / s < settings.timeline_buckets and s >= finest * 0.9),
                      _UNITS[-1])
    # hours and days start at a round time; longer units at the first article (months vary in length)
    start = math.floor(t0 / step) * step if step <= 86400 else t0
    n = int((t1 - start) // step) + 1
    counts: list[Counter[str]] = [Counter() for _ in range(n)]
    for t, lang in dated:
        counts[int((t - start) // step)][lang] += 1
    peak = max(sum(c.values()) for c in counts)
    bar_w = (width - 2 * pad) / n
    bars = []
    for i, c in enumerate(counts):
        y = height - pad
        for lang in langs:
            if c[lang]:
                h = (height - 2 * pad) * c[lang] / peak
                y -= h
                bars.append({"x": round(pad + i * bar_w + 1, 1), "y": round(y, 1), "w": round(max(bar_w - 2, 1), 1),
                             "h": round(h, 1), "colour": colour[lang],
                             "label": f"{_tick_label(start + i * step, step)}: {c[lang]} {lang}"})
    ticks = [(round(pad + i * bar_w, 1), _tick_label(start + i * step, step))
             for i in sorted({0, n // 2, n - 1})]
    return Timeline(width, height, bars, legend, ticks, unit)


def other_titles(story: dict[str, object], articles: list[Article]) -> list[dict[str, str]]:
    """The first title in each language other than the representative title's."""
    seen = {story.get("title_lang")}
    out = []
    for a in articles:
        if a.title and a.lang not in seen:
            seen.add(a.lang)
            out.append({"lang": a.lang, "title": a.title, "article_id": a.id})
    return out


def story_detail(store: Store, story_id: str, tables: FigureTables,
                 settings: ServeSettings = DEFAULT_SERVE) -> dict[str, object] | None:
    """Everything the story page shows, or None for an unknown id (aliases resolve)."""
    story = store.story(story_id)
    if story is None:
        return None
    articles = store.story_articles(str(story["id"]))
    by_id = {a.id: a for a in articles}
    figures = tables.rows(store, story, by_id)
    names = story_names(store.article_names(list(by_id)), by_id)
    sources = Counter(a.source for a in articles if a.source)
    return {
        "story": story, "articles": articles, "figures": figures, "names": names,
        "sources": [s for s, _ in sources.most_common()], "titles": other_titles(story, articles),
        "timeline": timeline(articles, settings), "disputed": any(r.status == "disagree" for r in figures),
    }


# -- article page -------------------------------------------------------------------------


@dataclass
class Segment:
    """A run of article text: plain (``kind`` None), a figure or a name, with a tooltip."""

    text: str
    kind: str | None = None
    note: str = ""


def highlight(text: str, figures: list[dict[str, object]], names: list[dict[str, object]]) -> list[Segment]:
    """Split ``text`` into segments marking each figure (by its stored span) and each
    written form of a name; figures win where marks overlap."""
    marks: list[tuple[int, int, str, str]] = []
    for f in figures:
        start, end = int(f["span_start"]), int(f["span_end"])  # type: ignore[call-overload]
        if 0 <= start < end <= len(text):
            who = f.get("attribution") or "unattributed"
            marks.append((start, end, "figure", f"{f['category']} · {f['qualifier']} · {f['subject']} · {who}"))
    for n in names:
        surface = str(n["surface"])
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            marks.append((m.start(), m.end(), "name", f"{n['kind']} · {n['key']}"))
    marks.sort(key=lambda m: (m[0], m[2] != "figure", -(m[1] - m[0])))
    out: list[Segment] = []
    pos = 0
    for start, end, kind, note in marks:
        if start < pos:
            continue  # overlaps an earlier mark
        if start > pos:
            out.append(Segment(text[pos:start]))
        out.append(Segment(text[start:end], kind, note))
        pos = end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out


def article_detail(store: Store, article_id: str) -> dict[str, object] | None:
    """Everything the article page shows, or None for an unknown id."""
    article = store.get_article(article_id)
    if article is None:
        return None
    figures = store.article_figures([article.id])
    names = store.article_names([article.id])
    sid = store.stories_of([article.id]).get(article.id)
    return {
        "article": article, "figures": figures, "names": names,
        "segments": highlight(article.text, figures, names),
        "duplicates": store.near_duplicates(article.id),
        "story": store.story(sid) if sid else None,
    }


# -- search -------------------------------------------------------------------------------


def snippet_segments(snippet: str) -> list[Segment]:
    """Split an FTS snippet (hits between \\x02 and \\x03) into plain and ``hit`` segments."""
    out = []
    for i, part in enumerate(re.split("[\x02\x03]", snippet)):
        if part:
            out.append(Segment(part, "hit" if i % 2 else None))
    return out


def search(store: Store, q: str, *, limit: int, offset: int) -> dict[str, object]:
    """Articles matching ``q`` with snippets, and the stories they belong to."""
    total, rows = store.search(q, limit=limit, offset=offset)
    titles: dict[str, object] = {}
    for r in rows:
        sid = r["story_id"]
        if sid and sid not in titles:
            st = store.story(str(sid))
            titles[str(sid)] = st["title"] if st else None
        r["story_title"] = titles.get(str(sid)) if sid else None
        r["snippet"] = snippet_segments(str(r["snippet"] or ""))
    stories = Counter(str(r["story_id"]) for r in rows if r["story_id"])
    return {"q": q, "total": total, "results": rows,
            "stories": [{"id": sid, "title": titles[sid], "hits": n} for sid, n in stories.most_common()]}
