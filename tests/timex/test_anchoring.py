"""Anchoring that reads the sentence: tense and modals for weekdays and months, postponements,
narrative years and ranges.  Anchor: Wednesday 2015-06-10."""

from __future__ import annotations

from datetime import date

import pytest

from wortlaut.article import TimeExpr
from wortlaut.timex.finder import TimeFinder

ANCHOR = date(2015, 6, 10)  # a Wednesday


def value(finder: TimeFinder, text: str, expression: str) -> str | None:
    start = text.index(expression)
    hits: list[TimeExpr] = [
        t
        for t in finder.find(text, anchor=lambda _o: ANCHOR)
        if t.start < start + len(expression) and start < t.end
    ]
    assert hits, f"nothing found for {expression!r}"
    return hits[0].value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # past tense: the last Monday (Präteritum, Perfekt, Plusquamperfekt)
        ("Die Abstimmung war am Montag.", "2015-06-08"),
        ("Der Rat hat am Montag abgestimmt.", "2015-06-08"),
        ("Er ist am Montag gestorben.", "2015-06-08"),
        ("Der Rat hatte am Montag getagt.", "2015-06-08"),
        # present with a time expression as predicate: the coming Monday
        ("Die Abstimmung ist am Montag.", "2015-06-15"),
        ("Die Wahlen sind am Montag.", "2015-06-15"),
        # future tense and modals: the coming Monday
        ("Die Abstimmung wird am Montag stattfinden.", "2015-06-15"),
        ("Der Rat soll am Montag abstimmen.", "2015-06-15"),
        ("Die Partei will am Montag entscheiden.", "2015-06-15"),
    ],
)
def test_weekday_direction_follows_tense(finder: TimeFinder, text: str, expected: str) -> None:
    assert value(finder, text, "Montag") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Die Abstimmung wurde auf Freitag verschoben.",
        "Die Abstimmung ist auf Freitag verschoben worden.",
        "Der Rat hat die Sitzung auf Freitag vertagt.",
    ],
)
def test_postponed_to_a_weekday_is_the_coming_one(finder: TimeFinder, text: str) -> None:
    assert value(finder, text, "Freitag") == "2015-06-12"


def test_what_was_expected_on_a_weekday_is_not_postponed_to_it(finder: TimeFinder) -> None:
    assert value(finder, "Das am Sonntag erwartete Urteil wurde vertagt.", "Sonntag") == "2015-06-07"
    # a postponement verb that is not about this expression gives no direction at all (the subject between
    # the verb and ``am``: ``Zaun verlegt am Sonntag …`` is a present verb in second place, an announcement)
    assert value(finder, "Den Zaun verlegt die Firma am Sonntag.", "Sonntag") == "2015-06-07"


def test_copula_with_a_participle_after_the_weekday_is_perfect_tense(finder: TimeFinder) -> None:
    assert value(finder, "Er ist bereits am Sonntag nach Wien zurückgekehrt.", "Sonntag") == "2015-06-07"
    assert value(finder, "Die Vernissage ist am Samstag um 19 Uhr!", "Samstag") == "2015-06-13"


def test_dative_modifiers(finder: TimeFinder) -> None:
    assert value(finder, "Seit vergangenem Mittwoch wird gestreikt.", "vergangenem Mittwoch") == "2015-06-03"


def test_explicit_modifier_beats_tense(finder: TimeFinder) -> None:
    assert value(finder, "Am vergangenen Freitag wird gefeiert.", "vergangenen Freitag") == "2015-06-05"
    assert value(finder, "Am kommenden Freitag war nichts los.", "kommenden Freitag") == "2015-06-12"


@pytest.mark.parametrize(
    ("text", "month", "expected"),
    [
        ("Im März wurde gewählt.", "März", "2015-03"),
        ("Im März wird gewählt.", "März", "2016-03"),
        ("Die Wahl ist im März.", "März", "2016-03"),
        ("Im Dezember soll gewählt werden.", "Dezember", "2015-12"),
        ("Im Dezember war die Wahl.", "Dezember", "2014-12"),
    ],
)
def test_month_direction_follows_tense(finder: TimeFinder, text: str, month: str, expected: str) -> None:
    assert value(finder, text, month) == expected


def test_narrative_year_carries_to_later_yearless_dates(finder: TimeFinder) -> None:
    text = "Im März 1992 kam er nach Wien. Am 5. April traf er den Kanzler. Im Mai reiste er ab."
    assert value(finder, text, "5. April") == "1992-04-05"
    assert value(finder, text, "Mai") == "1992-05"


def test_a_year_ago_is_a_comparison_not_a_narrative(finder: TimeFinder) -> None:
    text = "Im April 2014 lag die Quote bei 10 Prozent. Im April betrug sie 9 Prozent."
    assert value(finder, text, "April betrug") == "2015-04"


def test_narrative_ends_with_a_date_counted_from_publication(finder: TimeFinder) -> None:
    text = "Im März 1992 kam er nach Wien. Gestern sagte er, im Mai sei es schön gewesen."
    assert value(finder, text, "Mai") == "2015-05"


def test_narrative_does_not_reach_a_clause_about_the_future(finder: TimeFinder) -> None:
    text = "Im März 2010 wurde das Gesetz beschlossen. Am 5. April soll es in Kraft treten."
    assert value(finder, text, "5. April") == "2016-04-05"


def test_range_end_gives_its_year_to_the_start(finder: TimeFinder) -> None:
    assert value(finder, "Von Januar bis März 2014 stieg die Zahl.", "Januar") == "2014-01"
