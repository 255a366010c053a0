"""More of German date grammar: holidays, decades and centuries in words, early and BC years.

These patterns and resolvers extend :class:`~wortlaut.timex.patterns.PatternSet` and
:class:`~wortlaut.timex.normalise.Normaliser`.  They come from the TIMEX3 guidelines (decade
``192``, century ``19``, BC years) and German usage (``in den zwanziger Jahren``, ``im vorigen
Jahrhundert``, ``Mitte der 90er Jahre``, movable feasts), not from one corpus.
"""

from __future__ import annotations

import re
from datetime import date

from wortlaut.timex.feasts import holiday_year, load_holidays
from wortlaut.timex.lexicon import TimeLexicon

#: Tens of a decade said as a word (``in den zwanziger Jahren``, ``Nullerjahre``).
DECADE_WORDS = {
    "nuller": 0,
    "zehner": 1,
    "zwanziger": 2,
    "dreißiger": 3,
    "vierziger": 4,
    "fünfziger": 5,
    "sechziger": 6,
    "siebziger": 7,
    "achtziger": 8,
    "neunziger": 9,
}
#: Ordinal words for centuries (``im neunzehnten Jahrhundert``); digits (``19. Jahrhundert``) are in patterns.
CENTURY_ORDINALS = {
    "fünfzehnten": 15,
    "sechzehnten": 16,
    "siebzehnten": 17,
    "achtzehnten": 18,
    "neunzehnten": 19,
    "zwanzigsten": 20,
    "einundzwanzigsten": 21,
}
#: Words placing a century relative to the anchor's (``im vorigen Jahrhundert`` = the 20th in 2015).
CENTURY_OFFSETS = {
    "vorigen": -1,
    "vergangenen": -1,
    "letzten": -1,
    "diesem": 0,
    "dieses": 0,
    "laufenden": 0,
    "jetzigen": 0,
    "nächsten": 1,
    "kommenden": 1,
    "vorvorigen": -2,
}
#: Kinds resolved by :func:`resolve_era`.
ERA_KINDS = frozenset(
    {
        "decade_word",
        "decade_mod",
        "decade_short",
        "century_word",
        "century_digits",
        "century_rel",
        "decade_rel",
        "early_year",
        "era_year",
        "year_pair",
        "of_the_year",
    }
)
#: First years of a slash span read as two years (``1942/43``, ``2010/11``); others are numbers or codes.
YEAR_PAIR_FIRST = (1000, 2099)
POSITION = r"(?:(?P<pmod>Anfang|Mitte|Ende|Beginn)\s+(?:der|des)\s+)"
#: What stands before a decade said as a noun (``in den Achtzigern``, ``in den 80ern``).
IN_THE = re.compile(r"(?<!\w)[Ii]n\s+den\s+$")
#: Words before a holiday that name another country's day (``Chinas Nationalfeiertag``).
FOREIGN_BEFORE = re.compile(r"(?:[A-ZÄÖÜ]\w+s|\w+ischen|\w+ische)\s+$")


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


def extra_patterns(lex: TimeLexicon, boundary: str) -> list[tuple[str, re.Pattern[str]]]:
    """(kind, regex) pairs for the grammar classes of this module."""
    b = boundary
    holidays = _alt(list(load_holidays()))
    decade = _alt([*DECADE_WORDS, *(word.capitalize() for word in DECADE_WORDS)])
    ordinal = _alt(list(CENTURY_ORDINALS))
    offset = _alt(list(CENTURY_OFFSETS))
    era = r"(?P<era>v\.\s?Chr\.|n\.\s?Chr\.|vor\s+Christus|nach\s+Christus)"
    return [
        ("holiday", re.compile(rf"{b}(?P<holiday>{holidays})s?(?!\w)(?:\s+(?P<year>\d{{4}})(?!\d))?")),
        # A decade in words or digits; said as a noun without ``Jahre`` (``bare``: ``Ende der Neunziger``,
        # ``in den Achtzigern``, ``in den 80ern``) only after a position or ``in den``, since ``ein
        # Achtziger`` is a person in their eighties (checked in :func:`accept`).
        (
            "decade_word",
            re.compile(
                rf"{b}{POSITION}?(?P<tens>{decade})(?:(?:\s*-?\s*|-)[Jj]ahren?(?!\w)|(?P<bare>n?)(?![\w-]))"
            ),
        ),
        (
            "decade_mod",
            re.compile(
                rf"{b}{POSITION}(?P<num>\d{{2}}|\d{{4}})er(?:(?:-|\s)?Jahren?(?!\w)|(?P<bare>)(?![\w-]))"
            ),
        ),
        (
            "decade_short",
            re.compile(rf"{b}{POSITION}?(?P<num>1\d\d0|20\d0|\d0(?=ern))er(?:n|-)?(?![^\W\d_])"),
        ),
        ("century_word", re.compile(rf"{b}{POSITION}?(?P<ord>{ordinal})\s+Jahrhunderts?(?!\w)")),
        ("century_digits", re.compile(rf"{b}{POSITION}(?P<num>\d{{1,2}})\.\s+Jahrhunderts?(?!\w)")),
        ("century_rel", re.compile(rf"{b}{POSITION}?(?P<cmod>{offset})\s+Jahrhunderts?(?!\w)")),
        # ``im kommenden Jahrzehnt`` (the 2020s said in 2015), ``Ende des Jahrzehnts`` (this one, mod END).
        ("decade_rel", re.compile(rf"{b}{POSITION}?(?P<cmod>{offset})\s+Jahrzehnts?(?!\w)")),
        ("decade_rel", re.compile(rf"{b}{POSITION}Jahrzehnts(?!\w)")),
        ("early_year", re.compile(rf"{b}(?:[Ii]m\s+)?Jahre?s?\s+(?P<year>\d{{1,4}})(?!\d)(?:\s+{era})?")),
        ("era_year", re.compile(rf"{b}(?P<year>\d{{1,4}})\s+{era}")),
        # The second year of a span written with a slash (``Saison 2010/11``, ``1942/43``): a year of its own
        # (the first is the ``year`` pattern's), accepted only as the year after (see :func:`accept`).
        ("year_pair", re.compile(r"(?<=(?P<first>\d{4})/)(?P<yy>\d{2})(?![\w.,/:-]?\d|[^\W\d_])")),
        # ``beim letzten Turnier des Jahres``: the text's year (the position before it is checked by the
        # pattern set, see :func:`wortlaut.timex.cues.position_of_year`).
        ("of_the_year", re.compile(rf"{b}des\s+Jahres(?!\w)")),
    ]


