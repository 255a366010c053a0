"""Addressees from the grammar of the reporting clause (issue 12, tenth session): the passive subject after
the auxiliary, a dative pronoun before a passive, a dative object after adverbials, a bare dative after an
inverted pronoun.  Invented sentences."""

from __future__ import annotations

import pytest

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline


def _roles(pipeline: Pipeline, text: str) -> list[tuple[str | None, str | None]]:
    article = pipeline(Article.create(text))
    return [
        (s.speaker.text if s.speaker else None, s.addressee.text if s.addressee else None)
        for s in article.statements
    ]


@pytest.mark.parametrize(
    ("text", "addressee"),
    [
        (
            "Darin wird der Bürgermeister aufgefordert, die Bauarbeiten sofort einzustellen.",
            "der Bürgermeister",
        ),
        (
            "Zudem wurde die Landesregierung vom Verband aufgefordert, mehr Lehrer einzustellen.",
            "die Landesregierung",
        ),
        ("Ihm wird vorgeworfen, die Kasse des Vereins geplündert zu haben.", "Ihm"),
    ],
)
def test_the_passive_subject_is_addressed_not_speaking(pipeline: Pipeline, text: str, addressee: str) -> None:
    roles = _roles(pipeline, text)
    assert len(roles) == 1
    speaker, found = roles[0]
    assert found == addressee
    assert speaker is None or addressee not in speaker


def test_a_dative_object_after_a_prepositional_phrase_is_the_addressee(pipeline: Pipeline) -> None:
    text = "Der Landrat sagte in Kassel der Presse, die Straße werde im Mai fertig."
    assert _roles(pipeline, text) == [("Der Landrat", "der Presse")]


def test_a_bare_dative_after_an_inverted_pronoun_is_the_addressee(pipeline: Pipeline) -> None:
    text = "Auf Nachfrage erklärte er Reportern dann, dass die Wahl fair gewesen sei."
    assert _roles(pipeline, text) == [("er", "Reportern")]


def test_an_inverted_subject_after_an_adverb_stays_the_speaker(pipeline: Pipeline) -> None:
    text = "Nach dem Treffen in der Hauptstadt kündigte heute der Präsident an, die Steuern zu senken."
    roles = _roles(pipeline, text)
    assert len(roles) == 1
    assert roles[0][1] is None


@pytest.mark.parametrize(
    ("text", "addressee"),
    [
        ("„Ein guter Anfang“, sagte er zur Sportschau.", "Sportschau"),
        ("„Wir haben verdient gewonnen“, sagte der Trainer nach dem Spiel zur Sportschau.", "Sportschau"),
    ],
)
def test_zu_a_medium_after_a_saying_verb_is_the_addressee(
    pipeline: Pipeline, text: str, addressee: str
) -> None:
    assert [found for _, found in _roles(pipeline, text)] == [addressee]


def test_zu_a_topic_after_a_saying_verb_is_no_addressee(pipeline: Pipeline) -> None:
    text = "Der Minister sagte zur Lage im Land, die Versorgung sei gesichert."
    assert [found for _, found in _roles(pipeline, text)] == [None]
