"""Classes of the ninth issue-15 session (set J: regional, court, sport and culture news).

Every sentence is invented (document date: Wednesday 18 November 2015); each class has cases that must be
found and cases that must not.
"""

from __future__ import annotations

import pytest

from tests.timex.finding import find, value_of
from wortlaut.timex.finder import TimeFinder


@pytest.mark.parametrize(
    ("text", "expression", "value", "timeml"),
    [
        ("Das Team reist in zwei Wochen nach Portugal.", "in zwei Wochen", "2015-W49", "P2W"),
        ("Die Ergebnisse sollen in etwa sechs Monaten vorliegen.", "sechs Monaten", "2016-05", "P6M"),
        ("Der Bescheid kommt in 14 Tagen.", "in 14 Tagen", "2015-12-02", "P14D"),
    ],
)
def test_a_count_ahead_is_a_date_on_the_timeline_and_a_duration_for_timeml(
    finder: TimeFinder, text: str, expression: str, value: str, timeml: str
) -> None:
    start = text.index(expression)
    hits = [t for t in find(finder, text) if t.start < start + len(expression) and start < t.end]
    assert [(t.value, t.timeml_value) for t in hits] == [(value, timeml)]


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # an article before the count: the stretch itself, no date ahead
        ("In den sechs Monaten, die ich hier arbeite, gab es keinen Streit.", "sechs Monaten", "P6M"),
        ("Der Trainer sieht in den neun Monaten bis zum Turnier Chancen.", "neun Monaten", "P9M"),
    ],
)
def test_a_count_with_an_article_is_a_duration(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("DURATION", value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Er trifft zum Auftakt der am Montag beginnenden US Open auf Kohl.", "Montag", "2015-11-23"),
        ("Rund um das ab Donnerstag stattfindende Treffen gelten Sperren.", "Donnerstag", "2015-11-19"),
        (
            "Die Geldgeber entschieden am Samstag, das am Dienstag auslaufende Programm nicht zu verlängern.",
            "Dienstag",
            "2015-11-24",
        ),
        # a past participle is no such attribute; a tensed verb of the clause still decides
        ("Trauer um den am Montag verstorbenen Sänger.", "Montag", "2015-11-16"),
        ("Die am Montag beginnende Konferenz hatte er abgesagt.", "Montag", "2015-11-16"),
        ("Die Konferenz begann am Montag.", "Montag", "2015-11-16"),
    ],
)
def test_a_weekday_in_a_present_participle_attribute_lies_ahead(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("DATE", value)


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        ("Die Zahl der Toten gibt die Organisation mit mindestens 1790 an.", "1790", None),
        ("Es kamen höchstens 2000 Besucher in die Halle.", "2000", None),
        ("Das Kraftwerk soll bis mindestens 2024 in Betrieb bleiben.", "2024", ("DATE", "2024")),
        ("Die Regel gilt ab frühestens 2017.", "2017", ("DATE", "2017")),
    ],
)
def test_a_bound_before_a_number_counts_things_unless_it_bounds_a_limit(
    finder: TimeFinder, text: str, expression: str, expected: tuple[str, str] | None
) -> None:
    assert value_of(finder, text, expression) == expected


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        ("Zweiter Vorfall innerhalb weniger Tage.", "weniger Tage", ("DURATION", "PXD")),
        ("Der Antrag wird binnen einiger Wochen bearbeitet.", "einiger Wochen", ("DURATION", "PXW")),
        ("Im Laufe mehrerer Jahre wuchs der Ort.", "mehrerer Jahre", ("DURATION", "PXY")),
        ("Er hatte weniger Tage Urlaub als sie.", "weniger Tage", None),
    ],
)
def test_a_vague_count_in_the_genitive_after_a_span_preposition(
    finder: TimeFinder, text: str, expression: str, expected: tuple[str, str] | None
) -> None:
    assert value_of(finder, text, expression) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Dazu kommt die heute übliche Technik.", "PRESENT_REF"),
        ("Er nannte die heute regierende Partei.", "PRESENT_REF"),
        ("Der heute gültige Vertrag stammt aus 1990.", "PRESENT_REF"),
        # a past participle names what happened on the publication day
        ("Er lobte die heute vorgestellten Zahlen.", "2015-11-18"),
        ("Die heute getroffene Entscheidung gilt.", "2015-11-18"),
        ("Jeder, der heute ein Bett braucht, bekommt es.", "2015-11-18"),
    ],
)
def test_heute_in_an_attribute_means_these_days(finder: TimeFinder, text: str, value: str) -> None:
    assert value_of(finder, text, "heute") == ("DATE", value)


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        ("Wien – Heute beginnt die Sitzung.", "Heute", ("DATE", "2015-11-18")),
        ("Wien – Gestern wurde gewählt.", "Gestern", ("DATE", "2015-11-17")),
        ("Früher schlief man zweimal. Ulm – Heute gilt das nicht.", "Heute", ("DATE", "PRESENT_REF")),
        # a capitalised word after a dash inside a sentence is no time word
        ("Er rief – Heute! – und lief davon.", "Heute", None),
    ],
)
def test_a_time_word_after_a_dateline_opens_the_sentence(
    finder: TimeFinder, text: str, expression: str, expected: tuple[str, str] | None
) -> None:
    assert value_of(finder, text, expression) == expected


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        ("Prostituierte zwischen 18 und 21 Jahren müssen sich anmelden.", "21 Jahren", None),
        ("Gesucht werden Männer im Alter zwischen 15 und 60 Jahren.", "60 Jahren", None),
        # lengths in words stay durations, both ends
        ("Sie erhielten Strafen zwischen zwei und zweieinhalb Jahren.", "zwei", ("DURATION", "P2Y")),
        ("Die Laufzeit liegt zwischen drei und fünf Jahren.", "fünf Jahren", ("DURATION", "P5Y")),
    ],
)
def test_a_range_of_years_in_digits_after_zwischen_is_an_age(
    finder: TimeFinder, text: str, expression: str, expected: tuple[str, str] | None
) -> None:
    assert value_of(finder, text, expression) == expected
