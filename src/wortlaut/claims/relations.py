"""Which statements answer another: denials, confirmations, corrections and retractions, from their cue.

A statement whose cue or frame holds ``dementierte``, ``wies … zurück``,
``bestätigte``, ``korrigierte``, ``stellte klar`` or ``ruderte zurück`` (the
rows of ``lang/de/claims_relations.tsv``) answers something said before.  This
module reads the cue and what the frame names as the target: quoted phrases
(``„Schuldenorgie“``) that an earlier statement may hold.  Which stored
statement is answered is decided across articles by
:mod:`wortlaut.link.relations`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from wortlaut.lang.tables import read_column, read_records
from wortlaut.textnorm import fold_latin

#: Relation types, in the order of ``claims_relations.tsv``'s rows.
TYPES = ("denies", "confirms", "corrects", "retracts")
#: Labels shown on person pages, per type and side (the answered person sees "denied by" …).
ANSWERED_LABELS = {
    "denies": "denied by",
    "confirms": "confirmed by",
    "corrects": "corrected by",
    "retracts": "retracted",
}
ANSWERING_LABELS = {
    "denies": "denied",
    "confirms": "confirmed",
    "corrects": "corrected",
    "retracts": "retracted",
}
#: A quoted phrase names what is answered when it has at least this many characters: shorter ones
#: ("Nein", "so") occur in many statements.
MIN_PHRASE_CHARS = 6
_PHRASE = re.compile(rf"[„\"»«“]([^„“”\"»«]{{{MIN_PHRASE_CHARS},120}})[“”\"«»]")


@dataclass(frozen=True, slots=True)
class RelationCue:
    """One row of ``claims_relations.tsv``."""

    type: str
    pattern: re.Pattern[str]
    unless: re.Pattern[str] | None


def _compile(expression: str) -> re.Pattern[str] | None:
    expression = expression.strip()
    return re.compile(rf"\b(?:{expression})\b", re.IGNORECASE) if expression else None


@cache
def cues() -> tuple[RelationCue, ...]:
    """The cue rows, in file order."""
    found = []
    for row in read_records("claims_relations.tsv"):
        if row["type"] not in TYPES:
            raise ValueError(f"claims_relations.tsv: unknown relation type {row['type']!r}")
        pattern = _compile(row["pattern"])
        if pattern is not None:
            found.append(RelationCue(row["type"], pattern, _compile(row["unless"])))
    return tuple(found)


@cache
def any_cue() -> re.Pattern[str]:
    """One pattern that finds a text position where some cue row matches (and only there): a cheap
    test before trying the rows one by one.  Each row is ``\\b(?:expression)\\b``, ignoring case, and
    an alternation tries every branch, so this matches a text exactly when one of the rows does."""
    return re.compile("|".join(f"(?:{row.pattern.pattern})" for row in cues()) or r"(?!)", re.IGNORECASE)


def relation_type(cue: str | None, frame: str | None = None) -> str | None:
    """The relation a statement's cue and frame express (``denies`` …), or ``None``.

    The cue is tried first, then the frame: a separable verb (``wies … zurück``) often has only its
    first half as the cue.
    """
    if _NEGATION.search(" ".join(part for part in (cue, frame) if part)):
        return None  # "bestritt nicht", "konnte weder bestätigen noch dementieren": no answer given
    for text in (cue or "", " ".join(part for part in (cue, frame) if part)):
        if not text.strip():
            continue
        for row in cues():
            if row.pattern.search(text) and not (row.unless and row.unless.search(text)):
                return row.type
    return None


def quoted_phrases(frame: str | None) -> list[str]:
    """Quoted phrases of the frame (what the speaker is said to answer, word for word)."""
    return [match.group(1).strip() for match in _PHRASE.finditer(frame or "")]


@cache
def _reference_nouns() -> tuple[str, ...]:
    return tuple(read_column("claims_references.tsv", columns=1)[1:])  # the first row is the header


#: How an answer refers back (:func:`refers_back`): by a reference noun, by a pronoun to what was just
#: said, or with no object at all (its own words repeat what it answers).
NOUN = "noun"
PRONOUN = "pronoun"
BARE = "bare"


def refers_back(cue: str | None, frame: str | None, speaker: str | None = None) -> str | None:
    """How the cue and frame refer back to what is answered: :data:`NOUN`, :data:`PRONOUN`, :data:`BARE`.

    Three grammatical ways: a reference noun (``die Vorwürfe``, ``den Bericht``), a demonstrative
    pronoun as the answered thing (``Das wurde … bestritten``, ``wies dies zurück``), or no object at all
    (``Der Süden bestreitet``; ``…, bestätigte ein Sprecher``: the frame holds the speaker and the verb
    only, so what is answered is what was just said).  A noun may point a few sentences back; a pronoun
    or a missing object points to the statement just before.  ``None``: no reference back (also when
    the frame is unknown: an answer without a frame cannot be told to have no object).
    """
    text = " ".join(part for part in (cue, frame) if part)
    words = _WORD.findall(fold_latin(text))
    if any(word.startswith(_reference_nouns()) for word in words):
        return NOUN
    if _DEMONSTRATIVE.search(text):
        return PRONOUN
    if frame and frame.strip() and not _object_words(text, speaker):
        return BARE
    return None


def _object_words(text: str, speaker: str | None) -> list[str]:
    """The frame's words that are neither the speaker's, nor the cue verb's, nor function words."""
    own = {word.casefold() for word in _WORD.findall(speaker or "")}
    return [
        word
        for word in _WORD.findall(text)
        if word.casefold() not in own and word.casefold() not in _function_words() and not _is_cue_word(word)
    ]


@cache
def _function_words() -> frozenset[str]:
    return frozenset(read_column("claims_function_words.tsv", columns=1)[1:])  # the first row is the header


def is_function_word(word: str) -> bool:
    """Whether ``word`` is a function word of ``claims_function_words.tsv`` (case-folded)."""
    return word.casefold() in _function_words()


def is_reference_noun(folded: str) -> bool:
    """Whether a folded, lower-cased word starts with a reference noun of ``claims_references.tsv``."""
    return folded.startswith(_reference_nouns())


def _is_cue_word(word: str) -> bool:
    return any(row.pattern.fullmatch(word) for row in cues()) or word.casefold() in _PARTICLES


_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
#: A negated answer is none (the claims set's guidelines): ``nicht``, ``weder``, ``nie``, ``kein…``.
_NEGATION = re.compile(r"(?<!\w)(?:nicht|weder|nie|niemals|kein\w*)(?!\w)", re.IGNORECASE)
#: ``dies``/``dieses`` and ``das`` used as a pronoun (not followed by a noun): the answered thing is
#: what the text just said.
_DEMONSTRATIVE = re.compile(r"(?<!\w)(?:[Dd]ies(?:es)?|[Dd]as(?!\s+[A-ZÄÖÜ]))(?!\w)")
#: Separable particles of the cue verbs (``wies … zurück``, ``stellte … klar``).
_PARTICLES = frozenset({"zurück", "klar", "richtig", "ab", "ein"})
