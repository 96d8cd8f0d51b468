"""Stories across languages: the streaming clusterer on the sample and the seeds."""

from __future__ import annotations

import json
import random
from collections import defaultdict
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import pytest

from crosswire.cli import sample_path
from crosswire.cluster.evaluate import bcubed, read_gold_labels
from crosswire.pipeline import cluster_pending, ingest_paths
from crosswire.represent.dense import MODEL_NAME
from crosswire.settings import DEFAULT_SETTINGS, Settings
from crosswire.store import open_store

from .conftest import PROSE, SEEDS

SAMPLE = sample_path()
GOLD = read_gold_labels(SAMPLE)


@pytest.fixture(scope="session")
def vector_cache(tmp_path_factory) -> dict[str, bytes]:
    """Dense vectors of every sample and seed article, computed once per session."""
    store = open_store(tmp_path_factory.mktemp("vec") / "v.db")
    paths = [str(SAMPLE)] + ([str(SEEDS)] if SEEDS.is_dir() else [])
    ingest_paths(paths, store)
    from crosswire.cluster.evaluate import profiles_for

    ids = [a.id for a in store.articles()]
    profiles_for(store, ids)  # computes and caches every vector
    cache = store.embeddings(ids, MODEL_NAME)
    store.close()
    return cache




def _ingest_and_cluster(store, paths: list[str], cache: dict[str, bytes], settings: Settings = DEFAULT_SETTINGS):
    ingest_paths(paths, store)
    have = {a.id for a in store.articles()}
    store.put_embeddings({k: v for k, v in cache.items() if k in have}, MODEL_NAME)
    return cluster_pending(store, settings=settings)


def _stories(store) -> dict[str, str]:
    return store.story_of_articles()


def test_sample_bcubed(tmp_path, vector_cache):
    store = open_store(tmp_path / "s.db")
    _ingest_and_cluster(store, [str(SAMPLE)], vector_cache)
    score = bcubed(_stories(store), GOLD)
    assert score["n"] == len(GOLD)
    assert score["f1"] >= 0.95, score


def test_seeds_form_one_story_that_no_sample_article_joins(tmp_path, vector_cache, seeds):
    store = open_store(tmp_path / "s.db")
    _ingest_and_cluster(store, [str(SAMPLE), *map(str, seeds)], vector_cache)
    pred = _stories(store)
    seed_ids = [a.id for a in store.articles() if a.origin.startswith(str(SEEDS))]
    assert len(seed_ids) == 5
    story = {pred[i] for i in seed_ids}
    assert len(story) == 1, story
    (sid,) = story
    members = {aid for aid, s in pred.items() if s == sid}
    assert members == set(seed_ids)
    summary = store.story(sid)
    assert set(summary["langs"]) == {"nb", "nn", "nl"}
    assert summary["first_seen"] == "2022-01" and summary["n_articles"] == 5


