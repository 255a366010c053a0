"""The split encoder: half of a large call in a forked helper, same vectors, the main process as fallback."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence

import numpy as np
import pytest

from wortlaut.link import split
from wortlaut.link.cascade import CascadeEncoder
from wortlaut.link.encoder import HashingEncoder
from wortlaut.link.split import MIN_SPLIT, SplitEncoder, split_linking, split_point

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the helper is a forked process")

TEXTS = [f"Der Minister sagte am {day}. Mai etwas Neues über Haushalt Nummer {day}." for day in range(1, 21)]


class _MainCounting:
    """The hashing encoder, recording the texts it encodes in this (the main) process only."""

    def __init__(self, *, fail_in_helper: bool = False) -> None:
        self.inner = HashingEncoder()
        self.name, self.family, self.dim = "counting", "hashing", self.inner.dim
        self.main_pid, self.fail_in_helper = os.getpid(), fail_in_helper
        self.seen: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if os.getpid() == self.main_pid:
            self.seen += texts
        elif self.fail_in_helper:
            raise RuntimeError("helper broken")
        return self.inner.encode(texts)


def _context() -> multiprocessing.context.BaseContext:
    return multiprocessing.get_context("fork")


def test_a_large_call_is_split_with_the_helper_and_gives_the_same_vectors() -> None:
    inner = _MainCounting()
    with SplitEncoder(inner, _context()) as encoder:
        vectors = encoder.encode(TEXTS)
    assert np.array_equal(vectors, HashingEncoder().encode(TEXTS))
    assert inner.seen == TEXTS[: split_point(TEXTS)]  # the second part was encoded by the helper
    assert (encoder.name, encoder.family, encoder.dim) == ("counting", "hashing", inner.dim)


def test_a_call_is_cut_where_both_parts_have_about_the_same_length() -> None:
    assert split_point(["x" * 90, "y" * 10, "z" * 10, "w" * 10, "v" * 10]) == 1  # a long lead first
    assert split_point(["a" * 10] * 8) == 4
    assert split_point(["a" * 10, "b" * 10, "c" * 100]) == 2  # the other part keeps at least one text
    assert split_point(["", ""]) == 1


def test_a_small_call_stays_in_the_main_process() -> None:
    inner = _MainCounting()
    with SplitEncoder(inner, _context()) as encoder:
        vectors = encoder.encode(TEXTS[: MIN_SPLIT - 1])
    assert inner.seen == TEXTS[: MIN_SPLIT - 1]
    assert np.array_equal(vectors, HashingEncoder().encode(TEXTS[: MIN_SPLIT - 1]))


def test_a_failing_helper_leaves_its_half_to_the_main_process() -> None:
    inner = _MainCounting(fail_in_helper=True)
    with SplitEncoder(inner, _context()) as encoder:
        vectors = encoder.encode(TEXTS)
    assert inner.seen == TEXTS  # first half, then the helper's half again here
    assert np.array_equal(vectors, HashingEncoder().encode(TEXTS))


def test_a_dead_helper_is_given_up_and_the_main_process_encodes_everything() -> None:
    inner = _MainCounting()
    encoder = SplitEncoder(inner, _context())
    encoder._process.kill()
    encoder._process.join()
    first = encoder.encode(TEXTS)
    second = encoder.encode(TEXTS)
    encoder.close()
    assert np.array_equal(first, HashingEncoder().encode(TEXTS)) and np.array_equal(first, second)
    assert inner.seen[-len(TEXTS) :] == TEXTS


def test_split_linking_wraps_a_cascades_precise_encoder_and_keeps_the_rest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cheap = HashingEncoder()
    cascade = CascadeEncoder(cheap=cheap, precise=HashingEncoder(), band=(0.3, 0.1), leads=(0.02, 0.04))
    monkeypatch.setattr(split, "default_encoder", lambda: cascade)
    monkeypatch.setattr(split, "one_thread_e5", lambda encoder: True)
    with split_linking(_context()) as encoder:
        assert isinstance(encoder, CascadeEncoder) and isinstance(encoder.precise, SplitEncoder)
        assert encoder.cheap is cheap and (encoder.band, encoder.leads) == ((0.3, 0.1), (0.02, 0.04))
        assert encoder.story_name == cascade.story_name and encoder.name == cascade.name
        assert np.array_equal(encoder.encode(TEXTS), cascade.encode(TEXTS))


def test_split_linking_leaves_other_encoders_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(split, "default_encoder", HashingEncoder)
    with split_linking(_context()) as encoder:
        assert encoder is None
