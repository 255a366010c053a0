"""The grouped-CV estimate of a learned status decision (issue 20n) on hand-made items."""

from __future__ import annotations

from wortlaut.eval.claims_status import Config, Item
from wortlaut.eval.claims_status_grouped import grouped_right


def _item(rule: str, gold: str, *, clean: bool = True) -> Item:
    return Item({"bias": 1.0, f"rule:{rule}": 1.0}, rule, gold, True, clean)


def test_the_rules_answer_alone_is_learned_back_in_every_fold() -> None:
    items = [_item(s, s) for s in ("happened", "planned", "hypothetical") * 10]
    folds = [n % 5 for n in range(len(items))]
    config = Config(frozenset({"rule"}), 0.001, frozenset({"cancelled"}))
    assert grouped_right(config, items, folds, clean_only=False) == len(items)


def test_clean_only_training_leaves_out_the_rows_that_may_not_be_learned_from() -> None:
    # the unclean rows say the rules are always wrong about planned; trained on them the model learns that
    items = [_item("happened", "happened") for _ in range(10)]
    items += [_item("planned", "hypothetical", clean=False) for _ in range(10)]
    items += [_item("planned", "planned") for _ in range(2)]
    folds = [n % 5 for n in range(len(items))]
    config = Config(frozenset({"rule"}), 0.001, frozenset({"cancelled"}))
    clean = grouped_right(config, items, folds, clean_only=True)
    every = grouped_right(config, items, folds, clean_only=False)
    assert clean == 12 and every == 20
