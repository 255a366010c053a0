"""The learned direction's grouped CV (issue 15l): points per fold, rules and model on the same folds."""

from __future__ import annotations

from wortlaut.eval import timex_direction
from wortlaut.timex.timeml import GoldTimex, TimeMLDocument


def _doc(name: str, text: str, expression: str, value: str) -> TimeMLDocument:
    start = text.index(expression)
    gold = GoldTimex(start=start, end=start + len(expression), text=expression, type="DATE", value=value)
    return TimeMLDocument(name=name, dct="2015-11-18", text=text, timexes=(gold,))


def test_every_point_is_scored_once_on_its_held_out_fold_by_the_rules_and_the_model() -> None:
    docs = [
        _doc("a", "Am Montag traf er den Minister.", "Montag", "2015-11-16"),
        _doc("b", "Am Freitag wird sie abreisen.", "Freitag", "2015-11-20"),
        _doc("c", "Am Montag trat er zurück.", "Montag", "2015-11-16"),
        _doc("d", "Am Dienstag soll gewählt werden.", "Dienstag", "2015-11-24"),
    ]
    labelled = timex_direction.record(docs)
    results = timex_direction.cross_validate(docs, labelled, k=2)
    assert len(results) == 2
    assert sum(result.points for result in results) == len(labelled) == 4
    assert sum(result.rules_right for result in results) == 4  # the rules read each tense right
    assert sum(result.rules_counts.gold for result in results) == 4
    pooled = timex_direction.report(results)[-1]
    assert pooled.startswith("pooled: 4 points (4 with a right reading): rules right 4")


def test_without_rules_the_model_never_sees_the_rules_choice() -> None:
    doc = _doc("a", "Am Montag traf er den Minister.", "Montag", "2015-11-16")
    (item,) = timex_direction.record([doc])
    (row,) = timex_direction.training_rows([item], without_rules=True)
    assert "rule=past" in item.point.features
    assert not any(name.startswith("rule=") for name in row) and "clause_has=past" in row
