"""Reported speech on quotes-wikinews/train (issue 12, twentieth session: read folds 0 and 1 only):
whole-sentence reports that say nothing, and constructions the rules never opened, each checked on invented
sentences."""

from __future__ import annotations

from tests.quotes.statements_of import statements_of
from wortlaut.pipeline import Pipeline


def test_a_negated_speech_verb_reports_no_object(pipeline: Pipeline) -> None:
    for text in (
        "Die Herkunft des Geldes gab die Firma nicht bekannt.",
        "Die Ursache des Brandes wurde von der Feuerwehr nicht genannt.",
        "Der Verband kündigte keine weiteren Streiks an.",
    ):
        assert statements_of(pipeline, text) == []


def test_the_same_verb_unnegated_still_reports_its_object(pipeline: Pipeline) -> None:
    text = "Der Verband kündigte weitere Streiks an."
    assert statements_of(pipeline, text) == [(text, "Der Verband", "reported")]


def test_nicht_nur_and_a_negation_in_a_coordinated_clause_leave_the_report(pipeline: Pipeline) -> None:
    for text in (
        "Der Verband forderte nicht nur höhere Löhne, sondern auch kürzere Arbeitszeiten.",
        "Der Sprecher verwies auf das schlechte Wetter und wollte keine Ursache ausschließen.",
    ):
        assert [mode for _, _, mode in statements_of(pipeline, text)] == ["reported"]


def test_a_konjunktiv_ii_clause_after_a_speech_noun_is_its_content(pipeline: Pipeline) -> None:
    text = "Einige Forscher vertreten die Auffassung, die Erde befände sich in einer Krise."
    expected = ("die Erde befände sich in einer Krise", "Einige Forscher", "indirect")
    assert statements_of(pipeline, text) == [expected]


def test_a_relative_clause_in_konjunktiv_ii_after_a_speech_noun_is_no_content(pipeline: Pipeline) -> None:
    assert statements_of(pipeline, "Die Forderung, die er stellen würde, ist nicht neu.") == []


def test_a_clause_after_errechnen_or_abstreiten_is_reported(pipeline: Pipeline) -> None:
    text = "Die Wahlhelfer errechneten, dass beide Kandidaten gleich viele Stimmen erhielten."
    expected = ("dass beide Kandidaten gleich viele Stimmen erhielten", "Die Wahlhelfer", "indirect")
    assert statements_of(pipeline, text) == [expected]
    text = "Die Stadt hat monatelang abgestritten, dass es ein Problem gebe."
    assert statements_of(pipeline, text) == [("dass es ein Problem gebe", "Die Stadt", "indirect")]


def test_streiten_without_its_particle_is_no_cue(pipeline: Pipeline) -> None:
    assert statements_of(pipeline, "Der Bürgermeister stritt mit dem Rat über den Haushalt.") == []


def test_kein_in_an_als_predicate_is_what_was_said(pipeline: Pipeline) -> None:
    text = "Der Minister bezeichnete die Lage als keine Krise."
    assert statements_of(pipeline, text) == [(text, "Der Minister", "reported")]


def test_erklaeren_fuer_a_predicative_sets_a_status_and_reports_nothing(pipeline: Pipeline) -> None:
    for text in (
        "Der Schiedsrichter erklärte das Tor dennoch für gültig.",
        "Der Veranstalter erklärte die Demonstration am Nachmittag für beendet.",
    ):
        assert statements_of(pipeline, text) == []


def test_erklaeren_with_a_fuer_attribute_still_reports(pipeline: Pipeline) -> None:
    text = "Der Minister erklärte die Gründe für den Rückzug."
    assert statements_of(pipeline, text) == [(text, "Der Minister", "reported")]


def test_a_speech_verb_whose_object_names_its_act_reports_nothing(pipeline: Pipeline) -> None:
    for text in (
        "Das Urteil sprechen die Richter erst im Mai.",
        "Das Gericht verkündete heute das Urteil gegen die Angeklagten.",
        "Der Präsident sprach den Angehörigen sein Beileid aus.",
        "Der Vorstand erklärte am Montag seinen Rücktritt.",
    ):
        assert statements_of(pipeline, text) == []


def test_demanding_the_same_act_is_still_a_report(pipeline: Pipeline) -> None:
    text = "Die Opposition forderte den Rücktritt des Ministers."
    assert statements_of(pipeline, text) == [(text, "Die Opposition", "reported")]


def test_deciding_whether_is_an_open_question_not_a_statement(pipeline: Pipeline) -> None:
    for text in (
        "Sie wird dem Richter vorgeführt, der entscheidet, ob Haft angeordnet wird.",
        "Nun liegt es an dem Ministerrat, darüber zu entscheiden, ob die Verhandlungen aufgenommen werden.",
    ):
        assert statements_of(pipeline, text) == []


def test_what_was_decided_is_still_reported(pipeline: Pipeline) -> None:
    text = "Das Gericht hat entschieden, dass die Anlage stillgelegt werden muss."
    expected = ("dass die Anlage stillgelegt werden muss", "Das Gericht", "indirect")
    assert expected in statements_of(pipeline, text)


def test_a_speech_verb_in_parentheses_frames_no_clause_after_them(pipeline: Pipeline) -> None:
    text = "Auf dem Parteitag (die Zeitung berichtete) gab es keine Einigung darüber, ob die Partei antritt."
    assert statements_of(pipeline, text) == []


def test_danach_with_a_pronoun_subject_goes_on_with_the_story(pipeline: Pipeline) -> None:
    text = "Die Studie wurde in Berlin vorgestellt. Danach schuf er eine neue Figur für die Bühne."
    assert statements_of(pipeline, text) == []


def test_danach_with_a_noun_subject_or_a_konjunktiv_still_reports_the_source(pipeline: Pipeline) -> None:
    before = "Die Studie wurde in Berlin vorgestellt. "
    for sentence, quote in (
        ("Danach bestimmen viele Gewaltformen den Alltag.", "bestimmen viele Gewaltformen den Alltag"),
        ("Danach habe er eine Figur geschaffen.", "habe er eine Figur geschaffen"),
    ):
        assert [q for q, _, _ in statements_of(pipeline, before + sentence)] == [quote]


def test_erst_nach_is_temporal_not_a_source(pipeline: Pipeline) -> None:
    text = "Erst nach umfangreichen Ermittlungen der Anwältin war genug Material beisammen."
    assert statements_of(pipeline, text) == []
    text = "Nach Angaben der Polizei war genug Material beisammen."
    assert [mode for _, _, mode in statements_of(pipeline, text)] == ["reported"]
