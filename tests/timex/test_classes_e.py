"""Classes of the fifth issue-15 session: weekdays two weeks off, the onset's ``ab``, preterites of strong
verbs as tense cues, counts grouped by thousands, abbreviated units, durations written like a clock,
decades said as a noun.

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
        ("Er spielte am vorletzten Donnerstag.", "vorletzten Donnerstag", "2015-11-05"),
        ("Am vorletzten Mittwoch wurde gewählt.", "vorletzten Mittwoch", "2015-11-04"),
        ("Er spielt am übernächsten Donnerstag.", "übernächsten Donnerstag", "2015-11-26"),
        ("Übernächsten Mittwoch wird gewählt.", "Übernächsten Mittwoch", "2015-12-02"),
        ("Er spielte am letzten Donnerstag.", "letzten Donnerstag", "2015-11-12"),
    ],
)
def test_a_weekday_two_weeks_off_moves_one_week_beyond_the_next_or_last(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("DATE", value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Ab Montag gelten neue Regeln.", "Montag", "2015-11-23"),
        ("Der ORF zeigt ab Montag die Serie.", "Montag", "2015-11-23"),
        ("Ab März gilt die Regel.", "März", "2016-03"),
        ("Die Kandidaten können sich ab dem 3. Februar melden.", "3. Februar", "2016-02-03"),
        ("Ab Montag galten neue Regeln.", "Montag", "2015-11-16"),
        ("Ab März galt die Regel.", "März", "2015-03"),
        ("Ab Montag hatten alle frei.", "Montag", "2015-11-16"),
    ],
)
def test_ab_before_a_day_or_month_looks_ahead_unless_the_clause_is_past(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("DATE", value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Der Senator zog sich im März zurück.", "März", "2015-03"),
        ("Obama rief im Jänner den Notstand aus.", "Jänner", "2015-01"),
        ("Bei den Kämpfen starben am Montag zwei Soldaten.", "Montag", "2015-11-16"),
        ("Die Wiener verloren am 13. Dezember in Salzburg.", "13. Dezember", "2014-12-13"),
        ("Im März beginnt die Saison.", "März", "2016-03"),
    ],
)
def test_preterites_of_strong_verbs_look_back(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("DATE", value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Die Freiwilligen leisteten 10.000 Arbeitsstunden.", "10.000 Arbeitsstunden", "PT10000H"),
        ("Es war der schlimmste Regen seit 1.000 Jahren.", "1.000 Jahren", "P1000Y"),
        ("Der Tarif enthält 1.000 Minuten Telefonie.", "1.000 Minuten", "PT1000M"),
        ("Das Video dauert 2 min.", "2 min", "PT2M"),
        # the parts of one length join (issue 15j): ``3 Std. und 20 Min.`` is PT3H20M
        ("Die Fahrt dauert 3 Std. und 20 Min. bis Graz.", "3 Std.", "PT3H20M"),
        ("Die Fahrt dauert 3 Std. und 20 Min. bis Graz.", "20 Min.", "PT3H20M"),
        ("Er lief die 100 Meter in 9,8 Sek. ins Ziel.", "9,8 Sek.", "PT9.8S"),
        ("Das Treffen dauerte zweieinhalb Minuten.", "zweieinhalb Minuten", "PT2.5M"),
    ],
)
def test_counts_by_thousands_and_abbreviated_units_are_durations(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("DURATION", value)


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Der Absatz stieg auf 21.758 Gigawattstunden.", "Gigawattstunden"),
        ("In Wien wurden 7.228 Wochenstunden gehalten.", "Wochenstunden"),
        ("Der Stern ist 100 Lichtjahre entfernt.", "Lichtjahre"),
        ("Die Zahl stieg auf 4.394.093 Besucher.", "4.394.093"),
    ],
)
def test_energy_rates_distances_and_plain_counts_are_no_durations(
    finder: TimeFinder, text: str, expression: str
) -> None:
    assert value_of(finder, text, expression) is None


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Er siegte nach 3:38 Stunden.", "3:38 Stunden", "PT3H38M"),
        ("Der Sieger brauchte 8:14:40 Stunden.", "8:14:40 Stunden", "PT8H14M40S"),
        ("Er fuhr in 1:14,607 Minuten die Bestzeit.", "1:14,607 Minuten", "PT1M14.607S"),
        ("Ogier gewann in 3:35:49,5 Std. vor Latvala.", "3:35:49,5 Std.", "PT3H35M49.5S"),
        ("Er stand 18:57 Minuten auf dem Eis.", "18:57 Minuten", "PT18M57S"),
        ("Er siegte nach 3:48 nervenaufreibenden Stunden.", "3:48", "PT3H48M"),
    ],
)
def test_a_duration_written_like_a_clock_reads_its_fields(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("DURATION", value)


def test_a_score_or_a_clock_time_is_no_stopwatch_duration(finder: TimeFinder) -> None:
    assert value_of(finder, "Das Spiel endete 3:1. Stunden später kam er.", "3:1") is None
    assert value_of(finder, "Er lief 1:75 Minuten.", "1:75") is None
    assert value_of(finder, "Um 14:30 Uhr begann es.", "14:30") == ("TIME", "2015-11-18T14:30")


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Das war in den Achtzigern anders.", "Achtzigern", "198"),
        ("Ende der Neunziger zog er nach Wien.", "Ende der Neunziger", "199"),
        ("In den 80ern war das anders.", "80ern", "198"),
        ("Mitte der 70er kam er nach Wien.", "Mitte der 70er", "197"),
        ("In den 1980ern war das anders.", "1980ern", "198"),
    ],
)
def test_a_decade_said_as_a_noun_is_the_decade(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("DATE", value)


@pytest.mark.parametrize(
    "text",
    ["Ein Achtziger stand am Rand.", "Die Achtziger-Bewegung war laut.", "Er fuhr mit den Achtzigern."],
)
def test_a_person_in_their_eighties_or_a_compound_is_no_decade(finder: TimeFinder, text: str) -> None:
    assert not find(finder, text)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Jeden Sommer kommen Touristen.", "Jeden Sommer", "XXXX-SU"),
        ("Jedes Frühjahr blüht es.", "Jedes Frühjahr", "XXXX-SP"),
        ("Solche Fälle gibt es fast jedes Wochenende.", "jedes Wochenende", "XXXX-WXX-WE"),
        ("Montags ist geschlossen.", "Montags", "XXXX-WXX-1"),
        ("Er kommt freitags.", "freitags", "XXXX-WXX-5"),
    ],
)
def test_every_season_weekend_and_weekday_adverb_is_a_set(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("SET", value)


def test_a_capitalised_weekday_genitive_inside_a_sentence_is_no_set(finder: TimeFinder) -> None:
    assert not find(finder, "Die Hälfte des Montags war verregnet.")


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        (
            "Am 3. März 2010 begann der Bau. Am Freitag darauf wurde er gestoppt.",
            "Freitag darauf",
            "2010-03-05",
        ),
        ("Am 3. März 2010 begann der Bau. Am folgenden Freitag ruhte er.", "folgenden Freitag", "2010-03-05"),
        (
            "Am Montag begann der Bau, am darauffolgenden Donnerstag war er fertig.",
            "Donnerstag",
            "2015-11-19",
        ),
    ],
)
def test_a_weekday_after_the_day_in_focus_counts_from_that_day(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("DATE", value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Das Konzert beginnt um 20 Uhr 30.", "20 Uhr 30", "2015-11-18T20:30"),
        ("Das Konzert beginnt um 8 Uhr abends.", "8 Uhr abends", "2015-11-18T20:00"),
        ("Er rief um 11 Uhr nachts an.", "11 Uhr nachts", "2015-11-18T23:00"),
        ("Er rief um 2 Uhr nachts an.", "2 Uhr nachts", "2015-11-18T02:00"),
        ("Er fuhr um 7 Uhr morgens los.", "7 Uhr morgens", "2015-11-18T07:00"),
        ("Um 20 Uhr 15 Gäste kamen.", "20 Uhr", "2015-11-18T20:00"),
    ],
)
def test_minutes_after_uhr_and_a_part_of_the_day_set_the_clock(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("TIME", value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Am Montagabend gegen 22 Uhr brannte es.", "22 Uhr", "2015-11-16T22:00"),
        ("In der Nacht auf Sonntag gegen 3 Uhr brannte es.", "3 Uhr", "2015-11-15T03:00"),
        ("Gestern Abend brannte es. Gegen 23 Uhr kam die Feuerwehr.", "23 Uhr", "2015-11-17T23:00"),
        (
            "Am Montag brannte es. Am Abend kam die Feuerwehr. Um 23 Uhr war es gelöscht.",
            "23 Uhr",
            "2015-11-16T23:00",
        ),
    ],
)
def test_a_clock_time_falls_on_the_day_whose_part_was_named_last(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("TIME", value)


@pytest.mark.parametrize("word", ["Neulich", "Letzthin"])
def test_neulich_and_letzthin_are_past_references(finder: TimeFinder, word: str) -> None:
    assert value_of(finder, f"{word} fand das Fest statt.", word) == ("DATE", "PAST_REF")


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Am Hohen Frauentag zogen die Schützen aus.", "Hohen Frauentag", "2015-08-15"),
        ("Zu Ferragosto waren die Strände voll.", "Ferragosto", "2015-08-15"),
        ("Zu Dreikönig kommen die Sternsinger.", "Dreikönig", "2016-01-06"),
        ("Am Frauentag hatten sie demonstriert.", "Frauentag", "2015-03-08"),
    ],
)
def test_tyrolean_and_italian_feasts_are_dates(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("DATE", value)
