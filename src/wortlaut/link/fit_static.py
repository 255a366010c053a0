"""Fit static word vectors so that a text's weighted mean imitates e5's vector of it (tokenlearn).

The corpus and its e5 vectors come from :mod:`wortlaut.link.tokenlearn`.  The
model is the one the :class:`~wortlaut.link.static.StaticEncoder` runs: a
text's words are looked up (case-folded, hyphen parts, compound heads), and
its vector is ``mean @ components + centre`` with ``mean`` the SIF-weighted
mean of the word rows.  ``components`` (k x 384) and ``centre`` are the PCA of
the training texts' e5 vectors, so the output lives in e5's own space and can
stand in for, or be mixed with, e5 vectors.  The rows are the ridge solution

    min_V  || X V - Y ||^2 + lambda || V - V0 ||^2

(``X`` the texts' normalised word weights, ``Y`` their centred e5 vectors in
the k PCA dimensions), solved by preconditioned conjugate gradients in numpy.
``V0`` is the old table's vectors (e5 of each word alone) mapped into this
space by a least-squares linear map, so words seen rarely stay near what e5
makes of them alone.  The vector length learned per word acts as its weight
in the mean.  k and lambda are chosen on held-out documents of the corpus
(cosine to e5, and Spearman agreement of pair cosines)::

    python -m wortlaut.link.fit_static sweep --work /tmp/tokenlearn
    python -m wortlaut.link.fit_static pack --work /tmp/tokenlearn --dimensions 256 --ridge 0.3 1  # the best
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from wortlaut.link.static import FIRST_TABLE, TABLE, WORDS, StaticEncoder, lookup
from wortlaut.link.tokenlearn import held_out, load

#: A corpus form joins the vocabulary when it occurs in at least this many training texts (rarer
#: forms get no reliable vector and fall back to the compound lookup).
MIN_COUNT = 2
#: SIF smoothing constant, as in the first table (wortlaut.link.distil.SIF_A).
SIF_A = 1e-4
#: Conjugate-gradient iterations (Jacobi-preconditioned, from the prior).  30 for the build's cost on
#: the shared machine; the solver test reaches the exact ridge solution well within it.
ITERATIONS = 30
OUT = TABLE.parents[1] / "static-e5-tl"


@dataclass
class Design:
    """The texts' word weights as a sparse matrix (COO sorted by row), with the vocabulary."""

    words: list[str]
    weights: np.ndarray
    rows: np.ndarray
    cols: np.ndarray
    values: np.ndarray
    texts: int
    _orders: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]] = field(default_factory=dict, repr=False)

    def times(self, matrix: np.ndarray) -> np.ndarray:
        """X @ matrix (entries grouped by row with ``np.add.reduceat``, far faster than ``np.add.at``)."""
        return self._grouped(self.rows, self.cols, matrix, self.texts)

    def transposed_times(self, matrix: np.ndarray) -> np.ndarray:
        """X.T @ matrix."""
        return self._grouped(self.cols, self.rows, matrix, len(self.words))

    def _grouped(self, keys: np.ndarray, others: np.ndarray, matrix: np.ndarray, size: int) -> np.ndarray:
        out = np.zeros((size, matrix.shape[1]), dtype=np.float32)
        if not len(keys):
            return out
        cached = self._orders.get(id(keys))
        if cached is None:
            order = np.argsort(keys, kind="stable")
            ordered = keys[order]
            cached = self._orders[id(keys)] = (
                order,
                ordered,
                np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]]),
            )
        order, ordered, starts = cached
        for first in range(0, len(starts), 4096):  # blocks of groups bound the temporary's size
            group = starts[first : first + 4097]
            end = group[-1] if len(group) == 4097 else len(order)
            picked = order[group[0] : end]
            products = self.values[picked, None] * matrix[others[picked]]
            out[ordered[group[:4096]]] = np.add.reduceat(products, group[:4096] - group[0], axis=0)
        return out

    def squares(self) -> np.ndarray:
        """diag(X.T X), the Jacobi preconditioner."""
        return np.bincount(self.cols, weights=self.values**2, minlength=len(self.words)).astype(np.float32)


def vocabulary(texts: Sequence[str], old: StaticEncoder) -> tuple[list[str], np.ndarray]:
    """The old table's words, then corpus forms (case-folded) seen in >= MIN_COUNT texts; SIF weights."""
    from wordfreq import word_frequency

    counts: Counter[str] = Counter()
    for text in texts:
        counts.update({word.casefold() for word in WORDS.findall(text)})
    words = list(old._index)
    weights = list(old._weights)
    known = set(words)
    for word, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        if count >= MIN_COUNT and word not in known and len(word) > 1:
            words.append(word)
            weights.append(SIF_A / (SIF_A + word_frequency(word, "de")))
    return words, np.asarray(weights, dtype=np.float32)


