"""A light token view over an article: the real token/morph layers when present, a regex fallback otherwise.

The quotation rules only need token offsets, sentence numbers, a lower-cased
form and (when the morphology stage ran) the mood of finite verbs.  Building
this view once keeps the rules independent of which earlier stages exist.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wortlaut.article import Article
from wortlaut.sentences import split_sentences
from wortlaut.tokens.records import slot_maker

#: Fallback tokens: words with inner hyphens/apostrophes/dots (z.B., NATO-Chef), @handles, or one symbol.
_TOKEN = re.compile(r"[@#]?\w+(?:[-'’.]\w+)*-?|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Tok:
    """A token as the quotation rules see it."""

    start: int
    end: int
    text: str
    low: str
    sentence: int
    mood: str | None = None
    pos: str | None = None
    lemma: str | None = None


def _fallback_tokens(text: str) -> list[Tok]:
    tokens: list[Tok] = []
    for number, (begin, end) in enumerate((span.start, span.end) for span in split_sentences(text)):
        for match in _TOKEN.finditer(text, begin, end):
            word = match.group()
            tokens.append(Tok(match.start(), match.end(), word, word.lower(), number))
    return tokens


#: ``Tok``'s slot setters in field order: a ``Tok`` allocated and filled through them is the object its
#: frozen-dataclass ``__init__`` makes (one ``object.__setattr__`` per field), in about half the time
#: (~0.45 -> ~0.25 CPU ms per 10kGNAD article, issue 17zb); ``tests/quotes/test_token_view.py`` compares both.
_TOK_FIELDS = ("start", "end", "text", "low", "sentence", "mood", "pos", "lemma")
_TOK_SETTERS = tuple(getattr(Tok, name).__set__ for name in _TOK_FIELDS)
#: The same in C where built (``wortlaut._records``, issue 17zj): ~0.1 instead of ~0.5 µs a ``Tok``.
_MAKE_TOK = slot_maker(Tok, _TOK_FIELDS, ())


def token_view(article: Article) -> list[Tok]:
    """Tokens with sentence numbers; uses ``article.tokens`` when the tokens stage ran."""
    if not article.tokens:
        return _fallback_tokens(article.text)
    if _MAKE_TOK is not None:
        m, toks = _MAKE_TOK, article.tokens
        return [m(t.start, t.end, t.text, t.text.lower(), t.sentence, t.mood, t.pos, t.lemma) for t in toks]
    new, (start, end, text, low, sentence, mood, pos, lemma) = object.__new__, _TOK_SETTERS
    view: list[Tok] = []
    for tok in article.tokens:
        item = new(Tok)
        start(item, tok.start), end(item, tok.end), text(item, tok.text), low(item, tok.text.lower())
        sentence(item, tok.sentence), mood(item, tok.mood), pos(item, tok.pos), lemma(item, tok.lemma)
        view.append(item)
    return view


def sentence_ranges(tokens: list[Tok]) -> list[tuple[int, int]]:
    """(first, last+1) token index of each sentence, in order."""
    ranges: list[tuple[int, int]] = []
    begin = 0
    for index in range(1, len(tokens) + 1):
        if index == len(tokens) or tokens[index].sentence != tokens[begin].sentence:
            ranges.append((begin, index))
            begin = index
    return ranges


#: Sentence-final punctuation after which an opening quotation mark starts a new sentence.
_FINAL = frozenset({".", "!", "?"})


def split_before_quotations(
    tokens: list[Tok], ranges: list[tuple[int, int]], openings: frozenset[int]
) -> list[tuple[int, int]]:
    """Sentences cut where a full stop is followed by an opening quotation mark and a capital
    (``…”, sagte von Preen. “Die Menschen …``): the sentence splitter reads an English-style “ after a stop
    as the closing mark of the sentence before and runs both sentences together, which made the second
    quotation part of the first statement.  ``openings`` are the offsets where quotations open."""
    result: list[tuple[int, int]] = []
    for begin, end in ranges:
        for index in range(begin + 2, end - 1):
            if (
                tokens[index].start in openings
                and tokens[index - 1].text in _FINAL
                and tokens[index + 1].text[:1].isupper()
            ):
                result.append((begin, index))
                begin = index
        result.append((begin, end))
    return result
