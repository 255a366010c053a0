"""Which earlier statement of the article an answer act answers (:mod:`wortlaut.claims.answer_acts`).

An act refers back by a noun (``wies die Vorwürfe zurück``), a pronoun (``Das
wurde bestritten``), a relative ``was`` (``…, was Washington bestreitet``), an
object or nothing at all; or it states the answered proposition itself
(``dementierte Berichte, wonach …``).  The answered statement is looked for
among the article's statements that end before the cue, nearest first:

* a pronoun, relative or bare act takes the statement ending right before it
  (within :attr:`TargetOptions.adjacent_chars` of the act's sentence) — the
  pronoun points without words; a demonstrative noun phrase (``diesen Vorwurf``)
  reaches :attr:`TargetOptions.demonstrative_chars`, past the rest of the
  sentence before;
* a noun, object or clause act takes, within :attr:`TargetOptions.reach_chars`,
  the nearest statement (or the most similar, :attr:`TargetOptions.pick`) that
  shares at least :attr:`TargetOptions.min_shared` content stems with the act's
  sentence: the answer names the matter ("die Steinewürfe", "den Zwischenfall").

Before these, an object that names what it answers (:mod:`wortlaut.claims.answer_objects`, issue 20r):

* an **owner** (``wies die Kritik des Fraktionschefs Gysi zurück``, ``Pilz’ Vorwurf``; object, noun and
  clause acts): the nearest earlier statement whose speaker the owner names, within
  :attr:`TargetOptions.owner_chars` (evidence ``act:owner``);
* the object's **head noun** (``bestätigten ihre Kompetenzen``; object acts): the nearest earlier
  statement, not itself an answer, whose quotation names the same noun, within
  :attr:`TargetOptions.topic_chars` (evidence ``act:topic``).

A denial or confirmation answers someone else: a candidate whose speaker is
named before the cue in the act's sentence (the answerer) is skipped;
corrections and retractions may answer the speaker's own words.  The options'
defaults were chosen by cross-validation on the claims set's ``tune`` rows
(``python -m wortlaut.eval.claims_answers``; docs/quality.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from wortlaut.claims.answer_acts import (
    BACKGROUND,
    BARE,
    CLAUSE,
    NOUN,
    OBJECT,
    PRONOUN,
    RELATIVE,
    AnswerAct,
    clause_extent,
)
from wortlaut.claims.answer_gates import DEFAULT_GATES, OWNER, TOPIC, Gates, passes
from wortlaut.claims.answer_objects import Owner, head_nouns, noun_roots, owner, owner_matches, same_noun
from wortlaut.claims.relations import relation_type
from wortlaut.link.text import dice, stems

#: Stems of a text, remembered: one statement is a candidate for several acts.
_stems = lru_cache(maxsize=4096)(stems)

#: A stem count no two texts share: with it a route makes no links (chosen for object and clause acts).
OFF = 1000

#: Acts whose object may name an owner (``die Kritik des …``, ``Berichte der …, wonach``).
_OWNED = frozenset({OBJECT, NOUN, CLAUSE})

#: Pick the nearest statement that passes, or the most similar one within reach.
NEAREST = "nearest"
BEST = "best"


@dataclass(frozen=True, slots=True)
class Said:
    """A statement as the resolver sees it: id, extent, quotation extent, speaker words and wording."""

    id: str
    start: int
    end: int
    speaker: str
    text: str
    #: The quotation alone (the head-noun route compares it; the frame names the speaker's matter too).
    quote: str = ""


@dataclass(frozen=True, slots=True)
class TargetOptions:
    """The resolver's choices (defaults: chosen by 5-fold CV on the claims set's tune rows)."""

    #: For noun, object and clause acts: characters between the statement's end and the act's sentence.
    reach_chars: int = 150
    #: For pronoun, relative and bare acts: the statement just before (its end within this many
    #: characters of the act's sentence start; 0 inside the same sentence).
    adjacent_chars: int = 40
    #: Content stems the act's words must share with an object or clause act's target (20e: ``OFF``;
    #: 20f: 1 together with :attr:`min_dice`, the choice of ``claims_answers --choose --grid 20f``).
    min_shared: int = 1
    #: For demonstrative noun phrases (``diesen Vorwurf``): how far before the act's sentence the
    #: statement may end (a pronoun's :attr:`adjacent_chars` when smaller).
    demonstrative_chars: int = 150
    #: For object and clause acts: the least stem Dice between the act's words and the target (a claim
    #: clause restates the answered statement; sharing one word with it is not enough).  0: no limit;
    #: 0.3 chosen by CV on tune (20f), where it admits no object or clause link at all.
    min_dice: float = 0.3
    #: … and with a noun act's target (the reference noun points back by itself; 0: nearest wins).
    noun_min_shared: int = 2
    #: For noun acts: characters between the target's end and the act's sentence.
    noun_reach_chars: int = 400
    pick: str = NEAREST
    #: For an object naming an owner: characters between the owner's statement and the act's sentence
    #: (wide: :attr:`~wortlaut.claims.answer_gates.Gates.owner_chars`, chosen by CV, limits it).
    owner_chars: int = 5000
    #: For an object act's head noun: characters between the statement naming it and the act's sentence
    #: (wide: :attr:`~wortlaut.claims.answer_gates.Gates.topic_chars` limits it).
    topic_chars: int = 1000


@dataclass(frozen=True, slots=True)
class Target:
    """The statement an act answers, the stem overlap and why it was chosen."""

    id: str
    score: float
    evidence: str


def resolve(
    act: AnswerAct, text: str, said: Sequence[Said], options: TargetOptions, gates: Gates = DEFAULT_GATES
) -> Target | None:
    """The statement ``act`` answers among ``said`` (the article's statements), or ``None`` (also when the
    chosen one fails the evidence :mod:`~wortlaut.claims.answer_gates` asks for)."""
    if act.reference == BACKGROUND:
        return None
    own = next((item for item in said if item.start <= act.cue_start < item.end and item.speaker), None)
    named = owner(text, act.sentence_start, act.sentence_end) if act.reference in _OWNED else None
    answerer = own.speaker if own else _answerer(act, text, named)
    by_object = _by_object(act, text, said, options, named, answerer)
    if by_object is not None:
        chosen, reference = by_object
        extents = [(item.start, item.end) for item in said]
        if not passes(gates, reference, target_end=chosen.end, answer=act.cue_start, text=text,
                      statements=extents):  # fmt: skip
            return None
        return Target(chosen.id, round(dice(_stems(_act_words(act, text)), _stems(chosen.text)), 4),
                      f"act:{reference}")  # fmt: skip
    words = _stems(_act_words(act, text))
    pointing = act.reference in (PRONOUN, RELATIVE, BARE)
    reach = {PRONOUN: options.adjacent_chars, RELATIVE: options.adjacent_chars, BARE: options.adjacent_chars,
             NOUN: options.noun_reach_chars}.get(act.reference, options.reach_chars)  # fmt: skip
    if act.demonstrative_noun:
        reach = max(reach, options.demonstrative_chars)
    needed = options.noun_min_shared if act.reference == NOUN else options.min_shared
    passing: list[tuple[int, float, Said]] = []
    for item in said:
        if item.end > act.cue_start:
            continue  # after the cue, or the act's own statement (which holds the cue)
        distance = max(0, act.sentence_start - item.end)
        if distance > reach or _same_speaker(act, item, answerer) or _answers_alike(act, item):
            continue
        other = _stems(item.text)
        if not pointing and len(words & other) < needed:
            continue
        similarity = dice(words, other)
        if not pointing and act.reference != NOUN and similarity < options.min_dice:
            continue
        passing.append((distance, similarity, item))
    if not passing:
        return None
    if pointing or options.pick == NEAREST:
        distance, score, chosen = min(passing, key=lambda entry: (entry[0], -entry[2].end))
    else:
        distance, score, chosen = max(passing, key=lambda entry: (entry[1], -entry[0]))
    extents = [(item.start, item.end) for item in said]
    if not passes(gates, act.reference, target_end=chosen.end, answer=act.cue_start, text=text,
                  statements=extents):  # fmt: skip
        return None
    return Target(chosen.id, round(score, 4), f"act:{act.reference}")


def _answerer(act: AnswerAct, text: str, named: Owner | None) -> str:
    """The words naming the answerer: before the cue (or, before a claim clause, between cue and clause:
    "Heute bestätigte X laut Reuters, dass …"), without the owner phrase ("Pilz’ Vorwurf")."""
    end = act.claim[0] if act.claim and act.claim[0] > act.cue_start else act.cue_start
    if named is None or named.start >= end:
        return text[act.sentence_start : end]
    return text[act.sentence_start : named.start] + " " + text[min(named.end, end) : end]


def _by_object(
    act: AnswerAct,
    text: str,
    said: Sequence[Said],
    options: TargetOptions,
    named: Owner | None,
    answerer: str,
) -> tuple[Said, str] | None:
    """The statement the act's object names (its owner's, else one naming its head noun) and the
    reference (:data:`~wortlaut.claims.answer_gates.OWNER`, :data:`~wortlaut.claims.answer_gates.TOPIC`),
    or ``None``: the other routes decide."""
    earlier = [
        item
        for item in said
        if item.end <= act.cue_start
        and not _same_speaker(act, item, answerer)
        and not _answers_alike(act, item)
    ]
    if named is not None:
        owned = [
            item
            for item in earlier
            if act.sentence_start - item.end <= options.owner_chars
            and owner_matches(named.words, item.speaker)
        ]
        if owned:
            return max(owned, key=lambda item: item.end), OWNER
    if act.reference != OBJECT:
        return None
    heads = head_nouns(text, _clause_of(act, text), (act.cue_start, act.cue_end))
    if not heads:
        return None
    matching = [
        item
        for item in earlier
        if act.sentence_start - item.end <= options.topic_chars
        and relation_type(None, item.text) is None  # an answer is not where a matter was first told
        and same_noun(heads, noun_roots(item.quote or item.text))
    ]
    return (max(matching, key=lambda item: item.end), TOPIC) if matching else None


def _clause_of(act: AnswerAct, text: str) -> tuple[int, int]:
    """The extent of the act's clause (:func:`wortlaut.claims.answer_acts.clause_extent`)."""
    return clause_extent(text, act.sentence_start, act.sentence_end, act.cue_start, act.cue_end)


