"""Train the quotation-span tagger on quotes-wikinews.

``python -m wortlaut.quotes.train_spans ../shared/data/quotes-wikinews/train --out FILE`` analyses the
articles (the default pipeline up to the times stage), builds one feature sequence per article with
the gold quotation labels and trains a CRF with crfsuite.  L-BFGS in crfsuite is deterministic, so
the same data and options give the same model.  Cross-validation: :mod:`wortlaut.eval.quotes_spans`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
import pycrfsuite

from wortlaut.article import Article
from wortlaut.quotes.extract import build_context, rule_statements
from wortlaut.quotes.lexicon import Lexicon, load_lexicon
from wortlaut.quotes.span_features import article_features
from wortlaut.quotes.span_model import gold_labels

#: L1 / L2 regularisation and L-BFGS iterations (L1 keeps the model file small; see the model card
#: for the values compared by cross-validation on quotes-wikinews/train).
C1 = 0.05
C2 = 0.01
MAX_ITERATIONS = 150


@dataclass(frozen=True)
class Item:
    """One analysed quotes-wikinews article: file name, the JSON document, the analysed article."""

    name: str
    document: dict[str, Any]
    article: Article


def analyse(directory: Path) -> list[Item]:
    """Every article of a quotes-wikinews folder through the default pipeline up to the times stage."""
    from wortlaut.pipeline import DEFAULT_STAGES, build_pipeline

    names = [name for name, _ in DEFAULT_STAGES]
    pipeline = build_pipeline(DEFAULT_STAGES[: names.index("statements.rules.v1")])
    items = []
    for path in sorted(directory.glob("*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        items.append(Item(path.name, document, pipeline(Article.create(document["originalText"]))))
    return items


def sequences(items: Sequence[Item], lexicon: Lexicon) -> Iterator[tuple[list[list[str]], list[str]]]:
    """(features, gold labels) of each article."""
    for item in items:
        ctx = build_context(item.article, lexicon)
        if ctx.tokens:
            found = rule_statements(ctx)
            yield article_features(ctx, found), gold_labels(ctx, item.document.get("annotations", []))


def train(
    items: Sequence[Item],
    out: Path,
    *,
    lexicon: Lexicon,
    c1: float = C1,
    c2: float = C2,
    iterations: int = MAX_ITERATIONS,
) -> Path:
    """Train the CRF on ``items`` and write crfsuite's model file to ``out``."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for features, labels in sequences(items, lexicon):
        trainer.append(features, labels)
    trainer.set_params(
        {"c1": c1, "c2": c2, "max_iterations": iterations, "feature.possible_transitions": True}
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    return out


def folds(items: Sequence[Item], count: int) -> list[list[Item]]:
    """Document-grouped folds: every ``count``-th article (in file-name order) in the same fold."""
    return [list(items[number::count]) for number in range(count)]


@click.command()
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="Model file.")
@click.option("--c1", type=float, default=C1, show_default=True)
@click.option("--c2", type=float, default=C2, show_default=True)
@click.option("--iterations", type=int, default=MAX_ITERATIONS, show_default=True)
def main(directory: Path, out: Path, c1: float, c2: float, iterations: int) -> None:
    """Train the quotation-span tagger on a quotes-wikinews folder and write crfsuite's model file."""
    items = analyse(directory)
    if not items:
        sys.exit(f"{directory}: no *.json documents found")
    train(items, out, lexicon=load_lexicon(), c1=c1, c2=c2, iterations=iterations)
    click.echo(f"wrote {out}")


if __name__ == "__main__":
    main()
