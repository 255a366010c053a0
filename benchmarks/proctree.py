"""CPU seconds and peak memory of a benchmark's processes, sampled from ``/proc`` in a thread.

Split out of :mod:`benchmarks.bench_scale` (2026-12-06 night) when the Ray
comparison got a third side, a job attached to a Ray instance already running:
its services and idle workers are not descendants of the job's process and
were started before the timing, so the tree takes extra ``roots`` and counts
only the CPU seconds a process spent while it was watched (its first sample is
its baseline).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Self

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
    """Peak RSS (MiB) and CPU seconds of every descendant of this process (and of ``roots``).

    CPU time is the last value seen per process (user + system), so a process
    that lives less than one sampling interval is missed: the interval is short
    against the seconds each worker runs.  Ray's GCS and raylet are children of
    the driver in local mode and its workers children of the raylet, so the
    whole Ray session is in the tree.  A process already running when the
    block is entered (an attached cluster's services, passed as ``roots``)
    counts only the CPU seconds it spends from then on.
    """

    def __init__(self, interval: float = 0.3, roots: tuple[int, ...] = ()) -> None:
        self.interval = interval
        self.roots = roots
        self.peak: dict[int, float] = {}
        self.cpu: dict[int, float] = {}
        self.names: dict[int, str] = {}
        self.baseline: dict[int, float] = {}
        super().__init__()

    def __enter__(self) -> Self:
        for pid, (_parent, cpu, _rss) in self._members(dict(_stats())):
            self.baseline[pid] = cpu
        return super().__enter__()

    def __exit__(self, *exc: object) -> None:
        super().__exit__(*exc)
        self._sample()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def _members(
        self, stats: dict[int, tuple[int, float, float]]
    ) -> Iterator[tuple[int, tuple[int, float, float]]]:
        ancestors = (os.getpid(), *self.roots)
        for pid, values in stats.items():
            if pid in self.roots or any(_descends(pid, root, stats) for root in ancestors):
                yield pid, values

    def _sample(self) -> None:
        for pid, (_parent, cpu, rss) in self._members(dict(_stats())):
            spent = cpu - self.baseline.get(pid, 0.0)
            self.cpu[pid] = max(self.cpu.get(pid, 0.0), spent)
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
