"""Speaker losses found on quotes-wikinews/train (issue 12, thirteenth session), each checked on invented
sentences: an adverb between an inverted speech verb and its subject, the agent of a passive, a temporal
``Danach``, a carried speaker that names no one, the subject before free indirect speech, ``zu`` in a speaker
phrase; and ``mit X`` and the object of ``vorwerfen`` as addressees."""

from __future__ import annotations

import pytest

from tests.quotes.speaking import speaker_texts as _speakers
from wortlaut.article import Article
from wortlaut.pipeline import Pipeline
from wortlaut.quotes.extract import build_context
from wortlaut.quotes.lexicon import load_lexicon
from wortlaut.quotes.speaker_checks import names_someone


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Die Brücke bleibt bis Ende Mai gesperrt. Das bestätigte gestern ein Sprecher des Bauamts.",
            "ein Sprecher des Bauamts",
        ),
        (
            "Am Montag erklärte bereits die Leiterin der Schule, der Unterricht falle aus.",
            "die Leiterin der Schule",
        ),
    ],
)
def test_a_tagged_adverb_after_the_inverted_verb_does_not_hide_the_subject(
    pipeline: Pipeline, text: str, speaker: str
) -> None:
    assert _speakers(pipeline, text) == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Die Brücke bleibt gesperrt. Das wurde vom Presseamt der Stadt am Montag bekannt gegeben.",
            "Presseamt der Stadt",
        ),
        ("Von den Gutachtern wird angenommen, dass die Brücke noch hält.", "den Gutachtern"),
    ],
)
def test_the_agent_of_a_passive_speech_verb_speaks(pipeline: Pipeline, text: str, speaker: str) -> None:
    assert _speakers(pipeline, text) == [speaker]


def test_the_von_phrase_of_berichten_is_no_agent(pipeline: Pipeline) -> None:
    assert "einer Gefahr" not in _speakers(
        pipeline, "In der Stadt wird von einer Gefahr berichtet, dass der Damm breche."
    )


def test_a_temporal_danach_is_no_attribution(pipeline: Pipeline) -> None:
    text = "Die Gäste feierten bis zum Morgen im Saal. Danach räumten die Helfer die Tische und Stühle weg."
    assert [s.rule for s in pipeline(Article.create(text)).statements] == []


def test_danach_after_a_study_attributes_its_sentence(pipeline: Pipeline) -> None:
    text = "Am Montag wurde eine Studie zum Verkehr vorgestellt. Danach fahren mehr Menschen mit dem Rad."
    assert [s.rule for s in pipeline(Article.create(text)).statements] == ["indirect.danach"]


@pytest.mark.parametrize(
    ("phrase", "named"),
    [
        ("Eine Laboranalyse", False),
        ("die Haltung der Regierung", False),
        ("die Bahn-Sprecherin", True),
        ("Anna Berg", True),
        ("er", True),
    ],
)
def test_a_carried_speaker_must_name_someone(pipeline: Pipeline, phrase: str, named: bool) -> None:
    text = f"Am Montag kam {phrase} zu Wort. Danach ging es weiter."
    article = pipeline(Article.create(text))
    ctx = build_context(article, load_lexicon())
    start = text.index(phrase)
    assert names_someone(ctx, (start, start + len(phrase)), article.mentions) is named


def _addressees(pipeline: Pipeline, text: str) -> list[str | None]:
    article = pipeline(Article.create(text))
    return [s.addressee.text if s.addressee else None for s in article.statements]


def test_mit_after_a_speech_verb_is_no_addressee(pipeline: Pipeline) -> None:
    text = "Der Minister sprach mit den Grünen über den Plan, man werde sich bald einigen."
    assert _addressees(pipeline, text) == [None]


def test_the_interview_partner_stays_the_addressee(pipeline: Pipeline) -> None:
    text = "Der Trainer sagte in einem Interview mit der Sportschau, die Mannschaft sei müde."
    assert _addressees(pipeline, text) == ["der Sportschau"]


def test_the_accusative_after_the_dative_of_vorwerfen_is_no_addressee(pipeline: Pipeline) -> None:
    text = "Im Landtag warf die Opposition dem Innenminister Untätigkeit vor."
    assert _addressees(pipeline, text) == ["dem Innenminister"]


def test_free_indirect_speech_after_a_non_speech_verb_takes_the_named_subject(pipeline: Pipeline) -> None:
    text = "Die Ministerin besuchte am Montag die Werke. Die Beschäftigten seien seit Monaten verunsichert."
    assert _speakers(pipeline, text) == ["Die Ministerin"]


def test_an_unnamed_subject_before_free_indirect_speech_does_not_speak(pipeline: Pipeline) -> None:
    text = "Das Wetter blieb am Montag in Bremen kalt. Die Beschäftigten seien seit Monaten verunsichert."
    assert _speakers(pipeline, text) in ([None], [])


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Von dem Wagen sei laut Polizei zu Straftaten aufgerufen worden.", "Polizei"),
        ("Laut Karl-Theodor zu Guttenberg sei der Plan gescheitert.", "Karl-Theodor zu Guttenberg"),
    ],
)
def test_zu_continues_a_speaker_phrase_only_with_a_name(pipeline: Pipeline, text: str, speaker: str) -> None:
    assert _speakers(pipeline, text) == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Den Vorschlag lehnte der Minister ab, weil er zu teuer sei.", "der Minister"),
        ("Einen Rücktritt lehnte die Ministerin ab, weil sie bleiben wolle.", "die Ministerin"),
    ],
)
def test_an_accusative_phrase_is_no_speaker(pipeline: Pipeline, text: str, speaker: str) -> None:
    assert _speakers(pipeline, text) == [speaker]


def test_an_object_after_the_verb_is_no_inverted_speaker(pipeline: Pipeline) -> None:
    text = "Es weist den Vorwurf als abwegig zurück, man hätte zu lange verhandelt."
    assert _speakers(pipeline, text) != ["den Vorwurf"]


def test_a_phrase_of_the_reported_clause_is_no_speaker(pipeline: Pipeline) -> None:
    text = "Am Abend erklärte die Sprecherin der Stadt, der Bürgermeister Hans Berg sei erkrankt."
    assert _speakers(pipeline, text) == ["die Sprecherin der Stadt"]
