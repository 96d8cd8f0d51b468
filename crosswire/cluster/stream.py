"""Streaming story clustering in two levels.

1. **Groups** (one language each): every article, in publication order, joins
   the best-scoring active group of its language (lexical terms, name keys,
   figures, time) or starts a new one. Candidates come from inverted indexes on
   name keys and top terms, never from a scan of all groups. This level is cheap
   and places every article at once.
2. **Stories**: the first ``reps_per_group`` articles of each group are its
   representatives. Each representative, in the order it was chosen, gets a
   dense vector and is compared with earlier representatives found through an
   approximate nearest-neighbour index (usearch) and the name-key index; a link
   joins the two groups' stories. A link needs specific shared evidence besides
   the score: across languages two name keys that are not common in the window,
   within a language one such name or a figure (``_enough_evidence``). This is
   where languages meet, and it may run later than level 1 (``link``): the dense
   model is slow.

Both levels see articles in one global order (start of publication span, then
id) and a representative's profile is frozen when it is chosen, so clustering a
corpus at once or in date-ordered chunks gives the same stories. Story ids are
derived from the first article of the story's earliest group, so they are
stable across runs; a story merged into another keeps its id as an alias.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from ..model import Article
from ..represent.dense import MODEL_NAME, Embedder, cached_vectors, from_blob
from ..represent.lexical import DocumentFrequencies, SparseVector
from ..represent.profile import Parsed, Profile, parse, profile
from ..settings import DEFAULT_SETTINGS, Settings
from ..store.base import BaseStore
from .background import DenseBackground, FixedLexical, LexicalBackground
from .features import DAY
from .score import PairScorer

_INF = float("inf")
#: cluster_meta key prefix of a complete language's lexical background sums
_LEX_SUMS = "lexical_background:"


def story_id_for(article_id: str) -> str:
    """The stable id of a story that starts with ``article_id``."""
    return "st-" + hashlib.sha256(article_id.encode("utf-8")).hexdigest()[:12]


def order_key(a: Article) -> tuple[float, str]:
    """Global processing order: start of the publication span (undated last), then id."""
    from ..ingest.dates import interval

    span = interval(a.published, a.precision)
    return (span[0] if span else _INF, a.id)


@dataclass
class Group:
    """A monolingual group of articles: the first level of a story."""

    id: str
    lang: str
    story_id: str
    first_key: tuple[float, str]
    span: tuple[float, float] | None = None
    n: int = 0
    centroid: dict[str, float] = field(default_factory=dict)
    names: Counter[str] = field(default_factory=Counter)
    figures: Counter[str] = field(default_factory=Counter)
    reps: list[str] = field(default_factory=list)
    indexed: set[str] = field(default_factory=set)
    _profile: Profile | None = field(default=None, repr=False)

    _TERMS = 128  # centroid terms kept

    def add(self, prof: Profile) -> None:
        self._profile = None
        for t, w in prof.terms.items():
            self.centroid[t] = self.centroid.get(t, 0.0) + w
        if len(self.centroid) > 2 * self._TERMS:
            top = sorted(self.centroid.items(), key=lambda kv: (-kv[1], kv[0]))[: self._TERMS]
            self.centroid = dict(top)
        self.names.update(prof.names)
        self.figures.update(prof.figures)
        if prof.span:
            self.span = prof.span if self.span is None else (min(self.span[0], prof.span[0]), max(self.span[1], prof.span[1]))
        self.n += 1

    def profile(self) -> Profile:
        if self._profile is not None:
            return self._profile
        norm = math.sqrt(sum(w * w for w in self.centroid.values())) or 1.0
        self._profile = Profile(
            lang=self.lang,
            terms={t: w / norm for t, w in self.centroid.items()},
            names=self.names,
            figures=frozenset(self.figures),
            span=self.span,
        )
        return self._profile

    def top_terms(self, k: int = 20) -> list[str]:
        return [t for t, _ in sorted(self.centroid.items(), key=lambda kv: (-kv[1], kv[0]))[:k]]

    def to_state(self) -> str:
        return json.dumps({
            "first_key": list(self.first_key), "span": self.span, "centroid": self.centroid,
            "names": self.names, "figures": self.figures, "reps": self.reps,
        }, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_row(cls, gid: str, lang: str, story_id: str, n: int, state: str) -> Group:
        s = json.loads(state)
        g = cls(id=gid, lang=lang, story_id=story_id, first_key=(s["first_key"][0], s["first_key"][1]))
        g.span = tuple(s["span"]) if s["span"] else None  # type: ignore[assignment]
        g.n = n
        g.centroid = s["centroid"]
        g.names = Counter(s["names"])
        g.figures = Counter(s["figures"])
        g.reps = s["reps"]
        return g


def _profile_to_json(p: Profile, lexical_stats: tuple[float, float]) -> str:
    return json.dumps({"lang": p.lang, "terms": p.terms, "names": p.names, "figures": sorted(p.figures),
                       "span": p.span, "lex_bg": list(lexical_stats)}, ensure_ascii=False, separators=(",", ":"))


def _profile_from_json(s: str) -> Profile:
    d = json.loads(s)
    return Profile(lang=d["lang"], terms=d["terms"], names=Counter(d["names"]),
                   figures=frozenset(d["figures"]), span=tuple(d["span"]) if d["span"] else None)


def _lexical_stats(s: str) -> tuple[float, float]:
    return tuple(json.loads(s)["lex_bg"])  # type: ignore[return-value]


def _fmt_time(ts: float | None) -> str | None:
    if ts is None or not math.isfinite(ts):
        return None
    from datetime import datetime, timezone

    return datetime.fromtimestamp(ts, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class StoryClusterer:
    """Two-level streaming clusterer over the articles of a store.

    ``partial_fit`` places articles into groups (level 1); ``link`` compares
    group representatives with dense vectors and joins stories (level 2).
    State lives in the store; the in-memory part covers only groups active
    within ``retention_days`` of the newest article seen. It is read once, so
    while other processes may cluster the same store, hold
    ``store.job_lock("cluster")`` for the life of a clusterer
    (``pipeline.cluster_pending`` does).
    """

    def __init__(
        self,
        store: BaseStore,
        *,
        settings: Settings = DEFAULT_SETTINGS,
        scorer: PairScorer | None = None,
        embedder: Embedder | None = None,
    ) -> None:
        self.store = store
        self.settings = settings
        self.scorer = scorer or PairScorer()
        self.embedder = embedder or Embedder()
        self._loaded = False

    # -- state ----------------------------------------------------------------
    def _load(self) -> None:
        if self._loaded:
            return
        db = self.store.db
        self.df_ = DocumentFrequencies(prior_docs=self.settings.df_prior_docs)
        for lang, n in db.execute("SELECT lang, n FROM df_docs"):
            counts = {r[0]: r[1] for r in db.execute("SELECT term, n FROM df_terms WHERE lang = ?", (lang,))}
            self.df_.load(lang, n, counts)
        meta = {r[0]: r[1] for r in db.execute("SELECT key, value FROM cluster_meta")}
        self.clock_: float = float(meta.get("clock", "-inf"))
        self.seq_: int = int(meta.get("seq", "0"))
        self.groups_: dict[str, Group] = {}
        self._by_key: dict[tuple[str, str], set[str]] = defaultdict(set)  # (lang, key) -> group ids
        self._by_name: dict[str, set[str]] = defaultdict(set)  # name key -> group ids, any language
        horizon = self.clock_ - self.settings.retention_days * DAY
        # only groups still in retention are parsed: a store of a million articles holds
        # hundreds of thousands of groups, and their states are the costly part of start-up
        sql, args = "SELECT id, lang, story_id, n_articles, state FROM groups", ()
        if math.isfinite(horizon):
            sql, args = sql + " WHERE last_seen IS NULL OR last_seen >= ?", (_fmt_time(math.floor(horizon)),)
        for gid, lang, story, n, state in db.execute(sql, args):
            g = Group.from_row(gid, lang, story, n, state)
            if g.span is None or g.span[1] >= horizon:
                self._activate(g)
        self._lex_bg = LexicalBackground(per_lang=self.settings.lexical_background_per_lang)
        # complete languages come back from their saved sums; the others (and stores written
        # before the sums were saved) replay their stored vectors
        for key, value in meta.items():
            if key.startswith(_LEX_SUMS):
                self._lex_bg.restore(key[len(_LEX_SUMS):], json.loads(value))
        restored = set(self._lex_bg.full_)
        for lang, terms in db.execute("SELECT lang, terms FROM lex_background ORDER BY seq"):
            if self._lex_bg.wants(lang):
                self._lex_bg.add(lang, json.loads(terms))
        # a store written before the sums were saved gets them with its next batch
        self._meta_dirty: dict[str, str] = {
            _LEX_SUMS + lang: json.dumps(self._lex_bg.sums_[lang]) for lang in sorted(self._lex_bg.full_ - restored)
        }
        self._dormant_done = ""  # stories with last_seen below this were already marked dormant
        self._df_dirty: dict[str, Counter[str]] = defaultdict(Counter)
        self._docs_dirty: Counter[str] = Counter()
        self._ann = None
        self._ann_meta: dict[int, tuple[str, str, Profile]] = {}
        self._loaded = True

    def _activate(self, g: Group) -> None:
        self.groups_[g.id] = g
        self._index(g)

    def _index(self, g: Group) -> None:
        keys = {f"n:{k}" for k in g.names} | {f"t:{t}" for t in g.top_terms()}
        for k in keys - g.indexed:
            self._by_key[(g.lang, k)].add(g.id)
            if k.startswith("n:"):
                self._by_name[k].add(g.id)
        g.indexed |= keys

    def _evict(self) -> None:
        """Drop groups quiet for longer than the retention period from memory."""
        horizon = self.clock_ - self.settings.retention_days * DAY
        for gid in [gid for gid, g in self.groups_.items() if g.span is not None and g.span[1] < horizon]:
            g = self.groups_.pop(gid)
            for k in g.indexed:
                self._by_key[(g.lang, k)].discard(gid)
                if k.startswith("n:"):
                    self._by_name[k].discard(gid)

    # -- level 1 ----------------------------------------------------------------
    def pending(self) -> list[str]:
        """Ids of stored articles not yet placed, in processing order."""
        from ..ingest.dates import interval

        rows = self.store.db.execute(
            "SELECT a.id, a.published, a.published_precision FROM articles a "
            "LEFT JOIN memberships m ON m.article_id = a.id WHERE m.article_id IS NULL"
        ).fetchall()
        keyed = []
        for aid, published, precision in rows:
            span = interval(published, precision)
            keyed.append((span[0] if span else _INF, aid))
        return [aid for _, aid in sorted(keyed)]

    def _candidates(self, prof: Profile, key: tuple[float, str]) -> list[Group]:
        votes: Counter[str] = Counter()
        probes = [f"n:{k}" for k in prof.names] + [
            f"t:{t}" for t, _ in sorted(prof.terms.items(), key=lambda kv: -kv[1])[:12]
        ]
        for k in probes:
            posting = self._by_key.get((prof.lang, k), ())
            if len(posting) > self.settings.max_posting:
                continue  # a key shared by that many active groups tells them apart no better than a stopword
            for gid in posting:
                votes[gid] += 1
        quiet = self.settings.quiet_days * DAY
        out = []
        for gid, _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0])):
            g = self.groups_[gid]
            if prof.span and g.span and (g.span[1] < prof.span[0] - quiet or g.span[0] > prof.span[1] + quiet):
                continue  # dormant relative to this article
            out.append(g)
            if len(out) >= self.settings.max_candidates:
                break
        return out

    def partial_fit(self, articles: Iterable[Article], parsed: Mapping[str, Parsed] | None = None) -> dict[str, str]:
        """Place ``articles`` (sorted into processing order) into groups; returns article → group.

        ``parsed`` may hold the articles' parses, made elsewhere (worker processes).
        """
        self._load()
        arts = sorted(articles, key=order_key)
        placed: dict[str, str] = {}
        rows_m: list[tuple] = []
        rows_r: list[tuple] = []
        rows_lb: list[tuple] = []
        touched: set[str] = set()
        dup_group = self._duplicate_groups([a.duplicate_of for a in arts if a.duplicate_of])
        for a in arts:
            key = order_key(a)
            got: Parsed = parsed[a.id] if parsed is not None and a.id in parsed else parse(a)
            self.df_.add(a.lang, set(got.body_terms) | set(got.title_terms))
            self._docs_dirty[a.lang] += 1
            self._df_dirty[a.lang].update(set(got.body_terms) | set(got.title_terms))
            prof = profile(got, self.df_)
            group: Group | None = None
            score = 1.0
            original = a.duplicate_of and (placed.get(a.duplicate_of) or dup_group.get(a.duplicate_of))
            if original and original in self.groups_:
                group = self.groups_[original]  # a syndicated copy goes where its original went
            else:
                best: tuple[float, Group] | None = None
                for g in self._candidates(prof, key):
                    s = self.scorer.score(prof, g.profile(), variant="cheap", lexical_background=self._lex_bg).p
                    if best is None or s > best[0]:
                        best = (s, g)
                if best and best[0] >= self.settings.join_threshold:
                    score, group = best
            if group is None:
                group = Group(id="g-" + a.id, lang=a.lang, story_id=story_id_for(a.id), first_key=key)
                self.groups_[group.id] = group
                score = 1.0
            group.add(prof)
            self._index(group)
            self.seq_ += 1
            rows_m.append((a.id, group.id, self.seq_, round(score, 4)))
            if len(group.reps) < self.settings.reps_per_group:
                group.reps.append(a.id)
                # the lexical background as it stands now travels with the representative
                rows_r.append((self.seq_, a.id, group.id, a.lang, prof.span[1] if prof.span else None,
                               _profile_to_json(prof, self._lex_bg.stats(a.lang))))
            if self._lex_bg.wants(a.lang):
                self._lex_bg.add(a.lang, prof.terms)
                rows_lb.append((self.seq_, a.lang, json.dumps(prof.terms, ensure_ascii=False, separators=(",", ":"))))
                if not self._lex_bg.wants(a.lang):  # complete now: its sums are all a restart needs
                    self._meta_dirty[_LEX_SUMS + a.lang] = json.dumps(self._lex_bg.sums_[a.lang])
            placed[a.id] = group.id
            touched.add(group.id)
            if prof.span:
                self.clock_ = max(self.clock_, prof.span[0])
        self._save(rows_m, rows_r, touched, rows_lb)
        self._evict()
        return placed

    def _duplicate_groups(self, originals: Sequence[str]) -> dict[str, str]:
        sql = "SELECT article_id, group_id FROM memberships WHERE article_id IN ({marks})"
        return {r[0]: r[1] for r in self.store.rows_in(sql, list(set(originals)))}

    def _save(self, rows_m: list[tuple], rows_r: list[tuple], touched: set[str], rows_lb: list[tuple]) -> None:
        with self.store.transaction() as db:
            db.executemany("INSERT INTO lex_background (seq, lang, terms) VALUES (?, ?, ?)", rows_lb)
            db.executemany(
                "INSERT INTO groups (id, lang, story_id, first_seen, last_seen, n_articles, state) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET first_seen = excluded.first_seen, "
                "last_seen = excluded.last_seen, n_articles = excluded.n_articles, state = excluded.state",
                [
                    (g.id, g.lang, g.story_id, _fmt_time(g.span[0]) if g.span else None,
                     _fmt_time(g.span[1]) if g.span else None, g.n, g.to_state())
                    for g in (self.groups_[gid] for gid in sorted(touched))
                ],
            )
            db.executemany("INSERT INTO memberships (article_id, group_id, seq, score) VALUES (?, ?, ?, ?)", rows_m)
            db.executemany(
                "INSERT INTO reps (seq, article_id, group_id, lang, span_end, profile) VALUES (?, ?, ?, ?, ?, ?)", rows_r
            )
            db.executemany(
                "INSERT INTO df_docs (lang, n) VALUES (?, ?) ON CONFLICT (lang) DO UPDATE SET n = df_docs.n + excluded.n",
                list(self._docs_dirty.items()),
            )
            db.executemany(
                "INSERT INTO df_terms (lang, term, n) VALUES (?, ?, ?) ON CONFLICT (lang, term) DO UPDATE SET n = df_terms.n + excluded.n",
                [(lang, t, c) for lang, counts in self._df_dirty.items() for t, c in counts.items()],
            )
            db.executemany(
                "INSERT INTO cluster_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [("clock", repr(self.clock_)), ("seq", str(self.seq_)), *sorted(self._meta_dirty.items())],
            )
            self._refresh_stories(db, {self.groups_[g].story_id for g in touched})
            # stories nobody wrote about for the quiet period go dormant
            if math.isfinite(self.clock_):
                # only stories that crossed the line since the last batch: the clock only moves
                # forward and touched stories got their flag above, so the work stays per batch,
                # not per story in the store
                cutoff = _fmt_time(self.clock_ - self.settings.quiet_days * DAY)
                db.execute("UPDATE stories SET dormant = 1 WHERE dormant = 0 AND last_seen < ? AND last_seen >= ?",
                           (cutoff, self._dormant_done))
                self._dormant_done = cutoff
        self._df_dirty.clear()
        self._docs_dirty.clear()
        self._meta_dirty.clear()

    # -- level 2 ------------------------------------------------------------------
    def _ann_index(self, first_pending: float | None) -> None:
        """Build the index of linked representatives and the dense background.

        Only representatives that the pending ones can still link to are
        loaded (``span_end`` within the link window), and the background is
        replayed from the first ``per_lang`` linked vectors of each language:
        the same state a run that never stopped would have.
        """
        if self._ann is not None:
            return
        from usearch.index import Index

        self._ann = Index(ndim=384, metric="cos", dtype="f16")
        self._reps_by_group: dict[str, set[int]] = defaultdict(set)
        self._rep_names: Counter[str] = Counter()  # name key -> representatives in the index carrying it
        self._expiry: list[tuple[float, int]] = []
        self._background = DenseBackground(per_lang=self.settings.background_per_lang)
        db = self.store.db
        first: list[tuple[int, str, str]] = []
        for (lang,) in db.execute("SELECT DISTINCT lang FROM reps WHERE linked = 1").fetchall():
            first += [tuple(r) for r in db.execute(
                "SELECT seq, article_id, lang FROM reps WHERE linked = 1 AND lang = ? ORDER BY seq LIMIT ?",
                (lang, self.settings.background_per_lang),
            )]
        first.sort()
        vecs = self.store.embeddings([r[1] for r in first], MODEL_NAME)
        for _, aid, lang in first:
            if aid in vecs:
                self._background.add(lang, from_blob(vecs[aid]))
        horizon = -1e18 if first_pending is None else first_pending - self.settings.link_window_days * DAY
        rows = db.execute(
            "SELECT seq, article_id, group_id, profile FROM reps WHERE linked = 1 "
            "AND (span_end IS NULL OR span_end >= ?) ORDER BY seq", (horizon,),
        ).fetchall()
        vecs = self.store.embeddings([r[1] for r in rows], MODEL_NAME)
        for seq, aid, gid, prof_json in rows:
            if aid in vecs:
                prof = _profile_from_json(prof_json)
                prof.dense = from_blob(vecs[aid])
                self._remember(seq, aid, gid, prof, background=False)

    def _remember(self, seq: int, aid: str, gid: str, prof: Profile, *, background: bool = True) -> None:
        if background:
            self._background.add(prof.lang, prof.dense)
        self._ann.add(seq, prof.dense)
        self._ann_meta[seq] = (aid, gid, prof)
        self._rep_names.update(prof.names.keys())
        self._reps_by_group[gid].add(seq)
        if prof.span:
            heapq.heappush(self._expiry, (prof.span[1], seq))

    def _forget_before(self, t: float) -> None:
        """Drop representatives that ended before ``t`` from the index.

        Representatives arrive in time order, so what one cannot link to no
        later one can either; dropping them keeps the index small and makes
        its contents depend only on the order, not on when linking runs.
        """
        while self._expiry and self._expiry[0][0] < t:
            _, seq = heapq.heappop(self._expiry)
            aid, gid, gone = self._ann_meta.pop(seq)
            for k in gone.names:
                self._rep_names[k] -= 1
                if self._rep_names[k] <= 0:
                    del self._rep_names[k]  # the window moves on for ever: keep the counter small
            self._reps_by_group[gid].discard(seq)
            self._ann.remove(seq)

    def link(self, *, limit: int | None = None, progress=None) -> int:
        """Link pending representatives (in the order they were chosen); returns how many."""
        self._load()
        sql = "SELECT seq, article_id, group_id, profile FROM reps WHERE linked = 0 ORDER BY seq"
        args: tuple[int, ...] = ()
        if limit is not None:
            sql, args = sql + " LIMIT ?", (limit,)
        rows = self.store.db.execute(sql, args).fetchall()
        if not rows:
            return 0
        spans = [_profile_from_json(rows[0][3]).span]
        self._ann_index(spans[0][0] if spans[0] else None)
        batch = self.settings.embed_batch
        done = 0
        for i in range(0, len(rows), batch):
            chunk = rows[i : i + batch]
            vecs = self._vectors([r[1] for r in chunk])
            links: list[tuple[str, str, float]] = []
            for seq, aid, gid, prof_json in chunk:
                prof = _profile_from_json(prof_json)
                prof.dense = vecs[aid]
                links.extend(self._link_one(seq, gid, prof, FixedLexical(*_lexical_stats(prof_json))))
                self._remember(seq, aid, gid, prof)
            with self.store.transaction() as db:
                db.executemany("INSERT INTO group_links (a, b, score) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", links)
                stories = self._union(db, links)
                db.executemany("UPDATE reps SET linked = 1 WHERE seq = ?", [(r[0],) for r in chunk])
                self._refresh_stories(db, stories)
            done += len(chunk)
            if progress:
                progress(done, len(rows))
        return done

    def _vectors(self, ids: list[str]) -> dict[str, np.ndarray]:
        arts = [a for a in (self.store.get_article(i) for i in ids) if a is not None]
        return cached_vectors(self.store, arts, self.embedder, batch=len(arts) or 1)

    def _link_one(self, seq: int, gid: str, prof: Profile, lexical: FixedLexical) -> list[tuple[str, str, float]]:
        """Links from one representative to groups of earlier representatives."""
        window = self.settings.link_window_days * DAY
        if prof.span:
            self._forget_before(prof.span[0] - window)
        cands: set[int] = set()
        if len(self._ann) > 0:
            found = self._ann.search(prof.dense, min(self.settings.ann_neighbours, len(self._ann)))
            cands.update(int(k) for k in found.keys)
        # and the representatives of groups that share a name key, in any language
        for k in prof.names:
            for other_gid in self._by_name.get(f"n:{k}", ()):
                cands.update(self._reps_by_group.get(other_gid, ()))
        best: dict[str, float] = {}
        for s in sorted(cands):
            meta = self._ann_meta.get(s)
            if meta is None or s >= seq:
                continue
            _, other_gid, other = meta
            if other_gid == gid:
                continue
            if prof.span and other.span and (other.span[1] < prof.span[0] - window or other.span[0] > prof.span[1] + window):
                continue
            score = self.scorer.score(prof, other, background=self._background, lexical_background=lexical)
            if not self._enough_evidence(prof, other, score.parts["figures"]):
                continue
            p = score.p
            if p >= self.settings.link_threshold and p > best.get(other_gid, 0.0):
                best[other_gid] = p
        return [(*sorted((gid, other_gid)), round(p, 4)) for other_gid, p in sorted(best.items())]

    def _enough_evidence(self, a: Profile, b: Profile, figures: float) -> bool:
        """Whether two representatives share enough specific evidence to be linked at all.

        Dense similarity alone does not tell one story from another on the same
        topic, and a single shared place (often a country) joins unrelated stories
        across languages; a name carried by many representatives in the window
        (a capital, a head of state) is no evidence. Within a language the lexical
        score already carries the decision, so one shared name or figure suffices.
        """
        limit = max(self.settings.common_name_min, self.settings.common_name_share * len(self._ann_meta))
        shared = sum(1 for k in a.names if k in b.names and self._rep_names[k] <= limit)
        if a.lang == b.lang:
            return shared > 0 or figures > 0
        return shared >= self.settings.link_min_names_cross

    def _story_of(self, gid: str) -> str:
        g = self.groups_.get(gid)
        if g is not None:
            return g.story_id
        row = self.store.db.execute("SELECT story_id FROM groups WHERE id = ?", (gid,)).fetchone()
        return row[0]

    def _union(self, db, links: list[tuple[str, str, float]]) -> set[str]:
        """Join the stories of linked groups; the story that started first keeps its id."""
        touched: set[str] = set()
        for a, b, _ in links:
            sa, sb = self._story_of(a), self._story_of(b)
            if sa == sb:
                continue
            first = {}
            for sid in (sa, sb):
                row = db.execute(
                    "SELECT min(m.seq) FROM memberships m JOIN groups g ON g.id = m.group_id WHERE g.story_id = ?",
                    (sid,),
                ).fetchone()
                first[sid] = row[0]
            keep, gone = (sa, sb) if first[sa] <= first[sb] else (sb, sa)
            db.execute("UPDATE groups SET story_id = ? WHERE story_id = ?", (keep, gone))
            for g in self.groups_.values():
                if g.story_id == gone:
                    g.story_id = keep
            db.execute("UPDATE story_aliases SET story_id = ? WHERE story_id = ?", (keep, gone))
            db.execute("INSERT INTO story_aliases (alias, story_id) VALUES (?, ?) "
                       "ON CONFLICT (alias) DO UPDATE SET story_id = excluded.story_id", (gone, keep))
            db.execute("DELETE FROM stories WHERE id = ?", (gone,))
            touched.add(keep)
        return touched

    # -- story summaries --------------------------------------------------------------
    def _refresh_stories(self, db, story_ids: Iterable[str]) -> None:
        quiet = self.settings.quiet_days * DAY
        for sid in sorted(set(story_ids)):
            rows = db.execute(
                "SELECT a.id, a.lang, a.source, a.title, a.published, g.id, g.n_articles, m.seq "
                "FROM groups g JOIN memberships m ON m.group_id = g.id JOIN articles a ON a.id = m.article_id "
                "WHERE g.story_id = ? ORDER BY m.seq",
                (sid,),
            ).fetchall()
            if not rows:
                continue
            dates = sorted(r[4] for r in rows if r[4])
            langs = Counter(r[1] for r in rows)
            sources = {r[2] for r in rows if r[2]}
            # representative title: first titled article of the largest group
            largest = max(rows, key=lambda r: (r[6], -r[7]))[5]
            titled = [r for r in rows if r[5] == largest and r[3]] or [r for r in rows if r[3]]
            title = titled[0][3] if titled else None
            title_lang = titled[0][1] if titled else None
            names: Counter[str] = Counter()
            for (state,) in db.execute("SELECT state FROM groups WHERE story_id = ?", (sid,)):
                names.update(json.loads(state)["names"])
            top = [k for k, _ in sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))[:10]]
            spans = db.execute("SELECT max(last_seen) FROM groups WHERE story_id = ?", (sid,)).fetchone()[0]
            dormant = 0
            if spans:
                from datetime import datetime

                last = datetime.fromisoformat(spans.replace("Z", "+00:00")).timestamp()
                dormant = int(last < self.clock_ - quiet)
            db.execute(
                "INSERT INTO stories (id, first_seen, last_seen, n_articles, n_sources, langs, title, title_lang, top_names, dormant) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET first_seen = excluded.first_seen, "
                "last_seen = excluded.last_seen, n_articles = excluded.n_articles, n_sources = excluded.n_sources, "
                "langs = excluded.langs, title = excluded.title, title_lang = excluded.title_lang, "
                "top_names = excluded.top_names, dormant = excluded.dormant",
                (sid, dates[0] if dates else None, dates[-1] if dates else None, len(rows), len(sources),
                 json.dumps(dict(langs.most_common())), title, title_lang, json.dumps(top, ensure_ascii=False), dormant),
            )
