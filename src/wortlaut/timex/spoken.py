"""Times said in words and periods said relative to another period.

German grammar of clock times and comparisons that the digit patterns miss:

- clock times in words (``um halb neun`` = 08:30, ``Viertel nach zehn`` = 10:15, ``Viertel vor zehn`` =
  09:45, ``drei viertel acht`` = 07:45, ``um Mitternacht`` = 24:00, ``zu Mittag`` = midday, ``in der Früh``
  = morning, ``26 Minuten nach Mitternacht`` = 00:26, ``zehn Minuten vor Mittag`` = 11:50): a TIME of the
  day in focus, as ``um 9 Uhr``; ``halb`` counts towards the named hour, so ``halb neun`` is half past eight;
- sets with a count (``alle zwei Wochen`` = every two weeks, TIMEX3 SET ``P2W``);
- the same period a year before (``im gleichen Zeitraum des Vorjahres``, ``Vorjahresmonat``,
  ``Vorjahresquartal``): the period in focus (the last month, quarter or half year named) one year back,
  as statistics compare ``im dritten Quartal 2009`` with ``dem gleichen Zeitraum des Vorjahres`` (2008-Q3);
  with no such period named, the year before the anchor;
- a near future or past said as a phrase (``in Kürze``, ``in naher Zukunft`` FUTURE_REF);
- a half of a year said with ``Hälfte`` (``in der ersten Hälfte des Jahres`` = H1 of the anchor's year,
  ``der zweiten Jahreshälfte 2013`` = 2013-H2, ``des kommenden Jahres`` = next year's);
- the course of a unit (``im Laufe des Jahres`` = this year, ``im Laufe der kommenden Woche`` = next
  week, ``im Laufe des Tages`` = the day in focus, ``im Laufe des Abends`` = its evening);
- the part of a season said as a compound (``Spätherbst 2014`` = 2014-FA with mod END, ``Frühsommer``
  START, ``Hochsommer`` MID); resolved by the normaliser's season rule, kind ``season_part``.

Resolution returns (type, value, relative, mod) as :mod:`.phrases` does.
"""

from __future__ import annotations

import re
from datetime import date

from wortlaut.timex.lexicon import TimeLexicon
from wortlaut.timex.resolved import Context, offset_value

KINDS = frozenset({"clock_word", "every_n", "prior_period", "near_future", "course_of", "year_half"})
#: Units of ``im Laufe des …`` -> unit of the anchor offset, or a part of the day (``T`` + code).
COURSE_UNITS = {
    "Jahres": "year",
    "Monats": "month",
    "Woche": "week",
    "Tages": "day",
    "Vormittags": "TMO",
    "Nachmittags": "TAF",
    "Abends": "TEV",
}
#: Prefix of a season compound -> TIMEX3 mod (``Spätsommer`` = the end of summer).
SEASON_PARTS = {"Früh": "START", "Hoch": "MID", "Spät": "END"}
#: (type, value, relative, mod)
Found = tuple[str, str | None, str | None, str | None]
#: Clock words without a number -> TIMEX3 time part (after ``T``).
CLOCK_NAMES = {"Mitternacht": "24:00", "Mittag": "MI", "Früh": "MO"}
#: Units of ``alle N …`` -> TIMEX3 period unit (clock units after ``T``).
EVERY_UNITS = {
    "Tage": "D",
    "Wochen": "W",
    "Monate": "M",
    "Jahre": "Y",
    "Stunden": "TH",
    "Minuten": "TM",
    "Sekunden": "TS",
}
#: A period value with a sub-year part: ``2009-Q3``, ``2015-10``, ``2014-H1``, ``2013-SU``, ``2015-W07``.
SUB_YEAR = re.compile(r"^(\d{4})(-(?:Q[1-4]|H[12]|\d{2}|SP|SU|FA|WI|W\d{2}))$")


