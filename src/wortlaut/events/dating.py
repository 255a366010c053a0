"""Dates for statements: their event's date, their post's date, a time in their frame, or publication.

Sources, in order: ``event`` (the statement's cue sentence tells a dated event), ``post``
(the statement is an embedded post, or lies in one), ``time`` (a dated time expression in the
cue sentence outside the quotation), ``published`` (the article's date).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from wortlaut.article import Article, DateInfo, Span, Statement
from wortlaut.events.finder import EventFinder, event_sentences
from wortlaut.events.frames import REF_VALUES
from wortlaut.events.merge import sentence_dates


def _containing(spans: Sequence[Span], offset: int) -> Span | None:
    return next((span for span in spans if span.start <= offset < span.end), None)


def statement_date(
    article: Article, statement: Statement, event_dates: Mapping[int, str], sentences: Sequence[Span]
) -> DateInfo | None:
    """The date a statement was made, with its source; ``None`` when nothing tells it.

    ``event_dates`` maps a sentence start to the date of the event that sentence tells
    (see :func:`wortlaut.events.merge.sentence_dates`).
    """
    sentence = _containing(sentences, _anchor(statement).start)
    if sentence is not None and sentence.start in event_dates:
        return DateInfo(value=event_dates[sentence.start], source="event")
    for post in article.structure.posts if article.structure else ():
        if post.date and post.start <= statement.quote.start < post.end:
            return DateInfo(value=post.date, source="post")
    if sentence is not None:
        for expr in article.times:
            inside_quote = statement.quote.start <= expr.start < statement.quote.end
            if (
                sentence.start <= expr.start < sentence.end
                and not inside_quote
                and expr.value
                and expr.value not in REF_VALUES
                and expr.value[:1].isdigit()
                and len(expr.value) >= 10
            ):
                return DateInfo(value=expr.value[:10], source="time")
    if article.published_date is not None:
        return DateInfo(value=article.published_date.isoformat(), source="published")
    return None


def dated_statements(article: Article, finder: EventFinder) -> tuple[Statement, ...]:
    """The article's statements, each undated one given :func:`statement_date`."""
    sentences = event_sentences(article)
    dates = event_dates(article, sentences, finder)
    return tuple(
        statement
        if statement.date is not None
        else dataclasses.replace(statement, date=statement_date(article, statement, dates, sentences))
        for statement in article.statements
    )


def event_dates(article: Article, sentences: list[Span], finder: EventFinder) -> dict[int, str]:
    """Sentence start -> date of the event it tells, for the sentences an undated statement is in.

    Which sentence tells which dated event is a property of the merged raw event mentions
    (a mention with an indefinite article does not pass its event's date on), so the
    finder's clusters are needed; but only sentences in the evidence of a dated event can
    carry an event date (:func:`~wortlaut.events.merge.sentence_dates` keys are a subset of
    them), so the clustering is skipped when no undated statement sits in one.
    """
    dated = {span.start for event in article.events if event.date is not None for span in event.evidence}
    wanted = {
        _sentence_start(sentences, _anchor(statement).start)
        for statement in article.statements
        if statement.date is None
    }
    if not dated & wanted:
        return {}
    return sentence_dates(finder.clusters(article, sentences))


def _sentence_start(sentences: Sequence[Span], offset: int) -> int | None:
    sentence = _containing(sentences, offset)
    return sentence.start if sentence is not None else None


def _anchor(statement: Statement) -> Span:
    """The span whose sentence dates a statement: its cue, else its quotation."""
    return statement.cue or statement.quote
