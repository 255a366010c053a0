"""The NER tagger's first-order Viterbi over a batch of sentences: in C when built, else numpy.

The C loop (``wortlaut/ner/_crf.c``, an optional extension) makes the same float32 additions
in the same order as :func:`viterbi_numpy` and breaks ties the same way (the first best
predecessor, the first best last label, as numpy's ``argmax``), so both give the same paths
(``tests/ner/test_viterbi.py``).  The numpy loop pays a few numpy calls per token position of
the longest sentence; in the ingest workers that was about 0.8 ms of an article's ~5 ms of
tagging (issue 17zd).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from wortlaut.ner.model import FloatArray


def _compiled() -> Any:
    """The C module, or None when it was not built (the numpy loop is then used)."""
    try:
        from wortlaut.ner import _crf  # type: ignore[attr-defined]
    except ImportError:
        return None
    return _crf


_CRF = _compiled()


def best_paths(scores: FloatArray, lengths: np.ndarray, transitions: FloatArray) -> list[list[int]]:
    """The best label path of each sentence; ``scores`` holds the tokens of all sentences in order."""
    if _CRF is None:
        return viterbi_numpy(scores, lengths, transitions)
    return list(
        _CRF.viterbi(
            np.ascontiguousarray(scores, dtype=np.float32),
            lengths.tolist(),
            np.ascontiguousarray(transitions, dtype=np.float32),
        )
    )


def viterbi_numpy(scores: FloatArray, lengths: np.ndarray, transitions: FloatArray) -> list[list[int]]:
    """:func:`best_paths` in numpy: the sentences padded side by side, finished rows stop moving."""
    longest = int(lengths.max())
    labels = transitions.shape[0]
    sentence = np.repeat(np.arange(len(lengths)), lengths)
    position = np.arange(len(scores)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    padded = np.zeros((len(lengths), longest, labels), dtype=np.float32)
    padded[sentence, position] = scores
    best = padded[:, 0]
    back = np.empty((len(lengths), longest, labels), dtype=np.intp)
    alive = (lengths[None, :] > np.arange(longest)[:, None])[:, :, None]
    for index in range(1, longest):
        candidates = best[:, :, None] + transitions
        back[:, index] = candidates.argmax(axis=1)
        best = np.where(alive[index], candidates.max(axis=1) + padded[:, index], best)
    paths = []
    ends = best.argmax(axis=1).tolist()
    for row, length in enumerate(lengths.tolist()):
        steps = back[row].tolist()
        path = [ends[row]]
        for index in range(length - 1, 0, -1):
            path.append(steps[index][path[-1]])
        paths.append(path[::-1])
    return paths
