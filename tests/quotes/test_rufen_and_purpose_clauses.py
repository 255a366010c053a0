"""``rufen`` frames a direct quotation; a purpose clause is no reported content (issue 12; invented)."""

from __future__ import annotations

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline


def test_rufen_frames_a_direct_quotation(pipeline: Pipeline) -> None:
    article = pipeline(Article.create("«Ich hatte einfach einen Kater», ruft der Redakteur durch den Raum."))
    (statement,) = article.statements
    assert statement.speaker is not None and statement.speaker.text == "der Redakteur"


def test_purpose_clause_before_a_trailing_verb_is_not_reported(pipeline: Pipeline) -> None:
    text = "Um an die Opfer zu erinnern, riefen beide Vereine die Kampagne 2017 ins Leben."
    assert [s.rule for s in pipeline(Article.create(text)).statements] == []
