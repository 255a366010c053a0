"""Cross-validation over contiguous sentence blocks, and the weighed share of extra data."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from wortlaut.eval.ner import command
from wortlaut.eval.ner_cv import CvOptions, cross_validate, folds, share_of
from wortlaut.ner.corpus import Sentence


def sentences(count: int) -> list[Sentence]:
    made = []
    for number in range(count):
        name = ("Berlin", "B-LOC") if number % 2 else ("Merkel", "B-PER")
        made.append(Sentence(("Heute", "sprach", name[0], "."), ("O", "O", name[1], "O")))
    return made


def test_cv_folds_are_contiguous_blocks_covering_every_sentence_once() -> None:
    data = sentences(10)
    pairs = folds(data, 3)
    tested = [s for _, test in pairs for s in test]
    assert tested == data
    assert [len(test) for _, test in pairs] == [3, 4, 3]
    assert all(len(train) + len(test) == 10 for train, test in pairs)


def test_cv_rejects_impossible_fold_counts() -> None:
    with pytest.raises(ValueError, match="--cv needs"):
        folds(sentences(3), 1)


def test_cv_share_of_extra_data_is_evenly_spaced_and_deterministic() -> None:
    data = sentences(10)
    assert share_of(data, 1.0) == data
    assert share_of(data, 0.5) == data[::2]
    with pytest.raises(ValueError, match="extra share"):
        share_of(data, 0.0)


def test_cv_pools_the_held_out_blocks_of_all_folds() -> None:
    options = CvOptions(groups=("affix",), iterations=5)
    result = cross_validate(sentences(12), 2, options)
    assert len(result.per_fold) == 2
    assert result.pooled.micro(("PER", "ORG", "LOC")).gold == 12


def test_cv_command_passes_penalties_and_groups_through(tmp_path: Path) -> None:
    lines = []
    for number, sentence in enumerate(sentences(8), start=1):
        lines.append(f"# sentence {number}")
        pairs = zip(sentence.words, sentence.tags, strict=True)
        lines += [f"{index}\t{word}\t{tag}\tO" for index, (word, tag) in enumerate(pairs, start=1)]
        lines.append("")
    data = tmp_path / "tiny.tsv"
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    options = ["--cv", "2", "--iterations", "3", "--groups", "affix", "--c1", "0.5", "--c2", "0.25"]
    result = CliRunner().invoke(command, [str(data), *options])
    assert result.exit_code == 0, result.output
    assert "groups=affix c1=0.5 c2=0.25 iterations=3" in result.output


def test_student_cv_with_silver_needs_the_three_teacher_folds() -> None:
    result = CliRunner().invoke(command, ["--cv", "5", "--silver", "silver-fold{fold}.tsv"])
    assert result.exit_code == 2
    assert "need --cv 3" in result.output


def test_student_cv_with_a_missing_silver_file_is_a_one_line_error(tmp_path: Path) -> None:
    missing = str(tmp_path / "silver-fold{fold}.tsv")
    result = CliRunner().invoke(command, ["--cv", "3", "--silver", missing])
    assert result.exit_code == 1
    assert result.output.startswith("error:") and result.output.count("\n") == 1
