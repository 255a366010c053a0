"""Relation cues: denials, confirmations, corrections, retractions from the cue and its frame."""

from __future__ import annotations

import pytest

from wortlaut.claims.relations import quoted_phrases, relation_type


@pytest.mark.parametrize(
    ("cue", "frame", "expected"),
    [
        ("dementierte", None, "denies"),
        ("wies", "Der Minister wies die Vorwürfe von Merz entschieden zurück", "denies"),
        ("bestritt", None, "denies"),
        ("bestätigte", "Ein Sprecher bestätigte den Bericht", "confirms"),
        ("korrigierte", None, "corrects"),
        ("stellte", "Sie stellte klar", "corrects"),
        ("ruderte", "Später ruderte er zurück", "retracts"),
        ("nahm", "Er nahm die Äußerung zurück", "retracts"),
        ("nahm", "Sie nahm die Klage zurück", None),
        ("wies", "Er wies darauf hin", None),
        ("sagte", "Er sagte am Montag", None),
    ],
)
def test_relation_type_of_cue_and_frame(cue: str, frame: str | None, expected: str | None) -> None:
    assert relation_type(cue, frame) == expected


def test_quoted_phrases_of_a_frame() -> None:
    assert quoted_phrases("Sie wies den Vorwurf einer „Schuldenorgie“ zurück") == ["Schuldenorgie"]
    assert quoted_phrases("Er sagte „so“") == []
