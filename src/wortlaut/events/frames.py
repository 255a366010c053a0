"""One event mention per trigger: its type, region, participants, place, time, topics and outcome.

These raw mentions are merged into events by :mod:`wortlaut.events.merge`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from wortlaut.article import Article, EntityRef, Mention, Span, TimeExpr
from wortlaut.events.lexicon import EventLexicon, Trigger
from wortlaut.lang.tables import read_column
from wortlaut.timex.lexicon import LANG_DIR

WORD = re.compile(r"[\w@#][\w-]*")
CLAUSE_BREAK = re.compile(r"[,;:]")
PRONOUN = re.compile(r"\b[Ee]r\b")
#: ``über`` + noun phrase: the topic's head noun (``Gespräche über den Grenzschutz``).
ABOUT = re.compile(
    r"\büber\s+(?:(?:den|die|das|dem|der|des|ein|eine|einen|einer|mögliche|mögliches)\s+)?"
    r"(?:[a-zäöü]+e[nrs]?\s+){0,2}([A-ZÄÖÜ][\w-]*[a-zäöü])\b"
)
#: A calendar value that can date an event (not a century `19` or decade `199`).
YEAR_START = re.compile(r"\d{4}")
IN_PLACE = re.compile(r"\b[Ii]n\s+([A-ZÄÖÜ][\w-]+)")
#: Determiners that make a noun trigger refer back to an event already told (``des Gesprächs``).
DEFINITE = frozenset(
    ["der", "die", "das", "des", "dem", "den", "dieses", "diesem", "dieser", "diese", "jenes"]
)
#: Words right before a mention that make it a medium, not a participant (``auf Telegram``).
MEDIUM_BEFORE = frozenset(["auf", "via", "über", "per"])
PARTICIPANT_TYPES = frozenset({"PER", "ORG"})
#: Values that are no calendar point (cannot date an event).
REF_VALUES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})


@dataclass
class RawEvent:
    """An event as one trigger tells it."""

    type: str
    trigger: Span
    sentence: Span
    region: str
    anaphoric: bool = False
    participants: list[EntityRef] = field(default_factory=list)
    place: EntityRef | None = None
    time: TimeExpr | None = None
    post_date: str | None = None
    topics: list[Span] = field(default_factory=list)
    outcome: Span | None = None
    status: str = "happened"


def region_of(article: Article, offset: int) -> tuple[str, str | None]:
    """(region, post date) of an offset: headline, caption, post or body."""
    structure = article.structure
    if structure is None:
        return "body", None
    for post in structure.posts:
        if post.start <= offset < post.end:
            return "post", post.date
    if structure.headline and structure.headline.start <= offset < structure.headline.end:
        return "headline", None
    if any(cap.start <= offset < cap.end for cap in structure.captions):
        return "caption", None
    return "body", None


def find_triggers(article: Article, sentence: Span, lex: EventLexicon) -> list[tuple[Span, Trigger, bool]]:
    """(span, trigger, anaphoric) for each trigger word in a sentence that no blocker precedes."""
    found = []
    words = list(WORD.finditer(sentence.text))
    for index, match in enumerate(words):
        trig = lex.trigger(match.group())
        if trig is None:
            continue
        previous = words[index - 1].group().lower() if index else ""
        if previous.startswith(lex.blockers) or previous in trig.not_after:
            continue
        left, right = clause_bounds(sentence, sentence.start + match.start())
        if trig.needs is not None and not trig.needs.search(article.text[left:right]):
            continue
        if trig.not_in is not None and trig.not_in.search(article.text[left:right]):
            continue
        if trig.particle and not re.search(rf"\b{trig.particle}\b", sentence.text[match.end() :]):
            continue
        start = sentence.start + match.start()
        span = article.span(start, start + len(match.group()))
        if span is not None:
            found.append((span, trig, previous in DEFINITE))
    return found


def clause_bounds(sentence: Span, offset: int) -> tuple[int, int]:
    """Start and end (absolute) of the comma-delimited clause around an offset."""
    local = offset - sentence.start
    left = max((m.end() for m in CLAUSE_BREAK.finditer(sentence.text, 0, local)), default=0)
    right_match = CLAUSE_BREAK.search(sentence.text, local)
    right = right_match.start() if right_match else len(sentence.text)
    return sentence.start + left, sentence.start + right


def _dates_something(expr: TimeExpr) -> bool:
    """A calendar point (``2024-12-18``, ``2025-05``) or an unresolved one (``weekday:wednesday``)."""
    if expr.type not in {"DATE", "TIME"}:
        return False
    if expr.value:
        return expr.value not in REF_VALUES and YEAR_START.match(expr.value) is not None
    return bool(expr.relative) and not (expr.relative or "").startswith("time:")


def nearest_time(times: Sequence[TimeExpr], sentence: Span, offset: int) -> TimeExpr | None:
    """The time expression dating the trigger: nearest in its sentence, its own clause first.

    Without a publication date this may be an unresolved one (value ``None``, ``relative``
    kept): the event then carries its time but no date, rather than a guessed one.
    """
    usable = [
        expr for expr in times if sentence.start <= expr.start < sentence.end and _dates_something(expr)
    ]
    if not usable:
        return None
    left, right = clause_bounds(sentence, offset)
    local = [expr for expr in usable if left <= expr.start < right]
    pool = local or usable
    valued = [expr for expr in pool if expr.value]
    return min(valued or pool, key=lambda expr: abs(expr.start - offset))


def participants_in(article: Article, start: int, end: int, lex: EventLexicon) -> list[EntityRef]:
    """Persons and organisations mentioned in a stretch (not as a medium), plus named groups."""
    refs: list[EntityRef] = []
    for mention in article.mentions:
        inside = start <= mention.start < end
        unresolved = mention.kind == "pronoun" and mention.entity is None
        if (
            inside
            and not unresolved
            and mention.type in PARTICIPANT_TYPES
            and not _as_medium(article, mention)
        ):
            refs.append(as_ref(mention))
    chunk = article.text[start:end]
    for pattern in lex.groups:
        for match in pattern.finditer(chunk):
            refs.append(EntityRef(start=start + match.start(), end=start + match.end(), text=match.group()))
    return refs


def as_ref(mention: Mention) -> EntityRef:
    """The mention as an entity reference."""
    return EntityRef(start=mention.start, end=mention.end, text=mention.text, entity=mention.entity)


def _as_medium(article: Article, mention: Mention) -> bool:
    words = article.text[max(0, mention.start - 8) : mention.start].split()
    return bool(words) and words[-1] in MEDIUM_BEFORE


def place_in(article: Article, sentence: Span, places: frozenset[str]) -> EntityRef | None:
    """A place introduced by ``in`` in the sentence: a LOC mention, or without mentions a gazetteer name."""
    for mention in article.mentions:
        if sentence.start <= mention.start < sentence.end and mention.type == "LOC":
            before = article.text[max(0, mention.start - 4) : mention.start]
            if before.endswith(("in ", "In ")):
                return as_ref(mention)
    if article.mentions:
        return None
    for match in IN_PLACE.finditer(sentence.text):
        if match.group(1) in places:
            start = sentence.start + match.start(1)
            return EntityRef(start=start, end=start + len(match.group(1)), text=match.group(1))
    return None


@cache
def load_places() -> frozenset[str]:
    """Place names of the NER gazetteer (``lang/de/ner_places.txt``), for articles without mentions."""
    path = LANG_DIR / "ner_places.txt"
    if not path.exists():
        return frozenset()
    return frozenset(read_column(path, columns=1))


def topics_in(article: Article, sentence: Span, lex: EventLexicon) -> list[Span]:
    """Key topic nouns in a sentence: lexicon heads (compounds included) and the noun after ``über``."""
    spans = []
    for match in ABOUT.finditer(sentence.text):
        span = article.span(sentence.start + match.start(1), sentence.start + match.end(1))
        if span is not None:
            spans.append(span)
    for match in WORD.finditer(sentence.text):
        word = match.group()
        if word[:1].isupper() and any(word.endswith((topic, topic.lower())) for topic in lex.topics):
            span = article.span(sentence.start + match.start(), sentence.start + match.end())
            if span is not None and all(span.start != other.start for other in spans):
                spans.append(span)
    return sorted(spans, key=lambda span: span.start)


def outcome_of(article: Article, trigger: Span, sentence: Span, lex: EventLexicon) -> Span | None:
    """For an outcome verb: the verb and its clause to the sentence end.

    ``Die Gesprächspartner vereinbarten, den ständigen Kontakt aufrechtzuerhalten.`` gives
    ``vereinbarten, den ständigen Kontakt aufrechtzuerhalten``.
    """
    if trigger.text not in lex.outcomes:
        return None
    end = sentence.end
    while end > trigger.start and article.text[end - 1] in '.!?“" ':
        end -= 1
    return article.span(trigger.start, end)


def pronoun_subject(article: Article, sentence: Span, previous: Span | None) -> EntityRef | None:
    """``er`` in a trigger sentence, resolved to the first person named in the sentence before.

    Used only when the article has no pronoun mentions (no coreference layer): the previous
    sentence's first person is nearly always the subject that ``er`` continues.
    """
    if previous is None or any(m.kind == "pronoun" for m in article.mentions):
        return None
    match = PRONOUN.search(sentence.text)
    if match is None:
        return None
    for mention in article.mentions:
        if previous.start <= mention.start < previous.end and mention.type == "PER" and mention.entity:
            start = sentence.start + match.start()
            return EntityRef(
                start=start, end=start + len(match.group()), text=match.group(), entity=mention.entity
            )
    return None
