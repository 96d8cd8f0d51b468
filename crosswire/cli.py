"""The ``crosswire`` command line (Typer).

Exit codes: 0 success; 1 finished but some inputs were skipped (each named on
stderr and kept in the ``rejected`` table); 2 usage error or nothing to read;
3 the database could not be opened or written.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import replace
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__
from .ingest import iter_inputs
from .model import Article, Rejection
from .pipeline import ClusterReport, IngestReport, Ingestor, cluster_pending
from .settings import DEFAULT_SETTINGS
from .store import SQLiteStore, StoreError, open_store

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, EXIT_STORE = 0, 1, 2, 3

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="crosswire: track news stories across languages and sources.")
# Piped output gets room for tables instead of Rich's 80-column default.
out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[str, typer.Option("--db", envvar="CROSSWIRE_DB",
                                        help="SQLite database file, or postgresql://user:pass@host/db.")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars or summaries.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable JSON on stdout.")]
TrustLangOption = Annotated[bool, typer.Option(
    "--trust-lang", help="Keep a record's declared language (if supported) instead of detecting it.")]


def sample_path() -> Path:
    """The built-in sample corpus (JSONL) shipped inside the package."""
    return Path(str(files("crosswire") / "sample" / "articles.jsonl"))


def _open(db: str) -> SQLiteStore:
    try:
        return open_store(db)
    except StoreError as exc:
        err.print(f"error: {exc}", markup=False, highlight=False)
        raise typer.Exit(EXIT_STORE) from None


class _LazyProgress:
    """A Rich progress display that only appears once a job has run over a second."""

    def __init__(self, total_files: int, quiet: bool) -> None:
        self.quiet = quiet
        self.started = time.monotonic()
        self.bar: Progress | None = None
        self.total = total_files
        self.task = None

    def __call__(self, event: str, report: IngestReport) -> None:
        if self.quiet:
            return
        if self.bar is None:
            if time.monotonic() - self.started < 1.0:
                return
            self.bar = Progress(
                SpinnerColumn(), TextColumn("files"), BarColumn(), MofNCompleteColumn(),
                TextColumn("stored {task.fields[stored]}  duplicates {task.fields[dups]}  skipped {task.fields[skipped]}"),
                TimeElapsedColumn(), console=err, transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task("ingest", total=self.total, stored=0, dups=0, skipped=0)
        assert self.task is not None
        self.bar.update(self.task, completed=report.files, stored=report.stored + report.updated,
                        dups=report.duplicates, skipped=report.rejected)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def _ingest(paths: list[str], store: SQLiteStore, quiet: bool, *, trust_lang: bool = False) -> IngestReport:
    inputs = list(iter_inputs(paths))
    if inputs and all(isinstance(i, Rejection) for i in inputs):
        for r in inputs:
            err.print(f"error: {r}", markup=False, highlight=False)
        raise typer.Exit(EXIT_USAGE)
    n_files = sum(1 for i in inputs if not isinstance(i, Rejection))
    progress = _LazyProgress(n_files, quiet)
    run_id = store.start_run(paths)
    try:
        settings = replace(DEFAULT_SETTINGS, trust_declared_lang=trust_lang)
        report = Ingestor(store, settings=settings).ingest(inputs, progress=progress)
    finally:
        progress.close()
    store.finish_run(run_id, report.counts())
    for r in report.rejections:
        err.print(f"skipped: {r}", markup=False, highlight=False)
    return report


def _summary(report: IngestReport, store: SQLiteStore, quiet: bool, as_json: bool,
             clustered: ClusterReport | None = None) -> None:
    stats = store.stats()
    if as_json:
        data: dict[str, object] = {"run": report.counts(), "store": stats,
                                   "skipped": [{"origin": r.origin, "reason": r.reason} for r in report.rejections]}
        if clustered is not None:
            data["cluster"] = {"placed": clustered.placed, "linked": clustered.linked, "stories": clustered.stories}
        out.print_json(data=data)
        return
    if quiet:
        return
    c = report.counts()
    err.print(
        f"{c['files']} files read: {c['stored']} new articles, {c['updated']} updated, "
        f"{c['unchanged']} already stored, {c['duplicates']} near-duplicates marked, {c['rejected']} skipped",
        highlight=False,
    )
    langs = ", ".join(f"{k} {v}" for k, v in stats["languages"].items())  # type: ignore[union-attr]
    err.print(f"store {store.path}: {stats['articles']} articles ({langs}), {stats['duplicates']} near-duplicates, "
              f"{stats['sources']} sources", highlight=False)
    if clustered is not None:
        err.print(f"stories: {clustered.placed} articles placed, {clustered.linked} representatives linked, "
                  f"{clustered.stories} stories in the store", highlight=False)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive), globs, or - for stdin.")],
    db: DbOption = "crosswire.db",
    quiet: QuietOption = False,
    as_json: JsonOption = False,
    trust_lang: TrustLangOption = False,
) -> None:
    """Read articles from any supported input into the store."""
    with _open(db) as store:
        report = _ingest(paths, store, quiet, trust_lang=trust_lang)
        _summary(report, store, quiet, as_json)
    raise typer.Exit(EXIT_SKIPPED if report.rejections else EXIT_OK)


@app.command()
def run(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Inputs, as for ingest.")] = None,
    sample: Annotated[bool, typer.Option("--sample", help="Also read the built-in sample corpus.")] = False,
    no_link: Annotated[bool, typer.Option("--no-link", help="Place articles now, leave cross-language linking "
                                          "(slow dense model) to a later run.")] = False,
    db: DbOption = "crosswire.db",
    quiet: QuietOption = False,
    as_json: JsonOption = False,
    trust_lang: TrustLangOption = False,
) -> None:
    """The main job: ingest, then every later stage that exists."""
    inputs = list(paths or [])
    if sample:
        inputs.append(str(sample_path()))
    if not inputs:
        err.print("error: name inputs to read, or --sample for the built-in sample", highlight=False)
        raise typer.Exit(EXIT_USAGE)
    with _open(db) as store:
        report = _ingest(inputs, store, quiet, trust_lang=trust_lang)
        clustered = _cluster(store, quiet, link=not no_link)
        _facts(store, quiet)
        _summary(report, store, quiet, as_json, clustered)
    raise typer.Exit(EXIT_SKIPPED if report.rejections else EXIT_OK)


def _cluster(store: SQLiteStore, quiet: bool, *, link: bool) -> ClusterReport:
    bar: Progress | None = None
    tasks: dict[str, object] = {}
    started = time.monotonic()

    def progress(stage: str, done: int, total: int) -> None:
        nonlocal bar
        if quiet:
            return
        if bar is None:
            if time.monotonic() - started < 1.0:
                return
            bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                           TimeElapsedColumn(), console=err, transient=True)
            bar.start()
        if stage not in tasks:
            label = "articles placed in stories" if stage == "placed" else "representatives linked"
            tasks[stage] = bar.add_task(label, total=total)
        bar.update(tasks[stage], completed=done, total=total)  # type: ignore[arg-type]

    try:
        return cluster_pending(store, link=link, progress=progress)
    finally:
        if bar is not None:
            bar.stop()


def _facts(store: SQLiteStore, quiet: bool) -> None:
    from .facts.stage import extract_pending

    extract_pending(store)


@app.command()
def watch(
    feeds: Annotated[Optional[Path], typer.Option("--feeds", help="Feeds file: one 'URL [lang=nn] [source=NRK] "
                                                  "[every=600]' per line, # comments.")] = None,
    dirs: Annotated[Optional[list[Path]], typer.Option("--dir", help="Drop folder (repeatable): files are read once "
                                                       "settled, then moved to done/ or failed/.")] = None,
    every: Annotated[Optional[float], typer.Option(help="Poll each feed every this many seconds (default 300).",
                                                   min=10)] = None,
    once: Annotated[bool, typer.Option("--once", help="One round, then exit (for cron).")] = False,
    allow_private: Annotated[bool, typer.Option("--allow-private", help="Also fetch from private, loopback and "
                                                "link-local addresses.")] = False,
    no_link: Annotated[bool, typer.Option("--no-link", help="Place articles in stories, but leave cross-language "
                                          "linking (slow dense model) to a later run.")] = False,
    timeout: Annotated[Optional[float], typer.Option(help="Seconds to wait for a connection or a read (default 10).",
                                                     min=0.1)] = None,
    max_bytes: Annotated[Optional[int], typer.Option("--max-bytes", help="Largest feed or page fetched "
                                                     "(default 5000000).", min=1000)] = None,
    workers: Annotated[Optional[int], typer.Option(help="Feeds fetched at once (default 8); one host is still "
                                                   "asked at most every 2 s.", min=1, max=64)] = None,
    db: DbOption = "crosswire.db",
    quiet: QuietOption = False,
) -> None:
    """Follow feeds and drop folders: new articles are stored, placed in stories and read for figures at once."""
    import signal
    import sqlite3
    import threading
    from dataclasses import replace
    from datetime import datetime, timezone

    from .settings import DEFAULT_SETTINGS
    from .watch import read_feed_list
    from .watch import watch as run_watch

    def say(line: str) -> None:
        stamp = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        err.print(f"{stamp} {line}", markup=False, highlight=False)

    feed_list, skipped = [], []
    if feeds is not None:
        try:
            feed_list, skipped = read_feed_list(feeds)
        except OSError as exc:
            err.print(f"error: {feeds}: cannot read the feeds file ({exc.strerror or exc})", highlight=False)
            raise typer.Exit(EXIT_USAGE) from None
        for r in skipped:
            err.print(f"skipped: {r}", markup=False, highlight=False)
    folders = list(dirs or [])
    for d in folders:
        if not d.is_dir():
            err.print(f"error: {d}: no such folder", highlight=False)
            raise typer.Exit(EXIT_USAGE)
    if not feed_list and not folders:
        err.print("error: nothing to watch: give --feeds with at least one usable feed, or --dir", highlight=False)
        raise typer.Exit(EXIT_USAGE)
    overrides = {"watch_timeout_seconds": timeout, "watch_max_response_bytes": max_bytes, "watch_workers": workers}
    settings = replace(DEFAULT_SETTINGS, **{k: v for k, v in overrides.items() if v is not None})

    stop = threading.Event()

    def on_signal(signum: int, frame: object) -> None:
        if stop.is_set():
            raise KeyboardInterrupt  # asked twice: stop now
        stop.set()
        say("stopping after the feeds or file under way (Ctrl-C again to stop at once)")

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        with _open(db) as store:
            if not quiet:
                say(f"watching {len(feed_list)} feeds and {len(folders)} folders into {db}"
                    + (" (one round)" if once else ""))
            report = run_watch(store, feed_list, folders, once=once, every=every, settings=settings,
                               allow_private=allow_private, link=not no_link, stop=stop, log=say,
                               info=None if quiet else say)
    except (StoreError, sqlite3.Error) as exc:
        err.print(f"error: {db}: cannot write to the database ({exc})", highlight=False)
        raise typer.Exit(EXIT_STORE) from None
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
    if not quiet:
        c = report
        say(f"{c.rounds} rounds: {c.polled} feed polls ({c.not_modified} not modified, {c.failed} failed), "
            f"{c.pages} pages, {c.stored} new articles, {c.updated} updated, files {c.files_done} done / "
            f"{c.files_failed} failed, {c.placed} placed in stories, {c.linked} representatives linked")
    raise typer.Exit(EXIT_SKIPPED if report.problems or skipped else EXIT_OK)


def _table(title: str | None, columns: tuple[tuple[str, int], ...], *, wide: str = "title") -> Table:
    """A table of fixed-width columns plus one that takes the remaining width."""
    table = Table(title=title)
    for col, width in columns:
        if col == wide:
            table.add_column(col, ratio=1, overflow="ellipsis", no_wrap=True)
        else:
            table.add_column(col, no_wrap=True, min_width=width, overflow="ellipsis")
    return table


def _snippet(text: str, n: int = 70) -> str:
    one = " ".join(text.split())
    return one if len(one) <= n else one[: n - 1] + "…"


@app.command()
def articles(
    lang: Annotated[Optional[str], typer.Option(help="Only this language (ISO 639-1, e.g. nn).")] = None,
    source: Annotated[Optional[str], typer.Option(help="Only this source (e.g. vg.no).")] = None,
    since: Annotated[Optional[str], typer.Option(help="Published on or after (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[Optional[str], typer.Option(help="Published on or before (YYYY[-MM[-DD]]).")] = None,
    no_duplicates: Annotated[bool, typer.Option("--no-duplicates", help="Hide near-duplicate copies.")] = False,
    limit: Annotated[int, typer.Option(help="At most this many (0: all).")] = 100,
    db: DbOption = "crosswire.db",
    as_json: JsonOption = False,
) -> None:
    """List stored articles."""
    with _open(db) as store:
        filters = dict(lang=lang, source=source, since=since, until=until, duplicates=not no_duplicates)
        rows = store.articles(**filters, limit=limit or None)  # type: ignore[arg-type]
        total = store.count_articles(**filters)
    if as_json:
        out.print_json(data=[a.to_dict() for a in rows])
        return
    table = _table(f"{len(rows)} of {total} articles", (("id", 16), ("lang", 7), ("published", 10), ("source", 10),
                                                        ("title", 0), ("duplicate of", 12)))
    for a in rows:
        table.add_row(a.id, f"{a.lang} {a.lang_confidence:.2f}", a.published or "–", a.source or "–",
                      a.title or _snippet(a.text), a.duplicate_of or "")
    out.print(table)


@app.command()
def article(
    article_id: Annotated[str, typer.Argument(help="Article id.")],
    db: DbOption = "crosswire.db",
    as_json: JsonOption = False,
) -> None:
    """Show one stored article."""
    with _open(db) as store:
        a = store.get_article(article_id)
    if a is None:
        err.print(f"error: no article {article_id!r}", highlight=False)
        raise typer.Exit(EXIT_USAGE)
    if as_json:
        out.print_json(data=a.to_dict())
        return
    out.print(f"[bold]{a.title or '(no title)'}[/bold]")
    out.print(f"{a.id} · {a.lang} ({a.lang_confidence:.2f}) · {a.published or 'undated'} · {a.source or 'unknown source'}",
              highlight=False)
    if a.url:
        out.print(a.url, highlight=False)
    if a.duplicate_of:
        out.print(f"near-duplicate of {a.duplicate_of}", highlight=False)
    out.print()
    out.print(a.text, markup=False, highlight=False)


@app.command()
def rejected(
    limit: Annotated[int, typer.Option(help="At most this many (0: all).")] = 100,
    db: DbOption = "crosswire.db",
    as_json: JsonOption = False,
) -> None:
    """List inputs that could not be used, with the reason."""
    with _open(db) as store:
        rows = store.rejections(limit=limit or None)
    if as_json:
        out.print_json(data=rows)
        return
    for r in rows:
        out.print(f"{r['origin']}: {r['reason']}  (seen {r['times']}×, last {r['last_seen']})",
                  markup=False, highlight=False)


@app.command()
def stats(db: DbOption = "crosswire.db", as_json: JsonOption = False) -> None:
    """Counts of what the store holds."""
    with _open(db) as store:
        s = store.stats()
    if as_json:
        out.print_json(data=s)
    else:
        for k, v in s.items():
            out.print(f"{k}: {v}", highlight=False)


# -- stories -------------------------------------------------------------------------


def _langs(d: dict[str, int]) -> str:
    return " ".join(f"{k}:{v}" for k, v in d.items())


@app.command()
def stories(
    since: Annotated[Optional[str], typer.Option(help="Active on or after (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[Optional[str], typer.Option(help="Started on or before (YYYY[-MM[-DD]]).")] = None,
    lang: Annotated[Optional[str], typer.Option(help="Only stories with articles in this language.")] = None,
    active: Annotated[bool, typer.Option("--active", help="Hide dormant stories.")] = False,
    limit: Annotated[int, typer.Option(help="At most this many (0: all).")] = 50,
    db: DbOption = "crosswire.db",
    as_json: JsonOption = False,
) -> None:
    """List stories, most recently active first."""
    with _open(db) as store:
        rows = store.stories(since=since, until=until, lang=lang, active_only=active, limit=limit or None)
    if as_json:
        out.print_json(data=rows)
        return
    table = _table(f"{len(rows)} stories", (("id", 15), ("articles", 8), ("sources", 7), ("languages", 12),
                                            ("first", 10), ("last", 10), ("title", 0)))
    for r in rows:
        table.add_row(str(r["id"]), str(r["n_articles"]), str(r["n_sources"]), _langs(r["langs"]),  # type: ignore[arg-type]
                      str(r["first_seen"] or "–")[:10], str(r["last_seen"] or "–")[:10], str(r["title"] or ""))
    out.print(table)


def _story_or_exit(store: SQLiteStore, story_id: str) -> dict:
    story = store.story(story_id)
    if story is None:
        err.print(f"error: no story {story_id!r}", highlight=False)
        raise typer.Exit(EXIT_USAGE)
    return story


def _story_and_articles(store: SQLiteStore, story_id: str) -> tuple[dict, dict[str, Article]]:
    """The story (or exit 2) and its articles by id."""
    story = _story_or_exit(store, story_id)
    return story, {a.id: a for a in store.story_articles(str(story["id"]))}


@app.command()
def show(
    story_id: Annotated[str, typer.Argument(help="Story id (an old id of a merged story works too).")],
    db: DbOption = "crosswire.db",
    as_json: JsonOption = False,
) -> None:
    """One story: title, languages, sources, first/last seen, articles, top names."""
    with _open(db) as store:
        story = _story_or_exit(store, story_id)
        arts = store.story_articles(str(story["id"]))
    sources = sorted({a.source for a in arts if a.source})
    if as_json:
        out.print_json(data={**story, "sources": sources,
                             "articles": [a.to_dict(with_text=False) for a in arts]})
        return
    out.print(f"[bold]{story['title'] or '(untitled)'}[/bold]  ({story['title_lang']})")
    out.print(f"{story['id']} · {story['n_articles']} articles · {len(sources)} sources · "
              f"{_langs(story['langs'])} · {story['first_seen']} → {story['last_seen']}"  # type: ignore[arg-type]
              + (" · dormant" if story["dormant"] else ""), highlight=False)
    if story["aliases"]:
        out.print("also known as: " + ", ".join(story["aliases"]), highlight=False)  # type: ignore[arg-type]
    out.print("names: " + ", ".join(story["top_names"]), highlight=False)  # type: ignore[arg-type]
    out.print("sources: " + ", ".join(sources), highlight=False)
    table = _table(None, (("id", 10), ("lang", 4), ("published", 10), ("source", 10), ("title", 0)))
    for a in arts:
        table.add_row(a.id, a.lang, a.published or "–", a.source or "–", a.title or _snippet(a.text))
    out.print(table)


@app.command()
def similar(
    a_id: Annotated[str, typer.Argument(help="First article id.")],
    b_id: Annotated[str, typer.Argument(help="Second article id.")],
    db: DbOption = "crosswire.db",
    as_json: JsonOption = False,
) -> None:
    """The pair score of two stored articles and its parts (why)."""
    from .cluster.evaluate import profiles_for
    from .cluster.score import PairScorer

    with _open(db) as store:
        missing = [i for i in (a_id, b_id) if store.get_article(i) is None]
        if missing:
            err.print(f"error: no article {missing[0]!r}", highlight=False)
            raise typer.Exit(EXIT_USAGE)
        profs = profiles_for(store, [a_id, b_id], df_from_store=True)
    score = PairScorer().score(profs[a_id], profs[b_id])
    if as_json:
        out.print_json(data={"a": a_id, "b": b_id, **score.to_dict()})
        return
    d = score.to_dict()
    out.print(f"P(same story) = {d['p']:.3f}  (content {d['p_content']:.3f} × time {d['time_factor']:.3f}, "
              f"model variant {d['variant']})", highlight=False)
    for k, v in d["parts"].items():  # type: ignore[union-attr]
        out.print(f"  {k:14s} {'–' if v is None else v}", highlight=False)


# -- facts -----------------------------------------------------------------------------

_STATUS_STYLE = {"disagree": "bold red", "updated": "yellow", "agree": "green", "single_source": "dim"}


def _fmt_value(low: object, high: object) -> str:
    def f(x: object) -> str:
        return "?" if x is None else f"{x:,.0f}" if float(x) == int(float(x)) else f"{x}"  # type: ignore[arg-type]

    return f(low) if low == high else f"{f(low)}–{f(high)}"


@app.command()
def figures(
    story_id: Annotated[str, typer.Argument(help="Story id.")],
    db: DbOption = "crosswire.db",
    as_json: JsonOption = False,
) -> None:
    """The figure table of a story: every source's value, attribution and date, and where they disagree."""
    from .facts.reconcile import reconcile

    with _open(db) as store:
        story, arts = _story_and_articles(store, story_id)
        rows = reconcile(store.article_figures(list(arts)), arts)
    if as_json:
        out.print_json(data={"story": story["id"], "title": story["title"], "figures": [r.to_dict() for r in rows]})
        return
    out.print(f"[bold]{story['title'] or story['id']}[/bold]  {story['id']}")
    if not rows:
        out.print("no figures found")
        return
    for r in rows:
        style = _STATUS_STYLE.get(r.status, "")
        out.print(f"\n[bold]{r.category}[/bold] · {r.subject.replace('_', ' ')}  "
                  f"[{style}]{r.status.replace('_', ' ').upper()}[/{style}]  range {_fmt_value(r.low, r.high)} "
                  f"· {r.sources} source(s)")
        for rep in r.reports:
            who = rep.attribution_text or rep.attribution or "unattributed"
            subj = f" ({rep.subject_text})" if rep.subject_text else ""
            out.print(f"  {rep.value_text:>22}  {rep.qualifier.replace('_', ' '):10s} {rep.lang}  "
                      f"{(rep.published or 'undated'):20s} {(rep.source or rep.article_id):18s} {who}{subj}",
                      markup=False, highlight=False)