def extra_patterns(lex: TimeLexicon, boundary: str) -> list[tuple[str, re.Pattern[str]]]:
    """(kind, regex) pairs of this module."""
    b = boundary
    hour = r"(?:1[0-2]|[1-9]|eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf)"
    prep = r"(?P<prep>[Uu]m|[Gg]egen|[Aa]b|[Bb]is)\s+"
    units = "|".join(EVERY_UNITS)
    mods = "|".join(re.escape(word) for word in sorted(lex.modifiers, key=len, reverse=True))
    return [
        (
            "clock_word",
            re.compile(
                rf"{b}{prep}(?:(?P<half>halb)\s+(?P<h1>{hour})|[Vv]iertel\s+(?P<dir>nach|vor)\s+(?P<h2>{hour})"
                rf"|(?P<threeq>drei\s?viertel|Dreiviertel)\s+(?P<h3>{hour}))(?!\w)(?:\s+Uhr(?!\w))?"
            ),
        ),
        (
            "clock_word",
            re.compile(
                rf"{b}(?:(?P<mins>[1-5]?\d|{_numbers(lex)}|{_numbers(lex).title()})\s+Minuten\s+(?P<mdir>nach|vor)\s+(?P<mname>Mitternacht|Mittag)"
                rf"|(?:[Uu]m|[Gg]egen|[Aa]b|[Bb]is|[Nn]ach|[Vv]or)\s+(?P<name>Mitternacht)"
                rf"|(?:[Zz]u|[Gg]egen|[Bb]is)\s+(?P<noon>Mittag)|[Ii]n\s+der\s+(?P<early>Früh))(?!\w)"
            ),
        ),
        (
            "every_n",
            re.compile(rf"{b}[Aa]lle\s+(?P<num>\d{{1,3}}|{_numbers(lex)})\s+(?P<unit>{units})(?!\w)"),
        ),
        (
            "prior_period",
            re.compile(
                rf"{b}(?:(?:im|dem|den|der)\s+)?(?:gleichen|selben|vergleichbaren)\s+(?P<span>Zeitraum|Monat|Quartal)"
                rf"\s+(?:des\s+Vorjahres|des\s+vergangenen\s+Jahres|im\s+Vorjahr)(?!\w)"
                rf"|{b}Vorjahres(?P<unit>monat|quartal|zeitraum|halbjahr|woche)s?(?!\w)"
            ),
        ),
        (
            "season_part",
            re.compile(
                rf"{b}(?P<spre>Früh|Hoch|Spät)(?P<sname>sommer|herbst|winter)(?!\w)(?:\s+(?P<year>\d{{4}})(?!\d))?"
            ),
        ),
        (
            "course_of",
            re.compile(
                rf"{b}[Ii]m\s+Lauf(?:e)?\s+(?:des|der)\s+(?:(?P<cmod>{mods})\s+)?"
                rf"(?P<cunit>Jahres|Monats|Woche|Tages|Vormittags|Nachmittags|Abends)(?!\w)(?:\s+(?P<year>\d{{4}})(?!\d))?"
            ),
        ),
        (
            "year_half",
            re.compile(
                rf"{b}(?P<half>ersten|zweiten)\s+(?:Hälfte\s+(?:des\s+(?:(?P<cmod>{mods})\s+)?Jahres|(?P<y1>\d{{4}}))"
                rf"|Jahreshälfte)(?!\w)(?:\s+(?P<year>\d{{4}})(?!\d))?"
            ),
        ),
        ("near_future", re.compile(rf"{b}[Ii]n\s+(?:Kürze|naher\s+Zukunft|absehbarer\s+Zukunft)(?!\w)")),
    ]


def _numbers(lex: TimeLexicon) -> str:
    words = [word for word, value in lex.numbers.items() if value >= 2 and value == int(value)]
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


def _hour(text: str, lex: TimeLexicon) -> int:
    if text.isdigit():
        return int(text)
    return 1 if text == "eins" else int(lex.numbers[text])


