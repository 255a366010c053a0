"""Datelines are never speakers (issue 12, ninth session, second round).

A report may open with a dateline: the place in capitals and a colon or dash (``BANGKOK: …``,
``WIEN – …``), or a place with a news-agency tag (``Berlin (dpa) - …``).  The speaker rules read its
first word as a subject (``BANGKOK: Ein Video, in dem behauptet wird, dass …``); a reader never does.
The agency form is the structure stage's pattern (``structure_agencies.tsv``); the capitals form is
grammar: one to three all-capital words that open a line, then ``:`` or a dash, and the words written
as a name are a place of the NER gazetteer (``SPD: Wir …`` opens a headline quotation, not a dateline).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from wortlaut.ner.gazetteer import Gazetteer
from wortlaut.quotes.found import Found, Range
from wortlaut.structure.data import load_agencies

#: ``BANGKOK:``, ``NEU-DELHI –``, ``SAN JOSÉ:``: up to three words in capitals (two letters or more each)
#: opening a line, an optional ``, 6. Dezember`` date left out, then a colon or a dash.
_CAPITALS = re.compile(
    r"^[ \t]*(?P<place>[A-ZÄÖÜ][A-ZÄÖÜÉ\-.]+(?:[ \t/][A-ZÄÖÜ][A-ZÄÖÜÉ\-.]+){0,2})"
    r"(?=[ \t]*(?:,[^\n:]{0,30})?[ \t]*[:–—-][ \t])",
    re.MULTILINE,
)


@lru_cache(maxsize=1)
def _agency_dateline() -> re.Pattern[str]:
    return load_agencies().dateline


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    gazetteer = Gazetteer.load()
    return gazetteer.places | gazetteer.geo_places


def load_dateline_tables() -> None:
    """Load the place list and the agency pattern now rather than at the first dateline: the statements
    stage does so when it is built (issue 17zl), so that an ingest loads them once before it forks its
    workers (~35-70 CPU ms and the place set, otherwise once in every worker) and no article pays it."""
    _places()
    _agency_dateline()


def _is_place(capitals: str) -> bool:
    """``NEU-DELHI`` → ``Neu-Delhi``, ``SAN JOSÉ`` → ``San José``: in the place lists."""
    written = re.sub(r"[^\W\d_]+", lambda word: word.group(0).capitalize(), capitals)
    return written in _places()


def _line_matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern anchored at line starts (``^`` in ``MULTILINE`` mode), tried
    only there: ``finditer`` tests every position, ~28 us an article for both patterns (issue 17zl).  As
    ``finditer`` does, a line start inside the last match is skipped; neither pattern matches empty."""
    if not (pattern.pattern.startswith("^") and pattern.flags & re.MULTILINE):
        yield from pattern.finditer(text)
        return
    start, done = 0, 0
    while start >= 0:
        match = pattern.match(text, start) if start >= done else None
        if match is not None:
            done = max(match.end(), start + 1)
            yield match
        start = text.find("\n", start) + 1 or -1


def dateline_ranges(text: str) -> list[Range]:
    """Character ranges of the datelines of ``text`` (place and agency tag, without the colon or dash)."""
    ranges = [
        (match.start("place"), match.end("place"))
        for match in _line_matches(_CAPITALS, text)
        if _is_place(match.group("place"))
    ]
    for match in _line_matches(_agency_dateline(), text):
        start = len(match.group(0)) - len(match.group(0).lstrip())
        ranges.append((match.start() + start, match.end()))
    return sorted(ranges)


#: What separates a dateline from the report: an optional date after a comma, then a colon or a dash.
_SEPARATOR = re.compile(r"[ \t]*(?:,[^\n:]{0,30})?[ \t]*[:–—-][ \t]*")


def keep_datelines_out(text: str, found: Iterable[Found]) -> None:
    """Forget a speaker that lies inside a dateline (in place): later steps may carry a better one.  A
    statement that starts at a dateline (``BANGKOK: Ein Video …, sagte ein Sprecher``) starts after it."""
    ranges = dateline_ranges(text)
    if not ranges:
        return
    for statement in found:
        first, last = statement.quote[0]
        for start, end in ranges:
            separator = _SEPARATOR.match(text, end)
            if start == first and separator is not None and separator.end() < last:
                statement.quote[0] = (separator.end(), last)
        speaker = statement.speaker
        if speaker is not None and any(start <= speaker[0] and speaker[1] <= end for start, end in ranges):
            statement.speaker = None
