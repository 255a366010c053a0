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
import itertools
import json
import multiprocessing
import os
import resource
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self

from benchmarks.corpora import CorpusMissing, gnad_articles, wikinews_articles
from wortlaut.article import Article
from wortlaut.ingest import iter_articles
from wortlaut.scale.records import read_records, record_json
from wortlaut.store.loader import _analysed, default_analyzer

#: JSON Lines files the corpus is written as: a Ray actor takes one file per call, so a sharded input
#: is what lets every actor work, and when the last files run one actor may wait for the other for
#: up to one file's work: 64 shards of ~31 articles at 2,000 articles keep that under a second
#: (0.026 CPU-s per article measured); the pool reads the same files in the same order.
SHARDS = 64


#: Clock ticks per second of ``/proc/<pid>/stat``'s CPU times.
_TICKS = os.sysconf("SC_CLK_TCK")


class Background:
    """A daemon thread running ``_run`` for the length of a ``with`` block (samplers and watchers).

    ``_run`` loops on ``self._stop.wait(interval)`` so that leaving the block ends it at once.
    """

    def __init__(self) -> None:
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        raise NotImplementedError


class ProcessTree(Background):
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
        super().__init__()

    def __exit__(self, *exc: object) -> None:
        super().__exit__(*exc)
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


def corpus_articles(limit: int) -> list[Article]:
    """``limit`` distinct articles: 10kGNAD, then WikiNews train and dev, then copies with a marker line.

    The real articles are 1,878; past them the corpus repeats with ``(Kopie n)``
    appended, so every article has its own id (none is skipped as already seen)
    and costs what its original costs.
    """
    real: list[Article] = gnad_articles() + wikinews_articles("train") + wikinews_articles("dev")
    articles = []
    for number, article in zip(range(limit), itertools.cycle(real), strict=False):
        copy = number // len(real)
        text = article.text if copy == 0 else f"{article.text}\n(Kopie {copy})"
        articles.append(Article.create(text, title=article.title, language="de"))
    return articles


def write_corpus(limit: int, target: Path) -> int:
    """The corpus as :data:`SHARDS` JSON Lines files, article ``n`` in file ``n % SHARDS``."""
    articles = corpus_articles(limit)
    target.mkdir(parents=True, exist_ok=True)
    handles = [(target / f"part-{n:02d}.jsonl").open("w", encoding="utf-8") for n in range(SHARDS)]
    for number, article in enumerate(articles):
        title = {"title": article.title} if article.title else {}
        record = {"text": article.text, "language": "de", **title}
        handles[number % SHARDS].write(json.dumps(record, ensure_ascii=False) + "\n")
    for handle in handles:
        handle.close()
    return len(articles)


def ray_corpus(limit: int, target: Path, actors: int) -> int | None:
    """Write and announce a Ray-only benchmark's corpus; None (reason printed) when Ray or data is missing."""
    try:
        import ray  # noqa: F401
    except ImportError:
        print("skipped: Ray is not installed (pip install 'wortlaut[scale]')")
        return None
    try:
        count = write_corpus(limit, target)
    except CorpusMissing as error:
        print(f"skipped: {error}")
        return None
    now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    print(f"{count} articles in {SHARDS} files, {actors} actors, {now}")
    return count


@dataclass
class Run:
    """One side of the comparison: its records, wall seconds, driver CPU and the process tree."""

    side: str
    records: dict[str, str]
    seconds: float
    driver_cpu: float
    tree: ProcessTree
    startup: float = 0.0
    first_record: float = 0.0  # seconds from the run's start until its first record was out
    load: tuple[tuple[float, ...], tuple[float, ...]] = ((), ())
    began: str = ""

    @property
    def workers_label(self) -> str:
        return "analysis actors" if self.side == "ray" else "pool workers"

    def kind(self, pid: int) -> str:
        return ray_kind(self.tree.names.get(pid, "")) if self.side == "ray" else "pool workers"

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
            "steady_articles_per_s": round(n / max(self.seconds - self.first_record, 1e-9), 3),
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
            + (f" (ray.init {self.startup:.1f} s)" if self.side == "ray" else "")
            + f"; load {_load(self.load[0])} -> {_load(self.load[1])}",
            f"  first record after {self.first_record:.1f} s; steady state (wall minus that)"
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
    first = 0.0
    with ProcessTree() as tree:
        items = (item for item in iter_articles([str(corpus)]) if isinstance(item, Article))
        records = {}
        for article in _analysed(iter(items), default_analyzer, workers):
            first = first or time.perf_counter() - started
            if isinstance(article, Article):
                records[article.id] = record_json(article)
    seconds = time.perf_counter() - started
    return Run(
        "pool",
        records,
        seconds,
        _cpu_self() - cpu,
        tree,
        first_record=first,
        load=(load, os.getloadavg()),
        began=began,
    )


