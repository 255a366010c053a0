"""Speaker and addressee losses counted on quotes-wikinews/train (issue 12, sixteenth session), each checked
on invented sentences."""

from __future__ import annotations

import pytest

from tests.quotes.speaking import speaker_texts as _speakers
from wortlaut.article import Article
from wortlaut.pipeline import Pipeline


def _statements(pipeline: Pipeline, text: str) -> list[tuple[str, str | None]]:
    article = pipeline(Article.create(text))
    return [(s.quote.text, s.speaker.text if s.speaker else None) for s in article.statements]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Der Verein plant einen Umzug nach Köln. Dies geht aus einer Mitteilung des Vorstands hervor.",
            "einer Mitteilung des Vorstands",
        ),
        (
            "Wie aus einem Bericht der Schutztruppe hervorgeht, wurden im Bezirk drei Kämpfer getötet.",
            "einem Bericht der Schutztruppe",
        ),
        (
            "Aus dem Gutachten der Kommission geht hervor, dass die Behörden versagt hätten.",
            "dem Gutachten der Kommission",
        ),
    ],
)
def test_the_document_after_aus_is_the_source_of_hervorgehen(
    pipeline: Pipeline, text: str, speaker: str
) -> None:
    assert speaker in _speakers(pipeline, text)


def test_the_previous_sentence_is_what_the_document_says(pipeline: Pipeline) -> None:
    text = "Der Verein plant einen Umzug nach Köln. Dies geht aus einer Mitteilung des Vorstands hervor."
    quotes = [
        quote for quote, speaker in _statements(pipeline, text) if speaker == "einer Mitteilung des Vorstands"
    ]
    assert quotes and quotes[0].startswith("Der Verein plant einen Umzug nach Köln")


def test_hervorgehen_without_a_reported_clause_is_no_statement(pipeline: Pipeline) -> None:
    text = "Das Programm ging aus einer älteren Version hervor und wird seitdem weiterentwickelt."
    assert _statements(pipeline, text) == []
