"""``datelines._line_matches`` tries the dateline patterns at line starts only (issue 17zl): the same matches
as ``finditer``, which tries every position."""

from __future__ import annotations

import re

import pytest

from wortlaut.quotes.datelines import _CAPITALS, _agency_dateline, _line_matches, dateline_ranges

_TEXTS = (
    "BANGKOK: Ein Video zeigt es.\nWIEN – Der Kanzler sagte …\n  Berlin (dpa) - Die Regierung …",
    "Hamburg (dpa/lno) – Ein Satz.\nRom (dpa\n) – über zwei Zeilen\nNEU-DELHI, 6. Dezember: Text\n",
    "Kein Dateline hier: SPD: Wir … (AFP) -\n(AFP)\n-\n\n",
    "",
    "\n",
)


@pytest.mark.parametrize("text", _TEXTS)
def test_line_matches_are_finditers(text: str) -> None:
    for pattern in (_CAPITALS, _agency_dateline(), re.compile(r"\w+")):
        expected = [(match.span(), match.groupdict()) for match in pattern.finditer(text)]
        assert [(match.span(), match.groupdict()) for match in _line_matches(pattern, text)] == expected


def test_datelines_found_on_their_lines() -> None:
    text = _TEXTS[0]
    assert [text[start:end] for start, end in dateline_ranges(text)] == ["BANGKOK", "WIEN", "Berlin (dpa)"]
