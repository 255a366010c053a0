"""Where a fresh article's analysis time goes: CPU time per stage of the default pipeline, one process.

The first ``--n`` 10kGNAD test articles (never seen by the process: every memo
starts empty) run through the default pipeline built once; each stage's CPU
time is summed over the articles.  The pipeline's build is timed apart, since
an ingest pays it once per process.  The collector runs as in an ingest worker
(issue 17zn): the built pipeline frozen (the loader freezes it before forking)
and the worker's thresholds; without that, each full collection walked the
pipeline's millions of objects (100-190 ms, charged to whichever stage ran).
Usage::

    .venv/bin/python -m benchmarks.bench_stages [--n 200] [--start 0]
"""

from __future__ import annotations

import argparse
import gc
import os
import time
from collections.abc import Sequence

from benchmarks.corpora import CorpusMissing, gnad_articles


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=200, help="articles to analyse")
    parser.add_argument("--start", type=int, default=0, help="skip this many articles first")
    args = parser.parse_args(argv)
    try:
        articles = gnad_articles(limit=args.start + args.n)[args.start :]
    except CorpusMissing as missing:
        print(f"skipped: {missing}")
        return 0
    print(f"load average before: {os.getloadavg()[0]:.1f}")
    from wortlaut.pipeline import DEFAULT_STAGES, build_pipeline

    started = time.process_time()
    pipeline = build_pipeline(DEFAULT_STAGES)
    print(f"pipeline build (stage imports and resources) {time.process_time() - started:.2f} CPU s")
    _as_in_a_worker()
    totals = dict.fromkeys(pipeline.names, 0.0)
    for article in articles:
        for stage in pipeline.stages:
            before = time.process_time()
            article = stage(article)
            totals[stage.name] += time.process_time() - before
    count = max(1, len(articles))
    for name, seconds in totals.items():
        print(f"{name:24s} {1000 * seconds / count:7.2f} ms/article")
    whole = 1000 * sum(totals.values()) / count
    print(f"{'all stages':24s} {whole:7.2f} ms/article ({len(articles)} articles)")
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    return 0


def _as_in_a_worker() -> None:
    """The collector as an ingest worker has it after the fork: built objects frozen, its thresholds."""
    from wortlaut.store.worker import WORKER_GC_THRESHOLDS

    gc.collect()
    gc.freeze()
    gc.set_threshold(*WORKER_GC_THRESHOLDS)


if __name__ == "__main__":
    raise SystemExit(main())
