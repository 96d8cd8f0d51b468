"""Plain-text articles and the seed format (`` date YYYY-MM <first line>``)."""

from __future__ import annotations

from ..model import RawDoc
from .dates import parse_date
from .headline import classify_header
from .sniff import SEED_HEADER


class FormatError(ValueError):
    """A document that does not have the shape its format requires."""


def _split_title(lines: list[str]) -> tuple[str | None, list[str]]:
    """Take the first non-empty line as title when it reads like one."""
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        kind = classify_header(line)
        if kind == "title":
            return line.strip(), lines[i + 1 :]
        return None, lines[i:]
    return None, []


def read_plain(text: str, *, origin: str) -> RawDoc:
    """A ``.txt`` article: the first non-empty line is the title (if it is one)."""
    lines = text.split("\n")
    # skip leading page chrome ("utenriks", breadcrumbs) before the title
    while lines and (not lines[0].strip() or classify_header(lines[0]) == "chrome"):
        lines.pop(0)
    title, body = _split_title(lines)
    return RawDoc(origin=origin, title=title, text="\n".join(body))


def read_seed(text: str, *, origin: str) -> RawDoc:
    """A seed-format article.

    The header's date is kept at month precision; its remainder is dropped when
    it is page chrome, becomes the title when it reads as one, and otherwise
    (a lead or a body sentence) opens the text.
    """
    header, _, body = text.lstrip("\ufeff").partition("\n")
    m = SEED_HEADER.match(header)
    if not m:
        raise FormatError("first line is not a seed header ' date YYYY-MM …'")
    published, precision = parse_date(m.group(1))
    rest = m.group(2).strip()
    lines = body.split("\n")
    kind = classify_header(rest) if rest else "chrome"
    if kind == "title":
        title: str | None = rest
    elif kind == "lead":
        title, lines = None, [rest, ""] + lines
    else:
        title, lines = _split_title(lines)
    return RawDoc(
        origin=origin,
        title=title,
        text="\n".join(lines),
        published=published,
        precision=precision,
    )
