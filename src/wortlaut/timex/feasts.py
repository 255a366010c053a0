"""Holidays and feasts: fixed dates and the movable feasts counted from Easter Sunday.

Easter follows the Gregorian computus (the "anonymous Gregorian algorithm" of Meeus/Butcher);
every movable feast (Palmsonntag, Christi Himmelfahrt, Pfingsten, Fronleichnam …) is a day
offset from it, so no year is ever looked up in a table.  The names live in
``lang/de/time_holidays.tsv``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from wortlaut.timex.lexicon import read_tsv


@dataclass(frozen=True, slots=True)
class Holiday:
    """One holiday name: a fixed month and day, or days from Easter Sunday."""

    name: str
    kind: str
    month: int = 0
    day: int = 0
    offset: int = 0

    def on(self, year: int) -> date:
        """The holiday's date in ``year``."""
        if self.kind == "easter":
            return easter_sunday(year) + timedelta(days=self.offset)
        return date(year, self.month, self.day)


def easter_sunday(year: int) -> date:
    """Easter Sunday of a Gregorian year (valid from 1583 on)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


@cache
def load_holidays() -> dict[str, Holiday]:
    """Holiday names from ``time_holidays.tsv`` (read once)."""
    found: dict[str, Holiday] = {}
    for row in read_tsv("time_holidays.tsv"):
        if row["kind"] == "easter":
            found[row["name"]] = Holiday(row["name"], "easter", offset=int(row["date"]))
        else:
            month, day = (int(part) for part in row["date"].split("-"))
            found[row["name"]] = Holiday(row["name"], "fixed", month=month, day=day)
    return found


def holiday_year(holiday: Holiday, anchor: date, direction: str | None) -> int:
    """The year a holiday named without one refers to, seen from ``anchor``.

    Past tense takes the last one not after the anchor, future the next one not before it; without
    tense the nearest one (ties forward), as for month names in :mod:`.calendar`.
    """
    here = anchor
    candidates = [anchor.year - 1, anchor.year, anchor.year + 1]
    if direction == "past":
        return max(year for year in candidates if holiday.on(year) <= here)
    if direction == "future":
        return min(year for year in candidates if holiday.on(year) >= here)
    return min(candidates, key=lambda year: (abs((holiday.on(year) - here).days), -year))
