"""The rules' status of a trigger in an invented sentence, with candidate rule groups on."""

from __future__ import annotations

from wortlaut.article import Article, Span
from wortlaut.eval.claims_status_rows import cues_with, options_with
from wortlaut.events.status import _rule_status


def status_with_groups(text: str, trigger: str, groups: tuple[str, ...]) -> str:
    """The status of ``trigger`` in ``text`` (one sentence) with the candidate ``groups`` switched on."""
    article = Article.create(text, published="2024-12-18")
    start = text.index(trigger)
    span = Span(start=start, end=start + len(trigger), text=trigger)
    sentence = Span(start=0, end=len(text), text=text)
    return _rule_status(article, span, sentence, options=options_with(groups), cues=cues_with(groups))
