"""Stance words, turned round by a negation in their clause."""

from __future__ import annotations

import pytest

from wortlaut.claims.stance import stance


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Wir lehnen die Maut ab.", "against"),
        ("Wir lehnen die Maut nicht ab.", "for"),
        ("Die Partei fordert eine Maut für Lastwagen.", "for"),
        ("Eine Maut wäre ein Fehler.", "against"),
        ("Die Maut kommt im Herbst.", "neutral"),
        ("Ich unterstütze die Maut, aber nicht in dieser Form.", "for"),
    ],
)
def test_stance_from_words_and_negation(text: str, label: str) -> None:
    assert stance(text)[0] == label


def test_the_deciding_words_are_returned() -> None:
    assert stance("Wir lehnen die Maut nicht ab.")[2] == ("nicht lehnen",)
