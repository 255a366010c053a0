"""Whole-pipeline ingest throughput into a store: articles/s on N workers, stage shares, peak memory.

Takes the 10kGNAD test articles and the WikiNews dev texts, repeats them
(each copy made distinct by a marker line, so none is skipped as already
stored) up to ``--n`` articles, and runs ``wortlaut.store.loader.ingest`` with
the default pipeline on ``--workers`` processes into a fresh store, with
cross-article linking on (``--no-link`` to leave it out).  Then times each
stage on its own over a ``--stage-sample`` of the articles, single process,
to give each stage's share.  Peak memory is the largest resident set of the
main process and of any worker (``resource.getrusage``).  Usage::

    .venv/bin/python -m benchmarks.bench_store_ingest [--n 20000] [--workers 2] [--no-link]
"""

from __future__ import annotations

import argparse
import itertools
import resource
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from benchmarks.corpora import CorpusMissing, gnad_articles, wikinews_articles
from wortlaut.article import Article
from wortlaut.pipeline import default_pipeline
from wortlaut.store import Store
from wortlaut.store.loader import IngestReport, default_analyzer, ingest


def corpus() -> list[Article]:
    """10kGNAD test + WikiNews dev articles; empty when ../shared is missing."""
    articles: list[Article] = []
    for load in (gnad_articles, wikinews_articles):
        try:
            articles += load()
        except CorpusMissing as missing:
            print(f"skipped: {missing}", file=sys.stderr)
    return articles


def repeated(articles: list[Article], n: int) -> Iterator[Article]:
    """``n`` distinct articles: the corpus over and over, each copy with a marker line."""
    for number, article in zip(range(n), itertools.cycle(articles), strict=False):
        copy = number // len(articles)
        text = article.text if copy == 0 else f"{article.text}\n(Kopie {copy})"
        yield Article.create(text, title=article.title, language=None, published="2024-06-01")


def stage_shares(articles: list[Article]) -> list[tuple[str, float]]:
    """Seconds per article of each default stage, run one after another on one process."""
    pipeline = default_pipeline()
    totals = dict.fromkeys(pipeline.names, 0.0)
    for article in articles:
        for stage in pipeline.stages:
            started = time.perf_counter()
            article = stage(article)
            totals[stage.name] += time.perf_counter() - started
    return [(name, seconds / len(articles)) for name, seconds in totals.items()]


def _peak_mb() -> tuple[float, float]:
    """Peak resident set (MB) of this process and of the largest finished child (Linux: ru_maxrss in KB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=2_000, help="articles to ingest (the issue's target: 20000)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--stage-sample", type=int, default=200)
    parser.add_argument("--link", action=argparse.BooleanOptionalAction, default=True)
    args = parser.parse_args(argv)
    articles = corpus()
    if not articles:
        print("no corpus: needs ../shared/data (10kGNAD, WikiNews)")
        return 0
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "bench.sqlite") as store:
        progress = {"last": time.perf_counter()}

        def report_progress(report: IngestReport) -> None:
            if time.perf_counter() - progress["last"] > 30:
                progress["last"] = time.perf_counter()
                print(f"  {report.stored} stored", flush=True)

        started = time.perf_counter()
        report = ingest(store, repeated(articles, args.n), analyzer_factory=default_analyzer,
                        workers=args.workers, batch_size=args.batch_size, link=args.link,
                        on_item=report_progress)  # fmt: skip
        seconds = time.perf_counter() - started
        size = (Path(folder) / "bench.sqlite").stat().st_size / 1e6
        counts = store.counts()
    own, children = _peak_mb()
    print(f"ingest: {report.stored} articles in {seconds:.1f} s = {report.stored / seconds:.1f} articles/s "
          f"({args.workers} workers, link={'on' if args.link else 'off'}, model loading included); "
          f"{len(report.failures)} failures; store {size:.0f} MB; {counts}")  # fmt: skip
    print(f"peak memory: main process {own:.0f} MB, largest worker {children:.0f} MB")
    sample = list(repeated(articles, min(args.stage_sample, len(articles))))
    shares = stage_shares(sample)
    total = sum(seconds for _, seconds in shares)
    print(f"stages on {len(sample)} articles, one process: {1000 * total:.1f} ms/article")
    for name, per_article in shares:
        print(f"  {name:<24} {1000 * per_article:8.2f} ms/article  {100 * per_article / total:5.1f}%")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
