"""Own process pool vs Ray Data on the same articles: throughput, start-up, memory and CPU per process.

Writes the corpus (``--limit`` distinct articles, default 2,000: the 10kGNAD
articles, then WikiNews ``originalText`` of the train and dev splits, then
marked copies) once as JSON Lines files, then analyses it with
``--workers`` workers on each side named by ``--order`` (default
``pool,ray,ray,pool``: both orders, so a load that drifts during the run
shows): with the pool ``wortlaut ingest`` uses
(:func:`wortlaut.store.loader._analysed`, fork, resources loaded once per
worker) and with :func:`wortlaut.scale.job.run_batch` (Ray Data, local mode,
without linking, Ray started and shut down inside the timing), and checks
that every run gives the same records, all of them.  Every run has a fresh
(spawned) process of its own, as a user's ``wortlaut ingest`` or ``batch``
would: it builds its pipeline (or starts Ray) inside its timing and inherits
nothing from an earlier run (``--same-process`` runs them all in this one, as
before 2026-12-06 evening).  Each run samples every descendant
process of the benchmark (Ray's services and workers included) for peak RSS
and CPU seconds, so the CPU cost per article of the pool's children, the Ray
actors and Ray's own processes can be compared independently of the load of a
shared machine; the load averages (``uptime``'s) before and after each run are
printed beside it, and ``--out`` writes every number as JSON.  Usage::

    .venv/bin/python -m benchmarks.bench_scale [--limit N] [--workers W] [--order pool,ray] [--out F.json]
        [--same-process]
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import json
import multiprocessing
import os
import resource
import shutil
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.corpora import CorpusMissing
from benchmarks.proctree import ProcessTree
from benchmarks.scale_cluster import Cluster
from benchmarks.scale_corpus import SHARDS, write_corpus
from benchmarks.scale_summary import Result, summary_of
from wortlaut.article import Article
from wortlaut.ingest import iter_articles
from wortlaut.scale.records import read_records, record_json
from wortlaut.store.loader import _analysed, default_analyzer

#: The sides ``--order`` names: the own pool, Ray started by the job (local mode), and a job attached
#: with ``--address`` to a Ray instance the benchmark started before (:mod:`benchmarks.scale_cluster`).
SIDES = ("pool", "ray", "ray-attached")


def ray_kind(cmdline: str) -> str:
    """A short label for a process of a Ray session (actors, tasks, Ray's own services)."""
    if cmdline.startswith("ray::"):
        name = cmdline.split()[0][5:]
        return "analysis actors" if "Analyzer" in cmdline or "MapWorker" in name else f"ray::{name}"
    for service in ("gcs_server", "raylet", "dashboard", "runtime_env", "log_monitor", "monitor.py"):
        if service in cmdline:
            return service
    return "other: " + cmdline[:40]


@dataclass
class Run:
    """One side of the comparison: its records, wall seconds, driver CPU and the process tree."""

    side: str
    records: dict[str, str]
    seconds: float
    driver_cpu: float
    tree: ProcessTree
    startup: float = 0.0
    #: (seconds from the run's start, articles) as records came out: each article in the pool, each
    #: input file's Parquet files in Ray (:func:`written`).
    done: list[tuple[float, int]] = field(default_factory=list)
    load: tuple[tuple[float, ...], tuple[float, ...]] = ((), ())
    began: str = ""

    @property
    def workers_label(self) -> str:
        return "analysis actors" if self.side.startswith("ray") else "pool workers"

    def kind(self, pid: int) -> str:
        return ray_kind(self.tree.names.get(pid, "")) if self.side.startswith("ray") else "pool workers"

    @property
    def first_record(self) -> float:
        """Seconds until the first record was out: the start-up overhead as a user sees it."""
        return self.done[0][0] if self.done else self.seconds

    def steady(self) -> float:
        """Articles per second between the first and the last record (those of the first not counted).

        Ray's first event is a whole input file (about 31 articles at 2,000), the
        pool's one article: both rates count what came out after their first event.
        """
        if len(self.done) < 2:
            return 0.0
        articles = sum(count for _at, count in self.done[1:])
        return articles / max(self.done[-1][0] - self.done[0][0], 1e-9)

    def summary(self) -> dict[str, Any]:
        """The run's numbers (also the JSON summary's entry for it)."""
        n = len(self.records)
        workers = [pid for pid in self.tree.cpu if self.kind(pid) == self.workers_label]
        work_cpu = sum(self.tree.cpu[pid] for pid in workers)
        others: dict[str, dict[str, float]] = {}
        for pid, cpu in self.tree.cpu.items():
            if pid not in workers:
                entry = others.setdefault(self.kind(pid), {"processes": 0, "cpu_s": 0.0, "peak_mib": 0.0})
                entry["processes"] += 1
                entry["cpu_s"] = round(entry["cpu_s"] + cpu, 2)
                entry["peak_mib"] = round(max(entry["peak_mib"], self.tree.peak[pid]), 1)
        other_cpu = sum(entry["cpu_s"] for entry in others.values())
        return {
            "side": self.side,
            "began": self.began,
            "articles": n,
            "wall_s": round(self.seconds, 2),
            "articles_per_s": round(n / self.seconds, 3),
            "startup_s": round(self.startup, 2),
            "first_record_s": round(self.first_record, 2),
            "last_record_s": round(self.done[-1][0] if self.done else self.seconds, 2),
            "articles_at_first_record": self.done[0][1] if self.done else 0,
            "steady_articles_per_s": round(self.steady(), 3),
            "load_before": [round(value, 2) for value in self.load[0]],
            "load_after": [round(value, 2) for value in self.load[1]],
            "worker_cpu_s": [round(self.tree.cpu[pid], 2) for pid in sorted(workers)],
            "worker_peak_mib": [round(self.tree.peak[pid], 1) for pid in sorted(workers)],
            "worker_cpu_s_per_article": round(work_cpu / max(n, 1), 4),
            "driver_cpu_s": round(self.driver_cpu, 2),
            "other_cpu_s": round(other_cpu, 2),
            "total_cpu_s": round(work_cpu + self.driver_cpu + other_cpu, 2),
            "other_processes": others,
        }

    def report(self) -> str:
        numbers = self.summary()
        n = numbers["articles"]
        lines = [
            f"{self.side}: {self.seconds:.1f} s for {n} articles = {numbers['articles_per_s']:.2f} articles/s"
            + (f" (ray.init {self.startup:.1f} s)" if self.side.startswith("ray") else "")
            + f"; load {_load(self.load[0])} -> {_load(self.load[1])}",
            f"  first record after {self.first_record:.1f} s ({numbers['articles_at_first_record']}"
            f" articles), last after {numbers['last_record_s']:.1f} s; steady state (between them)"
            f" {numbers['steady_articles_per_s']:.2f} articles/s",
            f"  {self.workers_label}: {len(numbers['worker_cpu_s'])} processes,"
            f" {sum(numbers['worker_cpu_s']):.1f} CPU-s"
            f" = {numbers['worker_cpu_s_per_article']:.3f} CPU-s/article"
            f" (each {', '.join(f'{cpu:.1f}' for cpu in numbers['worker_cpu_s'])}), peak MiB"
            f" {', '.join(f'{mib:.0f}' for mib in numbers['worker_peak_mib'])}",
            f"  driver {self.driver_cpu:.1f} CPU-s; other processes {numbers['other_cpu_s']:.1f} CPU-s;"
            f" total {numbers['total_cpu_s']:.1f} CPU-s",
        ]
        lines += [
            f"    {label}: {int(entry['processes'])} processes, {entry['cpu_s']:.1f} CPU-s,"
            f" peak {entry['peak_mib']:.0f} MiB"
            for label, entry in sorted(numbers["other_processes"].items(), key=lambda item: -item[1]["cpu_s"])
            if entry["cpu_s"] >= 0.05  # an attached cluster's idle processes
        ]
        return "\n".join(lines)


def _load(averages: tuple[float, ...]) -> str:
    """``uptime``'s three load averages."""
    return "/".join(f"{value:.2f}" for value in averages)


def _cpu_self() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def run_pool(corpus: Path, workers: int) -> Run:
    load, began = os.getloadavg(), _now()
    started, cpu = time.perf_counter(), _cpu_self()
    done: list[tuple[float, int]] = []
    with ProcessTree() as tree:
        items = (item for item in iter_articles([str(corpus)]) if isinstance(item, Article))
        records = {}
        for article in _analysed(iter(items), default_analyzer, workers):
            done.append((time.perf_counter() - started, 1))
            if isinstance(article, Article):
                records[article.id] = record_json(article)
    seconds = time.perf_counter() - started
    return Run(
        "pool",
        records,
        seconds,
        _cpu_self() - cpu,
        tree,
        done=done,
        load=(load, os.getloadavg()),
        began=began,
    )


def written(output: Path, started_epoch: float) -> list[tuple[float, int]]:
    """(seconds from the start, articles) per finished input file of a Ray job, in time order.

    An actor writes one input file's records as one Parquet file per day, all at
    the end of that file (``workers._Written``, named after the input's hash):
    the files of one name stem are one input file done, at their latest
    modification time, with their row counts added.
    """
    import pyarrow.parquet as pq

    files: dict[str, tuple[float, int]] = {}
    for path in output.rglob("*.parquet"):
        at, rows = files.get(path.stem, (0.0, 0))
        when = path.stat().st_mtime_ns / 1e9 - started_epoch
        files[path.stem] = (max(at, when), rows + pq.read_metadata(path).num_rows)
    return sorted(files.values())


def run_ray(corpus: Path, workers: int, output: Path, cluster: tuple[str, int] | None = None) -> Run:
    """One Ray Data job: a local Ray started inside the timing, or attached to ``cluster`` (address, pid)."""
    import ray

    from wortlaut.scale.job import run_batch

    address, roots = cluster if cluster else (None, 0)
    load, began = os.getloadavg(), _now()
    started, cpu, epoch = time.perf_counter(), _cpu_self(), time.time()
    with ProcessTree(roots=(roots,) if roots else ()) as tree:
        report = run_batch([str(corpus)], output, workers=workers, address=address, link=False)
        seconds = time.perf_counter() - started
        driver = _cpu_self() - cpu
        ray.shutdown()
    records = {a.id: record_json(a) for a in read_records(output)}
    done = written(output, epoch)
    shutil.rmtree(output)
    return Run(
        "ray-attached" if cluster else "ray",
        records,
        seconds,
        driver,
        tree,
        startup=report.startup_seconds,
        done=done,
        load=(load, os.getloadavg()),
        began=began,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=2000, help="Distinct articles (default 2,000).")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--order", default="pool,ray,ray,pool", help="Sides to run, in this order (default: both orders)."
    )
    parser.add_argument("--out", type=Path, help="Write a JSON summary of every run to this file.")
    parser.add_argument(
        "--same-process",
        dest="fresh",
        action="store_false",
        help="Run every side in this process (before 2026-12-06 evening: a later pool run reused the"
        " pipeline an earlier one built, and forked from a process that had imported Ray).",
    )
    parser.add_argument(
        "--cold-cluster",
        dest="warm",
        action="store_false",
        help="Time the first ray-attached job on the fresh instance too (by default one untimed job on"
        " one input file runs first, as on a cluster that has run jobs: Ray Data's helper actors are"
        " then running).",
    )
    args = parser.parse_args(argv)
    if not args.fresh and "ray-attached" in args.order.split(","):
        parser.error("ray-attached needs a fresh process per run (Ray reads RAY_AUTH_MODE when imported)")
    try:
        import ray  # noqa: F401
    except ImportError:
        print("skipped: Ray is not installed (pip install 'wortlaut[scale]')")
        return 0
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus"
        try:
            count = write_corpus(args.limit, corpus)
        except CorpusMissing as error:
            print(f"skipped: {error}")
            return 0
        print(f"{count} articles in {SHARDS} files, {args.workers} workers, {_now()}", flush=True)
        sides = args.order.split(",")
        with contextlib.ExitStack() as stack:
            cluster = None
            if "ray-attached" in sides:  # started once, outside every timing, as a team's running cluster
                head = stack.enter_context(Cluster(args.workers))
                cluster = (head.address, head.pid)
                print(
                    f"Ray instance for ray-attached at {head.address} (ray start pid {head.pid})", flush=True
                )
                if args.warm:
                    warm_up(corpus, Path(folder), args.workers, cluster)
            runs = [
                _run(side, corpus, args.workers, Path(folder) / "out", cluster, args.fresh) for side in sides
            ]
        summary = summary_of(runs, count)
        if args.out:
            summary.update(
                workers=args.workers, shards=SHARDS, order=args.order, cores=os.cpu_count(), fresh=args.fresh
            )
            args.out.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
            print(f"summary written to {args.out}")
    return 0


