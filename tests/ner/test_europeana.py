"""Reading the Europeana Newspapers NER files: broken tags repaired, the stream cut into sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from wortlaut.ner.corpus import CorpusError
from wortlaut.ner.europeana import MAX_SENTENCE, normal_tag, read_europeana, read_europeana_dir


@pytest.mark.parametrize(
    ("raw", "tag"),
    [
        ("B-PER", "B-PER"),
        ("B-PEr", "B-PER"),
        ("B_LOC", "B-LOC"),
        ("B.PER", "B-PER"),
        ("I-MISC", "O"),
        ("Bank", "O"),
    ],
)
def test_europeana_tags_are_normalised(raw: str, tag: str) -> None:
    assert normal_tag(raw) == tag


def test_europeana_stream_is_cut_at_full_stops_and_iob1_repaired(tmp_path: Path) -> None:
    path = tmp_path / "a.bio"
    lines = ["# file: x", "Herr O", "Bismarck I-PER", "sprach O", "in O", "Berlin B-LOC", "lange O", ". O"]
    lines += ["Dann O", "ging O", "er O", "heim O", "zu O", "Hause O", ". O"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    sentences = read_europeana(path)
    assert [len(s.words) for s in sentences] == [7, 7]
    assert sentences[0].tags[:2] == ("O", "B-PER")


def test_europeana_long_runs_are_cut(tmp_path: Path) -> None:
    path = tmp_path / "b.bio"
    path.write_text("".join(f"wort{i} O\n" for i in range(MAX_SENTENCE * 2)), encoding="utf-8")
    assert [len(s.words) for s in read_europeana(path)] == [MAX_SENTENCE, MAX_SENTENCE]


def test_europeana_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="no Europeana"):
        read_europeana_dir(tmp_path)
