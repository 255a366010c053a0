"""Silver files with the teacher's confidence, the parliament reader, and the CV student's silver choice."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from wortlaut.ner.corpus import CorpusError, Sentence, read_germeval
from wortlaut.ner.spans import Score, SpanScorer
from wortlaut.ner.teacher.cv import fold_silver
from wortlaut.ner.teacher.silver import (
    MAX_WORDS,
    confident,
    parliament_sentences,
    read_silver,
    read_soft,
    source_sentences,
    write_silver,
    write_soft,
)


def test_silver_keeps_each_sentences_confidence_and_still_reads_as_germeval(tmp_path: Path) -> None:
    sentences = [["Olaf", "Scholz", "reist", "."], ["Die", "NATO", "tagt", "."]]
    tagged = [(["B-PER", "I-PER", "O", "O"], 0.91234), (["O", "B-ORG", "O", "O"], 0.5)]
    path = tmp_path / "silver.tsv"
    write_silver(sentences, tagged, path)
    read = read_silver(path)
    assert [list(s.words) for s, _ in read] == sentences
    assert [list(s.tags) for s, _ in read] == [tags for tags, _ in tagged]
    assert [sure for _, sure in read] == [0.9123, 0.5]
    assert [s for s, _ in read] == read_germeval(path)


def test_silver_without_confidence_lines_counts_as_sure(tmp_path: Path) -> None:
    path = tmp_path / "old.tsv"
    path.write_text("1\tBerlin\tB-LOC\tO\n2\twächst\tO\tO\n", encoding="utf-8")
    assert read_silver(path) == [(Sentence(("Berlin", "wächst"), ("B-LOC", "O")), 1.0)]


def test_confident_keeps_sentences_at_or_above_the_threshold() -> None:
    a, b = Sentence(("a",), ("O",)), Sentence(("b",), ("O",))
    assert confident([(a, 0.9), (b, 0.6)], 0.9) == [a]
    assert confident([(a, 0.9), (b, 0.6)], 0.0) == [a, b]


def test_parliament_sentences_reads_gepade_tokens_of_useful_length(tmp_path: Path) -> None:
    speech = {
        "Sentences": [
            {"SentenceId": 1, "Tokens": ["Frau", "Präsidentin", "!"]},
            {"SentenceId": 2, "Tokens": ["Der", "Bundestag", "hat", "beschlossen", "."]},
            {"SentenceId": 3, "Tokens": ["und"] * (MAX_WORDS + 1)},
        ],
        "Annotations": [],
    }
    (tmp_path / "rede.json").write_text(json.dumps(speech), encoding="utf-8")
    assert list(parliament_sentences(tmp_path)) == [("Der", "Bundestag", "hat", "beschlossen", ".")]


def test_unknown_source_is_named_in_the_error() -> None:
    with pytest.raises(ValueError, match="unknown silver source 'europarl'"):
        source_sentences("europarl")


def test_fold_silver_reads_the_folds_own_file_and_filters_before_the_share(tmp_path: Path) -> None:
    for fold in (1, 2):
        words = [[f"w{fold}{i}", "x", "y", "z"] for i in range(4)]
        tagged = [(["O"] * 4, sure) for sure in (0.99, 0.2, 0.95, 0.97)]
        write_silver(words, tagged, tmp_path / f"s-fold{fold}.tsv")
    pattern = str(tmp_path / "s-fold{fold}.tsv")
    kept = fold_silver((pattern,), 2, 0.9, 1.0)
    assert [s.words[0] for s in kept] == ["w20", "w22", "w23"]
    assert [s.words[0] for s in fold_silver((pattern,), 1, 0.9, 0.5)] == ["w10", "w13"]
    with pytest.raises(CorpusError, match="no such silver file"):
        fold_silver((pattern,), 3, 0.0, 1.0)


def test_span_counts_pool_across_scorers() -> None:
    first, second, pooled = SpanScorer(), SpanScorer(), SpanScorer()
    first.add([(0, 2, "PER")], [(0, 2, "PER"), (3, 4, "ORG")])
    second.add([(1, 2, "LOC")], [])
    for scorer in (first, second):
        pooled.add_counts(scorer.counts())
    assert pooled.micro(("PER", "ORG", "LOC")) == Score(1, 2, 2)
    assert pooled.counts() == {"LOC": [0, 0, 1], "ORG": [0, 1, 0], "PER": [1, 1, 1]}


def test_soft_probabilities_read_back_per_sentence_in_order(tmp_path: Path) -> None:
    rows = [np.full((4, 9), 1 / 9, dtype=np.float32), np.eye(9, dtype=np.float32)[[0, 3, 0]]]
    write_soft(rows, tmp_path / "soft.npz")
    read = read_soft(tmp_path / "soft.npz")
    assert [r.shape for r in read] == [(4, 9), (3, 9)]
    assert read[1].argmax(axis=1).tolist() == [0, 3, 0]
    assert np.allclose(read[0], 1 / 9, atol=1e-3)


def test_missing_soft_file_is_a_corpus_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError):
        read_soft(tmp_path / "none.npz")
