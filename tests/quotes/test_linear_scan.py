"""The quotation scan stays linear in a quote-dense text without full stops (a hostile 5 MB input).

Operation counts, not wall time: how often the tokens of the article are read.
"""

from __future__ import annotations

from typing import Any

import pytest

from wortlaut.article import Article
from wortlaut.quotes import extract as extract_module
from wortlaut.quotes.context import Context
from wortlaut.quotes.extract import extract
from wortlaut.quotes.lexicon import load_lexicon


class Counting(list[Any]):
    """A list that counts every item handed out by indexing or slicing."""

    reads = 0

    def __getitem__(self, key):  # type: ignore[no-untyped-def]
        value = super().__getitem__(key)
        Counting.reads += len(value) if isinstance(key, slice) else 1
        return value


class CountingContext(Context):
    """The rules' working state with counting token and quotation-membership lists."""

    def __post_init__(self) -> None:
        super().__post_init__()
        self.tokens, self.quote_of = Counting(self.tokens), Counting(self.quote_of)
        self.sentence_of = Counting(self.sentence_of)


def _reads(unit: str, repeats: int, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(extract_module, "Context", CountingContext)
    Counting.reads = 0
    extract(Article.create(unit * repeats), load_lexicon())
    return Counting.reads


#: Quotations in the smaller text; the larger has four times as many, all in one "sentence".
SMALL = 300


@pytest.mark.parametrize(
    "unit",
    [
        '"a" ',
        "»a« ",
        "„Ja“, sagte er, ",
        "„Ja, ",
        "Er sagte, „a“ und „b“ ",
        "sagte, er habe „x“ ",
        "Er kam, jedoch ist laut dem Sender nichts klar, ",
        "die nach Angaben der Polizei kam; ",
    ],
)
def test_token_reads_grow_linearly_with_quote_dense_text(unit: str, monkeypatch: pytest.MonkeyPatch) -> None:
    small, large = _reads(unit, SMALL, monkeypatch), _reads(unit, 4 * SMALL, monkeypatch)
    assert large <= 5 * small, f"4x the text read the tokens {large / small:.1f}x as often (quadratic: 16x)"
