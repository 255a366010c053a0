"""Cheap necessary conditions for the time patterns, checked before the regexes run.

Every pattern needs some literal text to match (a month name, a unit word, a digit); most
sentences hold none of it for most patterns.  A substring test is far cheaper than running a
regex with look-behind boundaries over the whole sentence, so the pattern set skips the
patterns whose trigger is absent.  A trigger must be *necessary*: the test suite and the
benchmark compare all finds with and without triggers.
"""

from __future__ import annotations

from wortlaut.timex.feasts import load_holidays
from wortlaut.timex.lexicon import TimeLexicon

#: Marker for patterns that need a digit.
DIGITS = ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")
SEASONS = ("Frühling", "Frühjahr", "Sommer", "Herbst", "Winter")
UNITS = ("Tag", "Woche", "Monat", "Jahr")
#: One shared trigger for the kinds of :mod:`wortlaut.timex.spoken` (clock words, ``alle N``, the same
#: period a year before, ``in Kürze``, ``im Laufe``, ``Hälfte``, season compounds): tested once per sentence
#: instead of once per kind, and with needles that begin with rarer letters, which keeps the scan cheap
#: (needles such as ``m halb`` made the alternation test almost every position; measured on 10kGNAD).
SPOKEN: tuple[str, ...] = (
    "halb",
    "iertel",
    "Mitternacht",
    "Mittag",
    "Früh",
    "Hoch",
    "Spät",
    "alle ",
    "Alle ",
    "Vorjahres",
)
SPOKEN += ("Zeitraum", "Monat des", "Monat im", "Quartal", "Kürze", "Zukunft", "Lauf", "älfte")
FIXED: dict[str, tuple[str, ...]] = {
    "iso": DIGITS,
    "numdate": DIGITS,
    "year": DIGITS,
    "century": DIGITS,
    "decade": DIGITS,
    "clock": DIGITS,
    "modyear": ("Anfang", "Mitte", "Ende", "Beginn"),
    "night": ("Nacht",),
    "weekend": ("ochenend",),
    "relunit": (*UNITS, *SEASONS),
    "vague": (*UNITS, "Stunden", "Minuten"),
    "future": ("Zukunft", "Jahr", "Monaten", "Wochen", "Tagen"),
    "recent": ("urzem",),
    **dict.fromkeys(("clock_word", "every_n", "prior_period", "near_future"), SPOKEN),
    **dict.fromkeys(("season_part", "course_of", "year_half"), SPOKEN),
    "span_adj": ("wöchig", "tägig", "monatig", "stündig", "minütig", "jährig"),
    "dayadj": ("heutigen", "gestrigen", "morgigen"),
    "dayhours": ("stunden",),
    "unit_position": ("Jahres", "Monats", "Wochen"),
    "compound_duration": ("tage", "wochen", "monate", "jahre", "stunden"),
    "daypart": ("Abend", "Nachmittag", "Vormittag", "Morgen"),
    "season": SEASONS,
    "quarter": ("Quartal", "Halbjahr", "Jahreshälfte", "Trimester"),
    "every": (*UNITS, "Stunde"),
    "decade_word": ("iger", "Nuller", "nuller", "zehner", "Zehner"),
    "decade_mod": ("Jahr",),
    "decade_short": ("0er",),
    "century_word": ("Jahrhundert",),
    "century_digits": ("Jahrhundert",),
    "century_rel": ("Jahrhundert",),
    "early_year": ("Jahr",),
    "era_year": ("Chr",),
}


def _cap(words: list[str]) -> tuple[str, ...]:
    return tuple({form for word in words for form in (word, word[:1].upper() + word[1:])})


def build_triggers(lex: TimeLexicon) -> dict[str, tuple[str, ...]]:
    """kind -> substrings of which at least one must occur for the kind's patterns to match."""
    months = tuple(lex.months)
    triggers = dict(FIXED)
    triggers.update(
        {
            "daylist": months,
            "daymonth": months,
            "month": months,
            "weekday": tuple(lex.weekdays),
            "weekdays": tuple(name.lower() for name in lex.weekdays),
            "word": _cap(list(lex.words)),
            "duration": tuple(lex.units),
            "holiday": tuple(load_holidays()),
        }
    )
    return {kind: minimal(needles) for kind, needles in triggers.items()}


def minimal(needles: tuple[str, ...]) -> tuple[str, ...]:
    """The needles without those that contain a shorter one (``jahrelang`` covers ``jahrelangen``).

    The test stays the same (a text holding a longer needle holds the shorter one) but costs less:
    inflected word forms multiply the needles of the ``word`` kind otherwise.
    """
    kept: list[str] = []
    for needle in sorted(set(needles), key=len):
        if not any(short in needle for short in kept):
            kept.append(needle)
    return tuple(kept)


def present(text: str, needles: tuple[str, ...]) -> bool:
    """Whether any of the substrings occurs in ``text``."""
    return any(needle in text for needle in needles)
