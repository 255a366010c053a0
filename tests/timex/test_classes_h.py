"""Classes of the eighth issue-15 session (set H: clock times, parts of the day, recurrences, durations).

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
        (
            "Am Dienstagmorgen stand der Zug still. Die Sperre dauerte von 7 Uhr bis 10 Uhr.",
            "10 Uhr",
            "2015-11-17T10:00",
        ),
        (
            "Am Montag wurde gestreikt. Von 6 Uhr bis 14.30 Uhr ruhte die Arbeit.",
            "14.30 Uhr",
            "2015-11-16T14:30",
        ),
    ],
)
def test_the_end_of_a_clock_range_lies_on_the_day_of_its_start(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("TIME", value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # a schedule's ``bis`` with no day named stays a time of every day; a range written ``7 bis 10 Uhr``
        # keeps both ends alike
        ("Das Amt ist bis 16 Uhr geöffnet.", "16 Uhr", "T16:00"),
        ("Die Kasse ist von 9 bis 17 Uhr geöffnet.", "17 Uhr", "T17:00"),
        ("Die Kasse ist von 9 bis 17 Uhr geöffnet.", "9", "T09:00"),
    ],
)
def test_a_schedule_without_a_day_stays_undated(
    finder: TimeFinder, text: str, expression: str, value: str
) -> None:
    assert value_of(finder, text, expression) == ("TIME", value)
