"""What normalisation produces and reads: :class:`Resolved` values, the :class:`Context` of a
sentence, and the few calendar steps every rule family shares (a period string, an offset from the
anchor). Kept apart from :mod:`wortlaut.timex.normalise` so the rule families (dates there, lengths,
sets and clock times in :mod:`wortlaut.timex.lengths`) can share them without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from wortlaut.timex.calendar import iso_week, shift_month


@dataclass(frozen=True, slots=True)
class Resolved:
    """A normalised expression: TIMEX3 type, value (or relative description) and modifier."""

    type: str
    value: str | None = None
    relative: str | None = None
    mod: str | None = None
    timeml_value: str | None = None


@dataclass(frozen=True, slots=True)
class Context:
    """What resolution needs: the anchor date, the clause's time direction, the day in focus
    (for clock times; ``local_day`` when named in the same sentence) and a year named earlier in the
    sentence (for ``im März 1992 …, im April``)."""

    anchor: date | None
    direction: str | None = None
    day: date | None = None
    year: int | None = None
    local_day: bool = False
    #: The sentence named several days before (``am 25. und 26. August von 10 bis 18 Uhr``): a clock time
    #: then holds on each of them and names no single day (TIMEX3 ``T10:00``).
    several_days: bool = False
    #: The last month, quarter, half year, season or week named in the text under the same anchor
    #: (``2009-Q3``), for ``im gleichen Zeitraum des Vorjahres``.
    period: str | None = None


#: TIMEX3 period units -> the unit names of :func:`offset_value`.
#: Minutes in the quarter-hour units of ``time_units.tsv``.
QUARTER_HOURS = {"QH": 15, "TQH": 45}
UNIT_NAMES = {"Y": "year", "M": "month", "W": "week", "D": "day"}


def sign(number: int) -> str:
    """``+1`` / ``-2``: the offset as relative descriptions write it."""
    return f"{number:+d}"


def offset_value(unit: str, offset: int, ctx: Context, mod: str | None = None) -> Resolved:
    """A day, week, month or year ``offset`` units from the anchor (a relative description without one)."""
    if ctx.anchor is None:
        return Resolved("DATE", None, f"{unit}:{sign(offset)}", mod=mod)
    anchor = ctx.anchor
    if unit == "day":
        value = (anchor + timedelta(days=offset)).isoformat()
    elif unit == "week":
        value = iso_week(anchor + timedelta(weeks=offset))
    elif unit == "month":
        year, month = shift_month(anchor, offset)
        value = f"{year}-{month:02d}"
    else:
        value = year_value(anchor.year + offset)
    return Resolved("DATE", value, mod=mod)


def year_value(year: int) -> str:
    """A year as TIMEX3 writes it: four digits (``0515``; three would be a decade), and before year 1 the
    era form ``BC5986`` (``vor 8000 Jahren`` in 2015: year -5985 counted astronomically is 5986 BC)."""
    return f"BC{1 - year:04d}" if year <= 0 else f"{year:04d}"


def period(number: float, unit: str) -> str:
    """A TIMEX3 period such as ``P3Y``, ``PT4H`` or ``P1.5Y``."""
    amount = f"{int(number)}" if number == int(number) else f"{number:g}"
    if unit == "DEC":
        return f"P{int(number * 10)}Y"
    if unit in {"CEN", "QCEN"}:
        return f"P{int(number * (100 if unit == 'CEN' else 25))}Y"
    if unit in QUARTER_HOURS:  # ``eine Viertelstunde`` = PT15M, ``eine Dreiviertelstunde`` = PT45M
        return f"PT{number * QUARTER_HOURS[unit]:g}M"
    if unit in {"H", "MIN", "S"}:
        return f"PT{amount}{'M' if unit == 'MIN' else unit}"
    return f"P{amount}{unit}"
