"""The article as a flat list of match words, shared by the entity and coreference stages.

Tokens are cut further at hyphens (``NATO-Generalsekretär`` → ``NATO`` ``-``
``Generalsekretär``) so that name and description patterns see compound parts
whatever the tokenizer did; a leading ``#`` is split off hashtags.  Each word
keeps its offsets, its token index and sentence, and whether it stands inside
quotation marks.  Tokens inside boilerplate are dropped.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import NamedTuple

from wortlaut.article import Article
from wortlaut.kb.normalize import EDGE_PUNCT, key, words

#: Opening quotation mark → the marks that close it (German, Swiss and English styles).
QUOTE_PAIRS = {"„": '“”"', "»": "«", "«": "»", "“": "”", "‚": "‘’", '"': '"'}
QUOTE_MARK = re.compile('[„“”»«‚‘’"]')
#: A quotation still open after this many characters is treated as a stray mark and dropped:
#: the longest quotes in the seed articles and the 10kGNAD sample are well under 1,500 characters.
MAX_QUOTE_CHARS = 2000


#: Tokens that need no splitting: no hyphen or dash, no hashtag sign, no punctuation at the edges.
_PLAIN_CACHE = 65536


class Word(NamedTuple):
    """A match word: offsets into the article text, its key, token index and sentence.

    A named tuple rather than a dataclass: an article has thousands and they are built per stage.
    """

    start: int
    end: int
    text: str
    key: str
    token: int
    sentence: int
    quoted: bool = False

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


#: The last article's words, with the text, tokens and structure objects they came from: the
#: entities and coreference stages both ask for the same article's words, one after the other
#: (issue 17z).  The words depend on nothing else, and the key holds those objects, so no other
#: object can take their ids while the entry is kept.
_last: tuple[str, object, object, list[Word]] | None = None


def article_words(article: Article) -> list[Word]:
    """All match words of the article's non-boilerplate tokens, in text order (a new list each call)."""
    global _last
    last = _last
    if (
        last is not None
        and last[0] is article.text
        and last[1] is article.tokens
        and last[2] is article.structure
    ):
        return list(last[3])
    result = _article_words(article)
    _last = (article.text, article.tokens, article.structure, result)
    return list(result)


def _article_words(article: Article) -> list[Word]:
    quotes = quoted_ranges(article.text)
    starts = [start for start, _ in quotes]
    boilerplate = bool(article.structure and article.structure.boilerplate)
    result: list[Word] = []
    for index, token in enumerate(article.tokens):
        if boilerplate and article.is_boilerplate(token.start):
            continue
        inside = bool(quotes) and _inside(quotes, starts, token.start)
        for start, end, text, word_key in _token_parts(token.text):
            result.append(
                Word(token.start + start, token.start + end, text, word_key, index, token.sentence, inside)
            )
    return result


@lru_cache(maxsize=_PLAIN_CACHE)
def _token_parts(text: str) -> tuple[tuple[int, int, str, str], ...]:
    """A token's words with their keys (cached: the same tokens recur across articles)."""
    return tuple((start, end, word, key(word)) for start, end, word in _split_token(text))


def _split_token(text: str) -> list[tuple[int, int, str]]:
    """A token's words, hashtag sign split off and edge punctuation trimmed from the offsets."""
    parts: list[tuple[int, int, str]] = []
    offset = 0
    if len(text) > 1 and text[0] == "#":
        parts.append((0, 1, "#"))
        offset = 1
    for start, end, word in words(text[offset:]):
        stripped = word.strip(EDGE_PUNCT) if len(word) > 1 else word
        if not stripped:
            parts.append((offset + start, offset + end, word))
            continue
        left = word.find(stripped)
        parts.append((offset + start + left, offset + start + left + len(stripped), stripped))
    return parts


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks (marks included), outermost quotes only."""
    ranges: list[tuple[int, int]] = []
    open_at: int | None = None
    closers = ""
    for match in QUOTE_MARK.finditer(text):
        index, char = match.start(), match.group()
        if open_at is not None and index - open_at > MAX_QUOTE_CHARS:
            open_at = None
        if open_at is None:
            if char in QUOTE_PAIRS:
                open_at, closers = index, QUOTE_PAIRS[char]
        elif char in closers:
            ranges.append((open_at, index + 1))
            open_at = None
    return ranges


def _inside(ranges: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    position = bisect.bisect_right(starts, offset) - 1
    return position >= 0 and ranges[position][0] <= offset < ranges[position][1]
