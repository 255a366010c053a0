"""Statement extraction time against the language core (tokens + morph + entities + coref) on 10kGNAD.

The target (issue 12, tighter than issue 4's 50%): ``statements.rules.v1`` with its speaker
ranker and speaker linking adds no more than 15% to the language core's time.  Both are timed
per stage on one core over the same articles, after structure; the ratio is printed.  Usage::

    .venv/bin/python -m benchmarks.bench_statements [--limit N] [--span-model FILE]

``--span-model FILE`` times the stage with the learned quotation-span tagger too (issue 12, an option).
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from benchmarks.stagebench import limit_parser, prepared_gnad
from wortlaut.article import Article
from wortlaut.pipeline import Stage, stage_class
from wortlaut.stages.statements import StatementsStage

CORE = (
    ("tokens.spacy.v1", "wortlaut.stages.tokens"),
    ("morph.hanta.v1", "wortlaut.stages.morph"),
    ("entities.crf.v1", "wortlaut.stages.entities"),
    ("coref.rules.v1", "wortlaut.stages.coref"),
)
#: The issue's limit: statements may cost at most this fraction of the language core (issue 12).
TARGET_RATIO = 0.15


def run(stage: Stage, articles: list[Article]) -> tuple[list[Article], float, float]:
    """The analysed articles, the CPU seconds and the wall seconds the stage took over them."""
    cpu, wall = time.process_time(), time.perf_counter()
    result = [stage(article) for article in articles]
    return result, time.process_time() - cpu, time.perf_counter() - wall


def main(argv: Sequence[str] | None = None) -> int:
    parser = limit_parser(__doc__)
    parser.add_argument("--span-model", default=None, help="also time the stage with this span tagger")
    args = parser.parse_args(argv)
    prepared = prepared_gnad(args.limit, [("structure.rules.v1", "wortlaut.stages.structure")])
    if prepared is None:
        return 0
    articles = prepared
    core_seconds = core_wall = 0.0
    for name, module in CORE:
        articles, seconds, wall = run(stage_class(name, module)(), articles)
        core_seconds, core_wall = core_seconds + seconds, core_wall + wall
        print(f"{name}: {1000 * seconds / len(articles):.2f} CPU ms/article")
    analysed, seconds, wall = run(StatementsStage(), articles)
    statements = sum(len(article.statements) for article in analysed)
    per_article = 1000 * seconds / len(articles)
    print(f"statements.rules.v1: {per_article:.2f} CPU ms/article, {statements} statements")
    ratio = seconds / core_seconds
    verdict = "within" if ratio <= TARGET_RATIO else "OVER"
    print(
        f"language core {1000 * core_seconds / len(articles):.2f} CPU ms/article; statements add {ratio:.1%} "
        f"({verdict} the {TARGET_RATIO:.0%} target) over {len(articles)} articles; wall time: "
        f"{1000 * wall / len(articles):.2f} against {1000 * core_wall / len(articles):.2f} ms/article, "
        f"{wall / core_wall:.1%}"
    )
    if args.span_model:
        _, tagged, _ = run(StatementsStage(span_model=args.span_model), articles)
        share = tagged / core_seconds
        print(f"with the span tagger: {1000 * tagged / len(articles):.2f} ms/article, {share:.1%} of core")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
