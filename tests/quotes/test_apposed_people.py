"""A person carried to a frameless statement keeps the appositions around the name (issue 12, eleventh
session): the quotes-wikinews guidelines (section 5.3) put appositions into the speaker, and the speaker's
entity stays the person, not the organisation named in the role.  Invented sentences, whole pipeline."""

from __future__ import annotations

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline


def _speakers(pipeline: Pipeline, text: str) -> list[tuple[str, str | None, str | None]]:
    article = pipeline(Article.create(text))
    names = {entity.id: (entity.name, entity.type) for entity in article.entities}
    result = []
    for statement in article.statements:
        speaker = statement.speaker
        entity = names.get(speaker.entity) if speaker is not None and speaker.entity else None
        result.append((statement.mode, speaker.text if speaker else None, entity[1] if entity else None))
    return result


def test_a_role_before_the_name_belongs_to_the_carried_speaker(pipeline: Pipeline) -> None:
    found = _speakers(
        pipeline,
        "Die Fraktionschefin der Grünen, Renate Albers, äußerte sich kritisch. "
        "Sie rate zum Kauf japanischer Autos.",
    )
    assert found == [("free_indirect", "Die Fraktionschefin der Grünen, Renate Albers", "PER")]


def test_an_apposition_after_the_name_belongs_to_the_carried_speaker(pipeline: Pipeline) -> None:
    found = _speakers(
        pipeline,
        "Erkki Lindholm, Präsident des Europäischen Rates, äußerte sich am Montag kritisch. "
        "Die Lage an der Grenze sei sehr ernst.",
    )
    assert found == [("free_indirect", "Erkki Lindholm, Präsident des Europäischen Rates", "PER")]


def test_the_same_person_named_again_between_keeps_the_fuller_speaker_phrase(pipeline: Pipeline) -> None:
    found = _speakers(
        pipeline,
        "„Wir bauen neu“, sagte Ministerpräsident Günther Albrecht am Montag in Stuttgart. "
        "Albrecht besuchte danach die Baustelle am Hafen. Das Geld dafür sei bereits vorhanden.",
    )
    assert [speaker for _, speaker, _ in found] == ["Ministerpräsident Günther Albrecht"] * 2


def test_another_person_named_between_is_still_taken(pipeline: Pipeline) -> None:
    found = _speakers(
        pipeline,
        "„Wir bauen neu“, sagte Ministerpräsident Günther Albrecht am Montag in Stuttgart. "
        "Bürgermeisterin Karin Wendt besuchte danach die Baustelle am Hafen. "
        "Das Geld dafür sei bereits vorhanden.",
    )
    assert found[1][1] is not None and "Karin Wendt" in found[1][1]
