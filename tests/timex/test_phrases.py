"""Time in German noun phrases: inflected adjectives, lengths, sets, generic phrases, day adjectives, seit.

Every sentence is invented; each class has cases that must be found and cases that must not.
"""

from __future__ import annotations

import pytest

from tests.timex.finding import ANCHOR, find
from wortlaut.timex.finder import TimeFinder
from wortlaut.timex.lexicon import inflections, load_lexicon


def reading(
    finder: TimeFinder, text: str, expression: str, anchor: str = ANCHOR
) -> tuple[str, str, str | None]:
    """(text, type, TimeML value) of the find overlapping ``expression``."""
    start = text.index(expression)
    end = start + len(expression)
    hits = [t for t in find(finder, text, anchor) if t.start < end and start < t.end]
    assert hits, f"nothing found for {expression!r} in {text!r}"
    return hits[0].text, hits[0].type, hits[0].timeml_value or hits[0].value


def test_inflected_stem_stands_for_every_adjective_ending() -> None:
    assert inflections("jahrelang+") == [
        "jahrelang",
        "jahrelange",
        "jahrelangen",
        "jahrelanger",
        "jahrelanges",
        "jahrelangem",
    ]
    assert inflections("heute") == ["heute"]
    words = load_lexicon().words
    assert words["wochenlanger"].value == "PXW" and words["tagtäglichen"].value == "P1D"


@pytest.mark.parametrize(
    ("text", "expression", "type_", "value"),
    [
        ("Nach wochenlanger Pause spielt er wieder.", "wochenlanger", "DURATION", "PXW"),
        ("Das Vertrauen litt unter jahrzehntelangen Verstößen.", "jahrzehntelangen", "DURATION", "PXDE"),
        ("Die Ärzte kämpften stundenlang um ihn.", "stundenlang", "DURATION", "PTXH"),
        ("Freiwillige helfen tagtäglich im Heim.", "tagtäglich", "SET", "P1D"),
        ("Der Bus fährt stündlich ab.", "stündlich", "SET", "PT1H"),
        ("Der diesjährige Sieger kommt aus Graz.", "diesjährige", "DATE", "2015"),
        ("Den heurigen Test bestanden alle.", "heurigen", "DATE", "2015"),
        ("Der vorjährige Sieger fehlt.", "vorjährige", "DATE", "2014"),
    ],
)
def test_time_adjectives_in_any_inflection(
    finder: TimeFinder, text: str, expression: str, type_: str, value: str
) -> None:
    assert reading(finder, text, expression)[1:] == (type_, value)


def test_noun_heuriger_is_no_year(finder: TimeFinder) -> None:
    assert not find(finder, "Danach gingen alle zum Heurigen am Stadtrand.")


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Einige Stunden später meldete er sich.", "Einige Stunden", "PTXH"),
        ("Nach wenigen Minuten war alles vorbei.", "wenigen Minuten", "PTXM"),
        ("Im Laufe der Jahre stiegen die Preise.", "Laufe der Jahre", "PXY"),
        ("Das wird sich über die Jahre hinweg rächen.", "über die Jahre", "PXY"),
        ("Ein Vierteljahrhundert dauerte der Krieg.", "Vierteljahrhundert", "P25Y"),
    ],
)
def test_vague_and_long_durations(finder: TimeFinder, text: str, expression: str, value: str) -> None:
    assert reading(finder, text, expression)[1:] == ("DURATION", value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Er starb nach 43-minütigem Todeskampf.", "43-minütigem", "PT43M"),
        ("Es gab einen zweistündigen Stromausfall.", "zweistündigen", "PT2H"),
        ("In ihrer 12-jährigen Amtszeit wurde viel gebaut.", "12-jährigen", "P12Y"),
        ("Er kam nach siebenjähriger Haft frei.", "siebenjähriger", "P7Y"),
        ("Die Firma feiert ihr 25-jähriges Bestehen.", "25-jähriges", "P25Y"),
    ],
)
def test_adjectives_of_length_with_digits_and_words(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert reading(finder, text, expression)[1:] == ("DURATION", value)


@pytest.mark.parametrize(
    "text",
    [
        "Ein 18-jähriger Schüler wurde verletzt.",
        "Die zwölfjährige Tochter sang.",
        "Der 80-Jährige lebt allein.",
    ],
)
def test_adjective_of_years_before_a_person_is_an_age(finder: TimeFinder, text: str) -> None:
    assert not find(finder, text)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Für den Prozess sind fünf Verhandlungstage angesetzt.", "fünf Verhandlungstage", "P5D"),
        ("Er leistete 300 Überstunden.", "300 Überstunden", "PT300H"),
        ("Sie blieb drei Amtsjahre im Rat.", "drei Amtsjahre", "P3Y"),
    ],
)
def test_count_before_a_unit_compound_is_a_duration(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert reading(finder, text, expression) == (expression, "DURATION", value)


@pytest.mark.parametrize(
    "text", ["Sie feierten drei Geburtstage.", "Noch zwei Spieltage stehen aus.", "Es blieben vier Sonntage."]
)
def test_unit_compounds_that_name_no_span_are_no_duration(finder: TimeFinder, text: str) -> None:
    assert not find(finder, text)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Mindestens ein Zug pro Stunde hält hier.", "pro Stunde", "PT1H"),
        ("Jede Stunde fährt ein Bus.", "Jede Stunde", "PT1H"),
        ("Zwei Liter Wasser am Tag reichen.", "am Tag", "P1D"),
    ],
)
def test_sets_per_unit(finder: TimeFinder, text: str, expression: str, value: str) -> None:
    assert reading(finder, text, expression)[1:] == ("SET", value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Dazu möchte ich im Moment nichts sagen.", "im Moment", "PRESENT_REF"),
        ("Zur Zeit ist die Straße gesperrt.", "Zur Zeit", "PRESENT_REF"),
        ("Zum jetzigen Zeitpunkt ist das offen.", "Zum jetzigen Zeitpunkt", "PRESENT_REF"),
        (
            "Die Woche wird zu einem späteren Zeitpunkt nachgeholt.",
            "zu einem späteren Zeitpunkt",
            "FUTURE_REF",
        ),
        ("In absehbarer Zeit ändert sich nichts.", "In absehbarer Zeit", "FUTURE_REF"),
        ("In letzter Zeit häuften sich die Klagen.", "In letzter Zeit", "PAST_REF"),
    ],
)
def test_generic_phrases(finder: TimeFinder, text: str, expression: str, value: str) -> None:
    assert reading(finder, text, expression) == (expression, "DATE", value)


