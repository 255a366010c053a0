"""The generated place list: which names its generator keeps, and the ``g=geo`` flag it feeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from wortlaut.ner.gazetteer import GEO_FILE, Gazetteer
from wortlaut.ner.gazetteer_build import is_name, select


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Aalen", True),
        ("Villingen-Schwenningen", True),
        ("Zürich", True),
        ("Frankfurt am Main", False),  # several words: the gazetteer flags single tokens
        ("ALV", False),  # codes
        ("Москва", False),  # other scripts
        ("Ab", False),
        ("stadt", False),
    ],
)
def test_is_name(text: str, expected: bool) -> None:
    assert is_name(text) is expected


def test_select_keeps_single_names_that_may_be_names() -> None:
    common = {"Essen"}
    names = ["Aalen", "Essen", "Bad Tölz", "Aalen", "Moskau"]
    assert select(names, lambda word: word not in common) == ["Aalen", "Moskau"]


def test_geo_flag_from_the_generated_list(tmp_path: Path) -> None:
    source = Path(__file__).resolve().parents[2] / "src" / "wortlaut" / "lang" / "de"
    for path in source.glob("ner_*.txt"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / GEO_FILE).write_text("# test\nBlaubeuren\n", encoding="utf-8")
    gazetteer = Gazetteer.load(tmp_path)
    assert "geo" in gazetteer.flags("Blaubeuren")
    assert "h2geo" in gazetteer.flags("Ulm-Blaubeuren")
    assert "geo" not in gazetteer.flags("Haus")
    (tmp_path / GEO_FILE).unlink()
    assert Gazetteer.load(tmp_path).geo_places == frozenset()  # optional list


def test_shipped_geo_list_has_small_towns_but_not_plain_nouns() -> None:
    places = Gazetteer.load().geo_places
    assert {"Blaubeuren", "Winterthur", "Biberach"} <= places
    assert not {"Stadt", "Welt", "Kurz"} & places
