"""The reporter's hedge: reportative sollen, doubt words, unnamed sources; quotations left alone."""

from __future__ import annotations

from dataclasses import replace

import pytest

from wortlaut.article import Article, Span, Statement
from wortlaut.claims.hedge import (
    ASSERTED,
    HEDGED,
    KINDS,
    _any_cue,
    attribution_certainty,
    hedge_cue,
    load_hedge_cues,
    with_hedges,
)


def _statement(text: str) -> tuple[Article, Statement]:
    article = Article.create(text)
    quote = Span(start=0, end=len(text), text=text)
    return article, Statement(id="s1", mode="reported", quote=quote)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Der Minister soll gesagt haben, die Steuer steige.", HEDGED),
        ("Er soll den Anschlag geplant haben.", HEDGED),
        ("18 Menschen sollen dabei getötet worden sein, berichtet al-Arabiya.", HEDGED),
        ("Die Taten, die er begangen haben soll, sind schwer.", HEDGED),
        ("Angeblich plant die Regierung neue Steuern.", HEDGED),
        ("Nach unbestätigten Berichten trat der Minister zurück.", HEDGED),
        ("Regierungskreisen zufolge ist die Einigung nah.", HEDGED),
        ("Insidern zufolge strebt der Konzern eine Einigung an.", HEDGED),
        ("Wir sind zuversichtlich, hieß es am Freitag.", HEDGED),
        ("Merz sagte, die Steuer werde sinken.", ASSERTED),
        ("Laut Airbus liegen Bestellungen für 184 Flugzeuge vor.", ASSERTED),
        ("Die Steuer soll um drei Prozentpunkte erhöht werden, sagte der Sprecher.", ASSERTED),
        ("Das gab der Minister in Berlin bekannt.", ASSERTED),
        ("In einer Mitteilung des Büros hieß es, er sei nicht zurückgetreten.", ASSERTED),
        ("Gerüchte über einen Wechsel dementiert Dragovic.", ASSERTED),
    ],
)
def test_hedge_label_of_reported_statement(text: str, label: str) -> None:
    article, statement = _statement(text)
    assert attribution_certainty(article, statement) == label


def test_hedge_words_inside_a_direct_quotation_are_the_speakers() -> None:
    article, statement = _statement("„Das soll angeblich gesagt worden sein“, sagte Merz.")
    assert attribution_certainty(article, statement) == ASSERTED


def test_hedge_kinds_can_be_switched_off() -> None:
    assert hedge_cue("Angeblich plant die Regierung neue Steuern.", kinds=frozenset(KINDS)) is not None
    assert hedge_cue("Angeblich plant die Regierung neue Steuern.", kinds=frozenset({"reportative"})) is None


def test_with_hedges_fills_every_statement() -> None:
    text = "Er soll zugestimmt haben. Merz sagte, das stimme."
    article = Article.create(text)
    first = Statement(id="s1", mode="reported", quote=Span(start=0, end=25, text=text[:25]))
    second = Statement(id="s2", mode="indirect", quote=Span(start=38, end=len(text) - 1, text=text[38:-1]))
    hedged = with_hedges(article, (first, second))
    assert [s.attribution_certainty for s in hedged] == [HEDGED, ASSERTED]


_SCREENED = [
    "Der Minister soll gesagt haben, die Steuer steige.",
    "Die Taten, die er begangen haben soll, sind schwer.",
    "Er soll dort gewesen sein.",
    "Angeblich plant die Regierung neue Steuern; Unangeblich ist kein Wort.",
    "Er ist offenbar zurückgetreten, anscheinend freiwillig.",
    "Aus gut unterrichteten Kreisen verlautete nichts, Regierungskreisen zufolge alles.",
    "Medienberichten zufolge und nach übereinstimmenden Berichten der Presse.",
    "Gerüchte, die er dementierte; Vorwürfe wurden laut, die er zurückgewiesen hat.",
    "Wir sind zuversichtlich, hieß es am Freitag.",
    "In einer Mitteilung des Büros hieß es, er sei nicht zurückgetreten.",
    "Merz sagte, die Steuer werde sinken.",
    "Xangeblich, offenbarx, sollte_gesagt haben, Kreisenzufolge.",
    "",
]


@pytest.mark.parametrize("kinds", [frozenset(KINDS), *(frozenset({kind}) for kind in KINDS), frozenset()])
def test_one_search_rules_out_exactly_the_texts_without_a_cue(kinds: frozenset[str]) -> None:
    """The joined pattern that screens texts first (issue 17zl) gives the rows' own answer."""
    for text in _SCREENED:
        expected = next(
            (
                cue
                for cue in load_hedge_cues()
                if cue.kind in kinds
                and cue.pattern.search(text)
                and (cue.unless is None or cue.unless.search(text) is None)
            ),
            None,
        )
        assert hedge_cue(text, kinds=kinds) == expected, text


def test_the_shipped_rows_join_into_one_screen() -> None:
    assert _any_cue(frozenset(KINDS)) is not None
    assert _any_cue(frozenset()) is None


def test_with_hedges_copies_only_the_statements_it_changes() -> None:
    text = "Er soll zugestimmt haben. Merz sagte, das stimme."
    article = Article.create(text)
    first = Statement(id="s1", mode="reported", quote=Span(start=0, end=25, text=text[:25]))
    second = Statement(id="s2", mode="indirect", quote=Span(start=38, end=len(text) - 1, text=text[38:-1]))
    hedged, asserted = with_hedges(article, (first, second))
    assert hedged == replace(first, attribution_certainty=HEDGED) and hedged is not first
    assert asserted is second