@pytest.mark.parametrize(
    "text",
    [
        "Im Moment des Aufpralls schlief der Fahrer.",
        "Zur Zeit der Wende lebte sie in Leipzig.",
        "Zu einem späteren Zeitpunkt als geplant kam er.",
    ],
)
def test_generic_phrase_with_an_attribute_is_a_particular_time(finder: TimeFinder, text: str) -> None:
    assert not find(finder, text)


def test_month_of_the_previous_or_current_year_is_one_expression(finder: TimeFinder) -> None:
    text = "Maßgeblich ist die Entwicklung von April des Vorjahres bis März des laufenden Jahres."
    found = [(t.text, t.value) for t in find(finder, text)]
    assert found == [("April des Vorjahres", "2014-04"), ("März des laufenden Jahres", "2015-03")]
    assert reading(finder, "Im Mai des vergangenen Jahres kam er.", "Mai")[2] == "2014-05"


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Am heutigen 18. November endet die Frist.", "heutigen 18. November", "2015-11-18"),
        ("Am gestrigen Dienstag tagte der Rat.", "gestrigen Dienstag", "2015-11-17"),
        ("Am morgigen Donnerstag wird gewählt.", "morgigen Donnerstag", "2015-11-19"),
    ],
)
def test_day_adjective_before_a_date_is_one_expression(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert reading(finder, text, expression) == (expression, "DATE", value)


def test_hours_of_a_part_of_the_day_take_the_day_in_focus(finder: TimeFinder) -> None:
    text = "Der Unfall geschah am Sonntag in den frühen Morgenstunden."
    assert reading(finder, text, "Morgenstunden") == ("in den frühen Morgenstunden", "TIME", "2015-11-15TMO")
    assert reading(finder, "In den Abendstunden wird es kühl.", "Abendstunden")[2] == "2015-11-18TEV"


@pytest.mark.parametrize(
    "text", ["Es entstehen 2000 bis 3000 Grad Hitze.", "Zwischen 1500 und 2000 Euro kostet das Gerät."]
)
def test_numbers_of_a_measure_range_are_no_years(finder: TimeFinder, text: str) -> None:
    assert not find(finder, text)


def test_year_beyond_which_something_lasts(finder: TimeFinder) -> None:
    text = "Der Bund will das Ticket über 2023 hinaus finanzieren."
    assert reading(finder, text, "2023") == ("2023", "DATE", "2023")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Der Mann wird seit Jänner festgehalten.", "2015-01"),  # present tense
        ("Der Mann wurde seit Jänner festgehalten.", "2015-01"),  # past tense
        ("Seit Jänner wird er bis zum Prozess in Haft bleiben.", "2015-01"),  # future tense
        ("Seit Mitte Dezember geht die Armee vor.", "2014-12"),
    ],
)
def test_seit_points_back_whatever_the_tense(finder: TimeFinder, text: str, value: str) -> None:
    found = [t for t in find(finder, text) if t.type == "DATE"]
    assert found[0].value == value


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Zuletzt gewann sie am 21. September des Vorjahres.", "21. September des Vorjahres", "2014-09-21"),
        ("Am 4. Mai vergangenen Jahres kam er.", "4. Mai vergangenen Jahres", "2014-05-04"),
        ("Der Bau beginnt am 3. März des kommenden Jahres.", "3. März des kommenden Jahres", "2016-03-03"),
    ],
)
def test_day_of_the_previous_or_next_year_keeps_its_day(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert reading(finder, text, expression) == (expression, "DATE", value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Die Arbeiten sollen noch im heurigen Sommer beginnen.", "heurigen Sommer", "2015-SU"),
        ("Im diesjährigen Jahr wurde weniger gebaut.", "diesjährigen Jahr", "2015"),
    ],
)
def test_this_years_adjective_joins_its_unit(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert reading(finder, text, expression) == (expression, "DATE", value)


@pytest.mark.parametrize(
    "text",
    [
        "Das Bild stammt aus einer Reportage über Wien.",  # -tage in a loan word, after "one"
        "Die Stadt litt im Dreißigjährigen Krieg.",  # a name, not a length
    ],
)
def test_words_that_only_look_like_lengths(finder: TimeFinder, text: str) -> None:
    assert not find(finder, text)


@pytest.mark.parametrize(
    "text",
    [
        "Im Gründungsjahr 1951 war das anders, sagte er. Heute umfasst der Bereich ganz Europa.",
        "Damals gab es keine Straße. Heute fahren hier Busse.",
        "Putin betrieb früher selbst Sambo. „Heute ist er Ehrenpräsident.",
    ],
)
def test_heute_after_a_time_long_past_means_nowadays(finder: TimeFinder, text: str) -> None:
    heute = next(t for t in find(finder, text) if t.text == "Heute")
    assert (heute.value, heute.timeml_value) == (ANCHOR, "PRESENT_REF")


@pytest.mark.parametrize(
    "text",
    [
        "Kürzlich kam er zurück. Heute tagt der Rat.",  # recent, no contrast
        "Im Mai 2014 kam er. Heute tagt der Rat.",  # not long enough ago
        "Die Partei wurde 1951 gegründet. Im Juni tagte sie. Heute tagt der Rat.",  # not right before
    ],
)
def test_heute_without_a_contrast_is_the_day(finder: TimeFinder, text: str) -> None:
    heute = next(t for t in find(finder, text) if t.text == "Heute")
    assert (heute.value, heute.timeml_value) == (ANCHOR, None)


@pytest.mark.parametrize(
    ("text", "clocks"),
    [
        ("Geöffnet ist am 25. und 26. November von 10-18 Uhr.", ["T10:00", "T18:00"]),
        ("Am 4., 5. und 6. Dezember ist jeweils ab 9 Uhr offen.", ["T09:00"]),
    ],
)
def test_clock_time_over_several_days_names_no_single_day(
    finder: TimeFinder, text: str, clocks: list[str]
) -> None:
    assert [t.value for t in find(finder, text) if t.type == "TIME"] == clocks


def test_clock_time_of_one_day_keeps_its_day(finder: TimeFinder) -> None:
    text = "Am 25. November um 10 Uhr beginnt die Sitzung."
    assert [t.value for t in find(finder, text)] == ["2015-11-25T10:00"]


@pytest.mark.parametrize(
    ("text", "expression", "value", "mod"),
    [
        ("Bis Jahresende soll die Brücke fertig sein.", "Jahresende", "2015", "END"),
        ("Seit Jahresbeginn wurden 300 Fälle gezählt.", "Jahresbeginn", "2015", "START"),
        ("Zu Jahresmitte 2014 lag der Kurs höher.", "Jahresmitte 2014", "2014", "MID"),
        ("Zum Monatsende wird gezahlt.", "Monatsende", "2015-11", "END"),
        ("Zu Wochenbeginn fiel der Kurs.", "Wochenbeginn", "2015-W47", "START"),
    ],
)
def test_position_in_a_unit_said_as_one_compound(
    finder: TimeFinder, text: str, expression: str, value: str, mod: str
) -> None:
    found = [t for t in find(finder, text) if t.text == expression]
    assert [(t.value, t.mod) for t in found] == [(value, mod)]


def test_wochenende_stays_the_weekend(finder: TimeFinder) -> None:
    assert [t.value for t in find(finder, "Am Wochenende fiel der Kurs.")] == ["2015-W46-WE"]


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Im Vergleich zur Vorwoche verlor die Partei.", "Vorwoche", "2015-W46"),
        ("Die Preise sanken gegenüber dem Vormonat.", "Vormonat", "2015-10"),
        ("Im Herbst vergangenen Jahres begann der Bau.", "Herbst vergangenen Jahres", "2014-FA"),
        ("Die Entscheidung fällt in den kommenden Wochen.", "kommenden Wochen", "FUTURE_REF"),
        ("In den nächsten Tagen soll es so weit sein.", "nächsten Tagen", "FUTURE_REF"),
    ],
)
def test_units_counted_from_the_anchor(finder: TimeFinder, text: str, expression: str, value: str) -> None:
    assert reading(finder, text, expression) == (expression, "DATE", value)
