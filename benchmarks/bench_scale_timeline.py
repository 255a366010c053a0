"""Where a Ray Data job's start-up goes: a timeline of the driver, the actors and Ray's processes.

Runs :func:`wortlaut.scale.job.run_batch` once (local Ray, ``--workers``
actors, no linking) on ``bench_scale``'s corpus and records, in seconds from
the job's start:

- the driver's steps (``ray.init`` done, the analysis dataset planned, results in);
- per analysis actor (an ``Analyzer`` that appends events to a file, since an
  actor's stdout does not reach the driver): constructor entered (its
  process has imported Ray Data and wortlaut by then), pipeline built, first
  call, first rows yielded, every call's end;
- every process of the session, sampled every 0.1 s from ``/proc``: when it
  was first seen, under which name, and its CPU seconds over time, from which
  the busy cores per half second are printed: a core left idle during the
  start-up is time an overlap could win, a saturated start only a saving of
  CPU seconds; and the CPU seconds of each process's threads besides its
  main one (Ray's own threads in an actor).  Usage::

    .venv/bin/python -m benchmarks.bench_scale_timeline [--limit 300] [--workers 2] [--out F.json]

Run as a module (``-m``): the timed actor class is then pickled by value.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from benchmarks.bench_scale import ray_kind
from benchmarks.proctree import _TICKS, Background, _cmdline, _descends, _stats
from benchmarks.scale_corpus import ray_corpus
from wortlaut.scale import job
from wortlaut.scale import workers as tasks

#: Environment variable naming the file the actors append their events to (Ray's local workers
#: inherit the driver's environment).
LOG_VARIABLE = "BENCH_SCALE_TIMELINE_LOG"
#: Seconds from the start at which each process's CPU seconds so far are reported.
MARKS = (5.0, 10.0, 15.0, 20.0, 30.0, 40.0)
#: Seconds between two samples of the process table.
INTERVAL = 0.1


def _event(name: str, **extra: Any) -> None:
    row = {"pid": os.getpid(), "event": name, "t": time.time(), "cpu": time.process_time(), **extra}
    with open(os.environ[LOG_VARIABLE], "a", encoding="utf-8") as log:
        log.write(json.dumps(row) + "\n")


def _process_start() -> float:
    """This process's start as a Unix time (``/proc/self/stat``'s start in clock ticks since boot)."""
    ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
    uptime = float(Path("/proc/uptime").read_text().split()[0])
    return time.time() - uptime + ticks / os.sysconf("SC_CLK_TCK")


class TimelineAnalyzer(tasks.Analyzer):
    """The job's actor, logging when it was constructed, built its pipeline and ran each call."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        _event("process start", at=_process_start())
        _event("constructor")
        super().__init__(*args, **kwargs)
        _event("pipeline built")
        self.calls = 0

    def __call__(self, batch: Any) -> Iterator[tasks.Batch]:
        self.calls += 1
        _event("call start", call=self.calls)
        first = True
        for rows in super().__call__(batch):
            if first and self.calls == 1:
                _event("first rows")
            first = False
            yield rows
        _event("call end", call=self.calls)


def _other_threads(pid: int) -> float:
    """CPU seconds of a process's threads other than its main one (Ray's own threads in a worker)."""
    total = 0.0
    for task in Path(f"/proc/{pid}/task").glob("*"):
        if task.name == str(pid):
            continue
        try:
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / _TICKS
    return total


class Sampler(Background):
    """Every descendant process: first seen (seconds), latest name, CPU seconds per sample."""

    def __init__(self, started: float) -> None:
        self.started = started
        self.first: dict[int, float] = {}
        self.names: dict[int, str] = {}
        self.cpu: list[tuple[float, dict[int, float]]] = []
        self.threads: dict[int, float] = {}  # CPU seconds of the threads besides the main one
        super().__init__()

    def _run(self) -> None:
        me = os.getpid()
        while not self._stop.wait(INTERVAL):
            now = time.time() - self.started
            stats = dict(_stats())
            seen = {}
            for pid, (_parent, cpu, _rss) in stats.items():
                if pid == me or _descends(pid, me, stats):
                    seen[pid] = cpu
                    self.first.setdefault(pid, now)
                    name = _cmdline(pid)
                    if name:
                        self.names[pid] = name
                    if pid != me:
                        self.threads[pid] = max(self.threads.get(pid, 0.0), _other_threads(pid))
            self.cpu.append((now, seen))

    def busy(self, driver_cpu: float, step: float = 0.5) -> list[tuple[float, float]]:
        """(start of the step, cores busy on average during it); a new process counts from its start."""
        out: list[tuple[float, float]] = []
        last: dict[int, float] = {os.getpid(): driver_cpu}
        bucket_start, used = 0.0, 0.0
        for now, seen in self.cpu:
            used += sum(cpu - last.get(pid, 0.0) for pid, cpu in seen.items())
            last = seen
            if now - bucket_start >= step:
                out.append((round(bucket_start, 1), round(used / (now - bucket_start), 2)))
                bucket_start, used = now, 0.0
        return out

    def peak_cpu(self, pid: int, until: float = float("inf")) -> float:
        """The process's CPU seconds as last sampled before ``until`` seconds."""
        return max((seen.get(pid, 0.0) for now, seen in self.cpu if now <= until), default=0.0)

    def label(self, pid: int) -> str:
        return "driver" if pid == os.getpid() else ray_kind(self.names.get(pid, ""))


