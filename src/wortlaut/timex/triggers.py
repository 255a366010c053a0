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
#: Spoken clock times (``um halb neun``, ``Viertel vor``, ``zu Mittag``, ``in der Früh``): not the bare
#: ``halb`` of ``deshalb`` or ``innerhalb``.
CLOCK_WORDS: tuple[str, ...] = ("m halb", "gegen halb", "ab halb", "bis halb", "iertel", "Mitternacht")
CLOCK_WORDS += ("u Mittag", "n Mittag", "s Mittag", "der Früh")
PRIOR_PERIOD = (
    "Vorjahres",
    "Zeitraum des",
    "Monat des",
    "Quartal des",
    "Zeitraum im",
    "Monat im",
    "Quartal im",
)
SEASON_PARTS = tuple(
    f"{part}{name}" for part in ("Früh", "Hoch", "Spät") for name in ("sommer", "herbst", "winter")
)
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
    "clock_word": CLOCK_WORDS,
    "every_n": ("alle ", "Alle "),
    "prior_period": PRIOR_PERIOD,
    "near_future": ("Kürze", "naher Zukunft", "absehbarer Zukunft"),
    "season_part": SEASON_PARTS,
    "course_of": ("Laufe d", "Lauf d"),
    "year_half": ("Hälfte", "hälfte"),
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