@app.command()
def claims(
    article_id: Annotated[str, typer.Argument(help="Article id.")],
    db: DbOption = "crosswire.db",
    as_json: JsonOption = False,
) -> None:
    """Every figure and name found in one article, with its evidence."""
    with _open(db) as store:
        a = store.get_article(article_id)
        if a is None:
            err.print(f"error: no article {article_id!r}", highlight=False)
            raise typer.Exit(EXIT_USAGE)
        figs = store.article_figures([article_id])
        names = store.article_names([article_id])
    if as_json:
        out.print_json(data={"article": article_id, "lang": a.lang, "figures": figs, "names": names})
        return
    out.print(f"[bold]{a.title or '(no title)'}[/bold]  {a.id} · {a.lang} · {a.published or 'undated'}")
    for f in figs:
        out.print(f"- {f['category']}: {f['value_text']} ({f['qualifier']}, {f['subject']}) "
                  f"← {f['attribution'] or 'unattributed'}  [{f['span_start']}:{f['span_end']}]",
                  markup=False, highlight=False)
        out.print(f"    “{f['sentence']}”", markup=False, highlight=False)
    if names:
        out.print("names: " + ", ".join(f"{n['surface']} ({n['kind']}, {n['key']})" for n in names),
                  markup=False, highlight=False)


