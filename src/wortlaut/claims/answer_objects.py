"""What the object of an answer act refers to: whose report it answers, or which matter it names.

``X wies die Kritik der Opposition zurück`` or ``X bestätigte den Zusammenhang`` are answer acts with an
object (:data:`~wortlaut.claims.answer_acts.OBJECT`, or a reference noun,
:data:`~wortlaut.claims.answer_acts.NOUN`).  The grammar of that object can say what is answered:

* its **owner** (:func:`owner`): a report, claim or charge noun (``lang/de/claims_references.tsv``, also
  as the last part of a compound: ``Pressebericht``, ``Blockade-Vorwurf``) with a genitive or ``von``
  after it (``die Vorwürfe der kanadischen Ermittler``, ``die Kritik des Fraktionschefs Gregor Gysi``)
  or a possessive name before it (``Pilz’ Vorwurf``).  The answered thing is that owner's statement,
  found among the article's statements by the speaker's words (:func:`owner_matches`); an adjective
  (``die chinesischen Anschuldigungen``) or a pronoun (``seine Äußerungen``) names no owner;
* its **head noun** (:func:`head_nouns`): the first noun of the object that is no adjunct (not after a
  preposition of ``lang/de/claims_object_prepositions.tsv``, ``am Sonntag``) and not the inverted
  subject (``streitet der Verein … ab``); for a report noun without owner, the nouns of its genitive
  (``Vorwürfe der Missachtung der Pressefreiheit``).  The answered statement names the same matter
  (``ihre Kompetenzen`` ← ``Fach- und Führungskompetenz``), compared by :func:`same_noun`.

Which statement is chosen, and how far back, is decided by :mod:`wortlaut.claims.answer_targets`;
whether the link is kept by :mod:`wortlaut.claims.answer_gates` (``owner_chars``, ``topic_chars``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from wortlaut.claims.relations import is_function_word
from wortlaut.lang.tables import read_column
from wortlaut.textnorm import fold_latin

#: A word, with the hyphens and apostrophes of compounds and possessives (``Rabmer-Kollers``, ``Pilz’``).
_WORD = re.compile(r"[^\W\d_]+(?:[-‐][^\W\d_]+)*[’']?", re.UNICODE)
#: What opens an owner after the noun: a genitive article or ``von``/``vom``.
_OWNER_AFTER = re.compile(r"\s+(?:des|der|von|vom)\s", re.IGNORECASE)
#: Where a noun phrase after the noun ends at the latest: a clause break other than a comma.
_PHRASE_END = re.compile(r"[;:.!?–()]|\s-\s")
#: A source phrase: the noun after it names who reports, not what is answered (``nach Angaben der
#: Agentur Xinhua``, ``laut Berichten``), as :mod:`wortlaut.claims.answer_acts` reads it.
_SOURCE = re.compile(r"(?<!\w)(?:nach|laut|gemäß|zufolge)\s+(?:\S+\s+){0,3}$", re.IGNORECASE)
#: Auxiliaries of a passive answer (``Die Bodenoffensive wurde … bestätigt``): its subject is the object.
_PASSIVE = re.compile(r"(?<!\w)(?:wurden?|worden|wird|werden)(?!\w)", re.IGNORECASE)
#: The agent of a passive answer (``von einer Armeesprecherin``): the answerer, not the object.
_AGENT = re.compile(r"(?<!\w)(?:von|vom|durch)(?!\w)", re.IGNORECASE)
#: Determiners that open an inverted subject right after the answer verb (``streitet der Verein … ab``).
_SUBJECT_OPENERS = frozenset({"der"})
#: At most this many words are read as the owner after the noun (``der Partei im Deutschen Bundestag,
#: Gregor Gysi``: nine words).
OWNER_WORDS = 10
#: Inflection endings a compound's reference noun may carry (``Presseberichten``, ``Blockade-Vorwürfe``),
#: and the endings stripped before nouns are compared (:func:`same_noun`).
_ENDINGS = ("", "e", "en", "n", "s", "es", "er", "ern")
_STRIP = ("ern", "en", "er", "es", "e", "n", "s")
#: Owner and speaker words, and the nouns compared for a topic, must share this many characters (or be
#: equal) to match: a name with a genitive ``-s`` (``Merkels``), a case ending, a compound's head.
MATCH_CHARS = 5
_PUNCTUATION = ".,;:!?()„“\"»«’'"


@dataclass(frozen=True, slots=True)
class Owner:
    """The owner words named for the answered thing and the extent of the owner phrase with its noun
    (the answerer is named outside it)."""

    words: tuple[str, ...]
    start: int
    end: int


@cache
def _references() -> tuple[str, ...]:
    return tuple(read_column("claims_references.tsv", columns=1)[1:])  # the first row is the header


@cache
def _prepositions() -> frozenset[str]:
    return frozenset(read_column("claims_object_prepositions.tsv", columns=1)[1:])


def _fold(word: str) -> str:
    return fold_latin(word).casefold()


def is_report_noun(word: str) -> bool:
    """Whether ``word`` is a reference noun, or a compound or hyphenated word ending in one (folded)."""
    folded = _fold(word).rstrip("’'")
    if re.split(r"[-‐]", folded)[-1].startswith(_references()):
        return True
    return any(
        folded.endswith(noun + ending) and len(folded) > len(noun + ending)
        for noun in _references()
        for ending in _ENDINGS
    )


def _names(phrase: str) -> tuple[str, ...]:
    """The capitalised content words of a phrase (no function or report words)."""
    found = []
    for match in _WORD.finditer(phrase):
        word = match.group().rstrip("’'")
        if len(word) >= 3 and word[:1].isupper() and not is_function_word(word) and not is_report_noun(word):
            found.append(word)
    return tuple(found)


def owner(text: str, start: int, end: int) -> Owner | None:
    """The first report noun in ``text[start:end]`` (an act's sentence) whose owner is named after it
    (genitive, ``von``) or before it (a possessive name), or ``None``.  A noun of a source phrase
    (``nach Angaben der Agentur``) is skipped."""
    for match in _WORD.finditer(text, start, end):
        word = match.group()
        if not word[:1].isupper() or not is_report_noun(word) or _SOURCE.search(text, start, match.start()):
            continue
        after, stop = _owner_after(text, match.end(), end)
        if after:
            return Owner(after, match.start(), stop)
        before = _possessive_before(text, start, match.start())
        if before:
            return Owner((before[0].rstrip("’'"),), before[1], match.end())
    return None


def _owner_after(text: str, noun_end: int, end: int) -> tuple[tuple[str, ...], int]:
    """The owner words after the noun and where the owner phrase ends: it ends at the first lower-case
    word that is neither a function word nor an attribute, or at the comma closing an apposition
    (``…, Gregor Gysi,``)."""
    opener = _OWNER_AFTER.match(text, noun_end, end)
    if opener is None:
        return (), noun_end
    stop = _PHRASE_END.search(text, opener.end(), end)
    limit = stop.start() if stop else end
    kept: list[str] = []
    position = opener.end()
    for match in list(re.finditer(r"\S+", text[opener.end() : limit]))[:OWNER_WORDS]:
        word = match.group().strip(_PUNCTUATION)
        if word[:1].islower() and not is_function_word(word) and not _attribute(word):
            break
        kept.append(word)
        position = opener.end() + match.end()
        if match.group().endswith(",") and text[opener.end() : position].count(",") > 1:
            break
    return _names(" ".join(kept)), position


def _attribute(word: str) -> bool:
    """Whether a lower-case word inside a noun phrase is an inflected attribute (``kanadischen``)."""
    return word.endswith(("en", "er", "es", "em", "e"))


def _possessive_before(text: str, start: int, noun_start: int) -> tuple[str, int] | None:
    """A possessive name right before the noun (``Pilz’``, ``Gysis``, ``Rabmer-Kollers``) and its start."""
    before = list(_WORD.finditer(text, start, noun_start))
    if not before or text[before[-1].end() : noun_start].strip():
        return None
    word = before[-1].group()
    if not word[:1].isupper() or is_function_word(word.rstrip("’'")) or is_report_noun(word):
        return None
    if word.endswith(("’", "'")):
        return word, before[-1].start()
    if word.endswith("s") and len(word) > 4:
        return word[:-1], before[-1].start()
    return None


def owner_matches(owner_words: tuple[str, ...], speaker: str) -> bool:
    """Whether a statement's speaker phrase names the owner: an owner word equals a capitalised speaker
    word or is one with an ending or as a compound's part (:data:`MATCH_CHARS` shared), folded."""
    spoken = [_root(word) for word in _names(speaker)]
    return any(_common(_root(word), other) for word in owner_words for other in spoken)


def _common(left: str, right: str) -> bool:
    """Whether two folded words are one, or one is the other with an ending or a compound's part."""
    if left == right:
        return True
    shorter, longer = sorted((left, right), key=len)
    return len(shorter) >= MATCH_CHARS and (longer.startswith(shorter) or longer.endswith(shorter))


def _root(word: str) -> str:
    """A folded noun without its inflection ending (when at least :data:`MATCH_CHARS` characters stay)."""
    folded = _fold(word)
    for ending in _STRIP:
        if folded.endswith(ending) and len(folded) - len(ending) >= MATCH_CHARS:
            return folded[: -len(ending)]
    return folded


def noun_roots(text: str) -> frozenset[str]:
    """The roots of the capitalised content words of a text, compounds split at hyphens."""
    return frozenset(
        _root(part)
        for match in _WORD.finditer(text)
        if match.group()[:1].isupper() and not is_function_word(match.group().rstrip("’'"))
        for part in re.split(r"[-‐]", match.group().rstrip("’'"))
        if len(part) >= MATCH_CHARS
    )


def same_noun(roots: frozenset[str], other: frozenset[str]) -> bool:
    """Whether a noun root of one side recurs on the other, also as a compound's part (``kompetenz`` in
    ``fuhrungskompetenz``; a shared start needs one character more, ``stein`` is no ``steinbruch``)."""
    for mine in roots:
        for theirs in other:
            shorter, longer = sorted((mine, theirs), key=len)
            if shorter == longer or (len(shorter) >= MATCH_CHARS and longer.endswith(shorter)):
                return True
            if len(shorter) > MATCH_CHARS and longer.startswith(shorter):
                return True
    return False


def head_nouns(text: str, clause: tuple[int, int], cue: tuple[int, int]) -> frozenset[str]:
    """The roots of the object's head noun of an act (module docstring), or none.

    ``clause`` is the act's clause, ``cue`` its cue's extent: for an active answer the object follows
    the cue's first word (``wies [am Sonntag Vorwürfe der Missachtung …] zurück``); for a passive one
    (``Die Bodenoffensive wurde von … bestätigt``) it is the subject before the cue.
    """
    start, end = clause
    first_end = cue[0] + len(text[cue[0] : cue[1]].split()[0])
    part = text[first_end:end]
    passive = _PASSIVE.search(text, start, end) is not None
    if passive:
        part = _AGENT.split(text[start : cue[0]])[0] + " " + _AGENT.split(part)[0]
    tokens = part.split()
    for index, token in enumerate(tokens):
        word = token.strip(_PUNCTUATION)
        if not word[:1].isupper() or is_function_word(word):
            continue
        previous = _fold(tokens[index - 1].strip(_PUNCTUATION)) if index else ""
        if previous in _prepositions():
            continue
        if not passive and index <= 1 and _fold(tokens[0]) in _SUBJECT_OPENERS:
            continue  # "streitet der Verein …": the answerer after the verb
        if is_report_noun(word):
            continue  # "Vorwürfe der Missachtung …": the matter is the noun's genitive
        return noun_roots(word)
    return frozenset()
