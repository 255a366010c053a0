"""Events (``events.rules.v1``): meetings, calls, talks, summits, visits, agreements, announcements.

Triggers are nouns and verbs from ``lang/de/event_triggers.tsv``; each trigger yields a raw
event with participants (person and organisation mentions of its sentence, plus named groups),
place (``in`` + place mention), time (the nearest dated time expression in its clause, else
the post date inside a post), topics and outcome.  Raw events telling the same happening are
merged (:mod:`wortlaut.events.merge`).  Boilerplate never yields events.  Statements are dated
by the next stage, ``statements.dating.v1`` (:mod:`wortlaut.stages.dating`), which asks
:meth:`wortlaut.events.finder.EventFinder.clusters` for the same merged mentions.  Each event
carries a ``status`` (happened, planned, hypothetical, negated, cancelled;
:mod:`wortlaut.events.status`).  The finder lives in :mod:`wortlaut.events.finder`.
"""

from __future__ import annotations

from wortlaut.article import Article
from wortlaut.events.finder import EventFinder
from wortlaut.events.status import DEFAULT_OPTIONS, StatusOptions
from wortlaut.pipeline import Stage, register_stage


@register_stage("events.rules.v1")
class EventsStage(Stage):
    """Finds events: who met, called or agreed with whom, where, when, and whether it took place."""

    reads = ("id", "text", "published", "structure", "sentences", "tokens", "mentions", "times")
    writes = ("events",)

    def __init__(self, options: StatusOptions = DEFAULT_OPTIONS) -> None:
        self.finder = EventFinder(options)

    def __call__(self, article: Article) -> Article:
        return article.with_layers(events=self.finder.events(article))
