"""Speaker and addressee losses counted on quotes-wikinews/train (issue 12, sixteenth session), each checked
on invented sentences."""

from __future__ import annotations

import pytest

from tests.quotes.speaking import speaker_texts as _speakers
from wortlaut.article import Article
from wortlaut.pipeline import Pipeline
from wortlaut.quotes.lexicon import load_lexicon


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


def _addressees(pipeline: Pipeline, text: str) -> list[str | None]:
    article = pipeline(Article.create(text))
    return [s.addressee.text if s.addressee else None for s in article.statements]


@pytest.mark.parametrize(
    "text",
    [
        "Die Opposition war empört, indem sie der Regierung vorwarf, die Bürger zu belügen.",
        "Anwesend war auch Minister Peter Klein, der der Regierung vorwarf, die Bürger zu belügen.",
    ],
)
def test_the_object_of_a_verb_final_clause_is_its_addressee(pipeline: Pipeline, text: str) -> None:
    assert _addressees(pipeline, text) == ["der Regierung"]
    assert "der Regierung" not in _speakers(pipeline, text)


def test_a_dative_relative_pronoun_opens_no_verb_final_addressee(pipeline: Pipeline) -> None:
    text = "Es war der Minister Peter Klein, dem die Opposition vorwarf, die Bürger zu belügen."
    assert "die Opposition" not in _addressees(pipeline, text)


@pytest.mark.parametrize(
    ("text", "addressee"),
    [
        ("Zu Gast war ein Prediger, der alle Zuschauer aufforderte, nicht mehr zu wählen.", "alle Zuschauer"),
        ("Es sprach ein Bürgermeister, der die Anwohner aufrief, die Fenster zu schließen.", "die Anwohner"),
    ],
)
def test_a_separable_verb_is_read_in_its_verb_final_form(
    pipeline: Pipeline, text: str, addressee: str
) -> None:
    assert _addressees(pipeline, text) == [addressee]


def test_the_verb_final_forms_come_from_the_main_clause_forms() -> None:
    lexicon = load_lexicon()
    assert {entry.lemma for entry in lexicon.verbs["aufforderte"]} == {"auffordern"}
    assert all(entry.particle is None for entry in lexicon.verbs["aufforderte"])
    assert "zustimmen" not in lexicon.verbs  # after a modal, not a clause end: müsse der Regierung zustimmen
