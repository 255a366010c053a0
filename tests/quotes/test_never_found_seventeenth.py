"""Quotations never found on quotes-wikinews/train, by construction (issue 12, seventeenth session), each
checked on invented sentences."""

from __future__ import annotations

import pytest

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline


def _statements(pipeline: Pipeline, text: str) -> list[tuple[str, str | None]]:
    article = pipeline(Article.create(text))
    return [(s.quote.text, s.speaker.text if s.speaker else None) for s in article.statements]


def test_an_apposition_inside_a_leading_wie_clause_does_not_end_it(pipeline: Pipeline) -> None:
    text = "Wie Peter Kramer, Sprecher der Stadtwerke, in Bonn mitteilte, fahren nur noch sechs Busse."
    assert _statements(pipeline, text) == [
        ("fahren nur noch sechs Busse", "Peter Kramer, Sprecher der Stadtwerke")
    ]


def test_an_apposition_inside_a_trailing_wie_clause_does_not_end_it(pipeline: Pipeline) -> None:
    text = "Die Anlage war nicht gesichert, wie Anna Berg, Chefin der Baufirma, mitteilte."
    assert _statements(pipeline, text) == [
        ("Die Anlage war nicht gesichert", "Anna Berg, Chefin der Baufirma")
    ]


def test_a_document_verb_frames_a_wie_clause(pipeline: Pipeline) -> None:
    text = "Wie eine Umfrage des Vereins ergab, trinken viele Kinder regelmäßig Alkohol."
    assert _statements(pipeline, text) == [
        ("trinken viele Kinder regelmäßig Alkohol", "eine Umfrage des Vereins")
    ]


def test_the_document_after_aus_is_the_source_of_ergeben(pipeline: Pipeline) -> None:
    text = "Der Flug war kurz. Dazu kommt: Wie sich aus dem Bericht der Ermittler ergab, war der Tank leer."
    assert ("war der Tank leer", "dem Bericht der Ermittler") in _statements(pipeline, text)


def test_a_trailing_wie_clause_with_zeigen_reports_the_clause_before(pipeline: Pipeline) -> None:
    text = "Die Namen werden meist abgekürzt, wie eine Bekanntmachung der Behörde zeigt."
    assert _statements(pipeline, text) == [
        ("Die Namen werden meist abgekürzt", "eine Bekanntmachung der Behörde")
    ]


def test_a_document_verb_outside_a_wie_clause_frames_nothing(pipeline: Pipeline) -> None:
    for text in (
        "Die Studie ergab keine Hinweise auf Betrug, die Polizei ermittelt weiter.",
        "Der Bericht zeigt, dass die Zahl der Unfälle sinkt.",
        "Sich mit Fremden zu treffen kann – wie der Fall gezeigt hat – harte Strafen nach sich ziehen.",
    ):
        assert _statements(pipeline, text) == []


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Die Partei reagierte auf die Forderung des Vorsitzenden Max Born, auf die SPD zuzugehen.",
            "auf die SPD zuzugehen",
            "des Vorsitzenden Max Born",
        ),
        ("Dem Appell der Polizei, sich zu stellen, folgte er nicht.", "sich zu stellen", "der Polizei"),
        (
            "Es besteht der Vorwurf der Regierung an den Verein, Terror zu fördern.",
            "Terror zu fördern",
            "der Regierung",
        ),
        (
            "Trotz der Ankündigung ihres Trainers, Greg Poss, die Zusammenarbeit zu beenden, blieb das Team.",
            "die Zusammenarbeit zu beenden",
            "ihres Trainers, Greg Poss",
        ),
    ],
)
def test_the_genitive_owner_of_a_speech_noun_speaks(
    pipeline: Pipeline, text: str, quote: str, speaker: str
) -> None:
    assert (quote, speaker) in _statements(pipeline, text)


def test_a_relative_clause_after_a_speech_noun_and_its_owner_reports_nothing(pipeline: Pipeline) -> None:
    assert (
        _statements(pipeline, "Die Forderung der Gewerkschaft, die am Montag gestellt wurde, ist hoch.") == []
    )


def test_an_object_report_in_a_second_main_clause_reports_that_clause(pipeline: Pipeline) -> None:
    text = "Am Samstag zogen rund 7.000 Menschen durch die Stadt, die Polizei spricht von 4.000 Teilnehmern."
    assert _statements(pipeline, text) == [("die Polizei spricht von 4.000 Teilnehmern.", "die Polizei")]


