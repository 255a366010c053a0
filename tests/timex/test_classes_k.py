"""Classes of the eleventh issue-15 session (set L released): days that hang on a noun phrase.

Every sentence is invented (document date: Wednesday 18 November 2015); each class has cases that must be
resolved one way and cases where the clause's own tense still decides.
"""

from __future__ import annotations

import pytest

from tests.timex.finding import find, value_of
from wortlaut.timex.finder import TimeFinder


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # a score dates a result: its day lies back, even in a clause that looks ahead
        (
            "Ob der Trainer die Kritik nach dem 0:2 gegen Salzburg am Sonntag übersteht, wird sich zeigen.",
            "Sonntag",
            "2015-11-15",
        ),
        ("Nach der 1:3-Niederlage in Graz am Samstag will der Klub nun reagieren.", "Samstag", "2015-11-14"),
        ("Die Mannschaft wird sich vom 4:4 gegen Ried am Freitag erholen müssen.", "Freitag", "2015-11-13"),
        # no score: the future clause decides
        ("Der Trainer wird das Spiel gegen Salzburg am Sonntag verfolgen.", "Sonntag", "2015-11-22"),
        # a verb between the score and the day ends the phrase: the clause's tense decides
        ("Nach dem 0:2 soll es am Sonntag zum Rückspiel kommen.", "Sonntag", "2015-11-22"),
    ],
)
def test_the_day_of_a_match_result_lies_back(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("DATE", value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # the next or coming event, no verb (a results line) or a present verb: ahead
        ("Die nächsten beiden Spiele am Freitag und Sonntag in Linz.", "Freitag", "2015-11-20"),
        ("Die nächsten beiden Spiele am Freitag und Sonntag in Linz.", "Sonntag", "2015-11-22"),
        ("Das kommende Heimspiel am Samstag ist ausverkauft.", "Samstag", "2015-11-21"),
        # weekday direction in past, present and future tense: a tensed verb in the clause still decides
        ("Das nächste Treffen am Montag hatte der Minister abgesagt.", "Montag", "2015-11-16"),
        ("Das nächste Treffen am Montag wurde abgesagt.", "Montag", "2015-11-16"),
        ("Das nächste Treffen am Montag wird länger dauern.", "Montag", "2015-11-23"),
        # without a direction word the day keeps the default (back)
        ("Die beiden Spiele am Freitag und Sonntag in Linz.", "Freitag", "2015-11-13"),
    ],
)
def test_the_day_of_the_next_event_lies_ahead(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("DATE", value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # present tense, the subject first and the verb second: an announcement, ahead
        ("Das nun bedeutungslose Rückspiel geht am Freitag in Wien über die Bühne.", "Freitag", "2015-11-20"),
        ("Der Chor gastiert am Sonntag im Dom.", "Sonntag", "2015-11-22"),
        ("Rapid kämpft am Donnerstag um den Aufstieg.", "Donnerstag", "2015-11-19"),
        # past: a preterite in -te, a strong preterite, a perfect
        ("Der Chor gastierte am Sonntag im Dom.", "Sonntag", "2015-11-15"),
        ("Der Minister hielt am Montag eine Rede.", "Montag", "2015-11-16"),
        ("Der Minister hat am Montag eine Rede gehalten.", "Montag", "2015-11-16"),
        # future: the modal or auxiliary decides
        ("Der Minister wird am Montag eine Rede halten.", "Montag", "2015-11-23"),
    ],
)
def test_a_present_verb_in_second_place_before_the_day_announces(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("DATE", value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # ``wenn`` names a single time only ahead; ``als`` one that is past
        ("Am Montag, wenn die Haft endet, beginnt ein neues Leben.", "2015-11-23"),
        ("Am Montag, als die Haft endete, begann ein neues Leben.", "2015-11-16"),
        # a wenn clause that does not follow the day right away gives no direction
        ("Am Montag war er frei, wenn man den Berichten glaubt.", "2015-11-16"),
    ],
)
def test_a_day_explained_by_a_wenn_clause_lies_ahead(finder: TimeFinder, text: str, value: str) -> None:
    assert value_of(finder, text, "Montag") == ("DATE", value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the first part of a hyphenated compound noun names no day (as ``Samstagsausgabe`` written solid)
        ("Die Zeitung hatte in ihrer Samstag-Ausgabe davon berichtet.", []),
        ("Der Trainer denkt an den Mittwoch-Gegner aus Graz.", []),
        # a part of the day after the hyphen keeps the day
        ("Am Samstag-Abend war es kalt.", [("Samstag", "2015-11-14")]),
    ],
)
def test_a_weekday_in_a_hyphenated_compound_is_no_day(
    finder: TimeFinder, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(t.text, t.value) for t in find(finder, text)] == expected


