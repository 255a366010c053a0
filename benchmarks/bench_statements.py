"""Statement extraction time against the language core (tokens + morph + entities + coref) on 10kGNAD.

The target (issue 4): ``statements.rules.v1`` adds no more than half again to the
language core's time.  Both are timed per stage on one core over the same
articles, after structure; the ratio is printed.  Usage::

    .venv/bin/python -m benchmarks.bench_statements [--limit N]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence

from benchmarks.corpora import CorpusMissing, gnad_articles
from wortlaut.article import Article
from wortlaut.pipeline import Stage, build_pipeline, stage_class
from wortlaut.stages.statements import StatementsStage

CORE = (
    ("tokens.spacy.v1", "wortlaut.stages.tokens"),
    ("morph.hanta.v1", "wortlaut.stages.morph"),
    ("entities.crf.v1", "wortlaut.stages.entities"),
    ("coref.rules.v1", "wortlaut.stages.coref"),
)
#: The issue's limit: statements may cost at most this fraction of the language core.
TARGET_RATIO = 0.5


def run(stage: Stage, articles: list[Article]) -> tuple[list[Article], float]:
    started = time.perf_counter()
    result = [stage(article) for article in articles]
    return result, time.perf_counter() - started


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    args = parser.parse_args(argv)
    try:
        articles = gnad_articles(limit=args.limit)
    except CorpusMissing as error:
        print(f"skipped: {error}")
        return 0
    structure = build_pipeline([("structure.rules.v1", "wortlaut.stages.structure")])
    articles = [structure(article) for article in articles]
    core_seconds = 0.0
    for name, module in CORE:
        articles, seconds = run(stage_class(name, module)(), articles)
        core_seconds += seconds
        print(f"{name}: {1000 * seconds / len(articles):.2f} ms/article")
    analysed, seconds = run(StatementsStage(), articles)
    statements = sum(len(article.statements) for article in analysed)
    print(f"statements.rules.v1: {1000 * seconds / len(articles):.2f} ms/article, {statements} statements")
    ratio = seconds / core_seconds
    verdict = "within" if ratio <= TARGET_RATIO else "OVER"
    print(
        f"language core {1000 * core_seconds / len(articles):.2f} ms/article; statements add {ratio:.1%} "
        f"({verdict} the {TARGET_RATIO:.0%} target) over {len(articles)} articles"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
