"""Facts stage: figures, names and claims reported by each article."""

from __future__ import annotations

from .figures import Figure, extract_figures, score_figures
from .numbers import Quantity, find_quantities

__all__ = ["Figure", "Quantity", "extract_figures", "find_quantities", "score_figures"]
