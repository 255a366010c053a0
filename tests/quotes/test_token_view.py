"""The quotation rules' token view: built through Tok's slots, equal to Tok's own constructor."""

from __future__ import annotations

import dataclasses

import pytest

from wortlaut.article import Article, Token
from wortlaut.quotes import text as text_module
from wortlaut.quotes.text import Tok, token_view


def test_token_view_equals_the_constructor_on_every_field() -> None:
    text = "Rutte sagte, er wolle helfen."
    tokens = (
        Token(start=0, end=5, text="Rutte", sentence=0, pos="NE", lemma="Rutte"),
        Token(start=6, end=11, text="sagte", sentence=0, pos="VVFIN", lemma="sagen", mood="ind"),
        Token(start=16, end=21, text="wolle", sentence=1, pos="VMFIN", lemma="wollen", mood="subj"),
    )
    view = token_view(Article.create(text).with_layers(tokens=tokens))
    expected = [
        Tok(tok.start, tok.end, tok.text, tok.text.lower(), tok.sentence, tok.mood, tok.pos, tok.lemma)
        for tok in tokens
    ]
    assert view == expected and [hash(item) for item in view] == [hash(item) for item in expected]
    assert [dataclasses.astuple(item) for item in view] == [dataclasses.astuple(item) for item in expected]
    assert view[1].low == "sagte" and view[2].mood == "subj"


def test_token_view_without_the_c_maker_is_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    tokens = (
        Token(start=0, end=5, text="Rutte", sentence=0, pos="NE", lemma="Rutte"),
        Token(start=6, end=11, text="Sagte", sentence=0, pos="VVFIN", lemma="sagen", mood="ind"),
    )
    article = Article.create("Rutte Sagte").with_layers(tokens=tokens)
    compiled = token_view(article)
    monkeypatch.setattr(text_module, "_MAKE_TOK", None)
    python = token_view(article)
    assert compiled == python and [repr(item) for item in compiled] == [repr(item) for item in python]
