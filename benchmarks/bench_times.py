"""Times and events stage throughput on one core over the 1,028 10kGNAD articles.

The articles first go through the stages before them (structure, tokens, morph, entities,
coref), untimed, with a fixed publication date; then the times stage and the events stage
are timed on their own in CPU seconds of this process (``time.process_time``).  Usage::

    .venv/bin/python -m benchmarks.bench_times [--limit N]
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from benchmarks.stagebench import limit_parser, prepared_gnad, timed
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
    args = limit_parser(__doc__).parse_args(argv)
    articles = prepared_gnad(args.limit, BEFORE, published=PUBLISHED)
    if articles is None:
        return 0
    started = time.perf_counter()
    times, events = TimesStage(), EventsStage()
    print(f"time and event word lists loaded in {time.perf_counter() - started:.2f}s")
    with_times = timed("times.rules.v1", times, articles)
    done = timed("events.rules.v1", events, with_times)
    print(f"{sum(len(a.times) for a in done)} time expressions, {sum(len(a.events) for a in done)} events")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
