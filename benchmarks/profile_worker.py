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
(a second pass over the same articles would not be fresh).

``--by-stage K`` (issue 17z) profiles each stage with its own profiler (and the
hand-over with one more) and prints, per stage, its CPU ms per article and the K
functions with the most own time inside it: a flat whole-path profile cannot say
which stage a shared helper (``str.lower``, ``dict.get``) is charged to.  Usage::

    .venv/bin/python -m benchmarks.profile_worker OUT.prof [--n 200] [--start 800] [--no-profile]
    .venv/bin/python -m benchmarks.profile_worker OUT.prof --by-stage 12
    .venv/bin/python -c "import pstats; pstats.Stats('OUT.prof').sort_stats('tottime').print_stats(40)"
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import time
from collections.abc import Callable, Sequence

from benchmarks.corpora import CorpusMissing, gnad_articles
from wortlaut.article import Article
from wortlaut.pipeline import Pipeline

#: The profile name of the hand-over (``for_store`` and the lead vector) in ``--by-stage``.
HAND_OVER = "hand-over"


def _whole_path(articles: list[Article], run: Callable[[Article], None], out: str, profile: bool) -> float:
    """Run every article through ``run``, under one profiler unless ``profile`` is false; CPU seconds."""
    profiler = cProfile.Profile(time.process_time) if profile else None
    started = time.process_time()
    if profiler:
        profiler.enable()
    for article in articles:
        run(article)
    if profiler:
        profiler.disable()
        profiler.dump_stats(out)
    return time.process_time() - started


def _by_stage(
    articles: list[Article], pipeline: Pipeline, hand_over: Callable[[Article], None]
) -> dict[str, cProfile.Profile]:
    """One CPU-time profiler per stage (and one for the hand-over), each on only while its stage runs."""
    stages = pipeline.stages
    profilers = {stage.name: cProfile.Profile(time.process_time) for stage in stages}
    profilers[HAND_OVER] = cProfile.Profile(time.process_time)
    for article in articles:
        for stage in stages:
            profiler = profilers[stage.name]
            profiler.enable()
            article = stage(article)
            profiler.disable()
        profilers[HAND_OVER].enable()
        hand_over(article)
        profilers[HAND_OVER].disable()
    return profilers


def _print_stage(name: str, profiler: cProfile.Profile, count: int, top: int) -> float:
    """Print one stage's CPU ms per article and its ``top`` functions by own time; its total seconds."""
    stats = pstats.Stats(profiler)
    raw = stats.stats  # type: ignore[attr-defined]
    total = sum(entry[2] for entry in raw.values())
    print(f"\n== {name}: {1000 * total / max(1, count):.2f} CPU ms/article (profiled)")
    ranked = sorted(raw.items(), key=lambda item: item[1][2], reverse=True)[:top]
    for (filename, line, function), (_, calls, own, cumulative, _) in ranked:
        where = filename.split("/src/")[-1].split("site-packages/")[-1]
        print(
            f"  {1000 * own / max(1, count):6.2f} ms own {1000 * cumulative / max(1, count):7.2f} cum"
            f" {calls:>8} calls  {where}:{line}({function})"
        )
    return total


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", help="where to write the profile (pstats; with --by-stage, OUT.<stage>)")
    parser.add_argument("--n", type=int, default=200, help="articles to analyse")
    parser.add_argument("--start", type=int, default=800, help="skip this many 10kGNAD test articles first")
    parser.add_argument("--no-profile", action="store_true", help="time the same path without cProfile")
    parser.add_argument(
        "--by-stage", type=int, metavar="K", default=0, help="profile per stage; print K functions each"
    )
    args = parser.parse_args(argv)
    try:
        articles = gnad_articles(limit=args.start + args.n)[args.start :]
    except CorpusMissing as missing:
        print(f"skipped: {missing}")
        return 0
    from wortlaut.pipeline import default_pipeline
    from wortlaut.store.loader import lead_encoder
    from wortlaut.store.worker import hand_over

    leads = lead_encoder()
    pipeline = default_pipeline()

    def hand_over_one(analysed: Article) -> None:
        hand_over(analysed, leads)

    print(f"load average before: {os.getloadavg()[0]:.1f}; lead encoder: {leads and leads.encoder.name}")
    if args.by_stage:
        started = time.process_time()
        profilers = _by_stage(articles, pipeline, hand_over_one)
        seconds = time.process_time() - started
        for name, profiler in profilers.items():
            _print_stage(name, profiler, len(articles), args.by_stage)
            profiler.dump_stats(f"{args.out}.{name}")
        mode = "profiled per stage"
    else:
        profile = not args.no_profile
        seconds = _whole_path(articles, lambda article: hand_over_one(pipeline(article)), args.out, profile)
        mode = "no profiler" if args.no_profile else "profiled"
    per_article = 1000 * seconds / max(1, len(articles))
    print(f"{len(articles)} articles: {per_article:.1f} CPU ms/article ({mode})")
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