def design(texts: Sequence[str], words: list[str], weights: np.ndarray) -> Design:
    """Row-normalised SIF weights of each text's looked-up words (texts with none get an empty row)."""
    index = {word: row for row, word in enumerate(words)}
    rows: list[int] = []
    cols: list[int] = []
    values: list[float] = []
    for number, text in enumerate(texts):
        found = [row for word in WORDS.findall(text) for row in lookup(word, index)]
        if not found:
            continue
        total = float(weights[found].sum())
        for row, count in Counter(found).items():
            rows.append(number)
            cols.append(row)
            values.append(count * float(weights[row]) / total)
    return Design(
        words, weights, np.asarray(rows), np.asarray(cols), np.asarray(values, dtype=np.float32), len(texts)
    )


def solve(x: Design, target: np.ndarray, prior: np.ndarray, ridge: float) -> np.ndarray:
    """Ridge towards ``prior`` by Jacobi-preconditioned CG, every column at once."""
    diagonal = (x.squares() + ridge)[:, None]
    solution = prior.copy()
    residual = x.transposed_times(target) + ridge * prior
    residual -= x.transposed_times(x.times(solution)) + ridge * solution
    step = residual / diagonal
    direction = step.copy()
    product = (residual * step).sum(axis=0)
    for _ in range(ITERATIONS):
        applied = x.transposed_times(x.times(direction)) + ridge * direction
        alpha = product / np.maximum((direction * applied).sum(axis=0), 1e-30)
        solution += alpha * direction
        residual -= alpha * applied
        step = residual / diagonal
        new = (residual * step).sum(axis=0)
        direction = step + (new / np.maximum(product, 1e-30)) * direction
        product = new
    return solution


