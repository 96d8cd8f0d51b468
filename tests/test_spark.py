"""The Spark batch pipeline (``crosswire.spark``) against the single-machine pipeline.

One local[2] SparkSession serves the whole test session. The sample run uses
one-day clustering windows, so stories cross window boundaries and must be
merged on the driver; the results must equal ``ingest_paths`` + ``cluster_pending``
+ ``extract_pending`` on the same inputs. Skipped without pyspark or Java.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

pyspark = pytest.importorskip("pyspark")
if shutil.which("java") is None:  # pragma: no cover - make test installs a JRE
    pytest.skip("Spark needs Java (apt-get install default-jre-headless)", allow_module_level=True)

from crosswire.cli import sample_path  # noqa: E402
from crosswire.cluster.stream import story_id_for  # noqa: E402
from crosswire.facts.stage import extract_pending  # noqa: E402
from crosswire.model import Article  # noqa: E402
from crosswire.pipeline import cluster_pending, ingest_paths  # noqa: E402
from crosswire.settings import DEFAULT_SETTINGS  # noqa: E402
from crosswire.spark import run_job  # noqa: E402
from crosswire.spark.dedup import bucket_pairs, resolve_ids, resolve_marks  # noqa: E402
from crosswire.spark.session import spark_session  # noqa: E402
from crosswire.spark.windows import UNDATED, merge_windows, windows_of  # noqa: E402
from crosswire.store import SQLiteStore  # noqa: E402

from .conftest import PROSE, SEEDS, write  # noqa: E402
from .test_bad_input import _warc_with_pages  # noqa: E402

DAY = 86400.0
#: one-day windows: the sample's stories (1-2 days each) cross window boundaries
SETTINGS = replace(DEFAULT_SETTINGS, spark_window_days=1.0, spark_partitions=4)


# -- pure parts (no Spark) ---------------------------------------------------------

def test_windows_own_the_start_and_replay_what_the_span_reaches():
    s = replace(DEFAULT_SETTINGS, spark_window_days=7.0, quiet_days=7.0, link_window_days=3.0)
    start = 100 * 7 * DAY + DAY  # a day into window 100
    assert windows_of((start, start + 60), s) == [(100, True), (101, False)]
    month = (start, start + 30 * DAY)  # a month-precision date spans its month
    assert windows_of(month, s)[0] == (100, True)
    assert [w for w, owned in windows_of(month, s)] == list(range(100, 106))
    assert windows_of(None, s) == [(UNDATED, True)]


def test_merge_windows_continues_stories_through_replayed_articles():
    k = lambda t, aid: (t, aid)  # noqa: E731
    st = story_id_for
    members = [  # (window, article, order key, window story, owned, group)
        (1, "a", k(1.0, "a"), st("a"), True, "g-a"), (1, "b", k(2.0, "b"), st("a"), True, "g-a"),
        (1, "x", k(2.5, "x"), st("x"), True, "g-x"),
        # window 2 replays b and x; its replay puts them in one group, which window 1 did not
        (2, "b", k(2.0, "b"), st("b"), False, "g-b"), (2, "x", k(2.5, "x"), st("b"), False, "g-b"),
        (2, "c", k(3.0, "c"), st("c"), True, "g-c"), (2, "e", k(3.5, "e"), st("c"), True, "g-e"),  # linked groups
        (2, "d", k(4.0, "d"), st("b"), True, "g-b"),  # joins the replayed group: continues b's story
    ]
    story, aliases = merge_windows(members)
    assert story["a"] == story["b"] == story["d"] == st("a")
    assert story["x"] == st("x")  # not merged by the replay alone
    assert story["c"] == story["e"] == st("c")
    assert aliases == {st("b"): st("a")}


def _art(aid: str, chash: str) -> Article:
    return Article(id=aid, url=None, source=None, lang="en", lang_confidence=1.0, published=None, precision=None,
                   title=None, text="x", origin=aid, content_hash=chash)


def test_resolve_ids_keeps_the_first_and_takes_later_new_content():
    same = [((0, 2), _art("x", "h1"), []), ((0, 0), _art("x", "h1"), [])]
    winner, unchanged, updated = resolve_ids(same)
    assert winner[0] == (0, 0) and (unchanged, updated) == (1, 0)
    changed = same + [((1, 0), _art("x", "h2"), [])]
    winner, unchanged, updated = resolve_ids(changed)
    assert winner[1].content_hash == "h2" and (unchanged, updated) == (1, 1)


def test_marks_point_at_roots_in_input_order():
    pairs = sorted(p for _, p in bucket_pairs([((0, 2), "c"), ((0, 0), "a"), ((0, 1), "b")]))
    assert [(p[1], p[2]) for p in pairs] == [("a", (0, 0)), ("a", (0, 0)), ("b", (0, 1))]
    # b copies a; c is closest to b, so it is marked with b's root, a
    marks = resolve_marks([((0, 1), "b", (0, 0), "a", 0.9), ((0, 2), "c", (0, 1), "b", 0.95),
                           ((0, 2), "c", (0, 0), "a", 0.8)])
    assert marks == {"b": "a", "c": "a"}


# -- the pipeline against one machine -------------------------------------------------

@pytest.fixture(scope="session")
def spark():
    session = spark_session("local[2]", shuffle_partitions=4)
    yield session
    session.stop()


@pytest.fixture(scope="session")
def inputs(tmp_path_factory) -> list[str]:
    """The sample, plus a JSONL file with a malformed line and a cut WARC crawl.

    The crawl's pages are undated near-copies of the JSONL article, dated within
    ``retention_days`` of the sample's last article: then both pipelines place them
    with it (an older original would be out of the clusterer's memory, which one
    machine frees per batch of articles and Spark per window: see README)."""
    d = tmp_path_factory.mktemp("spark-inputs")
    good = json.dumps({"id": "extra-1", "title": "A report", "published": "2025-02-12T09:00:00Z", "text": PROSE["en"]})
    bad = write(d / "mixed.jsonl", good + '\n{"id": "broken", "text": "no end\n')
    data = _warc_with_pages(3)
    cut = write(d / "cut.warc.gz", data[: int(len(data) * 0.8)])
    return [str(sample_path()), str(bad), str(cut)]


def _single_machine(paths: list[str], db: Path) -> SQLiteStore:
    store = SQLiteStore(db)
    ingest_paths(paths, store)
    cluster_pending(store)
    extract_pending(store)
    return store


@pytest.fixture(scope="session")
def one_machine(inputs, tmp_path_factory):
    store = _single_machine(inputs, tmp_path_factory.mktemp("one") / "one.db")
    yield store
    store.close()


@pytest.fixture(scope="session")
def spark_run(spark, inputs, tmp_path_factory):
    out = tmp_path_factory.mktemp("spark-out")
    lines: list[str] = []
    report = run_job(inputs, str(out), spark=spark, db=str(out / "loaded.db"), settings=SETTINGS, log=lines.append)
    return report, out, lines


def _rows(spark, out: Path, name: str) -> list[dict]:
    return [r.asDict() for r in spark.read.parquet(str(out / name)).collect()]


def test_spark_stories_equal_one_machine_with_the_same_ids(spark, spark_run, one_machine):
    report, out, _ = spark_run
    assert report.windows > 10  # one-day windows: the boundaries are really crossed
    got = {r["id"]: r["story_id"] for r in _rows(spark, out, "articles")}
    want = one_machine.story_of_articles()
    assert got == want
    stories = {r["id"]: r for r in _rows(spark, out, "stories")}
    assert set(stories) == set(want.values())
    for sid, row in stories.items():
        assert sorted(row["article_ids"]) == sorted(a for a, s in want.items() if s == sid)
        assert row["n_articles"] == len(row["article_ids"])
    # some story has articles owned by different windows, merged on the driver
    owned = {a.id: windows_of(order_key_span(a), SETTINGS)[0][0] for a in one_machine.articles(limit=None)}
    assert any(len({owned[a] for a in row["article_ids"]}) > 1 for row in stories.values())


def order_key_span(a: Article):
    from crosswire.ingest.dates import interval

    return interval(a.published, a.precision)


def test_spark_articles_and_near_duplicates_equal_one_machine(spark, spark_run, one_machine):
    report, out, _ = spark_run
    got = {r["id"]: r for r in _rows(spark, out, "articles")}
    want = {a.id: a for a in one_machine.articles(limit=None)}
    assert set(got) == set(want)
    for aid, a in want.items():
        r = got[aid]
        assert (r["lang"], r["title"], r["text"], r["origin"], r["content_hash"], r["duplicate_of"]) == (
            a.lang, a.title, a.text, a.origin, a.content_hash, a.duplicate_of)
    assert report.duplicates == sum(1 for a in want.values() if a.duplicate_of) >= 7


def test_spark_figures_equal_one_machine(spark, spark_run, one_machine):
    _, out, _ = spark_run
    key = lambda f: (f["article_id"], f["category"], f["value_low"], f["value_high"], f["span_start"])  # noqa: E731
    got = Counter(key(f) for f in _rows(spark, out, "figures"))
    ids = [a.id for a in one_machine.articles(limit=None)]
    want = Counter(key(f) for f in one_machine.article_figures(ids))
    assert got == want and sum(want.values()) > 50


def test_spark_rejections_are_named_kept_and_the_job_goes_on(spark, spark_run, one_machine, inputs):
    report, out, lines = spark_run
    bad_line = f"{inputs[1]}:2"
    assert any(line.startswith(f"skipped: {bad_line}: malformed JSON line") for line in lines)
    assert any("truncated or corrupt WARC" in line and f"{inputs[2]}#record" in line for line in lines)
    got = {(r["origin"], r["reason"]) for r in _rows(spark, out, "rejected")}
    want = {(r["origin"], r["reason"]) for r in one_machine.rejections()}
    assert got == want and len(got) == len(report.rejections) >= 2
    assert "extra-1" in {r["id"] for r in _rows(spark, out, "articles")}


def test_spark_load_into_a_database(spark_run, one_machine):
    report, out, _ = spark_run
    assert report.db_agrees is True
    with SQLiteStore(out / "loaded.db") as db:
        assert db.story_of_articles() == one_machine.story_of_articles()
        assert {r["origin"] for r in db.rejections()} == {r["origin"] for r in one_machine.rejections()}
        ids = [a.id for a in db.articles(limit=None)]
        assert len(db.article_figures(ids)) == len(one_machine.article_figures(ids))
        assert db.stats()["stories"] == one_machine.stats()["stories"]


def test_spark_reads_hadoop_uris(spark, tmp_path):
    folder = tmp_path / "crawl"
    lines = "".join(json.dumps({"id": f"u{i}", "published": f"2023-03-0{i + 1}", "text": PROSE[lang]}) + "\n"
                    for i, lang in enumerate(("nb", "nl", "de")))
    write(folder / "part-0.jsonl", lines)
    write(folder / "_SUCCESS", "")
    write(folder / "notes.md", "not an article file")
    uri = folder.resolve().as_uri()
    report = run_job([uri, f"{uri}/missing.jsonl"], str(tmp_path / "out"), spark=spark, link=False, settings=SETTINGS)
    rows = {r["id"]: r for r in _rows(spark, tmp_path / "out", "articles")}
    assert set(rows) == {"u0", "u1", "u2"} and report.files == 1
    assert {r["lang"] for r in rows.values()} == {"nb", "nl", "de"}
    assert rows["u0"]["origin"].endswith("crawl/part-0.jsonl:1")
    assert [r.reason for r in report.rejections] == ["no such file or folder"]


def test_spark_cli(spark, tmp_path, inputs):
    from typer.testing import CliRunner

    from crosswire.cli import app

    res = CliRunner().invoke(app, ["spark", "run", inputs[1], "--out", str(tmp_path / "o"), "--no-link", "--json"])
    assert res.exit_code == 1, res.output  # finished, one line skipped
    assert json.loads(res.stdout)["articles"] == 1
    assert f"skipped: {inputs[1]}:2: malformed JSON line" in res.stderr
    assert CliRunner().invoke(app, ["spark", "run", inputs[1]]).exit_code == 2  # no --out


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not available")
def test_spark_seeds_form_the_same_single_story(spark, tmp_path):
    seeds = [str(p) for p in sorted(SEEDS.glob("*.txt"))]
    want = _single_machine(seeds, tmp_path / "one.db").story_of_articles()
    run_job(seeds, str(tmp_path / "out"), spark=spark, settings=SETTINGS)
    got = {r["id"]: r["story_id"] for r in _rows(spark, tmp_path / "out", "articles")}
    assert got == want and len(got) == 5 and len(set(got.values())) == 1
