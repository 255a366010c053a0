"""`python -m wortlaut.ner.train --silver`: teacher-tagged sentences join the gold training side."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from wortlaut.ner.corpus import DEV_FILE, TEST_A_FILE
from wortlaut.ner.model import CrfModel
from wortlaut.ner.teacher.silver import write_silver
from wortlaut.ner.train import main

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "ner" / "mini.tsv"


def _train(tmp_path: Path, *options: str) -> str:
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    shutil.copy(FIXTURE, data / DEV_FILE)
    shutil.copy(FIXTURE, data / TEST_A_FILE)  # 21 sentences: all of them are the held-out slice
    silver = tmp_path / "silver.tsv"
    words = [["Zorblax", "Industries", "meldet", "Gewinn", "."]] * 3
    write_silver(words, [(["B-ORG", "I-ORG", "O", "O", "O"], 0.6)] * 3, silver)
    args = ["--data-dir", str(data), "--out", str(tmp_path / "m.npz"), "--groups", "affix"]
    result = CliRunner().invoke(main, [*args, "--iterations", "20", "--silver", str(silver), *options])
    assert result.exit_code == 0, result.output
    return result.output


def test_silver_sentences_are_added_to_the_gold_ones(tmp_path: Path) -> None:
    output = _train(tmp_path)
    assert "21 gold + 3 silver sentences" in output
    assert "zorblax" in " ".join(CrfModel.load(tmp_path / "m.npz").attributes).lower()


def test_silver_below_the_confidence_threshold_is_left_out(tmp_path: Path) -> None:
    assert "21 gold + 0 silver sentences" in _train(tmp_path, "--min-confidence", "0.9")


def test_prune_drops_the_weak_attributes_of_the_trained_model(tmp_path: Path) -> None:
    _train(tmp_path)
    full = CrfModel.load(tmp_path / "m.npz")
    _train(tmp_path, "--prune", "0.05")
    pruned = CrfModel.load(tmp_path / "m.npz")
    assert 0 < len(pruned.attributes) < len(full.attributes)
    assert pruned.attributes == full.pruned(0.05).attributes