def _unit(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return matrix / norms


def scores(
    predicted: np.ndarray, truth: np.ndarray, centre: np.ndarray, pairs: int = 20_000
) -> dict[str, float]:
    """Held-out agreement with e5: mean cosine (raw and centred) and Spearman rho of pair cosines."""
    predicted, truth = _unit(predicted), _unit(truth)
    rng = np.random.default_rng(0)
    left, right = rng.integers(0, len(truth), pairs), rng.integers(0, len(truth), pairs)
    keep = left != right
    left, right = left[keep], right[keep]
    mine = (predicted[left] * predicted[right]).sum(axis=1)
    theirs = (truth[left] * truth[right]).sum(axis=1)
    rank = np.argsort(np.argsort(mine)), np.argsort(np.argsort(theirs))
    spearman = float(np.corrcoef(rank[0], rank[1])[0, 1])
    if predicted.shape != truth.shape:  # another space (the old table): only the ranks compare
        return {"pair_spearman": spearman}
    return {
        "cosine": float((predicted * truth).sum(axis=1).mean()),
        "centred_cosine": float((_unit(predicted - centre) * _unit(truth - centre)).sum(axis=1).mean()),
        "pair_spearman": spearman,
    }


@dataclass
class Prepared:
    """What every fit of a sweep shares: the split, the design, the targets' PCA and the prior."""

    x_train: Design
    x_test: Design
    y_train: np.ndarray
    y_test: np.ndarray
    centre: np.ndarray
    axes: np.ndarray
    prior384: np.ndarray
    old_test: np.ndarray
    radius: float


def prepare(work: Path) -> Prepared:
    """Split by document, build the design matrices and the prior (old table mapped into e5 space)."""
    items, vectors = load(work)
    test = np.asarray([held_out(document) for _, document, _ in items])
    texts = [text for _, _, text in items]
    old = StaticEncoder(path=FIRST_TABLE)
    words, weights = vocabulary([t for t, out in zip(texts, test, strict=True) if not out], old)
    x_all = design(texts, words, weights)
    centre = vectors[~test].mean(axis=0)
    _, _, axes = np.linalg.svd(vectors[~test] - centre, full_matrices=False)
    # The prior: each word's old-table rows (e5 of the word alone, PCA-256) mapped by least squares
    # onto the centred e5 vectors of the texts.
    old_rows = np.zeros((len(words), old.dim), dtype=np.float32)
    for row, word in enumerate(words):
        found = lookup(word, old._index)
        if found:
            old_rows[row] = old._vectors[found].mean(axis=0)
    old_texts = x_all.times(old_rows)
    mapping, *_ = np.linalg.lstsq(old_texts[~test], vectors[~test] - centre, rcond=None)
    split = _split(x_all, test)
    return Prepared(
        split[0],
        split[1],
        vectors[~test] - centre,
        vectors[test],
        centre,
        axes,
        old_rows @ mapping,
        old.encode([t for t, out in zip(texts, test, strict=True) if out]),
        float(np.median(np.linalg.norm(vectors[~test] - centre, axis=1))),
    )


def _split(x: Design, test: np.ndarray) -> tuple[Design, Design]:
    parts = []
    for chosen in (~test, test):
        renumber = np.full(x.texts, -1)
        renumber[chosen] = np.arange(int(chosen.sum()))
        keep = chosen[x.rows]
        parts.append(Design(x.words, x.weights, renumber[x.rows[keep]], x.cols[keep], x.values[keep],
                            int(chosen.sum())))  # fmt: skip
    return parts[0], parts[1]


def fit(data: Prepared, dimensions: int, ridge: float) -> tuple[np.ndarray, dict[str, float]]:
    """Word rows in the first ``dimensions`` PCA axes, and their held-out scores."""
    axes = data.axes[:dimensions]
    rows = solve(data.x_train, data.y_train @ axes.T, data.prior384 @ axes.T, ridge)
    predicted = place(data.x_test.times(rows) @ axes, data.radius, data.centre)
    return rows, scores(predicted, data.y_test, data.centre)


def place(centred: np.ndarray, radius: float, centre: np.ndarray) -> np.ndarray:
    """Predicted centred vectors at e5's typical distance from its centre, then moved there.

    The centred part of an e5 vector has a near-constant length (1st-99th percentile 0.39-0.52 on
    the corpus), but a weighted mean of many words shrinks towards zero; left as it is, long texts
    would all sit near the centre and look alike.
    """
    return _unit(centred) * radius + centre


def sweep(work: Path, grid: Sequence[tuple[int, float]]) -> Iterator[str]:
    """Report lines: the split's sizes, the prior's and the first table's scores, each grid point's."""
    data = prepare(work)
    sizes = (data.x_train.texts, data.x_test.texts, len(data.x_train.words))
    yield "train texts {}, held-out {}, vocabulary {}".format(*sizes)
    prior = place(data.x_test.times(data.prior384), data.radius, data.centre)
    yield f"prior (old table, linear map): {json.dumps(scores(prior, data.y_test, data.centre))}"
    old = scores(data.old_test, data.y_test, data.centre)
    yield f"old static encoder (own space; only pair_spearman compares): {json.dumps(old)}"
    for dimensions, ridge in grid:
        _, result = fit(data, dimensions, ridge)
        yield json.dumps({"dimensions": dimensions, "ridge": ridge, **result})


def pack(work: Path, grid: Sequence[tuple[int, float]], out: Path = OUT) -> Iterator[str]:
    """Fit every grid point on the training documents and write the one with the best held-out pair
    agreement (Spearman) to ``out/table.npz`` (int8 rows with one float32 scale each); yields report
    lines, the table's path last."""
    data = prepare(work)
    best: tuple[float, int, float, np.ndarray] | None = None
    for dimensions, ridge in grid:
        rows, result = fit(data, dimensions, ridge)
        yield json.dumps({"dimensions": dimensions, "ridge": ridge, **result})
        if best is None or result["pair_spearman"] > best[0]:
            best = (result["pair_spearman"], dimensions, ridge, rows)
    assert best is not None, "an empty grid"
    _, dimensions, ridge, rows = best
    scale = np.abs(rows).max(axis=1, keepdims=True) / 127.0
    scale[scale == 0] = 1.0
    out.mkdir(parents=True, exist_ok=True)
    target = out / "table.npz"
    np.savez_compressed(
        target,
        words=np.asarray(data.x_train.words),
        vectors=np.round(rows / scale).astype(np.int8),
        scales=scale[:, 0].astype(np.float32),
        weights=data.x_train.weights,
        components=data.axes[:dimensions].astype(np.float32),
        centre=data.centre.astype(np.float32),
        radius=np.float32(data.radius),
    )
    yield json.dumps({"chosen": {"dimensions": dimensions, "ridge": ridge}})
    yield str(target)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("step", choices=("sweep", "pack"))
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--dimensions", type=int, nargs="+", default=[128, 256])
    parser.add_argument("--ridge", type=float, nargs="+", default=[0.01, 0.1, 1.0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    grid = [(d, r) for d in args.dimensions for r in args.ridge]
    for line in sweep(args.work, grid) if args.step == "sweep" else pack(args.work, grid, args.out):
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
