"""The ``crosswire`` command line (Typer).

Exit codes: 0 success; 1 finished but some inputs were skipped (each named on
stderr and kept in the ``rejected`` table); 2 usage error or nothing to read;
3 the database could not be opened or written.
"""

from __future__ import annotations

import json
import sys
import time
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__
from .ingest import iter_inputs
from .model import Rejection
from .pipeline import IngestReport, Ingestor
from .store import SQLiteStore, StoreError, open_store

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, EXIT_STORE = 0, 1, 2, 3

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="crosswire: track news stories across languages and sources.")
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[str, typer.Option("--db", envvar="CROSSWIRE_DB", help="SQLite database file.")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars or summaries.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable JSON on stdout.")]


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


def _ingest(paths: list[str], store: SQLiteStore, quiet: bool) -> IngestReport:
    inputs = list(iter_inputs(paths))
    if inputs and all(isinstance(i, Rejection) for i in inputs):
        for r in inputs:
            err.print(f"error: {r}", markup=False, highlight=False)
        raise typer.Exit(EXIT_USAGE)
    n_files = sum(1 for i in inputs if not isinstance(i, Rejection))
    progress = _LazyProgress(n_files, quiet)
    run_id = store.start_run(paths)
    try:
        report = Ingestor(store).ingest(inputs, progress=progress)
    finally:
        progress.close()
    store.finish_run(run_id, report.counts())
    for r in report.rejections:
        err.print(f"skipped: {r}", markup=False, highlight=False)
    return report


def _summary(report: IngestReport, store: SQLiteStore, quiet: bool, as_json: bool) -> None:
    stats = store.stats()
    if as_json:
        out.print_json(data={"run": report.counts(), "store": stats,
                             "skipped": [{"origin": r.origin, "reason": r.reason} for r in report.rejections]})
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


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive), globs, or - for stdin.")],
    db: DbOption = "crosswire.db",
    quiet: QuietOption = False,
    as_json: JsonOption = False,
) -> None:
    """Read articles from any supported input into the store."""
    with _open(db) as store:
        report = _ingest(paths, store, quiet)
        _summary(report, store, quiet, as_json)
    raise typer.Exit(EXIT_SKIPPED if report.rejections else EXIT_OK)


@app.command()
def run(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Inputs, as for ingest.")] = None,
    sample: Annotated[bool, typer.Option("--sample", help="Also read the built-in sample corpus.")] = False,
    db: DbOption = "crosswire.db",
    quiet: QuietOption = False,
    as_json: JsonOption = False,
) -> None:
    """The main job: ingest, then every later stage that exists."""
    inputs = list(paths or [])
    if sample:
        inputs.append(str(sample_path()))
    if not inputs:
        err.print("error: name inputs to read, or --sample for the built-in sample", highlight=False)
        raise typer.Exit(EXIT_USAGE)
    with _open(db) as store:
        report = _ingest(inputs, store, quiet)
        _summary(report, store, quiet, as_json)
    raise typer.Exit(EXIT_SKIPPED if report.rejections else EXIT_OK)


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
    table = Table(show_lines=False, title=f"{len(rows)} of {total} articles")
    for col in ("id", "lang", "published", "source"):
        table.add_column(col, no_wrap=True)
    table.add_column("title", ratio=1, overflow="ellipsis", no_wrap=True)
    table.add_column("duplicate of", no_wrap=True)
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
