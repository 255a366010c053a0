"""A batch's stories loaded at once hold the same matrix, norms and core index as added one by one."""

from __future__ import annotations

from collections import Counter

import numpy as np

from wortlaut.link.active_stories import ActiveStories


def _stories(count: int) -> list[tuple[str, np.ndarray, Counter[str]]]:
    generator = np.random.default_rng(7)
    found = []
    for number in range(count):
        vector = generator.normal(size=16).astype(np.float32) * (number % 5)  # every fifth a zero sum
        found.append((f"st:{number}", vector, Counter({f"e{number % 3}": 2, f"e{number % 4 + 3}": 1})))
    return found


def test_index_all_gives_the_bits_of_adding_one_by_one() -> None:
    one, bulk = ActiveStories(), ActiveStories()
    for story_id, vector, counts in _stories(70):  # more than the first capacity (64)
        one.add(story_id, vector, 3, 4, 2, Counter(counts), "t")
        bulk.ids.append(story_id)
        bulk.sums.append(np.array(vector, dtype=np.float32))
        bulk.first.append(3)
        bulk.last.append(4)
        bulk.sizes.append(2)
        bulk.entities.append(Counter(counts))
        bulk.titles.append("t")
    bulk.index_all()
    (left, left_norms), (right, right_norms) = one.matrix(), bulk.matrix()
    assert left.tobytes() == right.tobytes() and left_norms.tobytes() == right_norms.tobytes()
    assert one.shared_cores(frozenset({"e1", "e5"})) == bulk.shared_cores(frozenset({"e1", "e5"}))
    bulk.add("st:new", np.ones(16, dtype=np.float32), 5, 5, 1, Counter({"e1": 1}), "n")
    one.add("st:new", np.ones(16, dtype=np.float32), 5, 5, 1, Counter({"e1": 1}), "n")
    assert one.matrix()[1].tobytes() == bulk.matrix()[1].tobytes()
    assert one.shared_cores(frozenset({"e1"})) == bulk.shared_cores(frozenset({"e1"}))


def test_index_all_of_no_story_is_empty() -> None:
    active = ActiveStories()
    active.index_all()
    assert active.matrix()[0].shape[0] == 0


def test_shared_cores_follow_a_core_that_changes_as_articles_join() -> None:
    active = ActiveStories()
    active.add("st:a", np.ones(4, dtype=np.float32), 3, 3, 2, Counter({"A": 1, "B": 1}), "a")
    assert active.shared_cores(frozenset({"A", "B", "C"})) == {0: 2}
    for _ in range(3):  # B falls under CORE_SHARE of the story's articles: no longer in its core
        active.absorb(0, np.ones(4, dtype=np.float32), 3, frozenset({"A"}))
    assert active.core(0) == frozenset({"A"})
    assert active.shared_cores(frozenset({"B"})) == {}
    assert active.shared_cores(frozenset({"A", "B"})) == {0: 1}
