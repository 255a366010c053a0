"""Cross-validated CRF students: gold + a fold's silver files, one variant per run, pooled over folds.

Run from the project root (no torch needed: the silver files are already tagged)::

    nice -n 10 .venv/bin/python -m wortlaut.ner.teacher.cv run --name wn-all \\
        --silver '/work/ner-teacher/s6/wikinews-train-fold{fold}.tsv' --fold 1 --fold 2 --fold 3 \\
        --record /work/ner-teacher/s6/cv.jsonl
    .venv/bin/python -m wortlaut.ner.teacher.cv pool /work/ner-teacher/s6/cv.jsonl

Each fold is one of ``wortlaut eval ner --cv 3`` (the same contiguous blocks of GermEval dev +
test-a, :func:`wortlaut.ner.folds.folds`); ``{fold}`` in a silver path names the file tagged by
that fold's teacher, which never saw the fold's held-out block.  A run appends one JSON line per
fold to the record, so folds of one variant may run in separate processes (two cores) and be
pooled afterwards: the pooled score sums the strict span counts of the held-out blocks.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import click

from wortlaut.ner.corpus import DEV_FILE, TEST_A_FILE, Sentence, read_germeval, training_and_held_out
from wortlaut.ner.folds import folds, share_of
from wortlaut.ner.model import CrfModel
from wortlaut.ner.spans import SpanScorer
from wortlaut.ner.tagger import NerTagger
from wortlaut.ner.teacher.silver import confident, read_silver
from wortlaut.ner.teacher.student import CRF_ITERATIONS, crf_score, tagger_score
from wortlaut.ner.train import C1, C2, default_data_dir, report

#: The number of folds of every teacher-student comparison (the teachers exist for these three).
K = 3
MAIN_TYPES = ("PER", "ORG", "LOC")


def fold_split(fold: int) -> tuple[list[Sentence], list[Sentence]]:
    """(training side, held-out block) of fold ``fold`` (1-based) of ``eval ner --cv 3``."""
    if not 1 <= fold <= K:
        raise click.BadParameter(f"--fold must be in 1..{K}, got {fold}")
    data = default_data_dir()
    return folds(read_germeval(data / DEV_FILE) + read_germeval(data / TEST_A_FILE), K)[fold - 1]


def split(fold: int) -> tuple[list[Sentence], list[Sentence]]:
    """:func:`fold_split`, or for fold 0 the shipped model's split: (training sentences, held-out slice)."""
    if fold == 0:
        return training_and_held_out(default_data_dir())
    return fold_split(fold)


def fold_silver(patterns: tuple[str, ...], fold: int, threshold: float, share: float) -> list[Sentence]:
    """The fold's silver sentences: every file's, kept when confident enough, then an even ``share``."""
    kept: list[Sentence] = []
    for pattern in patterns:
        kept += confident(read_silver(Path(pattern.format(fold=fold))), threshold)
    return share_of(kept, share) if kept else []


def summary(scorer: SpanScorer) -> str:
    """One line: F1 per main type and pooled P / R / F1."""
    micro = scorer.micro(MAIN_TYPES)
    types = " ".join(f"{kind} {scorer.score(kind).f1:.4f}" for kind in MAIN_TYPES)
    return f"{types}  P/R/F1 {micro.precision:.4f} / {micro.recall:.4f} / {micro.f1:.4f}"


@click.group()
def main() -> None:
    """Cross-validated teacher-student comparisons."""


