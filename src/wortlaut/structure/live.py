"""Live-blog entries: body paragraphs grouped under the time stamps they were posted at.

A live blog ("Liveticker") is a run of entries, each opened by a time stamp:
on a line of its own (``14:05``, ``06.11.2023, 14:05 Uhr``, ``+++ 14:05 +++``) or
at the start of the entry's first paragraph (``14:05 Uhr: Merz sagt …``).  Each
entry keeps its stamp as structure, so later stages can anchor "heute" and
"am Mittwoch" to the entry's time instead of the article's first publication.
At least :data:`MIN_STAMPS` stamps make a live blog; a single time line under
a headline is a dateline, not an entry.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

#: One stamp is a dateline; two or more in the body are a live blog.
MIN_STAMPS = 2

_TIME = r"(?:(?:\d{1,2}\.\d{1,2}\.(?:\d{2,4})?,?\s*)?\d{1,2}[:.]\d{2}(?:\s*Uhr)?)"
STAMP_LINE = re.compile(rf"^(?:\+{{2,3}}\s*)?(?P<time>{_TIME})(?:\s*\+{{2,3}})?$")
STAMP_PREFIX = re.compile(rf"^(?:\+{{2,3}}\s*)?(?P<time>{_TIME})\s*(?:\+{{2,3}}|[:–—-])\s+(?=\S)")


@dataclass(frozen=True, slots=True)
class Stamped:
    """An entry found: the stamp's line index, the time as written, and the body line indices."""

    stamp: int
    time: str
    lines: tuple[int, ...]
    own_line: bool


def find_entries(texts: Sequence[str], is_body: Sequence[bool]) -> list[Stamped]:
    """Entries of a live blog over the lines (texts, and which of them are body lines)."""
    stamps: list[tuple[int, str, bool]] = []
    for index, text in enumerate(texts):
        if match := STAMP_LINE.match(text):
            stamps.append((index, match["time"], True))
        elif is_body[index] and (match := STAMP_PREFIX.match(text)):
            stamps.append((index, match["time"], False))
    if len(stamps) < MIN_STAMPS:
        return []
    entries = []
    for number, (index, time, own_line) in enumerate(stamps):
        stop = stamps[number + 1][0] if number + 1 < len(stamps) else len(texts)
        first = index + 1 if own_line else index
        body = tuple(line for line in range(first, stop) if is_body[line])
        if body:
            entries.append(Stamped(stamp=index, time=time, lines=body, own_line=own_line))
    return entries if len(entries) >= MIN_STAMPS else []
