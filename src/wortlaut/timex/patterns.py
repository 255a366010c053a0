"""Finds candidate time expressions in text with regular expressions built from the lexicon.

Each pattern yields a :class:`Candidate` with its kind and named groups; overlapping
candidates are reduced to the longest.  Normalisation happens in :mod:`.normalise`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from wortlaut.timex import cues, daynumber, grammar, phrases, spoken, units
from wortlaut.timex.cues import (
    AGE_AFTER,
    APPROX,
    ARTICLES,
    BOUNDED_YEAR_BEFORE,
    CLOCK,
    CLOCK_WORDS,
    CLOCK_ZONE,
    COUNTED_KINDS,
    DATELINE,
    GENERIC_NOUNS,
    GENERIC_TOMORROW_BEFORE,
    GENERIC_TOMORROW_NOT_AFTER,
    LIST_SEP,
    MEASURE_RANGE,
    MODERN_YEAR,
    MORNING_BEFORE,
    NOT_ADJECTIVE,
    NOWADAYS_ATTRIBUTE,
    PARTICULAR_AFTER,
    PARTS,
    QUANTITY_AFTER,
    RANGE_REST,
    RECURRING_DAY,
    SEASON_CUES,
    SEASON_NAMES,
    SPAN_ADJ_UNITS,
    TIME_IDIOMS,
    VAGUE_AGO,
    VAGUE_COURSE,
    VAGUE_GENITIVE,
    YEAR_MAX,
    YEAR_MIN,
    YEAR_PAIR_BEFORE,
    YEAR_RANGE_AFTER,
    YEAR_RANGE_BEFORE,
)
from wortlaut.timex.lexicon import TimeLexicon
from wortlaut.timex.triggers import WORD_START_KINDS, build_triggers, trigger_regex


@dataclass(frozen=True, slots=True)
class Candidate:
    """A matched stretch of text with its pattern kind and named groups."""

    start: int
    end: int
    kind: str
    groups: dict[str, str]


def _alt(words: Iterable[str]) -> str:
    """A regex alternation, longest words first so that ``Jahres`` beats ``Jahr``."""
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


def _cap(words: Iterable[str]) -> set[str]:
    """The words plus their capitalised forms (sentence starts)."""
    return {form for word in words for form in (word, word[:1].upper() + word[1:])}


class PatternSet:
    """All compiled patterns for one lexicon."""

    def __init__(self, lex: TimeLexicon) -> None:
        self.lex = lex
        self.cues = lex.date_cues | lex.weak_cues
        month = _alt(lex.months)
        weekday = _alt(lex.weekdays)
        number = rf"(?:\d{{1,3}}(?:\.\d{{3}})+(?![.\d])|\d+(?:,\d+)?|{_alt(_cap(lex.numbers))})"
        unit = _alt(lex.units)
        mod = _alt(_cap(lex.modifiers))
        ordinal = _alt(lex.ordinals)
        words = _alt(_cap(lex.words))
        year = r"(?P<year>\d{4})"
        #: ``des Vorjahres``, ``vergangenen Jahres`` after a day or month: the year counted from the anchor.
        of_year = rf"\s+(?:des\s+)?(?:(?P<ymod>{mod})\s+Jahres|(?P<yword>Vorjahres))"
        b = r"(?<![\w.,])(?<![^\W\d_]-)"
        self.patterns: list[tuple[str, re.Pattern[str]]] = [
            ("iso", re.compile(rf"{b}(?P<year>\d{{4}})-(?P<month>\d{{2}})-(?P<day>\d{{2}})(?![\d-])")),
            (
                "numdate",
                re.compile(
                    rf"{b}(?P<day>\d{{1,2}})\.\s?(?P<month>\d{{1,2}})\.(?:\s?(?P<year>\d{{4}}|\d{{2}}))?(?![\d,.]\d)"
                ),
            ),
            (
                "daylist",
                re.compile(
                    rf"{b}(?P<day>\d{{1,2}})\.?(?=(?:{LIST_SEP}\d{{1,2}}\.?)*{LIST_SEP}"
                    rf"\d{{1,2}}\.\s*(?P<month>{month})(?!\w)(?:\s+{year})?)"
                ),
            ),
            (
                "daymonth",
                re.compile(
                    rf"{b}(?:(?P<night>Nacht|Abend|Morgen|Vormittag|Nachmittag)\s+(?:des|zum|vom|auf\s+den)\s+)?"
                    rf"(?:(?P<wd>{weekday})(?P<apposed>,)?\s+(?:(?:den|dem)\s+)?)?(?P<day>\d{{1,2}})\.\s*(?P<month>{month})(?!\w)"
                    rf"(?:\s+{year}|{of_year})?(?:,?\s+(?:um|gegen|ab)\s+{CLOCK})?"
                ),
            ),
            (
                "month",
                re.compile(
                    rf"{b}(?:(?P<pmod>Anfang|Mitte|Ende|Beginn)\s+)?(?P<month>{month})(?!\w)"
                    rf"(?:\s+{year}|{of_year})?"
                ),
            ),
            (
                "modyear",
                re.compile(
                    rf"{b}(?P<pmod>Anfang|Mitte|Ende|Beginn)\s+(?:{year}|(?:des\s+|der\s+)?(?P<ymod>{mod}|des|der)?\s*"
                    rf"(?P<unit>Jahres|Monats|Woche))(?!\w)"
                ),
            ),
            (
                "year",
                re.compile(
                    rf"{b}(?:(?:im\s+)?(?:das\s+)?Jahre?s?\s+)?{year}(?![\w.,]\d|\d|[^\W\d_]|-\d{{1,2}}(?!\d))"
                ),
            ),
            (
                "century",
                re.compile(
                    rf"{b}(?P<num>\d{{1,2}})\.(?:\s+(?:Jahrhunderts?(?!\w)|Jh\.)"
                    rf"|(?=\s*(?:und|bis|oder|-|–)\s*\d{{1,2}}\.\s+(?:Jahrhunderts?(?!\w)|Jh\.)))"
                ),
            ),
            ("decade", re.compile(rf"{b}(?P<num>\d{{2}}|\d{{4}})er(?:-|\s)?Jahren?(?!\w)")),
            ("night", re.compile(rf"{b}Nacht\s+(?:zu[mr]?|auf(?:\s+den)?)\s+(?P<wd>{weekday})(?!\w)")),
            (
                "weekday",
                re.compile(
                    rf"{b}(?:(?P<dpre>Abend|Morgen|Vormittag|Nachmittag|Mittag)\s+(?:des|vom)\s+)?"
                    rf"(?:(?P<every>[Jj]ede[nm]?|{RECURRING_DAY})\s+(?:(?P<nth>ersten|zweiten|dritten|vierten|letzten)\s+)?"
                    rf"|(?P<mod>{mod})\s+|(?P<indef>(?<=[Aa]n\s)einem)\s+)?"
                    rf"(?P<wd>{weekday})(?(dpre)s?)(?P<part>{PARTS})?(?!\w)(?:\s+(?P<after>darauf)(?!\w))?"
                ),
            ),
            ("weekdays", re.compile(rf"{b}(?P<wd>{weekday.lower()}|{weekday})s(?!\w)")),
            ("weekend", re.compile(rf"{b}(?:(?P<mod>{mod})\s+)?Wochenendes?(?!\w)")),
            (
                "word",
                re.compile(
                    rf"{b}(?P<word>{words})(?!\w)(?:\s+(?P<part>Abend|früh|Morgen|Nachmittag|Vormittag|Mittag|Nacht)(?!\w))?"
                ),
            ),
            (
                "relunit",
                re.compile(
                    rf"{b}(?P<mod>{mod})\s+(?P<unit>Woche|Monat|Monats|Jahr|Jahres|Sommer|Winter|Herbst|Frühling|Frühjahr)(?!\w)"
                ),
            ),
            (
                "duration",
                re.compile(
                    rf"{b}(?:(?P<prep>[Vv]or|[Ii]n|[Nn]ach)\s+(?:(?P<approx>{APPROX})\s+)?)?(?:(?P<det>den|die|der)\s+)?(?:(?P<mod>{mod}|ersten)\s+)?"
                    rf"(?P<num>{number})\s+(?:{NOT_ADJECTIVE}(?P<adj>[a-zäöü]+e[nrs]?)\s+)?(?P<unit>{unit})(?!\w)"
                ),
            ),
            (
                "duration",
                re.compile(
                    rf"{b}(?P<num>{number})(?=\s*(?:bis|-|–|oder|und|bzw\.)\s*{number}\s+(?P<unit>{unit})(?!\w))"
                ),
            ),
            (
                "vague",
                re.compile(
                    rf"{b}(?:(?P<seit>[Ss]eit|[Üü]ber|{VAGUE_AGO})\s+|(?P<course>{VAGUE_COURSE})|(?P<q>[Ww]enigen?|[Ee]inigen?|[Mm]ehreren?|[Vv]ielen?|diesen|{VAGUE_GENITIVE}|"
                    rf"(?:den\s+)?(?:vergangenen|letzten))\s+)(?P<unit>Tagen?|Wochen|Monaten?|Jahren?|Jahrzehnten?|Stunden|Minuten|Sekunden)(?!\w)"
                ),
            ),
            (
                "future",
                re.compile(
                    rf"{b}(?:[Ii]n\s+(?:der\s+)?Zukunft|(?:kommenden|nächsten)\s+(?:Jahren?|Jahrzehnten|Monaten|Wochen|Tagen|Stunden|Minuten))(?!\w)"
                ),
            ),
            ("recent", re.compile(rf"{b}(?:[Vv]or|[Ss]eit)\s+[Kk]urzem(?!\w)")),
            (
                "span_adj",
                re.compile(
                    rf"{b}(?P<num>\d{{1,3}}(?:,\d+)?-?|{_alt(_cap(lex.numbers))})(?P<unit>{SPAN_ADJ_UNITS})(?:e[mnrs]?)?(?!\w)"
                ),
            ),
            (
                "daypart",
                re.compile(
                    rf"{b}(?:(?<=[Aa]m\s)|(?<=[Aa]m\sspäten\s)|(?<=[Aa]m\sfrühen\s))"
                    rf"(?P<part>Abend|Nachmittag|Vormittag|Morgen)(?!\w)"
                ),
            ),
            ("daypart", re.compile(r"(?:(?<=^)|(?<=[.!?]\s))(?P<part>Abends|Nachmittags|Vormittags)(?!\w)")),
            ("clock", re.compile(rf"{b}(?:(?P<prep>[Uu]m|[Gg]egen|[Aa]b|[Bb]is)\s+)?{CLOCK}")),
            ("clock_words", re.compile(rf"{b}(?:(?P<prep>[Uu]m|[Gg]egen|[Aa]b|[Bb]is)\s+)?{CLOCK_WORDS}")),
            (
                "clock",
                re.compile(
                    rf"{b}(?P<range>)(?P<h>\d{{1,2}})(?:[.:](?P<min>\d{{2}}))?"
                    rf"(?=\s*(?:bis|-|–)\s*\d{{1,2}}(?:[.:]\d{{2}})?\s*Uhr(?!\w))"
                ),
            ),
            (
                "clock",
                re.compile(
                    rf"{b}(?P<h>\d{{1,2}})(?:[.:](?P<min>\d{{2}}))?"
                    rf"(?=\s*(?:und|/)\s*\d{{1,2}}(?:[.:]\d{{2}})?\s*Uhr(?!\w))"
                ),
            ),
            (
                "clock",
                re.compile(rf"{b}(?P<prep>[Uu]m)\s+(?P<h>\d{{1,2}})[.:](?P<min>\d{{2}})(?![\d.,]\d|\d)"),
            ),
            ("clock", re.compile(rf"{b}(?P<h>\d{{1,2}})[.:](?P<min>\d{{2}})\s*{CLOCK_ZONE}")),
            (
                "season",
                re.compile(
                    rf"{b}(?:(?P<mod>{mod})\s+(?:[a-zäöü]+en\s+)?)?(?P<season>Frühling|Frühjahr|Sommer|Herbst|Winter)(?P<months>monate?n?)?"
                    rf"(?!\w)(?:\s+{year}|{of_year})?"
                ),
            ),
            (
                "quarter",
                re.compile(
                    rf"{b}(?P<ord>{ordinal})\s+(?P<q>Quartals?|Halbjahr(?:es)?|Jahreshälfte|Trimester)(?!\w)(?:\s+{year})?"
                ),
            ),
            (
                "every",
                re.compile(
                    rf"{b}(?:[Jj]ede[nms]?\s+(?:(?P<unit>Stunde|Tag|Woche|Monat|Jahr)|(?P<eseason>{SEASON_NAMES}|Wochenende))|(?:[Ee]inmal\s+)?(?:im|pro)\s+(?P<unit2>Monat|Jahr)"
                    rf"|[Aa]n\s+(?:den\s+)?(?P<weekends>Wochenenden)"
                    rf"|(?P<per>pro|am|je)\s+(?P<unit3>Stunde|Tag|Woche)|(?:pro|je)\s+(?P<unit4>Nacht)"
                    rf"|[Jj]ede[nrs]?\s+(?P<nth>zweiten?|dritten?|vierten?)\s+(?P<unitn>Tag|Woche|Monat|Jahr)"
                    rf"|(?<=[Mm]al\s)in\s+der\s+(?P<inweek>Woche))(?!\w)(?!\s+(?:der|des|nach|vor|zuvor|danach)\b)"
                ),
            ),
        ]
        self.patterns += grammar.extra_patterns(lex, b)
        self.patterns += phrases.extra_patterns(lex, b, number)
        self.patterns += spoken.extra_patterns(lex, b)
        self.patterns += daynumber.extra_patterns(lex, b) + units.extra_patterns(b)
        self.triggers = build_triggers(lex)
        #: Each kind's trigger test as one prefix-tree regex: one C-level scan per kind instead of a Python
        #: loop over up to a hundred substrings (same answer as :func:`present`, or at word starts for the
        #: kinds whose patterns begin there).
        self.trigger_tests = {
            kind: trigger_regex(needles, word_start=kind in WORD_START_KINDS)
            for kind, needles in self.triggers.items()
        }
        #: The patterns grouped by their trigger test (kinds that share one, e.g. the month kinds, the
        #: clock kinds, the spoken kinds, test it once per sentence), each with its place in the list.
        self.groups: list[tuple[re.Pattern[str], list[tuple[int, str, re.Pattern[str]]]]] = []
        by_test: dict[int, list[tuple[int, str, re.Pattern[str]]]] = {}
        for index, (kind, pattern) in enumerate(self.patterns):
            test = self.trigger_tests[kind]
            if id(test) not in by_test:
                by_test[id(test)] = []
                self.groups.append((test, by_test[id(test)]))
            by_test[id(test)].append((index, kind, pattern))
        #: Set to False to run every pattern on every sentence (to check that the triggers change nothing).
        self.use_triggers = True

    def candidates(self, text: str) -> list[Candidate]:
        """All accepted candidates, overlaps reduced to the longest (then the earliest, then the first
        pattern in the list)."""
        found = [
            (index, cand)
            for test, members in self.groups
            if not self.use_triggers or test.search(text) is not None
            for index, kind, pattern in members
            for cand in self._matches(kind, pattern, text)
        ]
        found.sort(key=lambda item: (item[1].start - item[1].end, item[1].start, item[0]))
        kept: list[Candidate] = []
        for _, cand in found:
            if all(cand.end <= other.start or cand.start >= other.end for other in kept):
                kept.append(cand)
        return sorted(kept, key=lambda cand: cand.start)

    def _matches(self, kind: str, pattern: re.Pattern[str], text: str) -> Iterator[Candidate]:
        for match in pattern.finditer(text):
            groups = {key: value for key, value in match.groupdict().items() if value is not None}
            start, end = match.span()
            if self._accept(kind, groups, text, start, end):
                yield Candidate(start=start, end=end, kind=SAME_AS.get(kind, kind), groups=groups)

    def _accept(self, kind: str, groups: dict[str, str], text: str, start: int, end: int) -> bool:
        """Context checks that regexes cannot express (names, counts, nouns)."""
        before = text[max(0, start - 20) : start].split()
        previous = before[-1] if before else ""
        if kind in COUNTED_KINDS and text[max(0, start - 1) : start] == ":":
            return False  # the seconds of a race time (``3:35:49,5 Std.``), not a count of its own
        if kind == "month" and "year" not in groups and "pmod" not in groups:
            return groups["month"] not in self.lex.context_months or previous in self.cues
        if kind == "year":
            return self._is_year(groups, text, previous, start, end)
        if kind == "of_the_year":
            return cues.position_of_year(text, start, self.lex.year_positions, self.lex.units)
        if kind == "duration":
            return self._duration_ok(groups, text, end, before)
        if kind == "every" and groups.get("per") == "am":
            return any(word[:1].isdigit() or word.lower() in self.lex.numbers for word in before[-3:])
        if kind == "word":
            if (
                groups["word"].lower() == "heute"
                and "part" not in groups
                and self._nowadays(text, end, previous)
            ):
                groups["nowadays"] = "1"
            return self._word_ok(groups, text, start, end, previous)
        if kind == "weekdays" and groups["wd"][:1].isupper() and not _sentence_start(text, start):
            return False  # ``Montags`` is the adverb only where a sentence starts (else ``des Montags``)
        if kind == "span_adj" and text[start].isupper() and not _sentence_start(text, start):
            return False  # a name (``der Dreißigjährige Krieg``), not a length
        if kind == "span_adj" and groups["unit"] == "jährig":
            return phrases.span_noun_after(text, end)
        if kind == "relunit" and text.startswith(" des ", end):
            return False  # ``im vorletzten Monat des Jahres``: a position in a named unit, not a count back
        if kind == "season" and "mod" not in groups and "year" not in groups:
            return previous in self.cues or previous in SEASON_CUES
        return grammar.accept(kind, groups, text, start) and phrases.accept(kind, groups)

    def _nowadays(self, text: str, end: int, previous: str) -> bool:
        """``heute`` meaning "nowadays": ``heute noch``, ``wie wir heute wissen``, ``heute würde``."""
        after = text[end : end + 20].split()
        following = after[0].strip(",.;") if after else ""
        if following in self.lex.nowadays_after or previous in self.lex.nowadays_before:
            return True
        # an attribute between an article and its noun (``die heute übliche Technik``, ``das heute bekannte
        # LTE``) describes a state of these days, not of the publication day
        return previous.lower() in ARTICLES and NOWADAYS_ATTRIBUTE.match(text, end) is not None

    def _duration_ok(self, groups: dict[str, str], text: str, end: int, before: list[str]) -> bool:
        """Ages (``16 Jahre alt``, ``im Alter von elf Jahren``) and ``eines Tages`` are no durations."""
        if (
            groups["num"].lower() in {"eines", "einem"}
            and "prep" not in groups
            and text.startswith("Tages", end - 5)
        ):
            return False
        rest = RANGE_REST.match(text, end)
        if AGE_AFTER.match(text, rest.end() if rest else end):
            return False
        if groups["unit"].startswith("Jahr") and before and before[-1] in {"ab", "unter"}:
            return False
        years = groups["unit"].startswith("Jahr")
        if years and before and before[-1] == "zwischen" and groups["num"].isdigit():
            return False  # ``Jugendliche zwischen 16 und 21 Jahren``; not ``zwischen drei und fünf Jahren``
        if years and _age_range_end(groups["num"], before):
            return False  # ``Prostituierte zwischen 18 und 21 Jahren``: ages, as the range's first end
        if groups["unit"] == "Jahren" and cues.age_with(before) and not cues.NOUN_AFTER.match(text, end):
            return False  # ``mit nur 25 Jahren zur Direktorin berufen``; not ``mit zwei Jahren Verspätung``
        return " ".join(before[-2:]) not in {"Alter von", "Alter vom"}

    def _is_year(self, groups: dict[str, str], text: str, previous: str, start: int, end: int) -> bool:
        year = int(groups["year"])
        if (
            not YEAR_MIN <= year <= YEAR_MAX
            or QUANTITY_AFTER.match(text, end)
            or MEASURE_RANGE.match(text, end)
        ):
            return False
        if text.startswith(" hinaus", end):
            return True  # ``über 2023 hinaus``: beyond a year, not more than a count
        if text[start:end] != groups["year"] or previous in self.lex.date_cues or previous in self.lex.months:
            return True
        if YEAR_RANGE_AFTER.match(text, end) or YEAR_RANGE_BEFORE.search(text, 0, start):
            return True
        if YEAR_PAIR_BEFORE.search(text, max(0, start - 12), start):
            return True
        bounded = BOUNDED_YEAR_BEFORE.search(text, max(0, start - 24), start) is not None
        if (previous.lower() in self.lex.quantity_cues and not bounded) or (
            year < MODERN_YEAR and year % 100 == 0
        ):
            return False
        if re.match(r"\s*(?:[.!?;:,)]|$)", text[end : end + 2]):
            return True
        near = cues.year_before_word(text[end : end + 20].split(), self.lex.months)
        if near and cues.copula_year(text, start, self.lex.singular_copulas, self.lex.subject_pronouns):
            near = ""  # ``war 1966 Wilhelm Bungert``: a year, not a count, whatever the anchor
        groups["near_only"] = near or ""
        return near is not None

    def _word_ok(self, groups: dict[str, str], text: str, start: int, end: int, previous: str) -> bool:
        word = groups["word"]
        if word in self.lex.words:
            pass
        elif word[:1].lower() + word[1:] in self.lex.words and not _sentence_start(text, start):
            return False
        lowered = word.lower()
        if word.endswith(GENERIC_NOUNS) and " " in word and PARTICULAR_AFTER.match(text, end):
            return False
        comparative = lowered == "früher" and re.match(r"\s+als\b", text[end:])
        if comparative or cues.not_soon(lowered, previous, text, end):
            return False
        idiom = TIME_IDIOMS.search(text, max(0, start - 16), end + 16)
        if idiom and idiom.start() <= start and end <= idiom.end():
            return False
        if lowered == "morgen" and "part" not in groups and _generic_tomorrow(text, start, end):
            groups["generic"] = "FUTURE_REF"
        return not (lowered == "morgen" and previous.lower() in MORNING_BEFORE)


#: Kinds with a trigger test of their own that are read as another kind once found: hours in words (``um acht
#: Uhr``) need ``Uhr`` in the sentence, not a digit, and are clock times like ``um 8 Uhr``.
SAME_AS = {"clock_words": "clock"}


def _generic_tomorrow(text: str, start: int, end: int) -> bool:
    """``die Stadt von morgen``: a noun, ``von``, ``morgen``, and no ``an`` / ``ab`` after it."""
    before = GENERIC_TOMORROW_BEFORE.search(text, max(0, start - 40), start)
    return before is not None and not GENERIC_TOMORROW_NOT_AFTER.match(text, end)


def _age_range_end(number: str, before: list[str]) -> bool:
    """The second end of a range of years in digits after ``zwischen`` (``zwischen 18 und 21 Jahren``): an age
    range, as its first end; a length in words (``zwischen zwei und zweieinhalb Jahren``) stays a duration."""
    if len(before) < 3 or before[-1] != "und" or before[-3] != "zwischen":
        return False
    return number.isdigit() and before[-2].isdigit()


def _sentence_start(text: str, start: int) -> bool:
    """Whether only spaces and quotes separate ``start`` from a sentence end or the text start."""
    head = text[:start].rstrip(" \t„\"'»«(")
    return not head or head[-1] in ".!?:\n" or DATELINE.search(head, max(0, len(head) - 60)) is not None
