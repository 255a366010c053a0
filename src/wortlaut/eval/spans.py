"""Strict span scoring in the manner of conlleval: a predicted span counts only when type and both ends match.

Shared by the NER evaluation and anything else that compares typed spans.  The
span type, :func:`bio_spans` and the counters live in :mod:`wortlaut.ner.spans`
(the tagger and NER training use them; eval imports from the packages it
scores, never the other way round) and are re-exported here; the one-to-one
pairing of overlapping annotations is eval's own.
"""

from __future__ import annotations

from collections.abc import Iterable

from wortlaut.ner.spans import Score, SpanScorer, SpanTuple, bio_spans

__all__ = ["Score", "SpanScorer", "SpanTuple", "bio_spans", "greedy_pairs"]


def greedy_pairs(overlaps: Iterable[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs from ``(shared, gold, predicted)`` overlaps.

    Largest overlap first, each side used once; ties go to the lower indices.  Both quotation
    scorers (WikiNews tokens, own pages' characters) pair their annotations this way.
    """
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, gold_index, pred_index in sorted((-shared, g, p) for shared, g, p in overlaps if shared > 0):
        if gold_index not in used_gold and pred_index not in used_pred:
            used_gold.add(gold_index)
            used_pred.add(pred_index)
            pairs.append((gold_index, pred_index))
    return pairs