def test_a_weekday_before_a_hyphen_and_a_second_weekday_is_still_found(finder: TimeFinder) -> None:
    assert "Montag" in [t.text for t in find(finder, "Geöffnet von Montag-Freitag.")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the coming hours and minutes are TimeML's FUTURE_REF, like the coming days and weeks
        ("Die Antwort wird in den nächsten Stunden erwartet.", [("nächsten Stunden", "FUTURE_REF")]),
        ("In den kommenden Minuten beginnt die Sitzung.", [("kommenden Minuten", "FUTURE_REF")]),
        # with a count they are a length
        ("In den nächsten 24 Stunden regnet es.", [("In den nächsten 24 Stunden", "PT24H")]),
    ],
)
def test_the_coming_hours_are_the_future(
    finder: TimeFinder, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(t.text, t.value) for t in find(finder, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # minutes counted from midnight or noon are a clock time of the day in focus, not a length
        (
            "26 Minuten nach Mitternacht erreichte er das Ziel.",
            [("26 Minuten nach Mitternacht", "2015-11-18T00:26")],
        ),
        (
            "Zehn Minuten vor Mitternacht fiel das Tor.",
            [("Zehn Minuten vor Mitternacht", "2015-11-18T23:50")],
        ),
        ("Er kam fünf Minuten vor Mittag.", [("fünf Minuten vor Mittag", "2015-11-18T11:55")]),
        # not a clock time: minutes after an event, or sixty of them
        ("Zehn Minuten nach dem Anpfiff fiel das Tor.", [("Zehn Minuten", "PT10M")]),
    ],
)
def test_minutes_from_midnight_are_a_clock_time(
    finder: TimeFinder, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(t.text, t.value) for t in find(finder, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # hours said in words before ``Uhr`` are clock times like digits, with their part of the day
        ("Er kam gegen acht Uhr.", [("gegen acht Uhr", "2015-11-18T08:00")]),
        ("Um zehn Uhr abends brannte es.", [("Um zehn Uhr abends", "2015-11-18T22:00")]),
        ("Ein Uhr nachts war es.", [("Ein Uhr nachts", "2015-11-18T01:00")]),
        # ``in der Früh`` after a clock time is its part of the day, one expression
        ("Er stand um fünf Uhr in der Früh auf.", [("um fünf Uhr in der Früh", "2015-11-18T05:00")]),
        ("Die Sperre endete um 7.00 Uhr in der Früh.", [("um 7.00 Uhr in der Früh", "2015-11-18T07:00")]),
        # a watch is no clock time
        ("Er kaufte eine Uhr und zwei Uhren.", []),
    ],
)
def test_hours_in_words_are_clock_times(
    finder: TimeFinder, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(t.text, t.value) for t in find(finder, text)] == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # within two weeks of the document date a weekday that does not fit is a slip, not another year
        # (15 November 2015 was a Sunday; the Saturday reading would be 2014)
        ("Am Samstag, 15. November, hatte die Gemeinde gewarnt.", "2015-11-15"),
        # further away the weekday still fixes the year (2 May 2016 was a Monday)
        ("Die erste Etappe startete am Montag, dem 2. Mai, in Helsinki.", "2016-05-02"),
    ],
)
def test_a_weekday_slip_near_the_document_date_keeps_the_year(
    finder: TimeFinder, text: str, value: str
) -> None:
    expression = "15. November" if "15." in text else "2. Mai"
    assert value_of(finder, text, expression) == ("DATE", value)
