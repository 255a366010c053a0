"""The topics of a person's statements: their most frequent nouns and names, a method a reader can check.

German writes every noun and name with a capital letter, so the capitalised
words of a statement that do not open a sentence are its nouns and names
(``Ukraine``, ``Friedensgespräche``, ``Sanktionen``).  Each is reduced to its
Snowball stem, so ``Sanktion`` and ``Sanktionen`` count together, and counted
once per statement group (a statement repeated by ten outlets is one
statement).  The person's own names and the function-word list
(``lang/de/link_stopwords.txt``) are left out.  A topic links to the person
page's existing ``?topic=`` filter, which shows exactly the statements counted.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from wortlaut.link.text import stopwords
from wortlaut.store import StatementGroup
from wortlaut.store.text import stem_words

#: Topics shown: one line of a person page.
TOPIC_TERMS = 8
#: A term must occur in this many of the person's statements: one statement is an anecdote, two a theme.
MIN_STATEMENTS = 2
#: Shorter capitalised words are mostly abbreviations of pronouns or initials ("Er", "EU" stays: 2).
MIN_LENGTH = 2
_WORD = re.compile(r"[^\W\d_][\w-]*")
#: Characters after which a capitalised word opens a sentence (or a quote) rather than naming something.
_OPENERS = set('.!?:;„“"«»‚‘(—–')


@dataclass(frozen=True, slots=True)
class Topic:
    """A term (its most frequent written form), the stem it was counted by, and in how many statements."""

    term: str
    stem: str
    statements: int


def nouns(text: str) -> list[str]:
    """The capitalised words of ``text`` that do not open a sentence or a quotation."""
    found = []
    for match in _WORD.finditer(text):
        word = match.group()
        before = text[: match.start()].rstrip()
        if not word[0].isupper() or not before or before[-1] in _OPENERS:
            continue
        found.append(word)
    return found


def top_topics(
    groups: Sequence[StatementGroup], *, names: Iterable[str] = (), limit: int = TOPIC_TERMS
) -> list[Topic]:
    """The person's topics, most statements first (ties: alphabetical), from the groups shown."""
    skip = stopwords() | {part.casefold() for name in names for part in _WORD.findall(name)}
    counts: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    for group in groups:
        words = [
            word for word in nouns(group.quote) if len(word) >= MIN_LENGTH and word.casefold() not in skip
        ]
        stems = stem_words([word.casefold() for word in words])
        for word, stem in zip(words, stems, strict=True):
            forms.setdefault(stem, Counter())[word] += 1
        counts.update(set(stems))
    ranked = sorted(
        (stem for stem, n in counts.items() if n >= MIN_STATEMENTS), key=lambda s: (-counts[s], s)
    )
    return [
        Topic(term=forms[stem].most_common(1)[0][0], stem=stem, statements=counts[stem])
        for stem in ranked[:limit]
    ]
