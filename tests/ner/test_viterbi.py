"""The NER label Viterbi: the C loop gives numpy's paths, ties and one-token sentences included."""

from __future__ import annotations

import numpy as np
import pytest

from wortlaut.ner import viterbi
from wortlaut.ner.viterbi import best_paths, viterbi_numpy

compiled = pytest.mark.skipif(viterbi._CRF is None, reason="the C extension wortlaut.ner._crf is not built")


def batch(seed: int, sentences: int, labels: int, *, ties: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Random scores, lengths and transitions; with ``ties`` small integers, so equal sums are common."""
    rng = np.random.default_rng(seed)
    lengths = rng.integers(1, 40, size=sentences).astype(np.intp)
    shape = (int(lengths.sum()), labels)
    if ties:
        scores = rng.integers(-2, 3, size=shape).astype(np.float32)
        transitions = rng.integers(-2, 3, size=(labels, labels)).astype(np.float32)
    else:
        scores = rng.normal(size=shape).astype(np.float32)
        transitions = rng.normal(size=(labels, labels)).astype(np.float32)
    return scores, lengths, transitions


@compiled
@pytest.mark.parametrize("ties", [False, True])
def test_c_paths_equal_numpy_paths(ties: bool) -> None:
    for seed in range(20):
        scores, lengths, transitions = batch(seed, 17, 9, ties=ties)
        assert viterbi._CRF.viterbi(scores, lengths.tolist(), transitions) == viterbi_numpy(
            scores, lengths, transitions
        )


def test_best_paths_reads_a_strided_view_and_gives_one_label_per_token() -> None:
    scores, lengths, transitions = batch(7, 5, 9, ties=False)
    wide = np.concatenate([scores, np.zeros_like(scores)], axis=1)[:, :9]  # not contiguous
    paths = best_paths(wide, lengths, transitions)
    assert paths == viterbi_numpy(scores, lengths, transitions)
    assert [len(path) for path in paths] == lengths.tolist()


def test_a_single_token_takes_its_best_label() -> None:
    scores = np.asarray([[0.0, 2.0, 2.0]], dtype=np.float32)  # a tie: the first best label
    assert best_paths(scores, np.asarray([1]), np.zeros((3, 3), dtype=np.float32)) == [[1]]


@compiled
def test_c_rejects_wrong_shapes_and_types() -> None:
    scores, lengths, transitions = batch(3, 4, 9, ties=False)
    with pytest.raises(ValueError, match="sum"):
        viterbi._CRF.viterbi(scores, [*lengths.tolist(), 1], transitions)
    with pytest.raises(TypeError, match="float32"):
        viterbi._CRF.viterbi(scores.astype(np.float64), lengths.tolist(), transitions)
    with pytest.raises(ValueError, match="square"):
        viterbi._CRF.viterbi(scores, lengths.tolist(), transitions[:, :5].copy())
    with pytest.raises(ValueError, match="token"):
        viterbi._CRF.viterbi(scores[:0], [0], transitions)
