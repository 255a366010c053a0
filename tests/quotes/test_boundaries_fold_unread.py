"""False and partial quotations on quotes-wikinews/train (issue 12, nineteenth session: read folds only), each
construction checked on invented sentences."""

from __future__ import annotations

from tests.quotes.statements_of import statements_of
from wortlaut.article import Article, Statement
from wortlaut.pipeline import Pipeline
from wortlaut.quotes.nested import foreign_name, verbatim_parts


def test_a_foreign_name_with_its_function_words_is_no_quotation(pipeline: Pipeline) -> None:
    text = "Die Forscherin berichtete im Fachmagazin „Journal of Applied Ecology“ über ihre Messungen."
    assert all(mode != "direct" for _, _, mode in statements_of(pipeline, text))


def test_a_german_phrase_with_function_words_stays_what_someone_called_something(pipeline: Pipeline) -> None:
    text = "Der Minister bezeichnete den Streik als „Gefahr für Leib und Leben“."
    assert ("„Gefahr für Leib und Leben“", "Der Minister", "direct") in statements_of(pipeline, text)


def test_foreign_name_needs_capitalised_words_and_foreign_joiners_only() -> None:
    assert foreign_name(["Médecins", "du", "Monde"])
    assert foreign_name(["La", "Repubblica", "della", "Sera"])
    assert not foreign_name(["Gefahr", "für", "Leib", "und", "Leben"])
    assert not foreign_name(["Stoppt", "den", "Wahnsinn"])
    assert not foreign_name(["of", "Science"])


def test_a_foreign_name_inside_a_paraphrase_is_no_verbatim_part(pipeline: Pipeline) -> None:
    text = (
        "Der Trainer sagte, die „Gazzetta dello Sport“ habe falsch berichtet, "
        "ihre Zahlen seien „völlig aus der Luft gegriffen“."
    )
    article = pipeline(Article.create(text))
    statement: Statement = next(s for s in article.statements if s.mode == "indirect")
    assert "„Gazzetta dello Sport“" in statement.quote.text
    parts = [text[start:end] for start, end in verbatim_parts(text, statement)]
    assert parts == ["„völlig aus der Luft gegriffen“"]


def test_a_cue_in_an_opening_conditional_clause_frames_no_main_clause(pipeline: Pipeline) -> None:
    for text in (
        "Sollte der Antrag angenommen werden, könnte die Seite wieder online gehen.",
        "Falls die Bären als bedroht eingestuft werden, wäre es die erste Art.",
    ):
        assert statements_of(pipeline, text) == []


def test_a_cue_in_an_opening_clause_keeps_a_reported_clause_that_opens_with_a_subject(
    pipeline: Pipeline,
) -> None:
    text = "Nachdem der Sprecher erklärt hatte, die Lage sei ruhig, kehrten die Anwohner zurück."
    quotes = [quote for quote, _, mode in statements_of(pipeline, text) if mode == "indirect"]
    assert quotes and quotes[0].startswith("die Lage sei ruhig")


def test_a_cue_after_a_comma_keeps_its_clause_after_an_opening_clause(pipeline: Pipeline) -> None:
    text = "Nachdem er aufgewacht war, sagte er, er habe nichts gehört."
    assert ("er habe nichts gehört", "er", "indirect") in statements_of(pipeline, text)


def test_a_speech_verb_negated_before_its_comma_reports_nothing(pipeline: Pipeline) -> None:
    for text in (
        "Ein Sprecher der Armee wollte nicht bestätigen, dass alle Insassen Soldaten waren.",
        "Der Minister wollte sich nicht festlegen, ob die Steuer erhöht werden solle.",
        "Die Minister haben sich nicht darauf geeinigt, Soldaten in das Land zu schicken.",
    ):
        assert statements_of(pipeline, text) == []


def test_a_negation_elsewhere_keeps_the_reported_clause(pipeline: Pipeline) -> None:
    text = "Der Minister bestätigte, dass die Steuer nicht erhöht wird."
    assert ("dass die Steuer nicht erhöht wird", "Der Minister", "indirect") in statements_of(pipeline, text)
    text = "Die Sprecherin wollte nicht bestreiten, dass die Firma Fehler gemacht habe."
    quotes = [quote for quote, _, _ in statements_of(pipeline, text)]
    assert "dass die Firma Fehler gemacht habe" in quotes


def test_the_object_of_a_verb_of_judging_is_its_target_not_what_was_said(pipeline: Pipeline) -> None:
    for text in (
        "Der Sprecher der Firma wies den Vorwurf der Ermittler zurück.",
        "Vertreter der Kirchen verurteilten den Einsatz der Polizei.",
        "Der Angeklagte wurde zu einer Bewährungsstrafe verurteilt.",
    ):
        assert statements_of(pipeline, text) == []


def test_a_verb_of_judging_with_an_als_predicate_still_reports(pipeline: Pipeline) -> None:
    text = "Das Ministerium verurteilte den Anschlag als barbarische Tat."
    assert statements_of(pipeline, text) == [(text, "Das Ministerium", "reported")]


def test_criticism_of_an_object_stays_a_report(pipeline: Pipeline) -> None:
    text = "Die Opposition kritisierte die Pläne der Regierung."
    assert statements_of(pipeline, text) == [(text, "Die Opposition", "reported")]


def test_a_second_finite_verb_after_the_comma_opens_no_reported_clause(pipeline: Pipeline) -> None:
    text = "Die Behörden bestätigten den Unfall, teilten jedoch mit, es sei unklar, wer ihn verursacht habe."
    quotes = [quote for quote, _, _ in statements_of(pipeline, text)]
    assert quotes == ["es sei unklar, wer ihn verursacht habe"]


def test_a_verb_first_conditional_with_sollte_stays_in_the_report(pipeline: Pipeline) -> None:
    text = "Die Regierung drohte, sollte der Putschist die Macht übernehmen, alle Hilfen sofort auszusetzen."
    quotes = [quote for quote, _, _ in statements_of(pipeline, text)]
    assert quotes == ["sollte der Putschist die Macht übernehmen, alle Hilfen sofort auszusetzen"]


def test_the_pluperfect_of_davon_ausgehen_frames_its_clause(pipeline: Pipeline) -> None:
    text = "Die Forscher waren bisher davon ausgegangen, dass die Menschen vor allem Fleisch aßen."
    assert statements_of(pipeline, text) == [
        ("dass die Menschen vor allem Fleisch aßen", "Die Forscher", "indirect")
    ]


def test_ausgegangen_without_its_correlate_is_no_cue(pipeline: Pipeline) -> None:
    text = "Der Streit war von der Firma ausgegangen, die damals den Konzern übernehmen wollte."
    assert statements_of(pipeline, text) == []
