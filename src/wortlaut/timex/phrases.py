"""Phrases around a time word: day adjectives, hours of the day, durations written as one compound noun.

German packs time into noun phrases in ways the single-word patterns miss:

- a day adjective before a date or weekday (``am heutigen 31. Oktober``, ``am gestrigen Montag``):
  the adjective says how the day relates to the anchor, the date repeats it; one TIMEX3;
- hours of a part of the day (``in den frühen Morgenstunden``, ``in den Abendstunden``): a TIME of the day
  in focus, like ``am Morgen``;
- a count before a compound whose head is a unit (``fünf Verhandlungstage``, ``drei Amtsjahre``,
  ``500 Überstunden``): a duration, unless the compound names days that are no span (``Geburtstage``).

Resolution returns plain (type, value, relative) triples, as :mod:`.grammar` does, so the
normaliser stays the only place that builds TIMEX3 records.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from wortlaut.timex.lexicon import TimeLexicon, read_time_nouns

#: Day adjectives -> offset in days from the anchor.
DAY_ADJECTIVES = {"heutigen": 0, "gestrigen": -1, "morgigen": 1, "vorgestrigen": -2, "übermorgigen": 2}
#: Hours of a part of the day -> TIMEX3 part code.
HOUR_PARTS = {
    "Morgen": "MO",
    "Vormittags": "MO",
    "Mittags": "MI",
    "Nachmittags": "AF",
    "Abend": "EV",
    "Nacht": "NI",
}
#: Stems of the unit endings of compounds -> TIMEX3 unit.
COMPOUND_UNITS = {"tag": "D", "woche": "W", "monat": "M", "jahr": "Y", "stunde": "H"}
#: Positions in a unit said as one compound (``Jahresende``, ``Monatsbeginn``, ``Wochenmitte``) -> TIMEX3 mod.
UNIT_POSITIONS = {"anfang": "START", "beginn": "START", "mitte": "MID", "ende": "END"}
KINDS = frozenset({"dayadj", "dayhours", "compound_duration", "unit_position", "stopwatch"})
#: Units of a duration written like a clock (``nach 3:38 Stunden`` = PT3H38M, ``in 1:14,607 Minuten``):
#: the TIMEX3 units of its fields, first to last.
STOPWATCH_UNITS = {"Stunden": "HMS", "Std": "HMS", "Minuten": "MS", "Min": "MS"}
#: (type, value, relative, mod)
Found = tuple[str, str | None, str | None, str | None]


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


def extra_patterns(lex: TimeLexicon, boundary: str, number: str) -> list[tuple[str, re.Pattern[str]]]:
    """(kind, regex) pairs of this module; ``number`` is the pattern set's number regex."""
    b = boundary
    weekday, month = _alt(list(lex.weekdays)), _alt(list(lex.months))
    endings = _alt(sorted(suffix for suffix, role in time_nouns().items() if role == "compound"))
    return [
        (
            "dayadj",
            re.compile(
                rf"{b}(?P<dadj>{_alt(list(DAY_ADJECTIVES))})\s+(?:(?P<wd>{weekday})(?!\w)(?:,?\s+(?:den\s+|dem\s+)?"
                rf"(?P<day>\d{{1,2}})\.\s*(?P<month>{month}))?|(?P<day2>\d{{1,2}})\.\s*(?P<month2>{month}))(?!\w)"
            ),
        ),
        (
            "dayhours",
            re.compile(
                rf"{b}(?:[Ii]n\s+den\s+)?(?:(?:frühen|späten)\s+)?(?P<hpart>{_alt(list(HOUR_PARTS))})stunden(?!\w)"
            ),
        ),
        (
            "unit_position",
            re.compile(
                rf"{b}(?P<unitc>Jahres|Monats|Wochen)(?P<pos>ende|anfang|beginn|mitte)(?!\w)(?:\s+(?P<year>\d{{4}})(?!\d))?"
            ),
        ),
        (
            "duration_abbr",
            # Digits and a space only (``2 min``, ``9,8 Sek.``): the trigger needs the digit before the unit.
            re.compile(
                rf"{b}(?P<num>\d+(?:,\d+)?)[ \xa0](?P<unit>{_alt(list(lex.unit_abbreviations))})(?!\w)"
            ),
        ),
        (
            "stopwatch",
            re.compile(
                rf"{b}(?P<sw>\d{{1,2}}(?::\d{{2}}){{1,2}}(?:,\d{{1,3}})?)\s+(?:[a-zäöü]+en\s+)?"
                rf"(?P<swunit>Stunden|Minuten|(?:Std|Min)(?!\w)\.?)(?!\w)"
            ),
        ),
        (
            "compound_duration",
            re.compile(rf"{b}(?P<num>{number})\s+(?P<noun>[A-ZÄÖÜ][a-zäöüß]{{3,}}?(?:{endings}))(?!\w)"),
        ),
    ]


