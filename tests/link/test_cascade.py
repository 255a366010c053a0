"""The cascade sends only undecided statement batches to its precise encoder, and not under the lock."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from tests.link.test_update_lock import _articles, _ProbingEncoder
from wortlaut.link import HashingEncoder, add_and_link
from wortlaut.link.cascade import CascadeEncoder
from wortlaut.store import Store


def _link(path: Path, band: tuple[float, float]) -> tuple[_ProbingEncoder, object]:
    precise = _ProbingEncoder(path)
    precise.name = "probing-precise"  # its own cache kind, as e5's differs from the static encoder's
    cascade = CascadeEncoder(cheap=HashingEncoder(), precise=precise, band=band)
    with Store.open(path) as store:
        outcome = add_and_link(store, _articles(), encoder=cascade)
    return precise, outcome


def test_a_batch_inside_the_band_goes_to_the_precise_encoder_with_the_lock_free(tmp_path: Path) -> None:
    precise, outcome = _link(tmp_path / "wide.sqlite", (10.0, 10.0))
    assert precise.probes and set(precise.probes) == {"free"}
    assert outcome.link is not None and outcome.link.groups_created == outcome.link.statements_grouped - 1  # type: ignore[attr-defined]


def test_clear_static_margins_send_only_the_article_leads_to_the_precise_encoder(tmp_path: Path) -> None:
    precise, outcome = _link(tmp_path / "none.sqlite", (-1.0, -1.0))
    assert precise.probes == ["free"] and precise.texts == 4  # one call: the four leads
    assert outcome.link is not None and outcome.link.groups_created == outcome.link.statements_grouped - 1  # type: ignore[attr-defined]


def test_undecided_looks_only_at_considered_pairs_inside_the_band() -> None:
    cascade = CascadeEncoder(cheap=HashingEncoder(), precise=HashingEncoder(), band=(0.2, 0.1))
    margin = np.array([[0.5, -0.15, 0.05]])
    assert cascade.undecided(margin, np.array([[True, True, False]]))
    assert cascade.undecided(margin, np.array([[False, False, True]]))
    assert not cascade.undecided(margin, np.array([[True, False, False]]))
    assert cascade.family == "hashing" and cascade.name == HashingEncoder().name  # the precise one's
