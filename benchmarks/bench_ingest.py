"""Foundation throughput on one core: ingestion of every format, the structure and language stages.

Reads the shipped samples (all formats) repeatedly, then runs the structure
and language stages over the 1,028 10kGNAD articles (one line each) and the
150 WikiNews dev articles (paragraphs), with the language unset so that it is
detected, and prints milliseconds per article.  Usage::

    .venv/bin/python -m benchmarks.bench_ingest [--repeat R]
"""

from __future__ import annotations

import argparse
import dataclasses
import time
from collections.abc import Sequence

from benchmarks.corpora import CorpusMissing, gnad_articles, wikinews_articles
from wortlaut.article import Article
from wortlaut.ingest import iter_articles
from wortlaut.pipeline import build_pipeline
from wortlaut.samples import SAMPLES_DIR as SAMPLES

STAGES = (
    ("structure.rules.v1", "wortlaut.stages.structure"),
    ("language.lingua.v1", "wortlaut.stages.language"),
)


def bench_ingest(repeat: int) -> None:
    started = time.perf_counter()
    count = 0
    for _ in range(repeat):
        count += sum(1 for item in iter_articles([SAMPLES]) if isinstance(item, Article))
    seconds = time.perf_counter() - started
    per_article = 1000 * seconds / count
    print(f"ingest samples (txt, html, rss, jsonl, warc.gz): {count} articles, {per_article:.2f} ms/article")


def bench_stages(label: str, articles: list[Article], repeat: int) -> None:
    load = time.perf_counter()
    stages = build_pipeline(STAGES).stages
    print(f"structure + language loaded in {time.perf_counter() - load:.2f}s")
    timings = dict.fromkeys((stage.name for stage in stages), 0.0)
    for _ in range(repeat):
        current = articles
        for stage in stages:
            started = time.perf_counter()
            current = [stage(article) for article in current]
            timings[stage.name] = time.perf_counter() - started
    characters = sum(len(article.text) for article in articles)
    lines = sum(article.text.count("\n") + 1 for article in articles)
    print(
        f"{len(articles)} {label} articles, {characters / len(articles):.0f} characters, "
        f"{lines / len(articles):.0f} lines on average"
    )
    for name, seconds in timings.items():
        rate = len(articles) / seconds
        print(f"{name}: {1000 * seconds / len(articles):.2f} ms/article ({rate:.0f} articles/s)")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    bench_ingest(args.repeat * 10)
    corpora = (("10kGNAD (one line each)", gnad_articles), ("WikiNews dev (paragraphs)", wikinews_articles))
    for label, load in corpora:
        try:
            articles = [dataclasses.replace(article, language=None) for article in load()]
        except CorpusMissing as missing:
            print(f"skipped {label}: {missing}")
            continue
        bench_stages(label, articles, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
