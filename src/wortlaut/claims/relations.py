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


def relation_type(cue: str | None, frame: str | None = None) -> str | None:
    """The relation a statement's cue and frame express (``denies`` …), or ``None``.

    The cue is tried first, then the frame: a separable verb (``wies … zurück``) often has only its
    first half as the cue.
    """
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


def refers_back(cue: str | None, frame: str | None) -> bool:
    """Whether the cue and frame refer back to what is answered (``die Vorwürfe``, ``den Bericht``)."""
    words = _WORD.findall(fold_latin(" ".join(part for part in (cue, frame) if part)))
    return any(word.startswith(_reference_nouns()) for word in words)


_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
