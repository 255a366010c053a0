"""German-aware text matching: stemming for FTS5 and safe query building.

FTS5's own tokenizers know no German morphology, so the store indexes a
``stem`` column that holds the Snowball German stem of every word (so
``Friedensgespräche`` and ``Friedensgesprächen`` both become
``friedensgesprach``), and user queries are stemmed the same way.

User queries never reach SQL as text: :func:`fts_query` parses a small,
documented syntax (words, ``"phrases"``, ``OR``, ``-word``, ``word*``) and
emits an FTS5 expression in which every term is a double-quoted string, which
is then bound as a parameter.  Malformed input raises :class:`QueryError`
with a message a user can act on.
"""

from __future__ import annotations

import re
from functools import cache

import Stemmer

from wortlaut.store.errors import QueryError
from wortlaut.textnorm import match_words

_WORD = re.compile(r"\w+", re.UNICODE)
_TOKEN = re.compile(r'"[^"]*"?|\(|\)|[^\s"()]+')

#: Longest query accepted, in characters: longer ones are almost certainly not typed by a person
#: and only cost time.
MAX_QUERY_LENGTH = 500
#: Most terms in one query; keeps the FTS expression (and its cost) bounded.
MAX_QUERY_TERMS = 32


@cache
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("german")


def normalize(text: str) -> str:
    """Case- and diacritics-insensitive form used to match names (``Selenskyj`` = ``selenskyj``)."""
    return match_words(text)


def words(text: str) -> list[str]:
    """The lower-cased words of a text."""
    return _WORD.findall(text.casefold())


def stem_words(items: list[str]) -> list[str]:
    """Snowball German stems of lower-cased words."""
    return list(_stemmer().stemWords(items))


def stem_text(text: str) -> str:
    """The text as a space-separated sequence of stems, for the ``stem`` column."""
    return " ".join(stem_words(words(text)))


def fts_query(query: str) -> str:
    """Translate a user query into a safe FTS5 MATCH expression over stems.

    Syntax: words are all required; ``"a phrase"`` matches words in order;
    ``OR`` between two terms accepts either; ``-word`` excludes; ``word*``
    matches a prefix (not stemmed).
    """
    if len(query) > MAX_QUERY_LENGTH:
        raise QueryError(f"query is longer than {MAX_QUERY_LENGTH} characters")
    if query.count('"') % 2:
        raise QueryError("unbalanced double quote in query")
    if any(char in query for char in "()"):
        raise QueryError('parentheses are not supported in queries; use words, "phrases", OR and -word')
    positive: list[str] = []
    negative: list[str] = []
    pending_or = False
    for raw in _TOKEN.findall(query):
        if raw == "OR":
            if not positive or pending_or:
                raise QueryError("OR needs a term on both sides")
            pending_or = True
            continue
        exclude = raw.startswith("-") and len(raw) > 1 and not raw.startswith('-"')
        term = _term(raw[1:] if exclude else raw)
        if term is None:
            continue
        if exclude:
            negative.append(term)
        elif pending_or:
            positive[-1] = f"{positive[-1]} OR {term}"
            pending_or = False
        else:
            positive.append(term)
    if pending_or:
        raise QueryError("OR needs a term on both sides")
    if len(positive) + len(negative) > MAX_QUERY_TERMS:
        raise QueryError(f"query has more than {MAX_QUERY_TERMS} terms")
    if not positive:
        raise QueryError("query has no words to search for" if not negative else "query only excludes words")
    expression = " AND ".join(f"({part})" for part in positive)
    for term in negative:
        expression = f"{expression} NOT {term}"
    return expression


def _term(raw: str) -> str | None:
    """One quoted FTS5 term (stemmed), a phrase, or a prefix query; ``None`` for punctuation."""
    if raw.startswith('"'):
        stems = stem_words(words(raw.strip('"')))
        return _quote(" ".join(stems)) if stems else None
    prefix = raw.endswith("*")
    found = words(raw)
    if not found:
        return None
    if prefix:
        return " ".join(f"{_quote(stem)} *" for stem in [normalize(found[-1])])
    stems = stem_words(found)
    return _quote(" ".join(stems))


def _quote(text: str) -> str:
    """An FTS5 string literal: double quotes inside are doubled."""
    return '"' + text.replace('"', '""') + '"'
