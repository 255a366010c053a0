"""What the timex tests ask of a finder: the expressions of a text on a fixed document date."""

from __future__ import annotations

from datetime import date

from wortlaut.article import TimeExpr
from wortlaut.timex.finder import TimeFinder

#: The document date of the phrase tests: a Wednesday.
ANCHOR = "2015-11-18"


def find(finder: TimeFinder, text: str, anchor: str | None = ANCHOR) -> list[TimeExpr]:
    """The time expressions ``finder`` reads in ``text`` written on ``anchor`` (no date when None)."""
    day = date.fromisoformat(anchor) if anchor else None
    return finder.find(text, anchor=lambda _offset: day)


def value_of(finder: TimeFinder, text: str, expression: str) -> tuple[str, str | None] | None:
    """(type, TimeML value) of the first find overlapping ``expression`` in ``text``; None when none does."""
    start = text.index(expression)
    end = start + len(expression)
    hits = [t for t in find(finder, text) if t.start < end and start < t.end]
    return (hits[0].type, hits[0].timeml_value or hits[0].value) if hits else None
