"""Addressee grammar chosen on two folds of quotes-wikinews/train and confirmed on the third, unread one
(issue 12, seventeenth session, second round), each checked on invented sentences."""

from __future__ import annotations

import pytest

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline


def _statements(pipeline: Pipeline, text: str) -> list[tuple[str, str | None, str | None]]:
    article = pipeline(Article.create(text))
    return [
        (s.quote.text, s.cue.text if s.cue else None, s.addressee.text if s.addressee else None)
        for s in article.statements
    ]


@pytest.mark.parametrize(
    ("text", "addressee"),
    [
        ("Den Bewohnern wurde geraten, nicht nach draußen zu gehen.", "Den Bewohnern"),
        ("Die Ärztin hat den Patienten geraten, viel zu trinken.", "den Patienten"),
    ],
)
def test_the_participle_geraten_with_haben_or_werden_advises(
    pipeline: Pipeline, text: str, addressee: str
) -> None:
    """``geraten`` is the participle of ``raten`` (advise) in the perfect and the passive; its dative is the
    one advised."""
    statements = _statements(pipeline, text)
    assert [addr for _, _, addr in statements] == [addressee]
    assert statements[0][1] is not None and "geraten" in statements[0][1]


@pytest.mark.parametrize(
    "text",
    [
        "Er ist unter Druck geraten, seine Pläne aufzugeben.",
        "Weil er unter Druck geraten war, seine Pläne aufzugeben, trat er zurück.",
    ],
)
def test_geraten_with_sein_is_no_speech_verb(pipeline: Pipeline, text: str) -> None:
    """With ``sein`` the same participle is ``geraten`` (to get into): no statement is framed by it."""
    assert all(cue is None or "geraten" not in cue for _, cue, _ in _statements(pipeline, text))


def test_a_second_speaker_after_doch_frames_his_own_clause(pipeline: Pipeline) -> None:
    """``, doch`` + a new subject + an indicative speech verb opens another speaker's main clause: the first
    report ends at the comma, the second verb frames its own clause, and the first speaker's audience (``vor
    der Presse``) is not the second one's addressee."""
    text = (
        "Der Präsident sagte vor der Presse, der Botschafter sei tot, doch ein Sprecher erklärte, "
        "den Tod nicht bestätigen zu können."
    )
    assert _statements(pipeline, text) == [
        ("der Botschafter sei tot", "sagte", "der Presse"),
        ("den Tod nicht bestätigen zu können", "erklärte", None),
    ]


def test_a_second_clause_without_a_speech_verb_stays_in_the_report(pipeline: Pipeline) -> None:
    """``, aber`` + a subject + a verb that does not speak goes on with the report."""
    statements = _statements(pipeline, "Er sagte, die Lage sei ernst, aber die Regierung handle nicht.")
    assert [quote for quote, _, _ in statements] == ["die Lage sei ernst, aber die Regierung handle nicht"]


@pytest.mark.parametrize("comma", ["", ","])
def test_the_object_of_the_report_is_not_the_addressee(pipeline: Pipeline, comma: str) -> None:
    """Without the comma before the infinitive (``aufgefordert Türen und Fenster … zu halten``) the noun after
    the participle belongs to the report; the passive subject is the one asked."""
    text = f"Wegen des Rauchs wurden Anwohner aufgefordert{comma} Türen und Fenster geschlossen zu halten."
    assert [(quote, addr) for quote, _, addr in _statements(pipeline, text)] == [
        ("Türen und Fenster geschlossen zu halten", "Anwohner")
    ]


def test_a_quotation_inside_the_clause_before_so_x_is_part_of_its_report(pipeline: Pipeline) -> None:
    """``handhabe den Konsum „maßvoll“, so X``: the quotation continues the clause, so the ``so X`` frame
    reports the whole clause and X speaks it."""
    text = (
        "Die meisten Nutzer handhabten den Konsum jedoch „maßvoll und nur vorübergehend“, so Anna Berg, "
        "die Leiterin der Fachstelle."
    )
    article = pipeline(Article.create(text))
    assert [(s.quote.text[:26], s.speaker.text[:9] if s.speaker else None) for s in article.statements] == [
        ("Die meisten Nutzer handhab", "Anna Berg")
    ]


def test_a_quotation_after_a_comma_before_so_x_opens_no_clause_report(pipeline: Pipeline) -> None:
    """After a comma the quotation is a clause of its own (``…, „wenn …“, so X``): X speaks the quotation."""
    text = (
        "Der Richter ließ sich auf nichts ein: Eine Strafe sei nicht vermittelbar, „wenn jemand betrunken "
        "fährt“, so Anna Berg."
    )
    article = pipeline(Article.create(text))
    assert [s.quote.text for s in article.statements] == ["„wenn jemand betrunken fährt“"]


def test_a_dash_ends_the_infinitive_clause_of_an_appeal(pipeline: Pipeline) -> None:
    """``aufgefordert, ihre Häuser zu verlassen – die Hälfte davon in …``: the zu-infinitive ends at the
    dash as at a comma, so the appeal is found and its object is the one asked."""
    text = (
        "Die Behörden haben drei Millionen Einwohner aufgefordert, ihre Häuser zu verlassen – "
        "die Hälfte davon in Kobe."
    )
    statements = _statements(pipeline, text)
    assert [(quote.startswith("ihre Häuser zu verlassen"), addr) for quote, _, addr in statements] == [
        (True, "drei Millionen Einwohner")
    ]


def test_an_indem_clause_is_no_report_of_the_verb_before_it(pipeline: Pipeline) -> None:
    """``kommentierte dies, indem er seinem Arbeitgeber vorwarf, …``: the ``indem`` clause says how he
    commented; the verb inside it frames the report and its dative is the addressee."""
    text = "Williams kommentierte dies, indem er seinem Arbeitgeber vorwarf, ihn loswerden zu wollen."
    assert [(quote, cue, addr) for quote, cue, addr in _statements(pipeline, text)] == [
        ("ihn loswerden zu wollen", "vorwarf", "seinem Arbeitgeber")
    ]
