"""The subject of the speech verb (issue 12, eighth session): a nominative-only pronoun after the finite
verb, and a sentence-initial subject whose appositions or relative clauses fill the prefield; invented
sentences, whole pipeline."""

from __future__ import annotations

import pytest

from tests.quotes.speaking import speaker_texts as _speakers
from wortlaut.article import Article
from wortlaut.pipeline import Pipeline


@pytest.mark.parametrize(
    "text",
    [
        "Der Stadtverwaltung schlug er vor, die Brücke im Frühjahr zu sanieren.",
        "Die Mitglieder des Vereins forderte er auf, pünktlich zur Versammlung zu kommen.",
        "2019 erklärte er, das Werk werde bald geschlossen.",
    ],
)
def test_nominative_pronoun_after_the_verb_is_the_speaker_whatever_fills_the_prefield(
    pipeline: Pipeline, text: str
) -> None:
    assert _speakers(pipeline, text)[0] == "er"


def test_subject_with_a_relative_clause_in_the_prefield_beats_the_object(pipeline: Pipeline) -> None:
    speakers = _speakers(
        pipeline,
        "Der Verband, der die Bäckereien der Region vertritt, begründete die Preise damit, dass Mehl teurer "
        "geworden sei.",
    )
    assert speakers == ["Der Verband"]


def test_object_first_prefield_with_a_relative_clause_leaves_the_subject_after_the_verb(
    pipeline: Pipeline,
) -> None:
    speakers = _speakers(
        pipeline,
        "Die Zahl der Verletzten, die am Abend in Kliniken gebracht wurden, bezifferte die Feuerwehr "
        "auf zwölf.",
    )
    assert speakers == ["die Feuerwehr"]


@pytest.mark.parametrize(
    ("text", "addressee"),
    [
        ("Ein Sprecher des Ministeriums sagte Journalisten, man wolle weiter verhandeln.", "Journalisten"),
        ("Die Trainerin sagte RADIO NORD, sie sei mit dem Spiel zufrieden.", "RADIO NORD"),
        ("Die Behörde empfiehlt allen Reisenden, einen Mückenschutz zu tragen.", "allen Reisenden"),
        (
            "Die Mitglieder des Vereins forderte er auf, pünktlich zur Versammlung zu kommen.",
            "Die Mitglieder des Vereins",
        ),
        ("Der Stadtverwaltung schlug er vor, die Brücke im Frühjahr zu sanieren.", "Der Stadtverwaltung"),
    ],
)
def test_dative_or_object_addressee_of_the_speech_verb(pipeline: Pipeline, text: str, addressee: str) -> None:
    article = pipeline(Article.create(text))
    assert [s.addressee.text if s.addressee else None for s in article.statements] == [addressee]


def test_a_singular_noun_after_the_verb_is_no_bare_dative(pipeline: Pipeline) -> None:
    article = pipeline(Article.create("Die Ministerin sagte Montag, man wolle die Schulen öffnen."))
    assert [s.addressee for s in article.statements] == [None]


def test_demnach_stands_for_the_previous_speaker_not_the_subject_of_its_sentence(pipeline: Pipeline) -> None:
    article = pipeline(
        Article.create(
            "„Wir legen den Bericht vor“, sagte die Sprecherin Anna Roth. "
            "Demnach wird Frankreich die Spiele im Jahr 2030 austragen."
        )
    )
    first, second = (s.speaker for s in article.statements)
    assert first is not None and first.text == "die Sprecherin Anna Roth"
    # the eleventh issue-12 session: "Demnach" is the speaker phrase (the corpus's convention), linked back
    assert second is not None and second.text == "Demnach" and second.entity == first.entity


def test_a_time_in_the_prefield_is_no_speaker(pipeline: Pipeline) -> None:
    speakers = _speakers(
        pipeline, "Ende Januar 2006 verkündete der Fußball-Bund dann offiziell, dass man sich bewerben werde."
    )
    assert speakers == ["der Fußball-Bund"]
