"""Text normalisation shared by the linkers: words, stems, shingles, word diffs.

Cross-article comparison must ignore what outlets change for free (quotation
marks, case, hyphen and whitespace variants), so every comparison goes
through :func:`words`; content-word stems (German Snowball) give a lexical
overlap signal that complements the embedding, which rates all statements of
one speaker on one topic as rather similar.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections.abc import Sequence
from functools import cache

import Stemmer

from wortlaut.lang.tables import read_column
from wortlaut.textnorm import fold_latin

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)

#: Function words ignored by the lexical overlap (German and English), one a line in lang/de.
STOPWORDS_FILE = "link_stopwords.txt"


@cache
def stopwords() -> frozenset[str]:
    """The stopword list, read once."""
    return frozenset(read_column(STOPWORDS_FILE, columns=1))


@cache
def _stemmer(language: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english" if language == "en" else "german")


def fold(text: str) -> str:
    """Case- and accent-folded text, so ``Selenskyj``/``selenskyj`` and ``ä``/``a`` compare equal."""
    return fold_latin(text)


def words(text: str) -> list[str]:
    """The folded words of a text, punctuation and quotation marks dropped."""
    return _WORD.findall(fold(text))


def stems(text: str, *, language: str = "de") -> frozenset[str]:
    """Stems of the content words (stopwords and one-letter words dropped)."""
    content = [word for word in words(text) if len(word) > 1 and word not in stopwords()]
    return frozenset(_stemmer(language).stemWords(content))


def dice(left: frozenset[str], right: frozenset[str]) -> float:
    """Dice overlap of two stem sets (0 when either is empty)."""
    if not left or not right:
        return 0.0
    return 2 * len(left & right) / (len(left) + len(right))


def text_hash(text: str) -> str:
    """Hash of the normalised word sequence: equal for copies that differ only in layout or quotes."""
    return words_hash(words(text))


def words_hash(tokens: Sequence[str]) -> str:
    """:func:`text_hash` of a text whose :func:`words` are ``tokens``."""
    return hashlib.sha256(" ".join(tokens).encode("utf-8")).hexdigest()[:32]


def shingles(text: str, *, size: int) -> set[str]:
    """Word n-gram shingles of the normalised text (the whole text when shorter than ``size``)."""
    return word_shingles(words(text), size=size)


def word_shingles(tokens: Sequence[str], *, size: int) -> set[str]:
    """:func:`shingles` of a text whose :func:`words` are ``tokens``."""
    if len(tokens) <= size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[index : index + size]) for index in range(len(tokens) - size + 1)}


def word_diff(reference: str, other: str) -> list[dict[str, str]]:
    """Word-level edits that turn ``reference`` into ``other`` (``op`` is replace, delete or insert).

    Compared on the surface words (case kept, punctuation dropped) so a
    changed quotation mark is no edit but a changed word is.
    """
    left = _WORD.findall(reference)
    right = _WORD.findall(other)
    matcher = difflib.SequenceMatcher(a=left, b=right, autojunk=False)
    edits: list[dict[str, str]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        edits.append({"op": op, "from": " ".join(left[i1:i2]), "to": " ".join(right[j1:j2])})
    return edits


def same_wording(texts: Sequence[str]) -> bool:
    """Whether all texts have the same folded word sequence."""
    return len({tuple(words(text)) for text in texts}) <= 1
