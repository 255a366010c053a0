"""Loads the time vocabulary (month and weekday names, number words, units, cue words) from lang/de."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from wortlaut.lang.tables import read_records

LANG_DIR = Path(__file__).resolve().parents[1] / "lang" / "de"
#: Marker after a word in ``time_words.tsv`` for an adjective or adverb that also takes the German
#: adjective endings (``jahrelang+`` = jahrelang, jahrelange, jahrelangen, jahrelanger, jahrelanges,
#: jahrelangem): one row per stem instead of one per inflected form.
INFLECTED = "+"
ADJECTIVE_ENDINGS = ("", "e", "en", "er", "es", "em")


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a ``lang/de`` TSV data file with a header line; lines starting with ``#`` are comments."""
    return read_records(name)


@dataclass(frozen=True, slots=True)
class TimeWord:
    """A single time word (``heute``, ``derzeit``, ``täglich``) and how it resolves."""

    type: str
    kind: str
    value: str


@dataclass(frozen=True, slots=True)
class TimeLexicon:
    """All language data the time finder needs, read once."""

    months: dict[str, int]
    context_months: frozenset[str]
    weekdays: dict[str, int]
    weekday_names: dict[int, str]
    numbers: dict[str, float]
    units: dict[str, str]
    unit_abbreviations: dict[str, str]
    ordinals: dict[str, int]
    words: dict[str, TimeWord]
    parts: dict[str, str]
    modifiers: dict[str, int]
    tense_cues: dict[str, str]
    date_cues: frozenset[str]
    weak_cues: frozenset[str]
    quantity_cues: frozenset[str]
    nowadays_after: frozenset[str]
    nowadays_before: frozenset[str]
    singular_copulas: frozenset[str]
    subject_pronouns: frozenset[str]
    year_positions: frozenset[str]


@cache
def load_lexicon() -> TimeLexicon:
    """Read the ``time_*.tsv`` files (cached: the data is read-only)."""
    month_rows = read_tsv("time_months.tsv")
    context = [(row["word"], row["role"]) for row in read_tsv("time_context.tsv")]
    weekday_rows = read_tsv("time_weekdays.tsv")
    return TimeLexicon(
        months={row["name"]: int(row["month"]) for row in month_rows},
        context_months=frozenset(row["name"] for row in month_rows if row["context"] == "1"),
        weekdays={row["name"]: int(row["weekday"]) for row in weekday_rows},
        weekday_names={int(row["weekday"]): row["english"] for row in weekday_rows},
        numbers={row["word"]: float(row["value"]) for row in read_tsv("time_numbers.tsv")},
        units={row["word"]: row["unit"] for row in read_tsv("time_units.tsv")},
        unit_abbreviations={row["word"]: row["unit"] for row in read_tsv("time_unit_abbreviations.tsv")},
        ordinals={row["word"]: int(row["value"]) for row in read_tsv("time_ordinals.tsv")},
        words=_time_words(read_tsv("time_words.tsv")),
        parts={row["word"]: row["code"] for row in read_tsv("time_parts.tsv")},
        modifiers={row["word"]: int(row["offset"]) for row in read_tsv("time_modifiers.tsv")},
        tense_cues=_tense_cues(read_tsv("time_tense_cues.tsv"), read_tsv("time_verb_prefixes.tsv")),
        date_cues=frozenset(word for word, role in context if role == "date"),
        weak_cues=frozenset(word for word, role in context if role == "weak"),
        quantity_cues=frozenset(word for word, role in context if role == "quantity"),
        nowadays_after=frozenset(word for word, role in context if role == "nowadays_after"),
        nowadays_before=frozenset(word for word, role in context if role == "nowadays_before"),
        singular_copulas=frozenset(word for word, role in context if role == "singular_copula"),
        subject_pronouns=frozenset(word for word, role in context if role == "subject_pronoun"),
        year_positions=frozenset(word for word, role in context if role == "year_position"),
    )


def read_time_nouns() -> dict[str, str]:
    """Noun ending -> role from ``time_span_nouns.tsv`` (spans of time, compound units, blocked endings)."""
    return {row["suffix"]: row["role"] for row in read_tsv("time_span_nouns.tsv")}


def inflections(word: str) -> list[str]:
    """The forms a ``time_words.tsv`` entry stands for: the word, or a stem with every adjective ending."""
    if not word.endswith(INFLECTED):
        return [word]
    stem = word.removesuffix(INFLECTED)
    return [stem + ending for ending in ADJECTIVE_ENDINGS]


def _time_words(rows: list[dict[str, str]]) -> dict[str, TimeWord]:
    return {
        form: TimeWord(type=row["type"], kind=row["kind"], value=row["value"])
        for row in rows
        for form in inflections(row["word"])
    }


def _tense_cues(rows: list[dict[str, str]], prefixes: list[dict[str, str]]) -> dict[str, str]:
    """Cue word -> direction, with each past cue also glued to a separable prefix (``ankamen``,
    ``stattfand``): the verb-final form of a subordinate clause."""
    cues = {row["word"]: row["direction"] for row in rows}
    past = [word for word, direction in cues.items() if direction == "past"]
    glued = {row["prefix"] + word: "past" for row in prefixes for word in past}
    return {**glued, **cues}
