"""Stage ``morph.hanta.v1``: POS, lemma, mood and tense of the tokens, by :mod:`wortlaut.morph`."""

from __future__ import annotations

from wortlaut.article import Article
from wortlaut.morph import MorphAnalyser
from wortlaut.pipeline import Stage, register_stage


@register_stage("morph.hanta.v1")
class MorphStage(Stage):
    """STTS POS, lemma, and for finite verbs mood (ind/sub1/sub2/imp) and tense."""

    reads = ("tokens",)
    writes = ("tokens",)

    def __init__(self) -> None:
        self.analyser = MorphAnalyser()

    def __call__(self, article: Article) -> Article:
        return article.with_layers(tokens=self.analyser.analyse(article.tokens))
