"""Answer acts: sentences that deny, confirm, correct or retract something, whether or not they quote anyone.

``Kulturministerin Eisenmann wies diese Behauptung zurück`` or ``Die Rebellen
bestreiten ihrerseits diesen Vorwurf`` are speech acts without a content
clause: the quotation stage extracts no statement from them, so a linker that
starts from statements has nothing to link.  This module starts from the text:
every verb form of a relation cue (``lang/de/claims_relations.tsv``) in a
sentence is an act, unless the grammar says otherwise (a negated answer, a
nominalised cue, ``unless`` words).  For each act it records how the sentence
refers to what is answered (:data:`CLAUSE`, :data:`NOUN`, :data:`PRONOUN`,
:data:`RELATIVE`, :data:`OBJECT`, :data:`BARE`) and, where the sentence states
the answered proposition itself (``dementierte Berichte, wonach …``, ``bestritt,
dass …``, ``bestreitet, … verwickelt zu sein``), that proposition as a claim.
Which earlier statement an act answers is decided by
:mod:`wortlaut.claims.answer_targets`.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from wortlaut.claims.relations import any_cue, cues, is_function_word, is_reference_noun
from wortlaut.sentences import split_sentences
from wortlaut.textnorm import fold_latin

#: How an act refers to what it answers.
CLAUSE = "clause"  # the answered proposition follows: "…, wonach …", "…, dass …", "…, … zu sein"
NOUN = "noun"  # a reference noun: "die Vorwürfe", "diese Behauptung", "den Bericht"
PRONOUN = "pronoun"  # "Das wurde bestritten", "wies dies zurück"
RELATIVE = "relative"  # "…, was Washington bestreitet": the clause before, in the same sentence
OBJECT = "object"  # other words: "bestreiten die Steinewürfe", "Der Süden bestreitet" (its subject)
BARE = "bare"  # the cue alone in its clause: "…, bestätigte er."
BACKGROUND = "background"  # in a relative clause: "die Firma, die den Vorwurf bestätigte"

#: Words after the cue that open the answered proposition as a clause.
_CLAUSE_OPENERS = re.compile(r"^\W*(?:,\s*)?(?:wonach|dass|daß|demzufolge|denen\s+zufolge)\b", re.IGNORECASE)
#: A zu-infinitive after the cue's comma: "bestreitet, in den Zwischenfall verwickelt zu sein".
_ZU_CLAUSE = re.compile(r"^\s*,\s*(?:[^,.;]{0,120}?\s)?zu\s+\w+", re.IGNORECASE)
#: A negated answer is none: "bestritt nicht", "konnte weder bestätigen noch dementieren", "konnte
#: niemand bestätigen".
_NEGATION = re.compile(r"(?<!\w)(?:nicht|weder|nie|niemals|niemand|nichts|kein\w*)(?!\w)", re.IGNORECASE)
#: A reflexive cue answers nobody: "hat sich bestätigt" (came true), "stellte sich als richtig heraus";
#: only "korrigierte sich" is an answer (to one's own words).
_REFLEXIVE = re.compile(r"(?<!\w)sich(?!\w)")
_SELF_CORRECTION = re.compile(r"korrigier", re.IGNORECASE)
#: A zu-infinitive names an act wanted, hard or demanded, not one performed ("es sei schwierig, das zu
#: bestätigen", "forderte, die Vorwürfe zurückzuweisen").
_ZU_BEFORE = re.compile(r"(?<!\w)zu\s+$")
_ZU_INSIDE = re.compile(r"^(?:zurückzu|klarzu|richtigzu|abzu|einzu)", re.IGNORECASE)
#: A content clause fronted before the cue: "Dass Stenzel überlaufen könnte, wurde dementiert".
_FRONTED = re.compile(r"\W*(?:Dass|Daß)\s[^,]{3,}?,")
_DETERMINERS = frozenset(
    {
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "ein",
        "eine",
        "einer",
        "einem",
        "eines",
        "einen",
        "mit",
        "von",
    }
)
_DEMONSTRATIVE = re.compile(r"(?<!\w)(?:[Dd]ies(?:es)?|[Dd]as(?!\s+[A-ZÄÖÜ]))(?!\w)")
_RELATIVE = re.compile(r",\s*was\s", re.IGNORECASE)
#: A demonstrative determiner makes a reference noun point to what was just said, as a pronoun does
#: ("diesen Vorwurf", "dieser Darstellung", "eine solche Mitgliedschaft").
_DEMONSTRATIVE_DETERMINER = re.compile(r"(?<!\w)(?:dies|solch|jen)\w*\s+(?:\w+\s+)?$", re.IGNORECASE)
#: A demonstrative determiner before any noun of the clause (``diese Überlegungen``, ``eine solche
#: Mitgliedschaft``, ``Dieser Darstellung``): the noun phrase points to what was just said.
_DEMONSTRATIVE_NOUN = re.compile(
    r"(?<!\w)(?:[Dd]ies|[Ss]olch|[Jj]en)(?:e|er|es|en|em)\s+(?:[a-zäöüß]\w*\s+)?[A-ZÄÖÜ]\w+"
)
#: A definite or possessive determiner before a reference noun refers back ("die Vorwürfe", "seine
#: Äußerungen"); a bare or indefinite noun names a charge for the first time ("wies Vorwürfe … zurück").
_DEFINITE_DETERMINER = re.compile(
    r"(?<!\w)(?:der|die|das|den|dem|des|sein\w*|ihr\w*|alle|jede\w*|jegliche\w*)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
#: A clause opened by a relative pronoun describes its antecedent; an act told there is background
#: ("die Erdbebenwarte, die die Stärke später korrigiert hatte").
_RELATIVE_CLAUSE = re.compile(r"\s*(?:der|die|das|dem|den|denen|deren|dessen|welche\w*)\s", re.IGNORECASE)
#: A preposition that makes the noun after it a source: "nach Angaben", "laut Berichten", "gemäß".
_SOURCE_PREPOSITION = re.compile(r"(?<!\w)(?:nach|laut|gemäß|zufolge)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
#: Clause boundaries inside a sentence: commas, semicolons, colons, dashes.
_CLAUSE_BREAK = re.compile(r"[,;:–]|\s-\s")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
#: Separable particles of the cue verbs (``wies … zurück``), not objects.
_PARTICLES = frozenset({"zurück", "klar", "richtig", "ab", "ein"})


@dataclass(frozen=True, slots=True)
class AnswerAct:
    """One act: the cue's extent, its sentence, the relation type and how it refers to what it answers.

    ``claim`` is the answered proposition's extent when the sentence states it (a ``wonach``/``dass``
    clause or a zu-infinitive), else ``None``.
    """

    type: str
    cue_start: int
    cue_end: int
    sentence_start: int
    sentence_end: int
    reference: str
    claim: tuple[int, int] | None = None
    #: A reflexive self-correction (``korrigierte sich``): the speaker answers their own words.
    reflexive: bool = False
    #: A demonstrative noun phrase (``diesen Vorwurf``, ``eine solche Mitgliedschaft``): it points back
    #: like a pronoun, and its noun lets it reach further back than a bare ``das``.
    demonstrative_noun: bool = False


def answer_acts(text: str) -> list[AnswerAct]:
    """Every answer act of ``text``, in text order (one per cue occurrence, the first cue row winning)."""
    found: list[AnswerAct] = []
    taken: list[tuple[int, int]] = []
    if not any_cue().search(text):  # most articles answer nothing: one scan, not one per row and sentence
        return found
    for sentence in split_sentences(text):
        if not any_cue().search(sentence.text):
            continue
        for row in cues():
            for match in row.pattern.finditer(sentence.text):
                start, end = sentence.start + match.start(), sentence.start + match.end()
                if any(start < right and left < end for left, right in taken):
                    continue
                clause = _clause(text, sentence.start, sentence.end, start, end)
                if row.unless and row.unless.search(clause):
                    continue
                if _nominal(text, sentence.start, start) or _attributive(text, start, end):
                    continue
                if _infinitive(text, start, end) or _NEGATION.search(clause):
                    continue
                if _REFLEXIVE.search(clause) and not _SELF_CORRECTION.match(match.group()):
                    continue
                taken.append((start, end))
                act = _act(text, row.type, start, end, sentence.start, sentence.end)
                found.append(dataclasses.replace(act, reflexive=bool(_REFLEXIVE.search(clause))))
    return sorted(found, key=lambda act: act.cue_start)


def _nominal(text: str, sentence_start: int, start: int) -> bool:
    """Whether the cue is a noun (``Dementi``, ``Bestätigung``): capitalised inside its sentence.

    A nominalised cue names an act without performing it (``Eine Bestätigung steht aus``); on the
    claims set's tune rows every nominal cue is ``none``.
    """
    return start > sentence_start and text[start].isupper()


def _attributive(text: str, start: int, end: int) -> bool:
    """Whether the cue is a participle before its noun (``einer bestätigten Höchstgeschwindigkeit``).

    An attributive participle (a determiner before it, a capitalised noun after it) describes a
    thing; it reports no act.
    """
    before = _WORD.findall(text[max(0, start - 20) : start])
    after = text[end : end + 3].lstrip()
    return bool(before) and before[-1] in _DETERMINERS and after[:1].isupper()


def _infinitive(text: str, start: int, end: int) -> bool:
    """Whether the cue is a zu-infinitive (``zu bestätigen``, ``zurückzuweisen``)."""
    return bool(_ZU_BEFORE.search(text[max(0, start - 4) : start]) or _ZU_INSIDE.match(text[start:end]))


def _clause(text: str, sentence_start: int, sentence_end: int, start: int, end: int) -> str:
    """The clause holding the cue: from the clause break before it to the one after it."""
    left, right = clause_extent(text, sentence_start, sentence_end, start, end)
    return text[left:right]


def clause_extent(text: str, sentence_start: int, sentence_end: int, start: int, end: int) -> tuple[int, int]:
    """The extent of the clause holding the cue at ``start``–``end`` (clause breaks: commas, semicolons,
    colons, dashes)."""
    left = sentence_start
    for match in _CLAUSE_BREAK.finditer(text, sentence_start, start):
        left = match.end()
    after = _CLAUSE_BREAK.search(text, end, sentence_end)
    return left, after.start() if after else sentence_end


def _act(text: str, kind: str, start: int, end: int, sentence_start: int, sentence_end: int) -> AnswerAct:
    after = text[end:sentence_end]
    claim = _claim(after, end, sentence_end)
    fronted = _FRONTED.match(text, sentence_start, start)
    if claim is None and fronted is not None:
        claim = (fronted.start(), fronted.end() - 1)
    if claim is not None:
        return AnswerAct(kind, start, end, sentence_start, sentence_end, CLAUSE, claim)
    clause = _clause(text, sentence_start, sentence_end, start, end)
    before = text[sentence_start:start]
    noun = _reference_noun(clause)
    pointing_noun = _DEMONSTRATIVE_NOUN.search(clause)
    if _RELATIVE_CLAUSE.match(clause) and _after_comma(text, sentence_start, start):
        reference = BACKGROUND
    elif pointing_noun is not None and (noun is None or pointing_noun.start() <= noun.start()):
        return AnswerAct(kind, start, end, sentence_start, sentence_end, PRONOUN, demonstrative_noun=True)
    elif noun is not None:
        determiner = clause[: noun.start()][-25:]
        if _DEMONSTRATIVE_DETERMINER.search(determiner):
            reference = PRONOUN
        elif _DEFINITE_DETERMINER.search(determiner):
            reference = NOUN
        else:
            reference = OBJECT  # "wies Vorwürfe … zurück", "wies Kritik zurück": a new charge, named here
    elif _RELATIVE.search(before[-60:]):
        reference = RELATIVE
    elif re.search(r",\s*$", before):
        reference = BARE  # "…, bestätigte ein Sprecher": what it confirms is the sentence's own report
    elif _DEMONSTRATIVE.search(clause):
        reference = PRONOUN
    elif _object_words(clause, text[start:end]):
        reference = OBJECT
    else:
        reference = BARE
    return AnswerAct(kind, start, end, sentence_start, sentence_end, reference)


def _after_comma(text: str, sentence_start: int, start: int) -> bool:
    """Whether the cue's clause opens after a comma (a relative clause can, a main clause cannot)."""
    left = sentence_start
    for match in _CLAUSE_BREAK.finditer(text, sentence_start, start):
        left = match.end()
    return left > sentence_start and text[left - 1] == ","


