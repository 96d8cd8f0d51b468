"""Story-level reconciliation of figures: agree, disagree, updated, single source."""

from __future__ import annotations

from crosswire.facts.reconcile import reconcile, value_interval
from crosswire.model import Article


def art(aid: str, source: str, published: str, precision: str = "second", lang: str = "en") -> Article:
    return Article(id=aid, url=None, source=source, lang=lang, lang_confidence=1.0, published=published,
                   precision=precision, title=None, text="", origin="t", content_hash="h")


def fig(aid: str, value: float, *, category: str = "killed", qualifier: str = "none", subject: str = "people",
        attribution: str | None = None, high: float | None = None, kind: str = "exact") -> dict:
    return {"article_id": aid, "category": category, "noun": None, "value_low": value,
            "value_high": value if high is None else high, "value_kind": kind, "value_text": str(value),
            "magnitude": None, "qualifier": qualifier, "subject": subject, "subject_text": None,
            "attribution": attribution, "attribution_text": None, "sentence": "s", "span_start": 0, "span_end": 1}


def test_intervals_from_qualifiers():
    assert value_interval(164, 164, "exact", "at_least") == (164, 246)
    assert value_interval(8000, 8000, "exact", "nearly") == (6800, 8000)
    assert value_interval(150, 200, "range", "none") == (150, 200)
    assert value_interval(50, 50, "exact", "up_to") == (0, 50)
    assert value_interval(20, 20, "exact", "none") == (20, 20)


def test_seed_like_disagreement_at_month_precision():
    arts = {"a": art("a", "nrk.no", "2022-01", "month"), "b": art("b", "vg.no", "2022-01", "month"),
            "c": art("c", "standaard.be", "2022-01", "month")}
    figs = [fig("a", 164, qualifier="at_least", attribution="interior_ministry"),
            fig("c", 160, qualifier="more_than", attribution="state_tv"),
            fig("b", 26, subject="armed_criminals", attribution="interior_ministry"),
            fig("a", 8000, category="arrested", qualifier="nearly", attribution="interior_ministry"),
            fig("b", 3000, category="arrested", qualifier="more_than", attribution="interior_ministry"),
            fig("b", 18, qualifier="at_least", subject="police"),
            fig("c", 16, subject="security_forces", attribution="tokajev")]
    rows = {(r.category, r.subject): r for r in reconcile(figs, arts)}
    killed = rows[("killed", "people")]
    assert killed.status == "disagree" and {r.low for r in killed.reports} == {164, 160, 26}
    assert (killed.low, killed.high) == (26, 164)
    # 164 and "more than 160" agree with each other; 26 conflicts with both
    assert killed.conflicts == [("a", "b", "disagree"), ("b", "c", "disagree")]
    assert rows[("arrested", "people")].status == "disagree"
    security = rows[("killed", "security_forces")]
    assert security.status == "disagree"  # "at least 18" police against 16 security forces
    assert {r.subject for r in security.reports} == {"police", "security_forces"}
    assert [r.category for r in reconcile(figs, arts)][:2] == ["killed", "killed"]


def test_later_official_figure_is_an_update():
    arts = {"a": art("a", "reuters.com", "2023-03-01T08:00:00Z"), "b": art("b", "bbc.co.uk", "2023-03-02T09:00:00Z")}
    figs = [fig("a", 14, qualifier="at_least", attribution="health_ministry"),
            fig("b", 27, attribution="health_ministry")]
    (row,) = reconcile(figs, arts)
    assert row.status == "updated" and row.latest.article_id == "b"
    assert row.conflicts == [("a", "b", "updated")]


def test_same_time_different_sources_disagree_and_compatible_ones_agree():
    arts = {"a": art("a", "x.com", "2023-03-01T08:00:00Z"), "b": art("b", "y.com", "2023-03-01T09:00:00Z"),
            "c": art("c", "z.com", "2023-03-01T10:00:00Z")}
    rows = reconcile([fig("a", 14, attribution="police"), fig("b", 30, attribution="local_media")], arts)
    assert rows[0].status == "disagree"
    rows = reconcile([fig("a", 14, qualifier="about"), fig("c", 15)], arts)
    assert rows[0].status == "agree"


def test_one_source_and_repeats():
    arts = {"a": art("a", "x.com", "2023-03-01T08:00:00Z"), "b": art("b", "x.com", "2023-03-01T12:00:00Z")}
    rows = reconcile([fig("a", 5), fig("a", 5), fig("b", 7)], arts)
    assert rows[0].status == "single_source" and len(rows[0].reports) == 2


def test_unrelated_categories_do_not_mix():
    arts = {"a": art("a", "x.com", "2023-03-01T08:00:00Z"), "b": art("b", "y.com", "2023-03-01T08:00:00Z")}
    rows = reconcile([fig("a", 2030, category="deployed", subject="soldiers"), fig("b", 250, category="vehicles"),
                      fig("b", 2000, category="injured", qualifier="more_than")], arts)
    assert sorted(r.category for r in rows) == ["deployed", "injured", "vehicles"]
    assert all(r.status == "single_source" for r in rows)
