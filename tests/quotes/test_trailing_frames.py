"""A trailing frame's content before the comma is a clause: a subject with its apposition or a ``wie``-frame
before ``, unterstrich …`` / ``, wurden …`` is no reported statement (issue 12, fourteenth session); invented
sentences, whole pipeline."""

from __future__ import annotations

import pytest

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline


def _quotes(pipeline: Pipeline, text: str) -> list[str]:
    return [statement.quote.text for statement in pipeline(Article.create(text)).statements]


@pytest.mark.parametrize(
    ("text", "not_a_quote"),
    [
        (
            "Anna Keller, Vorsitzende des Jugendverbands, unterstrich die hohe Bedeutung einer Prämie "
            "für junge Betriebe.",
            "Anna Keller, Vorsitzende des Jugendverbands",
        ),
        (
            "Wie der Sender berichtet, wurden die Schäden nicht durch Sabotage ausgelöst.",
            "Wie der Sender berichtet",
        ),
    ],
)
def test_words_without_a_clause_before_the_frame_are_no_statement(
    pipeline: Pipeline, text: str, not_a_quote: str
) -> None:
    assert not_a_quote not in _quotes(pipeline, text)


def test_a_clause_before_a_trailing_frame_still_reports(pipeline: Pipeline) -> None:
    assert "Die Lage sei ernst" in _quotes(pipeline, "Die Lage sei ernst, sagte die Sprecherin des Verbands.")


def test_a_konjunktiv_relative_clause_before_a_trailing_frame_is_reported(pipeline: Pipeline) -> None:
    """``Eine Aufgabe, der sich die Politik nicht gestellt habe, sagte X``: the Konjunktiv makes the words
    before the frame reported content; the speaker is the subject after the verb, not the head noun."""
    article = pipeline(
        Article.create(
            "Eine Aufgabe, der sich die Politik bisher nicht gestellt habe, sagte die Soziologin Anna Keller "
            "im Radio."
        )
    )
    found = [(s.quote.text, s.speaker.text if s.speaker else None) for s in article.statements]
    assert len(found) == 1
    assert found[0][0].startswith("Eine Aufgabe")
    assert found[0][1] is not None and "Anna Keller" in found[0][1]


@pytest.mark.parametrize("source", ["diesem Werk", "dem Buch"])
def test_heisst_es_in_a_book_names_the_book_as_source(pipeline: Pipeline, source: str) -> None:
    """``„…“, heißt es in diesem Werk``: a book is a document the impersonal cue's source may name."""
    article = pipeline(
        Article.create(
            "Die Autorin Anna Keller hat ein Buch über Städte geschrieben. "
            f"„Die Stadt gehört allen“, heißt es in {source}."
        )
    )
    speakers = [s.speaker.text if s.speaker else None for s in article.statements]
    assert speakers == [source]


@pytest.mark.parametrize("verb", ["seufzt", "flüstert", "schimpft"])
def test_a_manner_of_speaking_verb_frames_a_quotation(pipeline: Pipeline, verb: str) -> None:
    article = pipeline(Article.create(f"«Ach, bitte nicht», {verb} Anna Keller am Nebentisch."))
    speakers = [s.speaker.text if s.speaker else None for s in article.statements]
    assert speakers == ["Anna Keller"]


def test_a_wie_frame_s_clause_ends_at_a_colon_opening_a_quotation(pipeline: Pipeline) -> None:
    article = pipeline(
        Article.create(
            "Wie Sprecher Karl Braun erklärte, wollte sich die Stadt um die Tiere kümmern: „Das war auch mit "
            "dem Amt so abgesprochen.“"
        )
    )
    found = [(s.quote.text, s.speaker.text if s.speaker else None) for s in article.statements]
    assert [quote for quote, _ in found] == [
        "wollte sich die Stadt um die Tiere kümmern",
        "„Das war auch mit dem Amt so abgesprochen.“",
    ]
    assert all(speaker is not None and "Karl Braun" in speaker for _, speaker in found)
