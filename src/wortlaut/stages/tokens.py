"""Tokens and sentences: spaCy's rule-based German tokenizer plus news-specific repairs.

``spacy.blank("de")`` needs no model download and already knows most German
abbreviations, ordinals (``21.``) and URLs.  On top of it this stage keeps
hashtags and handles whole, splits quotation marks glued to words
(``sagte:„Nein.“Dann``), and cuts trailing punctuation off URLs.  Sentences
are split by rules over the tokens (see :func:`split_sentences`).  The text is
first cut into blocks at line breaks and at the boundaries of the article
structure (headline, captions, paragraphs, posts), and boilerplate blocks are
skipped, so no sentence crosses a paragraph and later stages never see
boilerplate.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import cast

import spacy
from spacy.attrs import ORTH
from spacy.tokenizer import Tokenizer

from wortlaut.article import Article, Span, Token
from wortlaut.lang import tables
from wortlaut.pipeline import Stage, register_stage

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
GLUED_QUOTE = re.compile(r"([„“”»«‚])")
URL_LIKE = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.)", re.IGNORECASE)
ORDINAL = re.compile(r"^\d+\.$")


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


def _make_tokenizer(abbreviations: frozenset[str]) -> Tokenizer:
    """spaCy's blank German tokenizer (no model download) plus the project's abbreviations."""
    tokenizer = cast(Tokenizer, spacy.blank("de").tokenizer)
    for abbreviation in abbreviations:
        tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    return tokenizer


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
    while i < n:
        cursor.feed(tokens[i].text, i)
        if i + 1 - start >= MAX_SENTENCE_TOKENS:
            yield start, i + 1
            start, i = i + 1, i + 1
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


@register_stage("tokens.spacy.v1")
class TokensStage(Stage):
    """Tokens and sentences with character offsets, skipping boilerplate."""

    reads = ("text", "structure")
    writes = ("sentences", "tokens")

    def __init__(self) -> None:
        self._tokenizer = _make_tokenizer(read_column("tokens_abbreviations.tsv"))
        self._rules = SentenceRules(
            final_abbreviations=read_column("tokens_sentence_final_abbreviations.tsv"),
            months=read_column("tokens_months.tsv"),
            starters=read_column("tokens_sentence_starters.tsv"),
        )

    def __call__(self, article: Article) -> Article:
        sentences: list[Span] = []
        tokens: list[Token] = []
        for block_start, block_end in text_blocks(article):
            raw = self.tokenize(article.text[block_start:block_end], block_start)
            for first, last in split_sentences(raw, self._rules):
                index = len(sentences)
                sentences.append(
                    Span(
                        start=raw[first].start,
                        end=raw[last - 1].end,
                        text=article.text[raw[first].start : raw[last - 1].end],
                    )
                )
                tokens.extend(
                    Token(start=t.start, end=t.end, text=t.text, sentence=index) for t in raw[first:last]
                )
        return article.with_layers(sentences=tuple(sentences), tokens=tuple(tokens))

    def tokenize(self, text: str, offset: int = 0) -> list[RawToken]:
        """Tokens of one block (no line breaks inside), with offsets shifted by ``offset``."""
        pieces: list[RawToken] = []
        for token in self._tokenizer(text):
            if token.is_space:
                continue
            start = offset + token.idx
            if len(token.text) > 1 and GLUED_QUOTE.search(token.text):
                pieces.extend(self._split_glued(token.text, start))
            else:
                pieces.append(RawToken(start, start + len(token.text), token.text))
        return _repair(pieces, self._rules)

    def _split_glued(self, text: str, start: int) -> Iterator[RawToken]:
        position = start
        for part in GLUED_QUOTE.split(text):
            if len(part) == 1 and GLUED_QUOTE.match(part):
                yield RawToken(position, position + 1, part)
            elif part:
                for token in self._tokenizer(part):
                    yield RawToken(position + token.idx, position + token.idx + len(token.text), token.text)
            position += len(part)


def _repair(tokens: list[RawToken], rules: SentenceRules) -> list[RawToken]:
    """Merge ``#`` with its word, cut punctuation off URLs, split sentence-final ``1999.``."""
    out: list[RawToken] = []
    for i, token in enumerate(tokens):
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if out and out[-1].text == "#" and out[-1].end == token.start and token.text[0].isalnum():
            out[-1] = RawToken(out[-1].start, token.end, "#" + token.text)
        elif URL_LIKE.match(token.text) and len(token.text) > 1 and token.text[-1] in ".,;:!?":
            out.append(RawToken(token.start, token.end - 1, token.text[:-1]))
            out.append(RawToken(token.end - 1, token.end, token.text[-1]))
        elif ORDINAL.match(token.text) and _number_ends_sentence(following, rules):
            out.append(RawToken(token.start, token.end - 1, token.text[:-1]))
            out.append(RawToken(token.end - 1, token.end, "."))
        else:
            out.append(token)
    return out


def _number_ends_sentence(following: RawToken | None, rules: SentenceRules) -> bool:
    """Whether ``25.`` ends a sentence: nothing or a closing mark or a capitalised function word follows."""
    if following is None or following.text in CLOSERS:
        return True
    if following.text in rules.months or not following.text[0].isupper():
        return False
    return following.text.lower() in rules.starters


def text_blocks(article: Article) -> list[tuple[int, int]]:
    """Stretches of text no sentence may cross: lines, cut at structure boundaries, minus boilerplate."""
    text = article.text
    cuts = {0, len(text)}
    skip: list[tuple[int, int]] = []
    if article.structure is not None:
        structure = article.structure
        parts = [structure.headline, *structure.captions, *structure.paragraphs, *structure.posts]
        for part in parts:
            if part is not None:
                cuts.update((part.start, part.end))
        for part in structure.boilerplate:
            cuts.update((part.start, part.end))
            skip.append((part.start, part.end))
    cuts.update(match.start() for match in re.finditer("\n", text))
    points = sorted(cut for cut in cuts if 0 <= cut <= len(text))
    blocks = []
    for start, end in itertools.pairwise(points):
        if any(a <= start < b for a, b in skip):
            continue
        if text[start:end].strip():
            blocks.append((start, end))
    return blocks
