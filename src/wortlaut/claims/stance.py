"""Positions over time: a person's statements on a topic in date order with a stance, and where it changed.

The method is deliberately transparent, so a reader can check every label:

1. the statements are the sightings of the person's statement groups that the
   store's German full-text search finds for the topic
   (``Store.said(person, about=topic)``), once per date and wording;
2. each statement's *stance words* (``lang/de/claims_stance.tsv``: ``fordern``,
   ``unterstützen``, ``begrüßen`` … for; ``ablehnen``, ``kritisieren``, ``warnen``,
   ``gegen`` … against) in its cue and wording count +1 / -1; a negation word
   (``nicht``, ``kein`` …) in the same clause turns a word round;
3. the sum's sign is the stance (``for`` / ``against``), zero is ``neutral``;
4. a *change point* is a statement whose stance is the opposite of the last
   non-neutral one before it.

It does not see irony, conditions or who the "against" is aimed at; the words
that decided are returned with each item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from wortlaut.claims.drift import lexicon
from wortlaut.lang.tables import read_records
from wortlaut.store import Store
from wortlaut.textnorm import fold_latin

FOR, AGAINST, NEUTRAL = "for", "against", "neutral"
#: Statements read for one person and topic (the newest, shown oldest first).
MAX_STATEMENTS = 100
_CLAUSE = re.compile(r"[,;:.!?–]|\b(?:aber|sondern|doch|jedoch|während)\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True, slots=True, kw_only=True)
class Position:
    """One statement on the topic with its stance and the words that decided it."""

    date: str | None
    group_id: str
    statement_id: str
    quote: str
    stance: str
    score: int
    words: tuple[str, ...]
    change: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class Positions:
    """A person's positions on a topic, oldest first, and the dates where the stance changed."""

    person: str
    topic: str
    items: tuple[Position, ...]
    changes: tuple[str, ...]


@cache
def _stance_words() -> tuple[dict[str, int], tuple[tuple[str, int], ...]]:
    """(whole words, prefixes) with their polarity (+1 for, -1 against)."""
    whole: dict[str, int] = {}
    prefixes: list[tuple[str, int]] = []
    for row in read_records("claims_stance.tsv"):
        polarity = 1 if row["polarity"] == FOR else -1
        if row["match"] == "prefix":
            prefixes.append((row["word"], polarity))
        else:
            whole[row["word"]] = polarity
    return whole, tuple(prefixes)


def _polarity(word: str) -> int:
    whole, prefixes = _stance_words()
    if word in whole:
        return whole[word]
    return next((polarity for prefix, polarity in prefixes if word.startswith(prefix)), 0)


def stance(text: str) -> tuple[str, int, tuple[str, ...]]:
    """(stance, score, deciding words) of a text: stance words per clause, turned round by a negation."""
    negations = lexicon()[0]
    score = 0
    deciding: list[str] = []
    for clause in _CLAUSE.split(text):
        folded = [fold_latin(word) for word in _WORD.findall(clause)]
        negated = sum(word in negations for word in folded) % 2 == 1
        for word in folded:
            polarity = _polarity(word)
            if polarity:
                score += -polarity if negated else polarity
                deciding.append(f"nicht {word}" if negated else word)
    label = FOR if score > 0 else AGAINST if score < 0 else NEUTRAL
    return label, score, tuple(deciding)


def positions(store: Store, person: str, topic: str, *, limit: int = MAX_STATEMENTS) -> Positions:
    """The person's statements about ``topic``, oldest first, with stance and change points.

    Every sighting of the groups found counts once per date and wording (copies in other outlets
    repeat it; a reworded sighting is judged on its own words).
    """
    groups = store.said(person, about=topic, limit=limit)
    seen: dict[tuple[str, str], Position] = {}
    for group in groups:
        for source in group.sources:
            key = ((source.date or group.date or "")[:10], " ".join(source.quote.casefold().split()))
            if key in seen:
                continue
            label, score, deciding = stance(" ".join(part for part in (source.cue, source.quote) if part))
            seen[key] = Position(
                date=source.date or group.date,
                group_id=group.id,
                statement_id=source.statement_id,
                quote=source.quote,
                stance=label,
                score=score,
                words=deciding,
                change=False,
            )
    items: list[Position] = []
    last = NEUTRAL
    for item in sorted(seen.values(), key=lambda found: (found.date or "", found.statement_id)):
        change = item.stance != NEUTRAL and last != NEUTRAL and item.stance != last
        if item.stance != NEUTRAL:
            last = item.stance
        items.append(replace(item, change=change))
    changes = tuple(item.date or "" for item in items if item.change)
    return Positions(person=person, topic=topic, items=tuple(items), changes=changes)
