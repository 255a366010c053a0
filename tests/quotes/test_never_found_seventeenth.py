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


def test_a_document_verb_frames_a_wie_clause(pipeline: Pipeline) -> None:
    text = "Wie eine Umfrage des Vereins ergab, trinken viele Kinder regelmäßig Alkohol."
    assert _statements(pipeline, text) == [
        ("trinken viele Kinder regelmäßig Alkohol", "eine Umfrage des Vereins")
    ]


def test_the_document_after_aus_is_the_source_of_ergeben(pipeline: Pipeline) -> None:
    text = "Der Flug war kurz. Dazu kommt: Wie sich aus dem Bericht der Ermittler ergab, war der Tank leer."
    assert ("war der Tank leer", "dem Bericht der Ermittler") in _statements(pipeline, text)


def test_a_trailing_wie_clause_with_zeigen_reports_the_clause_before(pipeline: Pipeline) -> None:
    text = "Die Namen werden meist abgekürzt, wie eine Bekanntmachung der Behörde zeigt."
    assert _statements(pipeline, text) == [
        ("Die Namen werden meist abgekürzt", "eine Bekanntmachung der Behörde")
    ]


def test_a_document_verb_outside_a_wie_clause_frames_nothing(pipeline: Pipeline) -> None:
    for text in (
        "Die Studie ergab keine Hinweise auf Betrug, die Polizei ermittelt weiter.",
        "Der Bericht zeigt, dass die Zahl der Unfälle sinkt.",
        "Sich mit Fremden zu treffen kann – wie der Fall gezeigt hat – harte Strafen nach sich ziehen.",
    ):
        assert _statements(pipeline, text) == []
