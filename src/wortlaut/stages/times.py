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


def anchor_function(article: Article) -> AnchorFn:
    """offset -> reference date: the post date inside a dated post, else the publication date."""
    published = article.published_date
    posts = [
        (post.start, post.end, parse_day(post.date))
        for post in (article.structure.posts if article.structure else ())
    ]

    def anchor(offset: int) -> date | None:
        for start, end, day in posts:
            if start <= offset < end and day is not None:
                return day
        return published

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
