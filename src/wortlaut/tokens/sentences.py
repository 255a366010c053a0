"""Sentence splitting by rules over tokens: terminal marks, closing quotes, sentence starts.

A sentence ends at ``. ! ? …`` (plus closing quotes or brackets) when no
quotation is open and the next token starts like a sentence; overlong
sentences are force-split (:data:`MAX_SENTENCE_TOKENS`).  The word lists the
rules consult (sentence-final abbreviations, months, sentence starters) are
data in ``lang/de/tokens_*.tsv``, read with :func:`read_column`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from wortlaut.lang import tables

#: Sentences longer than this many tokens are force-split, which keeps every later
#: per-sentence step linear on text without punctuation.  Real news sentences stay far
#: below it (the longest in the 10kGNAD benchmark corpus has about 150 tokens).
MAX_SENTENCE_TOKENS = 200

#: An opening quotation mark still unclosed after this many tokens is taken to be
#: unbalanced and forgotten, so one stray „ cannot glue a whole article into one sentence.
MAX_OPEN_QUOTE_TOKENS = 120

TERMINAL_CHARS = frozenset(".!?…")
#: Closing marks that belong to the sentence they follow (`.“`, `!)`).
CLOSERS = frozenset('“”«»‘")]’')
#: Marks that may open a sentence besides a capital letter or digit.
OPENERS = frozenset("„“»«‚\"(['–—-#@")
#: Opening quotation mark -> the marks that close it (German „…“ and »…«, Swiss «…», English “…”).
QUOTE_CLOSES = {"„": "“”", "‚": "‘’", "»": "«", "«": "»", "“": "”", '"': '"'}
QUOTE_CHARS = frozenset('„“”‚‘’»«"')


def read_column(name: str) -> frozenset[str]:
    """The first tab-separated column of a data file in ``lang/de`` (``#`` lines are comments)."""
    return frozenset(tables.read_column(name))


@dataclass(frozen=True, slots=True)
class RawToken:
    """A token before sentence assignment: absolute offsets and text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class SentenceRules:
    """The word lists the sentence splitter consults."""

    final_abbreviations: frozenset[str]
    months: frozenset[str]
    starters: frozenset[str]
    #: Words before ``<number>.`` that make it an ordinal (``der 1000. Besucher``), lower case.
    ordinal_determiners: frozenset[str]


class _Cursor:
    """Tracks open quotation marks while the splitter walks a block's tokens."""

    def __init__(self) -> None:
        self.expected: list[tuple[str, int]] = []

    def feed(self, text: str, index: int) -> None:
        if self.expected and index - self.expected[-1][1] > MAX_OPEN_QUOTE_TOKENS:
            self.expected.clear()
        if text not in QUOTE_CHARS:
            return
        if self.expected and text in QUOTE_CLOSES[self.expected[-1][0]]:
            self.expected.pop()
        elif text in QUOTE_CLOSES:
            self.expected.append((text, index))

    @property
    def open(self) -> bool:
        return bool(self.expected)


def _starts_sentence(token: RawToken | None) -> bool:
    if token is None:
        return True
    first = token.text[0]
    return first.isupper() or first.isdigit() or first in OPENERS


def _is_terminal(tokens: list[RawToken], i: int, rules: SentenceRules) -> bool:
    text = tokens[i].text
    if all(char in TERMINAL_CHARS for char in text):
        return True
    following = tokens[i + 1].text if i + 1 < len(tokens) else ""
    return text in rules.final_abbreviations and following[:1].isupper()


def split_sentences(tokens: list[RawToken], rules: SentenceRules) -> Iterator[tuple[int, int]]:
    """Yield (first, last+1) token index ranges of the sentences in one block.

    A sentence ends at ``. ! ? …`` (plus any closing quotes or brackets) when no
    quotation is open and the next token starts like a sentence (capital, digit,
    opening quote); a ``.`` before a lower-case word (``„Warum?“ fragte er``) is no end.
    """
    cursor, start, i, n = _Cursor(), 0, 0, len(tokens)
    final_abbreviations = rules.final_abbreviations
    while i < n:
        text = tokens[i].text
        # feed() does nothing while no quotation is open and the token is no quotation mark
        if cursor.expected or text in QUOTE_CHARS:
            cursor.feed(text, i)
        if i + 1 - start >= MAX_SENTENCE_TOKENS:
            yield start, i + 1
            start, i = i + 1, i + 1
            continue
        # a terminal token ends in a terminal mark or is a final abbreviation (or is empty):
        # the others, nearly all tokens, skip the full test (issue 17z, same answers)
        if text and text[-1] not in TERMINAL_CHARS and text not in final_abbreviations:
            i += 1
            continue
        if not _is_terminal(tokens, i, rules):
            i += 1
            continue
        j = i + 1
        while j < n and tokens[j].text in CLOSERS:
            cursor.feed(tokens[j].text, j)
            j += 1
        if not cursor.open and _starts_sentence(tokens[j] if j < n else None):
            yield start, j
            start = j
        i = j
    if start < n:
        yield start, n
