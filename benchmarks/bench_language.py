"""Language-core throughput on one core: tokens, morphology, and entities/coref once they exist.

Runs each stage over the 1,028 10kGNAD articles in one process (one core) and
prints tokens/s and articles/s per stage and for the language core together.
Stages run in pipeline order; the structure stage runs first (untimed in the
core total) when its module exists.  Usage::

    .venv/bin/python -m benchmarks.bench_language [--limit N] [--repeat R]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence

from benchmarks.corpora import CorpusMissing, gnad_articles
from wortlaut.article import Article
from wortlaut.pipeline import (
    DEFAULT_STAGES,
    Stage,
    build_pipeline,
)

#: The stages this benchmark times, in pipeline order; "structure" runs first but is not core.
CORE_STAGES = ("tokens.spacy.v1", "morph.hanta.v1", "entities.crf.v1", "coref.rules.v1")
SETUP_STAGES = ("structure.rules.v1",)


def load_stages() -> list[Stage]:
    """The setup and core stages, in pipeline order, with their resources loaded."""
    wanted = [(name, module) for name, module in DEFAULT_STAGES if name in CORE_STAGES + SETUP_STAGES]
    return list(build_pipeline(wanted).stages)


def run(articles: list[Article], repeat: int) -> None:
    """Time each stage over the corpus ``repeat`` times, printing every run: the first run starts
    with empty morphology memos (a fresh worker), later runs show a long-running worker."""
    load_start = time.perf_counter()
    stages = load_stages()
    print(f"stages loaded in {time.perf_counter() - load_start:.2f}s: {[s.name for s in stages]}")
    for number in range(1, repeat + 1):
        timings: dict[str, float] = {}
        current = articles
        for stage in stages:
            started = time.process_time()  # CPU time of this one process: one core, immune to load
            current = [stage(article) for article in current]
            timings[stage.name] = time.process_time() - started
        tokens = sum(len(article.tokens) for article in current)
        print(f"run {number} ({'cold' if number == 1 else 'warm'} memos): "
              f"{len(articles)} articles, {tokens} tokens (outside boilerplate)")
        for stage in stages:
            _report(stage.name, timings[stage.name], tokens, len(articles))
        core = sum(seconds for name, seconds in timings.items() if name in CORE_STAGES)
        _report("language core total", core, tokens, len(articles))


def _report(name: str, seconds: float, tokens: int, articles: int) -> None:
    print(f"{name:<22} {seconds:7.2f} cpu-s {tokens / seconds:9.0f} tokens/s {articles / seconds:6.1f} art/s")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    parser.add_argument("--repeat", type=int, default=1, help="runs over the corpus; the last is reported")
    args = parser.parse_args(argv)
    try:
        articles = gnad_articles(limit=args.limit)
    except CorpusMissing as error:
        print(f"skipped: {error}")
        return 0
    run(articles, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