@app.command()
def names(
    story_id: Annotated[str, typer.Argument(help="Story id.")],
    db: DbOption = "crosswire.db",
    as_json: JsonOption = False,
) -> None:
    """People, places and organisations of a story, with their spellings."""
    from .facts.spellings import story_names

    with _open(db) as store:
        story, arts = _story_and_articles(store, story_id)
        result = story_names(store.article_names(list(arts)), arts)
    if as_json:
        out.print_json(data={"story": story["id"], "names": result})
        return
    for d in result:
        out.print(f"{d['kind']:7s} {', '.join(d['forms'])}  ({d['articles']} articles, {'/'.join(d['languages'])}"
                  + (f", {d['country']}" if d["country"] else "") + ")", markup=False, highlight=False)


@app.command()
def serve(
    db: DbOption = "crosswire.db",
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8080,
    key_file: Annotated[Optional[Path], typer.Option("--key-file", help="File whose first line is the API key "
                                                     "(else $CROSSWIRE_API_KEY); without a key, writes are off.")] = None,
    lock_reads: Annotated[Optional[bool], typer.Option("--lock-reads/--open-reads", help="Pages and reads need "
                                                       "the key too (default: locked unless on a loopback address).")] = None,
) -> None:
    """The web app and HTTP API (OpenAPI at /docs) on http://HOST:PORT."""
    import os

    import uvicorn

    from .serve.app import create_app
    from .serve.config import API_KEY_ENV, LOOPBACK_HOSTS

    try:
        key = key_file.read_text(encoding="utf-8").strip().splitlines()[0].strip() if key_file else os.environ.get(API_KEY_ENV)
    except (OSError, IndexError, UnicodeDecodeError) as exc:
        err.print(f"error: cannot read the API key from {key_file}: {exc or 'empty file'}", highlight=False)
        raise typer.Exit(EXIT_USAGE) from None
    locked = lock_reads if lock_reads is not None else host not in LOOPBACK_HOSTS
    if locked and not key:
        err.print(f"error: reads are locked (--lock-reads, or a non-loopback --host) but there is no API key: "
                  f"set {API_KEY_ENV} or --key-file, or pass --open-reads", highlight=False)
        raise typer.Exit(EXIT_USAGE)
    with _open(db):  # a database that cannot be opened fails here, with exit 3
        pass
    err.print(f"crosswire: serving {db} on http://{host}:{port}  (writes {'on' if key else 'off: no API key'}, "
              f"reads {'locked' if locked else 'open'})", highlight=False)
    uvicorn.run(create_app(db, api_key=key, lock_reads=locked), host=host, port=port, log_level="warning")


