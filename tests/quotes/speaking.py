"""What the quotation tests read off an invented article (the speaker text of each statement), and the
article with linked name mentions that the speaker-linking tests start from."""

from __future__ import annotations

from wortlaut.article import Article, Entity, Mention, Span
from wortlaut.pipeline import Pipeline


def speaker_texts(pipeline: Pipeline, text: str) -> list[str | None]:
    """The speaker span's text of each statement the ``pipeline`` finds in ``text`` (``None``: no speaker)."""
    article = pipeline(Article.create(text))
    return [s.speaker.text if s.speaker else None for s in article.statements]


def linked_article(text: str, entities: tuple[Entity, ...], names: dict[str, str]) -> Article:
    """``text`` with one mention per entry of ``names`` (surface string -> entity id, at its first
    occurrence, typed as its entity in ``entities``) and one sentence per full stop: what the speaker
    linker reads, without running the entity stage."""
    mentions = []
    for surface, entity in names.items():
        start = text.index(surface)
        kind = next(e.type for e in entities if e.id == entity)
        mentions.append(
            Mention(start=start, end=start + len(surface), text=surface, type=kind, entity=entity)
        )
    sentences, start = [], 0
    for end in [i + 1 for i, char in enumerate(text) if char == "."]:
        sentences.append(Span(start=start, end=end, text=text[start:end]))
        start = end + 1
    return Article.create(text).with_layers(
        mentions=tuple(mentions), entities=entities, sentences=tuple(sentences)
    )
