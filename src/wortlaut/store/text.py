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
from functools import cache, lru_cache

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


#: Names remembered by :func:`normalize`: the store folds every name and alias of every entity of
#: every article it stores, and the same few thousand names recur across articles (7,607 entities
#: with 19,534 aliases in 1,028 10kGNAD articles); a bound keeps a long-running process's memory flat.
NORMALIZE_CACHE = 65_536


@lru_cache(maxsize=NORMALIZE_CACHE)
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


def fts_query(query: str, dialect: str = "sqlite") -> str:
    """Translate a user query into a safe full-text expression over stems.

    Syntax: words are all required; ``"a phrase"`` matches words in order;
    ``OR`` between two terms accepts either; ``-word`` excludes; ``word*``
    matches a prefix (not stemmed).  ``dialect`` ``sqlite`` gives an FTS5
    MATCH expression, ``postgresql`` a ``to_tsquery`` one (same meaning).
    """
    positive, negative = _parse(query)
    render = _tsquery_term if dialect == "postgresql" else _fts5_term
    if dialect == "postgresql":
        expression = " & ".join("(" + " | ".join(map(render, part)) + ")" for part in positive)
        return expression + "".join(f" & !{render(term)}" for term in negative)
    expression = " AND ".join("(" + " OR ".join(map(render, part)) + ")" for part in positive)
    return expression + "".join(f" NOT {render(term)}" for term in negative)


#: One parsed query term: the stems of a word or phrase, and whether the last one is a prefix.
Term = tuple[tuple[str, ...], bool]


def _parse(query: str) -> tuple[list[list[Term]], list[Term]]:
    """The query's required terms (each a list of alternatives joined by OR) and excluded terms."""
    if len(query) > MAX_QUERY_LENGTH:
        raise QueryError(f"query is longer than {MAX_QUERY_LENGTH} characters")
    if query.count('"') % 2:
        raise QueryError("unbalanced double quote in query")
    if any(char in query for char in "()"):
        raise QueryError('parentheses are not supported in queries; use words, "phrases", OR and -word')
    positive: list[list[Term]] = []
    negative: list[Term] = []
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
            positive[-1].append(term)
            pending_or = False
        else:
            positive.append([term])
    if pending_or:
        raise QueryError("OR needs a term on both sides")
    if len(positive) + len(negative) > MAX_QUERY_TERMS:
        raise QueryError(f"query has more than {MAX_QUERY_TERMS} terms")
    if not positive:
        raise QueryError("query has no words to search for" if not negative else "query only excludes words")
    return positive, negative


def _term(raw: str) -> Term | None:
    """One term (stemmed), a phrase, or a prefix query; ``None`` for punctuation."""
    if raw.startswith('"'):
        stems = stem_words(words(raw.strip('"')))
        return (tuple(stems), False) if stems else None
    found = words(raw)
    if not found:
        return None
    if raw.endswith("*"):
        return (normalize(found[-1]),), True
    return tuple(stem_words(found)), False


def _fts5_term(term: Term) -> str:
    """An FTS5 string literal (double quotes inside doubled), ``*`` after a prefix."""
    stems, prefix = term
    quoted = '"' + " ".join(stems).replace('"', '""') + '"'
    return f"{quoted} *" if prefix else quoted


def _tsquery_term(term: Term) -> str:
    """A ``tsquery`` term: quoted lexemes joined by ``<->`` (followed by), ``:*`` after a prefix."""
    stems, prefix = term
    lexemes = ["'" + stem.replace("\\", "\\\\").replace("'", "''") + "'" for stem in stems]
    if prefix:
        lexemes[-1] += ":*"
    return lexemes[0] if len(lexemes) == 1 else "(" + " <-> ".join(lexemes) + ")"
