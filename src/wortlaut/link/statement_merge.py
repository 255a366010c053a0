"""How close two statements are, and which of a speaker's statements merge into one group.

The *margin* of a pair is the embedding cosine plus :data:`LEXICAL_WEIGHT`
times the Dice overlap of their content stems minus the calibrated threshold
(:func:`margins`); :func:`merge` joins new statements and stored groups best
pair first by average linkage, never across more than :data:`WINDOW_DAYS`.
:func:`apart` and :func:`unneeded` find the statements whose vectors cannot
change that outcome, so they are never encoded.  Pure arithmetic over texts and
vectors, no store: kept apart from :mod:`wortlaut.link.statements`, which reads
candidates, picks the encoder and writes the groups.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from wortlaut.link.text import dice, stems

#: Weight of the content-stem Dice overlap: on dev 0.3 (and 0.2 with a threshold 0.03 lower) gave
#: the best F1 (0.946 at precision 1.0); without it (0.0) the best precision-1.0 F1 is the same but
#: over a single threshold value, 0.91, so the lexical signal widens the safe range.
LEXICAL_WEIGHT = 0.3
#: A statement is compared with groups first seen at most this many days before or after it:
#: outlets repeat a statement within days; a month leaves room for weekly and monthly reviews.
WINDOW_DAYS = 31


@lru_cache(maxsize=65536)
def _stems(text: str, language: str) -> frozenset[str]:
    return stems(text, language=language)


@dataclass(frozen=True, slots=True)
class _Item:
    """A statement taking part in one speaker's merge: new (``group`` None) or a stored member."""

    id: str
    text: str
    language: str
    group: str | None
    day: int | None


def margins(
    vectors: np.ndarray, items: Sequence[_Item], count: int, limits: tuple[float, float]
) -> np.ndarray:
    """Margins of the first ``count`` items (the new ones) against all items, shape (count, len(items))."""
    cosines = vectors[:count] @ vectors.T
    result = np.empty_like(cosines)
    same, cross = limits
    for row in range(count):
        own = _stems(items[row].text, items[row].language)
        for column, other in enumerate(items):
            overlap = dice(own, _stems(other.text, other.language))
            limit = same if other.language == items[row].language else cross
            result[row, column] = cosines[row, column] + LEXICAL_WEIGHT * overlap - limit
    return result


def _too_far(items: Sequence[_Item], count: int) -> np.ndarray:
    """New-vs-item pairs more than WINDOW_DAYS apart (never merged directly)."""
    days = np.array([item.day if item.day is not None else -(10**9) for item in items], dtype=np.int64)
    known = np.array([item.day is not None for item in items])
    gap = np.abs(days[:count, None] - days[None, :]) > WINDOW_DAYS
    return np.asarray(gap & known[:count, None] & known[None, :])


def merge(items: Sequence[_Item], count: int, margin: np.ndarray, far: np.ndarray) -> list[int]:
    """Average-linkage merging, best pair first; returns the cluster index of every item.

    Clusters start as one per new item (indices 0..count-1) plus one per stored
    group; two stored groups are never merged, and a merge happens only while
    the best average margin is at least 0.
    """
    groups = list(dict.fromkeys(item.group for item in items[count:]))
    cluster_of = list(range(count)) + [count + groups.index(item.group) for item in items[count:]]
    total = count + len(groups)
    sums = np.zeros((total, total))
    blocked = np.zeros((total, total), dtype=bool)
    for row in range(count):
        for column in range(len(items)):
            target = cluster_of[column]
            if target != row:
                sums[row, target] += margin[row, column]
                blocked[row, target] |= bool(far[row, column])
    sums[count:, :count] = sums[:count, count:].T
    blocked[count:, :count] = blocked[:count, count:].T
    sizes = np.bincount(np.asarray(cluster_of), minlength=total).astype(float)
    alive = np.ones(total, dtype=bool)
    fixed = np.arange(total) >= count
    while True:
        linkage = sums / np.outer(sizes, sizes)
        allowed = alive[:, None] & alive[None, :] & ~(fixed[:, None] & fixed[None, :]) & ~blocked
        np.fill_diagonal(allowed, False)
        if not allowed.any():
            break
        linkage = np.where(allowed, linkage, -np.inf)
        left, right = np.unravel_index(int(np.argmax(linkage)), linkage.shape)
        if linkage[left, right] < 0:
            break
        keep, gone = (int(right), int(left)) if fixed[right] else (int(left), int(right))
        sums[keep] += sums[gone]
        sums[:, keep] += sums[:, gone]
        blocked[keep] |= blocked[gone]
        blocked[:, keep] |= blocked[:, gone]
        sizes[keep] += sizes[gone]
        alive[gone] = False
        cluster_of = [keep if value == gone else value for value in cluster_of]
    return cluster_of


def apart(items: Sequence[_Item], count: int, same_threshold: float) -> set[int]:
    """The new items (of the first ``count``) that cannot reach a margin of 0 with any other item.

    A margin is cosine + :data:`LEXICAL_WEIGHT` x stem Dice - threshold.  Between
    two statements in one language whose content stems are both non-empty and
    disjoint it is the cosine minus the same-language threshold, below 0 when
    that threshold is at least 1 (e5's is 1.00) for any two unit vectors that
    are not identical: texts with different content words.  An item with only
    such pairs is alone in every average :func:`merge` forms with it, so every
    linkage that involves it is below 0: it joins nothing, nothing joins it,
    and its vector changes nothing (:func:`_group_speaker` gives it a zero row).
    Pairs in two languages (threshold 0.87), pairs with an empty stem set (two
    texts of stopwords only may be one statement) and lower same-language
    thresholds (the static encoder's) always count as possible.
    """
    if same_threshold < 1.0:
        return set()
    stem_sets = [_stems(item.text, item.language) for item in items]
    return {row for row in range(count) if not any(_may_merge(items, stem_sets, row, column)
            for column in range(len(items)) if column != row)}  # fmt: skip


def _may_merge(items: Sequence[_Item], stem_sets: Sequence[frozenset[str]], row: int, column: int) -> bool:
    """Whether this pair's margin may reach 0 (see :func:`apart`)."""
    own, other = stem_sets[row], stem_sets[column]
    if items[row].language != items[column].language or not own or not other:
        return True
    return not own.isdisjoint(other)


def unneeded(items: Sequence[_Item], count: int, same_threshold: float) -> set[int]:
    """The items whose vectors cannot change the merge: :func:`apart` new items and the stored
    members of every group no new item may merge with.

    Two stored groups never merge, so a group whose members all have only
    pairs below 0 (see :func:`apart`) with every new item keeps every average
    linkage with it below 0, whatever its members' vectors: it is joined by
    nothing, and none of its members is a mate whose cosine a joining
    statement's similarity reads.  Such members get zero rows like the items
    set apart.
    """
    if same_threshold < 1.0:
        return set()
    stem_sets = [_stems(item.text, item.language) for item in items]
    pairs = [(row, column) for row in range(count) for column in range(len(items))
             if column != row and _may_merge(items, stem_sets, row, column)]  # fmt: skip
    engaged = {index for pair in pairs for index in pair}
    groups = {items[column].group for _, column in pairs if column >= count}
    return {index for index in range(count) if index not in engaged} | {
        index for index in range(count, len(items)) if items[index].group not in groups
    }
