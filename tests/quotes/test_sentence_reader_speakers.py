"""Speakers after the sentence reader's year rule and of quoting passives (issue 12, twentieth session:
errors read from folds 0 and 1 of quotes-wikinews/train only, fold 2 unread), on invented sentences."""

from __future__ import annotations

import pytest

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline
from wortlaut.quotes import according, carry, direct, frame_parts, phrase_extent, trailing


def _speaker_of(pipeline: Pipeline, text: str, words: str) -> str | None:
    """The speaker of the statement whose quotation holds ``words``."""
    article = pipeline(Article.create(text))
    found = [s.speaker.text if s.speaker else None for s in article.statements if words in s.quote.text]
    assert found, [(s.quote.text, s.speaker) for s in article.statements]
    return found[0]


QUOTED_BY_AGENCY = (
    "Die Gemeinde wählte zum ersten Mal seit dem Jahr 1990. "
    "Bürgermeisterin Karla Imhof wird von der Nachrichtenagentur dpa mit den Worten zitiert, "
    "die Wahl sei ruhig verlaufen."
)


def test_the_subject_of_a_quoting_passive_speaks_not_its_agent(pipeline: Pipeline) -> None:
    assert _speaker_of(pipeline, QUOTED_BY_AGENCY, "ruhig verlaufen") == "Bürgermeisterin Karla Imhof"


