"""German date grammar beyond day and month: eras, feasts, generic references, ranges, modifiers.

Every sentence is invented; each class of the TIMEX3 guidelines has its own cases.
"""

from __future__ import annotations

from datetime import date

import pytest

from wortlaut.article import TimeExpr
from wortlaut.timex.feasts import easter_sunday, load_holidays
from wortlaut.timex.finder import TimeFinder


def find(finder: TimeFinder, text: str, anchor: str | None = "2015-06-10") -> list[TimeExpr]:
    day = date.fromisoformat(anchor) if anchor else None
    return finder.find(text, anchor=lambda _offset: day)


def one(finder: TimeFinder, text: str, expression: str, anchor: str | None = "2015-06-10") -> TimeExpr:
    start = text.index(expression)
    end = start + len(expression)
    hits = [t for t in find(finder, text, anchor) if t.start < end and start < t.end]
    assert hits, f"nothing found for {expression!r} in {text!r}"
    return hits[0]


@pytest.mark.parametrize(
    ("text", "expression", "value", "mod"),
    [
        ("In den zwanziger Jahren wuchs die Stadt.", "zwanziger Jahren", "192", None),
        ("Die Zwanzigerjahre waren wild.", "Zwanzigerjahre", "192", None),
        ("In den Neunziger Jahren kam der Umbruch.", "Neunziger Jahren", "199", None),
        ("In den Nullerjahren begann der Boom.", "Nullerjahren", "200", None),
        ("Mitte der 90er Jahre kam die Wende.", "Mitte der 90er Jahre", "199", "MID"),
        ("Ende der achtziger Jahre fiel die Mauer.", "Ende der achtziger Jahre", "198", "END"),
        ("In den 1960er Jahren wurde gebaut.", "1960er Jahren", "196", None),
        ("Noch in den 1980ern war der Fluss schmutzig.", "1980ern", "198", None),
        ("Arbeiten aus den 1970er- und 1980er-Jahren.", "1970er-", "197", None),
        ("Ende der 1990er tauchte er auf.", "Ende der 1990er", "199", "END"),
    ],
)
def test_decades_in_words_and_digits(
    finder: TimeFinder, text: str, expression: str, value: str, mod: str
) -> None:
    found = one(finder, text, expression)
    assert (found.value, found.mod) == (value, mod)


def test_decade_word_of_the_anchor_decade_means_the_century_before(finder: TimeFinder) -> None:
    assert one(finder, "In den zwanziger Jahren war das anders.", "zwanziger", "2023-05-02").value == "192"
    assert one(finder, "In den zehner Jahren war das anders.", "zehner", "2023-05-02").value == "201"


@pytest.mark.parametrize(
    ("text", "expression", "value", "mod"),
    [
        ("Im 19. Jahrhundert entstand die Bahn.", "19. Jahrhundert", "18", None),
        ("Im neunzehnten Jahrhundert entstand die Bahn.", "neunzehnten Jahrhundert", "18", None),
        ("Das Haus stammt aus dem vorigen Jahrhundert.", "vorigen Jahrhundert", "19", None),
        ("Im letzten Jahrhundert gab es zwei Weltkriege.", "letzten Jahrhundert", "19", None),
        ("Es ist die Aufgabe dieses Jahrhunderts.", "dieses Jahrhunderts", "20", None),
        ("Ende des 18. Jahrhunderts kam die Revolution.", "Ende des 18. Jahrhunderts", "17", "END"),
        ("Anfang des zwanzigsten Jahrhunderts wuchs Wien.", "zwanzigsten Jahrhunderts", "19", "START"),
    ],
)
def test_centuries(finder: TimeFinder, text: str, expression: str, value: str, mod: str | None) -> None:
    found = one(finder, text, expression)
    assert (found.value, found.mod) == (value, mod)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Im Jahr 578 wurde das Kloster gegründet.", "Jahr 578", "0578"),
        ("Caesar starb 44 v. Chr. in Rom.", "44 v. Chr.", "BC0044"),
        ("Schon 1798 gab es hier eine Mühle.", "1798", "1798"),
        ("Erst 1930 kam der Strom.", "1930", "1930"),
        ("Von 1998 bis 2002 war er Minister.", "2002", "2002"),
        ("Zwischen 2010 und 2014 Kanzler zu sein, war schwer.", "2014", "2014"),
    ],
)
def test_years_bare_early_and_in_ranges(finder: TimeFinder, text: str, expression: str, value: str) -> None:
    assert one(finder, text, expression).value == value


