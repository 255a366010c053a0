"""Records pickle through :func:`wortlaut._pickling.fast_state`: same state, same bytes, equal copies."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from wortlaut import article as records
from wortlaut.article import Article, EntityRef, Mention, Span, Statement, Structure, Token

SLOTTED = [
    value
    for value in vars(records).values()
    if isinstance(value, type) and dataclasses.is_dataclass(value) and "__slots__" in vars(value)
]


def _dataclass_state(record: object) -> list[object]:
    """What ``dataclasses`` itself pickles for a frozen slotted record."""
    return [getattr(record, field.name) for field in dataclasses.fields(record)]  # type: ignore[arg-type]


@pytest.mark.parametrize("cls", SLOTTED, ids=lambda cls: cls.__name__)
def test_every_slotted_record_has_the_fast_state(cls: type) -> None:
    assert cls.__getstate__.__qualname__ == "fast_state.<locals>.__getstate__"


def test_fast_state_is_the_dataclass_state_and_round_trips() -> None:
    span = Span(start=0, end=4, text="Rutte", label="byline")
    token = Token(start=0, end=5, text="Rutte", sentence=2, pos="NE", lemma="Rutte")
    statement = Statement(
        id="s1",
        speaker=EntityRef(start=0, end=5, text="Rutte", entity="Q57792"),
        cue=Span(start=6, end=11, text="sagte"),
        quote=Span(start=13, end=30, text="er wolle helfen"),
        mode="indirect",
    )
    for record in (span, token, statement, Structure(headline=span, paragraphs=(span,))):
        assert record.__getstate__() == _dataclass_state(record)
        copy = pickle.loads(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))
        assert copy == record and hash(copy) == hash(record) and type(copy) is type(record)


def test_an_article_with_layers_survives_pickling() -> None:
    text = "Rutte sagte, er wolle helfen."
    mention = Mention(start=0, end=5, text="Rutte", type="PER", kind="name", entity="Q57792")
    article = Article.create(text).with_layers(
        mentions=(mention,), sentences=(Span(start=0, end=29, text=text),)
    )
    assert pickle.loads(pickle.dumps(article)) == article
