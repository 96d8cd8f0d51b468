"""Near-duplicate detection: MinHash signatures of word shingles, banded for LSH.

The band keys live in the store, so the index survives across runs and never
has to be loaded into memory; candidates found through shared band keys are
confirmed by their estimated Jaccard similarity.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash

_WORD = re.compile(r"\w+", re.UNICODE)


def _crc32(data: bytes) -> int:
    return zlib.crc32(data)


class NearDuplicateIndex:
    """Signatures, band keys and the duplicate decision for one parameter set."""

    def __init__(self, *, num_perm: int = 128, bands: int = 16, threshold: float = 0.7,
                 shingle_words: int = 3, seed: int = 1) -> None:
        if num_perm % bands:
            raise ValueError("num_perm must be a multiple of bands")
        self.num_perm = num_perm
        self.bands = bands
        self.threshold = threshold
        self.shingle_words = shingle_words
        self.seed = seed
        # one template MinHash: its permutations are reused by every copy
        self._template = MinHash(num_perm=num_perm, seed=seed, hashfunc=_crc32)

    def shingles(self, text: str) -> set[bytes]:
        words = _WORD.findall(text.casefold())
        k = self.shingle_words
        if len(words) < k:
            return {w.encode() for w in words}
        return {" ".join(words[i : i + k]).encode() for i in range(len(words) - k + 1)}

    def signature(self, text: str) -> np.ndarray:
        """The MinHash signature (``num_perm`` unsigned 32-bit values) of ``text``."""
        m = self._template.copy()
        sh = self.shingles(text)
        if sh:
            m.update_batch(list(sh))
        return m.hashvalues.astype(np.uint32)

    def band_keys(self, sig: np.ndarray) -> list[int]:
        """One signed 64-bit key per band, as SQLite integers want them."""
        rows = self.num_perm // self.bands
        raw = sig.astype("<u4").tobytes()
        keys = []
        for b in range(self.bands):
            digest = hashlib.blake2b(raw[b * rows * 4 : (b + 1) * rows * 4], digest_size=8,
                                     person=b.to_bytes(2, "little")).digest()
            keys.append(int.from_bytes(digest, "little", signed=True))
        return keys

    @staticmethod
    def similarity(a: np.ndarray, b: np.ndarray) -> float:
        """Estimated Jaccard similarity of the shingle sets behind two signatures."""
        return float(np.mean(a == b))

    def best_match(self, sig: np.ndarray, candidates: Iterable[tuple[str, np.ndarray]]) -> tuple[str, float] | None:
        """The most similar candidate at or above the threshold, if any."""
        best: tuple[str, float] | None = None
        for cid, csig in candidates:
            s = self.similarity(sig, csig)
            if s >= self.threshold and (best is None or s > best[1]):
                best = (cid, s)
        return best

    @staticmethod
    def to_bytes(sig: np.ndarray) -> bytes:
        return sig.astype("<u4").tobytes()

    @staticmethod
    def from_bytes(data: bytes) -> np.ndarray:
        return np.frombuffer(data, dtype="<u4")
