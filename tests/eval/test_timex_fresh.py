"""The rules a set first met, run in a fresh process, and their wrong values sorted by today's classes."""

from __future__ import annotations

from pathlib import Path

from wortlaut.article import TimeExpr
from wortlaut.eval import timex_fresh
from wortlaut.eval.timex_cv import OWN_DEVELOPMENT
from wortlaut.timex.timeml import GoldTimex, TimeMLDocument

SRC = Path(timex_fresh.__file__).resolve().parents[2]
TEXT = "Am Montag kam er zurück. Am Freitag wird er reisen."
DOC = TimeMLDocument(
    "invented.tml",
    "2015-11-18",
    TEXT,
    (
        GoldTimex(3, 9, "Montag", "DATE", "2015-11-23"),  # a wrong gold: the coming Monday
        GoldTimex(28, 35, "Freitag", "DATE", "2015-11-20"),
    ),
)


def test_every_fresh_set_names_a_revision_and_no_held_back_set_is_among_them() -> None:
    assert set(timex_fresh.FRESH_RULES) == set(OWN_DEVELOPMENT)
    assert all(len(revision) == 7 for revision in timex_fresh.FRESH_RULES.values())


def test_the_finds_of_a_checkout_come_back_from_a_fresh_process() -> None:
    finds = timex_fresh.old_finds(SRC, [DOC])
    assert [(expr.text, expr.value) for expr in finds["invented.tml"]] == [
        ("Montag", "2015-11-16"),
        ("Freitag", "2015-11-20"),
    ]


def test_a_set_profile_counts_right_and_wrong_values_and_the_spans() -> None:
    finds = {
        "invented.tml": [
            TimeExpr(start=3, end=9, text="Montag", type="DATE", value="2015-11-16"),
            TimeExpr(start=28, end=35, text="Freitag", type="DATE", value="2015-11-20"),
            TimeExpr(start=40, end=45, text="reise", type="DATE", value="2015"),
        ]
    }
    counts, lines = timex_fresh.profile_set([DOC], finds, "own-j@0000000")
    assert counts["right"] == 1 and counts["wrong"] == 1 and counts["direction"] == 1
    assert counts["spurious"] == 1 and counts["missed"] == 0 and counts["gold"] == 2
    assert lines == ["direction\town-j@0000000\tinvented.tml\t'Montag'\tgold 2015-11-23\tgot 2015-11-16"]
    rows = timex_fresh.table({"own-j": counts})
    assert next(row for row in rows if row.startswith("direction")).split()[1:] == ["1", "1"]
    assert rows[-1].split()[-1] == f"{2 * 1 / (3 + 2):.3f}"