def _timed_driver() -> None:
    """Log the driver's steps by wrapping the job's own functions (this process only)."""
    start_ray, analysed, quiet = job.start_ray, job._analysed, job.quiet_data_context

    def timed_start(**kwargs: Any) -> float:
        _event("driver: start_ray called")
        seconds = start_ray(**kwargs)
        _event("driver: ray.init done")
        return seconds

    def timed_quiet() -> None:
        _event("driver: Ray Data imported")
        quiet()

    def timed_analysed(*args: Any, **kwargs: Any) -> Any:
        _event("driver: dataset planned, executing")
        result = analysed(*args, **kwargs)
        _event("driver: analysis materialised")
        return result

    job.start_ray, job.quiet_data_context, job._analysed = timed_start, timed_quiet, timed_analysed


def run(corpus: Path, folder: Path, workers: int) -> dict[str, Any]:
    """One job; its events and process timeline in seconds from the start."""
    import ray

    log = folder / "events.jsonl"
    os.environ[LOG_VARIABLE] = str(log)
    tasks.Analyzer = TimelineAnalyzer  # type: ignore[misc]
    _timed_driver()
    load = os.getloadavg()
    started, driver_cpu = time.time(), time.process_time()
    with Sampler(started) as sampler:
        try:
            report = job.run_batch([str(corpus)], folder / "out", workers=workers)
        finally:
            seconds = time.time() - started
            ray.shutdown()
    events = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    actors = sorted({row["pid"] for row in events if not row["event"].startswith("driver")})
    rows = []
    for row in events:
        who = "driver" if row["event"].startswith("driver") else f"actor {actors.index(row['pid']) + 1}"
        at = row.get("at", row["t"]) - started
        rows.append(
            {
                "who": who,
                "event": row["event"].removeprefix("driver: "),
                "s": round(at, 2),
                "cpu": round(row["cpu"], 2),
            }
        )
    rows.sort(key=lambda row: row["s"])
    processes: list[dict[str, Any]] = sorted(
        (
            {
                "pid": pid,
                "name": sampler.label(pid),
                "first_seen_s": round(seen, 2),
                "cpu_s": round(sampler.peak_cpu(pid), 2),
                "cpu_by_s": {f"{mark:g}": round(sampler.peak_cpu(pid, mark), 2) for mark in MARKS},
                "other_threads_cpu_s": round(sampler.threads.get(pid, 0.0), 2),
            }
            for pid, seen in sampler.first.items()
            if pid != os.getpid()
        ),
        key=lambda row: float(row["first_seen_s"]),
    )
    return {
        "records": report.records,
        "wall_s": round(seconds, 2),
        "load": [round(value, 2) for value in (*load, *os.getloadavg())],
        "events": rows,
        "processes": processes,
        "busy_cores": sampler.busy(driver_cpu),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=300, help="Distinct articles (default 300).")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, help="Write the timeline as JSON to this file.")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        if ray_corpus(args.limit, folder / "corpus", args.workers) is None:
            return 0
        result = run(folder / "corpus", folder, args.workers)
    print(f"{result['records']} records in {result['wall_s']} s; load {result['load']}")
    for row in result["events"]:
        if row["event"] not in ("call start", "call end") or row["s"] < 25:
            print(f"  {row['s']:6.2f} s  {row['who']:8}  {row['event']}  (process CPU {row['cpu']:.2f} s)")
    print(f"processes (first seen, CPU-s at the end, CPU-s by {', '.join(f'{m:g}' for m in MARKS)} s):")
    for row in result["processes"]:
        marks = " ".join(f"{cpu:5.2f}" for cpu in row["cpu_by_s"].values())
        threads = f"   (threads besides the main one {row['other_threads_cpu_s']:.2f})"
        print(f"  {row['first_seen_s']:6.2f} s  {row['name']:34}  {row['cpu_s']:5.2f}   by {marks}{threads}")
    print("busy cores per 0.5 s: " + " ".join(f"{t:g}:{b:.1f}" for t, b in result["busy_cores"][:60]))
    if args.out:
        args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
