"""Slow clients against the real server: 20 fast clients while 2,000 slow ones hold connections.

Starts ``wortlaut.api.server.serve`` in a child process on a free loopback
port over a small store, then runs two timed phases from this process:

1. *baseline*: ``--fast`` clients (default 20) request ``/health``,
   ``/articles`` and ``/ui/`` in a loop on keep-alive connections;
2. *under attack*: first ``--slow`` clients (default 2,000, in a child
   process) open connections and send the start of a request head without
   ever finishing it (half-open; with ``--trickle`` one more header line
   every 2 s, slowloris); each one the server cuts off reconnects at once,
   so the number stays at ``--slow``; then the fast clients run again.

It reports per phase the fast clients' requests, p50/p95/max latency,
5xx answers and connection errors, and for the slow clients how many
connections were opened and how many the server cut off.  Loopback only;
every phase is bounded by ``--seconds`` and the whole run stops itself
(the server process is terminated at the end).  Usage::

    .venv/bin/python -m benchmarks.bench_slow_clients [--fast 20] [--slow 2000] [--seconds 10]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import multiprocessing
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from wortlaut.api import server
from wortlaut.article import Article
from wortlaut.store import Store

#: The issue's bar: fast clients' p95 under slow-client load at most this factor of the baseline.
P95_FACTOR = 2.0
#: Pause between the header lines a slow client trickles (seconds).
TRICKLE_SECONDS = 2.0
#: Hard cap on the whole run (seconds): the benchmark gives up and cleans up after this.
RUN_CAP_SECONDS = 300
PATHS = ("/health", "/articles?limit=5", "/ui/")
SERVER = """
import resource, sys
import uvicorn
from wortlaut.api import create_app, server
db, guarded = sys.argv[1], sys.argv[5]
port, cap, nofile = (int(value) for value in sys.argv[2:5])
if nofile:
    resource.setrlimit(resource.RLIMIT_NOFILE, (nofile, nofile))
app = create_app(db)
if guarded == "yes":
    server.serve(app, host="127.0.0.1", port=port, limits=server.Limits(max_connections=cap))
else:  # how `wortlaut serve` ran before: plain uvicorn
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")
"""


@dataclass
class FastStats:
    times_ms: list[float] = field(default_factory=list)
    server_errors: int = 0
    connection_errors: int = 0
    other_status: int = 0


@dataclass
class SlowStats:
    opened: int = 0
    cut_off: int = 0
    refused: int = 0


def small_store(folder: Path) -> Path:
    path = folder / "bench-slow.sqlite"
    texts = [f"Artikel {n}: Der Bundestag beriet am Montag über den Haushalt {2000 + n}." for n in range(30)]
    with Store.open(path) as store:
        store.add_many(
            [Article.create(text, source="bench", published="2025-03-05") for text in texts], link=False
        )
    return path


async def fast_client(base: str, until: float, stats: FastStats) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=10) as client:
        turn = 0
        while time.monotonic() < until:
            path = PATHS[turn % len(PATHS)]
            turn += 1
            started = time.perf_counter()
            try:
                response = await client.get(path)
            except httpx.HTTPError:
                stats.connection_errors += 1
                await asyncio.sleep(0.05)
                continue
            stats.times_ms.append((time.perf_counter() - started) * 1000)
            if response.status_code >= 500:
                stats.server_errors += 1
            elif response.status_code != 200:
                stats.other_status += 1


class SlowCounters:
    """Counters shared with the slow-client process."""

    def __init__(self) -> None:
        self.opened = multiprocessing.Value("i", 0)
        self.open_now = multiprocessing.Value("i", 0)
        self.cut_off = multiprocessing.Value("i", 0)
        self.refused = multiprocessing.Value("i", 0)


def _add(counter: Any, amount: int = 1) -> None:
    with counter.get_lock():
        counter.value += amount


async def slow_client(port: int, stop: asyncio.Event, counters: SlowCounters, trickle: bool) -> None:
    """Hold a connection with a never-finished request head; reconnect whenever the server cuts it."""
    while not stop.is_set():
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            _add(counters.refused)
            await asyncio.sleep(0.5)
            continue
        _add(counters.opened)
        _add(counters.open_now)
        try:
            writer.write(b"GET /health HTTP/1.1\r\nHost: localhost\r\n")
            while not stop.is_set():
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(reader.read(1024), TRICKLE_SECONDS)
                    break  # the server answered (408) or closed the connection
                if trickle:
                    writer.write(b"X-Slow: 1\r\n")
            if not stop.is_set():
                _add(counters.cut_off)
        except (ConnectionError, OSError):
            _add(counters.cut_off)
        finally:
            _add(counters.open_now, -1)
            writer.close()
            with contextlib.suppress(Exception):
                await writer.wait_closed()


async def _slow_clients(port: int, count: int, stop: Any, counters: SlowCounters, trickle: bool) -> None:
    stopped = asyncio.Event()
    tasks = [asyncio.create_task(slow_client(port, stopped, counters, trickle)) for _ in range(count)]
    while not stop.is_set():
        await asyncio.sleep(0.2)
    stopped.set()
    await asyncio.wait(tasks, timeout=TRICKLE_SECONDS + 5)
    for task in tasks:
        task.cancel()


def slow_process(port: int, count: int, stop: Any, counters: SlowCounters, trickle: bool, nice: int) -> None:
    """Entry of the child process running the slow clients, so they do not slow the fast ones' loop."""
    if nice:
        os.nice(nice)  # stands for attackers on other hosts, whose CPU is not the server's
    asyncio.run(_slow_clients(port, count, stop, counters, trickle))


