"""Own process pool vs Ray Data on the same articles: throughput, start-up, peak memory per worker.

Writes the corpus (10kGNAD articles, then WikiNews ``originalText`` of the
train and dev splits) once as a JSON Lines file, then analyses it twice with
``--workers`` workers: with the pool ``wortlaut ingest`` uses
(:func:`wortlaut.store.loader._analysed`, fork, resources loaded once per
worker) and with :func:`wortlaut.scale.job.run_batch` (Ray Data, local mode,
without linking), and checks that both give the same records.  Peak memory
per worker is the largest resident size seen of a worker process (pool
children, Ray's ``Analyzer`` actors), sampled every 0.2 s.  Usage::

    .venv/bin/python -m benchmarks.bench_scale [--limit N] [--workers W]
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from benchmarks.corpora import CorpusMissing, gnad_articles, wikinews_articles
from wortlaut.article import Article
from wortlaut.ingest import iter_articles
from wortlaut.scale.records import read_records, record_json
from wortlaut.store.loader import _analysed, default_analyzer

#: JSON Lines files the corpus is written as: Ray Data reads one file per task, so a sharded input
#: is what lets every actor work (the pool reads the same files in the same order).
SHARDS = 16


class PeakMemory:
    """Largest RSS (MiB) of processes picked by ``wanted(pid, cmdline)``, sampled in a thread."""

    def __init__(self, wanted: Callable[[int, str], bool]) -> None:
        self.wanted = wanted
        self.peak: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(0.2):
            for pid, cmdline in _processes():
                if self.wanted(pid, cmdline):
                    self.peak[pid] = max(self.peak.get(pid, 0.0), _rss_mib(pid))

    def largest(self) -> float:
        return max(self.peak.values(), default=0.0)


def _processes() -> Iterator[tuple[int, str]]:
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                yield int(entry.name), (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue


def _rss_mib(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _parent(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return -1


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


def run_pool(corpus: Path, workers: int) -> tuple[dict[str, str], float, float]:
    me = os.getpid()
    started = time.perf_counter()
    with PeakMemory(lambda pid, _: _parent(pid) == me) as memory:
        items = (item for item in iter_articles([str(corpus)]) if isinstance(item, Article))
        records = {
            a.id: record_json(a)
            for a in _analysed(iter(items), default_analyzer, workers)
            if isinstance(a, Article)
        }
    return records, time.perf_counter() - started, memory.largest()


def run_ray(corpus: Path, workers: int, output: Path) -> tuple[dict[str, str], float, float, float]:
    from wortlaut.scale.job import run_batch

    started = time.perf_counter()
    with PeakMemory(lambda _, cmdline: cmdline.startswith("ray::") and "Analyzer" in cmdline) as memory:
        report = run_batch([str(corpus)], output, workers=workers, link=False)
    seconds = time.perf_counter() - started
    records = {a.id: record_json(a) for a in read_records(output)}
    return records, seconds, report.startup_seconds, memory.largest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=2000, help="Articles (default: all 1,878).")
    parser.add_argument("--workers", type=int, default=2)
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
        print(f"{count} articles, {args.workers} workers, load {os.getloadavg()[0]:.1f}")
        pool, pool_seconds, pool_peak = run_pool(corpus, args.workers)
        print(
            f"own pool: {pool_seconds:.1f} s, {len(pool) / pool_seconds:.2f} articles/s, "
            f"peak {pool_peak:.0f} MiB per worker"
        )
        ray_records, ray_seconds, startup, ray_peak = run_ray(corpus, args.workers, Path(folder) / "out")
        steady = ray_seconds - startup
        print(
            f"Ray Data: {ray_seconds:.1f} s ({startup:.1f} s Ray start-up), "
            f"{len(ray_records) / ray_seconds:.2f} articles/s overall, {len(ray_records) / steady:.2f} after "
            f"start-up, peak {ray_peak:.0f} MiB per worker"
        )
        print(
            f"ratio Ray/pool: {pool_seconds / ray_seconds:.2f} overall, "
            f"{pool_seconds / steady:.2f} after start-up"
        )
        print(
            f"outputs equal: {ray_records == pool} ({len(pool)} vs {len(ray_records)} records); "
            f"load {os.getloadavg()[0]:.1f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
