"""An article's profile: the representation every later stage compares.

Lexical terms (TF-IDF over lemmas), name keys, figures, the time span and
(when computed) the dense vector.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from ..ingest.dates import interval
from ..model import Article
from .lexical import DocumentFrequencies, SparseVector, terms, tfidf
from .names import name_keys

_NUMBER = re.compile(r"(?<![\w.,:-])(?:\d{1,3}(?:[.,  ]\d{3})+|\d+)(?![\d:]|[.,]\d)")


def figures_of(text: str) -> frozenset[str]:
    """Numbers that may be figures (≥ 10, not years), digits only, for matching across languages."""
    out = set()
    for m in _NUMBER.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if not digits or len(digits) > 9:
            continue
        value = int(digits)
        if value < 10 or (1900 <= value <= 2100 and len(m.group()) == 4):
            continue
        out.add(str(value))
    return frozenset(out)


@dataclass
class Profile:
    """Everything the pair score needs of one article or one group of articles."""

    lang: str
    terms: SparseVector
    names: Counter[str]
    figures: frozenset[str] = frozenset()
    span: tuple[float, float] | None = None
    dense: np.ndarray | None = field(default=None, repr=False)


@dataclass
class Parsed:
    """The costly, statistics-free part of a profile (tokens, names, figures)."""

    lang: str
    body_terms: list[str]
    title_terms: list[str]
    names: Counter[str]
    figures: frozenset[str]
    span: tuple[float, float] | None


def parse(article: Article) -> Parsed:
    """Tokenise, lemmatise and find names and figures of one article."""
    title = article.title or ""
    full = f"{title}\n\n{article.text}" if title else article.text
    return Parsed(
        lang=article.lang,
        body_terms=terms(article.text, article.lang),
        title_terms=terms(title, article.lang) if title else [],
        names=name_keys(full, article.lang),
        figures=figures_of(full),
        span=interval(article.published, article.precision),
    )


def profile(parsed: Parsed, df: DocumentFrequencies, *, dense: np.ndarray | None = None) -> Profile:
    """The profile of a parsed article under the current document frequencies."""
    return Profile(
        lang=parsed.lang,
        terms=tfidf(parsed.body_terms, parsed.title_terms, parsed.lang, df),
        names=parsed.names,
        figures=parsed.figures,
        span=parsed.span,
        dense=dense,
    )
