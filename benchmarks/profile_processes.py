"""CPU seconds of each process of a cold ``wortlaut ingest`` (issue 17zb): main, e5 helper, workers.

``bench_ingest_cold`` reports the whole tree's CPU time; this runs the same
ingest (the same N fresh inputs, default settings, ``--workers``, linking on)
and samples every process of the tree from ``/proc`` (:class:`ProcessTree`,
every 0.1 s), so that the tree's bill can be split: the main process (reading,
the pipeline build before the fork, the batches' store and linking), the e5
helper (forked first, before the pipeline is built: half of each large e5
call) and the analysis workers (forked last).  Children are listed in the
order they started.  A process's last sample is taken up to 0.1 s before it
exits, so the rows may sum to slightly less than the tree's total.  Usage::

    .venv/bin/python -m benchmarks.profile_processes [--n 600] [--workers 2]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.bench_ingest_cold import ingest_command, write_inputs
from benchmarks.proctree import ProcessTree


def _started(pid: int) -> int:
    """The process's start time in clock ticks since boot (0 when it is gone)."""
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19])
    except (OSError, IndexError, ValueError):
        return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=600, help="fresh articles (texts first, then HTML pages)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--pages-first", action="store_true", help="the 144 HTML pages first, then texts")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        paths = write_inputs(folder, args.n, pages_first=args.pages_first)
        if not paths:
            print("no corpus: needs ../shared/data (10kGNAD, WikiNews, news-html)")
            return 0
        command = ingest_command(paths, folder / "cold.sqlite", args.workers)
        print(f"load average before: {os.getloadavg()[0]:.1f}")
        before, wall = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
        started: dict[int, int] = {}
        with ProcessTree(interval=0.1) as tree:
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            while process.poll() is None:
                started.update((pid, _started(pid)) for pid in tree.cpu if pid not in started)
                time.sleep(0.5)
            summary = (process.stderr.read() if process.stderr else "").strip().splitlines()[-1:]
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    total = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print(f"{summary[0] if summary else '(no summary)'}; wall {time.perf_counter() - wall:.1f} s; "
          f"tree CPU {total:.1f} s ({1000 * total / max(1, args.n):.1f} ms/article)")  # fmt: skip
    children = sorted((pid for pid in tree.cpu if pid != process.pid), key=lambda pid: started.get(pid, 0))
    rows = [("main", process.pid)] + [(f"child {rank}", pid) for rank, pid in enumerate(children, 1)]
    for label, pid in rows:
        cpu = tree.cpu.get(pid, 0.0)
        print(f"  {label:8s} pid {pid}: {cpu:6.1f} CPU s ({1000 * cpu / max(1, args.n):5.1f} ms/article), "
              f"peak RSS {tree.peak.get(pid, 0.0):.0f} MiB")  # fmt: skip
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    return 0 if process.returncode in (0, 1) else process.returncode


if __name__ == "__main__":
    raise SystemExit(main())
