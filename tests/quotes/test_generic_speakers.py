"""A statement whose whole speaker phrase is the generic ``man`` is nobody's statement (issue 12, fourteenth
session); invented sentences, whole pipeline."""

from __future__ import annotations

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline


def test_a_clause_reported_by_man_is_no_statement(pipeline: Pipeline) -> None:
    article = pipeline(Article.create("Früher sagte man, das Dorf sei zu klein für eine eigene Schule."))
    assert article.statements == ()


def test_a_named_speaker_before_man_keeps_the_statement(pipeline: Pipeline) -> None:
    article = pipeline(Article.create("Die Bürgermeisterin Anna Keller sagte, das Dorf sei zu klein."))
    assert [s.quote.text for s in article.statements] == ["das Dorf sei zu klein"]
