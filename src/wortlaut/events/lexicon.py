"""Loads the event vocabulary (triggers, blockers, groups, topics, outcome verbs) from lang/de."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from wortlaut.lang.tables import read_records


@dataclass(frozen=True, slots=True)
class Trigger:
    """A trigger word form and the event type it signals."""

    form: str
    match: str
    type: str
    particle: str
    needs: re.Pattern[str] | None = None
    not_after: frozenset[str] = frozenset()
    #: A regular expression that, found in the trigger's clause, gives the word another sense (issue
    #: 20j: ``traf … zum 1:0`` in sport, ``Entscheidung … getroffen``, ``Gespräch mit der Welt am
    #: Sonntag`` as an interview, ``die Begegnung gegen Serbien`` as a match).
    not_in: re.Pattern[str] | None = None


@dataclass(frozen=True, slots=True)
class EventLexicon:
    """All event data, read once."""

    exact: dict[str, Trigger]
    suffixes: tuple[Trigger, ...]
    blockers: tuple[str, ...]
    groups: tuple[re.Pattern[str], ...]
    topics: tuple[str, ...]
    outcomes: frozenset[str]
    nontriggers: frozenset[str] = frozenset()
    #: ``(form.lower(), trigger)`` of :attr:`suffixes`, in their order (lowered once, not per word).
    suffix_forms: tuple[tuple[str, Trigger], ...] = field(init=False, repr=False, compare=False)

    #: All lowered suffix forms, for one ``str.endswith`` that tells whether the suffix loop can match.
    suffix_ends: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "suffix_forms", tuple((trig.form.lower(), trig) for trig in self.suffixes))
        object.__setattr__(self, "suffix_ends", tuple(form for form, _ in self.suffix_forms))

    def trigger(self, word: str) -> Trigger | None:
        """The trigger a word form is, exact forms first, then the longest compound suffix.

        Called for every word of every sentence: a suffix matches only a capitalised
        word (a compound noun), so any other word is answered before the suffix loop, and
        so is a capitalised word that ends in none of the suffixes.
        """
        if word in self.nontriggers:
            return None
        found = self.exact.get(word)
        if found is not None or not word[:1].isupper():
            return found
        lowered = word.lower()
        if not lowered.endswith(self.suffix_ends):
            return None  # no suffix fits: the loop below would find none (issue 17z)
        for form, trig in self.suffix_forms:
            if lowered.endswith(form) and len(word) > len(trig.form):
                return trig
        return None


@cache
def load_event_lexicon() -> EventLexicon:
    """Read the ``event_*.tsv`` files (cached: the data is read-only)."""
    triggers = [
        Trigger(
            form=row["form"],
            match=row["match"],
            type=row["type"],
            particle=row.get("particle") or "",
            needs=re.compile(row["needs"]) if row.get("needs") else None,
            not_after=frozenset((row.get("not_after") or "").split("|")) - {""},
            not_in=re.compile(row["not_in"]) if row.get("not_in") else None,
        )
        for row in read_records("event_triggers.tsv")
    ]
    return EventLexicon(
        exact={trig.form: trig for trig in triggers},
        suffixes=tuple(sorted((t for t in triggers if t.match == "suffix"), key=lambda t: -len(t.form))),
        blockers=tuple(row["prefix"] for row in read_records("event_blockers.tsv")),
        groups=tuple(re.compile(row["pattern"]) for row in read_records("event_groups.tsv")),
        topics=tuple(row["topic"] for row in read_records("event_topics.tsv")),
        outcomes=frozenset(row["form"] for row in read_records("event_outcomes.tsv")),
        nontriggers=frozenset(row["word"] for row in read_records("event_nontriggers.tsv")),
    )