def test_an_object_report_after_a_subordinate_clause_keeps_its_sentence(pipeline: Pipeline) -> None:
    text = "Weil der Regen anhielt, sprach der Veranstalter von einem schwierigen Tag."
    assert _statements(pipeline, text) == [(text, "der Veranstalter")]


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Die Ärzte legten Pläne vor. Nach deren Angaben sollten Speisen mit Vitamin E auf den Tisch.",
            "sollten Speisen mit Vitamin E auf den Tisch",
            "deren Angaben",
        ),
        (
            "In der Tasche des Mannes, die nach dessen Angaben eine Bombe enthielt, war kein Sprengstoff.",
            "die nach dessen Angaben eine Bombe enthielt",
            "dessen Angaben",
        ),
    ],
)
def test_a_genitive_pronoun_opens_the_source_of_nach(
    pipeline: Pipeline, text: str, quote: str, speaker: str
) -> None:
    assert (quote, speaker) in _statements(pipeline, text)


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Einer Mitteilung des Verbandes Deutscher Lehrer (VDL) zufolge nahmen tausend Lehrer teil.",
            "nahmen tausend Lehrer teil",
            "Einer Mitteilung des Verbandes Deutscher Lehrer (VDL)",
        ),
        (
            "Die Wahlhelfer zählten nach. Ihnen zufolge hat der Kandidat die Mehrheit erhalten.",
            "hat der Kandidat die Mehrheit erhalten",
            "Ihnen",
        ),
    ],
)
def test_the_source_of_zufolge_may_end_in_a_bracket_or_be_a_pronoun(
    pipeline: Pipeline, text: str, quote: str, speaker: str
) -> None:
    assert (quote, speaker) in _statements(pipeline, text)


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "Der Angeklagte hat erklärt, er sei unschuldig, erkannte das Gericht aber nicht an.",
            "er sei unschuldig",
        ),
        (
            "Sie räumte zwar ein, es könnten Stellen verloren gehen, sprach aber von einem offenen Prozess.",
            "es könnten Stellen verloren gehen",
        ),
    ],
)
def test_a_reported_clause_ends_where_the_frame_resumes_after_a_comma(
    pipeline: Pipeline, text: str, quote: str
) -> None:
    assert quote in [found for found, _ in _statements(pipeline, text)]


def test_a_speech_verb_with_its_subject_after_the_comma_does_not_end_the_clause(pipeline: Pipeline) -> None:
    text = "Nun hofft der Trainer, dass der Stürmer bleibt, sagte die Zeitung."
    assert "dass der Stürmer bleibt" not in [found for found, _ in _statements(pipeline, text)]


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "In zehn Jahren, so schätzen die Forscher, soll die Arbeit abgeschlossen sein.",
            "In zehn Jahren, so schätzen die Forscher, soll die Arbeit abgeschlossen sein",
            "die Forscher",
        ),
        (
            "Tatsächlich, so betont auch die Polizei, ist das keine zutreffende Darstellung.",
            "Tatsächlich, so betont auch die Polizei, ist das keine zutreffende Darstellung",
            "die Polizei",
        ),
        ("Die Lage ist ernst, so sagte der Minister.", "Die Lage ist ernst", "der Minister"),
    ],
)
def test_so_with_a_speech_verb_and_its_subject_frames_the_sentence(
    pipeline: Pipeline, text: str, quote: str, speaker: str
) -> None:
    assert (quote, speaker) in _statements(pipeline, text)


def test_so_with_a_passive_auxiliary_frames_nothing(pipeline: Pipeline) -> None:
    assert _statements(pipeline, "Der Verkehr war stark behindert, so wurde der Hafen geschlossen.") == []


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Laut „tagesschau.de“ gehören auch politische Posten zu den Forderungen.",
            "gehören auch politische Posten zu den Forderungen",
            "„tagesschau.de“",
        ),
        (
            "Laut bildblog.de veröffentlichte das Ministerium kürzlich einen Bericht.",
            "veröffentlichte das Ministerium kürzlich einen Bericht",
            "bildblog.de",
        ),
    ],
)
def test_a_web_address_after_laut_is_the_source(
    pipeline: Pipeline, text: str, quote: str, speaker: str
) -> None:
    assert (quote, speaker) in _statements(pipeline, text)
