"""Cheap necessary conditions for the time patterns, checked before the regexes run.

Every pattern needs some literal text to match (a month name, a unit word, a digit); most
sentences hold none of it for most patterns.  A substring test is far cheaper than running a
regex with look-behind boundaries over the whole sentence, so the pattern set skips the
patterns whose trigger is absent.  A trigger must be *necessary*: the test suite and the
benchmark compare all finds with and without triggers.
"""

from __future__ import annotations

import re

from wortlaut.timex import daynumber, units
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
    "clock_words": ("Uhr",),
    "modyear": ("Anfang", "Mitte", "Ende", "Beginn"),
    "night": ("Nacht",),
    "weekend": ("ochenend",),
    "relunit": (*UNITS, *SEASONS),
    "vague": (*UNITS, "Stunden", "Minuten", "Sekunden"),
    "future": ("Zukunft", "Jahr", "Monaten", "Wochen", "Tagen", "Stunden", "Minuten"),
    "recent": ("urzem",),
    **dict.fromkeys(("clock_word", "every_n", "prior_period", "near_future"), SPOKEN),
    **dict.fromkeys(("season_part", "course_of", "year_half"), SPOKEN),
    "span_adj": ("wöchig", "tägig", "monatig", "stündig", "minütig", "jährig"),
    "dayadj": ("heutigen", "gestrigen", "morgigen"),
    "dayhours": ("stunden",),
    "unit_position": ("Jahres", "Monats", "Wochen"),
    "compound_duration": ("tage", "wochen", "monate", "jahre", "stunden"),
    "stopwatch": ("Stunden", "Minuten", "Std", "Min"),
    "daypart": ("Abend", "Nachmittag", "Vormittag", "Morgen"),
    "season": SEASONS,
    "quarter": ("Quartal", "Halbjahr", "Jahreshälfte", "Trimester"),
    "every": (*UNITS, "Stunde", "Nacht", *SEASONS),
    "decade_word": ("iger", "Nuller", "nuller", "zehner", "Zehner"),
    "decade_mod": ("Jahr", "0er"),
    "decade_short": ("0er",),
    "century_word": ("Jahrhundert",),
    "century_digits": ("Jahrhundert",),
    "century_rel": ("Jahrhundert",),
    "decade_rel": ("Jahrzehnt",),
    "early_year": ("Jahr",),
    "era_year": ("Chr",),
    "year_pair": tuple(f"{digit}/" for digit in DIGITS),
    "of_the_year": ("des Jahres",),
}


#: Kinds whose pattern starts the match at a word start with one of the needles (``{b}(?P<word>…)``): their
#: test may demand that a needle begins a word too, which skips most positions of a sentence at once (the
#: ``word`` kind's 114 needles cost about a third of all trigger tests without it; measured on 10kGNAD).
WORD_START_KINDS = frozenset({"word"})
#: A prefix tree of needles: letter -> subtree; the key "" marks a needle that ends here.
_Tree = dict[str, "_Tree"]


def _cap(words: list[str]) -> tuple[str, ...]:
    return tuple({form for word in words for form in (word, word[:1].upper() + word[1:])})


def build_triggers(lex: TimeLexicon) -> dict[str, tuple[str, ...]]:
    """kind -> substrings of which at least one must occur for the kind's patterns to match."""
    months = tuple(lex.months)
    triggers = dict(FIXED)
    # the new kinds share existing tests where those are necessary for them too (one scan a sentence each):
    # the day numbers, stamps and unit compounds one rare test; ``der Monat`` relunit's; ``Jahr für Jahr``
    # every's (``Tag``, ``Woche``, ``Monat``, ``Jahr``, ``Stunde``)
    rare = daynumber.DAY_NEEDLES + units.COMPOUND_NEEDLES
    triggers.update(dict.fromkeys(("dayonly", "stamp", "unit_compound"), rare))
    triggers.update(month_again=FIXED["relunit"], unit_repeat=FIXED["every"], unit_whole=units.WHOLE_NEEDLES)
    triggers.update(
        {
            "daylist": months,
            "daymonth": months,
            "month": months,
            "weekday": tuple(lex.weekdays),
            "weekdays": tuple(name[1:] + "s" for name in lex.weekdays),
            "word": _cap(list(lex.words)),
            "duration": tuple(lex.units),
            # a digit, a space and the unit (``min`` alone is in Termin, Minister): the pattern demands them
            "duration_abbr": tuple(
                f"{d}{gap}{unit}" for d in DIGITS for gap in " \xa0" for unit in lex.unit_abbreviations
            ),
            "holiday": tuple(load_holidays()),
        }
    )
    return {
        kind: minimal(needles, prefix_only=kind in WORD_START_KINDS) for kind, needles in triggers.items()
    }


def minimal(needles: tuple[str, ...], *, prefix_only: bool = False) -> tuple[str, ...]:
    """The needles without those that contain a shorter one (``jahrelang`` covers ``jahrelangen``).

    The test stays the same (a text holding a longer needle holds the shorter one) but costs less:
    inflected word forms multiply the needles of the ``word`` kind otherwise. With ``prefix_only`` (for a
    test at word starts) a needle is covered only by one it begins with.
    """
    kept: list[str] = []
    for needle in sorted(set(needles), key=len):
        covered = (needle.startswith(short) if prefix_only else short in needle for short in kept)
        if not any(covered):
            kept.append(needle)
    return tuple(kept)


def trigger_regex(needles: tuple[str, ...], *, word_start: bool = False) -> re.Pattern[str]:
    """One regex that finds any of the needles, written as a prefix tree (``Mo(?:nat|rgen)``).

    It matches exactly the texts a plain alternation matches, but the regex engine tries one branch per
    letter instead of one per needle, about twice as fast on 10kGNAD sentences. ``word_start`` demands a
    needle right after a non-word character or the text start."""
    tree: _Tree = {}
    for needle in needles:
        node = tree
        for char in needle:
            node = node.setdefault(char, {})
        node[""] = {}
    return re.compile((r"(?<!\w)" if word_start else "") + _branches(tree))


def _branches(node: _Tree) -> str:
    """The regex of one prefix-tree node; a needle that ends here makes the rest optional."""
    alternatives = [re.escape(char) + _branches(child) for char, child in sorted(node.items()) if char]
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
    return f"(?:{body})?" if "" in node else body


def present(text: str, needles: tuple[str, ...]) -> bool:
    """Whether any of the substrings occurs in ``text``."""
    return any(needle in text for needle in needles)