@cache
def time_nouns() -> dict[str, str]:
    """Noun ending -> role (``span``, ``compound``, ``block``) from ``time_span_nouns.tsv``."""
    return read_time_nouns()


def accept(kind: str, groups: dict[str, str]) -> bool:
    """A compound counts as a duration unless its ending names days that are no span (``Spieltage``);
    ``Wochenende`` is the weekend, not the end of a week."""
    if kind == "unit_position":
        return groups["unitc"] + groups["pos"] != "Wochenende"
    if kind != "compound_duration":
        return True
    noun = groups["noun"].lower()
    roles = time_nouns()
    return not any(noun.endswith(suffix) for suffix, role in roles.items() if role == "block")


def span_noun_after(text: str, end: int) -> bool:
    """Whether the noun after an adjective of years names a span of time (``12-jährige Amtszeit``)."""
    match = re.match(r"\s+([A-ZÄÖÜ][\wäöüß-]*)", text[end : end + 40])
    if match is None:
        return False
    noun = match.group(1).lower()
    return any(noun.endswith(suffix) for suffix, role in time_nouns().items() if role == "span")


def resolve(
    kind: str, g: dict[str, str], anchor: date | None, day: date | None, amount: float | None
) -> Found:
    """(type, value, relative, mod) for this module's kinds; ``amount`` is the parsed count of a compound."""
    if kind == "dayadj":
        offset = DAY_ADJECTIVES[g["dadj"]]
        if anchor is not None:
            return "DATE", (anchor + timedelta(days=offset)).isoformat(), None, None
        return "DATE", None, f"day:{offset:+d}", None
    if kind == "dayhours":
        code = HOUR_PARTS[g["hpart"]]
        focus = day or anchor
        if focus is None:
            return "TIME", None, f"day:+0T{code}", None
        return "TIME", f"{focus.isoformat()}T{code}", None, None
    if kind == "unit_position":
        return _unit_position(g, anchor)
    if kind == "stopwatch":
        return "DURATION", stopwatch_value(g["sw"], g["swunit"]), None, None
    noun = g["noun"].lower()
    endings = [
        suffix for suffix, role in time_nouns().items() if role == "compound" and noun.endswith(suffix)
    ]
    ending = max(endings, key=len)
    unit = next(code for stem, code in COMPOUND_UNITS.items() if ending.startswith(stem))
    if amount is None or amount <= 1:
        return "DURATION", None, None, None  # a plural unit after "one" is no count (``einer Reportage``)
    count = f"{int(amount)}" if amount == int(amount) else f"{amount:g}"
    return "DURATION", f"PT{count}H" if unit == "H" else f"P{count}{unit}", None, None


def stopwatch_value(fields: str, unit: str) -> str | None:
    """``3:38`` hours = PT3H38M, ``1:14,607`` minutes = PT1M14.607S, ``8:14:40`` hours = PT8H14M40S; a field
    out of range (``1:75``) gives no value."""
    parts = [float(part.replace(",", ".")) for part in fields.split(":")]
    units = "HMS" if len(parts) == 3 else STOPWATCH_UNITS[unit.rstrip(".")]
    if any(part >= 60 for part in parts[1:]):
        return None
    text = "".join(f"{part:g}{code}" for part, code in zip(parts, units, strict=False) if part)
    return "PT" + (text or "0S")


def _unit_position(g: dict[str, str], anchor: date | None) -> Found:
    """``Jahresende`` = the anchor's year with mod END (as ``Ende des Jahres``), ``Monatsbeginn`` its month,
    ``Wochenmitte`` its ISO week; a year after it (``Jahresende 2015``) names the year."""
    mod = UNIT_POSITIONS[g["pos"]]
    if "year" in g and g["unitc"] == "Jahres":
        return "DATE", g["year"], None, mod
    if anchor is None:
        return "DATE", None, f"{g['unitc'].lower()}:+0", mod
    if g["unitc"] == "Jahres":
        return "DATE", str(anchor.year), None, mod
    if g["unitc"] == "Monats":
        return "DATE", f"{anchor.year}-{anchor.month:02d}", None, mod
    year, week, _ = anchor.isocalendar()
    return "DATE", f"{year}-W{week:02d}", None, mod
