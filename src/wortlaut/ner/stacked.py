"""A second window layer for the dense scorer: each token also sees its neighbours' hidden units.

The window scorer (:mod:`wortlaut.ner.dense`) reads five words; its teacher reads the whole
sentence.  On fold 1's held-out block, 244 gold spans the teacher tags right and the student
not: the teacher, given only the span and two words each side, still gets 162 of them, and 199
with four words each side (docs/quality.md, issue 14zf).  A second window of five over the first
layer's hidden units widens what a token sees to four words each side (Collobert et al.'s
stacked windows, as a convolution of width 5 twice) at the cost of one small product per token:
(tokens, hidden) @ (hidden, 5 x units).  The output layer reads both layers' units, so the
first layer's own evidence reaches it directly.  Numpy only; trained by
:mod:`wortlaut.ner.teacher.window` (``--second``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float32]

#: Offsets of the second window over the first layer's units (five, as the first window's).
SECOND_WINDOW: tuple[int, ...] = (-2, -1, 0, 1, 2)
#: The second layer's arrays in a scorer file, in :class:`SecondWindow`'s argument order.
SECOND_ARRAYS: tuple[str, ...] = ("second", "second_pad", "second_bias")


@dataclass(frozen=True)
class SecondWindow:
    """``weights`` (positions, first units, units); ``pad`` (positions, units): the share of a
    position outside the sentence; ``bias`` (units)."""

    weights: FloatArray
    pad: FloatArray
    bias: FloatArray

    def units(self, first: FloatArray, position: np.ndarray, length: np.ndarray) -> FloatArray:
        """(tokens, first units + units): each token's first-layer units and the second layer's.

        ``first`` holds the tokens' first-layer units (after ``tanh``) of whole sentences in
        order; ``position`` and ``length`` say where each token sits (:func:`~wortlaut.ner.dense.positions`).
        """
        count, units = len(first), self.weights.shape[2]
        flat = self.weights.transpose(1, 0, 2).reshape(self.weights.shape[1], -1)
        shares = np.asarray(first @ flat, dtype=np.float32).reshape(count, len(SECOND_WINDOW), units)
        centre = SECOND_WINDOW.index(0)
        summed = shares[:, centre] + self.bias
        for place, offset in enumerate(SECOND_WINDOW):
            if offset:
                inside = ((position + offset >= 0) & (position + offset < length))[:, None]
                source = np.clip(np.arange(count) + offset, 0, max(count - 1, 0))
                summed += np.where(inside, shares[source, place], self.pad[place])
        return np.concatenate([first, np.tanh(summed)], axis=1).astype(np.float32)
