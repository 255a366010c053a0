"""Time expressions: the project's own German rules, normalised to TIMEX3 (``times.rules.v1``).

Relative expressions are resolved against the publication date, or inside an embedded
post against the post's date; without either they keep a ``relative`` description and
no value.  Boilerplate is skipped.  The rules live in :mod:`wortlaut.timex`, the words in
``lang/de/time_*.tsv``.
"""

from __future__ import annotations

from datetime import date

from wortlaut.article import Article, Span
from wortlaut.pipeline import Stage, register_stage
from wortlaut.timex.finder import AnchorFn, TimeFinder


def parse_day(value: str | None) -> date | None:
    """An ISO date (or date-time) string as a date; ``None`` when absent or malformed."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


#: Structure-layer collections whose items carry their own time stamp: embedded posts, and the
#: live-blog / ticker entries the structure layer may add (read defensively: any of these names).
STAMPED_LAYERS = ("posts", "entries", "live_entries", "ticker_entries")
#: Attributes of such an item that may hold its stamp (ISO date or date-time).
STAMP_FIELDS = ("date", "stamp", "published", "time")


def stamped_spans(article: Article) -> list[tuple[int, int, date]]:
    """(start, end, day) of every post or live-blog entry that has a dated stamp, innermost last."""
    spans: list[tuple[int, int, date]] = []
    for layer in STAMPED_LAYERS:
        for item in getattr(article.structure, layer, None) or ():
            stamp = next((getattr(item, name) for name in STAMP_FIELDS if getattr(item, name, None)), None)
            day = parse_day(stamp) if isinstance(stamp, str) else None
            start, end = getattr(item, "start", None), getattr(item, "end", None)
            if day is not None and isinstance(start, int) and isinstance(end, int):
                spans.append((start, end, day))
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


@register_stage("times.rules.v1")
class TimesStage(Stage):
    """Finds dates, times, durations and sets and resolves relative ones."""

    requires = ("tokens",)
    provides = ("times",)

    def __init__(self) -> None:
        self.finder = TimeFinder()

    def __call__(self, article: Article) -> Article:
        sentences: tuple[Span, ...] = article.sentences
        found = self.finder.find(
            article.text, anchor=anchor_function(article), sentences=sentences, tokens=article.tokens
        )
        times = tuple(expr for expr in found if not article.is_boilerplate(expr.start))
        return article.with_layers(times=times)