class FirstFile(Background):
    """Seconds until the first file appears below a folder, polled in a thread every 50 ms.

    A Ray actor writes its records as Parquet after each input file, so the
    first file marks its first finished input (about 31 articles of work here):
    later than the pool's first record (2 articles), which flatters the pool's
    steady state, not Ray's.
    """

    def __init__(self, folder: Path, started: float) -> None:
        self.folder, self.started, self.seconds = folder, started, 0.0
        super().__init__()

    def _run(self) -> None:
        while not self._stop.wait(0.05):
            if self.folder.is_dir() and any(path.is_file() for path in self.folder.rglob("*")):
                self.seconds = time.perf_counter() - self.started
                return


def run_ray(corpus: Path, workers: int, output: Path) -> Run:
    import ray

    from wortlaut.scale.job import run_batch

    load, began = os.getloadavg(), _now()
    started, cpu = time.perf_counter(), _cpu_self()
    with ProcessTree() as tree, FirstFile(output, started) as first:
        report = run_batch([str(corpus)], output, workers=workers, link=False)
        seconds = time.perf_counter() - started
        driver = _cpu_self() - cpu
        ray.shutdown()
    records = {a.id: record_json(a) for a in read_records(output)}
    shutil.rmtree(output)
    return Run(
        "ray",
        records,
        seconds,
        driver,
        tree,
        startup=report.startup_seconds,
        first_record=first.seconds,
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
        print(f"{count} articles in {SHARDS} files, {args.workers} workers, {_now()}", flush=True)
        runs: list[Result] = []
        for side in args.order.split(","):
            out = Path(folder) / "out"
            runs.append(
                run_fresh(side, corpus, args.workers, out)
                if args.fresh
                else run_side(side, corpus, args.workers, out)
            )
            print(runs[-1].text, flush=True)
        summary = _summary(runs, count)
        if args.out:
            summary.update(
                workers=args.workers, shards=SHARDS, order=args.order, cores=os.cpu_count(), fresh=args.fresh
            )
            args.out.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
            print(f"summary written to {args.out}")
    return 0


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


def run_side(side: str, corpus: Path, workers: int, output: Path) -> Result:
    """One run of ``side`` (``pool`` or ``ray``) in this process."""
    run = run_pool(corpus, workers) if side == "pool" else run_ray(corpus, workers, output)
    return Result(
        run.side, run.records, run.seconds, run.startup, run.first_record, run.summary(), run.report()
    )


def run_fresh(side: str, corpus: Path, workers: int, output: Path) -> Result:
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
        return executor.submit(run_side, side, corpus, workers, output).result()


def _summary(runs: list[Result], count: int) -> dict[str, Any]:
    """Ray/pool throughput and CPU ratios of adjacent pairs; whether every run gave the same records."""
    pairs = []
    for first, second in itertools.pairwise(runs):
        if {first.side, second.side} == {"pool", "ray"}:
            pool, ray_run = (first, second) if first.side == "pool" else (second, first)
            pool_cpu, ray_cpu = pool.numbers["total_cpu_s"], ray_run.numbers["total_cpu_s"]
            pair = {
                "order": f"{first.side},{second.side}",
                "throughput_ratio": round(pool.seconds / ray_run.seconds, 3),
                "throughput_ratio_after_startup": round(
                    pool.seconds / (ray_run.seconds - ray_run.startup), 3
                ),
                "steady_state_ratio": round(
                    (pool.seconds - pool.first_record) / (ray_run.seconds - ray_run.first_record), 3
                ),
                "cpu_ratio": round(pool_cpu / ray_cpu, 3),
            }
            pairs.append(pair)
            print(
                f"{pair['order']}: Ray/pool throughput {pair['throughput_ratio']:.2f}"
                f" ({pair['throughput_ratio_after_startup']:.2f} after ray.init,"
                f" {pair['steady_state_ratio']:.2f} in steady state, each after its first record);"
                f" pool/Ray CPU-s {pair['cpu_ratio']:.2f}"
            )
    same = all(run.records == runs[0].records for run in runs)
    complete = all(len(run.records) == count for run in runs)
    print(f"outputs equal: {same}, all {count} articles in every run: {complete}")
    return {
        "articles": count,
        "outputs_equal": same,
        "complete": complete,
        "pairs": pairs,
        "runs": [run.numbers for run in runs],
    }


if __name__ == "__main__":
    raise SystemExit(main())
