"""Reported speech never found on quotes-wikinews/train (issue 12, seventeenth session, third round: the
read folds only), each construction checked on invented sentences."""

from __future__ import annotations

from tests.quotes.statements_of import statements_of
from wortlaut.pipeline import Pipeline


def test_an_alleged_relative_clause_is_reported_without_the_rest(pipeline: Pipeline) -> None:
    text = "Die Feuerwehr fand einen Kurzschluss in der Station, welcher dann das Öl entzündet haben soll."
    quotes = [quote for quote, _, _ in statements_of(pipeline, text)]
    assert "welcher dann das Öl entzündet haben soll" in quotes
    assert text.rstrip(".") not in quotes


def test_an_alleged_main_clause_after_a_comma_is_reported(pipeline: Pipeline) -> None:
    text = "Ein Beamter wurde festgenommen, er soll den Ausbrechern zur Flucht verholfen haben."
    assert statements_of(pipeline, text) == [
        ("er soll den Ausbrechern zur Flucht verholfen haben", None, "free_indirect")
    ]


def test_a_relative_clause_in_the_prefield_does_not_hide_the_allegation(pipeline: Pipeline) -> None:
    text = "Bei einem Schusswechsel, der dann stattfand, soll der Mann getötet worden sein."
    assert [quote for quote, _, _ in statements_of(pipeline, text)] == ["soll der Mann getötet worden sein"]


def test_a_plan_in_a_relative_clause_is_no_allegation(pipeline: Pipeline) -> None:
    assert statements_of(pipeline, "Toyota zeigt einen Wagen, der 2010 in Serie gehen soll.") == []
    assert statements_of(pipeline, "Der Zug, der im Mai fahren soll, ist fertig.") == []


def test_an_author_question_is_no_allegation(pipeline: Pipeline) -> None:
    assert statements_of(pipeline, "Wer weiß schon, ob er das Geld gestohlen haben soll?") == []


def test_a_nominative_pronoun_after_the_verb_makes_the_prefield_the_object(pipeline: Pipeline) -> None:
    assert statements_of(pipeline, "Die Tat bezeichnete er als sinnlos.") == [
        ("Die Tat bezeichnete er als sinnlos.", "er", "reported")
    ]


def test_an_accusative_prefield_is_the_reported_object(pipeline: Pipeline) -> None:
    assert statements_of(pipeline, "Den Vorschlag lehnte der Minister ab.") == [
        ("Den Vorschlag lehnte der Minister ab.", "der Minister", "reported")
    ]


def test_a_prefield_adverb_is_no_object(pipeline: Pipeline) -> None:
    assert statements_of(pipeline, "Gestern lehnte er ab.") == []


def test_a_passive_dative_prefield_is_no_reported_object(pipeline: Pipeline) -> None:
    statements = statements_of(pipeline, "Dem Politiker werden Betrug und Untreue vorgeworfen.")
    assert all(quote != "Dem Politiker werden Betrug und Untreue vorgeworfen." for quote, _, _ in statements)


def test_sprechen_fuer_is_evidence_not_speech(pipeline: Pipeline) -> None:
    assert statements_of(pipeline, "Die Zahlen sprechen für den Kandidaten.") == []
    assert statements_of(pipeline, "Der Minister sprach von einem Erfolg.") == [
        ("Der Minister sprach von einem Erfolg.", "Der Minister", "reported")
    ]


def test_a_disaster_claiming_lives_demands_nothing(pipeline: Pipeline) -> None:
    assert statements_of(pipeline, "Das Erdbeben forderte mindestens 200 Todesopfer.") == []
    assert statements_of(pipeline, "Die Gewerkschaft forderte mehr Lohn.") == [
        ("Die Gewerkschaft forderte mehr Lohn.", "Die Gewerkschaft", "reported")
    ]


def test_a_verb_first_unreal_condition_is_the_authors_hypothesis(pipeline: Pipeline) -> None:
    text = (
        "Der Arzt sagte, der Wert sei hoch. "
        "Hätte er nur Bier getrunken, so müsste er zwölf Liter davon getrunken haben."
    )
    assert [quote for quote, _, _ in statements_of(pipeline, text)] == ["der Wert sei hoch"]


def test_a_falls_condition_in_konjunktiv_two_is_no_free_indirect_speech(pipeline: Pipeline) -> None:
    text = "Der Minister sagte, die Lage sei ernst. Falls die Regierung stürzte, hätten sie keine Chance."
    assert [quote for quote, _, _ in statements_of(pipeline, text)] == ["die Lage sei ernst"]


def test_konjunktiv_two_without_a_condition_still_continues_the_report(pipeline: Pipeline) -> None:
    text = "Der Minister sagte, die Lage sei ernst. Die Kosten würden steigen."
    assert ("Die Kosten würden steigen.", "Der Minister", "free_indirect") in statements_of(pipeline, text)
