"""The dense window scorer's numpy side: word vectors, the precomputed forward pass, CRF features."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from wortlaut.ner.dense import (
    LABELS,
    SHAPE_BITS,
    WINDOW,
    DenseEmissions,
    PieceVectors,
    TablePieces,
    WindowScorer,
    dense_features,
    shape_bits,
)
from wortlaut.ner.stacked import SECOND_WINDOW, SecondWindow
from wortlaut.ner.teacher.weights import BLOCK, Q4Rows, dequantize_q4

WIDTH = 4
HIDDEN = 3


def _source() -> TablePieces:
    """A three-piece table; a word's pieces are its characters' codes modulo 3."""
    table = np.arange(3 * WIDTH, dtype=np.float32).reshape(3, WIDTH) / 10
    return TablePieces(table, lambda word: [ord(char) % 3 for char in word])


def _vectors() -> PieceVectors:
    return PieceVectors(_source(), scale=1.0)


def _scorer(seed: int = 0, second_units: int = 0) -> WindowScorer:
    """Random weights; with ``second_units`` a second window layer of that many units."""
    rng = np.random.default_rng(seed)
    width = WIDTH + SHAPE_BITS
    second = None
    if second_units:
        second = SecondWindow(
            rng.normal(size=(len(SECOND_WINDOW), HIDDEN, second_units)).astype(np.float32),
            rng.normal(size=(len(SECOND_WINDOW), second_units)).astype(np.float32),
            rng.normal(size=second_units).astype(np.float32),
        )
    return WindowScorer(
        _vectors(),
        rng.normal(size=(len(WINDOW), width, HIDDEN)).astype(np.float32),
        rng.normal(size=(len(WINDOW), HIDDEN)).astype(np.float32),
        rng.normal(size=HIDDEN).astype(np.float32),
        rng.normal(size=(HIDDEN + second_units, len(LABELS))).astype(np.float32),
        rng.normal(size=len(LABELS)).astype(np.float32),
        second,
    )


def test_shape_bits_tell_capitalised_names_from_acronyms_and_numbers() -> None:
    assert shape_bits("Merkel")[:3] == [1.0, 0.0, 0.0]
    assert shape_bits("NATO")[:2] == [1.0, 1.0]
    assert shape_bits("2024")[2] == 1.0 and shape_bits("2024")[4] == 1.0
    assert shape_bits("SPD-Chef")[3] == 1.0
    assert len(shape_bits("x")) == SHAPE_BITS


def test_a_word_vector_is_the_mean_of_its_pieces_and_its_shape_bits() -> None:
    vector = _vectors().vector("ab")  # pieces 97 % 3 = 1 and 98 % 3 = 2
    table = np.arange(3 * WIDTH, dtype=np.float32).reshape(3, WIDTH) / 10
    assert np.allclose(vector[:WIDTH], (table[1] + table[2]) / 2)
    assert vector[WIDTH:].tolist() == shape_bits("ab")


def _direct(scorer: WindowScorer, words: list[str]) -> np.ndarray:
    """The window network computed without the per-form cache, token by token, loop by loop."""
    vectors = [scorer._vectors.vector(word) for word in words]
    units = []
    for index in range(len(words)):
        hidden = scorer._bias.copy()
        for place, offset in enumerate(WINDOW):
            other = index + offset
            inside = 0 <= other < len(words)
            hidden += vectors[other] @ scorer._first[place] if inside else scorer._pad[place]
        units.append(np.tanh(hidden))
    second = scorer._second
    if second is not None:  # each token's second layer reads its neighbours' first-layer units
        wide = []
        for index in range(len(words)):
            summed = second.bias.copy()
            for place, offset in enumerate(SECOND_WINDOW):
                other = index + offset
                inside = 0 <= other < len(words)
                summed += units[other] @ second.weights[place] if inside else second.pad[place]
            wide.append(np.concatenate([units[index], np.tanh(summed)]))
        units = wide
    rows = []
    for row in units:
        logits = row @ scorer._out + scorer._out_bias
        rows.append(np.exp(logits) / np.exp(logits).sum())
    return np.asarray(rows)


@pytest.mark.parametrize("second_units", [0, 2])
@pytest.mark.parametrize(
    "words", [["Angela"], ["Angela", "Merkel"], ["Die", "NATO", "tagt", "in", "Brüssel", "."]]
)
def test_the_precomputed_forward_pass_equals_the_direct_one(words: list[str], second_units: int) -> None:
    scorer = _scorer(second_units=second_units)
    found = scorer.probabilities(words)
    assert found.shape == (len(words), len(LABELS))
    assert np.allclose(found, _direct(scorer, words), atol=1e-5)
    assert np.allclose(found.sum(axis=1), 1.0, atol=1e-5)


@pytest.mark.parametrize("second_units", [0, 2])
def test_a_saved_scorer_reads_back_the_same(tmp_path: Path, second_units: int) -> None:
    scorer = _scorer(3, second_units)
    scorer.save(tmp_path / "scorer.npz")
    again = WindowScorer.load(tmp_path / "scorer.npz", _source())
    assert (again._second is None) == (second_units == 0)
    words = ["Olaf", "Scholz", "sagte", "am", "Montag", "in", "Berlin"]
    assert np.allclose(again.probabilities(words), scorer.probabilities(words))


def test_the_second_window_lets_a_word_four_places_away_change_a_tokens_scores() -> None:
    """The first layer alone sees two words each side; stacked, the scores reach four."""
    words = ["Herr", "Rutte", "reist", "nach", "Wien"]
    changed = ["x", *words[1:]]  # four places before "Wien"
    for second_units, moves in ((0, False), (2, True)):
        scorer = _scorer(6, second_units)
        last = scorer.probabilities(words)[-1], scorer.probabilities(changed)[-1]
        assert (not np.array_equal(*last)) == moves


def test_dense_features_give_each_label_a_value_and_the_neighbours_best_labels() -> None:
    probabilities = np.zeros((2, len(LABELS)), dtype=np.float32)
    probabilities[0, LABELS.index("B-PER")] = 0.9
    probabilities[0, 0] = 0.1
    probabilities[1, LABELS.index("I-PER")] = 0.6
    probabilities[1, 0] = 0.4
    first, second = dense_features(probabilities)
    assert first["dp=B-PER"] == pytest.approx(0.9)
    assert first["da=B-PER|2"] == 1.0  # 0.9 lies between the bins' 0.8 and 0.95
    assert first["1:da=I-PER"] == 1.0 and "-1:da=B-PER" not in first
    assert second["-1:da=B-PER"] == 1.0 and second["da=I-PER|1"] == 1.0


def _string_route(
    scorer: WindowScorer, words: list[str], rows: dict[str, int], weights: np.ndarray
) -> np.ndarray:
    """What crfsuite sums: each dense feature's value times its weight row (absent rows weigh nothing)."""
    expected = np.zeros((len(words), weights.shape[1]), dtype=np.float32)
    for index, features in enumerate(dense_features(scorer.probabilities(words))):
        for name, value in features.items():
            if name in rows:
                expected[index] += value * weights[rows[name]]
    return expected


