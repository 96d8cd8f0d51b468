"""What the Spark job writes: Parquet tables, and optionally a crosswire database."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable

from pyspark.sql.types import (
    ArrayType, DoubleType, LongType, StringType, StructField, StructType,
)

from ..model import Article, Rejection
from ..store import SQLiteStore

_S, _D, _L = StringType(), DoubleType(), LongType()


def _schema(*cols: tuple[str, object]) -> StructType:
    return StructType([StructField(n, t, True) for n, t in cols])


ARTICLES = _schema(
    ("id", _S), ("url", _S), ("source", _S), ("lang", _S), ("lang_confidence", _D), ("declared_lang", _S),
    ("published", _S), ("published_precision", _S), ("title", _S), ("text", _S), ("origin", _S),
    ("content_hash", _S), ("duplicate_of", _S), ("story_id", _S),
)
STORIES = _schema(
    ("id", _S), ("title", _S), ("title_lang", _S), ("langs", _S), ("n_articles", _L), ("n_sources", _L),
    ("sources", ArrayType(_S)), ("first_seen", _S), ("last_seen", _S), ("article_ids", ArrayType(_S)),
    ("aliases", ArrayType(_S)),
)
FIGURES = _schema(
    ("article_id", _S), ("story_id", _S), ("lang", _S), ("source", _S), ("published", _S),
    ("category", _S), ("noun", _S), ("value_low", _D), ("value_high", _D), ("value_kind", _S), ("value_text", _S),
    ("magnitude", _L), ("qualifier", _S), ("subject", _S), ("subject_text", _S), ("attribution", _S),
    ("attribution_text", _S), ("sentence", _S), ("span_start", _L), ("span_end", _L),
)
NAMES = _schema(("article_id", _S), ("key", _S), ("surface", _S), ("kind", _S), ("count", _L), ("country", _S))
REJECTED = _schema(("origin", _S), ("reason", _S))


def article_row(a: Article, story_id: str | None) -> tuple:
    return (a.id, a.url, a.source, a.lang, float(a.lang_confidence), a.declared_lang, a.published, a.precision,
            a.title, a.text, a.origin, a.content_hash, a.duplicate_of, story_id)


def figure_row(a: Article, story_id: str | None, f: dict) -> tuple:
    return (a.id, story_id, a.lang, a.source, a.published, *(f.get(c) for c in SQLiteStore.FIGURE_COLUMNS))


def name_row(a: Article, n: dict) -> tuple:
    return (a.id, n["key"], n["surface"], n["kind"], n["count"], n.get("country"))


def story_row(story_id: str, members: Iterable[tuple[tuple, Article]], aliases: list[str]) -> tuple:
    """A story's summary from its articles (in processing order), like ``crosswire stories``.

    The representative title is the first titled article of the story's most
    frequent language (on one machine: of its largest group; groups are per
    language, so the two agree unless a language has several groups).
    """
    arts = [a for _, a in sorted(members, key=lambda m: m[0])]
    langs = Counter(a.lang for a in arts)
    first_at: dict[str, int] = {}
    for i, a in enumerate(arts):
        first_at.setdefault(a.lang, i)
    top = max(langs, key=lambda lang: (langs[lang], -first_at[lang]))  # ties: the language that came first
    titled = [a for a in arts if a.lang == top and a.title] or [a for a in arts if a.title]
    dates = sorted(a.published for a in arts if a.published)
    sources = sorted({a.source for a in arts if a.source})
    return (story_id, titled[0].title if titled else None, titled[0].lang if titled else None,
            json.dumps(dict(langs.most_common())), len(arts), len(sources), sources,
            dates[0] if dates else None, dates[-1] if dates else None, [a.id for a in arts], sorted(aliases))


def rejection_row(r: Rejection) -> tuple:
    return (r.origin, r.reason)
