"""Decide what a lone first line of a scraped page is: page chrome, a title or a lead."""

from __future__ import annotations

import re
from typing import Literal

HeaderKind = Literal["chrome", "title", "lead"]

# Section names and navigation words that scrapers pick up as the first line.
SECTION_WORDS = frozenset(
    """
    utenriks innenriks utanriks innanriks nyheter nyheiter sport kultur økonomi okonomi
    debatt meninger forrige neste tilbake hjem forside siste meny
    buitenland binnenland nieuws economie vorige volgende terug home menu
    ausland inland nachrichten politik wirtschaft zurück weiter startseite
    news world politics business previous next back menu opinion
    internacional nacional noticias economía anterior siguiente portada
    monde international actualités précédent suivant accueil
    utrikes inrikes nyheder udland indland forrige
    """.split()
)
_BREADCRUMB = re.compile(r"\s[>›»|/]\s")
_OPENING_QUOTE = tuple("“”\"«»„'‘’–—-")
_SENTENCE_END = re.compile(r"[.!?…][\"”»’)]*$")
_INNER_SENTENCE = re.compile(r"[.!?][\"”»’]?\s+[\"“«„]?[A-ZÆØÅÄÖÜÉ]")
_DATEISH = re.compile(r"^[\d\s.:/,-]+$")


def classify_header(line: str) -> HeaderKind:
    """Classify the first line of a scraped page.

    Chrome is short navigation or a section name ("utenriks", "forrige"); a
    title is a short line without sentence punctuation; anything that reads
    like body prose (quotes, full sentences, long lines) is a lead.
    """
    s = line.strip()
    if not s:
        return "chrome"
    words = s.split()
    if _DATEISH.match(s) or len(_BREADCRUMB.findall(s)) >= 1 and len(s) < 100:
        return "chrome"
    if len(words) <= 3 and not _SENTENCE_END.search(s):
        if s.lower().strip(":·-") in SECTION_WORDS or all(w[:1].islower() for w in words):
            return "chrome"
    if s.startswith(_OPENING_QUOTE):
        return "lead"
    if len(words) > 25 or _INNER_SENTENCE.search(s):
        return "lead"
    if s.endswith(".") or s.endswith("…"):
        return "lead"
    return "title"
