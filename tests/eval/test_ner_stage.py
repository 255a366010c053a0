"""Scoring the whole entity stage on tokenised GermEval-style sentences."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from wortlaut.eval.ner import command
from wortlaut.eval.ner_stage import score_stage, stage_spans
from wortlaut.ner.corpus import Sentence
from wortlaut.pipeline import default_pipeline

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "ner" / "mini.tsv"


def test_stage_names_map_back_to_token_ranges_and_parts_are_left_out() -> None:
    words = ["Olaf", "Scholz", "traf", "Soldaten", "der", "US-Armee", "in", "Paris", "."]
    spans = stage_spans(words, default_pipeline())
    assert (0, 2, "PER") in spans and (7, 8, "LOC") in spans
    assert all(words[first:last] != ["US-Armee"] for first, last, _ in spans)
    assert all(label in {"PER", "ORG", "LOC", "OTH"} for _, _, label in spans)


def test_stage_scores_count_exact_spans() -> None:
    sentence = Sentence(
        words=("Olaf", "Scholz", "besuchte", "Paris", "."),
        tags=("B-PER", "I-PER", "O", "B-LOC", "O"),
    )
    scorer = score_stage([sentence])
    assert scorer.micro(("PER", "ORG", "LOC")).f1 == 1.0


def test_eval_ner_command_scores_the_stage_on_a_file() -> None:
    fixture = FIXTURE
    result = CliRunner().invoke(command, [str(fixture), "--slice", "all", "--system", "stage"])
    assert result.exit_code == 0, result.output
    assert "entity stage" in result.output and "PER+ORG+LOC" in result.output


def test_eval_ner_command_refuses_a_model_for_the_stage() -> None:
    fixture = FIXTURE
    result = CliRunner().invoke(command, [str(fixture), "--system", "stage", "--model", str(fixture)])
    assert result.exit_code == 2 and "--model applies to --system tagger only" in result.output
