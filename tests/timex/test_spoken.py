"""Clock times in words, counted sets, the same period a year before, modal direction, weekday ranges,
half units and direction words before months (issue 15, third session).

Every sentence is invented; each class has cases that must be found and cases that must not.
"""

from __future__ import annotations

import pytest

from tests.timex.finding import ANCHOR, find
from wortlaut.timex.finder import TimeFinder


def values(finder: TimeFinder, text: str, anchor: str = ANCHOR) -> list[tuple[str, str, str | None]]:
    return [(t.text, t.type, t.timeml_value or t.value) for t in find(finder, text, anchor)]


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Die Sitzung beginnt um halb neun.", "um halb neun", "2015-11-18T08:30"),
        ("Er kam um Viertel nach zehn.", "um Viertel nach zehn", "2015-11-18T10:15"),
        ("Sie gingen gegen Viertel vor zehn Uhr.", "gegen Viertel vor zehn Uhr", "2015-11-18T09:45"),
        ("Er rief um drei viertel acht an.", "um drei viertel acht", "2015-11-18T07:45"),
        ("Um Mitternacht schließt das Lokal.", "Um Mitternacht", "2015-11-18T24:00"),
        ("Zu Mittag gab es eine Pause.", "Zu Mittag", "2015-11-18TMI"),
        ("In der Früh war es kalt.", "In der Früh", "2015-11-18TMO"),
        ("Am Freitag kam er um halb zwölf.", "um halb zwölf", "2015-11-13T11:30"),
    ],
)
def test_clock_times_in_words_are_times_of_the_day_in_focus(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert (expression, "TIME", value) in values(finder, text)


@pytest.mark.parametrize(
    "text",
    [
        "Die Hälfte der Stimmen ging an die Liste.",
        "Ein Viertel der Befragten war dagegen.",
        "Der Mittagstisch kostet neun Euro.",
        "Er war früh dran.",
    ],
)
def test_fractions_and_meals_are_no_clock_times(finder: TimeFinder, text: str) -> None:
    assert values(finder, text) == []


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Die Sitzung findet alle zwei Wochen statt.", "alle zwei Wochen", "P2W"),
        ("Alle drei Jahre wird gewählt.", "Alle drei Jahre", "P3Y"),
        ("Der Bus fährt alle 20 Minuten.", "alle 20 Minuten", "PT20M"),
        ("Die Messung läuft alle sechs Stunden.", "alle sechs Stunden", "PT6H"),
    ],
)
def test_every_n_units_is_a_set(finder: TimeFinder, text: str, expression: str, value: str) -> None:
    assert (expression, "SET", value) in values(finder, text)


