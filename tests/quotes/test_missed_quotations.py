"""Quotations the rules never found (issue 12, twelfth session; classes counted on a sample of
quotes-wikinews/train's missed indirect and reported quotations, tested on invented sentences)."""

from __future__ import annotations

from tests.quotes.statements_of import statements_of
from wortlaut.pipeline import Pipeline

_LEAD = "Der Stadtrat tagte am Montag. "


def test_a_separated_particle_after_an_apposition_still_closes_the_cue(pipeline: Pipeline) -> None:
    text = "Am Dienstag gab der Leiter des Bauamts, Peter Kramer, bekannt, dass die Brücke gesperrt werde."
    assert statements_of(pipeline, _LEAD + text) == [
        ("dass die Brücke gesperrt werde", "der Leiter des Bauamts, Peter Kramer", "indirect")
    ]


def test_a_particle_written_apart_before_a_verb_final_cue_belongs_to_it(pipeline: Pipeline) -> None:
    text = "Die Brücke bleibt bis Mai gesperrt, wie die Stadtverwaltung am Montag bekannt gab."
    found = statements_of(pipeline, _LEAD + text)
    assert [(quote, mode) for quote, _, mode in found] == [("Die Brücke bleibt bis Mai gesperrt", "indirect")]
    assert found[0][1] is not None and "Stadtverwaltung" in found[0][1]


def test_a_particle_written_apart_before_a_participle_belongs_to_it(pipeline: Pipeline) -> None:
    text = "Von der Stadt wurde am Montag bekannt gegeben, dass die Brücke bis Mai gesperrt bleibe."
    assert [mode for _, _, mode in statements_of(pipeline, _LEAD + text)] == ["indirect"]


def test_a_zu_infinitive_after_a_saying_verb_without_an_infinitive_frame_is_reported(
    pipeline: Pipeline,
) -> None:
    text = "Der Fahrer gab an, nur ein Glas Wein getrunken zu haben."
    assert statements_of(pipeline, _LEAD + text) == [
        ("nur ein Glas Wein getrunken zu haben", "Der Fahrer", "indirect")
    ]


def test_a_purpose_clause_after_a_speech_verb_is_not_reported(pipeline: Pipeline) -> None:
    text = "Die Ministerin betonte die Ziele am Montag in Kiel, um für ihre Reform zu werben."
    assert not any(quote.startswith("um") for quote, _, _ in statements_of(pipeline, _LEAD + text))


def test_a_zu_infinitive_after_an_object_of_a_verb_without_an_infinitive_frame_is_not_reported(
    pipeline: Pipeline,
) -> None:
    text = "Jeden Tag erzählt die Zeugin ihre Geschichte, gerade jungen Menschen Mut zu machen."
    assert statements_of(pipeline, _LEAD + text) == []


def test_zu_before_an_infinitive_is_no_particle_written_apart(pipeline: Pipeline) -> None:
    text = "Die Behörde nannte als Ziel, den Bürgern Zeit zu geben, ihre Anträge zu stellen."
    assert all(speaker != "den Bürgern Zeit" for _, speaker, _ in statements_of(pipeline, _LEAD + text))


def test_a_quoted_name_between_the_cue_and_its_comma_does_not_end_the_frame(pipeline: Pipeline) -> None:
    text = "Am Abend berichtete die Zeitung „Nordkurier“, dass der Hafen geschlossen werde."
    found = statements_of(pipeline, _LEAD + text)
    assert [(quote, mode) for quote, _, mode in found] == [("dass der Hafen geschlossen werde", "indirect")]


def test_a_wie_clause_after_a_conjunction_with_a_quoted_name_frames_the_rest(pipeline: Pipeline) -> None:
    text = "Denn wie der „Nordkurier“ am Dienstag berichtete, bleibt der Hafen bis Mai geschlossen."
    found = statements_of(pipeline, _LEAD + text)
    assert [(quote, mode) for quote, _, mode in found] == [
        ("bleibt der Hafen bis Mai geschlossen", "indirect")
    ]


def test_a_wie_clause_closed_by_an_auxiliary_frames_the_rest(pipeline: Pipeline) -> None:
    text = "Wie die Hafenbehörde am Dienstag mitgeteilt hat, bleibt der Hafen bis Mai geschlossen."
    found = statements_of(pipeline, _LEAD + text)
    assert [(quote, mode) for quote, _, mode in found] == [
        ("bleibt der Hafen bis Mai geschlossen", "indirect")
    ]


def test_a_passive_speech_verb_with_an_agent_reports_the_sentence_and_the_agent_speaks(
    pipeline: Pipeline,
) -> None:
    text = "Von der Opposition wurde die Höhe der Gebühren als unsozial kritisiert."
    found = statements_of(pipeline, _LEAD + text)
    assert [(speaker, mode) for _, speaker, mode in found] == [("der Opposition", "reported")]


def test_speech_verbs_added_from_the_missed_classes_frame_their_clauses(pipeline: Pipeline) -> None:
    cases = [
        ("Der Minister stellte klar, dass die Steuer nicht steige.", "dass die Steuer nicht steige"),
        ("Das Gericht hat entschieden, dass die Wahl wiederholt wird.", "dass die Wahl wiederholt wird"),
        ("Die Parteien einigten sich darauf, dass der Etat sinkt.", "dass der Etat sinkt"),
    ]
    for text, quote in cases:
        assert [found[0] for found in statements_of(pipeline, _LEAD + text)] == [quote], text


def test_a_clause_after_a_speech_noun_is_reported_and_the_verbs_subject_speaks(pipeline: Pipeline) -> None:
    text = "Nach der Sitzung erhoben die Anwohner die Forderung, die Straße müsse nachts gesperrt werden."
    assert statements_of(pipeline, _LEAD + text) == [
        ("die Straße müsse nachts gesperrt werden", "die Anwohner", "indirect")
    ]


def test_a_zu_infinitive_after_an_intention_or_a_compound_noun_is_not_reported(pipeline: Pipeline) -> None:
    for text in (
        "Ihr Ziel bleibt, im Herbst wieder Rennen zu fahren.",
        "Die Anforderungen, neue Werkzeuge zu entwickeln, sind hoch.",
    ):
        assert statements_of(pipeline, _LEAD + text) == [], text


def test_a_clause_after_an_attitude_predicate_is_reported(pipeline: Pipeline) -> None:
    cases = [
        ("Die Trainerin ist zuversichtlich, im Mai wieder spielen zu können.", "Die Trainerin"),
        ("Der Verband hält es für möglich, dass die Saison verlängert wird.", "Der Verband"),
        ("Die Ärztin zeigte sich besorgt, dass die Grippe sich ausbreite.", "Die Ärztin"),
    ]
    for text, speaker in cases:
        assert [(who, mode) for _, who, mode in statements_of(pipeline, _LEAD + text)] == [
            (speaker, "indirect")
        ], text


def test_an_impersonal_judgement_without_fuer_or_als_is_not_reported(pipeline: Pipeline) -> None:
    assert statements_of(pipeline, _LEAD + "Es ist möglich, dass die Saison verlängert wird.") == []
