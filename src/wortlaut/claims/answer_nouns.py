"""Evidence for a noun answer (``wies die Vorwürfe zurück``): what the reference noun can refer to.

A reference noun (``lang/de/claims_references.tsv``) points to a charge, claim or report.  The linkers
pick the nearest earlier statement that shares words with the answer; two things say the noun does not
refer to it (:mod:`wortlaut.claims.answer_gates` applies them, switched by CV on tune):

* a **bare** noun (no article, possessive or demonstrative before it: ``wies Vorwürfe auf … zurück``)
  names a charge for the first time, as :mod:`wortlaut.claims.answer_acts` reads an act's object;
* a **narrated charge** between the statement and the answer (a sentence without any statement that
  holds a charge word of ``lang/de/claims_charge_words.tsv`` or a reference noun: ``Ihm wird
  vorgeworfen, …``) is the nearer antecedent of the noun.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from wortlaut.claims.relations import is_reference_noun
from wortlaut.lang.tables import read_column
from wortlaut.textnorm import fold_latin

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
#: Determiners that make a noun refer back: articles, possessives, demonstratives, quantifiers.
_DETERMINER = re.compile(
    r"^(?:der|die|das|den|dem|des|dies\w*|solch\w*|jen\w*|sein\w*|ihr\w*|alle\w*|jede\w*|jegliche\w*|"
    r"entsprechende\w*|derartige\w*)$",
    re.IGNORECASE,
)
#: How many words before the noun a determiner may stand (``die gegen ihn erhobenen Vorwürfe``).
DETERMINER_WORDS = 4
_CLAUSE_BREAK = re.compile(r"[,;:–]")


@cache
def _charge_words() -> tuple[str, ...]:
    return tuple(read_column("claims_charge_words.tsv", columns=1)[1:])  # the first row is the header


def is_charge_word(word: str) -> bool:
    """Whether ``word`` narrates a charge, claim or report (a charge word or a reference noun)."""
    folded = fold_latin(word).casefold()
    return folded.startswith(_charge_words()) or is_reference_noun(folded)


def bare_reference(text: str, sentence: tuple[int, int], answer: int) -> bool:
    """Whether the answer's reference noun stands without a determiner (``wies Vorwürfe … zurück``).

    The noun is the first reference noun of the answer's clause; the words looked at for a determiner
    are those between the answer's verb and the noun (or the clause start and the noun, when the noun
    comes first: ``Die Vorwürfe wies er zurück``).  No reference noun: ``False`` (nothing to judge).
    """
    start, end = sentence
    left = max([m.end() for m in _CLAUSE_BREAK.finditer(text, start, answer)], default=start)
    right_break = _CLAUSE_BREAK.search(text, answer, end)
    right = right_break.start() if right_break else end
    for match in _WORD.finditer(text, left, right):
        if not is_reference_noun(fold_latin(match.group()).casefold()):
            continue
        before = text[answer : match.start()] if match.start() > answer else text[left : match.start()]
        words = _WORD.findall(before)
        if match.start() > answer:
            words = words[1:]  # the answer's own verb ("wies", "bestreitet")
        return not any(_DETERMINER.match(word) for word in words[-DETERMINER_WORDS:])
    return False


def narrated_charge(
    text: str,
    target_end: int,
    answer_sentence_start: int,
    sentences: Sequence[tuple[int, int]],
    statements: Sequence[tuple[int, int]],
) -> bool:
    """Whether a whole sentence between the target's end and the answer's sentence tells a charge
    without holding any statement (the noun's nearer antecedent)."""
    for start, end in sentences:
        if start < target_end or end > answer_sentence_start:
            continue
        if any(left < end and start < right for left, right in statements):
            continue
        if any(is_charge_word(word) for word in _WORD.findall(text[start:end])):
            return True
    return False
