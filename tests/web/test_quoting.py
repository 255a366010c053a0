"""Quotes shown in ``<q>`` lose their own enclosing marks, so marks never double."""

from __future__ import annotations

import pytest

from wortlaut.web.quoting import bare


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("„Wir haben geliefert.“", "Wir haben geliefert."),
        ('"Wir haben geliefert."', "Wir haben geliefert."),
        ("»Wir stehen zusammen.«", "Wir stehen zusammen."),
        ("Wir haben geliefert.", "Wir haben geliefert."),
        ("„Wir haben", "„Wir haben"),
        ("„Er sagte: „Nein“ und ging.“", "Er sagte: „Nein“ und ging."),
        ("", ""),
        (None, ""),
    ],
)
def test_enclosing_marks_are_removed_once(text: str | None, shown: str) -> None:
    assert bare(text) == shown
