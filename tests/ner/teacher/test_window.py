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


def test_wider_windows_reach_four_words_for_a_second_layer() -> None:
    from wortlaut.ner.teacher.window import reach, windows

    sentence = Sentence(("a", "b", "c"), ("O", "B-PER", "O"))
    index = {"a": 0, "b": 1, "c": 2}
    assert reach(0) == 2 and reach(32) == 4
    ids, labels = windows([sentence], index, reach(32))
    assert ids.shape == (3, 9)
    assert ids[1].tolist() == [-1, -1, -1, 0, 1, 2, -1, -1, -1]
    assert np.array_equal(windows([sentence], index)[0], ids[:, 2:7])
    assert labels.tolist() == [0, LABELS.index("B-PER"), 0]


@pytest.mark.parametrize("second_units", [0, 3])
def test_the_trained_scorer_predicts_at_run_time_what_it_predicted_in_training(second_units: int) -> None:
    """Training's numpy forward pass and the numpy-only run-time scorer give the same probabilities."""
    pytest.importorskip("torch", reason="torch (the train extra) is not installed")
    from wortlaut.ner.dense import PieceVectors, TablePieces, scorer_from
    from wortlaut.ner.teacher.window import form_matrix, predict, reach, train_scorer, windows

    table = np.random.default_rng(0).normal(size=(5, 4)).astype(np.float32)
    vectors = PieceVectors(TablePieces(table, lambda word: [ord(char) % 5 for char in word]), 1.0)
    sentences = [
        Sentence(("Olaf", "Scholz", "reist", "nach", "Wien"), ("B-PER", "I-PER", "O", "O", "B-LOC")),
        Sentence(("Die", "NATO", "tagt"), ("O", "B-ORG", "O")),
    ]
    index, matrix = form_matrix(sentences, vectors)
    arrays = train_scorer(matrix, *windows(sentences, index, reach(second_units)), 4, second_units)
    assert ("second" in arrays) == bool(second_units)
    expected = predict(arrays, matrix, sentences, index)
    scorer = scorer_from(arrays, vectors)
    found = np.concatenate([scorer.probabilities(s.words) for s in sentences])
    assert np.allclose(found, expected, atol=1e-5)