def _act_words(act: AnswerAct, text: str) -> str:
    """The act's words for the topic: its claim clause when it states one, else its sentence without
    the cue verb (shared by every answer; the words between a separable verb's halves are kept)."""
    if act.claim is not None:
        return text[act.claim[0] : act.claim[1]]
    inside = text[act.cue_start : act.cue_end].split()[1:-1]  # "wies [die Vorwürfe …] zurück"
    return " ".join([text[act.sentence_start : act.cue_start], *inside, text[act.cue_end : act.sentence_end]])


def _same_speaker(act: AnswerAct, item: Said, answerer: str) -> bool:
    """Whether the act would answer its own speaker (its statement's speaker, else named before the cue).

    A retraction answers the speaker's own words by definition, a reflexive correction too
    (``korrigierte sich``).
    """
    if act.type == "retracts" or (act.type == "corrects" and act.reflexive):
        return False
    speaker, answering = (" ".join(words.casefold().split()) for words in (item.speaker, answerer))
    return bool(speaker and answering) and (speaker in answering or answering in speaker)


def _answers_alike(act: AnswerAct, item: Said) -> bool:
    """Whether the candidate is itself an answer of the act's type (a second denial of one report
    answers the report, not the first denial)."""
    return relation_type(None, item.text) == act.type
