"""The NER model file: CRF weights exported from crfsuite into one ``.npz`` archive.

Tagging with the weights directly (:mod:`wortlaut.ner.tagger`) lets the
tagger cache each word form's summed feature weights, so a sentence costs a
few array additions and a Viterbi pass instead of re-sending every feature
string to crfsuite.  The archive holds ``labels``, ``attributes`` (feature
names), ``weights`` (attributes x labels), ``transitions`` (labels x labels)
and ``groups`` (the feature groups it was trained with), and loads with
``numpy.load(allow_pickle=False)``.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float32]


class NerModelError(RuntimeError):
    """The NER model file is missing or unreadable."""


@dataclass(frozen=True)
class CrfModel:
    """Linear-chain CRF weights with label and feature names."""

    labels: tuple[str, ...]
    attributes: tuple[str, ...]
    weights: FloatArray
    transitions: FloatArray
    groups: tuple[str, ...]

    @classmethod
    def from_crfsuite(cls, path: Path, groups: tuple[str, ...]) -> CrfModel:
        """Export a trained crfsuite model's state and transition weights."""
        import pycrfsuite

        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        info = tagger.info()
        labels = tuple(sorted(info.labels, key=lambda label: int(info.labels[label])))
        column = {label: index for index, label in enumerate(labels)}
        attributes = tuple(sorted({attribute for attribute, _ in info.state_features}))
        row = {attribute: index for index, attribute in enumerate(attributes)}
        weights = np.zeros((len(attributes), len(labels)), dtype=np.float32)
        for (attribute, label), weight in info.state_features.items():
            weights[row[attribute], column[label]] = weight
        transitions = np.zeros((len(labels), len(labels)), dtype=np.float32)
        for (source, target), weight in info.transitions.items():
            transitions[column[source], column[target]] = weight
        tagger.close()
        return cls(labels, attributes, weights, transitions, groups)

    def pruned(self, threshold: float) -> CrfModel:
        """The model without the attributes whose every label weight is below ``threshold`` in size.

        Why: a feature that moves no label score by more than ``threshold`` barely changes a
        Viterbi path, yet every known feature costs the tagger a look-up and a row to sum.
        The transitions are kept whole.
        """
        keep = np.abs(self.weights).max(axis=1) >= threshold
        attributes = tuple(name for name, kept in zip(self.attributes, keep, strict=True) if kept)
        return CrfModel(self.labels, attributes, self.weights[keep], self.transitions, self.groups)

    def save(self, path: Path) -> None:
        """Write the compressed archive."""
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            np.savez_compressed(
                handle,
                labels=np.array(self.labels),
                attributes=np.array(self.attributes),
                weights=self.weights,
                transitions=self.transitions,
                groups=np.array(self.groups),
            )

    @classmethod
    def load(cls, path: Path) -> CrfModel:
        """Read an archive written by :meth:`save`; raises :class:`NerModelError` when unreadable."""
        try:
            with np.load(path, allow_pickle=False) as data:
                model = cls(
                    labels=tuple(str(label) for label in data["labels"]),
                    attributes=tuple(str(name) for name in data["attributes"]),
                    weights=data["weights"].astype(np.float32),
                    transitions=data["transitions"].astype(np.float32),
                    groups=tuple(str(group) for group in data["groups"]),
                )
        except (OSError, ValueError, KeyError, zipfile.BadZipFile) as error:
            raise NerModelError(f"{path}: not a readable NER model ({error})") from error
        shape = (len(model.attributes), len(model.labels))
        if model.weights.shape != shape or model.transitions.shape != (shape[1], shape[1]):
            raise NerModelError(f"{path}: NER model arrays do not match its label and feature lists")
        return model