async def phase(base: str, fast: int, seconds: float) -> FastStats:
    stats = FastStats()
    until = time.monotonic() + seconds
    await asyncio.gather(*(fast_client(base, until, stats) for _ in range(fast)))
    return stats


def attack(
    port: int, fast: int, slow: int, seconds: float, args: argparse.Namespace
) -> tuple[FastStats, SlowStats, int]:
    """The fast phase while ``slow`` clients in another process hold connections."""
    stop, counters = multiprocessing.Event(), SlowCounters()
    worker = multiprocessing.Process(
        target=slow_process, args=(port, slow, stop, counters, args.trickle, args.attacker_nice), daemon=True
    )
    worker.start()
    try:
        deadline = time.monotonic() + 60
        while counters.open_now.value < slow and time.monotonic() < deadline:
            time.sleep(0.1)
        held = counters.open_now.value
        fast_stats = asyncio.run(
            asyncio.wait_for(phase(f"http://127.0.0.1:{port}", fast, seconds), RUN_CAP_SECONDS)
        )
    finally:
        stop.set()
        worker.join(timeout=TRICKLE_SECONDS + 10)
        if worker.is_alive():
            worker.kill()
    slow_stats = SlowStats(
        opened=counters.opened.value, cut_off=counters.cut_off.value, refused=counters.refused.value
    )
    return fast_stats, slow_stats, held


def p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] if ordered else float("nan")


def report(name: str, stats: FastStats) -> None:
    times = stats.times_ms
    median = statistics.median(times) if times else float("nan")
    print(f"{name:<14}{len(times):>9}{median:>9.1f}{p95(times):>9.1f}{max(times, default=0):>9.1f}"
          f"{stats.server_errors:>6}{stats.connection_errors:>11}{stats.other_status:>7}")  # fmt: skip


def start_server(db: Path, args: argparse.Namespace) -> tuple[subprocess.Popen[bytes], int]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            SERVER,
            str(db),
            str(port),
            str(args.max_connections),
            str(args.nofile),
            "no" if args.unguarded else "yes",
        ]
    )
    deadline = time.monotonic() + 60
    while True:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return process, port
        if time.monotonic() > deadline or process.poll() is not None:
            process.kill()
            raise SystemExit("the server did not start")
        time.sleep(0.1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fast", type=int, default=20, help="concurrent fast clients")
    parser.add_argument("--slow", type=int, default=2000, help="concurrent slow (half-open) clients")
    parser.add_argument("--seconds", type=float, default=10.0, help="length of each timed phase")
    parser.add_argument("--nofile", type=int, default=0, help="server's open-files limit (0: unchanged)")
    parser.add_argument("--unguarded", action="store_true", help="plain uvicorn, as before, for comparison")
    parser.add_argument(
        "--attacker-nice", type=int, default=0, help="nice level of the slow clients' process"
    )
    parser.add_argument("--trickle", action="store_true", help="slow clients send a header line every 2 s")
    parser.add_argument("--max-connections", type=int, default=server.MAX_CONNECTIONS, help="server's cap")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="wortlaut-slow-") as folder:
        process, port = start_server(small_store(Path(folder)), args)
        try:
            base = f"http://127.0.0.1:{port}"
            asyncio.run(asyncio.wait_for(phase(base, args.fast, 2.0), RUN_CAP_SECONDS))  # warm-up
            baseline = asyncio.run(asyncio.wait_for(phase(base, args.fast, args.seconds), RUN_CAP_SECONDS))
            loaded, slow, held = attack(port, args.fast, args.slow, args.seconds, args)
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
    mode = ("UNGUARDED plain uvicorn" if args.unguarded else "guarded") + (
        ", trickling" if args.trickle else ""
    )
    mode += f", attackers at nice {args.attacker_nice}" if args.attacker_nice else ""
    print(f"{args.fast} fast clients, {args.slow} slow clients, {args.seconds:.0f} s per phase, {mode}, "
          f"server cap {args.max_connections}, open-files limit {args.nofile or 'unchanged'}")  # fmt: skip
    widths = (("requests", 9), ("p50 ms", 9), ("p95 ms", 9), ("max ms", 9), ("5xx", 6), ("conn err", 11))
    print(f"{'phase':<14}" + "".join(f"{name:>{width}}" for name, width in widths) + f"{'other':>7}")
    report("baseline", baseline)
    report("with slow", loaded)
    print(f"slow clients: {held} open at once when the fast phase began; {slow.opened} connections opened, "
          f"{slow.cut_off} cut off by the server, {slow.refused} refused")  # fmt: skip
    ratio = p95(loaded.times_ms) / p95(baseline.times_ms)
    ok = loaded.server_errors == 0 and baseline.server_errors == 0 and ratio <= P95_FACTOR
    print(f"p95 ratio {ratio:.2f} (bar {P95_FACTOR:.1f}); {'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
