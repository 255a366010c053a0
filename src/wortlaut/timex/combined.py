"""Durations said in several units: one TIMEX3 for ``zwei Stunden und 15 Minuten`` (``PT2H15M``).

German names a length in descending units joined by ``und``, a comma or nothing (``27 Jahre und drei
Monate``, ``3 Tagen 14 Stunden und 44 Minuten``). The TimeML guidelines write such a phrase as one DURATION
whose value adds the parts (``P27Y3M``, ``P3DT14H44M``); the pattern set finds each part on its own, so the
parts are joined after resolution. Only parts with a plain count join (not ``mehrere Jahre``, ``P1.5Y``), and
only in strictly descending order, so a list (``drei Stunden, vier Stunden``) or a range stays apart.
"""

from __future__ import annotations

import re
from dataclasses import replace

from wortlaut.article import TimeExpr

#: What may stand between two parts: ``und``, a comma, or only a space.
JOIN = re.compile(r"\s*(?:,|und)?\s*")
#: A simple period of one unit with a whole count (``P27Y``, ``PT15M``).
PART = re.compile(r"^P(T?)(\d+)([YMWDHS])$")
#: Units from the largest down; date units before ``T``, clock units after it.
ORDER = ("Y", "M", "W", "D", "TH", "TM", "TS")


def join_parts(found: list[TimeExpr], text: str) -> list[TimeExpr]:
    """``found`` (in text order) with adjacent duration parts in descending units joined into one."""
    joined: list[TimeExpr] = []
    for expr in found:
        previous = joined[-1] if joined else None
        if previous is not None and _joins(previous, expr, text):
            joined[-1] = replace(
                previous,
                end=expr.end,
                text=text[previous.start : expr.end],
                value=_add(previous.value or "", expr.value or ""),
            )
        else:
            joined.append(expr)
    return joined


def _joins(first: TimeExpr, second: TimeExpr, text: str) -> bool:
    if first.type != "DURATION" or second.type != "DURATION" or first.timeml_value or second.timeml_value:
        return False
    if JOIN.fullmatch(text, first.end, second.start) is None:
        return False
    units = _units(first.value or "")
    after = _units(second.value or "")
    return bool(units) and len(after) == 1 and ORDER.index(units[-1]) < ORDER.index(after[0])


def _units(value: str) -> list[str]:
    """The units of a period in :data:`ORDER` form (``P3DT14H`` -> ``["D", "TH"]``); empty when not whole."""
    date_part, _, clock_part = value.removeprefix("P").partition("T")
    if not value.startswith("P") or not re.fullmatch(r"(?:\d+[YMWD])*", date_part):
        return []
    if not re.fullmatch(r"(?:\d+[HMS])*", clock_part) or not (date_part or clock_part):
        return []
    return re.findall(r"[YMWD]", date_part) + ["T" + unit for unit in re.findall(r"[HMS]", clock_part)]


def _add(first: str, second: str) -> str:
    """``P3D`` + ``PT14H`` = ``P3DT14H``; ``PT2H`` + ``PT15M`` = ``PT2H15M``."""
    match = PART.match(second)
    if match is None:
        return first
    clock, count, unit = match.groups()
    if not clock:
        return first + count + unit
    return first + ("" if "T" in first else "T") + count + unit
