"""What the quotation tests read off an invented article: the speaker text of each statement."""

from __future__ import annotations

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline


def speaker_texts(pipeline: Pipeline, text: str) -> list[str | None]:
    """The speaker span's text of each statement the ``pipeline`` finds in ``text`` (``None``: no speaker)."""
    article = pipeline(Article.create(text))
    return [s.speaker.text if s.speaker else None for s in article.statements]
