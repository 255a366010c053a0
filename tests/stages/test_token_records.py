"""Tokens built by the fast path are the very records the constructor builds."""

from __future__ import annotations

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
    assert new_token(1, 3, "ab", 4) == Token(start=1, end=3, text="ab", sentence=4)
