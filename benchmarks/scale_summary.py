"""What the Ray-vs-pool benchmark prints and writes at the end: pair ratios, medians per side, equality.

Split out of :mod:`benchmarks.bench_scale` (2026-12-06 night) to keep that module small.  Run as
a module it pools the runs of several ``--out`` files (both orders of a comparison)::

    .venv/bin/python -m benchmarks.scale_summary scale2000g.json scale2000h.json
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass
class Result:
    """What a run hands back from its own process: its records, times and the summary of its numbers."""

    side: str
    records: dict[str, str]
    seconds: float
    startup: float
    first_record: float
    numbers: dict[str, Any]
    text: str


def summary_of(runs: list[Result], count: int) -> dict[str, Any]:
    """Ray/pool throughput and CPU ratios of adjacent pairs; whether every run gave the same records."""
    pairs = []
    for first, second in itertools.pairwise(runs):
        if {first.side, second.side} in ({"pool", "ray"}, {"pool", "ray-attached"}):
            pool, ray_run = (first, second) if first.side == "pool" else (second, first)
            pool_cpu, ray_cpu = pool.numbers["total_cpu_s"], ray_run.numbers["total_cpu_s"]
            pair = {
                "order": f"{first.side},{second.side}",
                "throughput_ratio": round(pool.seconds / ray_run.seconds, 3),
                "throughput_ratio_after_startup": round(
                    pool.seconds / (ray_run.seconds - ray_run.startup), 3
                ),
                "steady_state_ratio": round(
                    ray_run.numbers["steady_articles_per_s"]
                    / max(pool.numbers["steady_articles_per_s"], 1e-9),
                    3,
                ),
                "cpu_ratio": round(pool_cpu / ray_cpu, 3),
            }
            pairs.append(pair)
            print(
                f"{pair['order']}: Ray/pool throughput {pair['throughput_ratio']:.2f}"
                f" ({pair['throughput_ratio_after_startup']:.2f} after ray.init,"
                f" {pair['steady_state_ratio']:.2f} steady state, first to last record);"
                f" pool/Ray CPU-s {pair['cpu_ratio']:.2f}"
            )
    medians = medians_of([run.numbers for run in runs])
    same = all(run.records == runs[0].records for run in runs)
    complete = all(len(run.records) == count for run in runs)
    print(f"outputs equal: {same}, all {count} articles in every run: {complete}")
    return {
        "articles": count,
        "outputs_equal": same,
        "complete": complete,
        "pairs": pairs,
        "medians": medians,
        "runs": [run.numbers for run in runs],
    }


def medians_of(runs: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Per side the median wall, steady-state rate, first record and total CPU-s, with ratios to the pool.

    On this virtual machine one side's identical runs differ by up to half (docs/performance.md), so the
    medians of several runs per side, not single pairs, are the figures to compare.
    """
    keys = ("wall_s", "steady_articles_per_s", "first_record_s", "total_cpu_s")
    medians: dict[str, dict[str, float]] = {}
    for side in dict.fromkeys(run["side"] for run in runs):
        numbers = [run for run in runs if run["side"] == side]
        medians[side] = {key: round(statistics.median(entry[key] for entry in numbers), 2) for key in keys}
        medians[side]["runs"] = len(numbers)
    pool = medians.get("pool")
    for side, entry in medians.items():
        line = ", ".join(f"{key} {entry[key]}" for key in keys)
        if pool and side != "pool":
            entry["throughput_ratio"] = round(pool["wall_s"] / entry["wall_s"], 3)
            entry["steady_state_ratio"] = round(
                entry["steady_articles_per_s"] / pool["steady_articles_per_s"], 3
            )
            ratios = entry["throughput_ratio"], entry["steady_state_ratio"]
            line += f"; {side}/pool throughput {ratios[0]:.2f}, steady state {ratios[1]:.2f}"
        print(f"median of {int(entry['runs'])} {side} runs: {line}")
    return medians


def main(argv: list[str] | None = None) -> int:
    """Medians per side over the runs of several ``bench_scale --out`` files (e.g. both orders)."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("files", nargs="+", type=Path, help="JSON summaries written by bench_scale --out")
    args = parser.parse_args(argv)
    summaries = [json.loads(path.read_text(encoding="utf-8")) for path in args.files]
    medians_of([run for summary in summaries for run in summary["runs"]])
    equal = all(summary["outputs_equal"] and summary["complete"] for summary in summaries)
    print(f"every file: outputs equal and complete: {equal}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
