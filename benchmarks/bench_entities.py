"""Entity and coreference stage throughput on one core over the 1,028 10kGNAD articles.

The articles first go through the stages before them (structure, tokens,
morph), untimed; then the entity stage (KB gazetteer, patterns, appositions;
with and without the NER tagger when its model is installed) and the
coreference stage are timed on their own.  Times are CPU seconds of this
process (``time.process_time``), so other work on a shared machine does not
inflate them; the stages are single-threaded, so that is one core.  Usage::

    .venv/bin/python -m benchmarks.bench_entities [--limit N]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence

from benchmarks.corpora import CorpusMissing, gnad_articles
from wortlaut.article import Article
from wortlaut.pipeline import build_pipeline
from wortlaut.stages.coref import CorefStage
from wortlaut.stages.entities import EntitiesStage, default_tagger

BEFORE = (
    ("structure.rules.v1", "wortlaut.stages.structure"),
    ("tokens.spacy.v1", "wortlaut.stages.tokens"),
    ("morph.hanta.v1", "wortlaut.stages.morph"),
)
#: Tokens per article the project's speed target is stated in.
ARTICLE_TOKENS = 400


def timed(label: str, stage: Callable[[Article], Article], articles: list[Article]) -> list[Article]:
    started = time.process_time()
    result = [stage(article) for article in articles]
    seconds = time.process_time() - started
    tokens = sum(len(article.tokens) for article in articles)
    print(
        f"{label}: {1000 * seconds / len(articles):.2f} ms/article, "
        f"{len(articles) / seconds:.0f} articles/s, "
        f"{tokens / seconds:,.0f} tokens/s, {1000 * seconds * ARTICLE_TOKENS / tokens:.2f} ms per "
        f"{ARTICLE_TOKENS} tokens"
    )
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    args = parser.parse_args(argv)
    try:
        articles = gnad_articles(limit=args.limit)
    except CorpusMissing as error:
        print(f"skipped: {error}")
        return 0
    prepare = build_pipeline(BEFORE)
    articles = [prepare(article) for article in articles]
    tokens = sum(len(article.tokens) for article in articles)
    print(f"{len(articles)} 10kGNAD articles, {tokens / len(articles):.0f} tokens on average")
    started = time.perf_counter()
    plain, coref = EntitiesStage(tagger=None), CorefStage()
    print(f"KB, patterns and description matcher loaded in {time.perf_counter() - started:.2f}s")
    with_entities = timed("entities.crf.v1 (no tagger)", plain, articles)
    tagger = default_tagger()
    if tagger is not None:
        with_entities = timed("entities.crf.v1 (with NER tagger)", EntitiesStage(tagger=tagger), articles)
    else:
        print("entities.crf.v1 with NER tagger: skipped, no NER model installed")
    timed("coref.rules.v1", coref, with_entities)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
