"""The structure stage: an adapter over :mod:`wortlaut.structure`.

It loads the rules' data files once and maps the article's text, page hints
(``meta["page"]``, from the HTML reader) and title to
:meth:`~wortlaut.structure.rules.StructureRules.analyse`.  Languages found by
an earlier run of the language stage are kept.
"""

from __future__ import annotations

from dataclasses import replace

from wortlaut.article import Article
from wortlaut.pipeline import Stage, register_stage
from wortlaut.structure.rules import StructureRules


@register_stage("structure.rules.v1")
class StructureStage(Stage):
    """Rule-based article structure from line layout and boilerplate markers."""

    reads = ("text", "meta", "title")
    writes = ("structure",)

    def __init__(self) -> None:
        self.rules = StructureRules.load()

    def __call__(self, article: Article) -> Article:
        page = article.meta.get("page")
        hints = page if isinstance(page, dict) else None
        structure = self.rules.analyse(article.text, hints, article.title)
        if article.structure is not None:
            structure = replace(structure, languages=article.structure.languages)
        return article.with_layers(structure=structure)