def _reference_noun(clause: str) -> re.Match[str] | None:
    """The first reference noun of the clause (``die Vorwürfe``) that is not a source phrase
    (``nach Angaben der Agentur``, ``laut Berichten``: they say who reports, not what is answered)."""
    for match in _WORD.finditer(clause):
        if is_reference_noun(fold_latin(match.group()).casefold()) and not _SOURCE_PREPOSITION.search(
            clause[: match.start()]
        ):
            return match
    return None


def _claim(after: str, offset: int, sentence_end: int) -> tuple[int, int] | None:
    """The answered proposition right after the cue (``, wonach …`` / ``, dass …`` / ``, … zu sein``)."""
    head = after[:40]
    opener = _CLAUSE_OPENERS.search(head) or (
        _CLAUSE_OPENERS.search(after[after.find(",") :]) if 0 <= after.find(",") < 40 else None
    )
    if opener is None and _ZU_CLAUSE.match(after) is None:
        return None
    start = offset + (after.find(",") + 1 if "," in head else 0)
    while start < sentence_end and not after[start - offset].strip():
        start += 1
    return (start, sentence_end) if sentence_end - start > 8 else None


def _object_words(clause: str, cue: str) -> list[str]:
    """Content words of the clause that are neither the cue, its particle, nor function words."""
    cue_words = {word.casefold() for word in _WORD.findall(cue)}
    return [
        word
        for word in _WORD.findall(clause)
        if word.casefold() not in cue_words
        and word.casefold() not in _PARTICLES
        and not is_function_word(word)
    ]
