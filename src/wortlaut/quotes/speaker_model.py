"""A logistic-regression speaker ranker over cue candidates, with its training and file format.

Every candidate of a cue gets a probability of being (part of) the annotated speaker; the best one
wins when its probability reaches the model's threshold, else the cue keeps no speaker.  Training is
plain L2-regularised logistic regression by batch gradient descent (numpy only: small, exact,
reproducible).  The model file is JSON: feature weights, bias, threshold and where it was trained.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
DEFAULT_MODEL = MODELS_DIR / "speaker-parliament" / "model.json"
#: Gradient steps and step size: the loss on train stops moving well before 300 steps at this rate.
STEPS = 300
LEARNING_RATE = 0.5
#: L2 strength (1e-4, 1e-3, 1e-2 compared by 5-fold cross-validation on the training corpus).
L2 = 1e-3
#: Features seen fewer times than this in training are dropped (noise, and a smaller model file).
MIN_COUNT = 2


@dataclass
class SpeakerModel:
    """Weights per feature; ``score`` is the probability that a candidate is the speaker."""

    weights: dict[str, float]
    bias: float = 0.0
    threshold: float = 0.5
    meta: dict[str, Any] = field(default_factory=dict)

    def score(self, feats: Sequence[str]) -> float:
        value = self.bias + sum(self.weights.get(feat, 0.0) for feat in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, value))))

    def best(self, feature_lists: Sequence[Sequence[str]]) -> int | None:
        """Index of the winning candidate, or ``None`` when none reaches the threshold."""
        if not feature_lists:
            return None
        scores = [self.score(feats) for feats in feature_lists]
        top = max(range(len(scores)), key=scores.__getitem__)
        return top if scores[top] >= self.threshold else None

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {
            "bias": round(self.bias, 5),
            "threshold": self.threshold,
            "meta": self.meta,
            "weights": {feat: round(weight, 5) for feat, weight in sorted(self.weights.items()) if weight},
        }
        path.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path = DEFAULT_MODEL) -> SpeakerModel:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as error:
            raise ValueError(f"{path}: not a readable speaker model ({error})") from None
        return cls(
            weights={str(k): float(v) for k, v in data["weights"].items()},
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
            meta=dict(data.get("meta", {})),
        )


def train(
    feature_lists: Sequence[Sequence[str]], labels: Sequence[int], *, l2: float = L2, steps: int = STEPS
) -> SpeakerModel:
    """Fit weights on candidate feature lists with 0/1 labels."""
    counts: dict[str, int] = {}
    for feats in feature_lists:
        for feat in set(feats):
            counts[feat] = counts.get(feat, 0) + 1
    vocabulary = sorted(feat for feat, count in counts.items() if count >= MIN_COUNT and feat != "bias")
    index = {feat: position for position, feat in enumerate(vocabulary)}
    rows, cols = [], []
    for row, feats in enumerate(feature_lists):
        for feat in set(feats):
            if feat in index:
                rows.append(row)
                cols.append(index[feat])
    n, d = len(feature_lists), len(vocabulary)
    y = np.asarray(labels, dtype=np.float64)
    rows_a, cols_a = np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64)
    w, b = np.zeros(d), 0.0
    for _ in range(steps):
        z = np.bincount(rows_a, weights=w[cols_a], minlength=n) + b
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        error = p - y
        grad = np.bincount(cols_a, weights=error[rows_a], minlength=d) / n + l2 * w
        w -= LEARNING_RATE * grad * _scale(cols_a, d, n)
        b -= LEARNING_RATE * float(error.mean())
    return SpeakerModel(weights=dict(zip(vocabulary, w.tolist(), strict=True)), bias=b)


def _scale(cols: np.ndarray, d: int, n: int) -> np.ndarray:
    """Per-feature step scaling (rare features get larger steps: a cheap diagonal preconditioner)."""
    frequency = np.bincount(cols, minlength=d) / max(n, 1)
    return 1.0 / np.sqrt(np.maximum(frequency, 1e-3))