#: A weekday joined by a hyphen to a noun that is no part of the day (``Samstag-Ausgabe``, ``Montag-Demo``),
#: the same compound as ``Samstagsausgabe``; ``Samstag-Abend`` is the evening, ``Montag-Freitag`` a range.
COMPOUND_AFTER = re.compile(
    r"-(?!(?:Abend|Morgen|Vormittag|Nachmittag|Mittag|Nacht|Früh|Montag|Dienstag|Mittwoch|Donnerstag|Freitag"
    r"|Samstag|Sonnabend|Sonntag|Wochenend)\w*)[A-ZÄÖÜ]"
)


def accept(kind: str, groups: dict[str, str], text: str, start: int) -> bool:
    """Context checks: no other country's holiday (``Frankreichs Nationalfeiertag``); an early year needs
    three digits or an era (``im Jahr 578``, ``9 n. Chr.``, not ``im Jahr 2 nach der Wahl``)."""
    if kind == "holiday":
        return FOREIGN_BEFORE.search(text[max(0, start - 30) : start]) is None
    if kind == "weekday" and "part" not in groups and "every" not in groups:
        # ``Samstag-Ausgabe``: the first part of a hyphenated compound noun, no day of its own
        return COMPOUND_AFTER.match(text, start + len(groups["wd"])) is None
    if "bare" in groups or (kind == "decade_short" and len(groups["num"]) == 2):
        # ``Ende der Neunziger`` (a position, no ``n``) or ``in den Achtzigern`` / ``in den 80ern``
        if "pmod" in groups:
            return not groups.get("bare")
        return IN_THE.search(text, max(0, start - 12), start) is not None
    if kind == "year_pair":
        # a season or school year runs into the next year; ``2014/17`` (a file number) is no such span
        first = int(groups["first"])
        return YEAR_PAIR_FIRST[0] <= first <= YEAR_PAIR_FIRST[1] and int(groups["yy"]) == (first + 1) % 100
    if kind in {"early_year", "era_year"}:
        # Four-digit years are the ``year`` pattern's (with its plausibility range).
        return "era" in groups or 3 <= len(groups["year"]) <= 3
    return True


def _mod(g: dict[str, str]) -> str | None:
    return {"Anfang": "START", "Beginn": "START", "Mitte": "MID", "Ende": "END"}.get(g.get("pmod", ""))


def resolve_holiday(g: dict[str, str], anchor: date | None, direction: str | None) -> tuple[str | None, str]:
    """(value, relative) of a holiday: its date in the named year, else the year the clause points to."""
    holiday = load_holidays()[g["holiday"]]
    if "year" in g:
        return holiday.on(int(g["year"])).isoformat(), ""
    if anchor is None:
        return None, f"holiday:{holiday.name}"
    return holiday.on(holiday_year(holiday, anchor, direction)).isoformat(), ""


def decade_value(tens: int, anchor: date | None) -> str:
    """The latest decade with these tens strictly before the anchor's own decade (``192`` in 2015)."""
    if anchor is None:
        return f"{200 if tens == 0 else 190 + tens}"
    current = anchor.year // 10
    value = (current // 10) * 10 + tens
    while value >= current:
        value -= 10
    return str(value)


def resolve_era(kind: str, g: dict[str, str], anchor: date | None) -> tuple[str | None, str | None]:
    """(value, mod) for decades, centuries and early years; value ``None`` when not a valid one."""
    if kind == "decade_word":
        return decade_value(DECADE_WORDS[g["tens"].lower()], anchor), _mod(g)
    if kind in {"decade_mod", "decade_short"}:
        digits = g["num"]
        if not digits.endswith("0"):
            return None, None
        if len(digits) == 4:
            return digits[:3], _mod(g)
        return decade_value(int(digits[0]), anchor), _mod(g)
    if kind in {"century_word", "century_digits"}:
        number = CENTURY_ORDINALS[g["ord"]] if "ord" in g else int(g["num"])
        return (f"{number - 1:02d}", _mod(g)) if 1 <= number <= 21 else (None, None)
    if kind == "decade_rel":
        if anchor is None:
            return None, _mod(g)
        return f"{anchor.year // 10 + CENTURY_OFFSETS.get(g.get('cmod', ''), 0):03d}", _mod(g)
    if kind == "century_rel":
        if anchor is None:
            return None, _mod(g)
        return f"{anchor.year // 100 + CENTURY_OFFSETS[g['cmod']]:02d}", _mod(g)
    if kind == "year_pair":
        return f"{int(g['first']) + 1:04d}", None
    if kind == "of_the_year":
        return (f"{anchor.year:04d}" if anchor is not None else None), None
    year = int(g["year"])
    if year == 0:
        return None, None
    if g.get("era", "").startswith("v"):
        return f"BC{year:04d}", None
    return f"{year:04d}", None
