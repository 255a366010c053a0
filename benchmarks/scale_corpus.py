"""The Ray-vs-pool benchmarks' corpus: ``--limit`` distinct articles as sharded JSON Lines files.

Split out of :mod:`benchmarks.bench_scale` (2026-12-06 night) to keep that module small; the
Ray-only benchmarks (``bench_scale_calls``, ``bench_scale_timeline``) use :func:`ray_corpus`.
"""

from __future__ import annotations

import itertools
import json
import time
from pathlib import Path

from benchmarks.corpora import CorpusMissing, gnad_articles, wikinews_articles
from wortlaut.article import Article

#: JSON Lines files the corpus is written as: a Ray actor takes one file per call, so a sharded input
#: is what lets every actor work, and when the last files run one actor may wait for the other for
#: up to one file's work: 64 shards of ~31 articles at 2,000 articles keep that under a second
#: (0.026 CPU-s per article measured); the pool reads the same files in the same order.
SHARDS = 64


def corpus_articles(limit: int) -> list[Article]:
    """``limit`` distinct articles: 10kGNAD, then WikiNews train and dev, then copies with a marker line.

    The real articles are 1,878; past them the corpus repeats with ``(Kopie n)``
    appended, so every article has its own id (none is skipped as already seen)
    and costs what its original costs.
    """
    real: list[Article] = gnad_articles() + wikinews_articles("train") + wikinews_articles("dev")
    articles = []
    for number, article in zip(range(limit), itertools.cycle(real), strict=False):
        copy = number // len(real)
        text = article.text if copy == 0 else f"{article.text}\n(Kopie {copy})"
        articles.append(Article.create(text, title=article.title, language="de"))
    return articles


def write_corpus(limit: int, target: Path) -> int:
    """The corpus as :data:`SHARDS` JSON Lines files, article ``n`` in file ``n % SHARDS``."""
    articles = corpus_articles(limit)
    target.mkdir(parents=True, exist_ok=True)
    handles = [(target / f"part-{n:02d}.jsonl").open("w", encoding="utf-8") for n in range(SHARDS)]
    for number, article in enumerate(articles):
        title = {"title": article.title} if article.title else {}
        record = {"text": article.text, "language": "de", **title}
        handles[number % SHARDS].write(json.dumps(record, ensure_ascii=False) + "\n")
    for handle in handles:
        handle.close()
    return len(articles)


def ray_corpus(limit: int, target: Path, actors: int) -> int | None:
    """Write and announce a Ray-only benchmark's corpus; None (reason printed) when Ray or data is missing."""
    try:
        import ray  # noqa: F401
    except ImportError:
        print("skipped: Ray is not installed (pip install 'wortlaut[scale]')")
        return None
    try:
        count = write_corpus(limit, target)
    except CorpusMissing as error:
        print(f"skipped: {error}")
        return None
    now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    print(f"{count} articles in {SHARDS} files, {actors} actors, {now}")
    return count
