"""Reference dates for relative time expressions: the publication date, or a post's own stamp.

A live-blog entry or an embedded post carries its own date; an expression inside it
(``gestern``) counts from that date, not from the article's publication date.
"""

from __future__ import annotations

import re
from datetime import date

from wortlaut.article import Article
from wortlaut.timex.finder import AnchorFn


def parse_day(value: str | None) -> date | None:
    """An ISO date (or date-time) string as a date; ``None`` when absent or malformed."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


#: A German stamp date as live blogs print it: ``06.11.2023, 14:05`` or ``6.11.2023``.
GERMAN_STAMP = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")


def stamp_day(stamp: str | None) -> date | None:
    """The day of a post or live-blog stamp: ISO (``2025-05-21T14:05``) or German (``21.05.2025, 14:05``).

    A bare clock time (``14:05``) names no day: the entry then anchors to the publication date.
    """
    day = parse_day(stamp)
    if day is not None or not stamp:
        return day
    match = GERMAN_STAMP.search(stamp)
    if match is None:
        return None
    try:
        return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    except ValueError:
        return None


def stamped_spans(article: Article) -> list[tuple[int, int, date]]:
    """(start, end, day) of every embedded post and live-blog entry with a dated stamp, innermost last."""
    structure = article.structure
    if structure is None:
        return []
    stamped = [(post.start, post.end, stamp_day(post.date)) for post in structure.posts]
    stamped += [(entry.start, entry.end, stamp_day(entry.time)) for entry in structure.entries]
    spans = [(start, end, day) for start, end, day in stamped if day is not None]
    return sorted(spans, key=lambda span: span[0] - span[1])


def anchor_function(article: Article) -> AnchorFn:
    """offset -> reference date: a live-blog entry's or an embedded post's own stamp where the
    offset lies in one (the shortest such span), else the publication date."""
    published = article.published_date
    spans = stamped_spans(article)

    def anchor(offset: int) -> date | None:
        inside = [day for start, end, day in spans if start <= offset < end]
        return inside[-1] if inside else published

    return anchor
