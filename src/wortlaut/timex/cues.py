"""Context cues of the candidate patterns: words and shapes around a match that make it a time or not.

Kept apart from :mod:`wortlaut.timex.patterns` (which builds and runs the regexes) so that module stays
small; every constant here is grammar (counts, ages, ranges, generic nouns), not fitted to a corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Words after a four-digit number that show it counts things rather than naming a year; whole words only
#: (``2012 Euro`` is a sum, ``2012 Europameister`` a year).
QUANTITY_AFTER = re.compile(
    r"\s*(?:%|(?:Prozent|Euro|Dollar|Franken|Mio|Mrd|Millionen|Milliarden|km|Meter|Tonnen|Grad)(?!\w))"
)
#: Lower and upper bound for a bare four-digit number to be read as a year; chosen to cover news history
#: and plans without reading counts (``2500 Soldaten``) as years.
YEAR_MIN, YEAR_MAX = 1000, 2099

#: Bare years before this one need a date cue when they are round hundreds (``1000 bei Protestzug``
#: counts people; ``1798`` alone is a year): round numbers are far more often counts.
MODERN_YEAR = 1900

#: Words after ``N Jahre`` that make it an age rather than a duration.
AGE_AFTER = re.compile(r"\s+(?:alt|jung|älter|jünger)")

#: Adverbs of degree between ``mit`` and a count of years that gives an age (``mit nur 25 Jahren``).
AGE_WITH_ADVERBS = frozenset({"nur", "erst", "gerade", "knapp", "fast", "schon", "bereits", "rund", "etwa"})
#: A noun right after a count of units makes it a span of something (``mit zwei Jahren Verspätung``).
NOUN_AFTER = re.compile(r"\s+[A-ZÄÖÜ]")


def age_with(before: list[str]) -> bool:
    """``mit`` (and an adverb of degree) right before a count of years: the age at which something
    happened (``Mit 30 Jahren ging er``)."""
    words = [word for word in before[-2:] if word not in AGE_WITH_ADVERBS]
    return bool(words) and words[-1] in {"mit", "Mit"} and before[-1] in AGE_WITH_ADVERBS | {"mit", "Mit"}


#: Extra words before a season name that make it the season (``diesem Sommer``, ``den ganzen Sommer``).
SEASON_CUES = frozenset(["diesem", "der", "ganzen"])
#: Words before ``Morgen`` that make it the noun "morning", not "tomorrow".
MORNING_BEFORE = frozenset(["am", "den", "jeden", "diesen", "frühen", "heute"])

#: A year range (``1170-1230``, ``(1898–1976)``): both numbers are years whatever follows.
YEAR_RANGE_AFTER = re.compile(r"[-–/]\d{4}(?!\d)")
YEAR_RANGE_BEFORE = re.compile(r"(?<!\d)\d{4}[-–/]$")
#: The second year of ``zwischen 2010 und 2014``, ``von 1998 bis 2002`` (whatever noun follows).
YEAR_PAIR_BEFORE = re.compile(r"(?<![\d.,])(?:1\d|20)\d\d\s+(?:und|bis|oder)\s+$")
#: The rest of a number range after its first number (``31 [und 22 Jahre]``).
RANGE_REST = re.compile(r"\s*(?:bis|-|–|oder|und|bzw\.)\s*\w+\s+\w+")
#: Words ending like adjectives that are not (``eine über Jahre``), refused between number and unit.
NOT_ADJECTIVE = r"(?!(?:über|unter|oder|aber|hinter|wieder|immer|weiter|später|früher|jeder|einer)\s)"
#: Separator between list items (``am 4., 11., 18. und 25. März``, ``10 bis 15 Uhr``).
LIST_SEP = r"\s*(?:,?\s*(?:und|bis|oder|sowie)(?:\s+(?:am|zum))?|,|-|–|/)\s*"
#: Words of approximation between ``vor``/``in``/``nach`` and a count (``vor rund zwei Wochen``); TIMEX3 mods
#: in :data:`wortlaut.timex.lengths.APPROX_MODS`.
APPROX = r"rund|etwa|knapp|genau|fast|beinahe|über|mehr\s+als|gut|ungefähr|zirka|circa|mindestens"

#: A time zone after a clock time without ``Uhr`` (``5.00 MEZ``, ``14:30 UTC``): the zone makes it a clock
#: time; the value keeps the local clock and names no zone (as the own sets' guidelines annotate it).
CLOCK_ZONE = r"(?:MEZ|MESZ|UTC|GMT|CET|CEST|Ortszeit)(?!\w)"
#: Parts of the day glued to a weekday (``Dienstagabend``, ``Montagfrüh``) or ``früh`` after it
#: (``Montag früh``).
PARTS = r"(?:abend|morgen|nachmittag|vormittag|mittag|nacht|früh|\s+früh(?!\w))"
#: Adverbs of recurrence before ``am``/``an`` and a weekday (``immer am Samstag``, ``jeweils am Dienstag``):
#: the weekday is every such day, a TIMEX3 SET like ``jeden Samstag``; not ``wer auch immer am Sonntag``
#: (whoever).
RECURRING_DAY = r"(?:(?<![Aa]uch\s)[Ii]mmer|[Jj]eweils|[Ss]tets)\s+(?:am|an)"
#: ``vor`` before a bare plural of a unit (``vor Jahren``, ``vor Wochen``): a vague span back, annotated like
#: ``vor zwei Jahren`` (KRAUTS: the span ``zwei Jahren``, P2Y) and ``seit Jahren`` (PXY).
VAGUE_AGO = r"[Vv]or(?=\s+(?:Tagen|Wochen|Monaten|Jahren|Jahrzehnten|Stunden|Minuten)(?!\w))"
#: Vague spans said as "the course of the years" (``im Laufe der Jahre``, ``über die Jahre hinweg``): TIMEX3
#: vague durations like ``seit Jahren``.
VAGUE_COURSE = r"(?:[Ii]m\s+Lauf(?:e)?\s+der|[Üü]ber\s+die)\s+"
#: Articles that open an attribute before ``heute`` (``die heute übliche Technik``).
ARTICLES = frozenset(
    {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines"}
)
#: An inflected adjective or present participle and its capitalised noun after ``heute`` (``übliche Technik``,
#: ``regierende Partei``); not a past participle in ``-t-`` or ``-en-`` (``die heute vorgestellten Zahlen``,
#: ``die heute getroffene Entscheidung`` happened on the publication day).
NOWADAYS_ATTRIBUTE = re.compile(
    r"\s+(?![a-zäöü]\w*(?:t|en)(?:e|en|er|es|em)\s)[a-zäöü]\w*(?:e|en|er|es|em)\s+[A-ZÄÖÜ]"
)
#: A news dateline before the first word of the text (``Wien – Heute beginnt …``, ``Blacksburg – Heute gelten
#: …``): a place name and a dash open the sentence like a full stop.
DATELINE = re.compile(r"(?:^|[.!?]\s+|\s)[A-ZÄÖÜ][\w./-]*(?:\s+\([^)]*\))?\s+[–-]$")
#: A bound of a limit before a number (``bis mindestens 2024``, ``ab frühestens 2030``): the number is a year,
#: though ``mindestens`` alone counts things (``mit mindestens 1790 Toten``).
BOUNDED_YEAR_BEFORE = re.compile(
    r"(?<!\w)(?:[Bb]is|[Ss]eit|[Aa]b)\s+(?:mindestens|höchstens|maximal|spätestens|frühestens)\s+$"
)
#: A singular copula (and its pronoun subject) right before a bare number, also before the second of two such
#: numbers joined by ``und`` (``wurde er 2010 Weltmeister und 2012 Europameister``): the words are checked
#: against ``time_context.tsv`` (roles ``singular_copula``, ``subject_pronoun``) by :func:`copula_year`.
COPULA_BEFORE = re.compile(r"(?:\s+\d{4}\s+[A-ZÄÖÜ]\w*\s+(?:und|oder))?\s+$")
#: The noun right before ``des Jahres`` (``beim letzten Grand-Slam-Turnier des Jahres``); the position word
#: before it, or before one adjective, is checked against ``time_context.tsv`` (role ``year_position``).
POSITION_BEFORE = re.compile(r"(?<!\w)[A-ZÄÖÜ][\w-]*\s+$")
#: A vague count in the genitive after a preposition of a span (``innerhalb weniger Tage``, ``binnen einiger
#: Wochen``, ``im Laufe mehrerer Jahre``): TIMEX3 ``PXD`` like ``in wenigen Tagen``; not a comparative
#: ``weniger Tage als`` (no such preposition before it). The preposition is part of the match: a literal start
#: is cheaper to scan for than look-behinds at every position.
VAGUE_GENITIVE = r"(?:[Ii]nnerhalb|[Bb]innen|[Ww]ährend|[Ii]m\s+Laufe)\s+(?:weniger|einiger|mehrerer)"
#: Adjectives of length (``zweitägig``, ``43-minütig``, ``zwölfjährig``); ``-jährig`` only before a noun of a
#: span of time (``12-jährige Amtszeit``), since it mostly gives an age (``ein 18-jähriger Schüler``).
SPAN_ADJ_UNITS = r"wöchig|tägig|monatig|stündig|minütig|jährig"
#: A number range ending in a measure (``2000 bis 3000 Grad``): its numbers are no years.
MEASURE_RANGE = re.compile(
    r"\s*(?:bis|und|oder|-|–)\s*\d[\d.,]*\s*(?:%|Prozent|Grad|Euro|Dollar|Franken|Meter)"
)
#: A noun after a generic phrase that makes it a particular time (``im Moment des Aufpralls``,
#: ``zur Zeit der Wende``, ``in der Vergangenheit, als …``): then it is no generic reference.
PARTICULAR_AFTER = re.compile(
    r"\s*(?:,\s*)?(?:des|der|eines|einer|seines|seiner|ihres|ihrer|dieses|dieser|als|wo|von|vom)\b"
)
#: Generic phrases ending in a noun, which :data:`PARTICULAR_AFTER` can make particular.
GENERIC_NOUNS = ("Moment", "Zeit", "Zeitpunkt", "Vergangenheit")
#: ``von morgen`` after a noun is the generic future (``die Stadt von morgen``, ``Technologien von morgen``),
#: not tomorrow; ``von morgen an`` starts tomorrow. TimeML: FUTURE_REF.
GENERIC_TOMORROW_BEFORE = re.compile(r"[A-ZÄÖÜ][\w-]*\s+von\s+$")
GENERIC_TOMORROW_NOT_AFTER = re.compile(r"\s*(?:an|ab|bis|früh|zu|auf)(?!\w)")
#: Words after ``bald`` that make it "soon after" an event told, not TimeML's FUTURE_REF ("soon" from now):
#: ``bald darauf``, ``bald danach``, ``bald nach der Wahl``, the correlative ``bald …, bald …``.
NOT_SOON_AFTER = re.compile(r"\s*(?:darauf|danach|nach|nachdem|bald|,\s*bald)(?!\w)")


def not_soon(word: str, previous: str, text: str, end: int) -> bool:
    """``bald`` that is no FUTURE_REF: ``so bald ein Bürger …`` (= sobald), ``bald darauf``, ``bald nach``."""
    return word == "bald" and (previous.lower() == "so" or NOT_SOON_AFTER.match(text, end) is not None)


#: Idioms made of time words that name no time (``von heute auf morgen`` = suddenly).
TIME_IDIOMS = re.compile(r"[Vv]on\s+heute\s+auf\s+morgen")

#: A clock time with ``Uhr`` (``um 9.30 Uhr``), minutes after it (``20 Uhr 30``; not before a noun:
#: ``20 Uhr 15 Gäste``) and a part of the day (``8 Uhr abends``); ``Uhr`` glued to a capitalised word is a
#: page-extraction seam (``15:30 UhrAm 8. Spieltag``).
CLOCK = (
    r"(?P<h>\d{1,2})(?:[.:](?P<min>\d{2}))?\s*Uhr(?![a-zäöüß\d_])(?:\s+(?P<min2>[0-5]\d)(?![\d,:]|\.\d|\s+[A-ZÄÖÜ]))?"
    r"(?:\s+(?P<dpart>abends|nachmittags|nachts|morgens|früh|vormittags|in\s+der\s+Früh)(?!\w))?"
)
#: Hours said in words before ``Uhr`` (``um acht Uhr``, ``gegen zehn Uhr abends``; ``ein Uhr``, not the
#: watch of ``eine Uhr``).
HOUR_WORDS = {
    word: hour
    for hour, word in enumerate(
        ("ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf"), 1
    )
}
CLOCK_WORDS = (
    rf"(?P<hw>(?i:{'|'.join(HOUR_WORDS)}))\s+Uhr(?![a-zäöüß\d_])"
    r"(?:\s+(?P<dpart>abends|nachmittags|nachts|morgens|früh|vormittags|in\s+der\s+Früh)(?!\w))?"
)


def clock_hour(groups: dict[str, str]) -> int:
    """The hour of a clock candidate, written in digits (``h``) or in words (``hw``)."""
    return int(groups["h"]) if "h" in groups else HOUR_WORDS[groups["hw"].lower()]


SEASON_NAMES = "Frühling|Frühjahr|Sommer|Herbst|Winter"
#: Kinds that start with a count of units (``49,5 Std.``, ``10.000 Arbeitsstunden``).
COUNTED_KINDS = frozenset({"duration", "duration_abbr", "compound_duration"})


def year_before_word(after: list[str], months: dict[str, int]) -> str | None:
    """For a bare four-digit number before a word: ``None`` when it is no year (a designation, ``2014
    MU69``), ``"1"`` when only the anchor can tell (a capitalised word: ``2021 Freiburg`` in a caption or
    ``2500 Soldaten``; the finder keeps it as a year near the anchor's), ``""`` when it is a year."""
    following = after[0] if after else ""
    if following[:1].isalpha() and following.isupper():
        return None
    return "1" if following[:1].isupper() and following not in months else ""


def copula_year(text: str, start: int, copulas: frozenset[str], pronouns: frozenset[str]) -> bool:
    """Whether a bare number at ``start`` follows a singular copula (``war 1966 Wilhelm Bungert``, ``wurde er
    2010 Weltmeister``): a count of things there would disagree with the verb's singular subject, so it is a
    year even before a capitalised word and far from the anchor's year."""
    window = text[max(0, start - 60) : start]
    match = COPULA_BEFORE.search(window)
    if match is None:
        return False
    words = window[: match.start()].split()[-2:]
    if words and words[-1] in copulas:
        return True
    return len(words) == 2 and words[0] in copulas and words[1] in pronouns


def position_of_year(text: str, start: int, positions: frozenset[str], units: Iterable[str]) -> bool:
    """Whether ``des Jahres`` at ``start`` follows a position in the year (``beim zweiten Grand-Slam-Turnier
    des Jahres``): then it is the text's year; ``Sportler des Jahres`` is a title, and a unit before it
    (``im vorletzten Monat des Jahres``) names a part of the year that the year alone would not give."""
    window = text[max(0, start - 60) : start]
    noun = POSITION_BEFORE.search(window)
    if noun is None or noun.group().strip() in units:
        return False
    words = window[: noun.start()].split()[-2:]
    if words and words[-1] in positions:
        return True
    return len(words) == 2 and words[0] in positions and words[1][:1].islower()
