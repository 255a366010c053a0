"""A day of the month said by its number alone (``am 11.``, ``vom 11. bis 13.``, ``Freitag, den 13.``), and a
day said by its weekday's abbreviation in a time stamp (``Mo, 11:41 Uhr`` above an article or comment), and
the month in focus named again by the noun (``Der Monat gehört zu den wärmsten``, ``in dem Monat``).

Reports on one month (a month's weather, a trial's days, a season's match days) name the days by number
once the month is named. German grammar leaves the month out when it is the one in focus, so the day
belongs to the month last named in the text under the same anchor (``Im Oktober … am 18.``) or, without
one, to the month of the day in focus; with neither, no value is guessed and nothing is found.
A capitalised noun after the number makes it an ordinal (``am 3. Spieltag``, ``zum 50. Mal``, ``vom 1. bis
3. Lebensjahr``), as does a month name or number (those are dates of their own kinds).
"""

from __future__ import annotations

import re
from datetime import date

from wortlaut.timex.calendar import safe_date, weekday_date
from wortlaut.timex.cues import CLOCK
from wortlaut.timex.lexicon import TimeLexicon

KINDS = frozenset({"dayonly", "stamp", "month_again"})
#: Weekday abbreviations of time stamps -> ISO weekday.
ABBREVIATIONS = {"Mo": 1, "Di": 2, "Mi": 3, "Do": 4, "Fr": 5, "Sa": 6, "So": 7}
#: A month value a day number can belong to (``2023-10``; not a quarter or a week).
MONTH_VALUE = re.compile(r"^(\d{4})-(\d{2})$")
#: Words right before the number that make it a day: a preposition of a date (``am``, ``vom``, ``bis``,
#: ``zum``, ``seit dem``, ``ab dem``). They stay outside the match, so a list that ends in a month (``am 11.,
#: 18. und 25. März``) keeps its items as the ``daylist`` kind, which comes first among equal matches.
PREPOSITIONS = r"(?:(?<=\b[Aa]m )|(?<=\b[Vv]om )|(?<=\b[Bb]is )|(?<=\b[Zz]um )|(?<=\b[Dd]em ))"
#: What must follow the number's full stop after a preposition: a lower-case word (not ``mal``), a
#: punctuation mark or the end, and no list of ordinals ending in a noun (``am 1. und 2. Spieltag``). A
#: weekday with ``den`` makes it a date whatever follows (``am Freitag den 13. Rheinfelden und Müllheim``).
AFTER = (
    r"(?!\s*(?:und|bis|oder|,|-|–)\s*\d{1,2}\.\s*[A-ZÄÖÜ\d])"
    r"(?=\s+(?!mal\b)[a-zäöüß]|\s*[,;:)!?]|\s*$)"
)


DAY = r"[1-9]|[12]\d|3[01]"
#: Trigger needles (necessary substrings): a preposition or ``den`` with one space and a digit; a weekday
#: abbreviation with its comma. Much rarer than any digit; the two kinds share one test (one scan a sentence).
DAY_NEEDLES = tuple(
    f"{word} {digit}"
    for word in ("am", "Am", "vom", "Vom", "bis", "Bis", "zum", "Zum", "dem", "Dem", "den")
    for digit in "123456789"
) + tuple(f"{abbr}," for abbr in ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"))


def extra_patterns(lex: TimeLexicon, boundary: str) -> list[tuple[str, re.Pattern[str]]]:
    """(kind, regex) pairs of this module."""
    weekday = "|".join(re.escape(name) for name in sorted(lex.weekdays, key=len, reverse=True))
    return [
        # ``(?=\d)`` first: most positions fail at once, before the look-behinds run (measured per kind)
        ("dayonly", re.compile(rf"(?=\d){PREPOSITIONS}(?P<day>{DAY})\.(?!\d){AFTER}")),
        ("dayonly", re.compile(rf"{boundary}(?P<wd>{weekday}),? (?:den|dem) (?P<wday>{DAY})\.(?!\s*\d)")),
        # ``der Monat`` as subject, ``in dem / im selben Monat``; not before a name, genitive, relative
        # clause or a word counting from it (``der Monat Ramadan``, ``im Monat danach``, ``dem Monat, als``)
        (
            "month_again",
            re.compile(
                r"(?=[DdIi])(?<!\w)(?:[Dd]er|[Ii]n\s+dem|[Ii]m\s+(?:selben|gleichen))\s+Monat(?!\w)"
                r"(?!\s*(?:[A-ZÄÖÜ]|des\b|der\b|lang|zuvor|danach|davor|später|darauf|,\s*(?:in|als|wo)\b))"
            ),
        ),
        # a stamp is a line of its own (an event listing ``Sa, 19:30 Uhr: Konzert`` looks ahead instead)
        (
            "stamp",
            re.compile(rf"(?m:^)(?P<abbr>{'|'.join(ABBREVIATIONS)}),[ \t]*{CLOCK}(?=[ \t]*(?:\n|$))"),
        ),
    ]


def stamp_day(g: dict[str, str], anchor: date | None) -> date | None:
    """The day of a time stamp: the last such weekday up to the anchor (a stamp tells when, never ahead)."""
    if anchor is None:
        return None
    return weekday_date(anchor, ABBREVIATIONS[g["abbr"]], direction="past", offset=None)


def resolve(g: dict[str, str], period: str | None, day: date | None) -> str | None:
    """The day in the month in focus (``period`` when it is a month, else the month of ``day``)."""
    match = MONTH_VALUE.match(period or "")
    if match:
        year, month = int(match.group(1)), int(match.group(2))
    elif day is not None:
        year, month = day.year, day.month
    else:
        return None
    found = safe_date(year, month, int(g.get("day") or g["wday"]))
    return found.isoformat() if found else None
