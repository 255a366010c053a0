"""Where an ingest worker spends its time per article (issue 17x): cProfile of one worker's path.

Runs what a forked ``wortlaut ingest`` worker runs for each article, in this
process: the default pipeline (built once, outside the profile, as the parent
builds it before forking), the hand-over without the token layer
(:func:`wortlaut.store.loader.for_store`) and the lead vector of the default
encoder (:func:`wortlaut.store.loader.with_lead`; ``WORTLAUT_ENCODER=cascade``:
the static one).  The profiler's timer is the process's CPU time (a wall-clock
profile on a shared machine charges the waits to whatever function ran).  The
articles are 10kGNAD test articles from ``--start``, fresh to the process
(every memo starts empty); ``--no-profile`` times the same path unprofiled
(a second pass over the same articles would not be fresh).  Usage::

    .venv/bin/python -m benchmarks.profile_worker OUT.prof [--n 200] [--start 800] [--no-profile]
    .venv/bin/python -c "import pstats; pstats.Stats('OUT.prof').sort_stats('tottime').print_stats(40)"
"""

from __future__ import annotations

import argparse
import cProfile
import os
import time
from collections.abc import Sequence

from benchmarks.corpora import CorpusMissing, gnad_articles


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", help="where to write the profile (pstats)")
    parser.add_argument("--n", type=int, default=200, help="articles to analyse")
    parser.add_argument("--start", type=int, default=800, help="skip this many 10kGNAD test articles first")
    parser.add_argument("--no-profile", action="store_true", help="time the same path without cProfile")
    args = parser.parse_args(argv)
    try:
        articles = gnad_articles(limit=args.start + args.n)[args.start :]
    except CorpusMissing as missing:
        print(f"skipped: {missing}")
        return 0
    from wortlaut.pipeline import default_pipeline
    from wortlaut.store.loader import for_store, lead_encoder, with_lead

    leads = lead_encoder()
    pipeline = default_pipeline()
    print(f"load average before: {os.getloadavg()[0]:.1f}; lead encoder: {leads and leads.encoder.name}")
    profiler = None if args.no_profile else cProfile.Profile(time.process_time)
    started = time.process_time()
    if profiler:
        profiler.enable()
    for article in articles:
        analysed = for_store(pipeline(article))
        if leads is not None:
            with_lead(analysed, *leads)
    if profiler:
        profiler.disable()
        profiler.dump_stats(args.out)
    seconds = time.process_time() - started
    mode = "profiled" if profiler else "no profiler"
    per_article = 1000 * seconds / max(1, len(articles))
    print(f"{len(articles)} articles: {per_article:.1f} CPU ms/article ({mode})")
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