def clock_time(g: dict[str, str], lex: TimeLexicon) -> str:
    """``HH:MM`` of a clock time in words, or a part-of-day code (``MI``, ``MO``)."""
    if "mins" in g:  # ``26 Minuten nach Mitternacht`` = 00:26, ``zehn Minuten vor Mittag`` = 11:50
        minutes = int(g["mins"]) if g["mins"].isdigit() else int(lex.numbers[g["mins"].lower()])
        hour = 0 if g["mname"] == "Mitternacht" else 12
        if g["mdir"] == "vor":
            return f"{(hour - 1) % 24:02d}:{60 - minutes:02d}"
        return f"{hour:02d}:{minutes:02d}"
    for key in ("name", "noon", "early"):
        if key in g:
            return CLOCK_NAMES[g[key]]
    if "h1" in g:  # ``halb neun``: half an hour before nine
        return f"{_hour(g['h1'], lex) - 1:02d}:30"
    if "h2" in g:
        hour = _hour(g["h2"], lex)
        return f"{hour:02d}:15" if g["dir"] == "nach" else f"{hour - 1:02d}:45"
    return f"{_hour(g['h3'], lex) - 1:02d}:45"


def resolve(
    kind: str, g: dict[str, str], lex: TimeLexicon, anchor: date | None, day: date | None, period: str | None
) -> Found:
    """(type, value, relative, mod) for this module's kinds."""
    if kind == "clock_word":
        clock = clock_time(g, lex)
        focus = day or anchor
        if focus is None:
            return "TIME", None, f"time:{clock}", None
        return "TIME", f"{focus.isoformat()}T{clock}", None, None
    if kind == "every_n":
        count = int(g["num"]) if g["num"].isdigit() else int(lex.numbers[g["num"]])
        unit = EVERY_UNITS[g["unit"]]
        return "SET", f"P{unit[0]}{count}{unit[1]}" if unit.startswith("T") else f"P{count}{unit}", None, None
    if kind == "near_future":
        return "DATE", "FUTURE_REF", None, None
    if kind == "course_of":
        return _course(g, lex, anchor, day)
    if kind == "year_half":
        code = "H1" if g["half"] == "ersten" else "H2"
        named = g.get("year") or g.get("y1")
        if named:
            return "DATE", f"{named}-{code}", None, None
        found = offset_value("year", lex.modifiers.get(g.get("cmod", "").lower(), 0), Context(anchor=anchor))
        return "DATE", f"{found.value}-{code}" if found.value else None, found.relative, None
    return _prior_period(period, anchor)


def _course(g: dict[str, str], lex: TimeLexicon, anchor: date | None, day: date | None) -> Found:
    """``im Laufe des Jahres`` / ``der kommenden Woche``: that unit counted from the anchor; a day or a part
    of it is the day in focus."""
    unit = COURSE_UNITS[g["cunit"]]
    if "year" in g and unit == "year":
        return "DATE", g["year"], None, None
    if unit == "day" or unit.startswith("T"):
        focus = day or anchor
        suffix = unit if unit.startswith("T") else ""
        if focus is None:
            return "TIME" if suffix else "DATE", None, f"day:+0{suffix}", None
        return "TIME" if suffix else "DATE", focus.isoformat() + suffix, None, None
    offset = lex.modifiers.get(g.get("cmod", "").lower(), 0)
    found = offset_value(unit, offset, Context(anchor=anchor))
    return found.type, found.value, found.relative, None


def _prior_period(period: str | None, anchor: date | None) -> Found:
    """The period in focus one year back; the anchor's previous year without one."""
    match = SUB_YEAR.match(period or "")
    if match:
        return "DATE", f"{int(match.group(1)) - 1}{match.group(2)}", None, None
    if anchor is None:
        return "DATE", None, "year:-1", None
    return "DATE", str(anchor.year - 1), None, None


def is_period(value: str | None) -> bool:
    """Whether a DATE value is a sub-year period a later ``Vorjahreszeitraum`` can refer to."""
    return bool(value) and SUB_YEAR.match(value or "") is not None
