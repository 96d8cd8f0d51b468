"""Parse articles in worker processes, one chunk ahead of the caller.

Parsing (lemmas, name keys, figures) is half of the cost of placing an article
and needs no stream state, while scoring and storing must run in order in one
process. So workers parse chunk *k + 1* while the caller places chunk *k*: on
two cores placement runs about twice as fast, and the result is the same as
parsing in process, because ``parse`` is a pure function of the article.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator, Sequence

from ..model import Article
from .profile import Parsed, parse


def _parse_all(articles: Sequence[Article]) -> list[Parsed]:
    return [parse(a) for a in articles]


def parsed_chunks(
    chunks: Iterable[list[Article]], *, workers: int
) -> Iterator[tuple[list[Article], dict[str, Parsed] | None]]:
    """Each chunk with its parses by article id; ``None`` when ``workers`` < 1
    (the caller parses in process).

    Workers are forked after the parent has parsed one article, so they share the
    word lists and gazetteers it loaded instead of loading their own.
    """
    it = iter(chunks)
    if workers < 1:
        for chunk in it:
            yield chunk, None
        return
    first = next(it, None)
    if first is None:
        return
    if first:
        parse(first[0])  # load the models before forking: the workers inherit them
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(workers) as pool:

        def submit(chunk: list[Article]):
            # a few tasks per worker, so that all workers finish a chunk at about the same time
            size = max(1, len(chunk) // (4 * workers))
            parts = [chunk[i : i + size] for i in range(0, len(chunk), size)]
            return pool.map_async(_parse_all, parts)

        current, job = first, submit(first)
        while current is not None:
            upcoming = next(it, None)
            next_job = submit(upcoming) if upcoming is not None else None
            parsed = [p for part in job.get() for p in part]
            yield current, {a.id: p for a, p in zip(current, parsed)}
            current, job = upcoming, next_job
