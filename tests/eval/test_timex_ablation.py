"""The leave-one-family-out report: switching a family off removes its finds and is undone afterwards."""

from __future__ import annotations

from datetime import date

from wortlaut.eval import timex_ablation
from wortlaut.timex import finder as finder_module
from wortlaut.timex.finder import TimeFinder

DAY = date(2015, 11, 18)


def test_without_a_kind_its_finds_are_gone() -> None:
    text = "1989 fiel die Mauer, am Montag tagte der Rat."
    assert [t.text for t in TimeFinder().find(text, anchor=lambda _o: DAY)] == ["1989", "Montag"]
    assert [t.text for t in timex_ablation.without_kind("year").find(text, anchor=lambda _o: DAY)] == [
        "Montag"
    ]


def test_a_rule_switched_off_is_restored_afterwards() -> None:
    kept = finder_module.ORIGIN_BEFORE
    text = "Das Urteil vom 3. Dezember wird angefochten."
    with timex_ablation.switched_off("origin von/vom"):
        assert finder_module.ORIGIN_BEFORE is not kept
        inside = TimeFinder().find(text, anchor=lambda _o: DAY)[0].value
    assert finder_module.ORIGIN_BEFORE is kept
    assert inside == "2015-12-03"
    assert TimeFinder().find(text, anchor=lambda _o: DAY)[0].value == "2014-12-03"


def test_a_family_that_helps_only_the_tune_half_is_flagged() -> None:
    base = {"tune": 0.9, "A": 0.9, "B": 0.9, "news": 1.0}
    line = timex_ablation.describe("kind x", base, {**base, "tune": 0.89})
    assert "tune -0.010" in line and "helps the tune half only" in line
    assert "no effect" in timex_ablation.describe("kind y", base, dict(base))
    assert "only" not in timex_ablation.describe("kind z", base, {**base, "tune": 0.89, "B": 0.8})
