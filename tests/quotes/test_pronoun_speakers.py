"""The bare-pronoun bar of issue 12 (fourteenth session, second round), on invented sentences: the
subject of a passive speech verb is not its speaker, and the speaker of a reply verb is whom the
statement before addressed."""

from __future__ import annotations

import pytest

from tests.quotes.speaking import speaker_texts as _speakers
from wortlaut.article import Article, Entity
from wortlaut.pipeline import Pipeline


@pytest.mark.parametrize(
    "text",
    [
        "Die Studie fand viel Beachtung. In vielen Zeitungen wurde sie als Beleg dafür genannt, "
        "wie schlecht es um die Schulen stehe.",
        "Der Bericht wurde in der Debatte als Beispiel angeführt, dass die Behörde zu langsam arbeite.",
    ],
)
def test_the_subject_of_a_passive_speech_verb_is_not_its_speaker(pipeline: Pipeline, text: str) -> None:
    speakers = _speakers(pipeline, text)
    assert all(speaker not in {"sie", "Der Bericht"} for speaker in speakers)


def test_a_quoted_person_in_the_passive_still_speaks(pipeline: Pipeline) -> None:
    text = "Anna Keller wird in dem Bericht mit den Worten zitiert, die Lage sei ernst."
    assert "Anna Keller" in _speakers(pipeline, text)


def _entity_of(article: Article, entity_id: str | None) -> Entity | None:
    return next((entity for entity in article.entities if entity.id == entity_id), None)


def test_a_reply_is_spoken_by_whom_the_question_was_put_to(pipeline: Pipeline) -> None:
    text = (
        "Peter Brandt, der Kandidat der Partei, wurde am Abend in der Sendung von Thomas Weber gefragt, "
        "warum er überhaupt antrete. Er wolle die Verwaltung modernisieren, antwortete der Politiker."
    )
    article = pipeline(Article.create(text))
    replies = [s for s in article.statements if s.cue is not None and s.cue.text == "antwortete"]
    assert len(replies) == 1 and replies[0].speaker is not None
    entity = _entity_of(article, replies[0].speaker.entity)
    assert entity is not None and entity.name == "Peter Brandt"


@pytest.mark.parametrize(
    ("verb", "singular"),
    [("erklärte", True), ("erklärten", False)],
)
def test_sie_with_a_plural_verb_is_no_single_woman(pipeline: Pipeline, verb: str, singular: bool) -> None:
    text = (
        "Anna Keller traf am Morgen die Vertreter der Gewerkschaft in Kassel. "
        f"Sie {verb}, der Streik gehe weiter."
    )
    article = pipeline(Article.create(text))
    spoken = [s for s in article.statements if s.speaker is not None and s.speaker.text == "Sie"]
    assert len(spoken) == 1
    entity = _entity_of(article, spoken[0].speaker.entity if spoken[0].speaker else None)
    assert (entity is not None and entity.name == "Anna Keller") is singular


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "Im Dorf gibt es Gerüchte, nach denen der Bürgermeister bald zurücktritt.",
            "der Bürgermeister bald zurücktritt",
        ),
        (
            "Dem Amt liegt ein Gutachten vor, laut dem die Brücke einsturzgefährdet ist.",
            "die Brücke einsturzgefährdet ist",
        ),
    ],
)
def test_a_relative_source_clause_is_reported(pipeline: Pipeline, text: str, quote: str) -> None:
    article = pipeline(Article.create(text))
    assert [s.quote.text for s in article.statements if s.rule == "indirect.relative_source"] == [quote]


def test_a_relative_nach_without_a_source_noun_reports_nothing(pipeline: Pipeline) -> None:
    text = "Die Polizei fasste gestern die Täter, nach denen seit Wochen gesucht wurde."
    assert pipeline(Article.create(text)).statements == ()
