"""The language stage: an adapter over :mod:`wortlaut.langid`.

It builds the detector once, hands it the article's parts (from its
structure, else the whole text), sets ``article.language`` unless given and,
when the parts mix languages, ``structure.languages``.
"""

from __future__ import annotations

from dataclasses import replace

from wortlaut.article import Article
from wortlaut.langid.detect import PartLanguages, load_languages, parts_of
from wortlaut.pipeline import Stage, register_stage


@register_stage("language.lingua.v1")
class LanguageStage(Stage):
    """Sets ``article.language`` (unless given) and per-part languages when mixed."""

    reads = ("text", "language", "structure")
    writes = ("language", "structure.languages")

    def __init__(self) -> None:
        self.languages = PartLanguages(load_languages())

    def __call__(self, article: Article) -> Article:
        found = self.languages.detect(parts_of(article.text, article.structure))
        language = article.language or found.majority
        if not found.parts or article.structure is None:
            return article.with_layers(language=language)
        structure = replace(article.structure, languages=found.parts)
        return article.with_layers(language=language, structure=structure)
