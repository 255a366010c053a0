"""Typed spans of a BIO-tagged unit and strict span counts (conlleval's rule: type and both ends match).

The NER tagger returns its finds as spans and NER training selects models by
these counts, so they live here with the tagger; ``wortlaut.eval`` scores with
them and re-exports them (eval depends on the packages it scores, never the
other way round).  Spans are ``(start, end_exclusive, type)`` triples over one
unit (a sentence); :func:`bio_spans` treats a stray ``I-X`` after ``O`` or after
another type as the start of a new span (as conlleval does).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

SpanTuple = tuple[int, int, str]


@dataclass(frozen=True, slots=True)
class Score:
    """True positives, number predicted and number gold, with precision/recall/F1 derived."""

    correct: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def bio_spans(tags: Sequence[str]) -> list[SpanTuple]:
    """Spans of a BIO tag sequence (``["B-PER", "I-PER", "O"]`` -> ``[(0, 2, "PER")]``)."""
    spans: list[SpanTuple] = []
    start, label = -1, ""
    for index, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        continues = prefix == "I" and kind == label and start >= 0
        if continues:
            continue
        if start >= 0:
            spans.append((start, index, label))
            start, label = -1, ""
        if prefix in ("B", "I") and kind:
            start, label = index, kind
    return spans


class SpanScorer:
    """Accumulates strict span matches per type over many units."""

    def __init__(self) -> None:
        self._correct: Counter[str] = Counter()
        self._predicted: Counter[str] = Counter()
        self._gold: Counter[str] = Counter()

    def add(self, gold: Iterable[SpanTuple], predicted: Iterable[SpanTuple]) -> None:
        """Add one unit's gold and predicted spans."""
        gold_set, predicted_set = set(gold), set(predicted)
        self._gold.update(span[2] for span in gold_set)
        self._predicted.update(span[2] for span in predicted_set)
        self._correct.update(span[2] for span in gold_set & predicted_set)

    def score(self, kind: str) -> Score:
        """The score of one type."""
        return Score(self._correct[kind], self._predicted[kind], self._gold[kind])

    def micro(self, kinds: Iterable[str]) -> Score:
        """The micro-averaged score over several types."""
        kinds = list(kinds)
        return Score(
            sum(self._correct[k] for k in kinds),
            sum(self._predicted[k] for k in kinds),
            sum(self._gold[k] for k in kinds),
        )

    def counts(self) -> dict[str, list[int]]:
        """``{type: [correct, predicted, gold]}`` for every type seen: a record that pools across runs."""
        kinds = sorted(set(self._gold) | set(self._predicted))
        return {k: [self._correct[k], self._predicted[k], self._gold[k]] for k in kinds}

    def add_counts(self, counts: dict[str, list[int]]) -> None:
        """Add a record written by :meth:`counts` (another fold's results, say)."""
        for kind, (correct, predicted, gold) in counts.items():
            self._correct[kind] += correct
            self._predicted[kind] += predicted
            self._gold[kind] += gold
