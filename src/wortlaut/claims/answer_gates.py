"""Strong evidence for a relation link: when a chosen target is dropped rather than linked.

A wrong "confirmed by" on a person page does more harm than a missing one, so after the linkers
(:mod:`wortlaut.link.relations` for statements with a relation cue, :mod:`wortlaut.claims.answer_targets`
for answer acts) have chosen the earlier statement an answer refers to, the link is kept only when the
grammar of the reference supports it:

* **narration between** (:attr:`Gates.narration`): a pointing answer (``Das bestätigte …``, ``…, was X
  bestreitet``, ``…, bestätigte ein Sprecher``) refers to what was told just before it; when a sentence
  without any statement lies between the target and the answer, the pronoun points to that narration;
* **a relative answer's own sentence** (:attr:`Gates.relative_in_sentence`): ``…, was Washington
  bestreitet`` answers the clause before ``was`` in the same sentence; a statement ending before that
  sentence is not what ``was`` refers to;
* **a bare answer's reach** (:attr:`Gates.bare_chars`): ``…, bestätigte ein Sprecher`` at the end of a
  long sentence confirms that sentence's own words; at most this many characters may lie between the
  target's end and the cue;
* **a named target in the same article** (:attr:`Gates.named_chars`): a name in the frame finds that
  speaker's statements; inside one article the answered one is told within a few sentences;
* **an earlier target** (:attr:`Gates.earlier`): an answer answers something said before it; a target
  that does not end before the answer's cue is the answering sentence's own report (``Dies wurde von X
  bestätigt, wie der Sender berichtete``: the statement route took the sentence as its own target) or
  told later;
* **a noun answer** (``wies die Vorwürfe zurück``: an act's ``noun`` or the statement route's
  ``referred``): the noun refers to a charge or claim, so the link is dropped when the target lies more
  than :attr:`Gates.noun_chars` characters back, when the noun is bare and so names a new charge
  (:attr:`Gates.noun_definite`), or when a charge is narrated between (:attr:`Gates.noun_narrated`;
  :mod:`wortlaut.claims.answer_nouns`).

* **an object that names what it answers** (issue 20r, :mod:`wortlaut.claims.answer_objects`): an act
  linked to its object's owner's statement (:data:`OWNER`, ``wies die Kritik des … Gysi zurück``) or to a
  statement naming its object's head noun (:data:`TOPIC`) is kept only when the target lies at most
  :attr:`Gates.owner_chars` / :attr:`Gates.topic_chars` characters back (0: the route is off).

The switches are chosen by cross-validation on the claims set's tune rows
(``python -m wortlaut.eval.claims_gates``; docs/quality.md, issue 20g).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from wortlaut.claims.answer_nouns import bare_reference, narrated_charge
from wortlaut.sentences import split_sentences

#: References that point without words (answer acts' kinds and the statement route's evidence).
POINTING = frozenset({"pronoun", "relative", "bare"})
#: References by a noun: an answer act's ``noun``, the statement route's ``referred``.
NOUNS = frozenset({"noun", "referred"})
#: An act linked through its object's owner (``die Kritik des … Gysi``) or head noun (issue 20r).
OWNER = "owner"
TOPIC = "topic"


@dataclass(frozen=True, slots=True)
class Gates:
    """Which checks a chosen target must pass.

    Defaults: the choice of ``python -m wortlaut.eval.claims_gates`` on the 200 tune cues (2026-12-06,
    20g): the narration gate costs a right tune link (off); the relative, bare (150 characters) and named
    (200 characters) gates change no tune link and are kept by the CV's tie rule (stricter evidence
    first); nested CV 13 of 14 links right.  ``None``: no limit.  20h (2026-12-06, same command, 21
    tune links): ``noun_definite`` drops the one wrong tune link (a bare ``Vorwürfe``) and no right one;
    ``noun_chars`` 400 and ``noun_narrated`` change no tune link and are kept by the tie rule; in
    sample 15 of 15, nested CV 12 of 12.  20j (2026-12-07, ``claims_gates --released``: tune with the
    released parts test-b and test-c, 81 answerable rows): ``earlier`` chosen on all rows and in every
    fold (it drops a statement linked to its own report); the other gates as before; in sample 22 of 24,
    nested CV 18 of 20.  20r (2026-12-07, same command, with the object routes of
    :mod:`wortlaut.claims.answer_objects`): owner reach 400, topic reach 150, noun reach 100; in sample
    24 of 24, nested CV 21 of 24.
    """

    narration: bool = False
    #: 20j: chosen by CV on tune with the released parts test-b and test-c (docs/quality.md).
    earlier: bool = True
    relative_in_sentence: bool = True
    bare_chars: int | None = 150
    named_chars: int | None = 200
    #: 20r: 100 (the choice on all rows and of three of five folds, by the 20p rule; 400 before).
    noun_chars: int | None = 100
    noun_definite: bool = True
    noun_narrated: bool = True
    #: 20r: how far back an object's owner's statement (:data:`OWNER`) or a statement naming its head
    #: noun (:data:`TOPIC`) may end; ``None``: no limit, 0: the route is off.  Chosen on all choosing rows
    #: and by four (owner, 400) and three (topic, 150) of five folds.
    owner_chars: int | None = 400
    topic_chars: int | None = 150


#: The gates the linkers use.
DEFAULT_GATES = Gates()


@lru_cache(maxsize=64)
def sentence_bounds(text: str) -> tuple[tuple[int, int], ...]:
    """The sentence extents of a text (remembered: every answer of an article asks)."""
    return tuple((span.start, span.end) for span in split_sentences(text))


def narrated_between(
    target_end: int, answer: int, sentences: Sequence[tuple[int, int]], statements: Sequence[tuple[int, int]]
) -> int:
    """How many whole sentences between a target's end and the answer hold no statement."""
    between = [(start, end) for start, end in sentences if target_end <= start and end <= answer]
    return sum(not any(left < end and start < right for left, right in statements) for start, end in between)


