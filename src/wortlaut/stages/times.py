"""Time expressions: the project's own German rules, normalised to TIMEX3 (``times.rules.v1``).

Relative expressions are resolved against the publication date, or inside an embedded
post against the post's date; without either they keep a ``relative`` description and
no value.  Boilerplate is skipped.  The rules live in :mod:`wortlaut.timex`, the words in
``lang/de/time_*.tsv``.
"""

from __future__ import annotations

from wortlaut.article import Article, Span
from wortlaut.pipeline import Stage, register_stage
from wortlaut.timex.anchors import anchor_function
from wortlaut.timex.finder import TimeFinder


@register_stage("times.rules.v1")
class TimesStage(Stage):
    """Finds dates, times, durations and sets and resolves relative ones."""

    reads = ("text", "published", "structure", "sentences", "tokens")
    writes = ("times",)

    def __init__(self) -> None:
        self.finder = TimeFinder()

    def __call__(self, article: Article) -> Article:
        sentences: tuple[Span, ...] = article.sentences
        found = self.finder.find(
            article.text, anchor=anchor_function(article), sentences=sentences, tokens=article.tokens
        )
        times = tuple(expr for expr in found if not article.is_boilerplate(expr.start))
        return article.with_layers(times=times)
