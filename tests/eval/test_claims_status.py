"""Choosing the status classifier: folds score only frozen rows, training uses licence-clean rows only."""

from __future__ import annotations

from wortlaut.eval import claims_status as cs
from wortlaut.events.status import HAPPENED, PLANNED


def _item(gold: str, *, frozen: bool, clean: bool, plan: bool = False) -> cs.Item:
    features = {"bias": 1.0, f"rule:{PLANNED if plan else HAPPENED}": 1.0}
    if plan:
        features["lex:plan"] = 1.0
    return cs.Item(
        features=features, rule=PLANNED if plan else HAPPENED, gold=gold, frozen=frozen, clean=clean
    )


def test_folds_hold_out_only_frozen_rows_and_always_train_on_the_older_ones() -> None:
    older = [_item(HAPPENED, frozen=False, clean=True) for _ in range(3)]
    fresh = [_item(HAPPENED, frozen=True, clean=True) for _ in range(5)]
    for train_part, held in cs._folds(older + fresh, 5):
        assert len(held) == 1 and held[0].frozen
        assert all(any(item is part for part in train_part) for item in older)
        assert not any(held[0] is part for part in train_part)


def test_fit_learns_from_licence_clean_rows_only() -> None:
    clean = [
        _item(PLANNED, frozen=False, clean=True, plan=True),
        _item(HAPPENED, frozen=False, clean=True),
    ] * 3
    unclean = [_item(HAPPENED, frozen=False, clean=False, plan=True)] * 20
    config = cs.Config(groups=frozenset({"lex"}), l2=0.01, keep=frozenset())
    model = cs.fit(config, clean + unclean)
    assert model.predict(clean[0].features, PLANNED) == PLANNED


def test_a_later_date_turns_happened_into_planned_as_the_system_does() -> None:
    item = _item(HAPPENED, frozen=True, clean=True)
    dated_item = cs.Item({**item.features, "date:after": 1.0}, HAPPENED, PLANNED, True, True)
    assert cs.dated(HAPPENED, item) == HAPPENED and cs.dated(HAPPENED, dated_item) == PLANNED
    assert cs.rules_accuracy([item, dated_item]) == 1.0
