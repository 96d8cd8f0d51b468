"""The feeds file: one feed per line, ``URL [lang=nn] [source=NRK] [every=600]``.

Blank lines and ``#`` comments (a whole line, or after whitespace) are ignored;
values with spaces are quoted (``source="NRK Nyheter"``). A bad line is reported
with its file and line number and skipped; the other feeds are kept.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..model import Rejection
from ..text.langid import normalise_code

_COMMENT = re.compile(r"(?:^|\s)#.*$")
_KEYS = ("lang", "source", "every")
#: polling a feed more often than this is impolite and pointless
MIN_EVERY_SECONDS = 10.0


@dataclass(frozen=True)
class Feed:
    """One feed to follow; ``lang``/``source`` override what the feed declares."""

    url: str
    lang: str | None = None
    source: str | None = None
    every: float | None = None
    where: str = ""
    """``file:line`` it came from, for messages."""


class FeedLineError(ValueError):
    """A line of the feeds file that cannot be used."""


def check_url(url: str) -> str:
    """``url`` if it is an absolute http(s) URL with a host, else raise ``FeedLineError``."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise FeedLineError(f"not an http(s) URL: {url!r}")
    if not parts.hostname:
        raise FeedLineError(f"URL has no host: {url!r}")
    return url


def parse_line(line: str, *, where: str = "") -> Feed | None:
    """The feed on one line, None for a blank or comment line; raises ``FeedLineError``."""
    text = _COMMENT.sub("", line).strip()
    if not text:
        return None
    try:
        words = shlex.split(text)
    except ValueError as exc:  # an unclosed quote
        raise FeedLineError(str(exc).lower()) from None
    url, options = check_url(words[0]), {}
    for word in words[1:]:
        key, eq, value = word.partition("=")
        if not eq or key not in _KEYS:
            raise FeedLineError(f"unknown option {word!r} (use lang=, source=, every=)")
        if key in options:
            raise FeedLineError(f"{key}= given twice")
        if not value:
            raise FeedLineError(f"{key}= needs a value")
        options[key] = value
    lang = None
    if "lang" in options:
        lang = normalise_code(options["lang"])
        if lang is None:
            raise FeedLineError(f"lang={options['lang']!r} is not an ISO 639-1 language code")
    every = None
    if "every" in options:
        try:
            every = float(options["every"])
        except ValueError:
            raise FeedLineError(f"every={options['every']!r} is not a number of seconds") from None
        if not every >= MIN_EVERY_SECONDS:  # also catches nan
            raise FeedLineError(f"every={options['every']} is below {MIN_EVERY_SECONDS:.0f} seconds")
    return Feed(url=url, lang=lang, source=options.get("source"), every=every, where=where)


def read_feed_list(path: str | Path) -> tuple[list[Feed], list[Rejection]]:
    """Feeds of a feeds file and a rejection (``file:line``) for every bad line.

    Raises ``OSError`` when the file cannot be read.
    """
    feeds: list[Feed] = []
    problems: list[Rejection] = []
    first_line: dict[str, int] = {}
    text = Path(path).read_text(encoding="utf-8-sig", errors="replace")
    for lineno, line in enumerate(text.splitlines(), 1):
        where = f"{path}:{lineno}"
        try:
            feed = parse_line(line, where=where)
        except FeedLineError as exc:
            problems.append(Rejection(where, str(exc)))
            continue
        if feed is None:
            continue
        if feed.url in first_line:
            problems.append(Rejection(where, f"feed already listed on line {first_line[feed.url]}"))
            continue
        first_line[feed.url] = lineno
        feeds.append(feed)
    return feeds, problems
