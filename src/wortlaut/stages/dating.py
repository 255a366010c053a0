"""Statement dating (``statements.dating.v1``): when each statement was made, and how we know.

A statement the statements stage left undated (every one but posts with a dated
signature) gets its event's date, its post's date, a dated time in its cue
sentence, or the publication date, in that order (:func:`wortlaut.events.dating.statement_date`).
This is its own stage, after ``events.rules.v1``, so that the statements layer has
one writer per concern: the statements stage finds who said what, this stage
only fills ``Statement.date``.

Which sentence tells which dated event is a property of the merged raw event
mentions (a mention with an indefinite article, ``zu einem Gipfeltreffen``, does
not pass its event's date on), so the stage asks the event finder's
:meth:`~wortlaut.events.finder.EventFinder.clusters` for them.  It does so only
when an undated statement's sentence is among the evidence sentences of a dated
event in the ``events`` layer; for every other statement the event dates cannot
apply, and the lookup is skipped (:func:`wortlaut.events.dating.event_dates`).
"""

from __future__ import annotations

from wortlaut.article import Article
from wortlaut.events.dating import dated_statements
from wortlaut.events.finder import EventFinder
from wortlaut.pipeline import Stage, register_stage


@register_stage("statements.dating.v1")
class DatingStage(Stage):
    """Dates the statements that lack a date, from events, posts, times and publication."""

    reads = (
        "text",
        "published",
        "structure",
        "sentences",
        "tokens",
        "mentions",
        "times",
        "statements",
        "events",
    )
    writes = ("statements",)

    def __init__(self) -> None:
        # Event clusters do not depend on the status options, so the default ones serve.
        self.events = EventFinder()

    def __call__(self, article: Article) -> Article:
        if all(statement.date is not None for statement in article.statements):
            return article
        return article.with_layers(statements=dated_statements(article, self.events))
