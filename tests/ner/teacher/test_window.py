"""Targets of the dense window scorer: hard tags, or the teacher's probabilities (distillation)."""

from __future__ import annotations

import numpy as np
import pytest

from wortlaut.ner.corpus import Sentence
from wortlaut.ner.dense import LABELS
from wortlaut.ner.teacher.window import soft_targets


def test_soft_targets_keep_the_teachers_doubt_and_one_hot_gold() -> None:
    gold = Sentence(("Olaf", "Scholz", "reist"), ("B-PER", "I-PER", "O"))
    silver = Sentence(("Die", "NATO"), ("O", "B-ORG"))
    doubt = np.zeros((2, len(LABELS)), dtype=np.float32)
    doubt[0, 0] = 1.0
    doubt[1, [LABELS.index("B-ORG"), LABELS.index("B-LOC")]] = [0.6, 0.4]
    targets = soft_targets([gold, silver], [None, doubt])
    assert targets.shape == (5, len(LABELS))
    assert [LABELS[i] for i in targets[:3].argmax(axis=1)] == ["B-PER", "I-PER", "O"]
    assert targets[:3].max(axis=1).tolist() == [1.0, 1.0, 1.0]
    assert targets[4, LABELS.index("B-LOC")] == pytest.approx(0.4)
    assert np.allclose(targets.sum(axis=1), 1.0)


def test_soft_rows_of_the_wrong_length_are_refused() -> None:
    silver = Sentence(("Die", "NATO"), ("O", "B-ORG"))
    with pytest.raises(ValueError, match="2-word"):
        soft_targets([silver], [np.ones((3, len(LABELS)), dtype=np.float32)])


def test_soft_weight_mixes_the_probabilities_with_the_hard_tag() -> None:
    silver = Sentence(("NATO",), ("B-ORG",))
    doubt = np.zeros((1, len(LABELS)), dtype=np.float32)
    doubt[0, [LABELS.index("B-ORG"), LABELS.index("B-LOC")]] = [0.6, 0.4]
    targets = soft_targets([silver], [doubt], 0.5)
    assert targets[0, LABELS.index("B-ORG")] == pytest.approx(0.8)
    assert targets[0, LABELS.index("B-LOC")] == pytest.approx(0.2)
    assert np.array_equal(soft_targets([silver], [doubt], 1.0), soft_targets([silver], [doubt]))
