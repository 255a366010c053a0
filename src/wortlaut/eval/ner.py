"""``wortlaut eval ner``: strict outer-span scores of the NER tagger on GermEval 2014.

By default it scores the held-out slice of test-a (the last sentences, see
:data:`wortlaut.ner.corpus.HELD_OUT_SIZE`) that training leaves out; with
``--slice all`` it scores every sentence of the given files, which is how
another GermEval file (the held-out second half of test) is measured.
Derived and part forms (``LOCderiv``, ``ORGpart``) are mapped to ``O`` on
both sides; PER+ORG+LOC is the micro average the project reports.  ``--system stage``
scores the whole entity stage instead (:mod:`wortlaut.eval.ner_stage`).
``--cv K`` trains K models on contiguous blocks of dev + test-a and pools
their scores (:mod:`wortlaut.eval.ner_cv`); that is the number to choose
features by.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from wortlaut.eval.ner_cv import CvOptions, cross_validate
from wortlaut.eval.ner_stage import score_stage
from wortlaut.ner.corpus import (
    DEV_FILE,
    TEST_A_FILE,
    CorpusError,
    Sentence,
    read_germeval,
    split_test_a,
)
from wortlaut.ner.europeana import read_europeana_dir
from wortlaut.ner.features import GROUPS
from wortlaut.ner.tagger import NerModelError, load_tagger
from wortlaut.ner.train import default_data_dir, report, score


def _sentences(files: tuple[Path, ...], which: str) -> list[Sentence]:
    """The sentences to score: the held-out slice of test-a, or all sentences of ``files``."""
    if not files:
        files = (default_data_dir() / TEST_A_FILE,)
    sentences: list[Sentence] = []
    for path in files:
        found = read_germeval(path)
        sentences += split_test_a(found)[1] if which == "held-out" else found
    return sentences


@click.command(name="ner")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--slice",
    "which",
    type=click.Choice(["held-out", "all"]),
    default="held-out",
    show_default=True,
    help="held-out: the last sentences of each file (the slice training leaves out); all: every sentence.",
)
@click.option("--model", type=click.Path(path_type=Path), default=None, help="Another model file.")
@click.option(
    "--system",
    type=click.Choice(["tagger", "stage"]),
    default="tagger",
    show_default=True,
    help="tagger: the trained CRF alone; stage: the whole entity stage (tagger + knowledge base + patterns).",
)
@click.option("--cv", "cv", type=int, default=None, help="K-fold cross-validation over dev + test-a.")
@click.option(
    "--extra",
    type=click.Path(path_type=Path),
    default=None,
    help="With --cv: a folder of Europeana .bio files added to each fold's training side.",
)
@click.option(
    "--extra-share",
    type=float,
    default=1.0,
    show_default=True,
    help="With --extra: the share (0..1] of its sentences used, i.e. its weight.",
)
@click.option("--groups", default=",".join(GROUPS), show_default=True, help="With --cv: feature groups.")
@click.option("--iterations", type=int, default=None, help="With --cv: L-BFGS iterations (default: shipped).")
@click.option("--c1", type=float, default=None, help="With --cv: L1 penalty (default: shipped).")
@click.option("--c2", type=float, default=None, help="With --cv: L2 penalty (default: shipped).")
@click.option(
    "--clusters",
    "clusters",
    type=click.Path(path_type=Path),
    default=None,
    help="With --cv and the cluster group: the word-cluster table (default: where clusters_build writes).",
)
@click.option("--jobs", type=int, default=1, show_default=True, help="With --cv: folds trained in parallel.")
@click.option(
    "--silver",
    default=None,
    help="With --cv 3: a fold teacher's silver TSV per fold, {fold} in the path (wortlaut.ner.teacher).",
)
@click.option(
    "--dense",
    default=None,
    help="With --cv 3: the window scorers' out-of-fold file per fold, {fold} in the path (teacher.window).",
)
@click.option("--prune", type=float, default=0.0, show_default=True, help="With --silver/--dense: prune cut.")
def command(
    files: tuple[Path, ...],
    which: str,
    model: Path | None,
    system: str,
    cv: int | None,
    extra: Path | None,
    extra_share: float,
    groups: str,
    iterations: int | None,
    c1: float | None,
    c2: float | None,
    clusters: Path | None,
    jobs: int,
    silver: str | None,
    dense: str | None,
    prune: float,
) -> None:
    """Score the NER tagger (or the entity stage) on GermEval 2014 files (default: test-a's held-out part)."""
    if cv is not None and (silver or dense):
        _cross_validate_students(cv, silver, dense, c1, iterations, prune, jobs, groups)
        return
    if cv is not None:
        shipped = CvOptions()
        penalties = (shipped.c1 if c1 is None else c1, shipped.c2 if c2 is None else c2)
        _cross_validate(files, cv, extra, extra_share, groups, iterations, penalties, clusters, jobs)
        return
    if system == "stage" and model is not None:
        click.echo("error: --model applies to --system tagger only", err=True)
        sys.exit(2)
    try:
        sentences = _sentences(files, which)
        tagger = load_tagger(model)
    except (CorpusError, NerModelError) as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(1)
    if system == "stage":
        click.echo(f"{len(sentences)} sentences, strict outer spans ({which}), the pipeline's entity stage")
        click.echo(report(score_stage(sentences)))
        return
    click.echo(f"{len(sentences)} sentences, strict outer spans ({which}), model {tagger.model_path}")
    click.echo(report(score(tagger, sentences)))


def _cross_validate_students(
    k: int,
    silver: str | None,
    dense: str | None,
    c1: float | None,
    iterations: int | None,
    prune: float,
    jobs: int,
    groups: str,
) -> None:
    """``--cv 3 --silver ... [--dense ...]``: the teacher-student CRF (lexical features of
    ``groups``, with the dense scorer's) per fold of :mod:`wortlaut.ner.teacher.cv`, pooled.
    Needs the ``train`` extra's files written beforehand (silver, scorer probabilities); only 3
    folds have fold teachers."""
    from wortlaut.ner.spans import SpanScorer
    from wortlaut.ner.teacher.densecrf import CRF_ITERATIONS, cross_validate_dense

    if k != 3:
        click.echo("error: --silver/--dense need --cv 3 (the fold teachers' folds)", err=True)
        sys.exit(2)
    c1 = 0.03 if c1 is None else c1
    iterations = iterations or CRF_ITERATIONS
    try:
        named = tuple(group for group in groups.split(",") if group)
        per_fold = cross_validate_dense(
            silver, dense, c1=c1, iterations=iterations, prune=prune, jobs=jobs, groups=named
        )
    except (CorpusError, OSError, ValueError, KeyError) as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(1)
    pooled = SpanScorer()
    for fold in per_fold:
        pooled.add_counts(fold.counts())
    click.echo(
        f"3-fold CV (contiguous blocks of dev + test-a), strict outer spans; teacher-student CRF "
        f"c1={c1} iterations={iterations} prune={prune} silver={silver} dense={dense} groups={groups}"
    )
    click.echo(report(pooled))
    folds = ", ".join(f"{fold.micro(('PER', 'ORG', 'LOC')).f1:.4f}" for fold in per_fold)
    click.echo(f"per-fold PER+ORG+LOC F1: {folds}")
    for name in ("PER", "ORG", "LOC"):
        click.echo(f"per-fold {name} F1: " + ", ".join(f"{fold.micro((name,)).f1:.4f}" for fold in per_fold))


def _cross_validate(
    files: tuple[Path, ...],
    k: int,
    extra: Path | None,
    extra_share: float,
    groups: str,
    iterations: int | None,
    penalties: tuple[float, float],
    clusters: Path | None,
    jobs: int,
) -> None:
    """``--cv K``: pooled strict scores of K models over dev + test-a (or the given files)."""
    base = CvOptions()
    try:
        paths = files or (default_data_dir() / DEV_FILE, default_data_dir() / TEST_A_FILE)
        sentences = [s for path in paths for s in read_germeval(path)]
        options = CvOptions(
            groups=tuple(group for group in groups.split(",") if group),
            c1=penalties[0],
            c2=penalties[1],
            clusters=clusters,
            iterations=iterations or base.iterations,
            extra=tuple(read_europeana_dir(extra)) if extra else (),
            extra_share=extra_share,
        )
        result = cross_validate(sentences, k, options, jobs=jobs)
    except (CorpusError, NerModelError, ValueError) as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(1)
    click.echo(
        f"{k}-fold CV over {len(sentences)} sentences (contiguous blocks), strict outer spans; "
        f"groups={','.join(options.groups)} c1={options.c1} c2={options.c2} iterations={options.iterations} "
        f"extra={len(options.extra)} sentences x share {options.extra_share}"
    )
    click.echo(report(result.pooled))
    folds = ", ".join(f"{fold.micro(('PER', 'ORG', 'LOC')).f1:.4f}" for fold in result.per_fold)
    click.echo(f"per-fold PER+ORG+LOC F1: {folds}")
