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
