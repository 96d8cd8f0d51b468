"""A story's names: one entry per name key with every spelling, kind, languages and country."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from ..model import Article


def story_names(rows: Sequence[Mapping[str, object]], articles: Mapping[str, Article]) -> list[dict[str, object]]:
    """Merge per-article name rows (``store.article_names``) by key, most widespread first.

    Each entry: ``key``, ``kind`` (the most frequent), ``mentions``, ``articles``,
    ``languages``, ``country`` and ``forms`` (written form → mentions, most used first).
    """
    merged: dict[str, dict] = {}
    for n in rows:
        m = merged.setdefault(str(n["key"]), {"key": n["key"], "kinds": Counter(), "forms": Counter(),
                                              "mentions": 0, "articles": set(), "languages": set(), "country": None})
        m["kinds"][n["kind"]] += n["count"]
        m["forms"][n["surface"]] += n["count"]
        m["mentions"] += n["count"]
        m["articles"].add(n["article_id"])
        m["languages"].add(articles[str(n["article_id"])].lang)
        m["country"] = m["country"] or n["country"]
    return sorted(
        ({"key": m["key"], "kind": m["kinds"].most_common(1)[0][0], "mentions": m["mentions"],
          "articles": len(m["articles"]), "languages": sorted(m["languages"]), "country": m["country"],
          "forms": dict(m["forms"].most_common())} for m in merged.values()),
        key=lambda d: (-d["articles"], -d["mentions"], d["key"]),
    )