eval_app = typer.Typer(no_args_is_help=True, help="Measure pair scores and stories against gold labels.")
app.add_typer(eval_app, name="eval")


def _eval_store(db: Optional[str]):
    import tempfile

    if db:
        return _open(db), None
    tmp = tempfile.TemporaryDirectory(prefix="crosswire-eval-")
    return _open(str(Path(tmp.name) / "eval.db")), tmp


@eval_app.command("pairs")
def eval_pairs(
    articles_path: Annotated[Path, typer.Option("--articles", help="JSONL with id, lang, title, text (published optional).")],
    pairs_path: Annotated[Path, typer.Option("--pairs", help="CSV with id1, id2, overall (1 = same … 4 = different).")],
    db: Annotated[Optional[str], typer.Option("--db", help="Keep the articles and their vectors here (cache).")] = None,
    quiet: QuietOption = False,
    as_json: JsonOption = False,
) -> None:
    """Pearson correlation of the pair score with human judgements."""
    from .cluster.evaluate import pair_table, pearson_report, profiles_for, read_pairs
    from .cluster.score import PairScorer

    try:
        pairs = read_pairs(pairs_path)
    except (OSError, ValueError, KeyError) as exc:
        err.print(f"error: {pairs_path}: {exc}", highlight=False)
        raise typer.Exit(EXIT_USAGE) from None
    store, tmp = _eval_store(db)
    try:
        _ingest([str(articles_path)], store, quiet=True)
        profs = profiles_for(store, [i for p in pairs for i in (p.id1, p.id2)])
        feats, kept, langs = pair_table(pairs, profs)
        scorer = PairScorer()
        scores = [scorer.score_parts(f).p for f in feats]
        report = pearson_report(scores, kept, langs)
    finally:
        store.close()
        if tmp:
            tmp.cleanup()
    if as_json:
        out.print_json(data=report)
        return
    out.print(f"Pearson {report['pearson']} over {report['n']} pairs ({len(pairs) - len(kept)} skipped: article missing)",
              highlight=False)
    for lp, v in report["per_pair"].items():  # type: ignore[union-attr]
        out.print(f"  {lp}: {v['pearson']}  (n={v['n']})", highlight=False)


