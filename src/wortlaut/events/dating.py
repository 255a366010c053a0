"""Dates for statements: their event's date, their post's date, a time in their frame, or publication.

Sources, in order: ``event`` (the statement's cue sentence tells a dated event), ``post``
(the statement is an embedded post, or lies in one), ``time`` (a dated time expression in the
cue sentence outside the quotation), ``published`` (the article's date).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from wortlaut.article import Article, DateInfo, Span, Statement
from wortlaut.events.frames import REF_VALUES


def _containing(spans: Sequence[Span], offset: int) -> Span | None:
    return next((span for span in spans if span.start <= offset < span.end), None)


def statement_date(
    article: Article, statement: Statement, event_dates: Mapping[int, str], sentences: Sequence[Span]
) -> DateInfo | None:
    """The date a statement was made, with its source; ``None`` when nothing tells it.

    ``event_dates`` maps a sentence start to the date of the event that sentence tells
    (see :func:`wortlaut.events.merge.sentence_dates`).
    """
    anchor = statement.cue or statement.quote
    sentence = _containing(sentences, anchor.start)
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
