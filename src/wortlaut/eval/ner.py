"""``wortlaut eval ner``: strict outer-span scores of the NER tagger on GermEval 2014.

By default it scores the held-out slice of test-a (the last sentences, see
:data:`wortlaut.ner.corpus.HELD_OUT_SIZE`) that training leaves out; with
``--slice all`` it scores every sentence of the given files, which is how
another GermEval file (the held-out second half of test) is measured.
Derived and part forms (``LOCderiv``, ``ORGpart``) are mapped to ``O`` on
both sides; PER+ORG+LOC is the micro average the project reports.  ``--system stage``
scores the whole entity stage instead (:mod:`wortlaut.eval.ner_stage`).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from wortlaut.eval.ner_stage import score_stage
from wortlaut.ner.corpus import TEST_A_FILE, CorpusError, Sentence, read_germeval, split_test_a
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
def command(files: tuple[Path, ...], which: str, model: Path | None, system: str) -> None:
    """Score the NER tagger (or the entity stage) on GermEval 2014 files (default: test-a's held-out part)."""
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
