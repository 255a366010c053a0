"""Tokens built by the fast path are the very records the constructor builds."""

from __future__ import annotations

import gc
import pickle

import pytest

from wortlaut.article import Token
from wortlaut.tokens import records
from wortlaut.tokens.records import new_token


def test_the_fast_path_is_on_for_the_token_record_as_it_is() -> None:
    assert records.FAST


@pytest.mark.parametrize(
    "fields",
    [
        {"start": 0, "end": 4, "text": "Haus"},
        {"start": 7, "end": 11, "text": "sei", "sentence": 2, "pos": "VAFIN", "lemma": "sein", "mood": "sub1",
         "tense": "pres"},
    ],
)  # fmt: skip
def test_new_token_equals_the_constructed_token_in_value_hash_repr_pickle(fields: dict[str, object]) -> None:
    built = new_token(**fields)  # type: ignore[arg-type]
    constructed = Token(**fields)  # type: ignore[arg-type]
    assert type(built) is Token
    assert built == constructed and hash(built) == hash(constructed) and repr(built) == repr(constructed)
    assert pickle.loads(pickle.dumps(built)) == constructed
    with pytest.raises(AttributeError):
        built.text = "other"  # type: ignore[misc]


def test_new_token_falls_back_to_the_constructor_when_token_changed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(records, "FAST", False)
    monkeypatch.setattr(records, "_MAKE", None)
    assert new_token(1, 3, "ab", 4) == Token(start=1, end=3, text="ab", sentence=4)


def test_the_python_slot_setters_equal_the_c_maker(monkeypatch: pytest.MonkeyPatch) -> None:
    values = [(0, 4, "Haus"), (7, 11, "sei", 2, "VAFIN", "sein", "sub1", "pres"), (1, 2, "x", 0, None, "x")]
    compiled = [new_token(*value) for value in values]  # type: ignore[arg-type]
    monkeypatch.setattr(records, "_MAKE", None)
    python = [new_token(*value) for value in values]  # type: ignore[arg-type]
    assert compiled == python and [repr(t) for t in compiled] == [repr(t) for t in python]
    assert [pickle.dumps(t) for t in compiled] == [pickle.dumps(t) for t in python]


@pytest.mark.skipif(records._MAKE is None, reason="the C extension wortlaut._records is not built")
def test_the_c_maker_builds_tracked_records_and_checks_its_arguments() -> None:
    built = new_token(3, 5, "zu")
    assert gc.is_tracked(built) and built.sentence == 0 and built.tense is None
    with pytest.raises(TypeError):
        records._MAKE(1, 2)
    with pytest.raises(TypeError):
        records._MAKE(*range(9))
    with pytest.raises(TypeError):  # only the class's own object slots
        records.slot_maker(Token, ("start", "__init__"), ())
    with pytest.raises(TypeError):
        records.slot_maker(dict, (), ())  # type: ignore[arg-type]