def test_counts_are_not_years(finder: TimeFinder) -> None:
    assert find(finder, "Rund 1500 kamen, 1200 Menschen auch, 1000 bei der Demo, ein 1080p-Display.") == []


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (2000, "2000-04-23"),
        (2015, "2015-04-05"),
        (2019, "2019-04-21"),
        (2024, "2024-03-31"),
        (2025, "2025-04-20"),
    ],
)
def test_easter_sunday_computus(year: int, easter: str) -> None:
    assert easter_sunday(year).isoformat() == easter


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Zu Ostern 2016 kamen viele Gäste.", "Ostern 2016", "2016-03-27"),
        ("Am Palmsonntag 2025 zog die Prozession.", "Palmsonntag 2025", "2025-04-13"),
        ("Zu Pfingsten 2025 war es heiß.", "Pfingsten 2025", "2025-06-08"),
        ("An Christi Himmelfahrt 2025 war frei.", "Christi Himmelfahrt 2025", "2025-05-29"),
        ("Zu Fronleichnam 2025 war frei.", "Fronleichnam 2025", "2025-06-19"),
        ("Am Aschermittwoch 2024 begann die Fastenzeit.", "Aschermittwoch 2024", "2024-02-14"),
        ("Der Karfreitag 2024 war kalt.", "Karfreitag 2024", "2024-03-29"),
    ],
)
def test_movable_feasts_from_easter(finder: TimeFinder, text: str, expression: str, value: str) -> None:
    assert one(finder, text, expression).value == value


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Zu Allerheiligen war der Friedhof voll.", "Allerheiligen", "2014-11-01"),
        ("An Heiligabend war die Kirche voll.", "Heiligabend", "2014-12-24"),
        ("Am Tag der Deutschen Einheit wird gefeiert.", "Tag der Deutschen Einheit", "2015-10-03"),
        ("Am Nationalfeiertag wird das Heer auftreten.", "Nationalfeiertag", "2015-10-26"),
        ("Am Bundesfeiertag wird es Feuerwerk geben.", "Bundesfeiertag", "2015-08-01"),
        ("Zu Pfingsten wird die Bahn voll sein.", "Pfingsten", "2016-05-15"),
        ("Zu Pfingsten war die Bahn voll.", "Pfingsten", "2015-05-24"),
        ("Zu Weihnachten 2014 gab es Schnee.", "Weihnachten 2014", "2014-12-25"),
    ],
)
def test_holidays_take_the_year_the_clause_points_to(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert one(finder, text, expression).value == value


def test_another_countrys_national_day_is_not_austrias(finder: TimeFinder) -> None:
    assert find(finder, "Frankreichs Nationalfeiertag wurde gefeiert.") == []


def test_holiday_without_anchor_keeps_a_relative_reading(finder: TimeFinder) -> None:
    found = one(finder, "Zu Ostern kamen viele.", "Ostern", None)
    assert found.value is None and found.relative == "holiday:Ostern"


def test_holiday_table_covers_de_at_ch() -> None:
    names = load_holidays()
    for name in (
        "Tag der Deutschen Einheit",
        "Nationalfeiertag",
        "Bundesfeiertag",
        "Stefanitag",
        "Fronleichnam",
    ):
        assert name in names


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Im Frühjahr 2016 soll gebaut werden.", "Frühjahr 2016", "2016-SP"),
        ("Im kommenden Herbst wird gewählt.", "kommenden Herbst", "2015-FA"),
        ("Im kommenden Frühjahr wird gewählt.", "kommenden Frühjahr", "2016-SP"),
        ("Im vergangenen Sommer war es heiß.", "vergangenen Sommer", "2014-SU"),
        ("Im vergangenen Winter war es kalt.", "vergangenen Winter", "2014-WI"),
    ],
)
def test_seasons(finder: TimeFinder, text: str, expression: str, value: str) -> None:
    assert one(finder, text, expression).value == value


@pytest.mark.parametrize(
    ("text", "expression", "value", "mod"),
    [
        ("Anfang Mai kam er zurück.", "Anfang Mai", "2015-05", "START"),
        ("Mitte 2014 begann der Bau.", "Mitte 2014", "2014", "MID"),
        ("Ende des Jahres wird gewählt.", "Ende des Jahres", "2015", "END"),
        ("Ende des Monats geht er.", "Ende des Monats", "2015-06", "END"),
    ],
)
def test_start_middle_end_modifiers(
    finder: TimeFinder, text: str, expression: str, value: str, mod: str
) -> None:
    found = one(finder, text, expression)
    assert (found.value, found.mod) == (value, mod)


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("Von Januar bis März 2014 stieg die Zahl.", [("Januar", "2014-01"), ("März 2014", "2014-03")]),
        ("Vom 3. bis 5. Mai 2014 tagte der Rat.", [("3.", "2014-05-03"), ("5. Mai 2014", "2014-05-05")]),
        ("Zwischen 1990 und 1995 wuchs die Stadt.", [("1990", "1990"), ("1995", "1995")]),
        ("Von Montag bis Mittwoch tagte der Rat.", [("Montag", "2015-06-08"), ("Mittwoch", "2015-06-10")]),
    ],
)
def test_ranges_give_each_end_its_own_value(
    finder: TimeFinder, text: str, pairs: list[tuple[str, str]]
) -> None:
    assert [(t.text, t.value) for t in find(finder, text)] == pairs


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Demnächst kommt die Entscheidung.", "Demnächst", "FUTURE_REF"),
        ("In naher Zukunft wird es besser.", "In naher Zukunft", "FUTURE_REF"),
        ("Zur Stunde verhandeln sie noch.", "Zur Stunde", "PRESENT_REF"),
        ("Die Lage ist derzeit ruhig.", "derzeit", "PRESENT_REF"),
        ("Früher war das anders.", "Früher", "PAST_REF"),
        ("In der Vergangenheit gab es Streit.", "In der Vergangenheit", "PAST_REF"),
    ],
)
def test_generic_references(finder: TimeFinder, text: str, expression: str, value: str) -> None:
    found = one(finder, text, expression)
    assert found.value == value and found.timeml_value is None


def test_heute_meaning_nowadays_keeps_both_readings(finder: TimeFinder) -> None:
    found = one(finder, "Heute noch sprechen viele Dialekt.", "Heute")
    assert (found.value, found.timeml_value) == ("2015-06-10", "PRESENT_REF")
    today = one(finder, "Heute tagt der Rat.", "Heute")
    assert (today.value, today.timeml_value) == ("2015-06-10", None)


def test_years_ago_keep_the_date_and_the_timeml_duration(finder: TimeFinder) -> None:
    found = one(finder, "Vor fünfzig Jahren wurde die Brücke gebaut.", "fünfzig Jahren")
    assert (found.value, found.timeml_value) == ("1965", "P50Y")


def test_adjectives_are_not_generic_references(finder: TimeFinder) -> None:
    assert find(finder, "Die aktuelle Lage und künftiger Streit.") == []