def test_dense_emissions_equal_the_weights_of_the_dense_feature_strings() -> None:
    """The tagger's table route, over a batch, gives what crfsuite would sum per sentence."""
    scorer = _scorer(5)
    sentences = [["Der", "Bundestag", "in", "Berlin", "."], ["Olaf"], ["Scholz", "spricht"]]
    features = [row for words in sentences for row in dense_features(scorer.probabilities(words))]
    names = sorted({name for row in features for name in row})
    names.remove(names[1])  # a pruned attribute weighs nothing
    weights = np.random.default_rng(7).normal(size=(len(names), 4)).astype(np.float32)
    rows = {name: index for index, name in enumerate(names)}
    found = DenseEmissions(scorer, rows, weights).scores(sentences)
    assert [len(scores) for scores in found] == [5, 1, 2]
    for words, scores in zip(sentences, found, strict=True):
        assert np.allclose(scores, _string_route(scorer, words, rows, weights), atol=1e-5)


@pytest.mark.parametrize("second_units", [0, 2])
def test_batched_probabilities_equal_one_sentence_at_a_time(second_units: int) -> None:
    scorer = _scorer(2, second_units)
    sentences = [["A"], ["Die", "NATO", "tagt"], ["in", "Brüssel"]]
    batch = scorer.batch_probabilities(sentences)
    assert np.allclose(batch, np.concatenate([_direct(scorer, words) for words in sentences]), atol=1e-5)


def test_packed_rows_dequantize_like_the_whole_table() -> None:
    rng = np.random.default_rng(1)
    rows, width = 5, 2 * BLOCK
    blocks = rng.integers(0, 256, size=(rows * width // BLOCK, 18), dtype=np.uint8)
    scales = np.full(len(blocks), 0.5, dtype=np.float16)
    blocks[:, :2] = np.frombuffer(scales.tobytes(), np.uint8).reshape(-1, 2)
    whole = dequantize_q4(blocks.tobytes(), rows * width).reshape(rows, width)
    assert np.array_equal(Q4Rows(blocks.tobytes(), rows, width)[[3, 0, 3]], whole[[3, 0, 3]])


def test_a_full_form_cache_is_emptied_between_batches_without_changing_scores(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("wortlaut.ner.dense.FORM_CACHE_LIMIT", 4)
    scorer = _scorer(4)
    sentences = [["Die", "NATO", "tagt"], ["in", "Brüssel", "und", "Paris"], ["Die", "NATO"]]
    for words in sentences:
        assert np.allclose(scorer.batch_probabilities([words]), _direct(scorer, words), atol=1e-5)
