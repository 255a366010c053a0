"""Tokens: spaCy's rule-based German tokenizer plus news-specific repairs.

``spacy.blank("de")`` needs no model download and already knows most German
abbreviations, ordinals (``21.``) and URLs.  On top of it this module keeps
hashtags and handles whole, splits quotation marks glued to words
(``sagte:„Nein.“Dann``), cuts trailing punctuation off URLs and splits a
sentence-final ordinal (``1999.``); :meth:`NewsTokenizer.sentences` then
groups a text's blocks (:mod:`wortlaut.tokens.blocks`) into sentences with
:func:`~wortlaut.tokens.sentences.split_sentences`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, cast

import spacy
from spacy.attrs import IDX, IS_SPACE, LENGTH, ORTH
from spacy.tokenizer import Tokenizer

from wortlaut.tokens.sentences import CLOSERS, RawToken, SentenceRules, split_sentences

GLUED_QUOTE = re.compile(r"([„“”»«‚])")
URL_LIKE = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.)", re.IGNORECASE)
ORDINAL = re.compile(r"^\d+\.$")
#: A year with its full stop: four digits from 1000 to 2099.
YEAR = re.compile(r"^(?:1\d{3}|20\d{2})\.$")
#: What :meth:`NewsTokenizer.tokenize` reads of each spaCy token: offset, length, whitespace or not.
TOKEN_COLUMNS = [IDX, LENGTH, IS_SPACE]


def make_tokenizer(abbreviations: frozenset[str]) -> Tokenizer:
    """spaCy's blank German tokenizer (no model download) plus the project's abbreviations.

    Every word form spaCy has not seen becomes a lexeme, and by default spaCy computes ~20
    lexical attributes for it (shape, norm, prefix, suffix, stop word, like_num ...): on fresh
    news that was about a third of the stage (issue 17z).  Only ``is_space`` is read here and
    the tokenizer's splitting does not look at lexeme attributes, so the vocabulary keeps only
    that getter: the same tokens, and fewer strings in spaCy's string store.
    """
    nlp = spacy.blank("de")
    vocab: Any = nlp.vocab  # spaCy's stubs do not declare ``lex_attr_getters``
    vocab.lex_attr_getters = {IS_SPACE: vocab.lex_attr_getters[IS_SPACE]}
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    for abbreviation in abbreviations:
        tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    return tokenizer


class NewsTokenizer:
    """Tokens of news text, and the sentences of a text's blocks; built once (spaCy setup is slow)."""

    def __init__(self, abbreviations: frozenset[str], rules: SentenceRules) -> None:
        self._tokenizer = make_tokenizer(abbreviations)
        self._rules = rules

    def sentences(self, text: str, blocks: Iterable[tuple[int, int]]) -> Iterator[list[RawToken]]:
        """The tokens of each sentence, in text order; no sentence crosses a block boundary."""
        for block_start, block_end in blocks:
            raw = self.tokenize(text[block_start:block_end], block_start)
            for first, last in split_sentences(raw, self._rules):
                yield raw[first:last]

    def tokenize(self, text: str, offset: int = 0) -> list[RawToken]:
        """Tokens of one block (no line breaks inside), with offsets shifted by ``offset``."""
        pieces: list[RawToken] = []
        quotes = GLUED_QUOTE.search(text) is not None
        # The token columns as one array, not a spaCy Token object per token (issue 17z); a
        # token's text is the block's text at its offset (spaCy's tokenizer keeps every character).
        for idx, length, space in self._tokenizer(text).to_array(TOKEN_COLUMNS).tolist():
            if space:
                continue
            start = offset + idx
            word = text[idx : idx + length]
            if quotes and length > 1 and GLUED_QUOTE.search(word):
                pieces.extend(self._split_glued(word, start))
            else:
                pieces.append(RawToken(start, start + length, word))
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
    last = len(tokens) - 1
    for i, token in enumerate(tokens):
        text = token.text
        if out and out[-1].text == "#" and out[-1].end == token.start and text[0].isalnum():
            out[-1] = RawToken(out[-1].start, token.end, "#" + text)
        # the cheap tests first: a URL_LIKE match has "://" or starts with "www.", an ORDINAL ends in "."
        elif (
            ("://" in text or text[:4].lower() == "www.")
            and URL_LIKE.match(text)
            and len(text) > 1
            and text[-1] in ".,;:!?"
        ):
            out.append(RawToken(token.start, token.end - 1, text[:-1]))
            out.append(RawToken(token.end - 1, token.end, text[-1]))
        elif (
            text.endswith(".")
            and ORDINAL.match(text)
            and _number_ends_sentence(
                tokens[i + 1] if i < last else None, rules, _year_alone(tokens, i, rules)
            )
        ):
            out.append(RawToken(token.start, token.end - 1, text[:-1]))
            out.append(RawToken(token.end - 1, token.end, "."))
        else:
            out.append(token)
    return out


def _number_ends_sentence(following: RawToken | None, rules: SentenceRules, year: bool) -> bool:
    """Whether ``25.`` ends a sentence: nothing or a closing mark or a capitalised function word follows.

    A year (``year``) also ends it before any other capitalised word that is no month:
    ``im Jahr 1960. Günther Platter wird ... zitiert``.  German writes no ordinal of a year
    without a determiner (``der 1000. Besucher``), and a name or noun after a bare year
    opens the next sentence (census of train, 10kGNAD and the own pages, issue 12zl).
    """
    if following is None or following.text in CLOSERS:
        return True
    if following.text in rules.months or not following.text[0].isupper():
        return False
    return year or following.text.lower() in rules.starters


def _year_alone(tokens: list[RawToken], i: int, rules: SentenceRules) -> bool:
    """Whether ``tokens[i]`` is a year with its full stop (``1960.``) and no determiner before it."""
    if not YEAR.match(tokens[i].text):
        return False
    return i == 0 or tokens[i - 1].text.lower() not in rules.ordinal_determiners
