"""The five real seed articles (read from ../shared/seeds; skipped without them)."""

from __future__ import annotations

from crosswire.ingest.headline import classify_header

from .conftest import ingest


def test_seed_languages_are_nn_nb_nb_nb_nl(store, seeds):
    report = ingest(store, *seeds)
    assert report.stored == 5 and not report.rejections
    by_origin = {a.origin: a for a in store.articles()}
    langs = [by_origin[str(p)].lang for p in seeds]
    assert langs == ["nn", "nb", "nb", "nb", "nl"]
    assert all(by_origin[str(p)].lang_confidence >= 0.5 for p in seeds)


def test_seed_dates_stay_at_month_precision(store, seeds):
    ingest(store, *seeds)
    for a in store.articles():
        assert (a.published, a.precision) == ("2022-01", "month")


def test_seed_header_chrome_never_becomes_a_title(store, seeds):
    ingest(store, *seeds)
    by_origin = {a.origin: a for a in store.articles()}
    for p in seeds:
        rest = p.read_text(encoding="utf-8").split("\n", 1)[0].split(" ", 3)[3].strip()
        a = by_origin[str(p)]
        kind = classify_header(rest)
        if kind == "chrome":
            assert a.title != rest and rest not in a.text.split("\n\n")[0]
        elif kind == "title":
            assert a.title == rest
        else:
            assert a.text.startswith(rest[:40])
    # the two chrome headers ("utenriks", "forrige") are recognised as such
    kinds = [classify_header(p.read_text(encoding="utf-8").split("\n", 1)[0][14:]) for p in seeds]
    assert kinds.count("chrome") == 2 and kinds.count("title") == 1


def test_seed_cleaning_drops_credits_and_teasers(store, seeds):
    ingest(store, *seeds)
    texts = "\n".join(a.text for a in store.articles())
    assert "Foto: Reuters/NTB" not in texts
    assert "Lees ook" not in texts
    assert "Sist oppdatert" not in texts
    # ...but keeps the reporting around them
    assert "TALER TIL FOLKET" in texts and "meer dan 2.000 gewonden" in texts


def test_seeds_are_not_near_duplicates_of_each_other(store, seeds):
    report = ingest(store, *seeds)
    assert report.duplicates == 0