def test_alle_before_a_noun_is_no_set(finder: TimeFinder) -> None:
    assert values(finder, "Alle zwei Kandidaten traten an.") == []


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        (
            "Im dritten Quartal sanken die Exporte gegenüber dem gleichen Zeitraum des Vorjahres.",
            "dem gleichen Zeitraum des Vorjahres",
            "2014-Q3",
        ),
        ("Im Oktober stieg der Umsatz gegenüber dem Vorjahresmonat.", "Vorjahresmonat", "2014-10"),
        (
            "Im ersten Halbjahr 2012 sank der Absatz unter den Vorjahreszeitraum.",
            "Vorjahreszeitraum",
            "2011-H1",
        ),
        ("Der Umsatz stieg gegenüber dem Vorjahreszeitraum.", "Vorjahreszeitraum", "2014"),
    ],
)
def test_same_period_a_year_before_shifts_the_period_in_focus(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert (expression, "DATE", value) in values(finder, text)


def test_period_in_focus_carries_to_the_next_sentence(finder: TimeFinder) -> None:
    text = "Im dritten Quartal 2009 sanken die Exporte. Gegenüber dem Vorjahresquartal war das ein Minus."
    assert ("Vorjahresquartal", "DATE", "2008-Q3") in values(finder, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("In Kürze wird entschieden.", "FUTURE_REF"),
        ("In naher Zukunft sollen die Preise sinken.", "FUTURE_REF"),
        ("Vor Kurzem wurde das Gebäude renoviert.", "PAST_REF"),
    ],
)
def test_near_future_and_recent_past_phrases(finder: TimeFinder, text: str, value: str) -> None:
    assert [found[2] for found in values(finder, text)] == [value]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # future: a modal in the subjunctive or a wish looks ahead
        ("Am Freitag könnte die Entscheidung fallen.", "2015-11-20"),
        ("Die Minister dürften am Freitag entscheiden.", "2015-11-20"),
        ("Am Freitag möchte der Rat abstimmen.", "2015-11-20"),
        # past: the preterite of a modal looks back
        ("Am Freitag musste er vor Gericht.", "2015-11-13"),
        ("Am Freitag konnten die Gäste wieder einreisen.", "2015-11-13"),
        # present: a copula whose predicate is the weekday announces
        ("Die Entscheidung ist am Freitag.", "2015-11-20"),
    ],
)
def test_weekday_direction_follows_modal_verbs(finder: TimeFinder, text: str, expected: str) -> None:
    assert [found[2] for found in values(finder, text)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Messe wird von Freitag bis Montag geöffnet sein.", ["2015-11-20", "2015-11-23"]),
        ("Die Messe war von Freitag bis Montag geöffnet.", ["2015-11-13", "2015-11-16"]),
        (
            "Es waren vergangene Woche von Montag bis Freitag 200 Menschen.",
            ["2015-W46", "2015-11-09", "2015-11-13"],
        ),
        ("Die Messe wird von Dienstag bis Donnerstag dauern.", ["2015-11-24", "2015-11-26"]),
    ],
)
def test_a_weekday_range_runs_forward(finder: TimeFinder, text: str, expected: list[str]) -> None:
    assert [found[2] for found in values(finder, text)] == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Die Pläne wurden im vergangenen September vorgestellt und könnten helfen.", "2015-09"),
        ("Der Fall aus dem vergangenen Mai wird verhandelt werden.", "2015-05"),
        ("Im kommenden März wurde die Wahl angesetzt.", "2016-03"),
    ],
)
def test_direction_word_before_a_month_beats_the_tense(finder: TimeFinder, text: str, value: str) -> None:
    assert [found[2] for found in values(finder, text)] == [value]


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Er saß ein halbes Jahr in Haft.", "ein halbes Jahr", "P6M"),
        ("Das Gespräch dauerte eine halbe Stunde.", "eine halbe Stunde", "PT30M"),
        ("Sie lebte ein halbes Jahrhundert in Wien.", "ein halbes Jahrhundert", "P50Y"),
        ("Er war 40 bzw. 42 Jahre lang im Dienst.", "40", "P40Y"),
    ],
)
def test_half_units_and_alternative_counts(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert (expression, "DURATION", value) in values(finder, text)


def test_alternative_ages_stay_out(finder: TimeFinder) -> None:
    assert values(finder, "Die Brüder sind 40 bzw. 42 Jahre alt.") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Am Allerseelentag gedenken sie der Toten.", "2015-11-02"),
        ("Zu Maria Empfängnis haben die Geschäfte offen.", "2015-12-08"),
        ("Am Herz-Jesu-Sonntag werden die Feuer brennen.", "2016-06-05"),
        ("Am Weißen Sonntag war Erstkommunion.", "2015-04-12"),
    ],
)
def test_more_feasts_of_the_calendar(finder: TimeFinder, text: str, value: str) -> None:
    assert [found[2] for found in values(finder, text)] == [value]


@pytest.mark.parametrize(
    ("text", "expression", "value", "timeml", "mod"),
    [
        ("Vor rund zwei Wochen wurde das bekannt.", "Vor rund zwei Wochen", "2015-W45", "P2W", "APPROX"),
        ("Vor über zehn Jahren war das anders.", "Vor über zehn Jahren", "2005", "P10Y", "BEFORE"),
        ("Nach knapp drei Stunden war es vorbei.", "Nach knapp drei Stunden", "PT3H", None, "LESS_THAN"),
        ("In etwa zwei Wochen wird entschieden.", "In etwa zwei Wochen", "2015-W49", "P2W", "APPROX"),
    ],
)
def test_approximate_counts_keep_their_preposition_and_get_a_mod(
    finder: TimeFinder, text: str, expression: str, value: str, timeml: str | None, mod: str
) -> None:
    (found,) = find(finder, text)
    assert (found.text, found.value, found.timeml_value, found.mod) == (expression, value, timeml, mod)


@pytest.mark.parametrize(
    ("text", "expression", "value", "mod"),
    [
        ("Im Spätherbst 2014 wurde gebaut.", "Spätherbst 2014", "2014-FA", "END"),
        ("Im Frühsommer 2013 blühten die Rosen.", "Frühsommer 2013", "2013-SU", "START"),
        ("Im Hochsommer war es heiß.", "Hochsommer", "2015-SU", "MID"),
    ],
)
def test_season_compounds_name_a_part_of_the_season(
    finder: TimeFinder, text: str, expression: str, value: str, mod: str
) -> None:
    (found,) = find(finder, text)
    assert (found.text, found.value, found.mod) == (expression, value, mod)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Übernächste Woche wird gestreikt.", "2015-W49"),
        ("Vorletzte Woche wurde gestreikt.", "2015-W45"),
        ("Um die Jahrtausendwende änderte sich das.", "2000"),
    ],
)
def test_two_steps_away_and_the_turn_of_the_millennium(finder: TimeFinder, text: str, value: str) -> None:
    assert [found[2] for found in values(finder, text)] == [value]