@eval_app.command("clusters")
def eval_clusters(
    articles_path: Annotated[Path, typer.Option("--articles", help="JSONL with the gold story in field 'cluster' or 'story'.")],
    db: Annotated[Optional[str], typer.Option("--db", help="Cluster into this store (default: a temporary one).")] = None,
    quiet: QuietOption = False,
    as_json: JsonOption = False,
) -> None:
    """BCubed precision, recall and F1 of the stories against gold labels."""
    from .cluster.evaluate import bcubed, cluster_counts, read_gold_labels

    try:
        gold = read_gold_labels(articles_path)
    except (OSError, ValueError) as exc:
        err.print(f"error: {exc}", highlight=False)
        raise typer.Exit(EXIT_USAGE) from None
    if not gold:
        err.print(f"error: {articles_path}: no record has an id and a 'cluster' or 'story' label", highlight=False)
        raise typer.Exit(EXIT_USAGE)
    store, tmp = _eval_store(db)
    try:
        _ingest([str(articles_path)], store, quiet=True)
        _cluster(store, quiet, link=True)
        pred = store.story_of_articles()
    finally:
        store.close()
        if tmp:
            tmp.cleanup()
    report = {**bcubed(pred, gold), **cluster_counts(pred, gold)}
    if as_json:
        out.print_json(data=report)
        return
    out.print(f"BCubed precision {report['precision']}  recall {report['recall']}  F1 {report['f1']}  "
              f"({report['items']} articles, {report['gold_clusters']} gold stories, "
              f"{report['predicted_clusters']} predicted)", highlight=False)


