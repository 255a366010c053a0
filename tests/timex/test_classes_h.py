"""Classes of the eighth issue-15 session (set H: clock times, parts of the day, recurrences, durations).

Every sentence is invented (document date: Wednesday 18 November 2015); each class has cases that must be
found and cases that must not.
"""

from __future__ import annotations

import pytest

from tests.timex.finding import value_of
from wortlaut.timex.finder import TimeFinder


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        (
            "Am Dienstagmorgen stand der Zug still. Die Sperre dauerte von 7 Uhr bis 10 Uhr.",
            "10 Uhr",
            "2015-11-17T10:00",
        ),
        (
            "Am Montag wurde gestreikt. Von 6 Uhr bis 14.30 Uhr ruhte die Arbeit.",
            "14.30 Uhr",
            "2015-11-16T14:30",
        ),
    ],
)
def test_the_end_of_a_clock_range_lies_on_the_day_of_its_start(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("TIME", value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # a schedule's ``bis`` with no day named stays a time of every day; a range written ``7 bis 10 Uhr``
        # keeps both ends alike
        ("Das Amt ist bis 16 Uhr geöffnet.", "16 Uhr", "T16:00"),
        ("Die Kasse ist von 9 bis 17 Uhr geöffnet.", "17 Uhr", "T17:00"),
        ("Die Kasse ist von 9 bis 17 Uhr geöffnet.", "9", "T09:00"),
    ],
)
def test_a_schedule_without_a_day_stays_undated(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("TIME", value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Es gab eine mehrstündige Sperre.", "mehrstündige", "PTXH"),
        ("Nach mehrtägigen Reparaturen läuft das System.", "mehrtägigen", "PXD"),
        ("Er wurde zu einer mehrjährigen Haftstrafe verurteilt.", "mehrjährigen", "PXY"),
        ("Der Dienst ist seit kurzem verfügbar.", "seit kurzem", "PAST_REF"),
        ("Seit kurzem gibt es eine App.", "Seit kurzem", "PAST_REF"),
        ("Die Umsetzung soll zeitnah erfolgen.", "zeitnah", "FUTURE_REF"),
    ],
)
def test_vague_lengths_and_generic_references(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    found = value_of(finder, text, expression)
    assert found is not None and found[1] == value


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Er wünscht sich eine zeitnahe Lösung.", "zeitnahe"),  # the adjective, not the adverb
        ("Die Polizei hat zeitnah auf den Notruf geantwortet.", "zeitnah"),  # soon after a time told
        ("Sie kam mehr als kurz vorbei.", "kurz"),
    ],
)
def test_adjectives_and_told_soon_words_are_no_time(finder: TimeFinder, text: str, expression: str) -> None:
    assert value_of(finder, text, expression) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Das Zimmer kostet 69 Euro pro Nacht.", "P1D"),
        ("Sie schliefen zwei Mal vier Stunden je Nacht.", "P1D"),
    ],
)
def test_per_night_recurs_daily(finder: TimeFinder, text: str, value: str) -> None:
    expression = "pro Nacht" if "pro Nacht" in text else "je Nacht"
    assert value_of(finder, text, expression) == ("SET", value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Er war MVP der Saison 2010/11.", "11", "2011"),
        ("Im Schuljahr 2013/14 besuchten mehr Kinder die Schule.", "14", "2014"),
        ("Im Winter 1999/00 fiel viel Schnee.", "00", "2000"),
        ("Das Versteck wurde 1942/43 gebaut.", "1942", "1942"),
    ],
)
def test_a_slash_span_of_two_years_is_two_dates(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("DATE", value)


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Die Akte 2014/17 liegt vor.", "17"),  # not the year after: a file number
        ("Die Folge 2010/11/12 lief.", "11"),  # a longer code
        ("Er las Heft 7/2019.", "7"),
    ],
)
def test_other_slash_numbers_are_no_second_year(finder: TimeFinder, text: str, expression: str) -> None:
    assert value_of(finder, text, expression) is None


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Jedes zweite Jahr findet die Schau statt.", "zweite Jahr", "P2Y"),
        ("Die Gemeinde tagt jeden zweiten Monat.", "zweiten Monat", "P2M"),
        ("Der Müll wird jede dritte Woche geholt.", "dritte Woche", "P3W"),
        ("Sie trainiert zwei Mal in der Woche.", "Woche", "P1W"),
        ("Er kommt einmal in der Woche.", "Woche", "P1W"),
        ("Die Ampel schaltet alle 90 Sekunden.", "90 Sekunden", "PT90S"),
    ],
)
def test_recurrences_every_other_unit_and_counts_per_week(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("SET", value)


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Später in der Woche kommt er.", "Woche"),  # a time within this week, no count per week
        ("Jeder zweite Deutsche fährt Rad.", "zweite"),
    ],
)
def test_no_recurrence_without_a_count_or_unit(finder: TimeFinder, text: str, expression: str) -> None:
    found = value_of(finder, text, expression)
    assert found is None or found[0] != "SET"


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Die Fahrt dauert eine Viertelstunde.", "Viertelstunde", "PT15M"),
        ("Nach einer Dreiviertelstunde war alles vorbei.", "Dreiviertelstunde", "PT45M"),
        ("Nach zwei Viertelstunden kam der Zug.", "Viertelstunden", "PT30M"),
    ],
)
def test_quarter_hours_are_minutes(finder: TimeFinder, text: str, expression: str, value: str) -> None:
    assert value_of(finder, text, expression) == ("DURATION", value)


def test_a_quarter_past_the_hour_stays_a_clock_time(finder: TimeFinder) -> None:
    found = value_of(finder, "Er kam um Viertel nach zehn.", "Viertel")
    assert found == ("TIME", "2015-11-18T10:15")
