"""Unit words used as repetitions or inside compounds: ``Monat für Monat``, ``Jahr für Jahr`` (TIMEX3
SET: every month, every year) and a count of a unit as the first part of a compound noun
(``100-Tage-Programm``, ``24-Stunden-Streik``: a DURATION on the count and its unit, as the own sets'
guidelines annotate ``100-Tage``), and a whole unit as a span (``den ganzen Tag``, ``das ganze Jahr über``:
TIMEX3 DURATION of one unit, like ``all day`` in the TimeML guidelines).
"""

from __future__ import annotations

import re

KINDS = frozenset({"unit_repeat", "unit_compound", "unit_whole"})
#: Unit word -> (TIMEX3 period of one unit, unit code of a count).
UNITS = {
    "Sekunde": ("PT1S", "TS"),
    "Sekunden": ("PT1S", "TS"),
    "Minute": ("PT1M", "TM"),
    "Minuten": ("PT1M", "TM"),
    "Stunde": ("PT1H", "TH"),
    "Stunden": ("PT1H", "TH"),
    "Tag": ("P1D", "D"),
    "Tage": ("P1D", "D"),
    "Woche": ("P1W", "W"),
    "Wochen": ("P1W", "W"),
    "Monat": ("P1M", "M"),
    "Monats": ("P1M", "M"),
    "Jahr": ("P1Y", "Y"),
    "Jahres": ("P1Y", "Y"),
}
REPEATED = "Tag|Woche|Monat|Jahr|Stunde"
COUNTED = "Sekunden|Minuten|Stunden|Tage|Wochen|Monats|Jahres"
#: Trigger needles of a count of a unit in a compound (necessary substrings).
COMPOUND_NEEDLES = tuple(f"-{unit}-" for unit in COUNTED.split("|"))
#: A whole unit in the accusative, the case of a span (``den ganzen Tag``, ``die ganze Woche``); not the
#: genitive or dative (``Höhepunkt des ganzen Jahres``, ``im ganzen Jahr``), which name the unit itself, nor
#: before a year (``das ganze Jahr 2014`` is that year).
WHOLE = (
    r"(?:[Dd]en\s+ganzen\s+(?P<wm>Tag|Monat)|[Dd]ie\s+ganze\s+(?P<wf>Woche)|[Dd]as\s+ganze\s+(?P<wn>Jahr))"
)
WHOLE_NEEDLES = ("ganze",)


def extra_patterns(boundary: str) -> list[tuple[str, re.Pattern[str]]]:
    """(kind, regex) pairs of this module."""
    return [
        ("unit_repeat", re.compile(rf"(?=[TWMJS]){boundary}(?P<rep>{REPEATED})\s+für\s+(?P=rep)(?!\w)")),
        # the count must be followed by a hyphen and a noun: ``100-Tage-Sofortprogramm``
        (
            "unit_compound",
            re.compile(rf"(?=\d){boundary}(?P<cnt>\d{{1,4}})-(?P<cunit>{COUNTED})(?=-[A-ZÄÖÜ])"),
        ),
        ("unit_whole", re.compile(rf"{boundary}{WHOLE}(?!\w)(?!\s+\d)(?:\s+über(?!\w))?")),
    ]


def resolve(kind: str, g: dict[str, str]) -> tuple[str, str] | None:
    """(type, value) of this module's kinds."""
    if kind == "unit_repeat":
        return "SET", UNITS[g["rep"]][0]
    if kind == "unit_whole":
        return "DURATION", UNITS[g.get("wm") or g.get("wf") or g["wn"]][0]
    count = int(g["cnt"])
    if count < 1:
        return None
    code = UNITS[g["cunit"]][1]
    return "DURATION", f"PT{count}{code[1]}" if code.startswith("T") else f"P{count}{code}"