def _by_date_chunks(tmp_path: Path, n: int) -> list[Path]:
    recs = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    recs.sort(key=lambda r: (r["published"], r["id"]))
    size = -(-len(recs) // n)
    out = []
    for k in range(n):
        p = tmp_path / f"chunk{k}.jsonl"
        p.write_text("".join(json.dumps(r) + "\n" for r in recs[k * size : (k + 1) * size]), encoding="utf-8")
        out.append(p)
    return out


def test_batch_equals_date_ordered_chunks(tmp_path, vector_cache):
    batch = open_store(tmp_path / "batch.db")
    _ingest_and_cluster(batch, [str(SAMPLE)], vector_cache)
    stream = open_store(tmp_path / "stream.db")
    for chunk in _by_date_chunks(tmp_path, 4):
        _ingest_and_cluster(stream, [str(chunk)], vector_cache)
    assert _stories(stream) == _stories(batch)
    assert {s["id"] for s in stream.stories()} == {s["id"] for s in batch.stories()}


def test_restarts_restore_complete_lexical_backgrounds_from_saved_sums_exactly(tmp_path, vector_cache):
    from crosswire.cluster.stream import StoryClusterer

    settings = replace(DEFAULT_SETTINGS, lexical_background_per_lang=4)  # complete after a few articles
    batch = open_store(tmp_path / "batch.db")
    _ingest_and_cluster(batch, [str(SAMPLE)], vector_cache, settings)
    stream = open_store(tmp_path / "stream.db")
    for chunk in _by_date_chunks(tmp_path, 4):  # every chunk starts a new clusterer, which restores
        _ingest_and_cluster(stream, [str(chunk)], vector_cache, settings)
    assert _stories(stream) == _stories(batch)

    def stats(store) -> dict[str, tuple[float, float]]:
        c = StoryClusterer(store, settings=settings)
        c._load()
        return {lang: c._lex_bg.stats(lang) for lang in c._lex_bg.full_}

    restored = stats(batch)
    assert len(restored) >= 3
    # the saved sums are exactly what replaying the stored vectors gives
    batch.db.execute("DELETE FROM cluster_meta WHERE key LIKE 'lexical_background:%'")
    assert stats(batch) == restored
    # and with the sums saved, the stored vectors are not read again: spoiling them changes nothing
    stream.db.execute("UPDATE lex_background SET terms = '{}'")
    assert stats(stream) == restored
    stream.db.execute("DELETE FROM cluster_meta WHERE key LIKE 'lexical_background:%'")
    assert stats(stream) != restored
    # a store without saved sums (written before they were) gets them with the next batch it places
    late = tmp_path / "late.jsonl"
    late.write_text(json.dumps({"id": "late-1", "title": "Strømstøtte til husholdningene", "text": PROSE["nb"],
                                "published": "2022-03-01", "source": "example.no"}) + "\n", encoding="utf-8")
    ingest_paths([str(late)], batch)
    assert cluster_pending(batch, settings=settings, link=False).placed == 1
    saved = batch.db.execute("SELECT count(*) FROM cluster_meta WHERE key LIKE 'lexical_background:%'").fetchone()[0]
    assert saved == len(restored)
    assert stats(batch) == restored


def test_parsing_in_worker_processes_gives_the_same_stories(tmp_path, vector_cache):
    small = replace(DEFAULT_SETTINGS, batch_size=16)  # several chunks, so that parsing runs ahead
    local = open_store(tmp_path / "local.db")
    _ingest_and_cluster(local, [str(SAMPLE)], vector_cache, replace(small, parse_workers=0))
    pooled = open_store(tmp_path / "pooled.db")
    _ingest_and_cluster(pooled, [str(SAMPLE)], vector_cache, replace(small, parse_workers=2, parse_pool_min=1))
    assert len(_stories(pooled)) == len(GOLD)
    assert _stories(pooled) == _stories(local)
    assert bcubed(_stories(pooled), GOLD)["f1"] >= 0.95
    # batch by batch, every story that fell quiet was marked dormant, and no other
    clock = float(pooled.db.execute("SELECT value FROM cluster_meta WHERE key = 'clock'").fetchone()[0])
    cutoff = datetime.fromtimestamp(clock - DEFAULT_SETTINGS.quiet_days * 86400, tz=timezone.utc)
    flags = {s["id"]: (s["dormant"], s["last_seen"]) for s in pooled.stories()}
    assert sum(d for d, _ in flags.values()) >= len(flags) - 3  # the sample spans years
    for sid, (dormant, last) in flags.items():
        assert dormant == (last < cutoff.strftime("%Y-%m-%dT%H:%M:%SZ")), (sid, last)


def test_order_of_input_does_not_matter_and_ids_are_stable(tmp_path, vector_cache):
    recs = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    random.Random(7).shuffle(recs)
    shuffled = tmp_path / "shuffled.jsonl"
    shuffled.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    a = open_store(tmp_path / "a.db")
    _ingest_and_cluster(a, [str(SAMPLE)], vector_cache)
    b = open_store(tmp_path / "b.db")
    _ingest_and_cluster(b, [str(shuffled)], vector_cache)
    assert _stories(a) == _stories(b)


def test_new_articles_join_existing_stories_and_reruns_change_nothing(tmp_path, vector_cache):
    store = open_store(tmp_path / "s.db")
    first, second = _by_date_chunks(tmp_path, 2)
    _ingest_and_cluster(store, [str(first)], vector_cache)
    before = _stories(store)
    report = _ingest_and_cluster(store, [str(second)], vector_cache)
    after = _stories(store)
    assert report.placed == len(GOLD) - len(before)
    # every early article keeps its story id (or the id it was merged into)
    for aid, sid in before.items():
        assert store.resolve_story(sid) == after[aid]
    # some later article joined a story that existed before
    assert {after[a] for a in after if a not in before} & set(after[a] for a in before)
    again = cluster_pending(store)
    assert again.placed == 0 and again.linked == 0 and _stories(store) == after


def test_stories_go_dormant_and_late_news_starts_a_new_story(tmp_path, vector_cache):
    recs = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    story = max({r["story"] for r in recs}, key=lambda s: sum(r["story"] == s for r in recs))
    members = [r for r in recs if r["story"] == story and r["lang"] == "en"]
    late = dict(members[0], id="late-copy", url="https://example.org/late",
                published="2026-01-01T10:00:00Z", text=members[0]["text"] + " A year on, the region remembers.")
    store = open_store(tmp_path / "s.db")
    _ingest_and_cluster(store, [str(SAMPLE)], vector_cache)
    f = tmp_path / "late.jsonl"
    f.write_text(json.dumps(late) + "\n", encoding="utf-8")
    _ingest_and_cluster(store, [str(f)], vector_cache)
    pred = _stories(store)
    assert pred["late-copy"] != pred[members[0]["id"]]
    old = store.story(pred[members[0]["id"]])
    assert old["dormant"] is True
    assert store.story(pred["late-copy"])["dormant"] is False


def test_story_summary(tmp_path, vector_cache):
    store = open_store(tmp_path / "s.db")
    _ingest_and_cluster(store, [str(SAMPLE)], vector_cache)
    pred = _stories(store)
    groups = defaultdict(set)
    for aid, sid in pred.items():
        groups[sid].add(aid)
    sid = max(groups, key=lambda s: len(groups[s]))
    s = store.story(sid)
    arts = store.story_articles(sid)
    assert s["n_articles"] == len(arts) == len(groups[sid])
    assert s["n_sources"] == len({a.source for a in arts})
    assert sum(s["langs"].values()) == len(arts)
    assert s["title"] in {a.title for a in arts}
    assert s["first_seen"] == min(a.published for a in arts) and s["last_seen"] == max(a.published for a in arts)
    assert s["top_names"]
