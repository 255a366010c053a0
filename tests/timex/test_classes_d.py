"""Classes of the fourth issue-15 session: international days, spans counted from a direction word, the
origin's ``von``/``vom``, ``bis`` before a day or month, clock times with a time zone, the generic ``von
morgen``.

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
        ("Am Weltfrauentag wird demonstriert.", "Weltfrauentag", "2016-03-08"),
        ("Am vergangenen Frauentag forderten sie gleiche Löhne.", "Frauentag", "2015-03-08"),
        ("Am Tag der Pressefreiheit 2014 sprach er.", "Tag der Pressefreiheit 2014", "2014-05-03"),
        ("Der Welt-Aids-Tag wird am Dienstag begangen.", "Welt-Aids-Tag", "2015-12-01"),
        ("Zum Holocaust-Gedenktag soll der Präsident sprechen.", "Holocaust-Gedenktag", "2016-01-27"),
        ("Zum Welttag des Buches hatten Kinder vorgelesen.", "Welttag des Buches", "2015-04-23"),
    ],
)
def test_international_days_are_dates(finder: TimeFinder, text: str, expression: str, value: str) -> None:
    assert value_of(finder, text, expression) == ("DATE", value)


def test_a_day_of_the_week_is_not_an_international_day(finder: TimeFinder) -> None:
    assert value_of(finder, "Der Tag der Entscheidung kam.", "Tag der Entscheidung") is None


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("In den nächsten zwei Wochen wird gebaut.", "nächsten zwei Wochen", ("DURATION", "P2W")),
        ("Es wird in den kommenden drei Monaten gebaut.", "kommenden drei Monaten", ("DURATION", "P3M")),
        ("Die Zahl ist in den vergangenen fünf Monaten gestiegen.", "fünf Monaten", ("DURATION", "P5M")),
        ("In den ersten zehn Monaten kamen 600 Menschen.", "ersten zehn Monaten", ("DURATION", "P10M")),
        # without one, a date ahead (2015-W49 on the timeline) whose TimeML reading is the count
        ("Es wird in zwei Wochen gebaut.", "in zwei Wochen", ("DATE", "P2W")),
    ],
)
def test_a_count_after_a_direction_word_is_a_span(
    finder: TimeFinder, text: str, expression: str, value: tuple[str, str]
) -> None:
    assert value_of(finder, text, expression) == value


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Es geht darum, die Entscheidung von Februar aufzuheben.", "Februar", "2015-02"),
        ("Das Urteil vom 3. Dezember wird angefochten.", "3. Dezember", "2014-12-03"),
        ("Das Angebot vom Freitag wird angenommen.", "Freitag", "2015-11-13"),
        ("Von Februar bis Mai wird gebaut.", "Mai", "2016-05"),
        ("Die nächste Runde startet in der Woche vom 25. April.", "25. April", "2016-04-25"),
        ("In der Nacht von Montag auf Dienstag wird gestreikt.", "Dienstag", "2015-11-24"),
    ],
)
def test_von_before_a_date_that_starts_no_range_dates_an_origin(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("DATE", value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Die Frist läuft bis Freitag.", "Freitag", "2015-11-20"),
        ("Sein Vertrag läuft noch bis Ende Oktober.", "Ende Oktober", "2016-10"),
        ("Die Bischöfe beraten bis zum 25. Oktober im Vatikan.", "25. Oktober", "2016-10-25"),
        ("Er hatte bis Freitag gewartet.", "Freitag", "2015-11-13"),
        ("Er war bis Oktober im Amt.", "Oktober", "2015-10"),
        ("Die Zahlen liegen für April bis Juni vor.", "Juni", "2015-06"),
    ],
)
def test_bis_before_a_day_or_month_looks_ahead_without_tense(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("DATE", value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Die Seeleute streiken seit 06.00 Uhr Ortszeit (5.00 MEZ).", "5.00 MEZ", "2015-11-18T05:00"),
        ("Die Rakete startete um 14.30 UTC.", "14.30 UTC", "2015-11-18T14:30"),
        ("19.11.2015, 15:30 UhrAm Spieltag trafen sie sich.", "15:30 Uhr", "2015-11-19T15:30"),
    ],
)
def test_clock_times_with_a_zone_or_a_glued_word(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("TIME", value)


def test_uhr_inside_a_word_is_no_clock_time(finder: TimeFinder) -> None:
    assert value_of(finder, "Das 12 Uhrwerk steht.", "12") is None
    assert value_of(finder, "Der Preis liegt bei 5.00 MEZZO.", "5.00") is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Wie sieht die Stadt von morgen aus?", "FUTURE_REF"),
        ("Die Spitzenforscher von morgen gehen.", "FUTURE_REF"),
        ("Von morgen an gilt die Regel.", "2015-11-19"),
        ("Die Regel gilt von morgen bis Freitag.", "2015-11-19"),
        ("Das Treffen wurde von morgen auf Freitag verschoben.", "2015-11-19"),
    ],
)
def test_von_morgen_after_a_noun_is_the_generic_future(finder: TimeFinder, text: str, value: str) -> None:
    assert value_of(finder, text, "morgen") == ("DATE", value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Montagfrüh begann der Streik.", "Montagfrüh", "2015-11-16TMO"),
        ("Am Montag früh begann der Streik.", "Montag früh", "2015-11-16TMO"),
        ("Der Streik soll Freitag früh beginnen.", "Freitag früh", "2015-11-20TMO"),
    ],
)
def test_frueh_after_a_weekday_is_its_morning(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("TIME", value)


def test_frueher_after_a_weekday_is_no_morning(finder: TimeFinder) -> None:
    assert value_of(finder, "Am Montag früher als sonst kam er.", "Montag") == ("DATE", "2015-11-16")


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Die erste Etappe startete am Montag, dem 2. Mai, in Helsinki.", "2. Mai", "2016-05-02"),
        ("Die Versammlung beginnt am Montag, 15. Juni, mit einem Gebet.", "15. Juni", "2015-06-15"),
        ("Am Donnerstag, 18. Dezember wird ein Rennen ausgetragen.", "18. Dezember", "2014-12-18"),
        (
            "Die Kommission hat am Dienstag den 1. November als Wahltag festgelegt.",
            "1. November",
            "2015-11-01",
        ),
    ],
)
def test_a_weekday_in_apposition_fixes_the_year_of_its_date(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("DATE", value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Die Wahlen finden am Sonntag statt.", "2015-11-22"),
        ("Die Wahlen fanden am Sonntag statt.", "2015-11-15"),
        ("Das Rennen startet am Sonntag.", "2015-11-22"),
        ("Das Rennen startete am Sonntag.", "2015-11-15"),
    ],
)
def test_scheduling_verbs_give_a_weekday_its_direction(finder: TimeFinder, text: str, value: str) -> None:
    assert value_of(finder, text, "Sonntag") == ("DATE", value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Jedes Jahr im Mai blühen die Bäume.", "Mai", "XXXX-05"),
        ("Das Fest findet alljährlich am 3. Mai statt.", "3. Mai", "XXXX-05-03"),
        ("Immer im Herbst kommen die Gäste.", "Herbst", "XXXX-FA"),
        ("Im Mai stieg die Zahl.", "Mai", "2015-05"),
        ("Jährlich war es so, auch im Juni 2014.", "Juni 2014", "2014-06"),
        ("Jedes Jahr, auch im vergangenen Herbst, kamen sie.", "vergangenen Herbst", "2014-FA"),
    ],
)
def test_a_month_or_day_said_of_every_year_has_no_year(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("DATE", value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Die Abstimmung ist am Montag gegen 10 Uhr.", "2015-11-23"),
        ("Er hat am Montag gegen die Regierung gestimmt.", "2015-11-16"),
        ("Die Frist ist am Montag abgelaufen.", "2015-11-16"),
    ],
)
def test_gegen_is_no_participle_of_a_perfect_tense(finder: TimeFinder, text: str, value: str) -> None:
    assert value_of(finder, text, "Montag") == ("DATE", value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Im kommenden Jahrzehnt soll alles anders werden.", "kommenden Jahrzehnt", ("DATE", "202")),
        ("Im vergangenen Jahrzehnt wuchs die Stadt.", "vergangenen Jahrzehnt", ("DATE", "200")),
        ("Ende des Jahrzehnts ist Schluss.", "Ende des Jahrzehnts", ("DATE", "201")),
        ("Seit einem Jahrzehnt regiert er.", "einem Jahrzehnt", ("DURATION", "P10Y")),
        ("In den vergangenen Jahrzehnten wuchs sie.", "vergangenen Jahrzehnten", ("DURATION", "PXDE")),
    ],
)
def test_a_decade_counted_from_now(
    finder: TimeFinder, text: str, expression: str, value: tuple[str, str]
) -> None:
    assert value_of(finder, text, expression) == value


def test_a_decade_without_a_direction_word_is_no_date(finder: TimeFinder) -> None:
    assert value_of(finder, "Das Jahrzehnt der Reformen begann.", "Jahrzehnt") is None