@main.command()
@click.option("--name", required=True, help="Variant name in the record.")
@click.option("--silver", "patterns", multiple=True, help="Silver file; '{fold}' is the fold number.")
@click.option("--min-confidence", type=float, default=0.0, show_default=True)
@click.option("--share", type=float, default=1.0, show_default=True, help="Share of the kept silver.")
@click.option("--c1", type=float, default=C1, show_default=True)
@click.option("--c2", type=float, default=C2, show_default=True)
@click.option("--iterations", type=int, default=CRF_ITERATIONS, show_default=True)
@click.option("--fold", "fold_numbers", type=int, multiple=True, default=(1, 2, 3), show_default=True)
@click.option("--record", type=click.Path(path_type=Path), default=None, help="JSON lines to append to.")
@click.option(
    "--save", type=click.Path(path_type=Path), default=None, help="Keep each fold's model in this folder."
)
def run(
    name: str,
    patterns: tuple[str, ...],
    min_confidence: float,
    share: float,
    c1: float,
    c2: float,
    iterations: int,
    fold_numbers: tuple[int, ...],
    record: Path | None,
    save: Path | None,
) -> None:
    """Train and score the student of each fold; print each fold and the pool of those run here."""
    pooled = SpanScorer()
    for fold in fold_numbers:
        train, test = fold_split(fold)
        silver = fold_silver(patterns, fold, min_confidence, share)
        keep = save / model_name(name, fold) if save is not None else None
        started = time.perf_counter()
        scorer = crf_score(train + silver, test, c1=c1, c2=c2, iterations=iterations, keep=keep)
        seconds = time.perf_counter() - started
        click.echo(f"{name} fold {fold}: {len(train)} gold + {len(silver)} silver, {seconds:.0f} s")
        click.echo(f"  {summary(scorer)}")
        pooled.add_counts(scorer.counts())
        line = {"name": name, "fold": fold, "silver": len(silver), "seconds": round(seconds)}
        if keep is not None:
            line["attributes"] = len(CrfModel.load(keep).attributes)
        write_record(record, line, scorer)
    click.echo(f"{name} pooled over folds {list(fold_numbers)}:\n{report(pooled)}")


def model_name(name: str, fold: int) -> str:
    """File name of a variant's fold model in a ``--save`` folder."""
    return "".join(char if char.isalnum() or char in ".-" else "_" for char in name) + f"-fold{fold}.npz"


def write_record(record: Path | None, line: dict[str, object], scorer: SpanScorer) -> None:
    """Append one fold's result (with its span counts) to the JSON-lines record, if one is named."""
    if record is not None:
        with record.open("a", encoding="utf-8") as out:
            out.write(json.dumps({**line, "counts": scorer.counts()}) + "\n")


@main.command()
@click.option("--name", required=True, help="Variant whose fold models were kept with --save.")
@click.option("--save", type=click.Path(exists=True, path_type=Path), required=True, help="Their folder.")
@click.option("--threshold", "thresholds", type=float, multiple=True, required=True, help="Weight cut.")
@click.option("--fold", "fold_numbers", type=int, multiple=True, default=(1, 2, 3), show_default=True)
@click.option("--record", type=click.Path(path_type=Path), default=None, help="JSON lines to append to.")
def prune(
    name: str, save: Path, thresholds: tuple[float, ...], fold_numbers: tuple[int, ...], record: Path | None
) -> None:
    """Score each kept fold model with the attributes under each weight threshold dropped (no retraining)."""
    for fold in fold_numbers:
        _, test = fold_split(fold)
        model = CrfModel.load(save / model_name(name, fold))
        for threshold in thresholds:
            smaller = model.pruned(threshold)
            scorer = tagger_score(NerTagger(smaller), test)
            variant = f"{name} prune {threshold:g}"
            click.echo(f"{variant} fold {fold}: {len(smaller.attributes)} attributes  {summary(scorer)}")
            line = {"name": variant, "fold": fold, "attributes": len(smaller.attributes)}
            write_record(record, line, scorer)


@main.command()
@click.argument("record", type=click.Path(exists=True, path_type=Path))
@click.option("--full", is_flag=True, help="Also print each complete variant's per-type table.")
def pool(record: Path, full: bool) -> None:
    """Pool each variant's folds from the record (the latest line per variant and fold counts)."""
    latest: dict[str, dict[int, dict[str, list[int]]]] = {}
    for line in record.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        latest.setdefault(row["name"], {})[row["fold"]] = row["counts"]
    for name, by_fold in latest.items():
        pooled = SpanScorer()
        per_fold = []
        for fold in sorted(by_fold):
            scorer = SpanScorer()
            scorer.add_counts(by_fold[fold])
            pooled.add_counts(by_fold[fold])
            per_fold.append(f"{scorer.micro(MAIN_TYPES).f1:.4f}")
        done = "" if len(by_fold) == K else f" (folds {sorted(by_fold)} only)"
        click.echo(f"{name}{done}: {summary(pooled)}  folds {', '.join(per_fold)}")
        if full and len(by_fold) == K:
            click.echo(report(pooled))


if __name__ == "__main__":
    main()
