"""Reported speech: an ``als`` prefield, estimates, a long middle field before a separated particle (issue 12,
fifteenth session, second round; the constructions counted on quotes-wikinews/train's never-found Reported
quotations, tested on invented sentences)."""

from __future__ import annotations

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline

_LEAD = "Der Stadtrat tagte am Montag. "


def _found(pipeline: Pipeline, text: str) -> list[tuple[str, str | None, str]]:
    """(quote, speaker, rule) of each statement."""
    article = pipeline(Article.create(_LEAD + text))
    return [(s.quote.text, s.speaker.text if s.speaker else None, s.rule) for s in article.statements]


def test_a_long_als_prefield_before_the_speech_verb_reports_the_sentence(pipeline: Pipeline) -> None:
    text = "Als Grund für die Absage nannte der Trainer die Verletzung des Torwarts."
    assert _found(pipeline, text) == [(text, "der Trainer", "reported.object")]


def test_an_als_prefield_before_a_passive_speech_verb_reports_without_a_speaker(pipeline: Pipeline) -> None:
    text = "Als Ursache des Brandes wurde ein defektes Kabel angegeben."
    assert _found(pipeline, text) == [(text, None, "reported.passive")]


def test_an_als_clause_that_ends_in_the_verb_is_no_prefield(pipeline: Pipeline) -> None:
    text = "Als der Trainer die Verletzung des Torwarts nannte, wurde es still im Saal."
    assert _found(pipeline, text) == []


def test_schaetzen_without_a_number_is_an_appraisal_not_a_report(pipeline: Pipeline) -> None:
    assert _found(pipeline, "Der Trainer schätzt seine Spieler sehr.") == []


def test_a_separated_particle_after_a_long_middle_field_closes_the_cue(pipeline: Pipeline) -> None:
    text = (
        "Bereits im Januar kündigte der amerikanische Autohersteller Nordwind Motors (NWM) den Bau "
        "des schnellsten Elektroautos der Welt an."
    )
    assert _found(pipeline, text) == [
        (text, "der amerikanische Autohersteller Nordwind Motors (NWM)", "reported.object")
    ]
