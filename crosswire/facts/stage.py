"""The facts job: figures and names of every stored article, into the store."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from ..model import Article
from ..represent.names import extract_names, place_country
from ..store.base import BaseStore
from .figures import extract_figures

#: bump when extraction changes, so that stored facts are recomputed (the next run re-reads
#: every stored article). 2: death nouns (muertes, décès…), number words before plural scales,
#: differences between counts, singular "arrest", Spanish dates "9 de enero", fire engines.
#: 3: crowd verbs (marcharon, ont défilé, joined the march), captures, personnel moved in are
#: deployed, tractors, inches.
EXTRACTOR_VERSION = 3


@dataclass
class FactsReport:
    articles: int = 0
    figures: int = 0
    names: int = 0


def figure_rows(article: Article) -> list[dict[str, object]]:
    """Figures of one article as store rows (spans refer to ``article.text``)."""
    rows = []
    for f in extract_figures(article.text, article.lang, title=article.title):
        rows.append({
            "category": f.category, "noun": f.noun, "value_low": f.value.low, "value_high": f.value.high,
            "value_kind": f.value.kind, "value_text": f.value.text, "magnitude": f.value.magnitude,
            "qualifier": f.qualifier, "subject": f.subject, "subject_text": f.subject_text,
            "attribution": f.attribution, "attribution_text": f.attribution_text, "sentence": f.sentence,
            "span_start": f.start, "span_end": f.end,
        })
    return rows


def name_rows(article: Article) -> list[dict[str, object]]:
    """Names of one article (title and text) grouped by key and written form."""
    text = f"{article.title}\n\n{article.text}" if article.title else article.text
    counts: Counter[tuple[str, str, str]] = Counter(
        (n.key, n.text, n.kind) for n in extract_names(text, article.lang)
    )
    return [
        {"key": key, "surface": surface, "kind": kind, "count": c,
         "country": place_country(key) if kind == "place" else None}
        for (key, surface, kind), c in sorted(counts.items())
    ]


def extract_pending(store: BaseStore, *, batch: int = 256,
                    progress: Callable[[int, int], None] | None = None) -> FactsReport:
    """Extract figures and names of every article not yet done by this extractor version."""
    ids = store.facts_pending(EXTRACTOR_VERSION)
    report = FactsReport()
    for i in range(0, len(ids), batch):
        arts = [a for a in (store.get_article(x) for x in ids[i : i + batch]) if a is not None]
        facts = {a.id: (figure_rows(a), name_rows(a)) for a in arts}
        store.write_facts(EXTRACTOR_VERSION, facts)
        report.articles += len(arts)
        report.figures += sum(len(f) for f, _ in facts.values())
        report.names += sum(len(n) for _, n in facts.values())
        if progress:
            progress(report.articles, len(ids))
    return report
