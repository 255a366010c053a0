"""Classes of the tenth issue-15 session (sets I and K released: schedules, bare years, weekday direction).

Every sentence is invented (document date: Wednesday 18 November 2015); each class has cases that must be
found and cases that must not.
"""

from __future__ import annotations

import re

import pytest

from tests.timex.finding import find, value_of
from wortlaut.timex.finder import TimeFinder


def _values(finder: TimeFinder, text: str) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in find(finder, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Abgabe im Lager (Montag bis Freitag 9 bis 17 Uhr, Samstag 10 bis 12 Uhr).",
            [
                ("Montag", "XXXX-WXX-1"),
                ("Freitag", "XXXX-WXX-5"),
                ("9", "T09:00"),
                ("bis 17 Uhr", "T17:00"),
                ("Samstag", "XXXX-WXX-6"),
                ("10", "T10:00"),
                ("bis 12 Uhr", "T12:00"),
            ],
        ),
        (
            "Die Bibliothek hat von Dienstag bis Donnerstag zwischen 14 und 18 Uhr offen.",
            [
                ("Dienstag", "XXXX-WXX-2"),
                ("Donnerstag", "XXXX-WXX-4"),
                ("14", "T14:00"),
                ("18 Uhr", "T18:00"),
            ],
        ),
        (
            "Die Sendung läuft von Montag bis Freitag um 19 Uhr.",
            [("Montag", "XXXX-WXX-1"), ("Freitag", "XXXX-WXX-5"), ("um 19 Uhr", "T19:00")],
        ),
    ],
)
def test_the_weekdays_of_a_schedule_are_sets_and_their_clock_times_name_no_day(
    finder: TimeFinder, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _values(finder, text) == expected


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        # ``am`` names one day; no clock time after the range; a comma makes a dated programme line
        ("Der Markt ist am Samstag von 10 bis 18 Uhr geöffnet.", "Samstag"),
        ("Die Sitzung ist am Dienstag, 12.00 Uhr.", "Dienstag"),
        ("Die Messe läuft von Montag bis Freitag.", "Freitag"),
        ("Samstag, 10 bis 12 Uhr: Führung durch das Haus.", "Samstag"),
        ("Er arbeitete vergangene Woche von Montag bis Freitag 9 bis 17 Uhr.", "Montag"),
    ],
)
def test_a_weekday_with_a_preposition_or_without_clock_times_stays_one_day(
    finder: TimeFinder, text: str, expression: str
) -> None:
    found = value_of(finder, text, expression)
    assert found is not None and found[0] == "DATE" and re.fullmatch(r"2015-11-\d\d", found[1] or "")


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Letzter Sieger aus Österreich war 1966 Thomas Muster.", ["1966"]),
        ("Mit Spanien wurde er 2010 Weltmeister und 2012 Europameister.", ["2010", "2012"]),
        ("Die Kirche ist 1898 Eigentum der Gemeinde geworden.", ["1898"]),
    ],
)
def test_a_bare_year_after_a_singular_copula_is_a_year(
    finder: TimeFinder, text: str, years: list[str]
) -> None:
    assert [t.value for t in find(finder, text)] == years


@pytest.mark.parametrize(
    "text",
    [
        "Die Firma hat 1500 Mitarbeiter.",  # not a copula: a count
        "Dort waren 1500 Menschen versammelt.",  # a plural copula agrees with a count
        "Das Ticket kostet 1800 Euro.",
        "Es sind 1200 Demonstranten gekommen.",
    ],
)
def test_a_count_is_no_year(finder: TimeFinder, text: str) -> None:
    assert find(finder, text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # present tense, the day opening the clause with ``Am``: an announcement, the day ahead
        ("Am Montag liegt das alles hinter ihm.", "2015-11-23"),
        ("Am Donnerstag liest sie im Filmcasino.", "2015-11-19"),
        ("Die Vorrunde ist vorbei. Am Sonntag wartet das Auswärtsspiel in Graz.", "2015-11-22"),
        ("Die French Open beginnen am Sonntag.", "2015-11-22"),
        # past tense, perfect, a strong preterite in ``-t``, an adverb after the day: back
        ("Am Montag hielt er eine Rede.", "2015-11-16"),
        ("Am Montag trat der Minister zurück.", "2015-11-16"),
        ("Am Montag hat die Regierung beschlossen, die Steuer zu senken.", "2015-11-16"),
        ("Am Montag nicht, sagte er.", "2015-11-16"),
        ("Die Konferenz begann am Montag.", "2015-11-16"),
        # future tense: ahead
        ("Am Montag wird der Rat entscheiden.", "2015-11-23"),
    ],
)
def test_a_day_opening_a_present_tense_clause_lies_ahead(finder: TimeFinder, text: str, value: str) -> None:
    day = next(word for word in ("Montag", "Donnerstag", "Sonntag") if word in text)
    assert value_of(finder, text, day) == ("DATE", value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Er brauchte zwei Stunden und 15 Minuten.", [("zwei Stunden und 15 Minuten", "PT2H15M")]),
        ("Sie wurde zu 27 Jahren und drei Monaten verurteilt.", [("27 Jahren und drei Monaten", "P27Y3M")]),
        (
            "Der Rekord liegt bei einem Tag, 18 Stunden und 23 Minuten.",
            [("einem Tag, 18 Stunden und 23 Minuten", "P1DT18H23M")],
        ),
        # a list, a range, a rising order and a date counted back stay apart
        (
            "Es dauerte drei Stunden, vier Stunden, fünf Stunden.",
            [("drei Stunden", "PT3H"), ("vier Stunden", "PT4H"), ("fünf Stunden", "PT5H")],
        ),
        ("Er blieb 15 Minuten und zwei Stunden.", [("15 Minuten", "PT15M"), ("zwei Stunden", "PT2H")]),
        (
            "Vor drei Tagen und zwei Stunden kam er an.",
            [("Vor drei Tagen", "2015-11-15"), ("zwei Stunden", "PT2H")],
        ),
    ],
)
def test_a_duration_in_descending_units_is_one_expression(
    finder: TimeFinder, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _values(finder, text) == expected


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Er sagte seinen Start beim zweiten Grand-Slam-Turnier des Jahres ab.", [("des Jahres", "2015")]),
        ("Es war ihre letzte große Debatte des Jahres.", [("des Jahres", "2015")]),
        ("Er wurde zum Sportler des Jahres gewählt.", []),  # a title
        ("Das Wort des Jahres steht fest.", []),
    ],
)
def test_des_jahres_after_a_position_is_the_texts_year(
    finder: TimeFinder, text: str, found: list[tuple[str, str]]
) -> None:
    assert _values(finder, text) == found
