"""The direction decision of a relative date, as data a model can learn from (issue 15l).

The rules choose a clause's direction (``past``, ``future`` or none) from tense cues and grammar, and the
direction picks which Monday, which March or which Easter a yearless expression means. Where the three
readings give different values, the finder can hand the choice to a :data:`Chooser` instead: it gets a
:class:`DecisionPoint` with the candidate values of each reading, the rules' own choice and the grammar
features below, and returns the direction to use. Evaluation records the points with the gold's choice
(``wortlaut.eval.timex_direction``); a learned model (:mod:`wortlaut.timex.direction_model`) decides with
them when it is switched on. Features are grammar only: the tense cues of the clause and sentence, the
words around the expression, its position in the text, the day last named, the document date's weekday
and how far each reading lies from it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from wortlaut.article import Token
from wortlaut.timex import tense
from wortlaut.timex.patterns import Candidate

#: The three readings, in a fixed order (``none``: no direction, the rules' nearest or default reading).
READINGS = ("past", "future", "none")
#: Function words before or after an expression that are kept as features by their own form; any other
#: word is reduced to its shape (capitalised, a number, another lower-case word).
FUNCTION_WORDS = frozenset(
    {"am", "an", "ab", "bis", "seit", "vom", "von", "im", "in", "zum", "zur", "für", "nach", "vor", "um"}
    | {"bereits", "schon", "erst", "noch", "nun", "wieder", "dann", "und", "oder", "gegen", "wie", "als"}
    | {"kommenden", "nächsten", "vergangenen", "letzten", "vorigen", "diesen", "diesem", "dieser", "jeden"}
    | {"den", "dem", "der", "die", "das", "des", "wenn", "ob", "dass"}
)
WORD = re.compile(r"[\wäöüÄÖÜß-]+")
#: Quotation marks: a day in quoted speech is said from the speaker's now.
QUOTE_MARKS = re.compile(r"[„“”\"»«]")
#: A lower-case word in ``-te`` / ``-ten`` (a weak preterite, ``sagte``, ``teilten``).
PRETERITE_TE = re.compile(r"(?<![\wäöüß])[a-zäöüß]\w+te(?:n|st)?(?![\wäöüß])")
#: Day-distance buckets (upper bounds, inclusive) for how far a reading lies from the document date.
DAY_BUCKETS = (0, 1, 2, 4, 7, 31, 183)


@dataclass(frozen=True, slots=True)
class DecisionPoint:
    """One expression whose value depends on the direction: where it is, its readings' values (by
    :data:`READINGS`), the rules' choice and the features a model reads."""

    start: int
    end: int
    kind: str
    options: dict[str, str | None]
    rules: str
    features: dict[str, float]


#: A decision hook: given the point, the direction to use (``past``, ``future``, or ``None``).
Chooser = Callable[[DecisionPoint], str | None]


def reading(direction: str | None) -> str:
    """The reading name of a rules direction (``None`` -> ``none``)."""
    return direction or "none"


def direction_of(name: str) -> str | None:
    """The finder's direction for a reading name (``none`` -> ``None``)."""
    return None if name == "none" else name


def differs(options: dict[str, str | None]) -> bool:
    """Whether the readings give at least two different values (only then is there a choice)."""
    return len({value for value in options.values() if value}) > 1


@dataclass(frozen=True, slots=True)
class Where:
    """The expression in its sentence: the sentence text, its offset, the candidate, its sentence number."""

    chunk: str
    offset: int
    cand: Candidate
    sentence_number: int


def features(
    where: Where,
    rules: str | None,
    ref: date | None,
    focus_day: date | None,
    options: dict[str, str | None],
    cue_words: dict[str, str],
    tokens: Sequence[Token] = (),
) -> dict[str, float]:
    """The grammar features of one decision point (binary indicators, name -> 1.0)."""
    chunk, cand = where.chunk, where.cand
    names = [
        "bias",
        f"rule={reading(rules)}",
        f"kind={cand.kind}",
        f"rule={reading(rules)}&kind={cand.kind}",
    ]
    names += _cue_features(where, cue_words, tokens)
    names += _word_features(chunk, cand)
    names += _place_features(where)
    names += _date_features(ref, focus_day, options)
    return dict.fromkeys(names, 1.0)


