"""Stage ``coref.rules.v1``: description and pronoun mentions with their entities (:mod:`wortlaut.coref`)."""

from __future__ import annotations

from typing import ClassVar

from wortlaut.article import Article
from wortlaut.coref import CorefResolver
from wortlaut.kb import KB, default_kb
from wortlaut.kb.text import article_words
from wortlaut.pipeline import Stage, register_stage


@register_stage("coref.rules.v1")
class CorefStage(Stage):
    """Adds description and pronoun mentions with their entities."""

    reads: ClassVar[tuple[str, ...]] = (
        "text",
        "url",
        "source",
        "published",
        "structure",
        "tokens",
        "mentions",
        "entities",
    )
    writes: ClassVar[tuple[str, ...]] = ("mentions", "entities")

    def __init__(self, *, kb: KB | None = None) -> None:
        self.kb = kb if kb is not None else default_kb()
        self.resolver = CorefResolver(self.kb)

    def __call__(self, article: Article) -> Article:
        items = article_words(article)
        if not items:
            return article
        mentions, entities = self.resolver.resolve(article, items)
        return article.with_layers(mentions=mentions, entities=entities)
