"""Span scoring and the NER quality gate on GermEval 2014's held-out slice."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import shared_path
from wortlaut.eval.ner import command
from wortlaut.eval.spans import SpanScorer, bio_spans
from wortlaut.ner import load_tagger
from wortlaut.ner.corpus import HELD_OUT_SIZE, TEST_A_FILE, read_germeval, split_test_a
from wortlaut.ner.train import score

#: Measured micro F1 (PER+ORG+LOC) on the held-out slice, minus a small margin for
#: platform differences; see docs/quality.md for the measurement.
MIN_HELD_OUT_F1 = 0.72


@pytest.mark.parametrize(
    ("tags", "spans"),
    [
        (["B-PER", "I-PER", "O", "B-LOC"], [(0, 2, "PER"), (3, 4, "LOC")]),
        (["I-ORG", "I-ORG", "O"], [(0, 2, "ORG")]),
        (["B-PER", "B-PER", "I-LOC"], [(0, 1, "PER"), (1, 2, "PER"), (2, 3, "LOC")]),
        (["O", "O"], []),
        ([], []),
    ],
)
def test_bio_spans(tags: list[str], spans: list[tuple[int, int, str]]) -> None:
    assert bio_spans(tags) == spans


def test_scorer_counts_only_exact_matches() -> None:
    scorer = SpanScorer()
    scorer.add(gold=[(0, 2, "PER"), (3, 4, "LOC")], predicted=[(0, 1, "PER"), (3, 4, "LOC"), (5, 6, "ORG")])
    assert (scorer.score("LOC").precision, scorer.score("LOC").recall) == (1.0, 1.0)
    assert scorer.score("PER").f1 == 0.0
    assert scorer.score("ORG").precision == 0.0
    micro = scorer.micro(["PER", "ORG", "LOC"])
    assert (micro.correct, micro.predicted, micro.gold) == (1, 3, 2)
    assert micro.f1 == pytest.approx(2 * (1 / 3) * (1 / 2) / (1 / 3 + 1 / 2))


def test_empty_scorer_gives_zero_not_an_error() -> None:
    assert SpanScorer().score("PER").f1 == 0.0


def test_held_out_slice_is_the_end_of_test_a() -> None:
    items = list(range(HELD_OUT_SIZE + 7))
    train, held_out = split_test_a(items)  # type: ignore[arg-type]
    assert train == list(range(7)) and len(held_out) == HELD_OUT_SIZE


@pytest.mark.slow
def test_quality_gate_on_held_out_slice() -> None:
    test_a = read_germeval(shared_path("data", "ner-germeval2014", TEST_A_FILE))
    scorer = score(load_tagger(), split_test_a(test_a)[1])
    assert scorer.micro(("PER", "ORG", "LOC")).f1 >= MIN_HELD_OUT_F1


def test_command_reports_a_missing_file_cleanly(tmp_path: Path) -> None:
    result = CliRunner().invoke(command, [str(tmp_path / "missing.tsv")])
    assert result.exit_code == 1
    assert "no such GermEval file" in result.output
