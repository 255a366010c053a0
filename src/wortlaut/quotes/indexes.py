"""The indexes over one article's tokens that every quotation rule reads: which quotation and sentence a
token is in, where semicolons stand, where a clause begins and ends, and the Konjunktiv and time tests.

The base of :class:`wortlaut.quotes.context.Context`, kept apart from its subject finder so the cheap,
rule-free lookups (built once per article) read on their own.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from wortlaut.quotes.cues import is_clause_end
from wortlaut.quotes.found import Range
from wortlaut.quotes.lexicon import Lexicon
from wortlaut.quotes.marks import Quoted
from wortlaut.quotes.text import Tok

#: Punctuation left out at the end of indirect quotes (the WikiNews annotation stops before it).
FINAL = frozenset({".", "!", "?", ";", ":", ","})
#: A full stop inside a sentence of the reader ends a part of it as a semicolon does (see
#: ``Indexes._inner_stop``; issue 12, sixteenth session).
INNER_STOPS = True


@dataclass
class Indexes:
    """Tokens of one article with their sentences and the quoted passages they fall in."""

    text: str
    tokens: list[Tok]
    sentences: list[tuple[int, int]]
    quoted: list[Quoted]
    lexicon: Lexicon
    quote_of: list[int] = field(default_factory=list)
    sentence_of: list[int] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    #: Character ranges of the article's time expressions (a time fills the prefield, it is no subject).
    times: list[tuple[int, int]] = field(default_factory=list)
    #: Indices of the semicolons outside quotation marks (the sentence reader does not split there).
    semicolons: list[int] = field(default_factory=list)
    #: The first finite verb outside quotation marks from a token to its sentence's end (``first_finite``).
    _finite: dict[int, int] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        # Tokens are in text order, so a passage's tokens and a sentence's are one slice each,
        # filled at once rather than token by token (issue 17z; the same lists).
        self.starts = starts = [tok.start for tok in self.tokens]
        self.quote_of = [-1] * len(self.tokens)
        for number, quoted in enumerate(self.quoted):
            first = bisect_left(starts, quoted.start)
            last = bisect_left(starts, quoted.end, first)
            self.quote_of[first:last] = [number] * (last - first)
        self.sentence_of = [0] * len(self.tokens)
        for number, (begin, end) in enumerate(self.sentences):
            self.sentence_of[begin:end] = [number] * (end - begin)
        self.semicolons = [
            index
            for index, tok in enumerate(self.tokens)
            if (tok.low == ";" or (tok.low == "." and self._inner_stop(index))) and self.quote_of[index] < 0
        ]

    def _inner_stop(self, index: int) -> bool:
        """``… laut Aussage der Stadt. Weil …`` in one sentence of the reader (an unbalanced quotation mark
        before kept it from splitting), ``… von 96 Prozent. "Wir …`` (a quotation opening after the stop): a
        full stop with more of its sentence after it ends a part as a semicolon does (:data:`INNER_STOPS`)."""
        following = index + 1
        return (
            INNER_STOPS
            and self.tokens[index].low == "."
            and self.tokens[index].pos == "$."
            and following < len(self.tokens)
            and self.sentence_of[following] == self.sentence_of[index]
            and (self.tokens[following].text[:1].isupper() or self.quote_of[following] >= 0)
        )

    def first_finite(self, begin: int) -> int:
        """Index of the first finite verb outside quotation marks from ``begin`` to the end of its sentence,
        else that end; computed once per ``begin``, so rules asking it per cue stay linear."""
        if begin not in self._finite:
            end = self.sentences[self.sentence_of[begin]][1] if self.tokens else 0
            self._finite[begin] = next(
                (
                    at
                    for at in range(begin, end)
                    if self.quote_of[at] < 0 and (self.tokens[at].pos or "").endswith("FIN")
                ),
                end,
            )
        return self._finite[begin]

    def token_at(self, offset: int) -> int:
        """Index of the first token starting at or after a character offset."""
        return bisect_left(self.starts, offset)

    def chars(self, begin: int, end: int) -> Range:
        """Character range of tokens ``begin:end``."""
        return self.tokens[begin].start, self.tokens[end - 1].end

    def trim_final(self, begin: int, end: int) -> int:
        """``end`` moved left past final punctuation (and a closing mark left over after it)."""
        while end > begin and (
            self.tokens[end - 1].low in FINAL
            or (self.tokens[end - 1].low in {"“", "”", "«", "»"} and self.quote_of[end - 1] < 0)
        ):
            end -= 1
        return end

    def is_subjunctive(self, index: int, *, strict: bool = False) -> bool:
        """Konjunktiv from the morphology layer, or from the fallback word list when it is absent."""
        tok = self.tokens[index]
        if tok.mood is not None or tok.pos is not None:
            return tok.mood == "sub1" or (not strict and tok.mood == "sub2")
        if self.lexicon.has("subjunctive1", tok.low):
            return True
        return not strict and self.lexicon.has("subjunctive2", tok.low)

    def clause_begin(self, index: int, begin: int) -> int:
        """First token of the clause holding ``index``: after the last comma, colon or quotation before it."""
        position = index
        while (
            position > begin
            and not is_clause_end(self.tokens[position - 1])
            and self.quote_of[position - 1] < 0
        ):
            position -= 1
        return position

    def clause_end(self, index: int, end: int) -> int:
        """One past the last token of the clause holding ``index``."""
        position = index
        while position < end and not is_clause_end(self.tokens[position]) and self.quote_of[position] < 0:
            position += 1
        return position

    def in_time(self, index: int) -> bool:
        """Whether token ``index`` starts inside a time expression."""
        first = self.tokens[index].start
        return any(begin <= first < end for begin, end in self.times)