def test_a_position_inside_a_named_unit_is_no_count_back(finder: TimeFinder) -> None:
    assert values(finder, "Im vorletzten Monat des Jahres kommen neue Kameras.") == []


def test_day_range_with_bis_zum_gives_both_ends(finder: TimeFinder) -> None:
    found = values(finder, "Die Messe dauert vom 3. bis zum 5. Mai.")
    assert [value for _, _, value in found] == ["2016-05-03", "2016-05-05"]


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        ("Die Arbeiten sollen im Frühjahr beginnen.", "2014-07-08", "2015-SP"),
        ("Die Arbeiten wurden im Frühjahr begonnen.", "2014-07-08", "2014-SP"),
        ("Die Arbeiten wurden im Herbst begonnen.", "2014-07-08", "2013-FA"),
        ("Die Arbeiten sollen im Herbst beginnen.", "2014-07-08", "2014-FA"),
        ("Im Winter wurde gebaut.", "2014-07-08", "2013-WI"),
        ("Im Winter wird gebaut.", "2014-07-08", "2014-WI"),
        ("Im Sommer ist es heiß.", "2014-07-08", "2014-SU"),
    ],
)
def test_bare_season_direction_follows_the_tense(
    finder: TimeFinder, text: str, anchor: str, value: str
) -> None:
    assert [found[2] for found in values(finder, text, anchor)] == [value]


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Im Laufe des Jahres wird gebaut.", "Im Laufe des Jahres", "2015"),
        ("Im Laufe der kommenden Woche wird es regnen.", "Im Laufe der kommenden Woche", "2015-W48"),
        ("Im Laufe des Jahres 2013 wurde gebaut.", "Im Laufe des Jahres 2013", "2013"),
        ("Am Freitag kam es im Laufe des Abends zu Unruhen.", "im Laufe des Abends", "2015-11-13TEV"),
        ("Im Laufe der Jahre wurde gebaut.", "Im Laufe der Jahre", "PXY"),
    ],
)
def test_the_course_of_a_unit(finder: TimeFinder, text: str, expression: str, value: str) -> None:
    assert (expression, value) in [(found[0], found[2]) for found in values(finder, text)]


def test_the_course_of_a_process_is_no_time(finder: TimeFinder) -> None:
    assert values(finder, "Im Laufe des Verfahrens wurde gebaut.") == []


def test_a_count_back_before_a_nominative_article_stays(finder: TimeFinder) -> None:
    found = values(finder, "Nun soll im nächsten Jahr der Angriff erfolgen.")
    assert found == [("nächsten Jahr", "DATE", "2016")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Das Gebäude aus dem 15. Jh. wurde saniert.", ["14"]),
        ("Im 15. und 16. Jahrhundert blühte die Stadt.", ["14", "15"]),
        ("In der ersten Hälfte des Jahres stieg der Umsatz.", ["2015-H1"]),
        ("In der zweiten Jahreshälfte 2013 stieg der Umsatz.", ["2013-H2"]),
        ("In der zweiten Hälfte des kommenden Jahres wird gebaut.", ["2016-H2"]),
        ("In der ersten Hälfte des Spiels fiel kein Tor.", []),
    ],
)
def test_centuries_in_lists_and_halves_of_a_year(finder: TimeFinder, text: str, expected: list[str]) -> None:
    assert [found[2] for found in values(finder, text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Das ändert sich nicht von heute auf morgen.",
        "Eines Tages wird er es verstehen.",
    ],
)
def test_idioms_of_time_words_name_no_time(finder: TimeFinder, text: str) -> None:
    assert values(finder, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Am Abend des 3. Mai wurde gefeiert.", [("Abend des 3. Mai", "TIME", "2015-05-03TEV")]),
        (
            "In der Nacht zum 4. Mai wurde ein Brand gemeldet.",
            [("Nacht zum 4. Mai", "TIME", "2015-05-04TNI")],
        ),
        (
            "Am Freitag wurde er verhaftet. Am nächsten Tag kam er frei.",
            [("Freitag", "DATE", "2015-11-13"), ("nächsten Tag", "DATE", "2015-11-14")],
        ),
        (
            "Am Freitag wurde er verhaftet. Tags darauf kam er frei.",
            [("Freitag", "DATE", "2015-11-13"), ("Tags darauf", "DATE", "2015-11-14")],
        ),
        ("Am nächsten Tag kam er frei.", []),  # no day in focus: the day before is unknown
    ],
)
def test_part_of_a_named_day_and_the_day_after_the_one_in_focus(
    finder: TimeFinder, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert values(finder, text) == expected
