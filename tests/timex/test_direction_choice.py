"""The direction decision as data (issue 15l): decision points, their features, the learned chooser.

Every sentence is invented (document date: Wednesday 18 November 2015). A decision point is an expression
whose past, future and no-direction readings give different values; the finder shows it to a chooser only
then, and with no chooser the rules decide as before.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.timex.finding import find
from wortlaut.eval.timex_direction import record
from wortlaut.timex import choice, direction_model
from wortlaut.timex.choice import DecisionPoint
from wortlaut.timex.finder import TimeFinder
from wortlaut.timex.timeml import GoldTimex, TimeMLDocument


class Keep:
    """A chooser that keeps the points it is shown and answers with a fixed reading (or the rules')."""

    def __init__(self, answer: str | None = None) -> None:
        self.answer = answer
        self.points: list[DecisionPoint] = []

    def __call__(self, point: DecisionPoint) -> str | None:
        self.points.append(point)
        return choice.direction_of(self.answer or point.rules)


def _points(finder: TimeFinder, text: str) -> list[DecisionPoint]:
    keep = Keep()
    TimeFinder(finder.lexicon, chooser=keep).find(text, anchor=lambda _offset: date(2015, 11, 18))
    return keep.points


@pytest.mark.parametrize(
    ("text", "rules", "past", "future"),
    [
        ("Am Montag traf er den Minister.", "past", "2015-11-16", "2015-11-23"),  # past tense
        ("Am Montag wird er den Minister treffen.", "future", "2015-11-16", "2015-11-23"),  # future tense
        ("Die Abstimmung ist am Montag.", "future", "2015-11-16", "2015-11-23"),  # present copula
        ("Im März wurde der Vertrag unterzeichnet.", "past", "2015-03", "2016-03"),  # a month
    ],
)
def test_a_weekday_or_month_without_year_is_a_decision_point_with_its_readings(
    finder: TimeFinder, text: str, rules: str, past: str, future: str
) -> None:
    (point,) = _points(finder, text)
    assert point.rules == rules
    assert (point.options["past"], point.options["future"]) == (past, future)
    assert f"rule={rules}" in point.features


@pytest.mark.parametrize(
    "text",
    [
        "Am 3. März 2015 traf er den Minister.",  # a full date: every reading the same
        "Gestern traf er den Minister.",  # counted from the document date, no direction
        "Am vergangenen Montag traf er den Minister.",  # the modifier fixes the day
        "Er blieb drei Tage.",  # a length
    ],
)
def test_an_expression_whose_readings_agree_is_no_decision_point(finder: TimeFinder, text: str) -> None:
    assert _points(finder, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Am Montag traf er den Minister.",
        "Am Montag trifft er den Minister.",
        "Am Montag wird er den Minister treffen.",
        "Seit März gilt die Regel, im Mai soll sie verschärft werden.",
    ],
)
def test_a_chooser_that_answers_with_the_rules_changes_nothing(finder: TimeFinder, text: str) -> None:
    day = date(2015, 11, 18)
    chosen = TimeFinder(finder.lexicon, chooser=Keep()).find(text, anchor=lambda _offset: day)
    assert [(t.text, t.value) for t in chosen] == [(t.text, t.value) for t in find(finder, text)]


def test_the_chooser_decides_the_value(finder: TimeFinder) -> None:
    text = "Am Montag traf er den Minister."
    ahead = TimeFinder(finder.lexicon, chooser=Keep("future")).find(
        text, anchor=lambda _o: date(2015, 11, 18)
    )
    assert [t.value for t in ahead] == ["2015-11-23"]
    assert [t.value for t in find(finder, text)] == ["2015-11-16"]


def test_the_features_read_the_clause_tense_and_the_words_around(finder: TimeFinder) -> None:
    (past,) = _points(finder, "Am Montag traf er den Minister.")
    (future,) = _points(finder, "Der Minister sagte, er werde am Montag kommen.")
    assert "clause_has=past" in past.features and "nearest=past_after" in past.features
    assert "before1=am" in past.features and "sentence=0" in past.features
    assert "clause_has=future" in future.features and "nearest=future_before" in future.features
    assert "gap_past=-2" in past.features and "gap_future=+7" in past.features
    assert "dct_weekday=3" in past.features and "focus=none" in past.features


def test_a_day_named_before_is_a_feature(finder: TimeFinder) -> None:
    points = _points(finder, "Am 25. November beginnt der Prozess. Am Freitag sollen die Zeugen kommen.")
    assert "focus=after" in points[-1].features


def _row(*names: str) -> dict[str, float]:
    return dict.fromkeys(("bias", *names), 1.0)


def test_the_model_learns_a_reading_from_its_features_and_round_trips(tmp_path: Path) -> None:
    rows = [_row("clause_has=future")] * 6 + [_row("clause_has=past")] * 6 + [_row("nearest=none")] * 4
    right = [frozenset({"future"})] * 6 + [frozenset({"past"})] * 6 + [frozenset({"past", "none"})] * 4
    model = direction_model.train(rows, right)
    assert model.reading(_row("clause_has=future")) == "future"
    assert model.reading(_row("clause_has=past")) == "past"
    assert model.reading(_row("an unseen feature")) == "past"  # the bias: past was right most often
    loaded = direction_model.load(direction_model.save(model, tmp_path / "weights.json"))
    assert loaded.reading(_row("clause_has=future")) == "future"


def test_soft_labels_share_a_point_among_its_right_readings() -> None:
    y = direction_model.targets([frozenset({"past", "none"}), frozenset({"future"})])
    assert y.tolist() == [[0.5, 0.0, 0.5], [0.0, 1.0, 0.0]]


def test_recording_labels_each_point_with_the_readings_the_gold_agrees_with() -> None:
    text = "Am Montag traf er den Minister. Am Freitag wird er abreisen."
    gold = (
        GoldTimex(start=3, end=9, text="Montag", type="DATE", value="2015-11-16"),
        GoldTimex(start=35, end=42, text="Freitag", type="DATE", value="2015-11-20"),
    )
    doc = TimeMLDocument(name="invented", dct="2015-11-18", text=text, timexes=gold)
    labelled = record([doc])
    assert [sorted(item.right) for item in labelled] == [["none", "past"], ["future"]]
    assert [item.point.rules for item in labelled] == ["past", "future"]