spark_app = typer.Typer(no_args_is_help=True, help="The Apache Spark batch pipeline (pip install -e '.[spark]').")
app.add_typer(spark_app, name="spark")


@spark_app.command("run")
def spark_run(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Inputs: local files, folders, globs, or URIs (hdfs://, s3a://, file://).")] = None,
    out_dir: Annotated[str, typer.Option("--out", help="Output folder or URI: articles/, stories/, figures/, names/, rejected/ (Parquet).")] = "",
    master: Annotated[Optional[str], typer.Option("--master", help="Spark master (default: local[*], or spark-submit's).")] = None,
    db: Annotated[Optional[str], typer.Option("--db", help="Also load the results into this crosswire database.")] = None,
    sample: Annotated[bool, typer.Option("--sample", help="Also read the built-in sample corpus.")] = False,
    no_link: Annotated[bool, typer.Option("--no-link", help="Groups only: no cross-language linking (dense model).")] = False,
    window_days: Annotated[Optional[float], typer.Option("--window-days", help="Days per clustering window (default 28).")] = None,
    quiet: QuietOption = False,
    as_json: JsonOption = False,
) -> None:
    """Ingest, stories and figures with Spark; results as Parquet under --out."""
    inputs = list(paths or []) + ([str(sample_path())] if sample else [])
    if not inputs or not out_dir:
        err.print("error: name inputs (or --sample) and an output folder with --out", highlight=False)
        raise typer.Exit(EXIT_USAGE)
    try:
        from .spark import run_job
    except ImportError as exc:
        err.print(f"error: the Spark pipeline needs pyspark ({exc}); pip install -e '.[spark]'", highlight=False)
        raise typer.Exit(EXIT_USAGE) from None
    settings = DEFAULT_SETTINGS if window_days is None else replace(DEFAULT_SETTINGS, spark_window_days=window_days)
    try:
        report = run_job(inputs, out_dir, master=master, db=db, link=not no_link, settings=settings,
                         log=None if quiet else (lambda line: err.print(line, highlight=False, markup=False)))
    except StoreError as exc:
        err.print(f"error: {exc}", highlight=False)
        raise typer.Exit(EXIT_STORE) from None
    except ValueError as exc:
        err.print(f"error: {exc}", highlight=False)
        raise typer.Exit(EXIT_USAGE) from None
    if as_json:
        out.print_json(data=report.counts())
    elif not quiet:
        c = report.counts()
        err.print(f"{c['files']} files: {c['articles']} articles ({c['duplicates']} near-duplicates), "
                  f"{c['stories']} stories in {c['windows']} windows, {c['rejected']} skipped → {out_dir}"
                  + ("" if report.db_agrees is None else f"; loaded into {db} (same stories: "
                     f"{'yes' if report.db_agrees else 'no'})"), highlight=False)
    if report.files == 0 and not report.articles:
        raise typer.Exit(EXIT_USAGE)
    raise typer.Exit(EXIT_SKIPPED if report.rejections else EXIT_OK)


def _version(value: bool) -> None:
    if value:
        out.print(f"crosswire {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")] = False,
) -> None:
    """crosswire: track news stories across languages and sources."""


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
