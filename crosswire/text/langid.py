"""Language identification with lingua over a configurable language set.

Bokmål (``nb``) and Nynorsk (``nn``) are told apart; ``und`` means unsure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

UNDETERMINED = "und"
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
# Declared codes in feeds and JSON are often regional or three-letter.
_ALIASES = {
    "no": "nb", "nob": "nb", "nno": "nn", "nor": "nb", "dan": "da", "swe": "sv", "fin": "fi",
    "nld": "nl", "dut": "nl", "eng": "en", "deu": "de", "ger": "de", "fra": "fr", "fre": "fr",
    "spa": "es", "ita": "it", "por": "pt", "pol": "pl", "rus": "ru", "ukr": "uk", "tur": "tr",
    "ara": "ar", "zho": "zh", "chi": "zh", "kaz": "kk",
}


def normalise_code(code: str | None) -> str | None:
    """``'en-US'`` → ``'en'``, ``'nob'`` → ``'nb'``, ``'no'`` → ``'nb'``; None if unusable."""
    if not code:
        return None
    base = re.split(r"[-_]", code.strip().lower(), maxsplit=1)[0]
    base = _ALIASES.get(base, base)
    return base if re.fullmatch(r"[a-z]{2}", base) else None


def _language(code: str) -> Language:
    try:
        return Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
    except (AttributeError, ValueError):
        raise ValueError(f"unsupported language code {code!r}") from None


@lru_cache(maxsize=4)
def _detector(codes: tuple[str, ...]) -> LanguageDetector:
    langs = [_language(c) for c in codes]
    if len(langs) < 2:
        raise ValueError("language identification needs at least two languages")
    return LanguageDetectorBuilder.from_languages(*langs).build()


class LanguageIdentifier:
    """Identify languages of texts, choosing only among ``languages``."""

    def __init__(self, *, languages: Sequence[str], min_confidence: float = 0.5,
                 min_letters: int = 20, sample_chars: int = 1200, trust_declared: bool = False) -> None:
        self.languages = tuple(languages)
        #: a declared code among ``languages`` is taken as it is (confidence 1.0), undetected
        self.trust_declared = trust_declared
        for code in self.languages:
            _language(code)  # validate at once, build lazily
        self.min_confidence = min_confidence
        self.min_letters = min_letters
        self.sample_chars = sample_chars

    def _decide(self, values: list, sample: str, declared: str | None) -> tuple[str, float]:
        if not values or len(_LETTER.findall(sample)) < self.min_letters:
            return (declared or UNDETERMINED), 0.0
        top = values[0]
        code = top.language.iso_code_639_1.name.lower()
        conf = round(float(top.value), 4)
        if conf >= self.min_confidence:
            return code, conf
        return (declared or UNDETERMINED), conf

    def identify_many(self, texts: Sequence[str], declared: Sequence[str | None] | None = None
                      ) -> list[tuple[str, float]]:
        """``(code, confidence)`` per text; the declared code (if any) replaces ``und``.

        Uses both cores through lingua's parallel API; each text is cut to
        ``sample_chars`` since more text changes nothing for news prose.
        """
        known = set(self.languages)
        codes = [c if c in known else None for c in map(normalise_code, declared or [None] * len(texts))]
        out: list[tuple[str, float] | None] = [
            (c, 1.0) if self.trust_declared and c else None for c in codes
        ]
        todo = [i for i, v in enumerate(out) if v is None]
        if todo:  # with every language trusted, the detector's models need not even load
            samples = [texts[i][: self.sample_chars] for i in todo]
            all_values = _detector(self.languages).compute_language_confidence_values_in_parallel(samples)
            for i, values, sample in zip(todo, all_values, samples):
                out[i] = self._decide(values, sample, codes[i])
        return out  # type: ignore[return-value]

    def identify(self, text: str, declared: str | None = None) -> tuple[str, float]:
        """``(code, confidence)`` for one text."""
        return self.identify_many([text], [declared])[0]
