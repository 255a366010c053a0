"""What the per-stage benchmarks share: the ``--limit`` option, the prepared 10kGNAD corpus, a timer.

Each stage benchmark times one or two stages over the 10kGNAD articles after the stages
before them have run untimed; this module holds that set-up once.
"""

from __future__ import annotations

import argparse
import dataclasses
import time
from collections.abc import Callable, Sequence

from benchmarks.corpora import CorpusMissing, gnad_articles
from wortlaut.article import Article
from wortlaut.pipeline import build_pipeline

#: Tokens per article the project's speed targets are stated in.
ARTICLE_TOKENS = 400


def limit_parser(doc: str | None) -> argparse.ArgumentParser:
    """An argument parser with ``--limit N`` and the module docstring's first line as description."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0] if doc else None)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    return parser


def prepared_gnad(
    limit: int | None, before: Sequence[tuple[str, str]], *, published: str | None = None
) -> list[Article] | None:
    """The 10kGNAD articles run through the ``before`` stages, or ``None`` (with a note) without ../shared."""
    try:
        articles = gnad_articles(limit=limit)
    except CorpusMissing as error:
        print(f"skipped: {error}")
        return None
    if published is not None:
        articles = [dataclasses.replace(article, published=published) for article in articles]
    prepare = build_pipeline(before)
    articles = [prepare(article) for article in articles]
    tokens = sum(len(article.tokens) for article in articles)
    print(f"{len(articles)} 10kGNAD articles, {tokens / max(1, len(articles)):.0f} tokens on average")
    return articles


def timed(label: str, stage: Callable[[Article], Article], articles: list[Article]) -> list[Article]:
    """Run a stage over the articles and print CPU time per article, per second and per 400 tokens."""
    started = time.process_time()
    result = [stage(article) for article in articles]
    seconds = max(time.process_time() - started, 1e-9)
    tokens = max(1, sum(len(article.tokens) for article in articles))
    print(
        f"{label}: {1000 * seconds / len(articles):.2f} ms/article, "
        f"{len(articles) / seconds:.0f} articles/s, "
        f"{tokens / seconds:,.0f} tokens/s, {1000 * seconds * ARTICLE_TOKENS / tokens:.2f} ms per "
        f"{ARTICLE_TOKENS} tokens"
    )
    return result
