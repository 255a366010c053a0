"""The issue-15 evaluation sets: the fixed dolomiten-100 split and the own TIMEX3 set."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import shared_path
from wortlaut.eval import timex_sets
from wortlaut.timex.timeml import TimeMLError


def test_split_file_follows_its_rule_and_halves_evenly() -> None:
    tune, untouched = timex_sets.split_names("tune"), timex_sets.split_names("untouched")
    assert len(tune) == len(untouched) == 50 and not set(tune) & set(untouched)
    expected = timex_sets.compute_split(tune + untouched)
    assert all(expected[name] == "tune" for name in tune)


def test_unknown_half_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown half"):
        timex_sets.split_names("dev")


def test_own_set_gold_points_into_its_texts() -> None:
    shared = shared_path("data")
    docs = timex_sets.own_documents(shared)
    assert len(docs) == 25 and sum(len(doc.timexes) for doc in docs) == 151
    for doc in docs:
        assert doc.dct and all(doc.text[g.start : g.end] == g.text for g in doc.timexes)


def test_own_set_without_shared_data_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(TimeMLError, match="shared data not found"):
        timex_sets.own_documents(tmp_path)


def test_held_back_own_set_b_gold_points_into_fresh_texts() -> None:
    shared = shared_path("data")
    docs = timex_sets.own_documents(shared, name="own-b")
    assert len(docs) == 15 and sum(len(doc.timexes) for doc in docs) == 90
    for doc in docs:
        assert doc.dct and all(doc.text[g.start : g.end] == g.text for g in doc.timexes)
    first = {doc.name for doc in timex_sets.own_documents(shared)}
    assert not first & {doc.name for doc in docs}


def test_held_back_own_set_c_gold_points_into_texts_of_no_other_set() -> None:
    shared = shared_path("data")
    docs = timex_sets.own_documents(shared, name="own-c")
    assert len(docs) == 12 and sum(len(doc.timexes) for doc in docs) == 69
    for doc in docs:
        assert doc.dct and all(doc.text[g.start : g.end] == g.text for g in doc.timexes)
    earlier = {doc.name for name in ("own", "own-b") for doc in timex_sets.own_documents(shared, name=name)}
    assert not earlier & {doc.name for doc in docs}


def test_held_back_own_set_d_gold_points_into_texts_of_no_other_set() -> None:
    shared = shared_path("data")
    docs = timex_sets.own_documents(shared, name="own-d")
    assert len(docs) == 13 and sum(len(doc.timexes) for doc in docs) == 69
    for doc in docs:
        assert doc.dct and all(doc.text[g.start : g.end] == g.text for g in doc.timexes)
    names = ("own", "own-b", "own-c")
    earlier = {doc.name for name in names for doc in timex_sets.own_documents(shared, name=name)}
    assert not earlier & {doc.name for doc in docs}


def test_held_back_own_set_e_gold_points_into_texts_of_no_other_set() -> None:
    shared = shared_path("data")
    docs = timex_sets.own_documents(shared, name="own-e")
    assert len(docs) == 13 and sum(len(doc.timexes) for doc in docs) == 50
    for doc in docs:
        assert doc.dct and all(doc.text[g.start : g.end] == g.text for g in doc.timexes)
    names = ("own", "own-b", "own-c", "own-d")
    earlier = {doc.name for name in names for doc in timex_sets.own_documents(shared, name=name)}
    assert not earlier & {doc.name for doc in docs}


def test_unknown_own_set_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown own set"):
        timex_sets.own_documents(name="own-z")


@pytest.mark.parametrize(
    ("sizes", "earlier_names"),
    [
        ({"own-f": (12, 242), "own-g": (10, 147)}, ("own", "own-b", "own-c", "own-d", "own-e")),
        (
            {"own-h": (10, 81), "own-i": (10, 96)},
            ("own", "own-b", "own-c", "own-d", "own-e", "own-f", "own-g"),
        ),
        (
            {"own-j": (13, 110), "own-k": (8, 90)},
            ("own", "own-b", "own-c", "own-d", "own-e", "own-f", "own-g", "own-h", "own-i"),
        ),
        (
            {"own-l": (14, 93)},
            ("own", "own-b", "own-c", "own-d", "own-e", "own-f", "own-g", "own-h", "own-i", "own-j", "own-k"),
        ),
        (
            {"own-m": (20, 94)},
            tuple(
                f"own-{x}" if x else "own"
                for x in ("", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l")
            ),
        ),
    ],
    ids=["f-and-g", "h-and-i", "j-and-k", "l", "m"],
)
def test_later_own_sets_gold_points_into_texts_of_no_other_set(
    sizes: dict[str, tuple[int, int]], earlier_names: tuple[str, ...]
) -> None:
    shared = shared_path("data")
    earlier = {doc.name for name in earlier_names for doc in timex_sets.own_documents(shared, name=name)}
    seen: set[str] = set()
    for name, (count, timexes) in sizes.items():
        docs = timex_sets.own_documents(shared, name=name)
        assert len(docs) == count and sum(len(doc.timexes) for doc in docs) == timexes
        for doc in docs:
            assert doc.dct and all(doc.text[g.start : g.end] == g.text for g in doc.timexes)
        names = {doc.name for doc in docs}
        assert not (earlier | seen) & names
        seen |= names


def test_own_set_h_holds_the_kinds_it_was_chosen_for() -> None:
    docs = timex_sets.own_documents(shared_path("data"), name="own-h")
    types = [gold.type for doc in docs for gold in doc.timexes]
    assert types.count("TIME") == 14 and types.count("SET") == 5 and types.count("DURATION") == 28


def test_own_sets_j_and_k_are_10kgnad_articles_of_the_untouched_halfs_genre() -> None:
    shared = shared_path("data")
    for name, types in (("own-j", (82, 23, 3, 2)), ("own-k", (61, 16, 5, 8))):
        docs = timex_sets.own_documents(shared, name=name)
        assert all(doc.name.startswith("gnad-") for doc in docs)
        kinds = [gold.type for doc in docs for gold in doc.timexes]
        assert tuple(kinds.count(kind) for kind in ("DATE", "DURATION", "SET", "TIME")) == types


def test_own_set_l_holds_the_kinds_it_was_chosen_for() -> None:
    """L was ranked by weekdays, bare years and past dates: mostly DATEs, from both sources."""
    docs = timex_sets.own_documents(shared_path("data"), name="own-l")
    assert sum(doc.name.startswith("gnad-") for doc in docs) == 11
    kinds = [gold.type for doc in docs for gold in doc.timexes]
    assert tuple(kinds.count(kind) for kind in ("DATE", "DURATION", "SET", "TIME")) == (84, 6, 1, 2)
    values = [gold.value for doc in docs for gold in doc.timexes]
    assert sum(len(value) == 4 and value.isdigit() for value in values) >= 30


def test_own_set_m_holds_the_regional_kinds_it_was_chosen_for() -> None:
    """M was ranked by weekdays, parts of the day, clock times and police/court/local words: weekday DATEs
    and TIMEs of a named day outnumber bare years, from both sources."""
    docs = timex_sets.own_documents(shared_path("data"), name="own-m")
    assert sum(doc.name.startswith("gnad-") for doc in docs) == 18
    kinds = [gold.type for doc in docs for gold in doc.timexes]
    assert tuple(kinds.count(kind) for kind in ("DATE", "DURATION", "SET", "TIME")) == (63, 13, 2, 16)
    weekdays = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
    named_days = [gold for doc in docs for gold in doc.timexes if gold.text.startswith(weekdays)]
    assert len(named_days) >= 35
