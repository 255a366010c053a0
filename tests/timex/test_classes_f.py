"""Classes of the sixth issue-15 session (long, dense narrative texts): a year that opens a chronicle's
entry or a sentence, ``bis heute`` as "up to now", ``bald`` as TimeML's FUTURE_REF.

Every sentence is invented (document date: Wednesday 18 November 2015 unless a test says otherwise); each
class has cases that must be found and cases that must not.
"""

from __future__ import annotations

import pytest

from tests.timex.finding import find, value_of
from wortlaut.timex.finder import TimeFinder


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("1930 – Das Heer putscht und bringt am 11.11. den General an die Macht.", "11.11.", "1930-11-11"),
        ("1970 – Der im August verunglückte Fahrer wird postum zum Meister erklärt.", "August", "1970-08"),
        ("2010 – Die Regierung verhängt bis Jahresende den Notstand.", "Jahresende", "2010"),
        ("2005 – Ein Streik endet. Der Mann hatte seit 28. September gefastet.", "September", "2005-09-28"),
        ("Im Herbst fiel Laub. 1999 – Der Verein wird gegründet. Im Mai folgt die Wahl.", "Mai", "1999-05"),
        ("Die Firma wuchs. 2001 wurde sie verkauft, am 3. März kam der neue Chef.", "3. März", "2001-03-03"),
    ],
)
def test_a_year_that_opens_an_entry_or_sentence_dates_what_follows(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("DATE", value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # the current year or one before it starts no narrative (a comparison point, as for ``im März 2014``)
        ("Der Umsatz stieg. 2014 lag er tiefer. Im März soll er steigen.", "März", "2016-03"),
        # a year inside a sentence is no entry
        ("Er kam 1990 nach Wien. Im März wird er geehrt.", "März", "2016-03"),
    ],
)
def test_a_year_that_opens_nothing_leaves_later_dates_to_the_anchor(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("DATE", value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Die Ursache ist bis heute unklar.", "heute", "PRESENT_REF"),
        ("Der Fahrer ist bis heute der einzige Meister nach seinem Tod.", "heute", "PRESENT_REF"),
        ("Sein Einfluss ist bis heute spürbar.", "heute", "PRESENT_REF"),
        ("Die Frist läuft bis heute Abend.", "heute Abend", "2015-11-18TEV"),
        ("Er kommt heute nach Wien.", "heute", "2015-11-18"),
    ],
)
def test_bis_heute_means_up_to_now_unless_a_part_of_the_day_follows(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    found = value_of(finder, text, expression)
    assert found is not None and found[1] == value


@pytest.mark.parametrize(
    "text",
    ["Die Daten sollen bald übertragen werden.", "Bald gibt es neue Regeln.", "Er hofft, bald zu spielen."],
)
def test_bald_is_the_near_future(finder: TimeFinder, text: str) -> None:
    assert value_of(finder, text, "ald") == ("DATE", "FUTURE_REF")


@pytest.mark.parametrize(
    "text",
    [
        "Die Akte wird angelegt, so bald ein Bürger zustimmt.",
        "Bald darauf kam er zurück.",
        "Bald nach der Wahl trat er zurück.",
        "Sobald er kommt, beginnt die Sitzung.",
        "Sie war bald müde und ging bald nach Hause.",
        "Er wurde bald entlassen.",
    ],
)
def test_bald_that_means_soon_after_or_sobald_is_no_time(finder: TimeFinder, text: str) -> None:
    assert not [t for t in find(finder, text) if "ald" in t.text]


MONTH_REPORT = (
    "Der Oktober war mild. Die höchsten Werte meldeten am Freitag den 13. zwei Orte. "
    "In den Nächten vom 11. bis 13. gab es Rekorde. Der Tiefpunkt kam am 18. in Oberharz."
)


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("Freitag den 13.", "2015-10-13"),
        ("11.", "2015-10-11"),
        ("13. gab", "2015-10-13"),
        ("18.", "2015-10-18"),
    ],
)
def test_a_day_number_alone_belongs_to_the_month_in_focus(
    finder: TimeFinder, expression: str, value: str
) -> None:
    assert value_of(finder, MONTH_REPORT, expression) == ("DATE", value)


def test_a_day_number_alone_takes_the_month_of_the_day_in_focus(finder: TimeFinder) -> None:
    text = "Am 3. März begann der Prozess. Am 5. sagte der Zeuge aus."
    assert value_of(finder, text, "5.") == ("DATE", "2015-03-05")


@pytest.mark.parametrize(
    "text",
    [
        "Er spielte am 11. gut.",  # no month in focus: nothing is guessed
        "Im Oktober kam er am 3. Spieltag zum Einsatz.",
        "Im Oktober feierte er zum 50. Mal.",
        "Im Oktober gewann er am 1. und 2. Spieltag.",
        "Im Oktober lernte er vom 1. bis 3. Lebensjahr.",
    ],
)
def test_a_day_number_before_a_noun_or_without_a_month_is_no_date(finder: TimeFinder, text: str) -> None:
    assert [t.text for t in find(finder, text) if t.text[:1].isdigit() or "am" in t.text] == []


