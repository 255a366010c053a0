"""Times and events stage throughput on one core over the 1,028 10kGNAD articles.

The articles first go through the stages before them (structure, tokens, morph, entities,
coref), untimed, with a fixed publication date; then the times stage and the events stage
are timed on their own in CPU seconds of this process (``time.process_time``).  Usage::

    .venv/bin/python -m benchmarks.bench_times [--limit N]
"""

from __future__ import annotations

import argparse
import dataclasses
import time
from collections.abc import Sequence

from benchmarks.bench_entities import timed
from benchmarks.corpora import CorpusMissing, gnad_articles
from wortlaut.pipeline import build_pipeline
from wortlaut.stages.events import EventsStage
from wortlaut.stages.times import TimesStage

BEFORE = (
    ("structure.rules.v1", "wortlaut.stages.structure"),
    ("tokens.spacy.v1", "wortlaut.stages.tokens"),
    ("morph.hanta.v1", "wortlaut.stages.morph"),
    ("entities.crf.v1", "wortlaut.stages.entities"),
    ("coref.rules.v1", "wortlaut.stages.coref"),
)
#: The publication date given to every article (the corpus carries none); any date works.
PUBLISHED = "2016-05-12"


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
    articles = [prepare(dataclasses.replace(article, published=PUBLISHED)) for article in articles]
    tokens = sum(len(article.tokens) for article in articles)
    print(f"{len(articles)} 10kGNAD articles, {tokens / len(articles):.0f} tokens on average")
    started = time.perf_counter()
    times, events = TimesStage(), EventsStage()
    print(f"time and event word lists loaded in {time.perf_counter() - started:.2f}s")
    with_times = timed("times.rules.v1", times, articles)
    done = timed("events.rules.v1", events, with_times)
    print(f"{sum(len(a.times) for a in done)} time expressions, {sum(len(a.events) for a in done)} events")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
