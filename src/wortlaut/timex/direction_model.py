"""A learned direction for relative dates: a small multinomial logistic regression over
:mod:`wortlaut.timex.choice` features (issue 15l).

Why: the rules' direction (tense cues, grammar) was written by reading development sets, and its gains
there did not reach unseen text. Where annotated TIMEX3 exist, the gold value says which reading was
right, so the choice can be learned and judged by document-grouped cross-validation against the rules'
own choice on the same folds (``wortlaut.eval.timex_direction``). A gold value can agree with several
readings (a past and a nearest reading are often the same day), so the target is the set of right
readings, spread evenly (soft labels). Pure numpy. No weights ship: under grouped CV the model did not
beat the rules' choice (docs/quality.md, "Twelfth session (issue 15l)"), and the only annotated text is
non-commercial or publishers' material; ``wortlaut.eval.timex_direction --save PATH`` writes weights, and
``TimeFinder(chooser=load(PATH))`` uses them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from wortlaut.softmax import fit, vectorise
from wortlaut.timex.choice import READINGS, DecisionPoint, direction_of

#: Full-batch gradient steps and step size; a few hundred points converge well within this (the loss
#: changes by less than 0.001 between 1,500 and 3,000 steps at L2 0.01, measured 2026-12-07).
STEPS = 1500
STEP_SIZE = 0.5
#: The L2 penalty, fixed before the first run (not tuned on the folds): strong enough that a feature seen
#: in a handful of points cannot outvote the rules' reading on its own.
L2 = 0.01


@dataclass(frozen=True, slots=True)
class DirectionModel:
    """Weights over named features for the three readings."""

    features: tuple[str, ...]
    weights: np.ndarray  # (features, readings)
    l2: float

    def reading(self, features: dict[str, float]) -> str:
        """The most probable reading (``past``, ``future`` or ``none``)."""
        row = vectorise([features], self.features)
        return READINGS[int(np.argmax(row @ self.weights))]

    def __call__(self, point: DecisionPoint) -> str | None:
        """The finder's chooser: the direction of the model's reading."""
        return direction_of(self.reading(point.features))

    def to_json(self) -> dict[str, Any]:
        return {
            "features": list(self.features),
            "readings": list(READINGS),
            "weights": np.round(self.weights, 5).tolist(),
            "l2": self.l2,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DirectionModel:
        if tuple(data["readings"]) != READINGS:
            raise ValueError(f"timex-direction: readings {data['readings']} are not {READINGS}")
        return cls(
            features=tuple(data["features"]),
            weights=np.asarray(data["weights"], dtype=float),
            l2=float(data["l2"]),
        )


def targets(right: Sequence[frozenset[str]]) -> np.ndarray:
    """Soft labels: each point's right readings share its weight evenly."""
    y = np.zeros((len(right), len(READINGS)))
    for r, names in enumerate(right):
        for name in names:
            y[r, READINGS.index(name)] = 1.0 / len(names)
    return y


def train(
    rows: Sequence[dict[str, float]], right: Sequence[frozenset[str]], *, l2: float = L2
) -> DirectionModel:
    """Softmax regression by full-batch gradient descent, L2 on all weights but the bias."""
    names = tuple(sorted({name for row in rows for name in row}))
    weights = fit(vectorise(rows, names), targets(right), names, l2=l2, steps=STEPS, step_size=STEP_SIZE)
    return DirectionModel(features=names, weights=weights, l2=l2)


def save(model: DirectionModel, path: Path) -> Path:
    """Writes the weights as JSON (small, diffable)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(model.to_json(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    return path


def load(path: Path) -> DirectionModel:
    """A model written by :func:`save`."""
    return DirectionModel.from_json(json.loads(path.read_text(encoding="utf-8")))
