"""Statement dating (``statements.dating.v1``): when each statement was made, and how we know.

A statement the statements stage left undated (every one but posts with a dated
signature) gets its event's date, its post's date, a dated time in its cue
sentence, or the publication date, in that order (:func:`wortlaut.events.dating.statement_date`).
This is its own stage, after ``events.rules.v1``, so that the statements layer has
one writer per concern: the statements stage finds who said what, this stage
only fills ``Statement.date``.

Which sentence tells which dated event is a property of the merged raw event
mentions (a mention with an indefinite article, ``zu einem Gipfeltreffen``, does
not pass its event's date on), so the stage asks the events stage's own
:meth:`~wortlaut.stages.events.EventsStage.clusters` for them.  It does so only
when an undated statement's sentence is among the evidence sentences of a dated
event in the ``events`` layer; for every other statement the event dates cannot
apply, and the lookup is skipped.
"""

from __future__ import annotations

import dataclasses

from wortlaut.article import Article, Span, Statement
from wortlaut.events.dating import statement_date
from wortlaut.events.merge import sentence_dates
from wortlaut.pipeline import Stage, register_stage
from wortlaut.stages.events import EventsStage, event_sentences


def _sentence_start(sentences: list[Span], offset: int) -> int | None:
    return next((span.start for span in sentences if span.start <= offset < span.end), None)


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
        self.events = EventsStage()

    def __call__(self, article: Article) -> Article:
        if all(statement.date is not None for statement in article.statements):
            return article
        sentences = event_sentences(article)
        dates = self._event_dates(article, sentences)
        statements = tuple(
            statement
            if statement.date is not None
            else dataclasses.replace(statement, date=statement_date(article, statement, dates, sentences))
            for statement in article.statements
        )
        return article.with_layers(statements=statements)

    def _event_dates(self, article: Article, sentences: list[Span]) -> dict[int, str]:
        """Sentence start -> date of the event it tells, for the sentences an undated statement is in.

        Only sentences in the evidence of a dated event can carry an event date
        (:func:`~wortlaut.events.merge.sentence_dates` keys are a subset of them).
        """
        dated = {span.start for event in article.events if event.date is not None for span in event.evidence}
        wanted = {
            _sentence_start(sentences, _anchor(statement).start)
            for statement in article.statements
            if statement.date is None
        }
        if not dated & wanted:
            return {}
        return sentence_dates(self.events.clusters(article, sentences))


def _anchor(statement: Statement) -> Span:
    """The span whose sentence dates a statement: its cue, else its quotation (as in ``statement_date``)."""
    return statement.cue or statement.quote
