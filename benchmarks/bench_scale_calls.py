"""How long a Ray Data analysis actor stands idle between its calls, per number of queued calls.

Runs :func:`wortlaut.scale.job.run_batch` (local Ray, 2 actors, no linking) on
``bench_scale``'s corpus once per value of ``--in-flight``
(:data:`wortlaut.scale.job.CALLS_IN_FLIGHT`, the calls Ray Data may queue on
one actor), with an ``Analyzer`` that logs when each of its calls (one input
file) starts and ends.  Per actor it prints the calls, the seconds spent in
them, and the gaps between the end of one call and the start of the next:
time the actor had a core and no file.  Ray Data's executor notices a finished
call by polling, so with one call in flight every file costs a gap.  Usage::

    .venv/bin/python -m benchmarks.bench_scale_calls [--limit 300] [--in-flight 1,2]

Run as a module (``-m``): the timed actor class is then pickled by value and
needs no import path on Ray's workers.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from benchmarks.scale_corpus import ray_corpus
from wortlaut.scale import job
from wortlaut.scale import workers as tasks

#: Environment variable naming the file the actors append their call times to (inherited by Ray's
#: local workers from the driver).
LOG_VARIABLE = "BENCH_SCALE_CALLS_LOG"


class TimedAnalyzer(tasks.Analyzer):
    """The job's actor, appending ``{"pid", "start", "end"}`` per call to ``$BENCH_SCALE_CALLS_LOG``."""

    def __call__(self, batch: Any) -> Iterator[tasks.Batch]:
        started = time.time()
        yield from super().__call__(batch)
        with open(os.environ[LOG_VARIABLE], "a", encoding="utf-8") as log:
            log.write(json.dumps({"pid": os.getpid(), "start": started, "end": time.time()}) + "\n")


def run(corpus: Path, folder: Path, in_flight: int) -> dict[str, Any]:
    """One job with ``in_flight`` queued calls per actor; its wall time and per-actor gaps."""
    import ray

    log = folder / f"calls-{in_flight}.jsonl"
    os.environ[LOG_VARIABLE] = str(log)
    job.CALLS_IN_FLIGHT, tasks.Analyzer = in_flight, TimedAnalyzer  # type: ignore[misc]
    load, began = os.getloadavg(), time.perf_counter()
    try:
        report = job.run_batch([str(corpus)], folder / f"out-{in_flight}", workers=2)
    finally:
        seconds = time.perf_counter() - began
        ray.shutdown()
    calls: dict[int, list[dict[str, float]]] = {}
    for line in log.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        calls.setdefault(row["pid"], []).append(row)
    actors = []
    for rows in calls.values():
        rows.sort(key=lambda row: row["start"])
        gaps = [after["start"] - before["end"] for before, after in itertools.pairwise(rows)]
        actors.append(
            {
                "calls": len(rows),
                "in_calls_s": round(sum(row["end"] - row["start"] for row in rows), 2),
                "gaps_s": round(sum(gaps), 2),
                "median_gap_s": round(statistics.median(gaps), 3) if gaps else 0.0,
            }
        )
    return {
        "in_flight": in_flight,
        "records": report.records,
        "wall_s": round(seconds, 2),
        "ray_init_s": round(report.startup_seconds, 2),
        "load": [round(value, 2) for value in (*load, *os.getloadavg())],
        "actors": actors,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=300, help="Distinct articles (default 300).")
    parser.add_argument("--in-flight", default="1,2", help="Queued calls per actor, one job each.")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        if ray_corpus(args.limit, folder / "corpus", 2) is None:
            return 0
        for value in args.in_flight.split(","):
            result = run(folder / "corpus", folder, int(value))
            print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
