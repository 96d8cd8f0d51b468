"""Stories at scale: cluster time windows in parallel, then merge stories across windows.

Each window holds the articles whose publication span starts in it (its own
articles) plus, replayed first, the earlier articles whose span reaches into
it within ``max(quiet_days, link_window_days)`` (the overlap): the articles
whose groups and representatives a streaming clusterer could still join or
link to there (undated articles: see ``windows_of``). A window is
clustered by the single-machine ``StoryClusterer`` (both levels) on its own
temporary SQLite store. On the driver, each article takes its place from its own window,
and stories continue across windows through the replayed articles
(``merge_windows``); a story takes the id of its earliest article, as on one machine.
"""

from __future__ import annotations

import math
import tempfile
from dataclasses import replace
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..cluster.features import DAY
from ..cluster.stream import StoryClusterer, order_key, story_id_for
from ..model import Article
from ..represent.dense import MODEL_NAME
from ..represent.profile import Parsed
from ..settings import Settings
from ..store import SQLiteStore

#: the window of undated articles: after every dated one, as in the single-machine order
UNDATED = 2**62

_MODELS: dict[str, object] = {}


def overlap_days(settings: Settings) -> float:
    """How far back a window replays: what a group or representative can still reach."""
    return max(settings.quiet_days, settings.link_window_days)


def windows_of(span: tuple[float, float] | None, settings: Settings, clock: float | None = None) -> list[tuple[int, bool]]:
    """``(window, owned)`` for an article: its own window first, then the later ones it reaches.

    Undated articles come last in the single-machine order and may join any
    group still in memory then, so the undated window also replays the articles
    within ``retention_days`` of ``clock`` (the latest span start of the run).
    """
    if span is None or not math.isfinite(span[0]):
        return [(UNDATED, True)]
    width = settings.spark_window_days * DAY
    own = math.floor(span[0] / width)
    last = math.floor((span[1] + overlap_days(settings) * DAY) / width)
    out = [(own, True)] + [(w, False) for w in range(own + 1, last + 1)]
    if clock is not None and span[1] >= clock - settings.retention_days * DAY:
        out.append((UNDATED, False))
    return out


def _shared_models():
    """This process's pair scorer and e5 embedder (loaded at first use, then kept)."""
    if not _MODELS:
        from ..cluster.score import PairScorer
        from ..represent.dense import Embedder

        _MODELS["scorer"], _MODELS["embedder"] = PairScorer(), Embedder()
    return _MODELS["scorer"], _MODELS["embedder"]


def cluster_window(window: int, items: Iterable[tuple[bool, tuple, Article, Parsed]], settings: Settings,
                   *, link: bool) -> Iterator[tuple]:
    """Cluster one window; yields ``("m", window, article id, order key, window story, owned, group)``
    per article and ``("v", article id, vector blob)`` per representative with a vector."""
    rows = sorted(items, key=lambda it: order_key(it[2]))
    scorer, embedder = _shared_models()
    with tempfile.TemporaryDirectory(prefix=f"crosswire-window-{window}-") as tmp:
        store = SQLiteStore(Path(tmp) / "window.db")
        try:
            present = {r[2].id for r in rows}
            # a copy whose original is not in the window is placed on its own, as on one machine
            # when the original left the clusterer's memory; the store itself needs no marks
            arts = [a if a.duplicate_of in present else replace(a, duplicate_of=None) for a in (r[2] for r in rows)]
            parsed = {r[2].id: r[3] for r in rows}
            size = settings.batch_size
            for i in range(0, len(arts), size):
                store.write_batch(new=[replace(a, duplicate_of=None) for a in arts[i : i + size]])
            clusterer = StoryClusterer(store, settings=settings, scorer=scorer, embedder=embedder)
            group: dict[str, str] = {}
            for i in range(0, len(arts), size):
                group.update(clusterer.partial_fit(arts[i : i + size], parsed))
            if link:
                clusterer.link()
            story = store.story_of_articles()
            for owned, key, a, _ in rows:
                yield "m", window, a.id, key, story[a.id], owned, group[a.id]
            for aid, blob in store.embeddings([a.id for a in arts], MODEL_NAME).items():
                yield "v", aid, blob
        finally:
            store.close()


def merge_windows(members: Iterable[tuple[int, str, tuple, str, bool, str]]) -> tuple[dict[str, str], dict[str, str]]:
    """Final stories from window placements ``(window, article, order key, window story, owned, group)``:
    ``(article → story, alias → story)``.

    Each article is placed by the window that owns it. A window's own articles
    join the story of their group's *anchor*, the earliest replayed article of
    the group (the group one machine would have had), else its earliest own
    article; groups that a window links into one story join through their
    anchors. Replayed articles are context: two of them that a window puts
    together, while their own windows kept them apart, are not merged for that
    alone (replays start with less history than one machine has, so they would
    over-merge).
    """
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb

    keys: dict[str, tuple] = {}
    groups: dict[tuple[int, str], list[tuple[tuple, str, bool]]] = {}
    stories: dict[tuple[int, str], set[str]] = {}
    for window, aid, key, wstory, owned, group in members:
        keys[aid] = tuple(key)
        groups.setdefault((window, group), []).append((tuple(key), aid, owned))
        stories.setdefault((window, wstory), set()).add(group)
    anchor: dict[tuple[int, str], str] = {}
    has_own: set[tuple[int, str]] = set()
    for g, ms in groups.items():
        ms.sort()
        replayed = [aid for _, aid, owned in ms if not owned]
        own = [aid for _, aid, owned in ms if owned]
        anchor[g] = replayed[0] if replayed else own[0]
        for aid in own:
            has_own.add(g)
            union(aid, anchor[g])
    linked: list[tuple[int, str]] = []
    for (window, wstory), gs in stories.items():
        if any((window, g) in has_own for g in gs):
            linked.append((window, wstory))
            first = anchor[(window, min(gs))]
            for g in gs:
                union(anchor[(window, g)], first)
    earliest: dict[str, tuple] = {}
    for aid, key in keys.items():
        root = find(aid)
        if root not in earliest or key < earliest[root]:
            earliest[root] = key
    final = lambda aid: story_id_for(earliest[find(aid)][1])  # noqa: E731  (keys are (time, id))
    story = {aid: final(aid) for aid in keys}
    aliases: dict[str, str] = {}
    for window, wstory in linked:
        sid = final(anchor[(window, min(stories[(window, wstory)]))])
        if wstory != sid:
            aliases[wstory] = sid
    return story, aliases
