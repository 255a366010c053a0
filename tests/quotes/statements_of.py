"""The statements of one invented text as (quote, speaker, mode): what most quotation tests compare."""

from __future__ import annotations

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline


def statements_of(pipeline: Pipeline, text: str) -> list[tuple[str, str | None, str]]:
    """Runs ``text`` through ``pipeline`` and returns each statement's quote, speaker (or None) and mode."""
    article = pipeline(Article.create(text))
    return [(s.quote.text, s.speaker.text if s.speaker else None, s.mode) for s in article.statements]
