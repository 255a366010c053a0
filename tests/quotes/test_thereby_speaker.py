"""``Demnach …`` is its own speaker phrase, as the quotes-wikinews guidelines annotate it, and stands for the
source before it, as a pronoun does (issue 12, eleventh session).  Invented sentences, whole pipeline."""

from __future__ import annotations

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline


def test_demnach_is_the_speaker_phrase_and_links_to_the_previous_speaker(pipeline: Pipeline) -> None:
    article = pipeline(
        Article.create(
            "„Die Lage ist ernst“, sagte Innenministerin Karla Brenner am Montag in Berlin. "
            "Demnach sollen an allen Grenzen weitere Kontrollen stattfinden."
        )
    )
    first, second = article.statements
    assert second.rule == "indirect.demnach"
    assert second.speaker is not None and second.speaker.text == "Demnach"
    assert first.speaker is not None and second.speaker.entity == first.speaker.entity is not None


def test_wonach_after_a_phrase_keeps_that_phrase_as_speaker(pipeline: Pipeline) -> None:
    article = pipeline(
        Article.create("Es gibt eine Studie der Universität Bonn, wonach die Preise stark steigen werden.")
    )
    speakers = [s.speaker.text for s in article.statements if s.speaker is not None]
    assert speakers and all(speaker != "wonach" for speaker in speakers)


def test_a_konjunktiv_sentence_after_demnach_takes_the_speaker_demnach_points_to(pipeline: Pipeline) -> None:
    article = pipeline(
        Article.create(
            "„Die Lage ist ernst“, sagte Innenministerin Karla Brenner am Montag in Berlin. "
            "Demnach sollen an allen Grenzen weitere Kontrollen stattfinden. "
            "Die Polizei müsse dafür mehr Personal bekommen."
        )
    )
    speakers = [s.speaker.text if s.speaker else None for s in article.statements]
    assert speakers == ["Innenministerin Karla Brenner", "Demnach", "Innenministerin Karla Brenner"]
