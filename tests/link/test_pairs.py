"""A cascade reads its precise encoder only for the statement pairs whose static margin is unsure."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from wortlaut.link.cascade import CascadeEncoder
from wortlaut.link.pairs import Choice, closure, mixed_margins, precise_pairs
from wortlaut.link.statement_merge import _Item, margins
from wortlaut.store import Store

#: (same, cross) thresholds of the static encoder and of e5.
LIMITS = ((1.05, 0.9), (1.0, 0.87))
TEXTS = (
    "Wir senken die Steuern für Familien",  # new 0
    "Wir senken die Steuern für Familien bald",  # new 1: the same words, cheap cosine 1: clear above
    "Die Steuern steigen nicht",  # new 2: cheap cosine 0.5 with 0 and 1: clear below
    "Die Steuern steigen nicht mehr",  # stored, group g:1: cheap margin 0.0 with 2: inside the band
    "Der Haushalt wächst",  # stored, group g:2: no shared stem with any, cheap cosine 1 with 2
)
ROOT = float(np.sqrt(0.75))
CHEAP = np.array([[1, 0, 0], [1, 0, 0], [0.5, ROOT, 0], [0, ROOT, 0.5], [0.5, ROOT, 0]], dtype=np.float32)


class _Table:
    """An encoder reading fixed vectors by text."""

    dim = 3

    def __init__(self, name: str, family: str, vectors: np.ndarray) -> None:
        self.name, self.family = name, family
        self.vectors = dict(zip(TEXTS, vectors, strict=True))
        self.read: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.read += texts
        return np.stack([self.vectors[text] for text in texts]) if texts else np.zeros((0, 3), np.float32)


def _items() -> list[_Item]:
    new = [_Item(f"s{index}", text, "de", None, 1) for index, text in enumerate(TEXTS[:3])]
    return [*new, _Item("m1", TEXTS[3], "de", "g:1", None), _Item("m2", TEXTS[4], "de", "g:2", None)]


def _cascade(precise: _Table) -> CascadeEncoder:
    return CascadeEncoder(cheap=_Table("cheap", "static", CHEAP), precise=precise, leads=None)


def test_only_the_pair_inside_the_band_is_undecided() -> None:
    cascade = _cascade(_Table("precise", "e5", CHEAP))
    undecided = precise_pairs(cascade, _items(), 3, CHEAP, LIMITS)
    assert [tuple(pair) for pair in np.argwhere(undecided).tolist()] == [
        (2, 2),
        (2, 3),
    ]  # (2, 2) is never read
    assert Choice(cascade, undecided).precise_items() == [2, 3]


def test_the_closure_adds_clear_partners_above_the_threshold_and_group_siblings() -> None:
    items = [
        *_items()[:3],
        _Item("m1", TEXTS[3], "de", "g:1", None),
        _Item("m3", "Steuern", "de", "g:1", None),
    ]
    undecided = np.zeros((3, 5), dtype=bool)
    undecided[0, 3] = True  # new 0 and stored m1 (group g:1)
    above = np.zeros((3, 5), dtype=bool)
    above[1, 0] = True  # new 1 clear above with new 0
    assert closure(items, 3, undecided, above).tolist() == [True, True, False, True, True]


def test_disjoint_stems_stay_decided_only_when_both_thresholds_are_at_least_one() -> None:
    cascade = _cascade(_Table("precise", "e5", CHEAP))
    low = ((0.99, 0.8), LIMITS[1])  # a cheap threshold below 1: the disjoint pair (2, 4) may merge there
    undecided = precise_pairs(cascade, _items(), 3, CHEAP, low)
    assert undecided[2, 4] and not precise_pairs(cascade, _items(), 3, CHEAP, LIMITS)[2, 4]


def test_a_text_without_static_vector_makes_its_pairs_undecided() -> None:
    cascade = _cascade(_Table("precise", "e5", CHEAP))
    blank = CHEAP.copy()
    blank[1] = 0.0
    undecided = precise_pairs(cascade, _items(), 3, blank, LIMITS)
    assert undecided[0, 1] and undecided[1, 0] and undecided[2, 1]  # each pair with it that shares a stem
    assert not undecided[1, 4]  # no shared stem: below 0 whatever the vectors, and m2 is nobody's partner


def test_mixed_margins_take_the_precise_margin_on_undecided_pairs_only() -> None:
    items = _items()
    precise = np.eye(5, 3, dtype=np.float32)
    undecided = np.zeros((3, 5), dtype=bool)
    undecided[2, 3] = True
    margin, cosines = mixed_margins(items, 3, (CHEAP, precise), LIMITS, undecided)
    cheap, exact = margins(CHEAP, items, 3, LIMITS[0]), margins(precise, items, 3, LIMITS[1])
    assert margin[2, 3] == exact[2, 3] and margin[0, 1] == cheap[0, 1] and margin[2, 4] == cheap[2, 4]
    assert cosines[2, 3] == 0.0 and cosines[0, 1] == 1.0


def test_the_precise_encoder_reads_only_the_texts_of_undecided_pairs(tmp_path: Path) -> None:
    from wortlaut.link.statements import SpeakerBatch, StatementRow, precise_texts

    rows = tuple(StatementRow(f"s{i}", "a1", "direct", TEXTS[i], "Q1", "2025-02-10", "de") for i in range(3))
    batch = SpeakerBatch("Q1", rows, (("g:1", "m1", TEXTS[3], "de"), ("g:2", "m2", TEXTS[4], "de")))
    cascade = _cascade(_Table("precise", "e5", CHEAP))
    with Store.open(tmp_path / "s.sqlite") as store:
        texts = [text for _, text in precise_texts(store.connection, cascade, [batch])]
    assert texts == [TEXTS[2], TEXTS[3]]
