"""Look-up tables the runtime tagger builds from a CRF model's feature names (see :mod:`tagger`)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from wortlaut.ner.model import FloatArray
from wortlaut.ner.spans import SpanTuple


def context_table(
    rows: dict[str, int], weights: FloatArray, offsets: Sequence[int]
) -> tuple[dict[str, int], FloatArray]:
    """Context features by unprefixed name: an index into a (features x offsets x labels) table.

    Entry ``[i, k]`` holds the weights of ``f"{offsets[k]}:" + name`` (zeros when the model
    lacks it), so one look-up per context feature of a new form gives its scores at every
    window offset, instead of one look-up per offset in the much larger table of all features.
    """
    index: dict[str, int] = {}
    places: list[tuple[int, int, int]] = []
    for place, offset in enumerate(offsets):
        prefix = f"{offset}:"
        cut = len(prefix)
        for name, row in rows.items():
            if name.startswith(prefix):
                places.append((index.setdefault(name[cut:], len(index)), place, row))
    table = np.zeros((len(index), len(offsets), weights.shape[1]), dtype=np.float32)
    for feature, place, row in places:
        table[feature, place] = weights[row]
    return index, table


def pair_rows(rows: dict[str, int]) -> dict[str, tuple[int, int]]:
    """Word pairs ``left|right`` -> (row of ``b-:`` pair, row of ``b+:`` pair), -1 where absent.

    One look-up per word pair in a table of pairs only, instead of two in the table of all
    features: the bigram features are the largest family, and most pairs of new text are unknown.
    """
    pairs: dict[str, tuple[int, int]] = {}
    for name, row in rows.items():
        if name.startswith("b-:"):
            pairs[name[3:]] = (row, pairs.get(name[3:], (-1, -1))[1])
        elif name.startswith("b+:"):
            pairs[name[3:]] = (pairs.get(name[3:], (-1, -1))[0], row)
    return pairs


def named(words: Sequence[str], spans: list[SpanTuple]) -> list[SpanTuple]:
    """The spans with a letter or digit in them: a run of emoji or punctuation names nothing.

    The CRF can chain such tokens into a span (emoji are in wordfreq's list, so they look
    like known words of a rare shape); no GermEval name is without a letter or digit.
    """
    return [
        span for span in spans if any(char.isalnum() for word in words[span[0] : span[1]] for char in word)
    ]
