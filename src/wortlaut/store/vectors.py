"""An in-memory matrix of unit vectors and a bounded top-k by dot product.

Search by meaning over a whole store is one matrix–vector product: the
statement vectors (unit length, so the dot product is the cosine) sit in one
contiguous matrix, scored in chunks so that a time limit can stop a search
between chunks, and the best ``k`` of each chunk are picked with
``argpartition`` (linear time) before the few survivors are sorted.  No SQL
here: :mod:`wortlaut.store.semantic` fills the matrix from the store, and the
benchmark fills it with random vectors.
"""

from __future__ import annotations

import time
from collections.abc import Collection
from dataclasses import dataclass

import numpy as np

from wortlaut.store.errors import QueryTimeoutError

#: Rows scored per step: 65,536 rows of 384 float32 are 100 MB, small enough that the time limit is
#: checked every few milliseconds and large enough that the per-chunk overhead stays below 1 %.
CHUNK_ROWS = 65_536


@dataclass(frozen=True, slots=True)
class VectorIndex:
    """Row ``i`` of ``matrix`` is the vector of ``keys[i]`` (a text key); rows have unit length."""

    keys: tuple[str, ...]
    matrix: np.ndarray

    @classmethod
    def build(
        cls, keys: list[str], vectors: list[np.ndarray], dim: int, *, dtype: str = "float32"
    ) -> VectorIndex:
        """Stack ``vectors`` into one contiguous matrix (``float16`` halves the memory)."""
        matrix = np.zeros((len(vectors), dim), dtype=dtype)
        for row, vector in enumerate(vectors):
            matrix[row] = vector
        return cls(tuple(keys), matrix)

    def __len__(self) -> int:
        return len(self.keys)

    def top(
        self,
        query: np.ndarray,
        k: int,
        *,
        exclude: Collection[int] = (),
        deadline: float | None = None,
    ) -> list[tuple[int, float]]:
        """The ``k`` rows most like ``query`` as ``(row, cosine)``, best first, skipping ``exclude``.

        Raises :class:`QueryTimeoutError` when ``deadline`` (a ``time.monotonic()``
        value) passes between two chunks.
        """
        if k <= 0 or not len(self.keys):
            return []
        query = np.asarray(query, dtype=np.float32).reshape(-1)
        want = k + len(exclude)
        rows: list[np.ndarray] = []
        scores: list[np.ndarray] = []
        for start in range(0, len(self.keys), CHUNK_ROWS):
            if deadline is not None and time.monotonic() > deadline:
                raise QueryTimeoutError("semantic search took longer than its time limit and was stopped")
            chunk = self.matrix[start : start + CHUNK_ROWS]
            chunk_scores = chunk @ query.astype(chunk.dtype, copy=False)
            best = _best(chunk_scores, want)
            rows.append(best + start)
            scores.append(chunk_scores[best].astype(np.float32))
        all_rows, all_scores = np.concatenate(rows), np.concatenate(scores)
        order = np.argsort(-all_scores, kind="stable")
        skip = set(exclude)
        found = [(int(all_rows[i]), float(all_scores[i])) for i in order if int(all_rows[i]) not in skip]
        return found[:k]


def _best(scores: np.ndarray, count: int) -> np.ndarray:
    """Indices of the ``count`` highest scores, unordered (all indices when there are fewer)."""
    if count >= len(scores):
        return np.arange(len(scores))
    return np.argpartition(-scores, count - 1)[:count]