def test_a_list_of_days_that_ends_in_a_month_keeps_that_month(finder: TimeFinder) -> None:
    text = "Im Februar gibt es Kurse am 11., 18. und 25. März."
    assert value_of(finder, text, "11.") == ("DATE", "2016-03-11")


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Von Freitag 8.00 Uhr bis Sonntag 20.00 Uhr tritt ein Verbot in Kraft.", "Freitag", "2015-11-20"),
        ("Von Freitag 8.00 Uhr bis Sonntag 20 Uhr tritt ein Verbot in Kraft.", "8.00", "2015-11-20T08:00"),
        ("Von Freitag 8.00 Uhr bis Sonntag 20.00 Uhr tritt ein Verbot in Kraft.", "Sonntag", "2015-11-22"),
        ("Von Freitag 8.00 Uhr bis Sonntag 20.00 Uhr galt ein Verbot.", "Freitag", "2015-11-13"),
        ("Von Freitag 8.00 Uhr bis Sonntag 20.00 Uhr galt ein Verbot.", "Sonntag", "2015-11-15"),
    ],
)
def test_a_weekday_range_with_clock_times_starts_ahead_unless_the_clause_is_past(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    found = value_of(finder, text, expression)
    assert found is not None and found[1] == value


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Der Marsch beginnt am Nachmittag des kommenden Samstag.", "Nachmittag", "2015-11-21TAF"),
        ("Er kam am Abend des Montags.", "Abend", "2015-11-16TEV"),
        ("Sie sprach am Vormittag vom Dienstag.", "Vormittag", "2015-11-17TMO"),
    ],
)
def test_a_part_of_the_day_before_a_weekday_in_the_genitive_is_one_time_of_that_day(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("TIME", value)
    assert len(find(finder, text)) == 1


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("In der Nacht auf Sonntag gegen 23.30 Uhr kam es zum Kontakt.", "23.30 Uhr", "2015-11-14T23:30"),
        ("In der Nacht zum Freitag um 22 Uhr brannte es.", "22 Uhr", "2015-11-12T22:00"),
        (
            "In der Nacht auf Samstag fiel Schnee. Der Start wurde auf 22 Uhr verschoben.",
            "22 Uhr",
            "2015-11-14T22:00",
        ),
        ("In der Nacht auf Sonntag gegen 2.30 Uhr brannte es.", "2.30 Uhr", "2015-11-15T02:30"),
        ("Am Sonntag um 23 Uhr kam er.", "23 Uhr", "2015-11-15T23:00"),
    ],
)
def test_an_evening_clock_time_in_a_night_named_after_its_morning_falls_on_the_day_before(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("TIME", value)


@pytest.mark.parametrize(
    "text",
    [
        "Sie wurde 1923 mit nur 25 Jahren zur Stadtdirektorin berufen.",
        "Er kehrte mit 88 Jahren nach Berlin zurück.",
        "Mit 30 Jahren ging er nach Paris.",
    ],
)
def test_mit_and_a_count_of_years_is_an_age_not_a_duration(finder: TimeFinder, text: str) -> None:
    assert not [t for t in find(finder, text) if t.type == "DURATION"]


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Der Zug kam mit zwei Jahren Verspätung.", "zwei Jahren", "P2Y"),
        ("Er wurde mit drei Jahren Haft bestraft.", "drei Jahren", "P3Y"),
        ("Der Bau dauerte seit 25 Jahren an.", "25 Jahren", "P25Y"),
    ],
)
def test_a_count_of_years_before_a_noun_or_without_mit_stays_a_duration(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("DURATION", value)


def test_a_weekday_with_den_and_a_day_number_is_a_date_whatever_follows(finder: TimeFinder) -> None:
    text = "Der Oktober war mild. Die höchsten Werte meldeten am Freitag den 13. Rheinfelden und Müllheim."
    assert value_of(finder, text, "Freitag den 13.") == ("DATE", "2015-10-13")


def test_jahresende_in_a_narrative_is_the_end_of_the_narrative_year(finder: TimeFinder) -> None:
    text = "2010 – Ein Damm bricht. Zehn Menschen sterben. Die Regierung ruft bis Jahresende Notstand aus."
    assert value_of(finder, text, "Jahresende") == ("DATE", "2010")
    assert value_of(finder, "Der Umsatz soll bis Jahresende steigen.", "Jahresende") == ("DATE", "2015")


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # said in February 2016 about the autumn before, with the preterite glued to its prefix
        ("In der Steiermark, wo im Herbst viele Flüchtlinge ankamen, sank die Zahl.", "Herbst", "2015-FA"),
        ("Die Tagung, die im Herbst stattfand, war gut besucht.", "Herbst", "2015-FA"),
        ("Die Tagung, die am Montag stattfand, war gut besucht.", "Montag", "2016-02-08"),
        ("Die Tagung findet im Herbst statt.", "Herbst", "2016-FA"),
    ],
)
def test_a_preterite_glued_to_its_separable_prefix_is_a_past_cue(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    found = [t for t in find(finder, text, anchor="2016-02-10") if expression in t.text]
    assert [t.value for t in found] == [value]


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Monat für Monat stiegen die Preise.", "Monat für Monat", "P1M"),
        ("Jahr für Jahr kommen mehr Touristen.", "Jahr für Jahr", "P1Y"),
        ("Wir müssen uns Tag für Tag steigern.", "Tag für Tag", "P1D"),
        ("Woche für Woche wuchs die Schlange.", "Woche für Woche", "P1W"),
    ],
)
def test_a_unit_fuer_the_same_unit_is_a_set(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("SET", value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Das 100-Tage-Sofortprogramm startet.", "100-Tage", "P100D"),
        ("Der 24-Stunden-Streik endet.", "24-Stunden", "PT24H"),
        ("Ein 5-Jahres-Plan wurde beschlossen.", "5-Jahres", "P5Y"),
        ("Das dauerte nur wenige Sekunden.", "wenige Sekunden", "PTXS"),
    ],
)
def test_a_count_of_a_unit_in_a_compound_and_a_few_seconds_are_durations(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("DURATION", value)


@pytest.mark.parametrize(
    "text", ["Ein 40-Tonnen-Lkw fuhr vor.", "Der Tag für die Feier steht fest.", "Die 100-Tage sind um."]
)
def test_units_without_a_repetition_or_compound_give_no_set_or_count(finder: TimeFinder, text: str) -> None:
    assert not [t for t in find(finder, text) if t.type == "SET" or "-" in t.text]


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Am Freitag wurde eröffnet.\nMo, 11:41 Uhr\n06.11.2023\nEr sprach.", "11:41", "2023-11-06T11:41"),
        ("Der Oktober war nass.\nDi, 10:19 Uhr\n31.10.2023\nEs regnete.", "10:19", "2023-10-31T10:19"),
        ("Kommentar\nSo, 09:05 Uhr\nSchön.", "09:05", "2023-11-05T09:05"),
    ],
)
def test_a_stamp_line_of_a_weekday_abbreviation_and_a_clock_time_is_that_day_up_to_the_anchor(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    found = [t for t in find(finder, text, anchor="2023-11-06") if expression in t.text]
    assert [(t.type, t.value) for t in found] == [("TIME", value)]


def test_a_weekday_abbreviation_inside_a_line_is_no_stamp(finder: TimeFinder) -> None:
    found = find(finder, "Das Konzert ist Sa, 19:30 Uhr: Eintritt frei.", anchor="2023-11-06")
    assert [t.text for t in found] == ["19:30 Uhr"]


@pytest.mark.parametrize(
    ("text", "anchor", "years"),
    [
        ("Delegiertenversammlung 2021 Freiburg\nRund 150 Delegierte kamen.", "2021-10-13", ["2021"]),
        ("Sie ist seit den Wahlen 2014 Vizebürgermeisterin.", "2015-11-18", ["2014"]),
        ("Im Land sind 2500 Soldaten stationiert.", "2015-11-18", []),
        ("Im Land sind 2021 Soldaten stationiert.", "2015-11-18", []),
        ("Das Objekt 2014 MU69 ist klein.", "2015-11-18", []),
    ],
)
def test_a_number_before_a_capitalised_word_is_a_year_only_near_the_anchors(
    finder: TimeFinder, text: str, anchor: str, years: list[str]
) -> None:
    assert [t.value for t in find(finder, text, anchor=anchor) if t.type == "DATE"] == years


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("Der Oktober war mild. Der Monat gehört zu den wärmsten.", "Der Monat"),
        ("Im Oktober kamen 10.000. Die Stadt zählte in dem Monat 130.000 Gäste.", "in dem Monat"),
        ("Im Oktober flog sie hin und im gleichen Monat zurück.", "im gleichen Monat"),
    ],
)
def test_the_month_named_again_by_its_noun_is_the_month_in_focus(
    finder: TimeFinder, text: str, expression: str
) -> None:
    assert value_of(finder, text, expression) == ("DATE", "2015-10")


@pytest.mark.parametrize(
    "text",
    [
        "Der Monat war schön.",  # no month in focus
        "Im Oktober beginnt der Monat Ramadan.",
        "Im Oktober kam er, im Monat danach ging er.",
        "Im Oktober fragte er nach dem Monat, in dem sie kam.",
    ],
)
def test_the_noun_monat_before_a_name_a_count_or_without_a_month_in_focus_is_no_anaphor(
    finder: TimeFinder, text: str
) -> None:
    assert [t.text for t in find(finder, text) if "Monat" in t.text and "Oktober" not in t.text] == []


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Nach zehnjähriger Reise landete die Sonde.", "zehnjähriger", "P10Y"),
        ("Die zweijährige Mission endet.", "zweijährige", "P2Y"),
        ("Nach dreijähriger Ausbildung begann er.", "dreijähriger", "P3Y"),
    ],
)
def test_an_adjective_of_years_before_a_journey_or_mission_is_a_duration(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("DURATION", value)


def test_an_adjective_of_years_before_a_person_stays_an_age(finder: TimeFinder) -> None:
    assert find(finder, "Ein zehnjähriger Junge reiste mit.") == []
