"""The NER model file: pruning weak attributes."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from wortlaut.ner.model import CrfModel
from wortlaut.ner.tagger import NerTagger


def _model() -> CrfModel:
    weights = np.array([[0.5, -0.1], [0.01, -0.02], [0.0, -0.3], [0.04, 0.0]], dtype=np.float32)
    transitions = np.array([[0.2, -0.1], [0.0, 0.3]], dtype=np.float32)
    attributes = ("w=rutte", "w=der", "s=Xx", "-1:w=herr")
    return CrfModel(("B-PER", "O"), attributes, weights, transitions, ("affix",))


def test_pruned_model_drops_attributes_whose_weights_are_all_small() -> None:
    pruned = _model().pruned(0.05)
    assert pruned.attributes == ("w=rutte", "s=Xx")
    assert np.array_equal(pruned.weights, _model().weights[[0, 2]])
    assert np.array_equal(pruned.transitions, _model().transitions)
    assert pruned.labels == ("B-PER", "O") and pruned.groups == ("affix",)


def test_pruning_at_zero_keeps_the_model(tmp_path: Path) -> None:
    model = _model()
    model.pruned(0.0).save(tmp_path / "same.npz")
    assert CrfModel.load(tmp_path / "same.npz").attributes == model.attributes


def test_cleared_cache_gives_the_same_scores() -> None:
    tagger = NerTagger(_model())
    words = ["Herr", "Rutte", "der"]
    before = tagger.tag_bio(words)
    scores = tagger._form("Rutte").copy()
    tagger.clear_cache()
    assert tagger._cache == {}
    assert np.array_equal(tagger._form("Rutte"), scores)
    assert tagger.tag_bio(words) == before
