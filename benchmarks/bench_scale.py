"""Own process pool vs Ray Data on the same articles: throughput, start-up, memory and CPU per process.

Writes the corpus (10kGNAD articles, then WikiNews ``originalText`` of the
train and dev splits) once as JSON Lines files, then analyses it with
``--workers`` workers on each side named by ``--order`` (default
``pool,ray,ray,pool``: both orders, so a load that drifts during the run
shows): with the pool ``wortlaut ingest`` uses
(:func:`wortlaut.store.loader._analysed`, fork, resources loaded once per
worker) and with :func:`wortlaut.scale.job.run_batch` (Ray Data, local mode,
without linking, Ray started and shut down inside the timing), and checks
that every run gives the same records.  Each run samples every descendant
process of the benchmark (Ray's services and workers included) for peak RSS
and CPU seconds, so the CPU cost per article of the pool's children, the Ray
actors and Ray's own processes can be compared independently of the load of a
shared machine.  Usage::

    .venv/bin/python -m benchmarks.bench_scale [--limit N] [--workers W] [--order pool,ray]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from benchmarks.corpora import CorpusMissing, gnad_articles, wikinews_articles
from wortlaut.article import Article
from wortlaut.ingest import iter_articles
from wortlaut.scale.records import read_records, record_json
from wortlaut.store.loader import _analysed, default_analyzer

#: JSON Lines files the corpus is written as: Ray Data reads one file per task, so a sharded input
#: is what lets every actor work (the pool reads the same files in the same order).
SHARDS = 16


#: Clock ticks per second of ``/proc/<pid>/stat``'s CPU times.
_TICKS = os.sysconf("SC_CLK_TCK")


class ProcessTree:
    """Peak RSS (MiB) and CPU seconds of every descendant of this process, sampled in a thread.

    CPU time is the last value seen per process (user + system), so a process
    that lives less than one sampling interval is missed: the interval is short
    against the seconds each worker runs.  Ray's GCS and raylet are children of
    the driver in local mode and its workers children of the raylet, so the
    whole Ray session is in the tree.
    """

    def __init__(self, interval: float = 0.3) -> None:
        self.interval = interval
        self.peak: dict[int, float] = {}
        self.cpu: dict[int, float] = {}
        self.names: dict[int, str] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> ProcessTree:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def _sample(self) -> None:
        me = os.getpid()
        stats = dict(_stats())
        for pid, (_parent, cpu, rss) in stats.items():
            if not _descends(pid, me, stats):
                continue
            self.cpu[pid] = max(self.cpu.get(pid, 0.0), cpu)
            self.peak[pid] = max(self.peak.get(pid, 0.0), rss)
            name = _cmdline(pid)
            if name:  # a Ray worker renames itself when it becomes an actor: keep the latest name
                self.names[pid] = name

    def by_kind(self, kind: Callable[[str], str]) -> dict[str, tuple[int, float, float]]:
        """(processes, CPU seconds, largest peak MiB) per ``kind(cmdline)``."""
        found: dict[str, tuple[int, float, float]] = {}
        for pid, cpu in self.cpu.items():
            label = kind(self.names.get(pid, ""))
            count, total, peak = found.get(label, (0, 0.0, 0.0))
            found[label] = (count + 1, total + cpu, max(peak, self.peak[pid]))
        return found


def _stats() -> Iterator[tuple[int, tuple[int, float, float]]]:
    """(pid, (parent pid, CPU seconds, RSS MiB)) of every process."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        cpu = (int(fields[11]) + int(fields[12])) / _TICKS
        rss = int(fields[21]) * os.sysconf("SC_PAGE_SIZE") / 2**20
        yield int(entry.name), (int(fields[1]), cpu, rss)


def _descends(pid: int, ancestor: int, stats: dict[int, tuple[int, float, float]]) -> bool:
    while pid in stats and pid > 1:
        pid = stats[pid][0]
        if pid == ancestor:
            return True
    return False


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def ray_kind(cmdline: str) -> str:
    """A short label for a process of a Ray session (actors, tasks, Ray's own services)."""
    if cmdline.startswith("ray::"):
        name = cmdline.split()[0][5:]
        return "analysis actors" if "Analyzer" in cmdline or "MapWorker" in name else f"ray::{name}"
    for service in ("gcs_server", "raylet", "dashboard", "runtime_env", "log_monitor", "monitor.py"):
        if service in cmdline:
            return service
    return "other: " + cmdline[:40]


def write_corpus(limit: int, target: Path) -> int:
    articles: list[Article] = gnad_articles() + wikinews_articles("train") + wikinews_articles("dev")
    articles = articles[:limit] if limit < len(articles) else articles
    target.mkdir(parents=True, exist_ok=True)
    handles = [(target / f"part-{n:02d}.jsonl").open("w", encoding="utf-8") for n in range(SHARDS)]
    for number, article in enumerate(articles):
        title = {"title": article.title} if article.title else {}
        record = {"text": article.text, "language": "de", **title}
        handles[number % SHARDS].write(json.dumps(record, ensure_ascii=False) + "\n")
    for handle in handles:
        handle.close()
    return len(articles)


