"""``wortlaut eval mood``: CoNLL-U reading, Konjunktiv scoring, the command, and the GSD dev quality gate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from wortlaut.eval.conllu import parse_feats, read_conllu
from wortlaut.eval.mood import command, evaluate, gold_tokens
from wortlaut.morph import MorphAnalyser

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ud"
GATE = Path(__file__).resolve().parents[2] / "src" / "wortlaut" / "eval" / "data" / "mood_gate.json"


@pytest.fixture(scope="module")
def morph() -> MorphAnalyser:
    return MorphAnalyser()


def test_reader_skips_multiword_lines_and_parses_features() -> None:
    sentences = list(read_conllu(FIXTURES / "mini.conllu"))
    assert [len(sentence) for sentence in sentences] == [8, 7, 4]
    assert sentences[0][4].feats["Mood"] == "Sub"
    assert parse_feats("_") == {}


def test_reader_names_file_and_line_of_malformed_input() -> None:
    with pytest.raises(ValueError, match=r"broken.conllu:1: expected 10"):
        list(read_conllu(FIXTURES / "broken.conllu"))


def test_gold_tokens_have_consistent_offsets() -> None:
    sentence = next(read_conllu(FIXTURES / "mini.conllu"))
    tokens = gold_tokens(sentence)
    text = " ".join(word.form for word in sentence)
    assert all(text[t.start:t.end] == t.text for t in tokens)


def test_scores_on_fixture(morph: MorphAnalyser) -> None:
    (score,) = evaluate([FIXTURES / "mini.conllu"], morph)
    assert (score.finite, score.tp, score.fp, score.fn) == (4, 2, 0, 0)
    assert score.precision == score.recall == score.f1 == 1.0


def test_command_prints_scores_and_rejects_missing_files() -> None:
    runner = CliRunner()
    result = runner.invoke(command, [str(FIXTURES / "mini.conllu")])
    assert result.exit_code == 0, result.output
    assert "mini.conllu" in result.output and "1.000" in result.output
    missing = runner.invoke(command, ["no/such.conllu"])
    assert missing.exit_code != 0
    assert "no/such.conllu: no such CoNLL-U file" in missing.output


@pytest.mark.slow
def test_quality_gate_on_gsd_dev(morph: MorphAnalyser) -> None:
    from tests.conftest import shared_path

    path = shared_path("data", "ud-german-gsd", "de_gsd-ud-dev.conllu")
    gate = json.loads(GATE.read_text(encoding="utf-8"))[path.name]
    (score,) = evaluate([path], morph)
    assert score.precision >= gate["precision"]
    assert score.recall >= gate["recall"]
