"""Clustering metrics of ``wortlaut eval stories`` and the story collection's integrity."""

from __future__ import annotations

import pytest

from wortlaut.eval.stories import bcubed, load_collection, pairwise


def test_perfect_clustering_scores_one() -> None:
    gold = {"a": 1, "b": 1, "c": 2}
    assert pairwise(gold, {"a": "x", "b": "x", "c": "y"}).f1 == 1.0
    assert bcubed(gold, {"a": "x", "b": "x", "c": "y"}).f1 == 1.0


def test_pairwise_counts_item_pairs() -> None:
    gold = {"a": 1, "b": 1, "c": 1, "d": 2}
    predicted = {"a": "x", "b": "x", "c": "y", "d": "y"}  # pairs: ab right, cd wrong; gold pairs ab ac bc
    scores = pairwise(gold, predicted)
    assert scores.precision == pytest.approx(1 / 2)
    assert scores.recall == pytest.approx(1 / 3)
    assert scores.f1 == pytest.approx(0.4)


def test_bcubed_averages_per_item_overlap() -> None:
    gold = {"a": 1, "b": 1, "c": 1, "d": 2}
    predicted = {"a": "x", "b": "x", "c": "y", "d": "y"}
    scores = bcubed(gold, predicted)
    # precision: a 1, b 1, c 1/2, d 1/2 -> 0.75; recall: a 2/3, b 2/3, c 1/3, d 1 -> 2/3
    assert scores.precision == pytest.approx(0.75)
    assert scores.recall == pytest.approx(2 / 3)


def test_all_singletons_have_full_bcubed_precision_and_missing_items_count_alone() -> None:
    gold = {"a": 1, "b": 1}
    assert bcubed(gold, {}).precision == 1.0
    assert bcubed(gold, {}).recall == pytest.approx(0.5)
    assert pairwise(gold, {}).recall == 0.0


def test_collection_has_two_halves_with_enough_stories(tmp_path: object) -> None:
    articles, _ = load_collection()
    own = [item for item in articles if item.article.source != "Seed"]
    assert len(own) >= 30
    for split in ("dev", "test"):
        stories = {item.story for item in own if item.split == split}
        assert len(stories) >= 4
    assert {item.article.language for item in own} == {"de", "en"}
    assert all(
        s.quote.text == item.article.text[s.quote.start : s.quote.end]
        for item in own
        for s in item.article.statements
    )
