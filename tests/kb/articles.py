"""Hand-built articles for the KB, entity and coreference tests.

A regex tokenizer stands in for the tokens stage so these unit tests check the
entity logic alone: words (with ``@``/``#`` and inner hyphens kept), single
punctuation marks, and a new sentence after ``.``, ``!`` or ``?``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from wortlaut.article import Article, Span, Token

TOKEN = re.compile(r"[@#]?\w+(?:[-.]\w+)*|[^\w\s]")


def tokenized(text: str, **metadata: Any) -> Article:
    """An article whose ``tokens`` and ``sentences`` layers come from the regex tokenizer."""
    tokens: list[Token] = []
    sentences: list[Span] = []
    sentence, first = 0, 0
    for match in TOKEN.finditer(text):
        tokens.append(Token(start=match.start(), end=match.end(), text=match.group(), sentence=sentence))
        if match.group() in ".!?":
            sentences.append(Span(start=first, end=match.end(), text=text[first : match.end()]))
            sentence, first = sentence + 1, match.end() + 1
    if tokens and tokens[-1].sentence == sentence:
        sentences.append(Span(start=first, end=len(text), text=text[first:]))
    return Article.create(text, **metadata).with_layers(tokens=tuple(tokens), sentences=tuple(sentences))


def mentions_of(article: Article, entity: str | None) -> list[str]:
    """The texts of the article's mentions linked to ``entity``."""
    return [mention.text for mention in article.mentions if mention.entity == entity]


class FakeTagger:
    """A tagger stand-in that tags the given word sequences wherever they occur in a sentence."""

    def __init__(self, spans: Mapping[tuple[str, ...], str]) -> None:
        self.spans = spans

    def tag(self, words: Sequence[str]) -> list[tuple[int, int, str]]:
        found = []
        for phrase, label in self.spans.items():
            for start in range(len(words) - len(phrase) + 1):
                if tuple(words[start : start + len(phrase)]) == phrase:
                    found.append((start, start + len(phrase), label))
        return found
