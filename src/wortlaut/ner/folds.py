"""The cross-validation split of the NER data: contiguous blocks, and an evenly spaced share of extra data.

Here, not in :mod:`wortlaut.eval`, so that ``wortlaut eval ner --cv`` and the train-time teacher
(:mod:`wortlaut.ner.teacher`, which must not import the evaluation package) split the same way
from one definition.  Blocks, not shuffled sentences: neighbouring GermEval sentences often come
from one article, and a shuffled split would let an article's names leak into its own test fold.
"""

from __future__ import annotations

from collections.abc import Sequence

from wortlaut.ner.corpus import Sentence


def folds(sentences: Sequence[Sentence], k: int) -> list[tuple[list[Sentence], list[Sentence]]]:
    """``k`` (train, test) pairs: test is the i-th contiguous block, train all other blocks."""
    if k < 2 or k > len(sentences):
        raise ValueError(f"--cv needs 2 <= K <= {len(sentences)} sentences, got {k}")
    bounds = [round(i * len(sentences) / k) for i in range(k + 1)]
    pairs = []
    for i in range(k):
        start, end = bounds[i], bounds[i + 1]
        pairs.append((list(sentences[:start]) + list(sentences[end:]), list(sentences[start:end])))
    return pairs


def share_of(extra: Sequence[Sentence], share: float) -> list[Sentence]:
    """An evenly spaced, deterministic ``share`` (0..1] of the extra sentences: how much they weigh."""
    if not 0.0 < share <= 1.0:
        raise ValueError(f"extra share must be in (0, 1], got {share}")
    step = 1.0 / share
    picked: list[Sentence] = []
    position = 0.0
    while round(position) < len(extra):
        picked.append(extra[round(position)])
        position += step
    return picked