def _cue_features(where: Where, cue_words: dict[str, str], tokens: Sequence[Token]) -> list[str]:
    """The tense cues of the clause (nearest one and which kinds occur) and of the whole sentence."""
    chunk, cand = where.chunk, where.cand
    found = [(pos - where.offset, kind) for pos, kind in tense.cues(chunk, where.offset, cue_words, tokens)]
    left = max((m.end() for m in tense.CLAUSE_BREAK.finditer(chunk, 0, cand.start)), default=0)
    right_match = tense.CLAUSE_BREAK.search(chunk, cand.end)
    right = right_match.start() if right_match else len(chunk)
    clause = [(pos, kind) for pos, kind in found if left <= pos < right]
    names = [f"clause_has={kind}" for kind in sorted({kind for _, kind in clause})]
    names += [f"sentence_has={kind}" for kind in sorted({kind for _, kind in found})]
    if clause:
        pos, kind = min(clause, key=lambda cue: abs(cue[0] - cand.start))
        names.append(f"nearest={kind}" + ("_before" if pos < cand.start else "_after"))
    else:
        names.append("nearest=none")
    if PRETERITE_TE.search(chunk, left, right):
        names.append("clause_preterite_te")
    if QUOTE_MARKS.search(chunk):
        names.append("quoted")
    return names


def _shape(word: str) -> str:
    """A word as a feature: function words by their form, others by their shape."""
    lower = word.lower()
    if lower in FUNCTION_WORDS:
        return lower
    if word[:1].isdigit():
        return "<num>"
    if word[:1].isupper():
        return "<Cap>"
    if lower.endswith("te") or lower.endswith("ten"):
        return "<te>"
    if lower.endswith("t"):
        return "<t>"
    return "<low>"


def _word_features(chunk: str, cand: Candidate) -> list[str]:
    """The two words before and the word after the expression, and the words inside it."""
    before = WORD.findall(chunk[max(0, cand.start - 40) : cand.start])[-2:]
    after = WORD.findall(chunk[cand.end : cand.end + 30])[:1]
    names = [f"before1={_shape(before[-1])}" if before else "before1=<start>"]
    if len(before) == 2:
        names.append(f"before2={_shape(before[0])}")
    names.append(f"after1={_shape(after[0])}" if after else "after1=<end>")
    inside = {word.lower() for word in WORD.findall(chunk[cand.start : cand.end])}
    names += [f"inside={word}" for word in sorted(inside & FUNCTION_WORDS)]
    return names


def _place_features(where: Where) -> list[str]:
    """Where the expression stands: the first sentences of a text (headline, lead) read differently."""
    number = where.sentence_number
    bucket = "0" if number == 0 else "1-2" if number <= 2 else "3-9" if number <= 9 else "10+"
    opens = not where.chunk[: where.cand.start].strip(' „"»(')
    return [f"sentence={bucket}"] + (["opens_sentence"] if opens else [])


def _date_features(ref: date | None, focus_day: date | None, options: dict[str, str | None]) -> list[str]:
    """The document date's weekday, how far each reading lies from it, and the day last named."""
    if ref is None:
        return ["no_anchor"]
    names = [f"dct_weekday={ref.isoweekday()}"]
    for name in READINGS:
        day = _start_day(options.get(name))
        if day is not None:
            names.append(f"gap_{name}={_bucket((day - ref).days)}")
    if focus_day is None:
        names.append("focus=none")
    else:
        gap = (focus_day - ref).days
        names.append("focus=" + ("same" if gap == 0 else "before" if gap < 0 else "after"))
    return names


def _bucket(days: int) -> str:
    """A signed distance in days as a coarse bucket (``-2``, ``+7``, ``-inf``)."""
    size = abs(days)
    for bound in DAY_BUCKETS:
        if size <= bound:
            return f"{'-' if days < 0 else '+'}{bound}"
    return f"{'-' if days < 0 else '+'}inf"


VALUE_DAY = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?")


def _start_day(value: str | None) -> date | None:
    """The first day of a value such as ``2015-03-02`` or ``2015-03`` (``None`` for other shapes)."""
    match = VALUE_DAY.match(value or "")
    if match is None:
        return None
    year, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3) or 1)
    try:
        return date(year, month, day)
    except ValueError:
        return None
