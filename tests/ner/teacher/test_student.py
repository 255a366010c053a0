"""Silver data for the CRF student: reading WikiNews sentences and writing tagged ones (no torch)."""

from __future__ import annotations

import json
from pathlib import Path

from wortlaut.ner.corpus import read_germeval
from wortlaut.ner.teacher.student import MAX_WORDS, MIN_WORDS, wikinews_sentences, write_silver


def _article(folder: Path, name: str, sentences: list[list[str]]) -> None:
    body = {"sentences": [{"tokens": tokens} for tokens in sentences], "tokens": [], "annotations": []}
    (folder / f"{name}.json").write_text(json.dumps(body), encoding="utf-8")


def test_wikinews_sentences_keeps_sentences_of_useful_length(tmp_path: Path) -> None:
    usable = ["Olaf", "Scholz", "reist", "nach", "Paris", "."]
    _article(tmp_path, "a", [usable, ["Kurz", "."], ["Wort"] * (MAX_WORDS + 1)])
    _article(tmp_path, "b", [["Die", "NATO", "tagt", "."]])
    found = list(wikinews_sentences(tmp_path))
    assert found == [tuple(usable), ("Die", "NATO", "tagt", ".")]
    assert all(MIN_WORDS <= len(words) <= MAX_WORDS for words in found)


def test_written_silver_reads_back_as_germeval(tmp_path: Path) -> None:
    sentences = [["Olaf", "Scholz", "reist", "."], ["Die", "NATO", "tagt", "."]]
    tags = [["B-PER", "I-PER", "O", "O"], ["O", "B-ORG", "O", "O"]]
    path = tmp_path / "silver.tsv"
    write_silver(sentences, tags, path)
    read = read_germeval(path)
    assert [list(s.words) for s in read] == sentences
    assert [list(s.tags) for s in read] == tags


def test_folds_and_shares_match_eval_ner_cv() -> None:
    from wortlaut.eval.ner_cv import folds, share_of
    from wortlaut.ner.corpus import Sentence
    from wortlaut.ner.teacher import student

    sentences = [Sentence((str(i),), ("O",)) for i in range(47)]
    assert student.share_of(sentences, 0.34) == share_of(sentences, 0.34)
    finetune = __import__("pytest").importorskip("wortlaut.ner.teacher.finetune", reason="needs torch")
    for fold in (1, 2, 3):
        assert finetune.block_fold(sentences, fold, 3) == folds(sentences, 3)[fold - 1]