@dataclass
class Run:
    """One side of the comparison: its records, wall seconds, driver CPU and the process tree."""

    side: str
    records: dict[str, str]
    seconds: float
    driver_cpu: float
    tree: ProcessTree
    startup: float = 0.0
    load: tuple[float, float] = (0.0, 0.0)

    def report(self) -> str:
        n = len(self.records)
        kinds = self.tree.by_kind(ray_kind if self.side == "ray" else lambda _: "pool workers")
        workers = "analysis actors" if self.side == "ray" else "pool workers"
        count, work_cpu, peak = kinds.pop(workers, (0, 0.0, 0.0))
        overhead = sum(cpu for _, cpu, _ in kinds.values())
        lines = [
            f"{self.side}: {self.seconds:.1f} s for {n} articles = {n / self.seconds:.2f} articles/s"
            + (f" (start-up {self.startup:.1f} s)" if self.side == "ray" else "")
            + f"; load {self.load[0]:.1f} -> {self.load[1]:.1f}",
            f"  {workers}: {count} processes, {work_cpu:.1f} CPU-s ="
            f" {work_cpu / max(n, 1):.3f} CPU-s/article,"
            f" peak {peak:.0f} MiB; driver {self.driver_cpu:.1f} CPU-s; other processes {overhead:.1f} CPU-s",
        ]
        each = [cpu for pid, cpu in self.tree.cpu.items() if kind_of(self, pid) == workers]
        lines.append(f"    each: {', '.join(f'{cpu:.1f}' for cpu in sorted(each))} CPU-s")
        lines += [
            f"    {label}: {c} processes, {cpu:.1f} CPU-s, peak {mib:.0f} MiB"
            for label, (c, cpu, mib) in sorted(kinds.items(), key=lambda item: -item[1][1])
        ]
        return "\n".join(lines)


def kind_of(run: Run, pid: int) -> str:
    return ray_kind(run.tree.names.get(pid, "")) if run.side == "ray" else "pool workers"


def _cpu_self() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_pool(corpus: Path, workers: int) -> Run:
    load = os.getloadavg()[0]
    started, cpu = time.perf_counter(), _cpu_self()
    with ProcessTree() as tree:
        items = (item for item in iter_articles([str(corpus)]) if isinstance(item, Article))
        records = {
            a.id: record_json(a)
            for a in _analysed(iter(items), default_analyzer, workers)
            if isinstance(a, Article)
        }
    seconds = time.perf_counter() - started
    return Run("pool", records, seconds, _cpu_self() - cpu, tree, load=(load, os.getloadavg()[0]))


def run_ray(corpus: Path, workers: int, output: Path) -> Run:
    import ray

    from wortlaut.scale.job import run_batch

    load = os.getloadavg()[0]
    started, cpu = time.perf_counter(), _cpu_self()
    with ProcessTree() as tree:
        report = run_batch([str(corpus)], output, workers=workers, link=False)
        seconds = time.perf_counter() - started
        driver = _cpu_self() - cpu
        ray.shutdown()
    records = {a.id: record_json(a) for a in read_records(output)}
    shutil.rmtree(output)
    return Run("ray", records, seconds, driver, tree, report.startup_seconds, (load, os.getloadavg()[0]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=2000, help="Articles (default: all 1,878).")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--order", default="pool,ray,ray,pool", help="Sides to run, in this order (default: both orders)."
    )
    args = parser.parse_args(argv)
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
        print(f"{count} articles, {args.workers} workers, {time.strftime('%Y-%m-%d %H:%M')}", flush=True)
        runs: list[Run] = []
        for side in args.order.split(","):
            if side == "pool":
                runs.append(run_pool(corpus, args.workers))
            else:
                runs.append(run_ray(corpus, args.workers, Path(folder) / "out"))
            print(runs[-1].report(), flush=True)
        _summary(runs)
    return 0


def _summary(runs: list[Run]) -> None:
    """Ray/pool throughput of each adjacent pair, and whether every run gave the same records."""
    for first, second in itertools.pairwise(runs):
        if {first.side, second.side} == {"pool", "ray"}:
            pool, ray_run = (first, second) if first.side == "pool" else (second, first)
            steady = ray_run.seconds - ray_run.startup
            print(
                f"{first.side} then {second.side}: Ray/pool throughput {pool.seconds / ray_run.seconds:.2f}"
                f" ({pool.seconds / steady:.2f} after Ray's start-up)"
            )
    same = all(run.records == runs[0].records for run in runs)
    print(f"outputs equal: {same} ({', '.join(str(len(run.records)) for run in runs)} records)")


if __name__ == "__main__":
    raise SystemExit(main())