def sentence_start(answer: int, sentences: Sequence[tuple[int, int]]) -> int:
    """Where the sentence holding ``answer`` starts (``answer`` itself when no sentence holds it)."""
    return next((start for start, end in sentences if start <= answer < end), answer)


def passes(
    gates: Gates,
    reference: str,
    *,
    target_end: int,
    answer: int,
    text: str,
    statements: Sequence[tuple[int, int]],
) -> bool:
    """Whether a link from the answer at ``answer`` (its cue) to a target ending at ``target_end`` in the
    same text keeps its evidence.  ``reference``: how the answer refers (an answer act's kind, or the
    statement route's evidence: ``pronoun``, ``bare``, ``named``, ``referred``, ``quoted``)."""
    sentences = sentence_bounds(text)
    gap = answer - target_end
    if gates.earlier and gap < 0:
        return False
    pointing = reference in POINTING
    if gates.narration and pointing and narrated_between(target_end, answer, sentences, statements):
        return False
    own_sentence = sentence_start(answer, sentences)
    if gates.relative_in_sentence and reference == "relative" and target_end < own_sentence:
        return False
    if gates.bare_chars is not None and reference == "bare" and gap > gates.bare_chars:
        return False
    if gates.named_chars is not None and reference == "named" and gap > gates.named_chars:
        return False
    if gates.owner_chars is not None and reference == OWNER and gap > gates.owner_chars:
        return False
    if gates.topic_chars is not None and reference == TOPIC and gap > gates.topic_chars:
        return False
    if reference not in NOUNS:
        return True
    return _noun_passes(gates, gap, answer, own_sentence, text, sentences, statements)


def _noun_passes(
    gates: Gates,
    gap: int,
    answer: int,
    own_sentence: int,
    text: str,
    sentences: Sequence[tuple[int, int]],
    statements: Sequence[tuple[int, int]],
) -> bool:
    """The noun answer's gates (:attr:`Gates.noun_chars`, :attr:`Gates.noun_definite`,
    :attr:`Gates.noun_narrated`)."""
    if gates.noun_chars is not None and gap > gates.noun_chars:
        return False
    sentence = next(((start, end) for start, end in sentences if start <= answer < end), (answer, len(text)))
    if gates.noun_definite and bare_reference(text, sentence, answer):
        return False
    if not gates.noun_narrated:
        return True
    return not narrated_charge(text, answer - gap, own_sentence, sentences, statements)
