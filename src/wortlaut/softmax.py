"""Softmax regression over named features, shared by the small learned choices.

The event-status model (``claims.status_model``) and the time-direction model (``timex.direction_model``)
each learn a few hundred weights from a few hundred annotated rows. Full-batch gradient descent in numpy is
deterministic, needs no dependency and leaves weights small enough to ship as diffable JSON, so both use
this one implementation: the same arithmetic in the same order as each had on its own.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def vectorise(rows: Sequence[dict[str, float]], names: Sequence[str]) -> np.ndarray:
    """A dense matrix of the rows over the named features (unknown names dropped)."""
    index = {name: i for i, name in enumerate(names)}
    matrix = np.zeros((len(rows), len(names)))
    for r, row in enumerate(rows):
        for name, value in row.items():
            if name in index:
                matrix[r, index[name]] = value
    return matrix


def fit(
    x: np.ndarray, y: np.ndarray, names: Sequence[str], *, l2: float, steps: int, step_size: float
) -> np.ndarray:
    """Weights (features x labels) for targets ``y``; L2 on every weight but the one named ``bias``."""
    penalty = np.array([0.0 if name == "bias" else 1.0 for name in names])[:, None]
    weights = np.zeros((len(names), y.shape[1]))
    for _ in range(steps):
        scores = x @ weights
        scores -= scores.max(axis=1, keepdims=True)
        probs = np.exp(scores)
        probs /= probs.sum(axis=1, keepdims=True)
        weights -= step_size * (x.T @ (probs - y) / max(1, len(x)) + l2 * penalty * weights)
    return weights
