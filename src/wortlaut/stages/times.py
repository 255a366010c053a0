"""Time expressions: the project's own German rules, normalised to TIMEX3 (``times.rules.v1``).

Relative expressions are resolved against the publication date, or inside an embedded
post against the post's date; without either they keep a ``relative`` description and
no value.  Boilerplate is skipped, except the page's own stamp lines and bylines
(:mod:`wortlaut.timex.page`).  The rules live in :mod:`wortlaut.timex`, the words in
``lang/de/time_*.tsv``.
"""

from __future__ import annotations

from wortlaut.article import Article
from wortlaut.pipeline import Stage, register_stage
from wortlaut.timex.anchors import anchor_function
from wortlaut.timex.finder import TimeFinder
from wortlaut.timex.page import find_on_page


@register_stage("times.rules.v1")
class TimesStage(Stage):
    """Finds dates, times, durations and sets and resolves relative ones."""

    reads = ("text", "published", "structure", "sentences", "tokens")
    writes = ("times",)

    def __init__(self) -> None:
        self.finder = TimeFinder()

    def __call__(self, article: Article) -> Article:
        times = tuple(find_on_page(self.finder, article, anchor_function(article)))
        return article.with_layers(times=times)
