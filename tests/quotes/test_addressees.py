"""Addressees beyond the cue's clause (``wortlaut.quotes.addressees``), on invented sentences."""

from __future__ import annotations

import pytest

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline


def _addressees(pipeline: Pipeline, text: str) -> list[str | None]:
    article = pipeline(Article.create(text))
    return [s.addressee.text if s.addressee else None for s in article.statements]


@pytest.mark.parametrize(
    ("text", "addressee"),
    [
        ("„Wir sind sehr zufrieden“, so der Trainer gegenüber dem Stadtanzeiger.", "dem Stadtanzeiger"),
        ("Die Bürgermeisterin sagte vor Journalisten, der Haushalt sei ausgeglichen.", "Journalisten"),
        (
            "Der Architekt sagte in einem Interview mit der Abendpost, die Brücke sei sicher.",
            "der Abendpost",
        ),
        ("Die Direktorin appellierte an die Eltern, die Kinder zu Fuß zu schicken.", "die Eltern"),
        ("Dem Bürgermeister wird vorgeworfen, die Akten vernichtet zu haben.", "Dem Bürgermeister"),
        ("Die Anwohner wurden aufgefordert, die Fenster geschlossen zu halten.", "Die Anwohner"),
        ("Der Landrat hat die Gemeinden gestern aufgefordert, mehr Wohnungen zu bauen.", "die Gemeinden"),
    ],
)
def test_addressee_markers(pipeline: Pipeline, text: str, addressee: str) -> None:
    assert _addressees(pipeline, text) == [addressee]


@pytest.mark.parametrize(
    "text",
    [
        "Der Minister sagte vor einem Jahr, die Steuer werde sinken.",
        "Der Trainer sagte nach dem Spiel, die Mannschaft habe gekämpft.",
    ],
)
def test_time_phrases_are_not_addressees(pipeline: Pipeline, text: str) -> None:
    assert _addressees(pipeline, text) == [None]


def test_passive_addressee_is_not_the_speaker(pipeline: Pipeline) -> None:
    article = pipeline(Article.create("Dem Bürgermeister wird vorgeworfen, die Akten vernichtet zu haben."))
    (statement,) = article.statements
    assert statement.speaker is None or statement.speaker.text != "Dem Bürgermeister"
