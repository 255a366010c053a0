"""Reported clauses that the rules did not find (issue 12, sixth session; classes read off
quotes-wikinews/train, tested on invented sentences)."""

from __future__ import annotations

from tests.quotes.statements_of import statements_of
from wortlaut.pipeline import Pipeline

_LEAD = "Der Stadtrat tagte am Montag. "


def test_a_zu_infinitive_followed_by_a_relative_clause_is_reported(pipeline: Pipeline) -> None:
    text = "Die Bürgermeisterin hat angekündigt, einen Beirat zu gründen, der die Pläne prüfen soll."
    assert statements_of(pipeline, _LEAD + text) == [
        ("einen Beirat zu gründen, der die Pläne prüfen soll", "Die Bürgermeisterin", "indirect")
    ]


def test_a_clause_that_is_not_a_zu_infinitive_before_its_comma_stays_unreported(pipeline: Pipeline) -> None:
    text = "Die Bürgermeisterin hat angekündigt, der Beirat tagt im Mai, wenn alle zurück sind."
    assert statements_of(pipeline, _LEAD + text) == []


def test_a_present_plural_form_of_a_separable_speech_verb_is_a_cue(pipeline: Pipeline) -> None:
    text = "Die Anwohner werfen der Firma vor, den Lärm seit Jahren zu verschweigen."
    assert statements_of(pipeline, _LEAD + text) == [
        ("den Lärm seit Jahren zu verschweigen", "Die Anwohner", "indirect")
    ]
