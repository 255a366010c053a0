"""Quotations never found on quotes-wikinews/train, by construction (issue 12, seventeenth session), each
checked on invented sentences."""

from __future__ import annotations

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline


def _statements(pipeline: Pipeline, text: str) -> list[tuple[str, str | None]]:
    article = pipeline(Article.create(text))
    return [(s.quote.text, s.speaker.text if s.speaker else None) for s in article.statements]


def test_an_apposition_inside_a_leading_wie_clause_does_not_end_it(pipeline: Pipeline) -> None:
    text = "Wie Peter Kramer, Sprecher der Stadtwerke, in Bonn mitteilte, fahren nur noch sechs Busse."
    assert _statements(pipeline, text) == [
        ("fahren nur noch sechs Busse", "Peter Kramer, Sprecher der Stadtwerke")
    ]


def test_an_apposition_inside_a_trailing_wie_clause_does_not_end_it(pipeline: Pipeline) -> None:
    text = "Die Anlage war nicht gesichert, wie Anna Berg, Chefin der Baufirma, mitteilte."
    assert _statements(pipeline, text) == [
        ("Die Anlage war nicht gesichert", "Anna Berg, Chefin der Baufirma")
    ]
