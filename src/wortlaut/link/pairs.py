"""A cascade's statement pairs: the static margin where it is clear, the precise one where it is not.

The cascade (:mod:`wortlaut.link.cascade`) first sent a speaker's whole batch
to e5 when any of its pairs had a static margin inside the band: every new
statement and every stored member compared with them was read by e5, also the
ones whose every pair was clear.  On 1,000 fresh 10kGNAD articles that was
1,094 e5 statement texts, of which 726 took part in a pair inside the band
(issue 17zi, docs/performance.md).  Here e5 reads the statements of the
undecided pairs (inside the band, or with a text the static table cannot
read) and the :func:`closure` around them; pairs with both ends in it get e5's
margin, every other pair keeps its static one (681 e5 texts on those
articles, the same groups).  The margins of both encoders are measured
against their own calibrated thresholds, so both say "merge" at 0; a clear
static margin lies outside the band, where the band's cross-validation found
no pair whose sign e5 would change (:data:`~wortlaut.link.cascade.BAND_BELOW`).

Pairs of one language whose content stems are both non-empty and disjoint are
never undecided when both same-language thresholds are at least 1: their
margin is below 0 under any vector (:func:`~wortlaut.link.statement_merge.apart`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from wortlaut.link.cascade import CascadeEncoder
from wortlaut.link.encoder import Encoder
from wortlaut.link.statement_merge import _Item, _may_merge, _stems, _too_far, margins


@dataclass(frozen=True, slots=True, eq=False)
class Choice:
    """How one speaker batch is grouped: by ``encoder`` alone, or (``undecided`` given) by a
    cascade's cheap margins with its precise margins on the ``undecided`` pairs (new x items,
    :func:`precise_pairs`)."""

    encoder: Encoder
    undecided: np.ndarray | None = None

    def precise_items(self) -> list[int]:
        """Indexes of the items (new statements, then stored members) the precise encoder reads."""
        if self.undecided is None:
            return []
        rows, columns = np.nonzero(self.undecided)
        return sorted(set(rows.tolist()) | set(columns.tolist()))


def precise_pairs(
    cascade: CascadeEncoder,
    items: Sequence[_Item],
    count: int,
    cheap: np.ndarray,
    limits: tuple[tuple[float, float], tuple[float, float]],
) -> np.ndarray:
    """The pairs (new x items) the precise encoder judges: both ends in :func:`closure` of the
    undecided pairs (empty when every static margin is clear).

    ``cheap`` holds the items' static vectors, ``limits`` the (same, cross)
    thresholds of the cheap and of the precise encoder.
    """
    margin = margins(cheap, items, count, limits[0])
    considered = ~_too_far(items, count)
    considered[np.arange(count), np.arange(count)] = False
    undecided = undecided_pairs(cascade, items, count, cheap, margin, considered, limits)
    if not undecided.any():
        return undecided
    chosen = closure(items, count, undecided, considered & (margin > cascade.band[1]))
    return np.asarray(chosen[:count, None] & chosen[None, :])


def undecided_pairs(
    cascade: CascadeEncoder,
    items: Sequence[_Item],
    count: int,
    cheap: np.ndarray,
    margin: np.ndarray,
    considered: np.ndarray,
    limits: tuple[tuple[float, float], tuple[float, float]],
) -> np.ndarray:
    """The considered pairs whose static ``margin`` cannot be trusted: inside the cascade's band, or
    a text without static vector (no word in the table), unless it cannot merge under either encoder."""
    blank = np.asarray(~cheap.any(axis=1))
    unsure = cascade.in_band(margin) | blank[:count, None] | blank[None, :]
    undecided = np.asarray(considered & unsure)
    if min(limits[0][0], limits[1][0]) >= 1.0:
        stem_sets = [_stems(item.text, item.language) for item in items]
        for row, column in zip(*np.nonzero(undecided), strict=True):
            undecided[row, column] = _may_merge(items, stem_sets, int(row), int(column))
    return undecided


def closure(items: Sequence[_Item], count: int, undecided: np.ndarray, above: np.ndarray) -> np.ndarray:
    """The items e5 reads: those of the undecided pairs, with every item joined to them by a pair
    clear above the threshold (``above``) or by membership of one stored group, until none is added.

    Outside this set every pair with an item inside is clear below the threshold
    (or cannot merge), so no cluster of the set merges with one outside it, under
    the mixed margins as under e5's alone (the band's assumption: e5 keeps such
    pairs apart); inside it every pair is e5's, so the set is grouped as e5
    alone groups it.  Without the closure a statement joined to an e5-read one
    by a clear static pair would enter e5's averages with its static margin.
    """
    linked = undecided | above
    chosen = np.zeros(len(items), dtype=bool)
    rows, columns = np.nonzero(undecided)
    chosen[rows] = chosen[columns] = True
    while True:
        grown = chosen.copy()
        grown[:count] |= (linked & chosen[None, :]).any(axis=1)
        grown |= (linked & chosen[:count, None]).any(axis=0)
        groups = {items[int(index)].group for index in np.flatnonzero(grown)} - {None}
        grown |= np.array([item.group in groups for item in items])
        if np.array_equal(grown, chosen):
            return chosen
        chosen = grown


def mixed_margins(
    items: Sequence[_Item],
    count: int,
    vectors: tuple[np.ndarray, np.ndarray],
    limits: tuple[tuple[float, float], tuple[float, float]],
    undecided: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """(margins, cosines) of the new items against all: the precise encoder's on ``undecided``
    pairs, the cheap one's elsewhere; ``vectors`` and ``limits`` are (cheap, precise)."""
    cheap, precise = vectors
    both = margins(cheap, items, count, limits[0]), margins(precise, items, count, limits[1])
    margin = np.where(undecided, both[1], both[0])
    cosines = np.where(undecided, precise[:count] @ precise.T, cheap[:count] @ cheap.T)
    return margin, cosines
