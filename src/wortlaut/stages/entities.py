"""Stage ``entities.crf.v1``: entity mentions and their KB links (:mod:`wortlaut.ner`, :mod:`wortlaut.kb`).

The article's match words (:func:`wortlaut.kb.text.article_words`) without the
news-agency tags of datelines and credits go to the NER tagger
(:func:`wortlaut.ner.words.tag_words`) and then to the linker
(:class:`wortlaut.kb.linking.EntityLinker`).
"""

from __future__ import annotations

from typing import ClassVar

from wortlaut.article import Article
from wortlaut.kb import KB, default_kb
from wortlaut.kb.linking import EntityLinker, words_outside
from wortlaut.kb.text import article_words
from wortlaut.ner.words import SHIPPED_TAGGER, Tagger, default_tagger, tag_words
from wortlaut.pipeline import Stage, register_stage
from wortlaut.structure.data import load_agencies


@register_stage("entities.crf.v1")
class EntitiesStage(Stage):
    """Finds and links entity mentions; resources load once here."""

    reads: ClassVar[tuple[str, ...]] = ("text", "url", "source", "published", "structure", "tokens")
    writes: ClassVar[tuple[str, ...]] = ("mentions", "entities")

    def __init__(self, *, kb: KB | None = None, tagger: Tagger | object | None = SHIPPED_TAGGER) -> None:
        self.kb = kb if kb is not None else default_kb()
        chosen = default_tagger() if tagger is SHIPPED_TAGGER else tagger
        self.tagger: Tagger | None = chosen  # type: ignore[assignment]
        self.linker = EntityLinker(self.kb)
        self.agencies = load_agencies()

    def __call__(self, article: Article) -> Article:
        items = words_outside(article_words(article), self.agencies.spans(article.text))
        tagged = tag_words(self.tagger, article, items)
        mentions, entities = self.linker.link(article, items, tagged)
        return article.with_layers(mentions=mentions, entities=entities)