def _run(
    side: str, corpus: Path, workers: int, output: Path, cluster: tuple[str, int] | None, fresh: bool
) -> Result:
    if side not in SIDES:
        raise SystemExit(f"--order: unknown side {side!r} (one of {', '.join(SIDES)})")
    attach = cluster if side == "ray-attached" else None
    with contextlib.ExitStack() as stack:
        if attach:  # Ray 2.60's `ray start` turns on token authentication: a driver given an address
            stack.enter_context(_environ("RAY_AUTH_MODE", "token"))  # must say so before it imports Ray
        result = (run_fresh if fresh else run_side)(side, corpus, workers, output, attach)
    print(result.text, flush=True)
    return result


@contextlib.contextmanager
def _environ(name: str, value: str) -> Iterator[None]:
    """``name=value`` in this process's environment (and a spawned child's) for the block."""
    before = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = before


def warm_up(corpus: Path, folder: Path, workers: int, cluster: tuple[str, int]) -> None:
    """One untimed job on the first input file, so the instance has run a job as a team's cluster has."""
    small = folder / "warm-up"
    small.mkdir()
    first = min(corpus.glob("*.jsonl"))
    shutil.copy(first, small / first.name)
    with _environ("RAY_AUTH_MODE", "token"):
        result = run_fresh("ray-attached", small, workers, folder / "warm-up-out", cluster)
    print(f"warm-up job (untimed, {len(result.records)} articles): {result.seconds:.1f} s", flush=True)


def run_side(
    side: str, corpus: Path, workers: int, output: Path, cluster: tuple[str, int] | None = None
) -> Result:
    """One run of ``side`` in this process (``cluster``: the address and pid of the instance to attach to)."""
    run = run_pool(corpus, workers) if side == "pool" else run_ray(corpus, workers, output, cluster)
    return Result(
        run.side, run.records, run.seconds, run.startup, run.first_record, run.summary(), run.report()
    )


def run_fresh(
    side: str, corpus: Path, workers: int, output: Path, cluster: tuple[str, int] | None = None
) -> Result:
    """One run in a fresh (spawned) process, as a user's ``wortlaut ingest`` or ``batch`` starts.

    Run in this process, a second pool run found the pipeline the first had built
    (``default_pipeline`` is cached per process: its first record after 0.3 s
    instead of 5) and a pool run after a Ray run forked children from a process
    holding Ray's threads and imports; in a fresh process every run builds what
    it needs and inherits nothing.  The child imports this module before its
    timing starts, as before; its process tree is sampled by the child itself.
    """
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=context) as executor:
        return executor.submit(run_side, side, corpus, workers, output, cluster).result()


if __name__ == "__main__":
    raise SystemExit(main())
