"""Lexical representation: lemmas (simplemma) weighted by TF-IDF whose document
frequencies grow with the stream.

Early in a stream the observed document frequencies say little, so each term's
document frequency is smoothed with a prior from wordfreq: a pseudo-corpus of
``prior_docs`` documents in which a word occurs as often as in general text.
Function words are thus down-weighted from the first article on, and the
stream's own statistics take over as it grows.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache

import wordfreq
from simplemma import Lemmatizer
from simplemma.strategies import DefaultStrategy
from simplemma.strategies.dictionaries import DefaultDictionaryFactory

_TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*|\d+(?:[.,  ]\d{3})*(?:[.,]\d+)?", re.UNICODE)
_DIGITS = re.compile(r"\d")
_SIMPLEMMA = {
    "nb", "nn", "da", "sv", "fi", "nl", "en", "de", "fr", "es", "it", "pt", "pl", "ru", "uk", "tr",
    "bg", "ca", "cs", "el", "et", "ga", "hu", "is", "lt", "lv", "sk", "sl", "hr", "ro", "id",
}
# wordfreq has no Nynorsk list; Bokmål is the nearest
_WORDFREQ = {"nn": "nb", "no": "nb"}
_DOC_TOKENS = 400  # typical tokens per article, to turn word frequency into document frequency

SparseVector = dict[str, float]

# simplemma's shared factory keeps only 8 dictionaries and reloads (≈0.5 s each)
# when a stream cycles through more languages; ours keeps them all.
_LEMMATIZER = Lemmatizer(
    lemmatization_strategy=DefaultStrategy(dictionary_factory=DefaultDictionaryFactory(cache_max_size=64))
)


@lru_cache(maxsize=500_000)
def lemma(token: str, lang: str) -> str:
    """The lemma of a lower-cased token (the token itself where simplemma has no model)."""
    if lang in _SIMPLEMMA and not _DIGITS.search(token):
        try:
            return _LEMMATIZER.lemmatize(token, lang=lang).lower()
        except ValueError:
            return token
    return token


# Nynorsk function words and lemmas that the Bokmål frequency list lacks.
_NN_COMMON = frozenset(
    "ikkje eit dei vere vore kome seie ho me kva korleis kvifor frå òg berre mykje noko nokon "
    "eg dykk vart vert hjå heile fleire sjølv sidan utan medan då no gjere sjå ein eitt mykje "
    "vore kvar kven nokre andre berre enno gjennom mellom etter under over".split()
)


@lru_cache(maxsize=500_000)
def prior_doc_rate(term: str, lang: str) -> float:
    """Probability that an article in ``lang`` contains ``term``, from wordfreq."""
    if lang == "nn" and term in _NN_COMMON:
        return 1.0
    freq = wordfreq.word_frequency(term, _WORDFREQ.get(lang, lang))
    return min(1.0, freq * _DOC_TOKENS)


def terms(text: str, lang: str) -> list[str]:
    """Lemmas of the words of ``text``; numbers are kept with their digits only."""
    out = []
    for tok in _TOKEN.findall(text):
        if tok[0].isdigit():
            digits = re.sub(r"\D", "", tok.split(",")[0] if "," in tok and len(tok.split(",")[-1]) != 3 else tok)
            if len(digits) >= 2:  # single digits carry no topic
                out.append(digits)
            continue
        low = tok.lower()
        if len(low) < 2:
            continue
        # Capitalised words are mostly names, which lemmatisers mangle ("Ria" → "ri");
        # German capitalises every noun, so there everything is lemmatised.
        out.append(low if tok[0].isupper() and lang != "de" else lemma(low, lang))
    return out


class DocumentFrequencies:
    """Streaming document frequencies per language, smoothed with a wordfreq prior."""

    def __init__(self, *, prior_docs: float = 1000.0) -> None:
        self.prior_docs = prior_docs
        self.docs_: Counter[str] = Counter()
        self.df_: dict[str, Counter[str]] = {}

    def add(self, lang: str, doc_terms: Iterable[str]) -> None:
        """Count one document."""
        self.docs_[lang] += 1
        self.df_.setdefault(lang, Counter()).update(set(doc_terms))

    def idf(self, term: str, lang: str) -> float:
        n = self.docs_[lang]
        df = self.df_.get(lang, {}).get(term, 0)
        prior = self.prior_docs * prior_doc_rate(term, lang)
        return math.log((n + self.prior_docs + 1.0) / (df + prior + 1.0)) + 1.0

    def load(self, lang: str, docs: int, counts: Mapping[str, int]) -> None:
        """Restore persisted counts for ``lang``."""
        self.docs_[lang] = docs
        self.df_[lang] = Counter(counts)


def tfidf(
    body_terms: list[str],
    title_terms: list[str],
    lang: str,
    df: DocumentFrequencies,
    *,
    title_weight: float = 2.0,
    top_k: int = 64,
) -> SparseVector:
    """L2-normalised TF-IDF of an article (title terms count ``title_weight`` times),
    keeping its ``top_k`` heaviest terms."""
    tf: Counter[str] = Counter(body_terms)
    for t in title_terms:
        tf[t] += title_weight
    weights = {t: (1.0 + math.log(c)) * df.idf(t, lang) for t, c in tf.items() if c > 0}
    top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:top_k]
    norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
    return {t: w / norm for t, w in top}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Dot product of two L2-normalised sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())