def test_the_subject_of_a_quoting_passive_without_the_rule(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(frame_parts, "QUOTING_AGENTS", False)
    assert _speaker_of(pipeline, QUOTED_BY_AGENCY, "ruhig verlaufen") == "der Nachrichtenagentur dpa"


def test_the_agent_of_another_passive_speech_verb_still_speaks(pipeline: Pipeline) -> None:
    text = "Der Plan wurde vom Presseamt der Stadt bekannt gegeben, die Straße werde gesperrt."
    assert _speaker_of(pipeline, text, "gesperrt") == "Presseamt der Stadt"


PARTIAL_BEFORE_FRAME = (
    "Der Verband begrüßte die Entscheidung. Nach einer Wahl könne die Politik die Bedingungen schaffen, "
    "„dass mehr Wachstum in unserem Land entsteht“, erklärte der Verbandspräsident Jan Roth."
)


def test_a_clause_ending_in_a_partial_quotation_is_reported_by_the_trailing_frame(pipeline: Pipeline) -> None:
    assert _speaker_of(pipeline, PARTIAL_BEFORE_FRAME, "Nach einer Wahl") == "der Verbandspräsident Jan Roth"


def test_a_clause_ending_in_a_partial_quotation_without_the_rule(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(trailing, "PARTIAL_QUOTES", False)
    assert _speaker_of(pipeline, PARTIAL_BEFORE_FRAME, "Nach einer Wahl") != "der Verbandspräsident Jan Roth"


def test_a_quotation_after_a_colon_stays_a_direct_statement_of_the_frame(pipeline: Pipeline) -> None:
    text = (
        "Der Trainer war nach dem Spiel froh: „Wir haben gut gekämpft“, sagte Jan Roth. "
        "Das nächste Spiel ist am Samstag."
    )
    article = pipeline(Article.create(text))
    quotes = [(s.quote.text, s.rule) for s in article.statements]
    assert ("„Wir haben gut gekämpft“", "direct.frame_after") in quotes, quotes


SO_FURTHER = (
    "Der Minister Jan Roth lobte die Firma. Er hält es für möglich, dass der Chef nichts wusste. "
    "Auch diese Praxis habe Methode, so Elshorst weiter: „Das ist in anderen Firmen üblich, dass die Spitze "
    "keine Ahnung hat, was läuft.“"
)


def test_a_so_frame_with_a_particle_before_its_colon_frames_the_clause(pipeline: Pipeline) -> None:
    assert _speaker_of(pipeline, SO_FURTHER, "Methode") == "Elshorst"


def test_a_so_frame_with_a_particle_before_its_colon_without_the_rule(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(according, "SO_PARTICLES", False)
    assert _speaker_of(pipeline, SO_FURTHER, "Methode") == "Er"


ADVERB_SO = "Der Minister Jan Roth lobte die Firma. Dennoch, so Anna Elshorst, habe die Firma zu wenig getan."


def test_an_inserted_so_frame_after_a_one_word_adverb_prefield_names_the_speaker(pipeline: Pipeline) -> None:
    assert _speaker_of(pipeline, ADVERB_SO, "zu wenig") == "Anna Elshorst"


def test_an_inserted_so_frame_after_an_adverb_without_the_rule(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(according, "ADVERB_BEFORE_SO", False)
    assert _speaker_of(pipeline, ADVERB_SO, "zu wenig") == "Der Minister Jan Roth"


FRAME_NEXT = "Die Firma wächst. Das könne zum Problem werden. „Die Regeln machen andere“, so Anna Barth."


def test_a_speakerless_free_indirect_sentence_takes_the_frame_after_the_next_quotation(
    pipeline: Pipeline,
) -> None:
    assert _speaker_of(pipeline, FRAME_NEXT, "zum Problem") == "Anna Barth"


def test_a_speakerless_free_indirect_sentence_without_the_rule(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(carry, "FRAMES_AFTER", False)
    assert _speaker_of(pipeline, FRAME_NEXT, "zum Problem") is None


def test_a_carried_speaker_is_not_replaced_by_the_frame_after(pipeline: Pipeline) -> None:
    text = (
        "Der Minister Jan Roth sagte, die Firma wachse. Das könne zum Problem werden. "
        "„Die Regeln machen andere“, so Anna Barth."
    )
    assert _speaker_of(pipeline, text, "zum Problem") == "Der Minister Jan Roth"


CONCEDED = "Die Debatte begann am Morgen. „Ja, es gibt Zumutungen.“ Das musste Minister Peer Roth einräumen."


@pytest.mark.parametrize(
    "frame",
    [
        "Das musste Minister Peer Roth einräumen.",
        "Das hat Minister Peer Roth eingeräumt.",
        "Das sagte Minister Peer Roth.",
    ],
)
def test_a_demonstrative_sentence_after_a_quotation_frames_it(pipeline: Pipeline, frame: str) -> None:
    text = f"Die Debatte begann am Morgen. „Ja, es gibt Zumutungen.“ {frame}"
    assert _speaker_of(pipeline, text, "Zumutungen") == "Minister Peer Roth"


def test_a_demonstrative_sentence_after_a_quotation_without_the_rule(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(direct, "DEMONSTRATIVE_SENTENCES", False)
    assert _speaker_of(pipeline, CONCEDED, "Zumutungen") is None


def test_a_quotation_framed_before_its_colon_keeps_that_frame(pipeline: Pipeline) -> None:
    text = "Weiter sagte Anna Roth: „Wir werden offen sein.“ Das betonte der Chef der Firma vor Kunden."
    assert _speaker_of(pipeline, text, "offen sein") == "Anna Roth"


SO_CALLED = "Sie seien außer Lebensgefahr, sagte Mark Keefe, der Sprecher der so genannten „EVAC-Ambulanz“."


def test_an_extended_attribute_may_close_before_a_quoted_name(pipeline: Pipeline) -> None:
    speaker = _speaker_of(pipeline, SO_CALLED, "Lebensgefahr")
    assert speaker == "Mark Keefe, der Sprecher der so genannten „EVAC-Ambulanz“"


def test_an_extended_attribute_before_a_quoted_name_without_the_rule(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(phrase_extent, "ATTRIBUTE_QUOTED_NAMES", False)
    assert _speaker_of(pipeline, SO_CALLED, "Lebensgefahr") == "Mark Keefe"


TWO_WORD_PLACE = "Das sei ein Symbol, meint Rick Homans vom Sekretariat für Entwicklung in New Mexico."


def test_a_place_of_two_names_belongs_to_the_speaker_phrase(pipeline: Pipeline) -> None:
    speaker = _speaker_of(pipeline, TWO_WORD_PLACE, "Symbol")
    assert speaker == "Rick Homans vom Sekretariat für Entwicklung in New Mexico"


def test_a_place_of_two_names_without_the_rule(pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(phrase_extent, "TWO_WORD_PLACES", False)
    assert _speaker_of(pipeline, TWO_WORD_PLACE, "Symbol") == "Rick Homans vom Sekretariat für Entwicklung"
