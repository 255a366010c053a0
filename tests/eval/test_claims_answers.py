"""Judging answer-act links against the relation rows, and the CV split by article."""

from __future__ import annotations

from wortlaut.claims.answer_acts import PRONOUN, AnswerAct
from wortlaut.eval.claims_answers import folds, grid, judge
from wortlaut.eval.claims_relations import GoldRelation


def _gold(
    offset: int, kind: str = "denies", anchor: str = "drei getöteten", source: str = "a"
) -> GoldRelation:
    return GoldRelation(source, "bestritten", offset, kind, "Augenzeugen", anchor, "tune")


def _found(target: str | None) -> dict[str, object]:
    act = AnswerAct("denies", 100, 110, 80, 120, PRONOUN)
    return {"act": act, "target": target}


def test_a_link_is_right_when_type_and_anchor_agree() -> None:
    target = "Augenzeugen berichteten von mindestens drei getöteten Demonstranten"
    assert judge(_found(target), [_gold(100)]) == "correct"
    assert judge(_found(target), [_gold(100, kind="confirms")]) == "wrong"
    assert judge(_found("etwas anderes"), [_gold(100)]) == "wrong"


def test_a_link_where_nothing_is_answered_in_the_text_is_wrong() -> None:
    assert judge(_found("Augenzeugen berichteten"), [_gold(100, anchor="-")]) == "wrong"


def test_links_off_the_gold_rows_are_unjudged_and_no_target_is_no_link() -> None:
    assert judge(_found("Augenzeugen berichteten"), [_gold(500)]) == "unjudged"
    assert judge(_found(None), [_gold(100)]) is None


def test_folds_keep_an_article_together() -> None:
    rows = [_gold(index, source=f"article{index % 7}") for index in range(40)]
    parts = folds(rows)
    assert sum(len(part) for part in parts) == 40
    for part in parts:
        for other in parts:
            if part is not other:
                assert not {g.source for g in part} & {g.source for g in other}


def test_the_grid_covers_every_combination() -> None:
    options = grid()
    assert len(options) == len(set(options)) == 576
