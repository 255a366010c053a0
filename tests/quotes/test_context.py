"""The rules' working state: which quoted passage and which sentence each token falls in."""

from __future__ import annotations

import re

from wortlaut.quotes.context import Context
from wortlaut.quotes.lexicon import load_lexicon
from wortlaut.quotes.marks import Quoted
from wortlaut.quotes.text import Tok


def _tokens(text: str) -> list[Tok]:
    return [Tok(m.start(), m.end(), m.group(), m.group().lower(), 0) for m in re.finditer(r"\w+|\S", text)]


def test_context_maps_each_token_to_its_passage_and_sentence() -> None:
    text = "Er sagte: „Wir kommen.“ Sie schwieg. „Nein“"
    tokens = _tokens(text)
    first = Quoted(text.index("„"), text.index("“") + 1)
    runaway = Quoted(text.rindex("„"), len(text), closed=False)
    empty = Quoted(text.index("Sie"), text.index("Sie"))
    ctx = Context(text, tokens, [(0, 8), (8, 11), (11, len(tokens))], [first, empty, runaway], load_lexicon())
    assert ctx.starts == [tok.start for tok in tokens]
    assert [tok.text for tok, number in zip(tokens, ctx.quote_of, strict=True) if number == 0] == [
        "„", "Wir", "kommen", ".", "“"
    ]  # fmt: skip
    assert 1 not in ctx.quote_of
    runaway_tokens = [tok.text for tok, number in zip(tokens, ctx.quote_of, strict=True) if number == 2]
    assert runaway_tokens == ["„", "Nein", "“"]
    assert ctx.sentence_of == [0] * 8 + [1] * 3 + [2] * 3
