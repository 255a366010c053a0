"""Classes of the seventh issue-15 session, from the TIMEX3 guidelines: recurrences (``immer am Samstag``,
``an Wochenenden``, ``jeden ersten Sonntag``) and the clock times of a recurrence, a whole unit as a span
(``den ganzen Tag``), vague spans back (``vor Jahren``) and ``in nächster Zeit``.

Every sentence is invented (document date: Wednesday 18 November 2015); each class has cases that must be
found and cases that must not.
"""

from __future__ import annotations

import pytest

from tests.timex.finding import find, value_of
from wortlaut.timex.finder import TimeFinder


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Der Bauernmarkt ist immer am Samstag geöffnet.", "Samstag", "XXXX-WXX-6"),
        ("Die Sprechstunde ist jeweils am Dienstag im Rathaus.", "Dienstag", "XXXX-WXX-2"),
        ("Die Bibliothek ist stets am Montag geschlossen.", "Montag", "XXXX-WXX-1"),
        ("Die Straße ist an jedem ersten Sonntag im Monat autofrei.", "Sonntag", "XXXX-WXX-7"),
        ("Der Stammtisch trifft sich jeden letzten Freitag im Monat.", "Freitag", "XXXX-WXX-5"),
        ("Die Hütte ist nur an Wochenenden bewirtschaftet.", "Wochenenden", "XXXX-WXX-WE"),
        ("An den Wochenenden fährt ein Sonderzug.", "Wochenenden", "XXXX-WXX-WE"),
    ],
)
def test_a_weekday_or_weekend_that_recurs_is_a_set(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("SET", value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # ``wer auch immer`` is "whoever", no recurrence
        ("Wer auch immer am Sonntag gewählt wurde, muss regieren.", "Sonntag", "2015-11-15"),
        ("Am Samstag wurde wie immer gefeiert.", "Samstag", "2015-11-14"),
        ("Am Wochenende wurde gefeiert.", "Wochenende", "2015-W46-WE"),
    ],
)
def test_a_single_weekday_or_weekend_stays_a_date(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("DATE", value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Der Kurs findet jeden Dienstag um 20 Uhr statt.", "20 Uhr", "T20:00"),
        ("Die Sprechstunde ist jeweils am Montag von 9 bis 12 Uhr.", "12 Uhr", "T12:00"),
        ("Die Daten werden täglich um 13 Uhr aufgefrischt.", "13 Uhr", "T13:00"),
        # a single day keeps its date
        ("Der Kurs fand am Dienstag um 20 Uhr statt.", "20 Uhr", "2015-11-17T20:00"),
        # the recurrence must come first in the sentence
        ("Um 20 Uhr begann die Sitzung, die jeden Dienstag stattfindet.", "20 Uhr", "2015-11-18T20:00"),
    ],
)
def test_the_clock_time_of_a_daily_or_weekly_recurrence_names_no_day(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("TIME", value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Den ganzen Tag regnete es in Strömen.", "ganzen Tag", "P1D"),
        ("Er blieb die ganze Woche im Bett.", "ganze Woche", "P1W"),
        ("Das Museum ist das ganze Jahr über geöffnet.", "ganze Jahr", "P1Y"),
        ("Sie wartete den ganzen Monat auf Antwort.", "ganzen Monat", "P1M"),
    ],
)
def test_a_whole_unit_in_the_accusative_is_a_duration_of_one_unit(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("DURATION", value)


@pytest.mark.parametrize(
    "text",
    [
        "Das war der Höhepunkt des ganzen Jahres.",
        "Er plante den ganzen Tagesablauf.",
        "Die ganze Zeit schwieg er.",
    ],
)
def test_a_whole_unit_in_another_case_or_compound_is_no_duration(finder: TimeFinder, text: str) -> None:
    assert [t for t in find(finder, text) if t.type == "DURATION"] == []


def test_a_whole_year_before_its_number_is_that_year(finder: TimeFinder) -> None:
    assert value_of(finder, "Das ganze Jahr 2014 war zu trocken.", "2014") == ("DATE", "2014")


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Er hat die Regel schon vor Jahren abgeschafft.", "vor Jahren", "PXY"),
        ("Die Gewerkschaft hatte vor Wochen zum Streik aufgerufen.", "vor Wochen", "PXW"),
        ("Erst vor Tagen kam es zu einem Angriff.", "vor Tagen", "PXD"),
    ],
)
def test_vor_before_a_bare_plural_unit_is_a_vague_span(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("DURATION", value)


@pytest.mark.parametrize("text", ["Er stand vor Tag und Nacht offen.", "Sie kam vor dem Tag der Wahl."])
def test_vor_before_a_singular_or_an_article_is_no_vague_span(finder: TimeFinder, text: str) -> None:
    assert [t for t in find(finder, text) if t.type == "DURATION"] == []


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("In nächster Zeit wird gebaut.", "nächster Zeit"),
        ("In nächster Zukunft fällt die Entscheidung.", "Zukunft"),
    ],
)
def test_in_naechster_zeit_is_the_generic_future(finder: TimeFinder, text: str, expression: str) -> None:
    assert value_of(finder, text, expression) == ("DATE", "FUTURE_REF")


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Die Wahl fand am 3. Mai statt. Am selben Tag trat er zurück.", "selben Tag", "2015-05-03"),
        ("Am Montag wurde gestreikt. Am gleichen Tag fiel der Kurs.", "gleichen Tag", "2015-11-16"),
        ("Sie trafen sich am 27. August 2015. Jenem Tag folgte die Krise.", "Jenem Tag", "2015-08-27"),
        # no day named before: a day the text does not date (TIMEX3 unknown digits)
        ("Am selben Tag trat auch der Minister zurück.", "selben Tag", "XXXX-XX-XX"),
        ("An jenem Tag änderte sich alles.", "jenem Tag", "XXXX-XX-XX"),
    ],
)
def test_the_same_day_again_is_the_day_in_focus_or_undated(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("DATE", value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("An einem Montag im Winter verschwand der Hund.", "Montag", ("DATE", "XXXX-WXX-1")),
        ("Es geschah an einem Sonntagabend.", "Sonntagabend", ("TIME", "XXXX-WXX-7TEV")),
        # a dated indefinite weekday is that date; a definite weekday keeps its direction
        ("Er starb an einem Sonntag, dem 5. Mai 2013.", "Sonntag", ("DATE", "2013-05-05")),
        ("Am Montag verschwand der Hund.", "Montag", ("DATE", "2015-11-16")),
    ],
)
def test_an_indefinite_weekday_names_no_particular_week(
    finder: TimeFinder, text: str, expression: str, value: tuple[str, str]
) -> None:
    assert value_of(finder, text, expression) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Schon vor 8000 Jahren hielten Menschen Hunde.", "BC5986"),
        ("Die Kirche wurde vor 1500 Jahren gebaut.", "0515"),
        ("Die Brücke wurde vor zwei Jahren gebaut.", "2013"),
    ],
)
def test_a_year_counted_back_keeps_four_digits_and_the_era(finder: TimeFinder, text: str, value: str) -> None:
    (found,) = find(finder, text)
    assert found.value == value and found.timeml_value is not None and found.timeml_value.startswith("P")
